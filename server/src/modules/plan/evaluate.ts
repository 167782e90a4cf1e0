/*
 * 规划指标评估规则 / How plan indicators are evaluated
 * ------------------------------------------------------------------------------------------
 * Values are plain numbers in the indicator's unit. A series holds one value per year:
 * the year's flow for cumulative (五年累计) and annual (每年) targets, the year-end value for
 * stock (存量), rate (比率) and level (调查/上报数) targets. Figures after the evaluation year
 * are ignored; a figure is compared with the path at the year it belongs to.
 *
 * 1. Meeting a target 达标. `>=` 不低于, `>` 高于/超过, `<=` 不高于/以内, `<` 低于: a value exactly
 *    on the bound meets `>=` and `<=` and does not meet `>` or `<`. A range needs min ≤ v ≤ max.
 *    Cumulative: the sum of the yearly flows of the period so far. Annual: every year of the
 *    period must meet the target on its own. Stock, rate, level: the latest year-end value.
 *
 * 2. Path 目标路径. Cumulative: the target spread evenly over the years, so after k of n
 *    years the sum should be at least k/n of the target (for a ceiling: at most k/n of it).
 *    Stock, rate, level: a straight line from the baseline (the base-year figure) to the
 *    target in the target year; with no baseline (printed "—") the line starts at the first
 *    observed value.
 *    If the starting value already meets the target, the path is the target itself: staying
 *    on the right side of it. For a ceiling (`<`, `<=`) progress means staying under it, for a
 *    floor (`>=`, `>`) reaching it. Annual: each year's value against the yearly target.
 *    In the target year, being on the path means meeting the target.
 *
 * 3. Progress 进度 (`share`). Cumulative: sum so far ÷ target, next to the share of the
 *    period elapsed. Stock, rate, level: the part of the distance from the start of the path
 *    to the target covered so far (1 = target reached; 0 = no nearer than at the start;
 *    below 0 = moved away); when the start already met the target, 1 if still met, else 0.
 *    Annual: years that met the target ÷ years in the period.
 *
 * 4. Status 状态, first rule that applies:
 *    no_data  无数据   no figure for the period up to the evaluation year (a baseline is not a figure);
 *    achieved 已达标   the target is met (rule 1). A cumulative floor counts as soon as the sum
 *                      reaches it; a cumulative ceiling or range, and an annual target, only
 *                      once the whole period is in. A stock/rate/level that is met now is
 *                      achieved now; if it falls back later, the status falls back too;
 *    on_track 正常     at or ahead of the path (rule 2);
 *    lagging  滞后     behind the path, but the projection gives a probability of meeting the
 *                      target of at least 0.5;
 *    at_risk  预警     behind the path and that probability is below 0.5. An annual target with
 *                      a year that missed can no longer be met, so it is at_risk.
 *
 * 5. Projection 预测 to the target year, with an 80% interval (10th to 90th percentile):
 *    a straight-line trend fitted by least squares to the observed years, the baseline
 *    counting as an observation of its year. With 3 or more points the spread is the
 *    prediction error of the fit (residual standard error, Student t with n − 2 degrees of
 *    freedom). With 1 point the projection is flat; with 1 or 2 points the spread is a
 *    fallback standard deviation: 5% of the latest value × √(years ahead) for stocks, rates
 *    and levels; 10% of the latest flow × √(open years) for yearly flows. Cumulative: the
 *    sum so far plus the projected flows of the years still open (flows are never
 *    negative). Annual: the chance that every open year meets the target, years taken as
 *    independent. Percentages stay within 0–100, counts at or above 0. The probability of
 *    meeting the target is read off that distribution (normal, or Student t as above); a
 *    figure already known for the target year gives 1 or 0. Deterministic: same input,
 *    same output, whatever the order of the series.
 *
 * 6. Pace needed 所需进度: for cumulative and stock targets, the amount still missing ÷ the
 *    months left until the end of the target year ("X per month for the remaining N months");
 *    the month of the as-of date counts as left unless the date is its last day. For annual
 *    targets the same within the as-of year. Rates and levels have no monthly pace.
 *
 * 7. Regions behind 拖后腿地区: each region's gap to its own target (target − value for floors,
 *    value − bound for ceilings); only regions that miss, largest gap first. A region exactly
 *    on a strict bound (`>`, `<`) misses with a gap of 0 and is listed last.
 */
