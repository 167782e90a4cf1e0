// Reference figures and assumptions for the registry's generator part. Census figures come
// from DOMAIN.md (census2020() in platform/regions); everything marked ASSUMPTION is a
// documented guess, kept here as data so calibration can change it without touching code.

/** Census day of the 7th national census: ages are counted on this date. */
export const CENSUS_DAY = '2020-11-01';

/**
 * Age pyramid, share of the population by five-year band on census day.
 *
 * Hainan's 2020 census gives four shares (海南省第七次全国人口普查公报): 0–14: 19.97%,
 * 15–59: 65.38%, 60+: 14.65%, of which 65+: 10.43% *(check)*. The shape inside each of those
 * groups is ASSUMED to follow the national 2020 pyramid (approximate five-year shares,
 * in the `shape` column), rescaled so the four Hainan shares hold exactly.
 * Band 90 stands for 90–99.
 */
const nationalShape: readonly (readonly [from: number, share: number])[] = [
  [0, 5.5], [5, 6.4], [10, 6.0], [15, 5.2], [20, 5.4], [25, 6.6], [30, 8.8], [35, 7.0], [40, 6.7],
  [45, 8.1], [50, 8.6], [55, 7.1], [60, 5.2], [65, 5.0], [70, 3.4], [75, 2.3], [80, 1.5], [85, 0.8], [90, 0.3],
];

export const HAINAN_AGE_SHARES = { under15: 0.1997, from15to59: 0.6538, from60to64: 0.1465 - 0.1043, from65: 0.1043 } as const;

function groupOf(from: number): keyof typeof HAINAN_AGE_SHARES {
  if (from < 15) return 'under15';
  if (from < 60) return 'from15to59';
  if (from < 65) return 'from60to64';
  return 'from65';
}

export type AgeBand = { from: number; to: number; share: number; maleShare: number };

/**
 * Male share by age: sex ratio at birth in Hainan was among the highest in China; women
 * outlive men. ASSUMED band values, then scaled so the whole population is 53.02% male
 * (census sex ratio 112.86 *(check)*).
 */
function maleShareByAge(from: number): number {
  if (from < 20) return 0.545;
  if (from < 60) return 0.535;
  if (from < 75) return 0.505;
  if (from < 85) return 0.46;
  return 0.4;
}

export const MALE_SHARE = 0.5302;

export const ageBands: readonly AgeBand[] = (() => {
  const groupTotals = new Map<string, number>();
  for (const [from, s] of nationalShape) groupTotals.set(groupOf(from), (groupTotals.get(groupOf(from)) ?? 0) + s);
  const bands = nationalShape.map(([from, s]) => ({
    from,
    to: from === 90 ? 99 : from + 4,
    share: (s / groupTotals.get(groupOf(from))!) * HAINAN_AGE_SHARES[groupOf(from)],
    maleShare: maleShareByAge(from),
  }));
  const male = bands.reduce((acc, b) => acc + b.share * b.maleShare, 0);
  const k = MALE_SHARE / male;
  return bands.map((b) => ({ ...b, maleShare: Math.min(0.95, b.maleShare * k) }));
})();

/**
 * Urbanisation by plan unit. The census gives only the province (60.27%). ASSUMPTION: the
 * relative levels below (higher in 海口 and 三亚, lower in the central mountain counties
 * 白沙, 琼中, 屯昌 and in 临高, 乐东), which `urbanisationByUnit` shifts on the log-odds
 * scale so that the population-weighted mean is exactly 60.27%. Hukou type is drawn from it:
 * the issue asks for urban/rural hukou "by each county's urbanisation rate", although
 * hukou urbanisation is lower than residence urbanisation in the statistics.
 */
