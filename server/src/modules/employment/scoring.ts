// The match score between a job seeker and a vacancy: pure, explained, and blind to who the
// seeker is. Only the features below enter it; the types carry no gender, age, ethnicity,
// hukou or disability, and callers build them with `seekerFeatures` / `vacancyFeatures`,
// which copy only these fields.
//
// ┌──────────────────────────────────────────────────────────────────────────────────────┐
// │ score = 100 × (0.35·occupation + 0.25·skills + 0.20·location + 0.12·salary + 0.08·education) │
// │                                                                                        │
// │ occupation  closeness in the 职业分类大典 tree, best over the seeker's desired codes:     │
// │             same occupation (or the same code) 1 · same minor group 0.75 · same medium 0.5 · │
// │             same major group 0.2 · else 0 (a desired group code matches at its own    │
// │             depth: desiring 2-02 gives 0.5 for 2-02-38-01)                             │
// │ skills      share of the vacancy's skills the seeker has (1 when it lists none)       │
// │ location    best over the seeker's desired areas (else the home region): inside the   │
// │             area 1 · same county 0.8 · same city 0.6 · neighbouring city/county 0.5 · │
// │             same province 0.2 · else 0                                                │
// │ salary      1 when the vacancy's maximum reaches the seeker's expectation (or there   │
// │             is none); else 1 − shortfall ÷ (half the expectation), floored at 0       │
// │ education   1 when the seeker meets the requirement · 0.5 one tier below · else 0      │
// └──────────────────────────────────────────────────────────────────────────────────────┘
//
// Each factor is returned as a reason (its value, weight and points) and, when below 1, with
// what would raise the match and by how many points.
import { educationLevels, educationRank, labelOf } from './codes';
import { sharedLevels } from './occupations';
import type { Education } from './types';

export const WEIGHTS = { occupation: 0.35, skills: 0.25, location: 0.2, salary: 0.12, education: 0.08 } as const;
export type Factor = keyof typeof WEIGHTS;

export const FORMULA = {
  zh: '匹配分 = 100 ×（0.35×职业接近度 + 0.25×技能覆盖率 + 0.20×地点接近度 + 0.12×薪酬契合度 + 0.08×学历符合度）。职业：同一职业（或同一代码）1、同小类0.75、同中类0.5、同大类0.2；地点：意向地区内1、同县0.8、同市0.6、相邻市县0.5、省内0.2；薪酬：岗位上限达到期望为1，否则按差额递减（差额达期望一半为0）；学历：达到要求1、低一档0.5。性别、年龄、民族、户籍、残疾等个人属性不参与计分。',
  en: 'score = 100 × (0.35 occupation closeness + 0.25 skills covered + 0.20 location + 0.12 salary fit + 0.08 education). Occupation: same occupation (or the same code) 1, same minor group 0.75, same medium 0.5, same major 0.2. Location: inside a desired area 1, same county 0.8, same city 0.6, neighbouring city/county 0.5, province 0.2. Salary: 1 when the vacancy maximum reaches the expectation, falling to 0 at a shortfall of half of it. Education: requirement met 1, one tier below 0.5. Gender, age, ethnicity, hukou and disability never enter the score.',
};

/** What the score may look at on the seeker's side. Nothing else. */
export type SeekerFeatures = {
  desiredOccupations: readonly string[];
  skills: readonly string[];
  /** Desired work areas (region codes); when empty, homeRegion is the area. */
  desiredRegions: readonly string[];
  homeRegion: string;
  /** Expected monthly pay, fen; null = no expectation. */
  salaryMin: number | null;
  education: Education;
};

export type VacancyFeatures = {
  occupationCode: string;
  skills: readonly string[];
  regionCode: string;
  salaryMin: number;
  salaryMax: number;
  education: Education;
};

/** The region tree as the score sees it (platform/regions/tree.ts, neighbours() by plan unit). */
export type Geo = {
  isWithin(code: string, ancestor: string): boolean;
  countyOf(code: string): string | null;
  planUnitOf(code: string): string | null;
  neighbours(planUnit: string): readonly string[];
  name(code: string): string | null;
};