import { AppError } from '../../platform/errors/index.js';
import type { TIndicator, TPlan, TTarget } from './plan-schema.js';

export type TObservation = { year: number; value: number };
export type TSeries = ReadonlyArray<TObservation>;
export type TPeriod = { start: number; end: number };
export type TStatus = 'achieved' | 'on_track' | 'lagging' | 'at_risk' | 'no_data';

/** What the engine needs of an indicator. `period.end` is the target year. */
export type TEvaluable = {
  code?: string;
  unit?: string;
  target: TTarget;
  baseline?: { year: number; value: number | null };
  period: TPeriod;
};

/** The thresholds and constants of the rules above, exported so the UI can show them. */
export const evaluationConstants = {
  laggingMinProbability: 0.5,
  intervalCoverage: 0.8,
  fallbackRelativeSdLevel: 0.05,
  fallbackRelativeSdFlow: 0.1,
} as const;

// ---------------------------------------------------------------------------------------
// Targets and bounds

/** The part of a target that decides meeting it; a TTarget fits. */
export type TTargetBounds =
  | { comparator: '>=' | '>' | '<=' | '<'; value: number }
  | { comparator: 'range'; min: number; max: number };

type TBound = { value: number; strict: boolean };
type TBounds = { lower: TBound | null; upper: TBound | null };

function boundsOf(target: TTargetBounds): TBounds {
  switch (target.comparator) {
    case '>=':
      return { lower: { value: target.value, strict: false }, upper: null };
    case '>':
      return { lower: { value: target.value, strict: true }, upper: null };
    case '<=':
      return { lower: null, upper: { value: target.value, strict: false } };
    case '<':
      return { lower: null, upper: { value: target.value, strict: true } };
    case 'range':
      return { lower: { value: target.min, strict: false }, upper: { value: target.max, strict: false } };
  }
}

function aboveLower(v: number, b: TBound | null): boolean {
  return b === null || (b.strict ? v > b.value : v >= b.value);
}

function belowUpper(v: number, b: TBound | null): boolean {
  return b === null || (b.strict ? v < b.value : v <= b.value);
}

/** Rule 1: does a value meet the target, bound equality treated exactly. */
export function meets(value: number, target: TTargetBounds): boolean {
  const b = boundsOf(target);
  return aboveLower(tidy(value), b.lower) && belowUpper(tidy(value), b.upper);
}

// Sums of decimals (14.4 + 15.1 + ...) carry binary noise that would flip an equality test
// at the bound; 12 significant digits are far beyond any printed figure.
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

// ---------------------------------------------------------------------------------------
// Series handling

function badInput(en: string, zh: string): AppError {
  return new AppError('BAD_REQUEST', { en, zh });
}

/** Sorted by year; duplicate years or non-finite values are a caller error. */
function normalise(series: TSeries): TObservation[] {
  const sorted = [...series].sort((a, b) => a.year - b.year);
  sorted.forEach((o, i) => {
    if (!Number.isInteger(o.year) || !Number.isFinite(o.value))
      throw badInput(`bad observation ${o.year}: ${o.value}`, `观测值有误：${o.year}年 ${o.value}`);
    if (i > 0 && sorted[i - 1].year === o.year)
      throw badInput(`two values for ${o.year}`, `${o.year}年有两个值`);
  });
  return sorted;
}

/** The observations of the target's years, up to `upTo`. */
function periodObservations(ind: TEvaluable, series: TSeries, upTo: number): TObservation[] {
  const last = Math.min(upTo, ind.period.end);
  return normalise(series).filter((o) => o.year >= ind.period.start && o.year <= last);
}

function usableBaseline(ind: TEvaluable): TObservation | null {
  const b = ind.baseline;
  return b && b.value !== null && b.year < ind.period.start ? { year: b.year, value: b.value } : null;
}

function yearsOf(period: TPeriod): number[] {
  const years: number[] = [];
  for (let y = period.start; y <= period.end; y += 1) years.push(y);
  return years;
}

// ---------------------------------------------------------------------------------------
// Progress (rules 2 and 3)

export type TYearCheck = { year: number; value: number; met: boolean };

export type TProgress = {
  targetYear: number;
  /** Year of the latest figure used; null without data. */
  dataYear: number | null;
  /** Sum so far (cumulative), latest value (others). */
  current: number | null;
  /** Where the path stands at dataYear; null when the path is a band (range met at start). */
  expected: number | null;
  /** Progress towards the target (rule 3). */
  share: number | null;
  /** Share of the path elapsed at dataYear. */
  expectedShare: number | null;
  met: boolean | null;
  onPath: boolean | null;
  /** Annual targets: each year's check. */
  years: TYearCheck[];
};

