// Benefit rules as pure functions: inputs in, amount out, with every step explained and the
// clause it applies. A decision stores these inputs, the rule version and the clause, so it
// can be recomputed and explained later (DESIGN.md: explainable decisions).
import { monthsBetween } from './types';

export type Step = { zh: string; en: string; value?: string | number };
export type RuleResult = { eligible: boolean; monthlyFen: number; lumpSumFen: number; months: number | null; steps: Step[]; refusal?: { zh: string; en: string } };

const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;

// 国发〔2005〕38号 附件: 个人账户养老金计发月数 by age at retirement.
const DIVISORS: Record<number, number> = {
  40: 233, 41: 230, 42: 226, 43: 223, 44: 220, 45: 216, 46: 212, 47: 207, 48: 204, 49: 199,
  50: 195, 51: 190, 52: 185, 53: 180, 54: 175, 55: 170, 56: 164, 57: 158, 58: 152, 59: 145,
  60: 139, 61: 132, 62: 125, 63: 117, 64: 109, 65: 101, 66: 93, 67: 84, 68: 75, 69: 65, 70: 56,
};
export function accountDivisor(age: number): number {
  return DIVISORS[Math.max(40, Math.min(70, age))];
}

export type RetirementGroup = 'male' | 'female_cadre' | 'female_worker';

/**
 * Statutory retirement month under the 2024 decision on gradually raising the retirement age
 * (全国人大常委会关于实施渐进式延迟法定退休年龄的决定, from 2025-01-01): men 60 → 63 and women
 * cadres 55 → 58 by one month every four months; women workers 50 → 55 by one month every two
 * months. (check) against the decision's annex tables.
 */
export function statutoryRetirementMonth(birthDate: string, group: RetirementGroup): { month: string; ageYears: number; ageMonths: number } {
  const base = group === 'male' ? 60 : group === 'female_cadre' ? 55 : 50;
  const step = group === 'female_worker' ? 2 : 4;
  const cap = group === 'female_worker' ? 60 : 36;
  const birthMonth = `${birthDate.slice(0, 7)}-01`;
  // The month the original age was reached; from January 2025 each `step` months adds one month.
  const original = addMonthsIso(birthMonth, base * 12);
  const since = monthsBetween('2025-01-01', original);
  const delay = since < 0 ? 0 : Math.min(cap, Math.floor(since / step) + 1);
  const total = base * 12 + delay;
  return { month: addMonthsIso(birthMonth, total), ageYears: Math.floor(total / 12), ageMonths: total % 12 };
}

function addMonthsIso(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  return `${y + Math.floor(m / 12)}-${String((((m % 12) + 12) % 12) + 1).padStart(2, '0')}-01`;
}

export const PENSION_RULE = { key: 'pension.enterprise', version: '2025.1', clause: '社会保险法 第十六条；国发〔1997〕26号；国发〔2005〕38号 第六条' };
export const INSTITUTION_PENSION_RULE = { key: 'pension.institution', version: '2025.1', clause: '国发〔2015〕2号 第六条（基本养老金计发办法同企业职工）' };
export const RESIDENT_PENSION_RULE = { key: 'pension.resident', version: '2025.1', clause: '国发〔2014〕8号 第六、七条' };
export const UNEMPLOYMENT_RULE = { key: 'benefit.unemployment', version: '2025.1', clause: '失业保险条例 第十四条、第十七条、第十八条' };
export const WORK_INJURY_RULE = { key: 'benefit.work_injury', version: '2025.1', clause: '工伤保险条例 第三十五条至第三十七条、第六十四条' };

export type EmployeePensionInput = {
  birthDate: string;
  group: RetirementGroup;
  startMonth: string;
  contributionMonths: number;
  /** Mean of each contributed month's base ÷ that year's average wage. */
  averageIndex: number;
  accountFen: number;
  /** 计发基数: the province's average monthly wage of the year before retirement. */
  pensionBaseFen: number;
  minMonths: number;
};

