// The insurance module's part of the synthetic-province generator (issue 6): employer
// registrations, enrolment spells with their history, the contribution ledger, pensioners with
// their decisions and monthly payments, deaths and a few planted cases for fund supervision.
// Synthetic data, labelled `source = 'generator'` in the ledger and `actor_name = 'generate'`.
//
// Calibration (reference/calibration/hainan-2020.json, 14th plan 专栏2): the 2020 year-end
// figures of the insurance measures equal the plan's base × scale by construction — counts are
// chosen exactly (k of n), county by county, not drawn:
//   基本养老保险参保人数 630.16万 = enterprise-pension contributors (employees 180万 + flexible 35万)
//     + public-institution 25万 + resident-scheme contributors 238.16万 + pensioners drawing an
//     enterprise (60万), institution (12万) or resident (80万) pension;
//   城镇职工缴费 171万 = enterprise employees paying 121万 + flexible paying 25万 + institution 25万;
//   城乡居民缴费 193万; 失业 194.66万 / 137.62万 and 工伤 170.06万 / 152.53万 by exact quotas among
//   the employees who pay in 2020 and those who do not (工伤 also 28万 construction workers
//   insured by project, 按项目参保, without a pension spell).
// The split between schemes and the 2015 and 2025 anchors are ASSUMPTIONS (ACTIVE, PENSIONERS):
// 2015 follows the 13th plan's bases (失业 165万, 工伤 131万); 2025 moves toward the 14th plan's
// targets at uneven paces — the mountain counties grow at a third of the pace, 海口 and 三亚
// faster, 2021–2022 slowly. At seed 1 the province reaches about 基本养老 722万 (target 690),
// 城镇职工缴费 209万 (221, lagging), 城乡居民缴费 195万 (196), 工伤 181万 / 163万 (180 / 163),
// 失业 203万 / 145万 (210 / 153): the binding 失业保险参保人数 ends short, at risk. After 2020
// an employee who stops paying loses unemployment and work-injury cover (减员, spell terminated)
// while the pension spell stays suspended; until 2020 all three stay suspended.
// 基本养老保险参保率 (14-07) = 91% under the default denominator registry-16plus-students-elsewhere@2
// (16+ less full-time students and people insured in other provinces): generate-periods.ts
// plans the students first (nobody is enrolled while at school) and, once every role is known,
// exactly as many people insured elsewhere as bring 应参保人数 to round(insured ÷ 91%) — at scale
// 1 about 799万 of age, 630万 insured, 45万 students and 60万 elsewhere (the log line says the
// figures of the run). Under registry-16plus@1 the same records give about 79%.
//
// How the measures count, and what is generated for them:
// - insured at 31 December = an enrolment spell covering that day (paying or suspended) or a
//   pension decision standing that day. Every person has at most one spell per type, and at most
//   one pension scheme at a time (a contributor's spell ends the day before the pension starts).
// - paying in year y = insured at 31 December y and one fee month of y fully paid in the ledger.
//   A suspension takes effect on the first of a month from February on, so the suspended person
//   still paid in that year and stops counting from the next.
//
// Ledger volume (the choice that keeps the part fast):
// - years before 2020 (the 14th plan's base year): no ledger. No indicator measures paying
//   counts before 2020 (the 13th plan's insurance figures are reported); spells still make the
//   insured counts for every generated year.
// - 2020 up to the recent window: ONE `received` entry per person × type × year, with the
//   monthly base and rates and `period_months` = the months it covers (amounts = months × the
//   monthly parts): a yearly summary of the months paid, enough for the paying counts and for
//   contribution months; residents' annual contribution is one entry by nature.
// - the recent window — the last DETAIL_MONTHS fee months of the last generated year — month by
//   month for employers' pension declarations and flexible workers: `declared`/`assessed` then
//   `received` (employer, personal, account parts in fen, base within the year's legal band
//   60%–300% of the average wage, rates from params.ts); unemployment and work injury stay
//   yearly. That window is what the employer views, the base-band rule and the mass-stop rule
//   read. Residents' last year is `assessed` + `received`.
// - benefit payments for the last PAYMENT_MONTHS months only (pensioner counts come from the
//   decisions, not from payments).
// Measured (2026-11-28, PostgreSQL, 2 shared cores at load 12–14): --scale 0.05 wrote 3.81M rows
// in 199 s (19k rows/s; 35 s of it Node CPU making rows, the rest the database), so scale 1 is
// about 76M rows — ledger 52M, enrolments 11M, history 6.7M, payments 3.7M, decisions 2M — and
// about an hour at that load (perhaps a third of it on an idle machine): over the issue's
// 30 minutes for all parts. The floor is the paying measures themselves: one paid entry per
// person × scheme × year, about 41M entries for 2020–2025 at scale 1.
//
// Planted for fund supervision (a few, in proportion to scale, at least one each): deaths known
// late with pension payments after the month of death; imprisonment with payments continuing;
// a second pension of another scheme in another county (two exclusive pensions, two regions);
// December bases below the legal floor; employers that stop declaring 40% of their staff in
// December (mass stop); employers that declared December but did not pay (arrears).
//
// Then generate-benefits.ts adds what follows from these records: unemployment benefits for
// those whose cover ended in the last year and who hold an open unemployment registration in
// the employment module (which therefore runs first), work-injury decisions, life signals for
// the authentication score, transfers of insurance relations, and the arrears notices of the
// employers left in arrears (the module's own issueDueNotices).
import { and, asc, gt, sql } from 'drizzle-orm';
import { rows } from '../../platform/db';
import { apportion, type Rng } from '../../platform/generate';
import type { GenerateContext, GeneratorPart } from '../../platform/module';
import { systemScope } from '../../platform/scope';
import { employers, persons } from '../registry';
import { employeePension, INSTITUTION_PENSION_RULE, PENSION_RULE, RESIDENT_PENSION_RULE, residentPension, type RetirementGroup } from './benefit-rules';
import { openUnemploymentRegistrationsOf } from '../employment';
import { generateBenefits } from './generate-benefits';
import { ELSEWHERE, PeriodList, placeOf, planElsewhere, planStudies, STUDY_KINDS, takeRandom } from './generate-periods';
import { baseBand, loadParams, ratesOf, type Params } from './params';
import { partOf, type BenefitKind, type InsuranceType } from './types';

// ---- assumptions and targets (persons at scale 1, year end) ----------------------------------

type Anchor = { 2015: number; 2020: number; 2025: number };
export type ActiveKind = 'emp_ep' | 'emp_ip' | 'flex' | 'res' | 'wip';
export type PensionerKind = 'ret_ep' | 'ret_ip' | 'ret_rp';

/** Contributors by group: insured (spell covers 31 December) and of them not paying that year. */
export const ACTIVE: Record<ActiveKind, { insured: Anchor; nonPaying: Anchor }> = {
  emp_ep: { insured: { 2015: 1_500_000, 2020: 1_800_000, 2025: 2_340_000 }, nonPaying: { 2015: 420_000, 2020: 590_000, 2025: 700_000 } },
  flex: { insured: { 2015: 220_000, 2020: 350_000, 2025: 385_000 }, nonPaying: { 2015: 60_000, 2020: 100_000, 2025: 160_000 } },
  emp_ip: { insured: { 2015: 230_000, 2020: 250_000, 2025: 260_000 }, nonPaying: { 2015: 0, 2020: 0, 2025: 0 } },
  res: { insured: { 2015: 2_250_000, 2020: 2_381_600, 2025: 2_420_000 }, nonPaying: { 2015: 400_000, 2020: 451_600, 2025: 470_000 } },
  wip: { insured: { 2015: 150_000, 2020: 280_000, 2025: 320_000 }, nonPaying: { 2015: 0, 2020: 0, 2025: 0 } },
};
/** Pensioners drawing at 31 December. */
export const PENSIONERS: Record<PensionerKind, Anchor> = {
  ret_ep: { 2015: 420_000, 2020: 600_000, 2025: 780_000 },
  ret_ip: { 2015: 95_000, 2020: 120_000, 2025: 150_000 },
  ret_rp: { 2015: 620_000, 2020: 800_000, 2025: 920_000 },
};
/** 失业 and 工伤 among employees (工伤 also the project-insured `wip`): 2020 exact, 2025 aimed at. */
export const TYPE_TARGETS = {
  unemployment: { insured2020: 1_946_600, paying2020: 1_376_200, insured2025: 2_030_000 },
  work_injury: { insured2020: 1_700_600, paying2020: 1_525_300, insured2025: 1_820_000 },
} as const;
export const CALIBRATION_YEAR = 2020;
/** Growth 2020 → 2025 reached by the end of each year 2021…2025 (slow 2021–2022). */
const CURVE = [0.12, 0.25, 0.5, 0.76, 1];
/** Pace of growth after 2020 by plan unit: the central mountain counties lag. */
const PACE: Record<string, number> = { '460100': 1.4, '460200': 1.4, '469001': 0.35, '469025': 0.35, '469029': 0.35, '469030': 0.35, '469026': 0.5 };
const PENSIONER_DEATH_RATE = 0.025;
export const LEDGER_FROM_YEAR = 2020;
export const DETAIL_MONTHS = 2;
export const PAYMENT_MONTHS = 2;
/** Planted supervision cases per 10,000 at scale 1 (at least one each). */
const PLANTED = { lateDeathShare: 0.3, prison: 60, twoPensions: 100, lowBase: 400, massStopEmployers: 150, arrearsEmployers: 300, unemploymentClaims: 5_000 } as const;
/** At most this many employees are looked up for an open unemployment registration (the claims are drawn from those who hold one). */
const CLAIM_CANDIDATES = 200_000;
/** Work-injury risk class by GB/T 4754 section (人社部发〔2015〕71号, simplified). ASSUMED. */
const WORK_INJURY_CLASS: Record<string, number> = { J: 1, K: 1, L: 1, M: 1, P: 1, S: 1, O: 2, Q: 2, R: 2, T: 2, F: 2, G: 2, H: 2, I: 3, N: 3, A: 3, C: 4, D: 4, E: 5, B: 7 };