function emptyProgress(ind: TEvaluable): TProgress {
  return {
    targetYear: ind.period.end,
    dataYear: null,
    current: null,
    expected: null,
    share: null,
    expectedShare: null,
    met: null,
    onPath: null,
    years: [],
  };
}

/** Progress of an indicator at the end of `year` (rules 2 and 3). */
export function progress(ind: TEvaluable, series: TSeries, year: number): TProgress {
  const obs = periodObservations(ind, series, year);
  if (obs.length === 0) return emptyProgress(ind);
  switch (ind.target.kind) {
    case 'cumulative':
      return cumulativeProgress(ind, obs);
    case 'annual':
      return annualProgress(ind, obs);
    case 'stock':
    case 'rate':
    case 'level':
      return pathProgress(ind, obs);
  }
}

function cumulativeProgress(ind: TEvaluable, obs: TObservation[]): TProgress {
  const { start, end } = ind.period;
  const bounds = boundsOf(ind.target);
  const dataYear = obs[obs.length - 1].year;
  const sum = tidy(obs.reduce((s, o) => s + o.value, 0));
  const elapsed = (dataYear - start + 1) / (end - start + 1);
  const met = meets(sum, ind.target);
  // A floor (or the floor of a range) sets the pace; a pure ceiling caps it.
  const paced = bounds.lower ?? bounds.upper;
  const bound = paced ? paced.value : 0;
  const expected = tidy(bound * elapsed);
  let onPath: boolean;
  if (dataYear >= end) onPath = met;
  else if (bounds.lower) onPath = sum >= expected && belowUpper(sum, bounds.upper);
  else onPath = sum <= expected;
  return {
    targetYear: end,
    dataYear,
    current: sum,
    expected,
    share: bound === 0 ? (met ? 1 : 0) : tidy(sum / bound),
    expectedShare: tidy(elapsed),
    met,
    onPath,
    years: [],
  };
}

function annualProgress(ind: TEvaluable, obs: TObservation[]): TProgress {
  const years = yearsOf(ind.period);
  const checks = obs.map((o) => ({ year: o.year, value: o.value, met: meets(o.value, ind.target) }));
  const latest = checks[checks.length - 1];
  const allMet = checks.every((c) => c.met);
  const complete = checks.length === years.length;
  const bounds = boundsOf(ind.target);
  return {
    targetYear: ind.period.end,
    dataYear: latest.year,
    current: latest.value,
    expected: (bounds.lower ?? bounds.upper)?.value ?? null,
    share: tidy(checks.filter((c) => c.met).length / years.length),
    expectedShare: tidy((latest.year - ind.period.start + 1) / years.length),
    met: allMet,
    onPath: latest.year >= ind.period.end ? allMet && complete : allMet,
    years: checks,
  };
}

type TPath = { startYear: number; startValue: number; towards: 'lower' | 'upper' | null };

// Rule 2: the straight path, or "stay on the right side" when the start already meets.
function pathOf(ind: TEvaluable, obs: TObservation[]): TPath {
  const start = usableBaseline(ind) ?? obs[0];
  const bounds = boundsOf(ind.target);
  let towards: TPath['towards'] = null;
  if (!aboveLower(start.value, bounds.lower)) towards = 'lower';
  else if (!belowUpper(start.value, bounds.upper)) towards = 'upper';
  return { startYear: start.year, startValue: start.value, towards };
}

