// The insurance generator's status periods (insurance_status_periods): full-time study (在校学生,
// as the education department reports it) and insurance in another province (外省参保, as the
// national platform reports it). They take people out of 应参保人数 under the coverage rate's
// denominator `registry-16plus-students-elsewhere@2`, and the generator makes that rate come out
// at the plan's 2020 base (基本养老保险参保率 91%) by construction:
//
// 1. Students first, before anyone is enrolled (generate.ts then enrols nobody before the end of
//    their study): every school-year cohort from the one still at school on 31 December of the
//    first generated year up to the last, county by county, exactly k of the cohort's birth
//    window — upper secondary at 15 for 3 years (普通高中 or 中职), higher education at 18 for 4
//    years (本科, 60%) or 3 (专科), drawn preferring those just out of 普通高中.
// 2. Then, with every role known, the people insured elsewhere: on 31 December of the
//    calibration year, with D people of age and alive, N of them pension-insured here and S
//    students among the rest, exactly K = D − round(N ÷ 91%) − S people of age, alive, not
//    insured here and not at school are given a period standing that day — split by county in
//    proportion to the people available there (working age 18–59 never insured here, and later
//    entrants, who then return: their period ends the day before they enrol here). So D − S − K =
//    round(N ÷ 91%) and the province's rate is 91% (± rounding). Afterwards a few more leave
//    each year (ELSEWHERE_GROWTH of the county's K, from those still available).
//
// ASSUMPTIONS (persons at scale 1; (check) against the education statistics): the brief's
// Hainan 2020 figures are 高中 ~30万, 中职 ~15万, 普通高校 ~20万 in the province. The registry's
// cohorts hold about 10.8万 people a birth year at 15–19 (generate-data.ts), so 45万 at upper
// secondary over three grades would be 139% of them: the stocks below keep the 高校 figure and
// scale upper secondary to about 89% of a cohort (普通高中 19万 — close to the published
// enrolment — and 中职 10万). A higher-education stock counts Hainan people studying anywhere.
import { apportion, type Rng } from '../../platform/generate';

export const STUDY_LEVELS = {
  high: { stock: 190_000, years: 3, entryAge: 15, place: '普通高中' },
  vocational: { stock: 100_000, years: 3, entryAge: 15, place: '中等职业学校' },
  college: { stock: 200_000, years: 3.6, entryAge: 18, place: '普通高等学校' },
} as const;
/** Share of 本科 (4 years) among higher-education entrants; the rest 专科 (3 years). */
const BACHELOR_SHARE = 0.6;
/** Preference for 普通高中 graduates of the same year among higher-education entrants. */
const FROM_HIGH_SCHOOL = 0.85;
/** The coverage rate of the calibration year (14-07 base, 专栏2). */
export const COVERAGE_RATE_2020 = 0.91;
/** New other-province periods each later year, as a share of the county's calibration-year count. */
export const ELSEWHERE_GROWTH = 0.03;
/** Share of those insured elsewhere on the calibration day who come back later without enrolling here (their period ends). */
const RETURN_SHARE = 0.1;
/** Share of the later entrants (enrolled here after the calibration year) among those chosen, when available. */
const RETURNER_PREFERENCE = 0.2;
/** Provinces people from Hainan are insured in (as the national platform names them). (check) */
const PROVINCES = ['广东省', '广东省', '广东省', '浙江省', '上海市', '北京市', '福建省', '江苏省', '广西壮族自治区', '湖南省'];

const DAY_MS = 86_400_000;
const dayOf = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
const monthOf = (day: number) => new Date(day * DAY_MS).getUTCMonth() + 1;

/** A growable list of periods: person index, kind (0 high, 1 vocational, 2 college, 3 elsewhere), start and end day (−1 = open), place. */
export class PeriodList {
  n = 0;
  person = new Int32Array(1024);
  kind = new Uint8Array(1024);
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  place = new Uint8Array(1024);
  push(person: number, kind: number, start: number, end: number, place = 0): void {
    if (this.n === this.person.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.person = grow(this.person);
      this.kind = grow(this.kind);
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.place = grow(this.place);
    }
    const k = this.n++;
    this.person[k] = person;
    this.kind[k] = kind;
    this.start[k] = start;
    this.end[k] = end;
    this.place[k] = place;
  }
}
export const STUDY_KINDS = ['high', 'vocational', 'college'] as const;
export const ELSEWHERE = 3;
export const placeOf = (kind: number, place: number) => (kind === ELSEWHERE ? PROVINCES[place] : STUDY_LEVELS[STUDY_KINDS[kind]].place);