/** 基本养老金 = 基础养老金 + 个人账户养老金 (国发〔2005〕38号 第六条). */
export function employeePension(i: EmployeePensionInput): RuleResult {
  const steps: Step[] = [];
  const statutory = statutoryRetirementMonth(i.birthDate, i.group);
  steps.push({ zh: `法定退休年龄 ${statutory.ageYears} 岁${statutory.ageMonths ? ` ${statutory.ageMonths} 个月` : ''}，最早可领取月份`, en: `Statutory retirement age ${statutory.ageYears}y ${statutory.ageMonths}m; first month of pension`, value: statutory.month.slice(0, 7) });
  if (i.startMonth < statutory.month) {
    return { eligible: false, monthlyFen: 0, lumpSumFen: 0, months: null, steps, refusal: { zh: `未达到法定退休年龄（${statutory.month.slice(0, 7)} 起可领取）`, en: `Below the statutory retirement age (pension from ${statutory.month.slice(0, 7)})` } };
  }
  steps.push({ zh: '累计缴费月数', en: 'Contribution months', value: i.contributionMonths });
  if (i.contributionMonths < i.minMonths) {
    steps.push({ zh: '最低缴费月数', en: 'Minimum contribution months', value: i.minMonths });
    return { eligible: false, monthlyFen: 0, lumpSumFen: 0, months: null, steps, refusal: { zh: `累计缴费不足 ${i.minMonths} 个月（社会保险法 第十六条）`, en: `Fewer than ${i.minMonths} contribution months (Social Insurance Law art. 16)` } };
  }
  const years = i.contributionMonths / 12;
  const basic = Math.round((i.pensionBaseFen * (1 + i.averageIndex)) / 2 * years * 0.01);
  steps.push({ zh: '计发基数（上年度全省平均工资）', en: 'Pension base (last year’s average wage)', value: yuan(i.pensionBaseFen) });
  steps.push({ zh: '本人平均缴费指数', en: 'Average contribution index', value: i.averageIndex.toFixed(4) });
  steps.push({ zh: `基础养老金 = 计发基数 ×（1 + 平均缴费指数）÷ 2 × 缴费年限 ${years.toFixed(2)} × 1%`, en: `Basic part = base × (1 + index) ÷ 2 × ${years.toFixed(2)} years × 1%`, value: yuan(basic) });
  const age = Number(i.startMonth.slice(0, 4)) - Number(i.birthDate.slice(0, 4)) - (i.startMonth.slice(5, 7) <= i.birthDate.slice(5, 7) ? 1 : 0);
  const divisor = accountDivisor(age);
  const account = Math.round(i.accountFen / divisor);
  steps.push({ zh: `个人账户养老金 = 个人账户储存额 ${yuan(i.accountFen)} ÷ 计发月数 ${divisor}（${age} 岁）`, en: `Account part = balance ${yuan(i.accountFen)} ÷ ${divisor} months (age ${age})`, value: yuan(account) });
  steps.push({ zh: '月基本养老金', en: 'Monthly basic pension', value: yuan(basic + account) });
  return { eligible: true, monthlyFen: basic + account, lumpSumFen: 0, months: null, steps };
}

export type ResidentPensionInput = { birthDate: string; startMonth: string; contributionMonths: number; accountFen: number; basicPensionFen: number; minMonths: number };

/** 城乡居民养老金 = 基础养老金 + 个人账户储存额 ÷ 139 (国发〔2014〕8号). */
export function residentPension(i: ResidentPensionInput): RuleResult {
  const steps: Step[] = [];
  const sixty = addMonthsIso(`${i.birthDate.slice(0, 7)}-01`, 60 * 12 + 1);
  steps.push({ zh: '年满60周岁的次月', en: 'Month after turning 60', value: sixty.slice(0, 7) });
  if (i.startMonth < sixty) return { eligible: false, monthlyFen: 0, lumpSumFen: 0, months: null, steps, refusal: { zh: '未年满60周岁', en: 'Under 60' } };
  steps.push({ zh: '累计缴费月数', en: 'Contribution months', value: i.contributionMonths });
  if (i.contributionMonths < i.minMonths) {
    return { eligible: false, monthlyFen: 0, lumpSumFen: 0, months: null, steps, refusal: { zh: `累计缴费不足 ${i.minMonths / 12} 年（国发〔2014〕8号 第七条）`, en: `Fewer than ${i.minMonths / 12} years of contributions` } };
  }
  const account = Math.round(i.accountFen / 139);
  steps.push({ zh: '基础养老金', en: 'Basic pension', value: yuan(i.basicPensionFen) });
  steps.push({ zh: `个人账户养老金 = ${yuan(i.accountFen)} ÷ 139`, en: `Account part = ${yuan(i.accountFen)} ÷ 139`, value: yuan(account) });
  steps.push({ zh: '月养老金', en: 'Monthly pension', value: yuan(i.basicPensionFen + account) });
  return { eligible: true, monthlyFen: i.basicPensionFen + account, lumpSumFen: 0, months: null, steps };
}