function pathProgress(ind: TEvaluable, obs: TObservation[]): TProgress {
  const targetYear = ind.period.end;
  const latest = obs[obs.length - 1];
  const path = pathOf(ind, obs);
  const bounds = boundsOf(ind.target);
  const span = targetYear - path.startYear;
  const elapsed = span <= 0 ? 1 : clamp((latest.year - path.startYear) / span, 0, 1);
  const met = meets(latest.value, ind.target);
  let expected: number | null;
  let onPath: boolean;
  let share: number;
  const towards = path.towards === null ? null : bounds[path.towards];
  if (towards) {
    const b = towards.value;
    expected = tidy(path.startValue + (b - path.startValue) * elapsed);
    const rightSide =
      path.towards === 'lower'
        ? latest.value >= expected && belowUpper(latest.value, bounds.upper)
        : latest.value <= expected && aboveLower(latest.value, bounds.lower);
    onPath = latest.year >= targetYear ? met : rightSide;
    // b equals the start only when the start sits exactly on a strict bound.
    share = b === path.startValue ? (met ? 1 : 0) : tidy((latest.value - path.startValue) / (b - path.startValue));
  } else {
    // Started on the right side: the path is the bound itself. Before the target year a
    // value sitting exactly on a strict bound is on the path but does not meet it.
    expected = bounds.lower && bounds.upper ? null : (bounds.lower ?? bounds.upper)?.value ?? null;
    const onBound =
      (bounds.lower === null || latest.value >= bounds.lower.value) &&
      (bounds.upper === null || latest.value <= bounds.upper.value);
    onPath = latest.year >= targetYear ? met : onBound;
    share = met ? 1 : 0;
  }
  return {
    targetYear,
    dataYear: latest.year,
    current: latest.value,
    expected,
    share,
    expectedShare: tidy(elapsed),
    met,
    onPath,
    years: [],
  };
}

// ---------------------------------------------------------------------------------------
// Status (rule 4)

function isAchieved(ind: TEvaluable, p: TProgress): boolean {
  if (!p.met || p.dataYear === null) return false;
  const bounds = boundsOf(ind.target);
  switch (ind.target.kind) {
    case 'cumulative':
      // A floor, once reached, stays reached (flows are never negative); a ceiling can
      // still be broken until the period is over.
      return bounds.upper === null || p.dataYear >= ind.period.end;
    case 'annual':
      return p.years.length === yearsOf(ind.period).length;
    case 'stock':
    case 'rate':
    case 'level':
      return true;
  }
}

/** Status at the end of `year` (rule 4). */
export function status(ind: TEvaluable, series: TSeries, year: number): TStatus {
  return evaluateIndicator(ind, series, year).status;
}

export type TEvaluation = { progress: TProgress; status: TStatus; projection: TProjection };

/** Progress, status and projection in one pass, as the evaluation service needs them. */
export function evaluateIndicator(ind: TEvaluable, series: TSeries, year: number): TEvaluation {
  const known = normalise(series).filter((o) => o.year <= year);
  const p = progress(ind, known, year);
  const projection = project(ind, known, ind.period.end);
  let s: TStatus;
  if (p.current === null) s = 'no_data';
  else if (isAchieved(ind, p)) s = 'achieved';
  else if (p.onPath) s = 'on_track';
  else s = (projection.probabilityOfMeeting ?? 0) >= evaluationConstants.laggingMinProbability ? 'lagging' : 'at_risk';
  return { progress: p, status: s, projection };
}

// ---------------------------------------------------------------------------------------
// Projection (rule 5)

export type TProjectionMethod = 'none' | 'known' | 'flat' | 'line' | 'least-squares';

export type TProjection = {
  targetYear: number;
  method: TProjectionMethod;
  /** Points the trend was fitted to, the baseline included. */
  observations: number;
  point: number | null;
  /** 10th and 90th percentiles: the 80% interval. */
  low: number | null;
  high: number | null;
  probabilityOfMeeting: number | null;
};

type TDistribution = { kind: 'normal' } | { kind: 't'; dof: number };

type TFit = {
  n: number;
  xMean: number;
  yMean: number;
  slope: number;
  sxx: number;
  /** Residual standard error; null with fewer than 3 points. */
  residualSe: number | null;
  lastYear: number;
  lastValue: number;
};

function fitLine(points: TObservation[]): TFit {
  const n = points.length;
  const xMean = points.reduce((s, p) => s + p.year, 0) / n;
  const yMean = points.reduce((s, p) => s + p.value, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.year - xMean) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.year - xMean) * (p.value - yMean), 0);
  const slope = n === 1 ? 0 : sxy / sxx;
  let residualSe: number | null = null;
  if (n >= 3) {
    const ssr = points.reduce((s, p) => s + (p.value - (yMean + slope * (p.year - xMean))) ** 2, 0);
    residualSe = Math.sqrt(ssr / (n - 2));
  }
  const last = points[n - 1];
  return { n, xMean, yMean, slope, sxx, residualSe, lastYear: last.year, lastValue: last.value };
}

function predict(fit: TFit, year: number): number {
  return fit.yMean + fit.slope * (year - fit.xMean);
}