export const relativeUrbanisation: Readonly<Record<string, number>> = {
  '460100': 0.8, // 海口
  '460200': 0.71, // 三亚
  '460300': 0.9, // 三沙
  '460400': 0.48, // 儋州
  '469001': 0.46, // 五指山
  '469002': 0.51, // 琼海
  '469005': 0.53, // 文昌
  '469006': 0.45, // 万宁
  '469007': 0.46, // 东方
  '469021': 0.45, // 定安
  '469022': 0.4, // 屯昌
  '469023': 0.47, // 澄迈
  '469024': 0.38, // 临高
  '469025': 0.35, // 白沙
  '469026': 0.55, // 昌江
  '469027': 0.36, // 乐东
  '469028': 0.43, // 陵水
  '469029': 0.41, // 保亭
  '469030': 0.37, // 琼中
};

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Per-unit rates: the relative levels shifted so that Σ pop × rate / Σ pop = province rate. */
export function urbanisationByUnit(units: readonly { code: string; population: number }[], provinceRate: number): Map<string, number> {
  const total = units.reduce((s, u) => s + u.population, 0);
  const mean = (shift: number) => units.reduce((s, u) => s + u.population * logistic(logit(relativeUrbanisation[u.code] ?? 0.5) + shift), 0) / total;
  let lo = -5;
  let hi = 5;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (mean(mid) < provinceRate) lo = mid;
    else hi = mid;
  }
  const shift = (lo + hi) / 2;
  return new Map(units.map((u) => [u.code, logistic(logit(relativeUrbanisation[u.code] ?? 0.5) + shift)]));
}

/**
 * Township weights inside a county-level unit (the census has no township figures).
 * ASSUMPTION: a street (街道) counts 3, the county seat town (code ending 100) 2.5, another
 * town 1, a 乡 0.6, a development zone 0.5, a state farm 0.3, villages run directly by a
 * 三亚 district 1, an island area 1. The same weight is each township's pull for urban
 * hukou and for employers.
 */
export function townshipWeight(kind: string, code: string): number {
  if (kind === 'street') return 3;
  if (kind === 'town') return code.endsWith('100') ? 2.5 : 1;
  if (kind === 'township') return 0.6;
  if (kind === 'development-zone') return 0.5;
  if (kind === 'farm') return 0.3;
  return 1;
}

/** Urban-hukou pull of a township relative to others in its county (streets and seats first). */
export function urbanPull(kind: string, code: string): number {
  if (kind === 'street') return 4;
  if (kind === 'town' && code.endsWith('100')) return 3;
  if (kind === 'development-zone') return 2;
  return 1;
}

/**
 * Households. ASSUMPTIONS: a woman aged 20+ is married with the probability below (by age);
 * her husband is about 2 years older; single adults aged 18–34 live with their parents with
 * probability 0.7; a widowed or single person aged 65+ lives with a child with probability
 * 0.55; an older couple (husband 68+) with probability 0.3; a child's parent (head) is about
 * 28 years older. No household has more than 6 members.
 */
export const household = {
  maxSize: 6,
  marriedByAge(age: number): number {
    if (age < 20) return 0;
    if (age < 25) return 0.35;
    if (age < 30) return 0.72;
    if (age < 60) return 0.9;
    if (age < 70) return 0.8;
    if (age < 80) return 0.6;
    return 0.3;
  },
  youngWithParents: 0.7,
  elderlyWithChildren: 0.55,
  olderCoupleWithChildren: 0.3,
  parentAgeGap: { mean: 28, sd: 5, min: 18, max: 45 },
} as const;

/**
 * Births after census day (the population is the census one plus babies born up to the
 * last generated year). ASSUMED crude birth rates, per person and year *(check)*.
 */
export const birthRate: Readonly<Record<number, number>> = { 2020: 0.0102, 2021: 0.0098, 2022: 0.0086, 2023: 0.0082, 2024: 0.008, 2025: 0.0078 };

/**
 * Group flags. ASSUMPTIONS (shares of persons):
 * - disability (持证残疾人): about 2.6% overall, rising with age;
 * - veteran (退役军人, 57 million in China, nearly all men): men 25+ 8%, women 25+ 0.4%;
 * - low-income household (低保): whole households, 3.5% of rural and 1.2% of urban ones;
 * - zero-employment household (零就业家庭): urban households with a member aged 16–59,
 *   0.3% of them (the status is cleared as soon as someone finds work, so it stays rare).
 */
export const flags = {
  disabilityByAge(age: number): number {
    if (age < 18) return 0.008;
    if (age < 60) return 0.02;
    if (age < 80) return 0.05;
    return 0.1;
  },
  veteran(age: number, male: boolean): number {
    if (age < 25) return 0;
    return male ? 0.08 : 0.004;
  },
  lowIncomeHousehold: { rural: 0.035, urban: 0.012 },
  zeroEmploymentHousehold: 0.003,
} as const;