/** Draws `k` of the list's items uniformly (partial Fisher–Yates on a copy's prefix). */
export function takeRandom(list: number[], k: number, rng: Rng): number[] {
  const a = list.slice();
  const m = Math.min(k, a.length);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng.next() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, m);
}

export type StudyInput = { n: number; county: Int32Array; birthDay: Int32Array; counties: number; scale: number; fromYear: number; lastDay: number };

/**
 * Study periods of every cohort at school between 31 December of the first generated year and
 * the last generated day; `busyUntil[i]` = the last day of i's study (0 = never a student), so
 * that nobody is enrolled while at school.
 */
export function planStudies(o: StudyInput, rng: Rng, periods: PeriodList, short: (what: string, missing: number) => void): Int32Array {
  const busyUntil = new Int32Array(o.n);
  const firstEntry = o.fromYear - 3;
  const lastEntry = yearOf(o.lastDay) - (o.lastDay < dayOf(yearOf(o.lastDay), 9, 1) ? 1 : 0);
  // Cohorts by the year they start upper secondary at 15 (born September E−16 … August E−15).
  const cohortOf = (i: number) => yearOf(o.birthDay[i]) + 15 + (monthOf(o.birthDay[i]) >= 9 ? 1 : 0);
  const cohorts = new Map<number, number[][]>();
  for (let i = 0; i < o.n; i++) {
    const e = cohortOf(i);
    if (e < firstEntry - 3 || e > lastEntry) continue;
    let byCounty = cohorts.get(e);
    if (!byCounty) cohorts.set(e, (byCounty = Array.from({ length: o.counties }, () => [])));
    byCounty[o.county[i]].push(i);
  }
  const quota = (stock: number, years: number, pools: number[][]) => apportion(Math.round((stock / years) * o.scale), pools.map((p) => p.length));
  const highGrad = new Map<number, number>(); // person → the year they finished 普通高中
  for (let e = firstEntry - 3; e <= lastEntry; e++) {
    const pools = cohorts.get(e) ?? Array.from({ length: o.counties }, () => []);
    // Upper secondary (entering at 15 in year e), for the cohorts at school on 31 December of the first year or later.
    if (e >= o.fromYear - 2) {
      const kh = quota(STUDY_LEVELS.high.stock, STUDY_LEVELS.high.years, pools);
      const kv = quota(STUDY_LEVELS.vocational.stock, STUDY_LEVELS.vocational.years, pools);
      for (let c = 0; c < o.counties; c++) {
        const chosen = takeRandom(pools[c], kh[c] + kv[c], rng);
        if (chosen.length < kh[c] + kv[c]) short(`students ${e}`, kh[c] + kv[c] - chosen.length);
        chosen.forEach((i, k) => {
          const level = k < kh[c] ? 0 : 1;
          const start = dayOf(e, 9, 1);
          const end = dayOf(e + 3, 6, 30);
          periods.push(i, level, start, end);
          busyUntil[i] = Math.max(busyUntil[i], end);
          if (level === 0) highGrad.set(i, e + 3);
        });
      }
    }
    // Higher education: this cohort enters at 18, in year e + 3.
    const entry = e + 3;
    if (entry < firstEntry || entry > lastEntry) continue;
    const kc = quota(STUDY_LEVELS.college.stock, STUDY_LEVELS.college.years, pools);
    for (let c = 0; c < o.counties; c++) {
      const fromHigh = pools[c].filter((i) => highGrad.get(i) === entry);
      const others = pools[c].filter((i) => highGrad.get(i) !== entry);
      rng.shuffle(fromHigh);
      rng.shuffle(others);
      const chosen: number[] = [];
      let a = 0;
      let b = 0;
      while (chosen.length < kc[c] && (a < fromHigh.length || b < others.length)) {
        if (b >= others.length || (a < fromHigh.length && rng.chance(FROM_HIGH_SCHOOL))) chosen.push(fromHigh[a++]);
        else chosen.push(others[b++]);
      }
      if (chosen.length < kc[c]) short(`students ${entry} (college)`, kc[c] - chosen.length);
      for (const i of chosen) {
        const start = dayOf(entry, 9, 1);
        const end = dayOf(entry + (rng.chance(BACHELOR_SHARE) ? 4 : 3), 6, 30);
        periods.push(i, 2, start, end);
        busyUntil[i] = Math.max(busyUntil[i], end);
      }
    }
  }
  return busyUntil;
}