function methodOf(fit: TFit): TProjectionMethod {
  if (fit.n === 1) return 'flat';
  return fit.n === 2 ? 'line' : 'least-squares';
}

function distributionOf(fit: TFit): TDistribution {
  return fit.residualSe === null ? { kind: 'normal' } : { kind: 't', dof: fit.n - 2 };
}

// Fallback spread for 1–2 points: a share of the latest level per √year ahead.
function fallbackScale(fit: TFit, target: TTarget): number {
  const b = boundsOf(target);
  return Math.abs(fit.lastValue) || Math.abs((b.lower ?? b.upper)?.value ?? 0) || 1;
}

function predictionSd(fit: TFit, year: number, relativeSd: number, target: TTarget): number {
  if (fit.residualSe !== null) {
    return fit.residualSe * Math.sqrt(1 + 1 / fit.n + (year - fit.xMean) ** 2 / fit.sxx);
  }
  return relativeSd * fallbackScale(fit, target) * Math.sqrt(Math.max(1, Math.abs(year - fit.lastYear)));
}

function fitPoints(ind: TEvaluable, series: TSeries, targetYear: number): { obs: TObservation[]; points: TObservation[] } {
  const obs = normalise(series).filter((o) => o.year >= ind.period.start && o.year <= targetYear);
  const base = usableBaseline(ind);
  const points = base ? [base, ...obs] : obs;
  return { obs, points };
}

function noProjection(targetYear: number): TProjection {
  return { targetYear, method: 'none', observations: 0, point: null, low: null, high: null, probabilityOfMeeting: null };
}

/** Projection to `targetYear` with an 80% interval and the probability of meeting (rule 5). */
export function project(ind: TEvaluable, series: TSeries, targetYear: number): TProjection {
  const { obs, points } = fitPoints(ind, series, targetYear);
  if (points.length === 0) return noProjection(targetYear);
  switch (ind.target.kind) {
    case 'cumulative':
      return projectCumulative(ind, obs, points, targetYear);
    case 'annual':
      return projectAnnual(ind, obs, points, targetYear);
    case 'stock':
    case 'rate':
    case 'level':
      return projectLevel(ind, obs, points, targetYear);
  }
}

function clampToUnit(ind: TEvaluable, x: number): number {
  if (ind.unit === '%') return tidy(clamp(x, 0, 100));
  return tidy(ind.unit === undefined ? x : Math.max(0, x));
}

function projectLevel(ind: TEvaluable, obs: TObservation[], points: TObservation[], targetYear: number): TProjection {
  const at = obs.find((o) => o.year === targetYear);
  if (at) return knownProjection(targetYear, points.length, at.value, meets(at.value, ind.target));
  const fit = fitLine(points);
  const mean = predict(fit, targetYear);
  const sd = predictionSd(fit, targetYear, evaluationConstants.fallbackRelativeSdLevel, ind.target);
  const dist = distributionOf(fit);
  const q = quantile80(dist);
  return {
    targetYear,
    method: methodOf(fit),
    observations: fit.n,
    point: clampToUnit(ind, mean),
    low: clampToUnit(ind, mean - q * sd),
    high: clampToUnit(ind, mean + q * sd),
    probabilityOfMeeting: tidy(probabilityWithin(ind.target, mean, sd, dist)),
  };
}

function knownProjection(targetYear: number, n: number, value: number, met: boolean): TProjection {
  const v = tidy(value);
  return { targetYear, method: 'known', observations: n, point: v, low: v, high: v, probabilityOfMeeting: met ? 1 : 0 };
}

function projectCumulative(
  ind: TEvaluable,
  obs: TObservation[],
  points: TObservation[],
  targetYear: number,
): TProjection {
  const sum = obs.reduce((s, o) => s + o.value, 0);
  const seen = new Set(obs.map((o) => o.year));
  const open = yearsOf({ start: ind.period.start, end: targetYear }).filter((y) => !seen.has(y));
  if (open.length === 0) return knownProjection(targetYear, points.length, sum, meets(sum, ind.target));
  const fit = fitLine(points);
  const flows = open.map((y) => Math.max(0, predict(fit, y)));
  const mean = sum + flows.reduce((s, f) => s + f, 0);
  const sd = sumSd(fit, open, ind.target);
  const dist = distributionOf(fit);
  const q = quantile80(dist);
  const floorReached = boundsOf(ind.target).upper === null && meets(sum, ind.target);
  return {
    targetYear,
    method: methodOf(fit),
    observations: fit.n,
    point: tidy(mean),
    low: tidy(Math.max(sum, mean - q * sd)),
    high: tidy(mean + q * sd),
    probabilityOfMeeting: floorReached ? 1 : tidy(probabilityWithin(ind.target, mean, sd, dist)),
  };
}

