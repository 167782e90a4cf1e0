// Code lists of the employment module, with Chinese and English labels.
import type { DifficultyGroup, Education, EmploymentKind, GraduateDestination } from './types';

type Labelled<T extends string> = readonly { code: T; zh: string; en: string }[];

export const employmentKinds: Labelled<EmploymentKind> = [
  { code: 'employee', zh: '单位就业', en: 'Employee' },
  { code: 'self_employed', zh: '自主创业/个体经营', en: 'Self-employed' },
  { code: 'flexible', zh: '灵活就业', en: 'Flexible employment' },
  { code: 'public_welfare', zh: '公益性岗位', en: 'Public-welfare post' },
];

/**
 * Kinds that exclude any other employment over the same days: a full-time job with an
 * employer and a public-welfare post (公益性岗位 are placements of the hard-to-employ and are
 * paid by subsidy; holding one beside another job is the classic contradiction). Flexible
 * work and self-employment may be combined with each other.
 */
export const exclusiveKinds: ReadonlySet<EmploymentKind> = new Set(['employee', 'public_welfare']);

export const difficultyGroups: Labelled<DifficultyGroup> = [
  { code: 'graduate', zh: '高校毕业生', en: 'Graduate' },
  { code: 'rural_migrant', zh: '农民工', en: 'Rural migrant worker' },
  { code: 'veteran', zh: '退役军人', en: 'Veteran' },
  { code: 'disability', zh: '残疾人', en: 'Person with disability' },
  { code: 'zero_employment_household', zh: '零就业家庭成员', en: 'Zero-employment household' },
];
export const difficultyGroupCodes = difficultyGroups.map((g) => g.code) as [DifficultyGroup, ...DifficultyGroup[]];

export const unemploymentReasons = [
  { code: 'contract_ended', zh: '劳动合同终止', en: 'Contract ended' },
  { code: 'dismissed', zh: '被用人单位解除劳动合同', en: 'Dismissed' },
  { code: 'resigned', zh: '本人辞职', en: 'Resigned' },
  { code: 'business_closed', zh: '个体经营停业', en: 'Business closed' },
  { code: 'graduate', zh: '毕业未就业', en: 'Graduated without a job' },
  { code: 'land_expropriated', zh: '承包土地被征用', en: 'Farmland expropriated' },
  { code: 'veteran', zh: '退役未就业', en: 'Left the army without a job' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const;
export const unemploymentReasonCodes = unemploymentReasons.map((r) => r.code) as unknown as [string, ...string[]];

export const closeReasons = [
  { code: 'reemployed', zh: '实现再就业', en: 'Re-employed' },
  { code: 'moved_away', zh: '迁出本地', en: 'Moved away' },
  { code: 'retired', zh: '达到退休年龄', en: 'Reached retirement age' },
  { code: 'enrolled', zh: '入学/参军', en: 'Enrolled in study or the army' },
  { code: 'deregistered', zh: '本人申请注销', en: 'Deregistered on request' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const;

export const serviceKinds = [
  { code: 'job_introduction', zh: '职业介绍', en: 'Job introduction' },
  { code: 'guidance', zh: '职业指导', en: 'Career guidance' },
  { code: 'training_referral', zh: '培训推荐', en: 'Training referral' },
] as const;

/** Ranked: a vacancy's requirement is met by this level or any higher one. */
export const educationLevels: Labelled<Education> = [
  { code: 'none', zh: '不限', en: 'Any' },
  { code: 'primary', zh: '小学', en: 'Primary' },
  { code: 'junior', zh: '初中', en: 'Junior secondary' },
  { code: 'senior', zh: '高中', en: 'Senior secondary' },
  { code: 'vocational', zh: '中专/技校', en: 'Vocational secondary' },
  { code: 'junior_college', zh: '大专', en: 'Junior college' },
  { code: 'bachelor', zh: '本科', en: "Bachelor's" },
  { code: 'master', zh: '硕士', en: "Master's" },
  { code: 'doctor', zh: '博士', en: 'Doctorate' },
];
export const educationCodes = educationLevels.map((e) => e.code) as [Education, ...Education[]];
/** senior and vocational are the same tier (高中阶段). */
export const educationRank: Record<Education, number> = { none: 0, primary: 1, junior: 2, senior: 3, vocational: 3, junior_college: 4, bachelor: 5, master: 6, doctor: 7 };

export const graduateDestinationList: Labelled<GraduateDestination> = [
  { code: 'contract', zh: '签就业协议/劳动合同', en: 'Employment contract' },
  { code: 'research_assistant', zh: '科研助理', en: 'Research assistant' },
  { code: 'military', zh: '应征义务兵', en: 'Enlisted' },
  { code: 'grassroots_project', zh: '国家/地方基层项目', en: 'Grassroots programme' },
  { code: 'self_employed', zh: '自主创业', en: 'Self-employed' },
  { code: 'flexible', zh: '灵活就业', en: 'Flexible employment' },
  { code: 'further_study', zh: '升学', en: 'Further study' },
  { code: 'abroad', zh: '出国出境', en: 'Abroad' },
  { code: 'seeking', zh: '待就业', en: 'Still seeking' },
  { code: 'not_seeking', zh: '暂不就业', en: 'Not seeking' },
];
export const graduateDestinationCodes = graduateDestinationList.map((d) => d.code) as [GraduateDestination, ...GraduateDestination[]];
/** 去向落实: every destination except still seeking and not seeking. */
export const placedDestinations: readonly GraduateDestination[] = ['contract', 'research_assistant', 'military', 'grassroots_project', 'self_employed', 'flexible', 'further_study', 'abroad'];
/** In employment (the base of the 留琼 share): placed, less further study and abroad. */
export const employedDestinations: readonly GraduateDestination[] = ['contract', 'research_assistant', 'military', 'grassroots_project', 'self_employed', 'flexible'];

export const graduateEducation = ['junior_college', 'bachelor', 'master', 'doctor'] as const;

/** Today's date in China (UTC+8), YYYY-MM-DD: "in the future" is judged on the local calendar. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealIsoDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function labelOf<T extends string>(list: readonly { code: T; zh: string; en: string }[], code: T | string | null | undefined): { zh: string; en: string } | null {
  const hit = list.find((x) => x.code === code);
  return hit ? { zh: hit.zh, en: hit.en } : null;
}
