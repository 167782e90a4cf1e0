// Codes of the insurance module: insurance types, ledger events, statuses, benefit kinds,
// with their Chinese and English labels. Everything else refers to these lists.

export const insuranceTypes = ['enterprise_pension', 'institution_pension', 'resident_pension', 'unemployment', 'work_injury'] as const;
export type InsuranceType = (typeof insuranceTypes)[number];

export const insuranceTypeLabels: Record<InsuranceType, { zh: string; en: string }> = {
  enterprise_pension: { zh: '企业职工基本养老保险', en: "Enterprise employees' basic pension" },
  institution_pension: { zh: '机关事业单位养老保险', en: 'Public institution pension' },
  resident_pension: { zh: '城乡居民基本养老保险', en: "Urban and rural residents' basic pension" },
  unemployment: { zh: '失业保险', en: 'Unemployment insurance' },
  work_injury: { zh: '工伤保险', en: 'Work-injury insurance' },
};

/** The three basic pension schemes: a person belongs to at most one at a time. */
export const pensionTypes: readonly InsuranceType[] = ['enterprise_pension', 'institution_pension', 'resident_pension'];
/** Urban workers' pension (城镇职工基本养老保险) = enterprise + public institution schemes. */
export const urbanWorkerPensionTypes: readonly InsuranceType[] = ['enterprise_pension', 'institution_pension'];
/** Types that need an employer (社会保险法 第10、44、33条); the rest may be enrolled as an individual. */
export const employerOnlyTypes: readonly InsuranceType[] = ['institution_pension', 'unemployment', 'work_injury'];
/** Types an employer declares monthly by base (the resident scheme is an annual individual contribution). */
export const declaredTypes: readonly InsuranceType[] = ['enterprise_pension', 'institution_pension', 'unemployment', 'work_injury'];
/** Types whose personal part is credited to a personal account. */
export const accountTypes: readonly InsuranceType[] = ['enterprise_pension', 'institution_pension', 'resident_pension'];

export function parseInsuranceType(v: string): InsuranceType | null {
  const s = v.trim();
  if (!s) return null;
  if ((insuranceTypes as readonly string[]).includes(s)) return s as InsuranceType;
  const aliases: Record<string, InsuranceType> = {
    企业职工基本养老保险: 'enterprise_pension', 企业职工养老保险: 'enterprise_pension', 企业职工养老: 'enterprise_pension', 企业养老: 'enterprise_pension', 企业职工基本养老: 'enterprise_pension', 养老: 'enterprise_pension', 养老保险: 'enterprise_pension',
    机关事业单位养老保险: 'institution_pension', 机关事业养老: 'institution_pension', 机关事业单位养老: 'institution_pension',
    城乡居民基本养老保险: 'resident_pension', 城乡居民养老保险: 'resident_pension', 居民养老: 'resident_pension', 城乡居民基本养老: 'resident_pension',
    失业保险: 'unemployment', 失业: 'unemployment',
    工伤保险: 'work_injury', 工伤: 'work_injury',
  };
  return aliases[s] ?? null;
}

export const enrolmentStatuses = ['paying', 'suspended', 'terminated'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];
export const enrolmentStatusLabels: Record<EnrolmentStatus, { zh: string; en: string }> = {
  paying: { zh: '参保缴费', en: 'Paying' },
  suspended: { zh: '暂停缴费', en: 'Suspended' },
  terminated: { zh: '终止参保', en: 'Terminated' },
};

/** How a person came to be insured: through an employer, or as an individual. */
export const workerForms = ['employee', 'flexible', 'new_form', 'resident'] as const;
export type WorkerForm = (typeof workerForms)[number];
export const workerFormLabels: Record<WorkerForm, { zh: string; en: string }> = {
  employee: { zh: '单位职工', en: 'Employee' },
  flexible: { zh: '灵活就业人员', en: 'Flexibly employed' },
  new_form: { zh: '新就业形态劳动者', en: 'New-employment-form worker (platform, gig)' },
  resident: { zh: '城乡居民', en: 'Resident' },
};

export const enrolmentActions = ['enrol', 'suspend', 'resume', 'terminate'] as const;
export type EnrolmentAction = (typeof enrolmentActions)[number];

// Ledger events (费款所属期 entries). `due` events raise what is owed, `paid` events what came in.
export const ledgerEvents = ['declared', 'assessed', 'received', 'back_paid', 'refunded', 'reversed'] as const;
export type LedgerEvent = (typeof ledgerEvents)[number];
export type LedgerSide = 'due' | 'paid';
export const ledgerEventLabels: Record<LedgerEvent, { zh: string; en: string }> = {
  declared: { zh: '申报', en: 'Declared' },
  assessed: { zh: '核定', en: 'Assessed' },
  received: { zh: '实缴', en: 'Received' },
  back_paid: { zh: '补缴', en: 'Back-paid' },
  refunded: { zh: '退费', en: 'Refunded' },
  reversed: { zh: '冲销', en: 'Reversed' },
};
export function sideOf(event: Exclude<LedgerEvent, 'reversed'>): LedgerSide {
  return event === 'declared' || event === 'assessed' ? 'due' : 'paid';
}