// Spread of the sum of the open years' flows: for a least-squares line the variance of a sum
// of m new values is s²·(m + m²/n + (Σ(x − x̄))²/Sxx); the fallback adds m independent years.
function sumSd(fit: TFit, open: number[], target: TTarget): number {
  const m = open.length;
  if (fit.residualSe !== null) {
    const dx = open.reduce((s, y) => s + (y - fit.xMean), 0);
    return fit.residualSe * Math.sqrt(m + (m * m) / fit.n + (dx * dx) / fit.sxx);
  }
  return evaluationConstants.fallbackRelativeSdFlow * fallbackScale(fit, target) * Math.sqrt(m);
}

function projectAnnual(ind: TEvaluable, obs: TObservation[], points: TObservation[], targetYear: number): TProjection {
  const years = yearsOf({ start: ind.period.start, end: targetYear });
  const seen = new Map(obs.map((o) => [o.year, o.value]));
  const missed = obs.some((o) => !meets(o.value, ind.target));
  const open = years.filter((y) => !seen.has(y));
  const atTarget = seen.get(targetYear);
  if (open.length === 0) return knownProjection(targetYear, points.length, atTarget ?? 0, !missed);
  const fit = fitLine(points);
  const dist = distributionOf(fit);
  const relSd = evaluationConstants.fallbackRelativeSdFlow;
  const chance = missed
    ? 0
    : open.reduce(
        (p, y) => p * probabilityWithin(ind.target, predict(fit, y), predictionSd(fit, y, relSd, ind.target), dist),
        1,
      );
  const q = quantile80(dist);
  const mean = atTarget ?? predict(fit, targetYear);
  const sd = atTarget === undefined ? predictionSd(fit, targetYear, relSd, ind.target) : 0;
  return {
    targetYear,
    method: methodOf(fit),
    observations: fit.n,
    point: clampToUnit(ind, mean),
    low: clampToUnit(ind, mean - q * sd),
    high: clampToUnit(ind, mean + q * sd),
    probabilityOfMeeting: tidy(chance),
  };
}

/** P(value meets target) for value ~ mean + sd·D; with no spread, 1 or 0. */
function probabilityWithin(target: TTarget, mean: number, sd: number, dist: TDistribution): number {
  if (!(sd > 0)) return meets(mean, target) ? 1 : 0;
  const b = boundsOf(target);
  const upper = b.upper ? cdf((b.upper.value - mean) / sd, dist) : 1;
  const lower = b.lower ? cdf((b.lower.value - mean) / sd, dist) : 0;
  return clamp(upper - lower, 0, 1);
}

function cdf(x: number, dist: TDistribution): number {
  return dist.kind === 'normal' ? normalCdf(x) : studentTCdf(x, dist.dof);
}

const Z90 = 1.2815515655446004; // standard normal 90th percentile

function quantile80(dist: TDistribution): number {
  return dist.kind === 'normal' ? Z90 : studentTQuantile(0.9, dist.dof);
}

/** Standard normal CDF via erfc (Numerical Recipes erfcc, relative error < 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * Student t CDF for an integer number of degrees of freedom, by the closed forms of
 * Abramowitz & Stegun 26.7.3–26.7.4 (exact; plan series are short, so dof is small).
 */
export function studentTCdf(t: number, dof: number): number {
  const theta = Math.atan(t / Math.sqrt(dof));
  const c2 = Math.cos(theta) ** 2;
  let a: number;
  if (dof % 2 === 1) {
    let term = 1;
    let sum = dof > 1 ? 1 : 0;
    for (let k = 3; k <= dof - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    a = (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta) * sum);
  } else {
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= dof - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    a = Math.sin(theta) * sum;
  }
  return clamp((1 + a) / 2, 0, 1);
}

/** Inverse of studentTCdf for p > 0.5, by bisection (deterministic, 100 halvings). */
export function studentTQuantile(p: number, dof: number): number {
  let lo = 0;
  let hi = 1e3;
  for (let i = 0; i < 100; i += 1) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, dof) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// ---------------------------------------------------------------------------------------
