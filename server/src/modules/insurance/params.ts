// Parameters of the insurance rules, per year and versioned. Defaults ship here; a supervisor
// saves a new version for a year (PUT /insurance/parameters/:year) and every decision records
// the version it used. Figures marked (check) are illustrative defaults, not the published
// Hainan figures: set the real ones per year before relying on them.
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { InsuranceType } from './types';

/**
 * The definitions of 应参保人数 the coverage measure, the dashboard and the gap list know:
 * - `registry-16plus@1`: persons in the registry aged at least minAge on 31 December and not
 *   recorded dead, by household region;
 * - `registry-16plus-students-elsewhere@2`: the same, less those with a full-time study period
 *   (在校学生, 国发〔2014〕8号: 年满16周岁非在校学生) or an insurance period in another province
 *   (外省参保) standing on that day — unless they are pension-insured here, who always count.
 */
export const coverageDenominatorVersions = ['registry-16plus@1', 'registry-16plus-students-elsewhere@2'] as const;
export type CoverageDenominatorVersion = (typeof coverageDenominatorVersions)[number];
export const COVERAGE_DENOMINATOR_LATEST: CoverageDenominatorVersion = 'registry-16plus-students-elsewhere@2';
export const coverageDenominatorDefinitions: Record<CoverageDenominatorVersion, { zh: string; en: string }> = {
  'registry-16plus@1': {
    zh: '人员库中12月31日年满 minAge 周岁（默认16）且无死亡记录的人数，按户籍地区统计',
    en: 'registry persons aged minAge (default 16) or more on 31 December with no recorded death, by household region',
  },
  'registry-16plus-students-elsewhere@2': {
    zh: '人员库中12月31日年满 minAge 周岁（默认16）且无死亡记录的人数，扣除当日处于在校学生期间（教育部门学籍）或外省参保期间（全国社保平台）的人员，但在本省参加基本养老保险或领取基本养老金者不扣除；按户籍地区统计',
    en: 'registry persons aged minAge (default 16) or more on 31 December with no recorded death, less those in a full-time study period (education records) or insured in another province (national platform) on that day, except those pension-insured here; by household region',
  },
};