/** Copies only the scored fields (so that a row carrying more cannot leak into the score). */
export function seekerFeatures(s: SeekerFeatures): SeekerFeatures {
  return { desiredOccupations: s.desiredOccupations, skills: s.skills, desiredRegions: s.desiredRegions, homeRegion: s.homeRegion, salaryMin: s.salaryMin, education: s.education };
}
export function vacancyFeatures(v: VacancyFeatures): VacancyFeatures {
  return { occupationCode: v.occupationCode, skills: v.skills, regionCode: v.regionCode, salaryMin: v.salaryMin, salaryMax: v.salaryMax, education: v.education };
}

export const CLOSENESS = [0, 0.2, 0.5, 0.75, 1] as const;

export function occupationCloseness(desired: readonly string[], code: string): { value: number; best: string | null } {
  let best: string | null = null;
  let value = 0;
  for (const d of desired) {
    // The same code is the same occupation whatever its depth (a vacancy posted as 4-03 and a seeker wanting 4-03).
    const v = d === code ? 1 : CLOSENESS[Math.min(4, sharedLevels(d, code))];
    if (v > value) {
      value = v;
      best = d;
    }
  }
  return { value, best };
}

const normalised = new Map<string, string>();
/** NFKC, trimmed, lower case, single spaces; memoised (matching normalises the same few skills millions of times). */
export const normaliseSkill = (s: string): string => {
  let n = normalised.get(s);
  if (n === undefined) {
    n = s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
    if (normalised.size >= 50_000) normalised.clear();
    normalised.set(s, n);
  }
  return n;
};

export function skillsCoverage(have: readonly string[], need: readonly string[]): { value: number; missing: string[] } {
  const needN = [...new Set(need.map(normaliseSkill).filter(Boolean))];
  if (!needN.length) return { value: 1, missing: [] };
  const haveN = new Set(have.map(normaliseSkill));
  const missing = needN.filter((s) => !haveN.has(s));
  return { value: (needN.length - missing.length) / needN.length, missing };
}

export type LocationTier = 'inside' | 'county' | 'city' | 'neighbour' | 'province' | 'none';
export const LOCATION_VALUE: Record<LocationTier, number> = { inside: 1, county: 0.8, city: 0.6, neighbour: 0.5, province: 0.2, none: 0 };

export function locationTier(geo: Geo, area: string, vacancyRegion: string): LocationTier {
  if (geo.isWithin(vacancyRegion, area)) return 'inside';
  const ca = geo.countyOf(area);
  if (ca && ca === geo.countyOf(vacancyRegion)) return 'county';
  const ua = geo.planUnitOf(area);
  const uv = geo.planUnitOf(vacancyRegion);
  if (ua && ua === uv) return 'city';
  if (ua && uv && geo.neighbours(ua).includes(uv)) return 'neighbour';
  // Hainan: every current code begins with 46.
  if (area.slice(0, 2) === vacancyRegion.slice(0, 2)) return 'province';
  return 'none';
}

export function locationFit(geo: Geo, s: Pick<SeekerFeatures, 'desiredRegions' | 'homeRegion'>, vacancyRegion: string): { value: number; tier: LocationTier; area: string } {
  const areas = s.desiredRegions.length ? s.desiredRegions : [s.homeRegion];
  let best = { value: -1, tier: 'none' as LocationTier, area: areas[0] };
  for (const a of areas) {
    const tier = locationTier(geo, a, vacancyRegion);
    if (LOCATION_VALUE[tier] > best.value) best = { value: LOCATION_VALUE[tier], tier, area: a };
  }
  return best;
}

export function salaryFit(expected: number | null, offeredMax: number): number {
  if (expected === null || expected <= 0 || offeredMax >= expected) return 1;
  return Math.max(0, 1 - (expected - offeredMax) / (0.5 * expected));
}

export function educationFit(have: Education, need: Education): number {
  const gap = educationRank[need] - educationRank[have];
  return gap <= 0 ? 1 : gap === 1 ? 0.5 : 0;
}

export type Reason = { factor: Factor; weight: number; value: number; points: number; zh: string; en: string };
export type Improvement = { factor: Factor; gain: number; zh: string; en: string };
export type MatchScore = { score: number; reasons: Reason[]; improve: Improvement[] };