// Pace needed (rule 6)

export type TPaceMode = 'reach' | 'reduce' | 'stayWithin';

export type TPace = {
  /** reach: add at least perMonth; reduce: cut at least perMonth; stayWithin: add at most perMonth. */
  mode: TPaceMode;
  current: number;
  bound: number;
  /** Amount still missing (reach, reduce) or still allowed (stayWithin); never negative. */
  remaining: number;
  months: number;
  /** null when no month is left and something is still missing. */
  perMonth: number | null;
  met: boolean;
};

type TDate = { year: number; month: number; day: number };

function parseAsOf(asOf: string): TDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const d = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!d || d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month))
    throw badInput(`asOf must be a date YYYY-MM-DD, got ${asOf}`, `日期格式须为 YYYY-MM-DD：${asOf}`);
  return d;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Months left after `asOf` until the end of `endYear`; a month partly left counts whole. */
export function monthsLeft(asOf: string, endYear: number): number {
  const d = parseAsOf(asOf);
  const lastDay = d.day === daysInMonth(d.year, d.month);
  return Math.max(0, (endYear - d.year) * 12 + (12 - d.month) + (lastDay ? 0 : 1));
}

/** What is still needed per month (rule 6); null for rates and levels. */
export function paceNeeded(ind: TEvaluable, series: TSeries, asOf: string): TPace | null {
  const date = parseAsOf(asOf);
  const obs = normalise(series).filter((o) => o.year <= date.year);
  const bounds = boundsOf(ind.target);
  switch (ind.target.kind) {
    case 'rate':
    case 'level':
      return null;
    case 'cumulative': {
      const sum = tidy(obs.filter((o) => o.year >= ind.period.start && o.year <= ind.period.end).reduce((s, o) => s + o.value, 0));
      return flowPace(ind.target, bounds, sum, monthsLeft(asOf, ind.period.end));
    }
    case 'annual': {
      const thisYear = obs.find((o) => o.year === date.year)?.value ?? 0;
      const inPeriod = date.year >= ind.period.start && date.year <= ind.period.end;
      return flowPace(ind.target, bounds, thisYear, inPeriod ? monthsLeft(asOf, date.year) : 0);
    }
    case 'stock': {
      const latest = obs.filter((o) => o.year >= ind.period.start).at(-1) ?? usableBaseline(ind);
      return latest ? stockPace(ind.target, bounds, latest.value, monthsLeft(asOf, ind.period.end)) : null;
    }
  }
}

function perMonth(remaining: number, months: number): number | null {
  if (months > 0) return tidy(remaining / months);
  return remaining === 0 ? 0 : null;
}

function flowPace(target: TTarget, bounds: TBounds, current: number, months: number): TPace {
  const met = meets(current, target);
  const bound = (bounds.lower ?? bounds.upper) as TBound;
  const mode: TPaceMode = bounds.lower ? 'reach' : 'stayWithin';
  // reach: what is missing; stayWithin: what is still allowed. Either way bound − current.
  const remaining = tidy(Math.max(0, bound.value - current));
  return { mode, current, bound: bound.value, remaining, months, perMonth: perMonth(remaining, months), met };
}

function stockPace(target: TTarget, bounds: TBounds, current: number, months: number): TPace {
  const met = meets(current, target);
  const below = bounds.lower !== null && !aboveLower(current, bounds.lower);
  const above = bounds.upper !== null && !belowUpper(current, bounds.upper);
  let mode: TPaceMode = bounds.lower ? 'reach' : 'reduce';
  if (above) mode = 'reduce';
  if (below) mode = 'reach';
  const bound = (mode === 'reach' ? bounds.lower : bounds.upper) as TBound;
  const remaining = tidy(Math.max(0, mode === 'reach' ? bound.value - current : current - bound.value));
  return { mode, current, bound: bound.value, remaining, months, perMonth: perMonth(remaining, months), met };
}