export const ZParams = z.object({
  /** 全口径城镇单位就业人员月平均工资 (fen), the base of the contribution band and of pensions. (check) */
  avgMonthlyWageFen: z.number().int().positive(),
  /** Contribution base band in % of the average wage (国办发〔2019〕13号: 60%–300%). */
  baseFloorPct: z.number().positive(),
  baseCeilPct: z.number().positive(),
  /** Rates in units of 0.01% (1600 = 16%). */
  rates: z.object({
    enterprise_pension: z.object({ employer: z.number().int().min(0), personal: z.number().int().min(0) }),
    institution_pension: z.object({ employer: z.number().int().min(0), personal: z.number().int().min(0) }),
    unemployment: z.object({ employer: z.number().int().min(0), personal: z.number().int().min(0) }),
    /** Base rate by industry risk class 1–8 (人社部发〔2015〕71号); employer only. */
    work_injury_classes: z.array(z.number().int().min(0)).length(8),
    /** Flexibly employed and new-form workers pay the whole pension contribution themselves (20%, 8% to the account). */
    flexible_pension: z.object({ total: z.number().int().min(0), account: z.number().int().min(0) }),
  }),
  /** Late fee per day of delay, as a fraction of the arrears (社会保险法 第86条: 万分之五 = 0.0005). */
  lateFeeDailyRate: z.number().min(0).max(0.01),
  /** Contributions for a fee month are due on this day of the following month. (check) */
  paymentDueDay: z.number().int().min(1).max(28),
  /** Working days after the payment due date within which the arrears notice goes out. */
  arrearsNoticeWorkingDays: z.number().int().min(1),
  /** Working days within which departments report stop events (DOMAIN.md: 20). */
  stopEventReportWorkingDays: z.number().int().min(1),
  /** 城乡居民 annual contribution levels (fen) and the government subsidy for each. (check) */
  residentLevels: z.array(z.object({ levelFen: z.number().int().positive(), subsidyFen: z.number().int().min(0) })).min(1),
  /** 城乡居民 basic pension per month (national minimum + local top-up, fen). (check) */
  residentBasicPensionFen: z.number().int().min(0),
  /** Local monthly minimum wage (fen), for the unemployment benefit and disability allowance floor. (check) */
  minMonthlyWageFen: z.number().int().positive(),
  /** Unemployment benefit as % of the minimum wage. (check) */
  unemploymentBenefitPct: z.number().positive().max(100),
  /** Minimum contribution months for a basic pension (15 years; rising from 2030 under the 2024 decision). */
  pensionMinMonths: z.number().int().positive(),
  /** Disability grant in months of own wage by grade 1–10, allowance % for grades 1–4 (工伤保险条例 第35–37条). */
  workInjuryLumpSumMonths: z.array(z.number().int().positive()).length(10),
  workInjuryAllowancePct: z.array(z.number().positive()).length(4),
  /** Eligibility authentication: signal weights, half-lives, threshold. */
  authentication: z.object({
    threshold: z.number().min(0).max(100),
    maxAgeDays: z.number().int().positive(),
    weights: z.record(z.string(), z.number().min(0)),
    halfLifeDays: z.record(z.string(), z.number().positive()),
  }),
  /** Employer contributions stopping for many staff at once (supervision and employment warning). */
  massStop: z.object({ minStopped: z.number().int().positive(), minShare: z.number().positive().max(1) }),
  /** Transfer: share of each year's contribution wage moved from the pooled fund, and since when. */
  transfer: z.object({ pooledPct: z.number().min(0).max(100), fromYear: z.number().int(), legWorkingDays: z.number().int().positive() }),
  /**
   * 应参保人数 (denominator of the coverage rate), versioned (coverageDenominatorVersions): the
   * version in force for the year and the minimum age. A saved year keeps the version it was
   * saved with; the defaults use the latest.
   */
  coverageDenominator: z.object({ version: z.enum(coverageDenominatorVersions), minAge: z.number().int().min(0) }),
  /** Working age for the coverage-gap list (扩面). */
  workingAge: z.object({ from: z.number().int(), to: z.number().int() }),
});
export type Params = z.infer<typeof ZParams>;

// (check) Illustrative average monthly wages (fen) for Hainan, rising about 5% a year backwards
// from 2020; replace with the published 全口径 figures.
function defaultAvgWage(year: number): number {
  const known: Record<number, number> = { 2020: 600_000, 2021: 630_000, 2022: 660_000, 2023: 690_000, 2024: 710_000, 2025: 730_000, 2026: 750_000 };
  if (known[year]) return known[year];
  if (year > 2026) return Math.round(750_000 * 1.03 ** (year - 2026));
  return Math.round(600_000 / 1.05 ** (2020 - year));
}

export function defaultParams(year: number): Params {
  return {
    avgMonthlyWageFen: defaultAvgWage(year),
    baseFloorPct: 60,
    baseCeilPct: 300,
    rates: {
      enterprise_pension: { employer: 1600, personal: 800 },
      institution_pension: { employer: 1600, personal: 800 },
      unemployment: { employer: 50, personal: 50 },
      work_injury_classes: [20, 40, 70, 90, 110, 130, 160, 190],
      flexible_pension: { total: 2000, account: 800 },
    },
    lateFeeDailyRate: 0.0005,
    paymentDueDay: 15,
    arrearsNoticeWorkingDays: 5,
    stopEventReportWorkingDays: 20,
    residentLevels: [200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000, 3000, 4000, 5000].map((y, i) => ({ levelFen: y * 100, subsidyFen: Math.min(30 + i * 5, 80) * 100 })),
    residentBasicPensionFen: year >= 2025 ? 20_300 : 18_300,
    minMonthlyWageFen: year >= 2025 ? 201_000 : 183_000,
    unemploymentBenefitPct: 90,
    pensionMinMonths: year < 2030 ? 180 : Math.min(240, 180 + 6 * (year - 2029)),
    workInjuryLumpSumMonths: [27, 25, 23, 21, 18, 16, 13, 11, 9, 7],
    workInjuryAllowancePct: [90, 85, 80, 75],
    authentication: {
      threshold: 50,
      maxAgeDays: 730,
      weights: { medical_settlement: 40, benefit_collection: 15, service_visit: 50, card_use: 30, travel: 25, self_auth: 100 },
      halfLifeDays: { medical_settlement: 120, benefit_collection: 60, service_visit: 180, card_use: 90, travel: 90, self_auth: 365 },
    },
    massStop: { minStopped: 10, minShare: 0.3 },
    transfer: { pooledPct: 12, fromYear: 1998, legWorkingDays: 15 },
    coverageDenominator: { version: COVERAGE_DENOMINATOR_LATEST, minAge: 16 },
    workingAge: { from: 16, to: 59 },
  };
}