export type UnemploymentInput = { contributionMonths: number; involuntary: boolean; registered: boolean; minWageFen: number; pct: number };

/** 失业保险金: contributed ≥ 1 year, involuntary, registered; term by years contributed (第十七条). */
export function unemploymentBenefit(i: UnemploymentInput): RuleResult {
  const steps: Step[] = [{ zh: '失业保险累计缴费月数', en: 'Unemployment contribution months', value: i.contributionMonths }];
  if (i.contributionMonths < 12) return { eligible: false, monthlyFen: 0, lumpSumFen: 0, months: null, steps, refusal: { zh: '缴费不满1年（第十四条第一项）', en: 'Less than one year of contributions (art. 14(1))' } };
  if (!i.involuntary) return { eligible: false, monthlyFen: 0, lumpSumFen: 0, months: null, steps, refusal: { zh: '非因本人意愿中断就业的才能领取（第十四条第二项）', en: 'Only involuntary unemployment qualifies (art. 14(2))' } };
  if (!i.registered) return { eligible: false, monthlyFen: 0, lumpSumFen: 0, months: null, steps, refusal: { zh: '须已进行失业登记并有求职要求（第十四条第三项）', en: 'An open unemployment registration is required (art. 14(3))' } };
  const months = i.contributionMonths >= 120 ? 24 : i.contributionMonths >= 60 ? 18 : 12;
  steps.push({ zh: '领取期限（满1年不足5年12个月，满5年不足10年18个月，10年以上24个月）', en: 'Term (1–5 years: 12 months; 5–10: 18; 10+: 24)', value: months });
  const monthly = Math.round((i.minWageFen * i.pct) / 100);
  steps.push({ zh: `月失业保险金 = 最低工资 ${yuan(i.minWageFen)} × ${i.pct}%（第十八条：低于最低工资、高于低保）`, en: `Monthly = minimum wage ${yuan(i.minWageFen)} × ${i.pct}% (art. 18)`, value: yuan(monthly) });
  return { eligible: true, monthlyFen: monthly, lumpSumFen: 0, months, steps };
}

export type WorkInjuryInput = { grade: number; ownWageFen: number; avgWageFen: number; minWageFen: number; lumpSumMonths: number[]; allowancePct: number[] };

/**
 * Disability grade 1–10: a lump-sum grant of months of own wage (第35–37条); grades 1–4 also a
 * monthly allowance from the fund, not below the minimum wage (第35条). Own wage is bounded by
 * 60%–300% of the average wage (第64条). Grades 5–6 allowances are the employer's, not decided here.
 */
export function workInjuryBenefit(i: WorkInjuryInput): RuleResult {
  const steps: Step[] = [];
  if (!Number.isInteger(i.grade) || i.grade < 1 || i.grade > 10) return { eligible: false, monthlyFen: 0, lumpSumFen: 0, months: null, steps, refusal: { zh: '伤残等级应为1至10级', en: 'Disability grade must be 1–10' } };
  const floor = Math.ceil(i.avgWageFen * 0.6);
  const ceil = Math.floor(i.avgWageFen * 3);
  const own = Math.min(ceil, Math.max(floor, i.ownWageFen));
  steps.push({ zh: `本人工资（限于社平工资60%–300%：${yuan(floor)}–${yuan(ceil)}）`, en: `Own wage (bounded to 60%–300% of the average: ${yuan(floor)}–${yuan(ceil)})`, value: yuan(own) });
  const m = i.lumpSumMonths[i.grade - 1];
  const lump = own * m;
  steps.push({ zh: `一次性伤残补助金 = 本人工资 × ${m} 个月（${i.grade}级）`, en: `Lump-sum grant = own wage × ${m} months (grade ${i.grade})`, value: yuan(lump) });
  let monthly = 0;
  if (i.grade <= 4) {
    const pct = i.allowancePct[i.grade - 1];
    monthly = Math.max(i.minWageFen, Math.round((own * pct) / 100));
    steps.push({ zh: `伤残津贴 = 本人工资 × ${pct}%，不低于最低工资 ${yuan(i.minWageFen)}`, en: `Disability allowance = own wage × ${pct}%, at least the minimum wage`, value: yuan(monthly) });
  } else if (i.grade <= 6) {
    steps.push({ zh: '五至六级伤残津贴由用人单位按月发放（第三十六条），不由基金支付', en: 'Grades 5–6 allowances are paid by the employer (art. 36), not the fund' });
  }
  return { eligible: true, monthlyFen: monthly, lumpSumFen: lump, months: null, steps };
}