function formatAmount(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** The pace as a sentence: "0.52 万人 per month for the remaining 30 months". */
export function describePace(pace: TPace, unit: string): { zh: string; en: string } {
  const u = unit === '%' ? ' 个百分点' : ` ${unit}`;
  const uEn = unit === '%' ? ' percentage points' : ` ${unit}`;
  if (pace.met && pace.mode !== 'stayWithin') return { zh: '已达到目标', en: 'Target met' };
  if (pace.perMonth === null)
    return {
      zh: `期限已到，尚差${formatAmount(pace.remaining)}${u}`,
      en: `No months left; ${formatAmount(pace.remaining)}${uEn} short`,
    };
  const x = formatAmount(pace.perMonth);
  const n = pace.months;
  switch (pace.mode) {
    case 'reach':
      return { zh: `剩余 ${n} 个月，每月需完成 ${x}${u}`, en: `${x}${uEn} per month for the remaining ${n} months` };
    case 'reduce':
      return { zh: `剩余 ${n} 个月，每月需降低 ${x}${u}`, en: `down ${x}${uEn} per month for the remaining ${n} months` };
    case 'stayWithin':
      return { zh: `剩余 ${n} 个月，每月不超过 ${x}${u}`, en: `at most ${x}${uEn} per month for the remaining ${n} months` };
  }
}

// ---------------------------------------------------------------------------------------
// Regions behind (rule 7)

/** A region's target: a bound with its comparator, or a range. TTarget fits. */
export type TRegionTarget = TTargetBounds;

export type TShortfall = {
  region: string;
  value: number;
  /** The bound the region misses. */
  bound: number;
  gap: number;
  /** Share of the summed gap of all regions listed. */
  share: number;
};

function regionGap(value: number, target: TRegionTarget): { bound: number; gap: number } | null {
  if (meets(value, target)) return null;
  const b = boundsOf(target);
  if (b.lower && !aboveLower(value, b.lower)) return { bound: b.lower.value, gap: tidy(b.lower.value - value) };
  const upper = b.upper as TBound;
  return { bound: upper.value, gap: tidy(value - upper.value) };
}

/**
 * Regions that miss their target, largest gap first (rule 7). Regions without a value or
 * without a target are left out: their gap is unknown, not zero.
 */
export function shortfallContributors(
  regionValues: Readonly<Record<string, number>>,
  regionTargets: Readonly<Record<string, TRegionTarget>>,
): TShortfall[] {
  const rows: Omit<TShortfall, 'share'>[] = [];
  for (const [region, target] of Object.entries(regionTargets)) {
    const value = regionValues[region];
    if (value === undefined || !Number.isFinite(value)) continue;
    const g = regionGap(value, target);
    if (g) rows.push({ region, value, ...g });
  }
  rows.sort((a, b) => b.gap - a.gap || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
  const total = rows.reduce((s, r) => s + r.gap, 0);
  return rows.map((r) => ({ ...r, share: total > 0 ? tidy(r.gap / total) : 0 }));
}

// ---------------------------------------------------------------------------------------
// Plans

function findIndicator(plan: TPlan, code: string): TIndicator | undefined {
  for (const g of plan.groups) {
    const found = g.indicators.find((i) => i.code === code);
    if (found) return found;
  }
  return undefined;
}

/**
 * The evaluable form of a plan indicator: its own years (target.fromYear / target.year or
 * the plan period) and its baseline, inherited from the indicator it restates or relates to
 * when the text gives none (same measure, so the same starting figure).
 */
export function evaluable(plan: TPlan, ind: TIndicator): TEvaluable {
  const link = ind.sameAs ?? ind.relatedTo;
  const linked = link ? findIndicator(plan, link) : undefined;
  const baseline = ind.baseline ?? linked?.baseline;
  return {
    code: ind.code,
    unit: ind.unit,
    target: ind.target,
    baseline: baseline ? { year: baseline.year, value: baseline.value } : undefined,
    period: { start: ind.target.fromYear ?? plan.period.start, end: ind.target.year ?? plan.period.end },
  };
}

export type TFinalResult = {
  code: string;
  name: string;
  group: string;
  target: string;
  actual: string | null;
  actualValue: number | null;
  /** null where the plan gives no actual figure. */
  achieved: boolean | null;
};

/** Final evaluation of a finished plan: each indicator's printed actual against its target. */
export function evaluateFinal(plan: TPlan): TFinalResult[] {
  return plan.groups.flatMap((g) =>
    g.indicators.map((ind) => {
      const value = ind.actual?.value ?? null;
      return {
        code: ind.code,
        name: ind.name,
        group: g.key,
        target: ind.target.printed,
        actual: ind.actual?.printed ?? null,
        actualValue: value,
        achieved: value === null ? null : meets(value, ind.target),
      };
    }),
  );
}