const yuan = (fen: number) => `${Math.round(fen / 100)}`;
const round2 = (x: number) => Math.round(x * 100) / 100;
const eduName = (e: Education) => labelOf(educationLevels, e)!;

const FACTORS = Object.keys(WEIGHTS) as Factor[];

function factorsOf(seeker: SeekerFeatures, vacancy: VacancyFeatures, geo: Geo) {
  const occ = occupationCloseness(seeker.desiredOccupations, vacancy.occupationCode);
  const sk = skillsCoverage(seeker.skills, vacancy.skills);
  const loc = locationFit(geo, seeker, vacancy.regionCode);
  const sal = salaryFit(seeker.salaryMin, vacancy.salaryMax);
  const edu = educationFit(seeker.education, vacancy.education);
  const values: Record<Factor, number> = { occupation: occ.value, skills: sk.value, location: loc.value, salary: sal, education: edu };
  return { occ, sk, loc, sal, edu, values, score: round2(100 * FACTORS.reduce((s, f) => s + WEIGHTS[f] * values[f], 0)) };
}

/** The score alone (what ranking needs): the same computation as scoreMatch(…).score, without the texts. */
export function scoreValue(seeker: SeekerFeatures, vacancy: VacancyFeatures, geo: Geo): number {
  return factorsOf(seeker, vacancy, geo).score;
}

/** The score, its reasons and what would raise it. Deterministic; no I/O. */
export function scoreMatch(seeker: SeekerFeatures, vacancy: VacancyFeatures, geo: Geo, occName: (code: string) => string | null = () => null): MatchScore {
  const { occ, sk, loc, sal, edu, values, score } = factorsOf(seeker, vacancy, geo);

  const vName = occName(vacancy.occupationCode);
  const vOcc = vName ? `${vacancy.occupationCode} ${vName}` : vacancy.occupationCode;
  const vRegion = geo.name(vacancy.regionCode) ?? vacancy.regionCode;
  const level = Math.max(0, CLOSENESS.indexOf(occ.value as (typeof CLOSENESS)[number]));
  const levelZh = ['不同大类', '同一大类', '同一中类', '同一小类', '同一职业'][level];
  const levelEn = ['a different major group', 'the same major group', 'the same medium group', 'the same minor group', 'the same occupation'][level];
  const tierZh: Record<LocationTier, string> = { inside: '在意向工作地内', county: '同县', city: '同市', neighbour: '相邻市县', province: '省内其他市县', none: '省外' };
  const tierEn: Record<LocationTier, string> = { inside: 'inside a desired area', county: 'in the same county', city: 'in the same city', neighbour: 'in a neighbouring city or county', province: 'elsewhere in the province', none: 'outside the province' };
  const text: Record<Factor, { zh: string; en: string }> = {
    occupation: { zh: `岗位职业 ${vOcc} 与求职意向${occ.best ? ` ${occ.best} ` : ''}属于${levelZh}`, en: `the vacancy's occupation ${vacancy.occupationCode} is in ${levelEn} as the desired ${occ.best ?? 'occupations'}` },
    skills: sk.missing.length
      ? { zh: `具备岗位所需技能 ${Math.round(sk.value * 100)}%，缺少：${sk.missing.join('、')}`, en: `has ${Math.round(sk.value * 100)}% of the skills asked; missing: ${sk.missing.join(', ')}` }
      : { zh: vacancy.skills.length ? '具备岗位要求的全部技能' : '岗位未列技能要求', en: vacancy.skills.length ? 'has every skill asked' : 'the vacancy lists no skills' },
    location: { zh: `工作地 ${vRegion}：${tierZh[loc.tier]}`, en: `workplace ${vRegion}: ${tierEn[loc.tier]}` },
    salary:
      sal === 1
        ? { zh: seeker.salaryMin ? `薪酬上限 ${yuan(vacancy.salaryMax)} 元达到期望 ${yuan(seeker.salaryMin)} 元` : '求职者未填写期望薪酬', en: seeker.salaryMin ? `pay up to ${yuan(vacancy.salaryMax)} yuan meets the expected ${yuan(seeker.salaryMin)}` : 'no expected pay given' }
        : { zh: `薪酬上限 ${yuan(vacancy.salaryMax)} 元低于期望 ${yuan(seeker.salaryMin!)} 元`, en: `pay up to ${yuan(vacancy.salaryMax)} yuan is below the expected ${yuan(seeker.salaryMin!)}` },
    education:
      edu === 1
        ? { zh: `学历${eduName(seeker.education).zh}符合要求（${eduName(vacancy.education).zh}）`, en: `education (${eduName(seeker.education).en}) meets the requirement (${eduName(vacancy.education).en})` }
        : { zh: `学历${eduName(seeker.education).zh}低于要求（${eduName(vacancy.education).zh}）`, en: `education (${eduName(seeker.education).en}) is below the requirement (${eduName(vacancy.education).en})` },
  };
  const reasons: Reason[] = FACTORS.map((f) => ({ factor: f, weight: WEIGHTS[f], value: round2(values[f]), points: round2(100 * WEIGHTS[f] * values[f]), ...text[f] }));

  const improve: Improvement[] = [];
  const gain = (f: Factor, to = 1) => round2(100 * WEIGHTS[f] * (to - values[f]));
  if (occ.value < 1) improve.push({ factor: 'occupation', gain: gain('occupation'), zh: `把 ${vOcc} 加入求职意向`, en: `add ${vacancy.occupationCode} to the desired occupations` });
  if (sk.value < 1) improve.push({ factor: 'skills', gain: gain('skills'), zh: `掌握（或在简历中写明）：${sk.missing.join('、')}`, en: `gain (or list) the skills: ${sk.missing.join(', ')}` });
  if (loc.value < 1) improve.push({ factor: 'location', gain: gain('location'), zh: `把 ${vRegion} 加入意向工作地`, en: `add ${vRegion} to the desired work areas` });
  if (sal < 1) improve.push({ factor: 'salary', gain: gain('salary'), zh: `岗位薪酬上限提高到 ${yuan(seeker.salaryMin!)} 元，或期望薪酬调整到 ${yuan(vacancy.salaryMax)} 元`, en: `raise the vacancy's maximum to ${yuan(seeker.salaryMin!)} yuan, or lower the expectation to ${yuan(vacancy.salaryMax)}` });
  if (edu < 1) improve.push({ factor: 'education', gain: gain('education'), zh: `岗位放宽学历要求，或求职者参加学历提升（要求${eduName(vacancy.education).zh}）`, en: `relax the education requirement, or the seeker upgrades to ${eduName(vacancy.education).en}` });
  improve.sort((a, b) => b.gain - a.gain);
  return { score, reasons, improve };
}