// ---- dates as numbers ----------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Month index: year × 12 + month − 1. */
const mIdx = (y: number, m: number) => y * 12 + m - 1;
const mYear = (mi: number) => Math.floor(mi / 12);
const monthIsos = new Map<number, string>();
/** 'YYYY-MM-01' of a month index (memoised: the ledger asks for the same few months millions of times). */
const mIso = (mi: number) => {
  let s = monthIsos.get(mi);
  if (s === undefined) monthIsos.set(mi, (s = `${mYear(mi)}-${String((mi % 12) + 1).padStart(2, '0')}-01`));
  return s;
};
const monthOfDay = (day: number) => {
  const d = new Date(day * DAY_MS);
  return mIdx(d.getUTCFullYear(), d.getUTCMonth() + 1);
};
const yearOfDay = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
const addYearsDay = (day: number, years: number) => {
  const d = new Date(day * DAY_MS);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return Math.floor(d.getTime() / DAY_MS);
};

/**
 * First pension month (as a month index) by group, the same rule as benefit-rules.ts
 * (statutoryRetirementMonth: men 60, women cadres 55, women workers 50, raised gradually from
 * 2025) and, for the resident scheme, the month after the 60th birthday.
 */
export function pensionStartMonth(birthMonth: number, group: RetirementGroup | 'resident'): number {
  if (group === 'resident') return birthMonth + 60 * 12 + 1;
  const base = group === 'male' ? 60 : group === 'female_cadre' ? 55 : 50;
  const step = group === 'female_worker' ? 2 : 4;
  const cap = group === 'female_worker' ? 60 : 36;
  const original = birthMonth + base * 12;
  const since = original - mIdx(2025, 1);
  const delay = since < 0 ? 0 : Math.min(cap, Math.floor(since / step) + 1);
  return birthMonth + base * 12 + delay;
}

// ---- paths by county -------------------------------------------------------------------------

/** Share of the change 2015→2020 still to come in `year` ('back'), or of the growth 2020→2025 reached ('grow'). */
function anchorShare(year: number, part: 'back' | 'grow'): number {
  if (part === 'back') return year >= 2020 ? 0 : Math.min(1, (2020 - year) / 5);
  return year <= 2020 ? 0 : CURVE[Math.min(5, year - 2020) - 1];
}

/** Splits a signed total by weights (largest remainder), keeping the sign. */
function split(total: number, weights: number[]): number[] {
  if (weights.every((w) => w <= 0)) return weights.map(() => 0);
  return total >= 0 ? apportion(total, weights) : apportion(-total, weights).map((v) => -v);
}

/**
 * County values of an anchored figure for every year in [from, to]: the 2020 value split by
 * `weights`, the change since 2015 and the growth to 2025 split the same way (growth weighted by
 * pace), so the province's 2020 figure is exact and counties move at their own pace.
 */
export function countyPaths(a: Anchor, scale: number, weights: number[], paces: number[], from: number, to: number): number[][] {
  const v2020 = split(Math.round(a[2020] * scale), weights);
  const back = split(Math.round(a[2020] * scale) - Math.round(a[2015] * scale), weights);
  const grow = split(Math.round(a[2025] * scale) - Math.round(a[2020] * scale), weights.map((w, i) => w * paces[i]));
  return weights.map((_, c) => {
    const out: number[] = [];
    for (let y = from; y <= to; y++) {
      const v = v2020[c] - Math.round(back[c] * anchorShare(y, 'back')) + Math.round(grow[c] * anchorShare(y, 'grow'));
      out.push(Math.max(0, v));
    }
    return out;
  });
}

// ---- people in memory -------------------------------------------------------------------------

const ROLE = { none: 0, emp_ep: 1, emp_ip: 2, flex: 3, res: 4, wip: 5, ret_ep: 6, ret_ip: 7, ret_rp: 8 } as const;
const ACTIVE_ROLE: Record<ActiveKind, number> = { emp_ep: ROLE.emp_ep, emp_ip: ROLE.emp_ip, flex: ROLE.flex, res: ROLE.res, wip: ROLE.wip };
const PENSION_ROLE: Record<PensionerKind, number> = { ret_ep: ROLE.ret_ep, ret_ip: ROLE.ret_ip, ret_rp: ROLE.ret_rp };
/** The contributor group a pensioner belonged to before retiring. */
const PRE_OF: Record<PensionerKind, ActiveKind> = { ret_ep: 'emp_ep', ret_ip: 'emp_ip', ret_rp: 'res' };
const FLAG_UNEMP = 1;
const FLAG_WI = 2;
const FLAG_LOW_BASE = 4;
const FLAG_LATE_DEATH = 8;
const FLAG_PRISON = 16;
const FLAG_SECOND_PENSION = 32;

type People = {
  n: number;
  id: Float64Array;
  county: Int32Array;
  township: Int32Array;
  birthDay: Int32Array;
  male: Uint8Array;
  urban: Uint8Array;
  role: Uint8Array;
  /** Contributor spell start (day), 0 = none. */
  entry: Int32Array;
  /** First month not paid after a suspension (month index), 0 = never suspended. */
  suspend: Int32Array;
  /** First pension month, 0 = not a pensioner. */
  retire: Int32Array;
  death: Int32Array;
  flags: Uint8Array;
  employer: Int32Array;
  /** Contribution index: the monthly base ÷ the year's average wage. */
  index: Float32Array;
};

type Firm = { id: number; region: string; county: number; ownership: string; industry: string; size: string };

/** Candidates in random order, preferred ones earlier (each next pick is preferred with probability `pPreferred` while both remain). */
function biasedOrder(preferred: number[], other: number[], pPreferred: number, rng: Rng): number[] {
  rng.shuffle(preferred);
  rng.shuffle(other);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < preferred.length || j < other.length) {
    if (j >= other.length || (i < preferred.length && rng.chance(pPreferred))) out.push(preferred[i++]);
    else out.push(other[j++]);
  }
  return out;
}

// ---- the part ------------------------------------------------------------------------------------