export type ParamsAt = { year: number; version: string; params: Params };

type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b) ? merge(b as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

/** The parameters in force for each year (latest saved version over the defaults). */
export async function loadParams(query: Query, years: number[]): Promise<Map<number, ParamsAt>> {
  const ys = [...new Set(years)];
  const out = new Map<number, ParamsAt>();
  if (ys.length === 0) return out;
  const rows = await query<{ year: number; version: number; params: Record<string, unknown> }>(
    `select distinct on (year) year, version, params from insurance_parameters where year = any($1::int[]) order by year, version desc`,
    [ys],
  );
  const saved = new Map(rows.map((r) => [Number(r.year), r]));
  for (const y of ys) {
    const r = saved.get(y);
    const params = r ? ZParams.parse(merge(defaultParams(y), typeof r.params === 'string' ? JSON.parse(r.params) : r.params)) : defaultParams(y);
    out.set(y, { year: y, version: r ? `${y}.v${r.version}` : `${y}.default`, params });
  }
  return out;
}

export async function paramsFor(query: Query, year: number): Promise<ParamsAt> {
  return (await loadParams(query, [year])).get(year)!;
}

/** The legal contribution band of a year, in fen (60%–300% of the average wage by default). */
export function baseBand(p: Params): { floorFen: number; ceilFen: number } {
  return { floorFen: Math.ceil((p.avgMonthlyWageFen * p.baseFloorPct) / 100), ceilFen: Math.floor((p.avgMonthlyWageFen * p.baseCeilPct) / 100) };
}

/** Employer and personal rates of a type for an employer's work-injury class. */
export function ratesOf(p: Params, type: InsuranceType, workInjuryClass = 1): { employer: number; personal: number } {
  switch (type) {
    case 'enterprise_pension':
    case 'institution_pension':
    case 'unemployment':
      return p.rates[type];
    case 'work_injury':
      return { employer: p.rates.work_injury_classes[Math.min(8, Math.max(1, workInjuryClass)) - 1], personal: 0 };
    case 'resident_pension':
      return { employer: 0, personal: 0 };
  }
}

export async function saveParams(query: Query, year: number, params: unknown, userId: number, note: string | null): Promise<ParamsAt> {
  const parsed = ZParams.safeParse(merge(defaultParams(year), (params ?? {}) as Record<string, unknown>));
  if (!parsed.success) {
    throw new AppError('VALIDATION', {
      zh: `参数不合法：${parsed.error.issues.map((i) => i.path.join('.')).join('、')}`,
      en: `Invalid parameters: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    });
  }
  if (parsed.data.baseFloorPct >= parsed.data.baseCeilPct) throw new AppError('VALIDATION', { zh: '基数下限须低于上限', en: 'The base floor must be below the ceiling' });
  const [row] = await query<{ version: number }>(
    `insert into insurance_parameters (year, version, params, note, created_by)
       select $1, coalesce(max(version), 0) + 1, $2::jsonb, $3, $4 from insurance_parameters where year = $1 returning version`,
    [year, JSON.stringify(parsed.data), note, userId],
  );
  return { year, version: `${year}.v${row.version}`, params: parsed.data };
}