export type ElsewhereInput = {
  n: number;
  county: Int32Array;
  birthDay: Int32Array;
  counties: number;
  /** The calibration year (31 December of it is the day counted) and the last generated day. */
  year: number;
  lastDay: number;
  /** Of age and alive on 31 December of `year` (in 应参保人数 version 1). */
  ofAge: (i: number) => boolean;
  /** Pension-insured here on a day (an enrolment spell or a pension standing). */
  insuredOn: (i: number, day: number) => boolean;
  /** Never insured here during the generated years. */
  neverInsured: (i: number) => boolean;
  /** First day insured here (0 = never). */
  entry: (i: number) => number;
};

export type ElsewhereSummary = { ofAge: number; insured: number; students: number; elsewhere: number; denominator: number; rate: number };

/** Other-province periods such that the calibration year's rate under version 2 is COVERAGE_RATE_2020. */
export function planElsewhere(o: ElsewhereInput, rng: Rng, periods: PeriodList, short: (what: string, missing: number) => void): ElsewhereSummary {
  const dec31 = dayOf(o.year, 12, 31);
  const studentOn = new Uint8Array(o.n);
  for (let k = 0; k < periods.n; k++) if (periods.kind[k] !== ELSEWHERE && periods.start[k] <= dec31 && (periods.end[k] < 0 || periods.end[k] >= dec31)) studentOn[periods.person[k]] = 1;
  const age = (i: number, day: number) => {
    const b = new Date(o.birthDay[i] * DAY_MS);
    const d = new Date(day * DAY_MS);
    return d.getUTCFullYear() - b.getUTCFullYear() - (d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate()) ? 1 : 0);
  };
  let D = 0;
  let N = 0;
  let S = 0;
  const never: number[][] = Array.from({ length: o.counties }, () => []);
  const later: number[][] = Array.from({ length: o.counties }, () => []);
  for (let i = 0; i < o.n; i++) {
    if (!o.ofAge(i)) continue;
    D++;
    if (o.insuredOn(i, dec31)) N++;
    else if (studentOn[i]) S++;
    else if (age(i, dec31) >= 18 && age(i, dec31) <= 59) {
      if (o.neverInsured(i)) never[o.county[i]].push(i);
      else if (o.entry(i) > dec31) later[o.county[i]].push(i);
    }
  }
  const want = Math.max(0, D - Math.round(N / COVERAGE_RATE_2020) - S);
  const k = apportion(want, never.map((l, c) => l.length + later[c].length));
  const yearStart = dayOf(o.year - 10, 1, 1);
  let placed = 0;
  const left: number[][] = [];
  for (let c = 0; c < o.counties; c++) {
    rng.shuffle(never[c]);
    rng.shuffle(later[c]);
    let a = 0;
    let b = 0;
    let got = 0;
    while (got < k[c] && (a < later[c].length || b < never[c].length)) {
      const returner = a < later[c].length && (b >= never[c].length || rng.chance(RETURNER_PREFERENCE));
      const i = returner ? later[c][a++] : never[c][b++];
      const from = Math.max(yearStart, o.birthDay[i] + Math.ceil(18 * 365.25));
      const start = from + Math.floor(rng.next() * Math.max(1, dec31 - from + 1));
      const end = returner ? o.entry(i) - 1 : rng.chance(RETURN_SHARE) ? dec31 + 1 + Math.floor(rng.next() * Math.max(1, o.lastDay - dec31)) : -1;
      periods.push(i, ELSEWHERE, Math.min(start, dec31), end, Math.floor(rng.next() * PROVINCES.length));
      got++;
    }
    placed += got;
    if (got < k[c]) short(`insured elsewhere ${o.year}`, k[c] - got);
    left.push(never[c].slice(b));
  }
  // A few more leave each later year, from those still available then.
  for (let y = o.year + 1; y <= yearOf(o.lastDay); y++) {
    const from = dayOf(y, 1, 1);
    const to = Math.min(dayOf(y, 12, 31), o.lastDay);
    for (let c = 0; c < o.counties; c++) {
      const pool = left[c].filter((i) => age(i, from) >= 18 && age(i, from) <= 59);
      const chosen = takeRandom(pool, Math.round(k[c] * ELSEWHERE_GROWTH), rng);
      const taken = new Set(chosen);
      for (const i of chosen) periods.push(i, ELSEWHERE, from + Math.floor(rng.next() * (to - from + 1)), -1, Math.floor(rng.next() * PROVINCES.length));
      left[c] = left[c].filter((i) => !taken.has(i));
    }
  }
  const denominator = D - S - placed;
  return { ofAge: D, insured: N, students: S, elsewhere: placed, denominator, rate: denominator ? N / denominator : 0 };
}