export const insuranceGenerator: GeneratorPart = {
  name: 'insurance',
  // After employment: unemployment benefits rest on its unemployment registrations.
  after: ['registry', 'employment'],
  async run(ctx: GenerateContext) {
    const { platform, scale } = ctx;
    const db = platform.db;
    const ix = platform.regions.index;
    const today = new Date().toISOString().slice(0, 10);
    const fromYear = ctx.fromYear;
    const toYear = Math.min(ctx.toYear, Number(today.slice(0, 4)));
    const Y0 = fromYear - 1;
    const nYears = toYear - Y0 + 1;
    /** The last fee month generated: December of the last year, or the month before this one. */
    const lastMonth = Math.min(mIdx(toYear, 12), monthOfDay(dayOf(today)) - 1);
    const lastDay = dayOf(mIso(lastMonth + 1)) - 1;
    const ledgerFrom = Math.max(fromYear, LEDGER_FROM_YEAR);
    const rng = ctx.rng('insurance');
    const query = platform.database.query.bind(platform.database) as <T>(text: string, params?: unknown[]) => Promise<T[]>;
    const paramYears: number[] = [];
    for (let y = 1980; y <= toYear + 1; y++) paramYears.push(y);
    const params = new Map([...(await loadParams(query, paramYears))].map(([y, p]) => [y, p.params]));
    const P = (y: number): Params => params.get(Math.max(1980, Math.min(toYear + 1, y)))!;

    // ---- persons and employers ----------------------------------------------------------------
    const counties: string[] = [];
    const countyIndex = new Map<string, number>();
    const townships: string[] = [];
    const townshipIndex = new Map<string, number>();
    const countyOf = (code: string) => ix.countyOf(code) ?? ix.planUnitOf(code) ?? code;
    const countyNo = (code: string) => {
      const c = countyOf(code);
      let k = countyIndex.get(c);
      if (k === undefined) {
        k = counties.length;
        counties.push(c);
        countyIndex.set(c, k);
      }
      return k;
    };
    const [{ total }] = await rows<{ total: number }>(db, sql`select count(*)::int as total from ${persons} where ${systemScope()}`);
    const n = Number(total);
    const people: People = {
      n,
      id: new Float64Array(n),
      county: new Int32Array(n),
      township: new Int32Array(n),
      birthDay: new Int32Array(n),
      male: new Uint8Array(n),
      urban: new Uint8Array(n),
      role: new Uint8Array(n),
      entry: new Int32Array(n),
      suspend: new Int32Array(n),
      retire: new Int32Array(n),
      death: new Int32Array(n),
      flags: new Uint8Array(n),
      employer: new Int32Array(n).fill(-1),
      index: new Float32Array(n),
    };
    let loaded = 0;
    let last = 0;
    for (;;) {
      const batch = await db
        .select({ id: persons.id, region: persons.regionCode, birth: persons.birthDate, gender: persons.gender, hukou: persons.hukouType })
        .from(persons)
        .where(and(gt(persons.id, last), systemScope()))
        .orderBy(asc(persons.id))
        .limit(100_000);
      if (!batch.length) break;
      last = batch[batch.length - 1].id;
      for (const p of batch) {
        if (loaded >= n) break;
        let t = townshipIndex.get(p.region);
        if (t === undefined) {
          t = townships.length;
          townships.push(p.region);
          townshipIndex.set(p.region, t);
        }
        people.id[loaded] = p.id;
        people.township[loaded] = t;
        people.county[loaded] = countyNo(p.region);
        people.birthDay[loaded] = dayOf(p.birth);
        people.male[loaded] = p.gender === 'M' ? 1 : 0;
        people.urban[loaded] = p.hukou === 'urban' ? 1 : 0;
        // Contribution index, log-normal around 0.95 of the average wage (most near the floor).
        people.index[loaded] = Math.exp(rng.normal(-0.12, 0.42));
        loaded++;
      }
      ctx.progress('insurance persons read', loaded, n);
    }
    const N = loaded;
    const firms: Firm[] = (await db.select({ id: employers.id, region: employers.regionCode, ownership: employers.ownership, industry: employers.industry, size: employers.size }).from(employers).where(systemScope()).orderBy(asc(employers.id))).map(
      (f) => ({ ...f, county: countyNo(f.region) }),
    );
    const C = counties.length;
    const byCounty: number[][] = Array.from({ length: C }, () => []);
    for (let i = 0; i < N; i++) byCounty[people.county[i]].push(i);
    const birthYear = (i: number) => yearOfDay(people.birthDay[i]);
    const birthMonth = (i: number) => monthOfDay(people.birthDay[i]);

    const pace = counties.map((c) => PACE[ix.planUnitOf(c) ?? c] ?? PACE[c] ?? 1);
    const at = (path: number[], y: number) => path[Math.max(0, Math.min(nYears - 1, y - Y0))];
    const shortfalls = new Map<string, number>();
    const short = (what: string, missing: number) => shortfalls.set(what, (shortfalls.get(what) ?? 0) + missing);

    // ---- students, before anyone is enrolled (generate-periods.ts): nobody is enrolled while at school ----
    const periodRng = ctx.rng('insurance.periods');
    const periods = new PeriodList();
    const busyUntil = planStudies({ n: N, county: people.county, birthDay: people.birthDay, counties: C, scale, fromYear, lastDay }, periodRng, periods, short);

    // ---- pensioners: retirements by year, then deaths ------------------------------------------
    const groupOf = (kind: PensionerKind, i: number): RetirementGroup | 'resident' =>
      kind === 'ret_rp' ? 'resident' : people.male[i] ? 'male' : kind === 'ret_ip' ? 'female_cadre' : 'female_worker';
    const pensionerPaths = new Map<PensionerKind, number[][]>();
    for (const kind of ['ret_ip', 'ret_ep', 'ret_rp'] as const) {
      // Counties get pensioners in proportion to the people still available for this scheme there.
      const weights = new Array<number>(C).fill(0);
      for (let i = 0; i < N; i++) if (!people.role[i] && pensionStartMonth(birthMonth(i), groupOf(kind, i)) <= lastMonth) weights[people.county[i]] += kind === 'ret_rp' ? (people.urban[i] ? 0.6 : 1) : people.urban[i] ? 1 : 0.5;
      const paths = countyPaths(PENSIONERS[kind], scale, weights, pace, Y0, toYear);
      pensionerPaths.set(kind, paths);
      for (let c = 0; c < C; c++) {
        const path = paths[c];
        // Deaths per year (from 2021: the registry holds the people alive on census day 2020).
        const deaths = path.map((v, k) => (Y0 + k >= Math.max(2021, fromYear) && k > 0 ? Math.round(path[k - 1] * PENSIONER_DEATH_RATE) : 0));
        const buckets = new Map<number, number[]>();
        for (const i of byCounty[c]) {
          if (people.role[i]) continue;
          const start = pensionStartMonth(birthMonth(i), groupOf(kind, i));
          const y = Math.max(Y0, mYear(start));
          if (y > toYear || start > lastMonth) continue;
          if (Y0 + 0 === y && 2020 - birthYear(i) > 100) continue;
          let list = buckets.get(y);
          if (!list) buckets.set(y, (list = []));
          list.push(i);
        }
        for (let y = Y0; y <= toYear; y++) {
          const k = y - Y0;
          const want = y === Y0 ? path[0] : path[k] - path[k - 1] + deaths[k];
          const chosen = takeRandom(buckets.get(y) ?? [], Math.max(0, want), rng);
          if (chosen.length < want) short(`${kind} ${y}`, want - chosen.length);
          for (const i of chosen) {
            people.role[i] = PENSION_ROLE[kind];
            people.retire[i] = pensionStartMonth(birthMonth(i), groupOf(kind, i));
          }
        }
        // Deaths among those drawing before the year began, in January–November.
        const mine = byCounty[c].filter((i) => people.role[i] === PENSION_ROLE[kind]);
        for (let y = Math.max(2021, fromYear); y <= toYear; y++) {
          const alive = mine.filter((i) => !people.death[i] && people.retire[i] < mIdx(y, 1));
          for (const i of takeRandom(alive, deaths[y - Y0], rng)) {
            const lastM = Math.min(mIdx(y, 11), lastMonth);
            const lo = dayOf(mIso(Math.max(mIdx(y, 1), people.retire[i])));
            const hi = dayOf(mIso(lastM + 1)) - 1;
            if (hi < lo) continue;
            people.death[i] = lo + Math.floor(rng.next() * (hi - lo + 1));
          }
        }
      }
    }

    // ---- contributors: entries by year, then suspensions -------------------------------------------
    /** The last birth year that stays below pension age through the last generated year. */
    const eligible = (kind: ActiveKind, i: number): boolean => {
      const by = birthYear(i);
      if (by > toYear - 16) return false;
      const group: RetirementGroup | 'resident' = kind === 'res' || kind === 'wip' ? 'resident' : people.male[i] ? 'male' : kind === 'emp_ip' ? 'female_cadre' : 'female_worker';
      return pensionStartMonth(birthMonth(i), group) > lastMonth + 12;
    };
    const sixteen = (i: number) => addYearsDay(people.birthDay[i], 16);
    const activePaths = new Map<ActiveKind, { insured: number[][]; nonPaying: number[][] }>();
    type Draw = { kind: ActiveKind; c: number; want: number[]; order: number[]; members: number[]; preAt: (y: number) => number };
    const draws: Draw[] = [];
    for (const kind of ['emp_ip', 'emp_ep', 'wip', 'flex', 'res'] as const) {
      // Counties get contributors in proportion to the people of age still available there.
      const weights = new Array<number>(C).fill(0);
      for (let i = 0; i < N; i++) if (!people.role[i] && eligible(kind, i)) weights[people.county[i]] += kind === 'res' ? (people.urban[i] ? 0.55 : 1) : people.urban[i] ? 1 : 0.45;
      const insured = countyPaths(ACTIVE[kind].insured, scale, weights, pace, Y0, toYear);
      const nonPaying = countyPaths(ACTIVE[kind].nonPaying, scale, weights, pace, Y0, toYear);
      activePaths.set(kind, { insured, nonPaying });
      const preKind = (Object.keys(PRE_OF) as PensionerKind[]).find((k) => PRE_OF[k] === kind);
      for (let c = 0; c < C; c++) {
        // Pensioners who still contributed before retiring count in this group until then.
        const pre = preKind ? byCounty[c].filter((i) => people.role[i] === PENSION_ROLE[preKind] && people.retire[i] >= mIdx(fromYear, 1)) : [];
        for (const i of pre) {
          const lo = Math.max(addYearsDay(people.birthDay[i], 20), dayOf(`${Y0 - 14}-01-01`));
          const hi = dayOf(`${Y0}-12-31`);
          people.entry[i] = lo >= hi ? hi : lo + Math.floor(rng.next() * (hi - lo + 1));
        }
        const preAt = (y: number) => pre.filter((i) => people.retire[i] > mIdx(y, 12)).length;
        const want: number[] = [];
        let prev = 0;
        for (let y = Y0; y <= toYear; y++) {
          const target = Math.max(0, at(insured[c], y) - preAt(y));
          want.push(Math.max(0, target - prev));
          prev = Math.max(prev, target);
        }
        const pool = byCounty[c].filter((i) => !people.role[i] && eligible(kind, i));
        const prefersUrban = kind !== 'res';
        const order = biasedOrder(
          pool.filter((i) => people.urban[i] === (prefersUrban ? 1 : 0)),
          pool.filter((i) => people.urban[i] !== (prefersUrban ? 1 : 0)),
          kind === 'res' ? 0.8 : 0.7,
          rng,
        );
        draws.push({ kind, c, want, order, members: [], preAt });
      }
    }
    // Every group's stock before the first generated year first (it needs the older people),
    // then the entries year by year, as younger people come of age.
    for (let y = Y0; y <= toYear; y++) {
      for (const d of draws) {
        let need = d.want[y - Y0];
        if (need <= 0) continue;
        const rest: number[] = [];
        for (const i of d.order) {
          if (people.role[i]) continue; // taken by another group meanwhile
          if (need > 0 && birthYear(i) + 16 <= y && (y > Y0 || sixteen(i) <= dayOf(`${Y0}-12-31`))) {
            const lo = Math.max(busyUntil[i] + 1, y === Y0 ? Math.max(sixteen(i), dayOf(`${Y0 - 12}-01-01`)) : Math.max(sixteen(i), dayOf(`${y}-01-01`)));
            const hi = y === toYear ? lastDay : dayOf(`${y}-12-31`);
            if (lo <= hi) {
              people.role[i] = ACTIVE_ROLE[d.kind];
              people.entry[i] = lo + Math.floor(rng.next() * (hi - lo + 1));
              d.members.push(i);
              need--;
              continue;
            }
          }
          rest.push(i);
        }
        d.order = rest;
        if (need > 0) short(`${d.kind} ${y}`, need);
      }
    }
    // Suspensions: N(y) people stopped paying before year y (from the month given, February on).
    for (const d of draws) {
      const { insured, nonPaying } = activePaths.get(d.kind)!;
      if (ACTIVE[d.kind].nonPaying[2025] === 0 && ACTIVE[d.kind].nonPaying[2020] === 0) continue;
      const np = nonPaying[d.c];
      let open = rng.shuffle(d.members.slice());
      for (let s = toYear - 1; s >= Y0; s--) {
        const count = s === Y0 ? at(np, fromYear) : Math.max(0, at(np, s + 1) - at(np, s));
        let need = Math.min(count, Math.max(0, at(insured[d.c], s + 1) - d.preAt(s + 1)));
        const rest: number[] = [];
        for (const i of open) {
          const em = monthOfDay(people.entry[i]);
          const lo = s === Y0 ? em + 1 : Math.max(em + 1, mIdx(s, 2));
          const hi = mIdx(s, 12);
          if (need > 0 && mYear(em) <= s && lo <= hi) {
            people.suspend[i] = lo + Math.floor(rng.next() * (hi - lo + 1));
            need--;
          } else rest.push(i);
        }
        open = rest;
        if (need > 0) short(`${d.kind} suspensions ${s}`, need);
      }
    }
    if (shortfalls.size) ctx.log(`not enough people for (figures fall short by): ${[...shortfalls].map(([k, v]) => `${k} ${v}`).join(', ')}`);

    // ---- unemployment and work injury among employees: exact 2020 quotas --------------------------------
    const isEmployee = (i: number) => people.role[i] === ROLE.emp_ep || people.role[i] === ROLE.emp_ip || ((people.role[i] === ROLE.ret_ep || people.role[i] === ROLE.ret_ip) && people.entry[i] > 0);
    const coversEnd = (i: number, y: number) => people.entry[i] > 0 && people.entry[i] <= dayOf(`${y}-12-31`) && (!people.retire[i] || people.retire[i] > mIdx(y, 12)) && !(people.role[i] >= ROLE.ret_ep && !people.entry[i]);
    const suspendedBefore = (i: number, y: number) => people.suspend[i] > 0 && people.suspend[i] <= mIdx(y, 1) - 0 && mYear(people.suspend[i]) < y;
    const CY = CALIBRATION_YEAR;
    /** After the calibration year an employee who leaves loses unemployment and work-injury cover (减员), keeping the pension spell suspended. */
    const endsAtSuspension = (i: number, type: InsuranceType) => (type === 'unemployment' || type === 'work_injury') && people.suspend[i] > 0 && mYear(people.suspend[i]) > CY;
    const calibrate = CY >= fromYear && CY <= toYear;
    const wipPaying2020 = calibrate ? activePaths.get('wip')!.insured.reduce((s, p) => s + at(p, CY), 0) : 0;
    for (const [flag, t] of [[FLAG_UNEMP, TYPE_TARGETS.unemployment], [FLAG_WI, TYPE_TARGETS.work_injury]] as const) {
      const extra = flag === FLAG_WI ? wipPaying2020 : 0;
      const s1: number[][] = Array.from({ length: C }, () => []);
      const s2: number[][] = Array.from({ length: C }, () => []);
      const later: number[] = [];
      const earlier: number[] = [];
      for (let i = 0; i < N; i++) {
        if (!isEmployee(i)) continue;
        if (!calibrate) later.push(i);
        else if (coversEnd(i, CY)) (suspendedBefore(i, CY) ? s2 : s1)[people.county[i]].push(i);
        else if (people.entry[i] > dayOf(`${CY}-12-31`)) later.push(i);
        else earlier.push(i);
      }
      const q1 = Math.max(0, Math.round(t.paying2020 * scale) - extra);
      const q2 = Math.max(0, Math.round(t.insured2020 * scale) - Math.round(t.paying2020 * scale));
      const total1 = s1.reduce((s, l) => s + l.length, 0);
      const total2 = s2.reduce((s, l) => s + l.length, 0);
      const k1 = split(Math.min(q1, total1), s1.map((l) => l.length));
      const k2 = split(Math.min(q2, total2), s2.map((l) => l.length));
      if (q1 > total1 || q2 > total2) ctx.log(`${flag === FLAG_UNEMP ? 'unemployment' : 'work injury'}: 2020 quota ${q1}+${q2} over employees ${total1}+${total2}`);
      for (let c = 0; c < C; c++) {
        for (const i of takeRandom(s1[c], k1[c], rng)) people.flags[i] |= flag;
        for (const i of takeRandom(s2[c], k2[c], rng)) people.flags[i] |= flag;
      }
      const share1 = total1 ? Math.min(q1, total1) / total1 : 0.8;
      for (const i of earlier) if (rng.chance(share1)) people.flags[i] |= flag;
      // Later entrants: as many as bring the last year to its aim (with the growth of each county's pace).
      let standing = 0;
      const type: InsuranceType = flag === FLAG_UNEMP ? 'unemployment' : 'work_injury';
      const covers = (i: number) => coversEnd(i, toYear) && !(endsAtSuspension(i, type) && people.suspend[i] <= lastMonth);
      for (let i = 0; i < N; i++) if (people.flags[i] & flag && covers(i)) standing++;
      const aim = Math.round((t.insured2020 + (t.insured2025 - t.insured2020) * anchorShare(toYear, 'grow')) * scale) - (flag === FLAG_WI ? activePaths.get('wip')!.insured.reduce((s, p) => s + at(p, toYear), 0) : 0);
      const laterEnd = later.filter(covers).length;
      const p = laterEnd ? Math.max(0, Math.min(1, (aim - standing) / laterEnd)) : 0;
      for (const i of later) if (rng.chance(p)) people.flags[i] |= flag;
    }
    for (let i = 0; i < N; i++) if (people.role[i] === ROLE.wip) people.flags[i] |= FLAG_WI;

    // ---- employers ------------------------------------------------------------------------------------
    const sizeWeight: Record<string, number> = { micro: 1, small: 6, medium: 25, large: 90 };
    const firmLists = (filter: (f: Firm) => boolean) => {
      const lists: number[][] = Array.from({ length: C }, () => []);
      firms.forEach((f, k) => {
        if (filter(f)) for (let w = 0; w < sizeWeight[f.size]; w++) lists[f.county].push(k);
      });
      const all = lists.flat();
      return (c: number) => (lists[c].length ? rng.pick(lists[c]) : all.length ? rng.pick(all) : -1);
    };
    const publicFirm = firmLists((f) => f.ownership === 'government' || f.ownership === 'public_institution');
    const enterpriseFirm = firmLists((f) => f.ownership !== 'government' && f.ownership !== 'public_institution');
    const constructionFirm = firmLists((f) => f.industry === 'E' && f.ownership !== 'government' && f.ownership !== 'public_institution');
    for (let i = 0; i < N; i++) {
      const r = people.role[i];
      if (r === ROLE.emp_ep || (r === ROLE.ret_ep && people.entry[i])) people.employer[i] = enterpriseFirm(people.county[i]);
      else if (r === ROLE.emp_ip || (r === ROLE.ret_ip && people.entry[i])) people.employer[i] = publicFirm(people.county[i]);
      else if (r === ROLE.wip) people.employer[i] = constructionFirm(people.county[i]);
    }

    // ---- planted cases -----------------------------------------------------------------------------
    const plant = (per10k: number) => Math.max(1, Math.round((per10k * scale * 10_000) / 10_000));
    const lastM = lastMonth;
    const drawing = (i: number, m: number) => people.retire[i] > 0 && people.retire[i] <= m && (!people.death[i] || monthOfDay(people.death[i]) >= m);
    const pensioners: number[] = [];
    for (let i = 0; i < N; i++) if (people.role[i] >= ROLE.ret_ep) pensioners.push(i);
    for (const i of pensioners) {
      // Deaths in the payment window's months or just before: some are known late, so the pension kept coming.
      if (people.death[i] && monthOfDay(people.death[i]) >= lastM - PAYMENT_MONTHS && monthOfDay(people.death[i]) < lastM && rng.chance(PLANTED.lateDeathShare)) people.flags[i] |= FLAG_LATE_DEATH;
    }
    const livePensioners = pensioners.filter((i) => drawing(i, lastM) && !people.death[i]);
    for (const i of takeRandom(livePensioners, plant(PLANTED.prison), rng)) people.flags[i] |= FLAG_PRISON;
    for (const i of takeRandom(livePensioners.filter((x) => people.role[x] === ROLE.ret_ep && !(people.flags[x] & FLAG_PRISON)), plant(PLANTED.twoPensions), rng)) people.flags[i] |= FLAG_SECOND_PENSION;
    const declaring = (i: number, m: number) => (people.role[i] === ROLE.emp_ep || people.role[i] === ROLE.emp_ip || ((people.role[i] === ROLE.ret_ep || people.role[i] === ROLE.ret_ip) && people.entry[i] > 0)) && paidIn(i, m);
    function paidIn(i: number, m: number): boolean {
      if (!people.entry[i] || monthOfDay(people.entry[i]) > m) return false;
      if (people.suspend[i] && people.suspend[i] <= m) return false;
      if (people.retire[i] && people.retire[i] <= m) return false;
      return m <= lastMonth;
    }
    const employees: number[] = [];
    for (let i = 0; i < N; i++) if (declaring(i, lastM)) employees.push(i);
    for (const i of takeRandom(employees, plant(PLANTED.lowBase), rng)) people.flags[i] |= FLAG_LOW_BASE;
    // Mass stops: employers with at least 12 declared staff in the month before stop 40% of them (at least 10, the rule's threshold).
    const staffOf = new Map<number, number[]>();
    for (const i of employees) {
      if (!declaring(i, lastM - 1) || (people.retire[i] && people.retire[i] <= lastM + 1)) continue;
      const list = staffOf.get(people.employer[i]);
      if (list) list.push(i);
      else staffOf.set(people.employer[i], [i]);
    }
    const big = [...staffOf.entries()].filter(([, l]) => l.length >= 12).map(([f]) => f);
    const stopped = new Set(takeRandom(big, plant(PLANTED.massStopEmployers), rng));
    let massStopped = 0;
    for (const f of stopped) {
      const staff = staffOf.get(f)!;
      for (const i of takeRandom(staff, Math.min(staff.length, Math.max(Math.ceil(staff.length * 0.4), 10)), rng)) {
        if (mYear(lastM) !== mYear(lastM - 1)) continue;
        people.suspend[i] = lastM;
        massStopped++;
      }
    }
    const inArrears = new Set(takeRandom([...staffOf.keys()].filter((f) => !stopped.has(f)), plant(PLANTED.arrearsEmployers), rng));

    // Unemployment claims: the employment module registered some people as unemployed (it runs
    // first); employees among them with unemployment cover lose their job (减员) in the month they
    // registered, within the benefit's 24 months before the last month and after the calibration
    // year, so that generate-benefits.ts finds their claim. Without this the two parts' independent
    // draws overlap by chance only (a handful of claims, none at small scales).
    const claimRng = ctx.rng('insurance.claims');
    const claimable = (i: number) => (people.role[i] === ROLE.emp_ep || people.role[i] === ROLE.emp_ip) && people.flags[i] & FLAG_UNEMP && !(people.flags[i] & FLAG_LOW_BASE) && !people.suspend[i];
    const claimCandidates: number[] = [];
    for (let i = 0; i < N; i++) if (claimable(i)) claimCandidates.push(i);
    const asked = claimCandidates.length > CLAIM_CANDIDATES ? takeRandom(claimCandidates, CLAIM_CANDIDATES, claimRng) : claimCandidates;
    const indexOfId = new Map(asked.map((i) => [people.id[i], i]));
    const registered = await openUnemploymentRegistrationsOf(platform, asked.map((i) => people.id[i]));
    const claimFrom = Math.max(mIdx(CALIBRATION_YEAR + 1, 1), lastM - 22);
    let claims = 0;
    for (const r of [...registered.values()].sort((a, b) => a.personId - b.personId)) {
      if (claims >= plant(PLANTED.unemploymentClaims)) break;
      const i = indexOfId.get(r.personId)!;
      const m = monthOfDay(dayOf(r.registeredOn));
      if (m < claimFrom || m >= lastM || m <= monthOfDay(people.entry[i]) || (people.retire[i] && people.retire[i] <= m + 1)) continue;
      people.suspend[i] = m;
      claims++;
    }

    // ---- people insured in other provinces: the coverage rate (v2) of the calibration year by construction ----
    const periodYear = Math.min(toYear, Math.max(fromYear, CALIBRATION_YEAR));
    const minAge = P(periodYear).coverageDenominator.minAge;
    /** First month a pension decision no longer stands (death or imprisonment), 0 = none. */
    const stopFromMonth = (i: number) => (people.death[i] ? monthOfDay(people.death[i]) + 1 : people.flags[i] & FLAG_PRISON ? lastM - PAYMENT_MONTHS + 1 : 0);
    const pensionInsuredOn = (i: number, d: number) => {
      const r = people.role[i];
      if (people.entry[i] && people.entry[i] <= d && r !== ROLE.none && r !== ROLE.wip) {
        const end = people.retire[i] && people.retire[i] <= lastMonth + 1 ? dayOf(mIso(people.retire[i])) - 1 : 0;
        if (!end || end >= d) return true;
      }
      if (r >= ROLE.ret_ep && people.retire[i] && dayOf(mIso(people.retire[i])) <= d) {
        const stop = stopFromMonth(i);
        return !stop || dayOf(mIso(stop)) > d;
      }
      return false;
    };
    const coverage = planElsewhere(
      {
        n: N,
        county: people.county,
        birthDay: people.birthDay,
        counties: C,
        year: periodYear,
        lastDay,
        ofAge: (i) => birthYear(i) <= periodYear - minAge && !(people.death[i] && yearOfDay(people.death[i]) <= periodYear),
        insuredOn: pensionInsuredOn,
        neverInsured: (i) => people.role[i] === ROLE.none,
        entry: (i) => people.entry[i],
      },
      periodRng,
      periods,
      short,
    );
    const elsewhereShort = [...shortfalls].filter(([k]) => k.startsWith('insured elsewhere'));
    if (elsewhereShort.length) ctx.log(`not enough people insured nowhere for: ${elsewhereShort.map(([k, v]) => `${k} ${v}`).join(', ')}`);

    // ---- rows ---------------------------------------------------------------------------------------------
    const regionOfPerson = (i: number) => townships[people.township[i]];
    const employerRegion = (i: number) => (people.employer[i] >= 0 ? firms[people.employer[i]].region : regionOfPerson(i));
    type Spell = { type: InsuranceType; employer: number; form: 'employee' | 'flexible' | 'resident'; region: string };
    const spellsOf = (i: number): Spell[] => {
      const r = people.role[i];
      if (!people.entry[i]) return [];
      const out: Spell[] = [];
      const emp = people.employer[i];
      const empSpell = (type: InsuranceType): Spell => ({ type, employer: emp, form: 'employee', region: employerRegion(i) });
      if (r === ROLE.emp_ep || r === ROLE.ret_ep) out.push(empSpell('enterprise_pension'));
      else if (r === ROLE.emp_ip || r === ROLE.ret_ip) out.push(empSpell('institution_pension'));
      else if (r === ROLE.flex) out.push({ type: 'enterprise_pension', employer: -1, form: 'flexible', region: regionOfPerson(i) });
      else if (r === ROLE.res || r === ROLE.ret_rp) out.push({ type: 'resident_pension', employer: -1, form: 'resident', region: regionOfPerson(i) });
      if (emp >= 0 && people.flags[i] & FLAG_UNEMP && r !== ROLE.wip) out.push(empSpell('unemployment'));
      if (emp >= 0 && people.flags[i] & FLAG_WI) out.push(empSpell('work_injury'));
      return out;
    };
    /** Last month paid (inclusive) of the contributor spell, or −1. */
    const paidThrough = (i: number) => {
      let m = lastMonth;
      if (people.suspend[i]) m = Math.min(m, people.suspend[i] - 1);
      if (people.retire[i]) m = Math.min(m, people.retire[i] - 1);
      return m;
    };
    const endDayOf = (i: number) => (people.retire[i] && people.retire[i] <= lastMonth + 1 ? dayOf(mIso(people.retire[i])) - 1 : 0);
    const statusOf = (i: number): 'paying' | 'suspended' | 'terminated' => (endDayOf(i) && endDayOf(i) <= lastDay ? 'terminated' : people.suspend[i] && people.suspend[i] <= lastMonth ? 'suspended' : 'paying');

    // Employer registrations: every employer with insured staff, for the types its staff have.
    const firmTypes = new Map<number, Set<InsuranceType>>();
    const firmSince = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      for (const s of spellsOf(i)) {
        if (s.employer < 0) continue;
        let set = firmTypes.get(s.employer);
        if (!set) firmTypes.set(s.employer, (set = new Set()));
        set.add(s.type);
        firmSince.set(s.employer, Math.min(firmSince.get(s.employer) ?? Number.MAX_SAFE_INTEGER, people.entry[i]));
      }
    }
    const stamp = (day: number) => `${isoDay(day)}T09:00:00+08:00`;
    const regRows = function* () {
      for (const [k, types] of [...firmTypes.entries()].sort((a, b) => a[0] - b[0])) {
        const f = firms[k];
        const order: InsuranceType[] = ['enterprise_pension', 'institution_pension', 'unemployment', 'work_injury'];
        const list = order.filter((t) => types.has(t));
        yield [f.id, f.region, JSON.stringify(list), WORK_INJURY_CLASS[f.industry] ?? 2, isoDay(firmSince.get(k)!), 'active', stamp(firmSince.get(k)!)];
      }
    };
    const nRegs = await ctx.copyRows('insurance_employer_registrations', ['employer_id', 'region_code', 'types', 'work_injury_class', 'registered_on', 'status', 'created_at'], regRows());

    // Enrolments (explicit ids, so their history can point at them) and their events.
    const [{ m: enrolBase }] = await rows<{ m: number }>(db, sql`select coalesce(max(id), 0)::bigint as m from insurance_enrolments where ${systemScope()}`);
    const fromDay = dayOf(`${fromYear}-01-01`);
    let insuredPersons = 0;
    for (let i = 0; i < N; i++) if (people.entry[i]) insuredPersons++;
    // Two passes over the same spells in the same order (so the same ids): the spells, then their
    // history; nothing is held in memory between them.
    const enrolmentPass = function* (what: 'spells' | 'events'): Generator<unknown[]> {
      let enrolId = Number(enrolBase);
      for (let i = 0; i < N; i++) {
        const spells = spellsOf(i);
        if (!spells.length) continue;
        const status = statusOf(i);
        const end = endDayOf(i);
        for (const s of spells) {
          enrolId++;
          const emp = s.employer >= 0 ? firms[s.employer].id : null;
          const start = isoDay(people.entry[i]);
          const suspendDay = people.suspend[i] && people.suspend[i] <= lastMonth ? dayOf(mIso(people.suspend[i])) : 0;
          const enrolled = people.entry[i] >= fromDay;
          if (endsAtSuspension(i, s.type) && suspendDay) {
            // 减员: the employer ends unemployment and work-injury cover when the employee leaves.
            if (what === 'spells') yield [enrolId, people.id[i], s.type, emp, s.form, 'terminated', start, isoDay(suspendDay - 1), s.region, stamp(people.entry[i]), stamp(suspendDay)];
            else {
              if (enrolled) yield [enrolId, people.id[i], s.region, 'enrol', start, null, 'paying', emp, null, 'generate', stamp(people.entry[i])];
              yield [enrolId, people.id[i], s.region, 'terminate', isoDay(suspendDay - 1), 'paying', 'terminated', emp, '减员', 'generate', stamp(suspendDay)];
            }
            continue;
          }
          if (what === 'spells') {
            const updated = end && status === 'terminated' ? end : suspendDay && status === 'suspended' ? suspendDay : people.entry[i];
            yield [enrolId, people.id[i], s.type, emp, s.form, status, start, status === 'terminated' ? isoDay(end) : null, s.region, stamp(people.entry[i]), stamp(updated)];
            continue;
          }
          if (enrolled) yield [enrolId, people.id[i], s.region, 'enrol', start, null, 'paying', emp, null, 'generate', stamp(people.entry[i])];
          if (suspendDay && suspendDay >= fromDay && (!end || suspendDay <= end)) {
            yield [enrolId, people.id[i], s.region, 'suspend', isoDay(suspendDay), 'paying', 'suspended', emp, stopped.has(s.employer) ? '单位停缴' : '中断缴费', 'generate', stamp(suspendDay)];
          }
          if (status === 'terminated' && end >= fromDay) yield [enrolId, people.id[i], s.region, 'terminate', isoDay(end), suspendDay && suspendDay <= end ? 'suspended' : 'paying', 'terminated', emp, '退休', 'generate', stamp(end)];
        }
      }
    };
    const nEnrol = await ctx.copyRows('insurance_enrolments', ['id', 'person_id', 'insurance_type', 'employer_id', 'worker_form', 'status', 'start_date', 'end_date', 'region_code', 'created_at', 'updated_at'], enrolmentPass('spells'), {
      total: Math.round(insuredPersons * 1.6),
      label: 'enrolments',
    });
    await rows(db, sql`select setval(pg_get_serial_sequence('insurance_enrolments', 'id'), greatest(${Number(enrolBase) + nEnrol}::bigint, 1)) ${systemScope()}`);
    const nEvents = await ctx.copyRows('insurance_enrolment_events', ['enrolment_id', 'person_id', 'region_code', 'action', 'effective_date', 'from_status', 'to_status', 'employer_id', 'reason', 'actor_name', 'at'], enrolmentPass('events'), {
      total: Math.round(insuredPersons * 1),
      label: 'enrolment history',
    });

    // Deaths and imprisonments (explicit ids, for the decisions' stop_event_id).
    const [{ m: eventBase }] = await rows<{ m: number }>(db, sql`select coalesce(max(id), 0)::bigint as m from insurance_life_events where ${systemScope()}`);
    let lifeId = Number(eventBase);
    const deathEvent = new Map<number, number>();
    const prisonEvent = new Map<number, { id: number; day: number }>();
    const lifeRows: unknown[][] = [];
    for (const i of pensioners) {
      if (people.death[i]) {
        const late = people.flags[i] & FLAG_LATE_DEATH;
        const known = people.death[i] + (late ? 62 + Math.floor(rng.next() * 30) : 3 + Math.floor(rng.next() * 12));
        deathEvent.set(i, ++lifeId);
        lifeRows.push([lifeId, people.id[i], regionOfPerson(i), 'death', isoDay(people.death[i]), isoDay(known), stamp(known + 1), rng.chance(0.6) ? 'civil_affairs' : 'police', `GEN-D-${people.id[i]}`]);
      } else if (people.flags[i] & FLAG_PRISON) {
        const day = dayOf(mIso(lastM - PAYMENT_MONTHS)) + Math.floor(rng.next() * 25);
        prisonEvent.set(i, { id: ++lifeId, day });
        lifeRows.push([lifeId, people.id[i], regionOfPerson(i), 'imprisonment', isoDay(day), isoDay(day + 70), stamp(day + 71), 'justice', `GEN-P-${people.id[i]}`]);
      }
    }
    const nLife = await ctx.copyRows('insurance_life_events', ['id', 'person_id', 'region_code', 'kind', 'occurred_on', 'known_on', 'recorded_at', 'source', 'source_ref'], lifeRows);
    await rows(db, sql`select setval(pg_get_serial_sequence('insurance_life_events', 'id'), greatest(${lifeId}::bigint, 1)) ${systemScope()}`);

    // Study and other-province periods, as the education department and the national platform report them.
    const periodRows = function* (): Generator<unknown[]> {
      for (let k = 0; k < periods.n; k++) {
        const i = periods.person[k];
        const kind = periods.kind[k];
        const start = periods.start[k];
        const end = periods.end[k];
        const elsewhere = kind === ELSEWHERE;
        // Reported a month or so after the start (education: with the autumn enrolment), never after the last generated day.
        const known = Math.min(lastDay, Math.max(start, start + (elsewhere ? 15 + (k % 300) : 30 + (k % 30))));
        yield [people.id[i], regionOfPerson(i), elsewhere ? 'insured_elsewhere' : 'student', isoDay(start), end < 0 ? null : isoDay(end), placeOf(kind, periods.place[k]), isoDay(known), stamp(known + 1),
          elsewhere ? 'national_platform' : 'education', elsewhere ? `GEN-QG-${people.id[i]}-${k}` : `GEN-XJ-${people.id[i]}-${STUDY_KINDS[kind]}`];
      }
    };
    const nPeriods = await ctx.copyRows('insurance_status_periods', ['person_id', 'region_code', 'kind', 'starts_on', 'ends_on', 'place', 'known_on', 'recorded_at', 'source', 'source_ref'], periodRows(), { total: periods.n, label: 'status periods' });

    // Pension decisions (explained by the same rules a caseworker's decision uses) and the last months' payments.
    const [{ m: decisionBase }] = await rows<{ m: number }>(db, sql`select coalesce(max(id), 0)::bigint as m from insurance_benefit_decisions where ${systemScope()}`);
    /** Monthly amounts decided in the first pass, for the payments pass. */
    const monthly = new Float64Array(N);
    const windowFrom = lastM - PAYMENT_MONTHS + 1;
    const otherCounty = (c: number) => townships.findIndex((t) => countyOf(t) !== counties[c]);
    /** A pension decided by the rule a caseworker's decision uses, from synthetic inputs. */
    const decide = (i: number, kind: BenefitKind, start: number) => {
      const sy = mYear(start);
      const birth = isoDay(people.birthDay[i]);
      const idx = Math.max(0.6, Math.min(3, people.index[i]));
      // Contribution months from the person's own hash, not the random stream (a rerun draws nothing).
      const draw = ((Math.imul(i + 1, 2_654_435_761) >>> 0) % 10_007) / 10_007;
      if (kind === 'resident_pension') {
        const months = 180 + Math.floor(draw * 60);
        const inputs = { birthDate: birth, startMonth: mIso(start), contributionMonths: months, accountFen: Math.round((months / 12) * 40_000), basicPensionFen: P(sy).residentBasicPensionFen, minMonths: 180 };
        return { inputs, result: residentPension(inputs), rule: RESIDENT_PENSION_RULE };
      }
      const months = 180 + Math.floor(draw * 300);
      const group: RetirementGroup = people.male[i] ? 'male' : kind === 'institution_pension' ? 'female_cadre' : 'female_worker';
      const inputs = {
        birthDate: birth,
        group,
        startMonth: mIso(start),
        contributionMonths: months,
        averageIndex: Math.round(idx * 10_000) / 10_000,
        accountFen: Math.round(P(sy - 1).avgMonthlyWageFen * idx * 0.08 * months * 0.7),
        pensionBaseFen: P(sy - 1).avgMonthlyWageFen,
        minMonths: P(sy).pensionMinMonths,
      };
      return { inputs, result: employeePension(inputs), rule: kind === 'enterprise_pension' ? PENSION_RULE : INSTITUTION_PENSION_RULE };
    };
    // Two passes in the same order (so the same ids): the decisions, then their payments.
    const pensionPass = function* (what: 'decisions' | 'payments'): Generator<unknown[]> {
      let decisionId = Number(decisionBase);
      for (const i of pensioners) {
        const r = people.role[i];
        const kind: BenefitKind = r === ROLE.ret_ep ? 'enterprise_pension' : r === ROLE.ret_ip ? 'institution_pension' : 'resident_pension';
        const start = people.retire[i];
        const sy = mYear(start);
        const birth = isoDay(people.birthDay[i]);
        const region = r === ROLE.ret_rp || people.employer[i] < 0 ? regionOfPerson(i) : employerRegion(i);
        const death = people.death[i];
        const prison = prisonEvent.get(i);
        const stopFrom = death ? monthOfDay(death) + 1 : prison ? monthOfDay(prison.day) + 1 : 0;
        const id = ++decisionId;
        if (what === 'payments') {
          // The months standing, plus the months after a death or imprisonment nobody knew of yet.
          const overpaid = (people.flags[i] & FLAG_LATE_DEATH) || prison;
          for (let m = Math.max(windowFrom, start); m <= lastM; m++) {
            if (stopFrom && m >= stopFrom && !overpaid) continue;
            yield [id, people.id[i], region, kind, mIso(m), monthly[i], `${mIso(m).slice(0, 8)}10`];
          }
        }
        if (what === 'decisions') {
          const d = decide(i, kind, start);
          const status = death ? 'stopped' : prison ? 'suspended' : 'active';
          const explanation = [...d.result.steps.slice(-1), { zh: '模拟数据：按同一规则由生成器核定', en: 'Synthetic: decided by the generator with the same rule' }];
          monthly[i] = d.result.monthlyFen;
          yield [id, people.id[i], region, kind, status, mIso(start), d.result.monthlyFen, JSON.stringify(d.inputs), JSON.stringify(explanation), d.rule.key, d.rule.version, d.rule.clause, `${sy}.default`, stopFrom ? mIso(stopFrom) : null, death ? 'death' : prison ? 'imprisonment' : null, death ? deathEvent.get(i)! : prison ? prison.id : null, stamp(dayOf(mIso(start)) - 20)];
        }
        if (people.flags[i] & FLAG_SECOND_PENSION) {
          const t = otherCounty(people.county[i]);
          if (t < 0) continue;
          const second = ++decisionId;
          const secondStart = Math.max(start, windowFrom - 3);
          const amount = P(mYear(secondStart)).residentBasicPensionFen;
          const secondInputs = { birthDate: birth, startMonth: mIso(secondStart), contributionMonths: 180, accountFen: 0, basicPensionFen: amount, minMonths: 180 };
          const res = residentPension(secondInputs);
          if (what === 'payments') {
            for (let m = Math.max(windowFrom, secondStart); m <= lastM; m++) yield [second, people.id[i], townships[t], 'resident_pension', mIso(m), res.monthlyFen, `${mIso(m).slice(0, 8)}12`];
            continue;
          }
          yield [second, people.id[i], townships[t], 'resident_pension', 'active', mIso(secondStart), res.monthlyFen, JSON.stringify(secondInputs), JSON.stringify(res.steps.slice(-1)), RESIDENT_PENSION_RULE.key, RESIDENT_PENSION_RULE.version, RESIDENT_PENSION_RULE.clause, `${mYear(secondStart)}.default`, null, null, null, stamp(dayOf(mIso(secondStart)) - 20)];
        }
      }
    };
    const nDecisions = await ctx.copyRows(
      'insurance_benefit_decisions',
      ['id', 'person_id', 'region_code', 'kind', 'status', 'start_month', 'monthly_fen', 'inputs', 'explanation', 'rule_key', 'rule_version', 'clause', 'params_version', 'stopped_from_month', 'stop_reason', 'stop_event_id', 'decided_at'],
      pensionPass('decisions'),
      { total: pensioners.length, label: 'pension decisions' },
    );
    await rows(db, sql`select setval(pg_get_serial_sequence('insurance_benefit_decisions', 'id'), greatest(${Number(decisionBase) + nDecisions}::bigint, 1)) ${systemScope()}`);
    const nPayments = await ctx.copyRows('insurance_benefit_payments', ['decision_id', 'person_id', 'region_code', 'kind', 'pay_month', 'amount_fen', 'paid_on'], pensionPass('payments'), {
      total: pensioners.length * PAYMENT_MONTHS,
      label: 'pension payments',
    });

    // ---- the ledger -----------------------------------------------------------------------------------
    const detailFrom = lastM - DETAIL_MONTHS + 1;
    const detailed = (s: Spell) => (s.type === 'enterprise_pension' || s.type === 'institution_pension') && s.form !== 'resident';
    const baseIn = (i: number, y: number, lowBase: boolean): number => {
      const p = P(y);
      const band = baseBand(p);
      if (lowBase) return Math.round(band.floorFen * 0.8);
      return Math.min(band.ceilFen, Math.max(band.floorFen, Math.round(p.avgMonthlyWageFen * people.index[i])));
    };
    const ledgerCols = ['id', 'person_id', 'employer_id', 'insurance_type', 'fee_month', 'period_months', 'event', 'side', 'base_fen', 'employer_rate_bp', 'personal_rate_bp', 'employer_fen', 'personal_fen', 'subsidy_fen', 'account_fen', 'value_date', 'region_code', 'source'];
    const [{ m: ledgerBase }] = await rows<{ m: number }>(db, sql`select coalesce(max(id), 0)::bigint as m from insurance_ledger where ${systemScope()}`);
    // Ids by person (64 a person), so that parallel streams write the same ids as one stream would.
    const LEDGER_IDS_PER_PERSON = 64;
    const ledgerRows = function* (lo: number, hi: number): Generator<unknown[]> {
      for (let i = lo; i < hi; i++) {
        const spells = spellsOf(i);
        if (!spells.length) continue;
        let k = Number(ledgerBase) + i * LEDGER_IDS_PER_PERSON;
        const firstM = monthOfDay(people.entry[i]);
        const lastPaid = paidThrough(i);
        if (lastPaid < firstM) continue;
        for (const s of spells) {
          const emp = s.employer >= 0 ? firms[s.employer].id : null;
          const wiClass = s.employer >= 0 ? (WORK_INJURY_CLASS[firms[s.employer].industry] ?? 2) : 1;
          for (let y = Math.max(ledgerFrom, mYear(firstM)); y <= Math.min(toYear, mYear(lastPaid)); y++) {
            const p = P(y);
            const a = Math.max(firstM, mIdx(y, 1));
            const b = Math.min(lastPaid, mIdx(y, 12));
            if (b < a) continue;
            if (s.type === 'resident_pension') {
              // One annual contribution by level (档次), with the government subsidy into the account.
              const levels = p.residentLevels;
              const level = levels[Math.min(levels.length - 1, Math.floor(Math.max(0, people.index[i] - 0.45) * 4))];
              const paid = `${y}-${String(Math.min(12, (a % 12) + 3)).padStart(2, '0')}-15`;
              if (y === mYear(lastM)) yield [++k, people.id[i], null, s.type, `${y}-01-01`, 12, 'assessed', 'due', level.levelFen, 0, 0, 0, level.levelFen, 0, 0, `${y}-01-05`, s.region, 'generator'];
              yield [++k, people.id[i], null, s.type, `${y}-01-01`, 12, 'received', 'paid', level.levelFen, 0, 0, 0, level.levelFen, level.subsidyFen, level.levelFen + level.subsidyFen, paid, s.region, 'generator'];
              continue;
            }
            const base = baseIn(i, y, false);
            const flexible = s.form === 'flexible';
            const rates = flexible ? { employer: 0, personal: p.rates.flexible_pension.total } : ratesOf(p, s.type, wiClass);
            const account = s.type === 'enterprise_pension' || s.type === 'institution_pension' ? (flexible ? p.rates.flexible_pension.account : rates.personal) : 0;
            const summaryTo = detailed(s) ? Math.min(b, detailFrom - 1) : b;
            if (summaryTo >= a) {
              const months = summaryTo - a + 1;
              yield [++k, people.id[i], emp, s.type, mIso(a), months, 'received', 'paid', base, rates.employer, rates.personal, partOf(base, rates.employer) * months, partOf(base, rates.personal) * months, 0, partOf(base, account) * months, `${mIso(summaryTo + 1).slice(0, 8)}10`, s.region, 'generator'];
            }
            if (!detailed(s)) continue;
            for (let m = Math.max(a, detailFrom); m <= b; m++) {
              const mb = m === lastM && people.flags[i] & FLAG_LOW_BASE ? baseIn(i, y, true) : base;
              const due = flexible ? 'assessed' : 'declared';
              yield [++k, people.id[i], emp, s.type, mIso(m), 1, due, 'due', mb, rates.employer, rates.personal, partOf(mb, rates.employer), partOf(mb, rates.personal), 0, 0, `${mIso(m).slice(0, 8)}06`, s.region, 'generator'];
              if (m === lastM && s.employer >= 0 && inArrears.has(s.employer)) continue;
              yield [++k, people.id[i], emp, s.type, mIso(m), 1, 'received', 'paid', 0, rates.employer, rates.personal, partOf(mb, rates.employer), partOf(mb, rates.personal), 0, partOf(mb, account), `${mIso(m + 1).slice(0, 8)}${String(P(y).paymentDueDay - 3).padStart(2, '0')}`, s.region, 'generator'];
            }
          }
        }
      }
    };
    // On PostgreSQL two COPY streams (two halves of the persons) keep both cores busy: the
    // database's index and foreign-key work per row is the bottleneck, not the rows' making.
    const streams = platform.database.kind === 'postgres' && N > 50_000 ? 2 : 1;
    const cut = (s: number) => Math.round((N * s) / streams);
    const expected = Math.round(insuredPersons * 2.1 * (toYear - ledgerFrom + 1)) + employees.length * DETAIL_MONTHS * 2;
    if (streams > 1) await ctx.copyRows('insurance_ledger', ledgerCols, []); // prepares the table once, before the streams race
    const nLedger = (
      await Promise.all(
        Array.from({ length: streams }, (_, s) =>
          ctx.copyRows('insurance_ledger', ledgerCols, ledgerRows(cut(s), cut(s + 1)), { total: Math.round(expected / streams), label: streams > 1 ? `ledger (${s + 1}/${streams})` : 'ledger' }),
        ),
      )
    ).reduce((a, b) => a + b, 0);
    await rows(db, sql`select setval(pg_get_serial_sequence('insurance_ledger', 'id'), greatest((select max(id) from insurance_ledger where ${systemScope()}), 1))`);

    // Unemployment and work-injury benefits, life signals, transfers, arrears notices (generate-benefits.ts).
    // These read the tables above back person by person through the module's own code (a
    // transfer reads the mover's ledger): their indexes first (at scale 1 each look-up of one
    // person's ledger without them scanned 53 million entries).
    await ctx.finishBulkLoad();
    const moreStart = performance.now();
    const more = await generateBenefits(ctx, {
      enrolBase: Number(enrolBase),
      decisionBase: Number(decisionBase),
      lastMonth: mIso(lastM),
      windowFrom: mIso(windowFrom),
      arrearsEmployers: [...inArrears].map((k) => firms[k].id),
    });
    const moreSeconds = (performance.now() - moreStart) / 1000;

    ctx.log(
      `${insuredPersons.toLocaleString('en-US')} contributors (${nEnrol.toLocaleString('en-US')} spells, ${nEvents.toLocaleString('en-US')} history events), ${pensioners.length.toLocaleString('en-US')} pensioners ` +
        `(${nDecisions.toLocaleString('en-US')} decisions, ${deathEvent.size} deaths), ${nRegs} employers registered; ledger ${nLedger.toLocaleString('en-US')} entries (yearly from ${ledgerFrom}, monthly for ${mIso(detailFrom).slice(0, 7)}…${mIso(lastM).slice(0, 7)}), ` +
        `${nPayments.toLocaleString('en-US')} payments (${mIso(windowFrom).slice(0, 7)}…); planted: ${[...pensioners].filter((i) => people.flags[i] & FLAG_LATE_DEATH).length} deaths known late, ${prisonEvent.size} imprisonments, ` +
        `${pensioners.filter((i) => people.flags[i] & FLAG_SECOND_PENSION).length} second pensions, ${employees.filter((i) => people.flags[i] & FLAG_LOW_BASE).length} low bases, ${stopped.size} mass stops (${massStopped} staff), ${inArrears.size} employers in arrears; ${nLife} life events; ` +
        `pensioner death rate ${PENSIONER_DEATH_RATE * 100}%/year (assumption); ` +
        `${claims} employees registered unemployed lose their cover, ${more.unemploymentDecisions} unemployment benefits (of ${more.unemploymentCandidates} whose cover ended in the last two years: the others hold no open unemployment registration), ` +
        `${nPeriods.toLocaleString('en-US')} status periods (${periodYear}: of age ${coverage.ofAge}, pension-insured ${coverage.insured}, students ${coverage.students}, insured elsewhere ${coverage.elsewhere}: ` +
        `应参保 ${coverage.denominator}, coverage ${(100 * coverage.rate).toFixed(2)}% under v2), ` +
        `${more.workInjuryDecisions} work-injury decisions, ${more.benefitPayments} benefit payments, ${more.lifeSignals.toLocaleString('en-US')} life signals, ${more.transfers} transfers, ${more.arrearsNotices} arrears notices (these in ${moreSeconds.toFixed(1)} s)`,
    );
  },
};