export const benefitKinds = ['enterprise_pension', 'institution_pension', 'resident_pension', 'unemployment_benefit', 'work_injury_allowance', 'work_injury_lump_sum'] as const;
export type BenefitKind = (typeof benefitKinds)[number];
export const benefitKindLabels: Record<BenefitKind, { zh: string; en: string }> = {
  enterprise_pension: { zh: '企业职工基本养老金', en: 'Enterprise basic pension' },
  institution_pension: { zh: '机关事业单位基本养老金', en: 'Public institution pension' },
  resident_pension: { zh: '城乡居民基本养老金', en: 'Resident basic pension' },
  unemployment_benefit: { zh: '失业保险金', en: 'Unemployment benefit' },
  work_injury_allowance: { zh: '伤残津贴', en: 'Work-injury disability allowance' },
  work_injury_lump_sum: { zh: '一次性伤残补助金', en: 'Work-injury lump-sum disability grant' },
};
/** Pensions that exclude one another (a person draws at most one basic pension). */
export const pensionBenefitKinds: readonly BenefitKind[] = ['enterprise_pension', 'institution_pension', 'resident_pension'];

export const benefitStatuses = ['active', 'suspended', 'stopped', 'ended'] as const;
export type BenefitStatus = (typeof benefitStatuses)[number];

export const lifeEventKinds = ['death', 'imprisonment', 'release'] as const;
export type LifeEventKind = (typeof lifeEventKinds)[number];
export const lifeEventLabels: Record<LifeEventKind, { zh: string; en: string }> = {
  death: { zh: '死亡', en: 'Death' },
  imprisonment: { zh: '服刑', en: 'Imprisonment' },
  release: { zh: '刑满释放', en: 'Release from prison' },
};

export const lifeSignalKinds = ['medical_settlement', 'benefit_collection', 'service_visit', 'card_use', 'travel', 'self_auth'] as const;
export type LifeSignalKind = (typeof lifeSignalKinds)[number];
export const lifeSignalLabels: Record<LifeSignalKind, { zh: string; en: string }> = {
  medical_settlement: { zh: '医保结算', en: 'Medical settlement' },
  benefit_collection: { zh: '待遇领取', en: 'Benefit collection' },
  service_visit: { zh: '窗口办事', en: 'Service visit' },
  card_use: { zh: '社保卡使用', en: 'Social security card use' },
  travel: { zh: '出行记录', en: 'Travel record' },
  self_auth: { zh: '本人认证', en: 'Self-authentication' },
};

/**
 * Status periods (在校学生, 外省参保): a person is not 应参保 in Hainan while one stands — a
 * full-time student (国发〔2014〕8号: 年满16周岁非在校学生), or insured in another province (from
 * the national social insurance relationship query and transfers). A period starts on a day
 * and may still be open (no end date).
 */
export const statusPeriodKinds = ['student', 'insured_elsewhere'] as const;
export type StatusPeriodKind = (typeof statusPeriodKinds)[number];
export const statusPeriodLabels: Record<StatusPeriodKind, { zh: string; en: string }> = {
  student: { zh: '在校学生', en: 'Full-time student' },
  insured_elsewhere: { zh: '外省参保', en: 'Insured in another province' },
};

export const dataSources = ['police', 'civil_affairs', 'justice', 'health', 'medical_insurance', 'transport', 'education', 'national_platform', 'manual'] as const;
export type DataSource = (typeof dataSources)[number];
export const dataSourceLabels: Record<DataSource, { zh: string; en: string }> = {
  police: { zh: '公安', en: 'Police' },
  civil_affairs: { zh: '民政（殡葬）', en: 'Civil affairs (funeral)' },
  justice: { zh: '司法（监狱）', en: 'Justice (prisons)' },
  health: { zh: '卫健', en: 'Health' },
  medical_insurance: { zh: '医保', en: 'Medical insurance' },
  transport: { zh: '交通出行', en: 'Transport' },
  education: { zh: '教育（学籍）', en: 'Education (student records)' },
  national_platform: { zh: '全国社保平台', en: 'National social insurance platform' },
  manual: { zh: '人工录入', en: 'Entered by staff' },
};

export function parseDataSource(v: string): DataSource | null {
  const s = v.trim();
  if ((dataSources as readonly string[]).includes(s)) return s as DataSource;
  for (const [k, l] of Object.entries(dataSourceLabels)) if (l.zh === s || l.zh.startsWith(s) || l.en.toLowerCase() === s.toLowerCase()) return k as DataSource;
  return null;
}

/** 'YYYY-MM' or 'YYYYMM' or 'YYYY-MM-DD' → first day of the month 'YYYY-MM-01'. */
export function parseFeeMonth(v: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})(?:[-/.月]\d{1,2}日?|月)?$/.exec(v.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12) return null;
  return `${y}-${String(mo).padStart(2, '0')}-01`;
}

export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}-01`;
}

export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

export function lastDayOfMonth(month: string): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return d.toISOString().slice(0, 10);
}

/** Yuan text ("6500", "6,500.50") → integer fen, or null when not a valid amount. */
export function parseYuan(v: string): number | null {
  const s = v.replace(/[,，\s元¥￥]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [i, f = ''] = s.split('.');
  const fen = Number(i) * 100 + Number(f.padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** base × rate, rate in units of 0.01% (1600 = 16%), rounded half up to whole fen. Same as SQL round(). */
export function partOf(baseFen: number, rateBp: number): number {
  return Math.round((baseFen * rateBp) / 10000);
}