/** Share of people with a mobile number by age. ASSUMPTION. */
export function phoneShare(age: number): number {
  if (age < 14) return 0;
  if (age < 18) return 0.6;
  if (age < 65) return 0.95;
  if (age < 80) return 0.75;
  return 0.4;
}

/** Mobile prefixes (China Mobile, Unicom, Telecom, Broadcast), weighted roughly by use. */
export const mobilePrefixes: readonly (readonly [string, number])[] = [
  ['134', 2], ['135', 4], ['136', 4], ['137', 3], ['138', 5], ['139', 5], ['147', 1], ['150', 3], ['151', 3], ['152', 3],
  ['157', 2], ['158', 3], ['159', 3], ['178', 2], ['182', 3], ['183', 2], ['187', 3], ['188', 3], ['198', 2],
  ['130', 3], ['131', 3], ['132', 3], ['155', 2], ['156', 2], ['166', 2], ['175', 1], ['176', 2], ['185', 2], ['186', 3],
  ['133', 2], ['153', 2], ['173', 1], ['177', 2], ['180', 2], ['181', 2], ['189', 3], ['191', 1], ['199', 2], ['192', 1],
];

/** Surnames common in Hainan, weighted (符, 羊, 邢, 云 are typical of the island). ASSUMED weights. */
export const surnames: readonly (readonly [string, number])[] = [
  ['王', 9], ['陈', 9], ['李', 6], ['符', 6], ['吴', 5], ['林', 5], ['黄', 4.5], ['张', 4], ['刘', 2.5], ['周', 2],
  ['郑', 2], ['羊', 2], ['邢', 2], ['蔡', 1.5], ['冯', 1.5], ['杨', 1.5], ['云', 1.2], ['钟', 1.2], ['何', 1], ['许', 1],
  ['梁', 1], ['赵', 1], ['孙', 0.8], ['韩', 1], ['潘', 1], ['谢', 1], ['曾', 0.8], ['麦', 0.8], ['文', 0.8], ['卢', 0.8],
  ['唐', 0.8], ['陆', 0.6], ['朱', 0.8], ['徐', 0.6], ['胡', 0.6], ['高', 0.6], ['罗', 0.7], ['邓', 0.6], ['郭', 0.6],
  ['庞', 0.5], ['莫', 0.6], ['叶', 0.5], ['苏', 0.5], ['詹', 0.5], ['洪', 0.5], ['严', 0.4], ['卓', 0.4], ['冼', 0.4],
  ['龙', 0.4], ['欧阳', 0.2], ['司徒', 0.1],
];

export const givenNameChars = {
  male: '伟强磊军勇杰涛明超辉华平刚建国志海峰鹏斌波宇浩俊凯健龙飞亮成东文武德江昌雄坤才彬锋兴良安福贵生祥瑞振育',
  female: '芳娟敏静丽艳娜秀英玲霞燕红梅莉婷雪琳颖慧萍琴丹洁兰凤佳倩媛月晶妍婉欣怡蓉珍桂云娇嫣薇琼莹芬彩惠',
  either: '晓春秋海子小一思雨心欣明佳嘉新宁永',
} as const;

/**
 * Employers. ASSUMPTIONS: one employer for every 40 residents (about 252,000 at scale 1);
 * size shares micro 82%, small 14%, medium 3.3%, large 0.7%; industry shares below reflect
 * Hainan's service-heavy economy (trade, tourism, business services, construction).
 */
export const employersPerResident = 1 / 40;

export const employerSizes: readonly (readonly ['large' | 'medium' | 'small' | 'micro', number])[] = [
  ['micro', 82],
  ['small', 14],
  ['medium', 3.3],
  ['large', 0.7],
];

/** Headcount ranges by size that other modules' parts can use when assigning employees. ASSUMED. */
export const employerHeadcount: Readonly<Record<'large' | 'medium' | 'small' | 'micro', readonly [number, number]>> = {
  micro: [1, 9],
  small: [10, 99],
  medium: [100, 299],
  large: [300, 3000],
};