/**
 * Candidate generation (matching.ts) splits the pool by what an index can see — the occupation
 * groups, where the workplace lies from the work areas, how many of the vacancy's skills the
 * seeker has — and needs the best score a part can reach: each factor at its cap for that part,
 * salary and education at 1. The caps follow from the factors above:
 * - occupation: in a desired medium group (or the very code) ≤ 1; in a desired major group
 *   only ≤ 0.2 (CLOSENESS by shared levels: one); elsewhere 0;
 * - location: the tier itself (inside 1, county 0.8, city 0.6, neighbouring unit 0.5), else
 *   ≤ 0.2 (same province);
 * - skills: the seeker has all the vacancy's (or it lists none) ≤ 1; some of n ≤ (n − 1)/n;
 *   none 0.
 */
export const FACTOR_CAPS = {
  occupation: { medium: 1, major: CLOSENESS[1], none: 0 },
  location: { inside: LOCATION_VALUE.inside, county: LOCATION_VALUE.county, city: LOCATION_VALUE.city, neighbour: LOCATION_VALUE.neighbour, outside: LOCATION_VALUE.province },
  skills: { all: 1, some: (n: number) => (n - 1) / n, none: 0 },
} as const;

/** The best score with the occupation, skills and location factors at most these values. */
export function scoreBound(caps: { occupation: number; skills: number; location: number }): number {
  return round2(100 * (WEIGHTS.occupation * caps.occupation + WEIGHTS.skills * caps.skills + WEIGHTS.location * caps.location + WEIGHTS.salary + WEIGHTS.education));
}