export const industryShares: readonly (readonly [string, number])[] = [
  ['A', 5], ['B', 0.3], ['C', 5], ['D', 0.5], ['E', 8], ['F', 22], ['G', 4], ['H', 10], ['I', 6], ['J', 1],
  ['K', 5], ['L', 14], ['M', 6], ['N', 1], ['O', 5], ['P', 2], ['Q', 2], ['R', 3], ['S', 1.5],
];

/** Ownership by industry: public services and administration are mostly not companies. */
export function ownershipWeights(industry: string): readonly (readonly [string, number])[] {
  if (industry === 'S') return [['government', 55], ['public_institution', 25], ['social_org', 20]];
  if (industry === 'P' || industry === 'Q') return [['public_institution', 55], ['private', 20], ['limited', 15], ['social_org', 10]];
  return [
    ['private', 52], ['limited', 24], ['individual', 10], ['state', 4], ['joint_stock', 3], ['hmt', 1.5], ['foreign', 1], ['collective', 1], ['other', 1.5],
  ];
}

export const tradeNames =
  '椰风 南海 琼州 鹿城 天涯 博鳌 万泉 五指 黎锦 椰林 凤凰 海岸 蓝湾 热带 金椰 绿岛 海韵 南国 琼海 椰城 东郊 白沙 红树 清澜 铜鼓 尖峰 七仙 大洲 新埠 西岛 火山 永兴 南渡 昌化 珠崖 富力 和美 兴隆 乐城 石梅 神州 亚龙 大东 鹿回 文笔 骑楼 万绿 盈滨 福山 桂林 博雅 海甸 南山 云龙 三角 椰子 槟榔 咖啡 胡椒 沉香'.split(' ');

export const industryWords: Readonly<Record<string, readonly string[]>> = {
  A: ['热带农业开发', '农业科技', '种养殖专业合作社', '渔业'],
  B: ['矿业', '石材'],
  C: ['食品', '制药', '新材料', '椰子加工', '包装制品'],
  D: ['电力工程', '燃气', '水务'],
  E: ['建设工程', '建筑工程', '装饰工程', '市政工程'],
  F: ['商贸', '贸易', '百货', '免税商品经营'],
  G: ['物流', '运输', '航运', '快递服务'],
  H: ['酒店管理', '餐饮管理', '度假酒店', '民宿'],
  I: ['信息技术', '网络科技', '数字科技', '软件'],
  J: ['投资管理', '融资租赁', '保险代理'],
  K: ['房地产开发', '置业', '物业服务'],
  L: ['商务服务', '企业管理咨询', '人力资源服务', '旅行社'],
  M: ['科技', '检测技术', '工程设计', '农业技术研究'],
  N: ['环境工程', '园林绿化', '环卫服务'],
  O: ['家政服务', '汽车维修', '美容美发'],
  P: ['教育科技', '职业培训学校', '幼儿园'],
  Q: ['医疗', '诊所', '康养服务'],
  R: ['文化传媒', '旅游文化', '体育发展'],
  S: ['社会服务'],
};

export const publicInstitutions: Readonly<Record<string, readonly string[]>> = {
  P: ['中心小学', '第一中学', '第二中学', '中心幼儿园', '职业技术学校', '实验小学'],
  Q: ['人民医院', '中医院', '妇幼保健院', '卫生院', '疾病预防控制中心'],
  S: ['就业服务中心', '社会保险服务中心', '住房公积金管理中心', '融媒体中心', '农业技术推广服务中心'],
  other: ['规划设计院', '水务服务中心', '图书馆', '文化馆'],
};

export const governmentBodies = ['人民政府办公室', '发展和改革委员会', '教育局', '财政局', '人力资源和社会保障局', '自然资源和规划局', '住房和城乡建设局', '交通运输局', '农业农村局', '卫生健康委员会', '应急管理局', '市场监督管理局', '旅游和文化广电体育局', '民政局', '司法局'];

export const socialOrgs = ['个体劳动者协会', '餐饮行业协会', '旅游协会', '慈善总会', '老年人协会', '社会工作服务中心', '青年创业促进会'];

export const shopKinds = ['餐饮店', '小吃店', '便利店', '水果店', '理发店', '五金店', '汽车修理部', '服装店', '茶店', '粉店'];
