/*
 * 规划评估服务 / The evaluation service
 * ------------------------------------------------------------------------------------------
 * Puts the pieces together for a plan, a region and a year: the figures (figures.ts), the
 * region's target (targets.ts), the rules of evaluate.ts, the milestones, the pace still
 * needed, the regions behind, and the lineage of every figure.
 *
 * Who sees what. A caller may evaluate the regions of its data scope and the regions above
 * its own (a county sees its city's and the province's figures: approved and computed
 * figures are aggregate statistics, not records about people). Breakdowns by region list
 * only regions inside the caller's scope; records are always read with the caller's scope.
 *
 * Order. Binding (约束性) indicators at risk come first everywhere, then the plan's order.
 */
import type { SQL } from 'drizzle-orm';
import { systemCaller as platformSystemCaller, type Caller } from '../../platform/auth/service';
import { rows as queryRows } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { getMeasure } from '../../platform/measures';
import { tileLayout } from '../../platform/regions/tree';
import { assertRegionInScope, regionInScope} from '../../platform/scope';
import {
  describePace,
  evaluable,
  evaluateIndicator,
  evaluationConstants,
  paceNeeded,
  shortfallContributors,
  type TEvaluable,
  type TObservation,
  type TPace,
  type TProgress,
  type TProjection,
  type TStatus,
} from './evaluate';
import { planData, type Lineage, type PlanData, type Problem } from './figures';
import type { TIndicator, TPlan, TPlanGroup, TTarget } from './plan-schema';
import { allIndicators, findIndicator, getPlan, valueCodeOf, type PlanRecord } from './plans';
import { listMilestoneOverrides, listRegionTargets, milestonesFor, onMilestoneSide, regionTarget, type MilestoneRow, type RegionTargetRow } from './targets';
import { listValues } from './values';

export type Viewer = { platform: Platform; caller: Caller };

export type IndicatorStatus = TStatus | 'no_target';

export type ShortfallRegion = { regionCode: string; regionName: string | null; value: number; bound: number; gap: number; share: number };

export type IndicatorEvaluation = {
  code: string;
  row: number | null;
  name: string;
  nameEn: string | null;
  group: string;
  section: 'table' | 'text';
  unit: string;
  unitPrinted: string;
  attribute: '预期性' | '约束性' | null;
  binding: boolean;
  kind: TTarget['kind'];
  comparator: TTarget['comparator'];
  source: string;
  sameAs: string | null;
  relatedTo: string | null;
  quote: string | null;
  regionCode: string;
  year: number;
  target: { printed: string; comparator: TTarget['comparator']; value: number | null; min: number | null; max: number | null; year: number; source: 'plan' | 'region' | 'none' };
  baseline: { year: number; value: number | null; printed: string | null } | null;
  /** Sum so far (cumulative), else the latest figure up to the year. */
  value: number | null;
  valueYear: number | null;
  series: TObservation[];
  progress: TProgress | null;
  status: IndicatorStatus;
  projection: TProjection | null;
  pace: TPace | null;
  paceText: { zh: string; en: string } | null;
  milestone: { year: number; value: number | null; overridden: boolean; reason: string | null } | null;
  shortfall: ShortfallRegion[];
  lineage: Lineage;
  problems: Problem[];
  bindingAtRisk: boolean;
};

export type FinalResult = {
  code: string;
  name: string;
  group: string;
  target: string;
  value: number | null;
  valueYear: number | null;
  /** The plan's printed actual, when the plan file gives one. */
  printedActual: string | null;
  achieved: boolean | null;
  status: IndicatorStatus;
};

export type FinalEvaluation = { year: number; results: FinalResult[]; achieved: number; notAchieved: number; noData: number };

export type PlanPhase = 'upcoming' | 'active' | 'finished';

export type PlanEvaluation = {
  plan: { id: string; title: string; titleEn: string | null; period: { start: number; end: number }; baseYear: number; regionCode: string; status: string; phase: PlanPhase; version: number };
  year: number;
  regionCode: string;
  regionName: string | null;
  asOf: string;
  evaluatedAt: string;
  groups: { key: string; name: string; nameEn: string | null; section: 'table' | 'text'; codes: string[] }[];
  indicators: IndicatorEvaluation[];
  summary: { total: number; byStatus: Record<IndicatorStatus, number>; bindingAtRisk: string[] };
  final: FinalEvaluation | null;
  rules: typeof evaluationConstants;
};

export type EvaluateOptions = {
  year?: number;
  regionCode?: string;
  /** The date the evaluation is made (pace, phase); default today. */
  asOf?: string;
  refresh?: boolean;
};

const today = () => new Date().toISOString().slice(0, 10);

export function planRegionOf(plan: TPlan): string {
  return plan.region ?? '460000';
}

export function phaseOf(plan: TPlan, asOf: string): PlanPhase {
  const y = Number(asOf.slice(0, 4));
  if (y < plan.period.start) return 'upcoming';
  return y <= plan.period.end ? 'active' : 'finished';
}

/** The year evaluated by default: this year inside the period, else its nearest end. */
export function defaultYear(plan: TPlan, asOf: string): number {
  const y = Number(asOf.slice(0, 4));
  return Math.max(plan.period.start, Math.min(y, plan.period.end));
}

/** A caller may look at regions in its scope and the regions above its own. */
export function canView(platform: Platform, caller: Caller, regionCode: string): boolean {
  return regionInScope(caller.scope, regionCode) || platform.regions.index.isWithin(caller.regionCode, regionCode);
}

function assertViewable(platform: Platform, caller: Caller, plan: TPlan, regionCode: string): void {
  const index = platform.regions.index;
  if (!index.isCurrent(regionCode) || !index.isWithin(regionCode, planRegionOf(plan))) {
    throw new AppError('VALIDATION', { zh: `地区 ${regionCode} 不在规划范围内`, en: `Region ${regionCode} is outside the plan's region`, fields: [{ field: 'regionCode', zh: '地区不在规划范围内', en: 'region outside the plan' }] });
  }
  if (!canView(platform, caller, regionCode)) assertRegionInScope(caller.scope, regionCode);
}

/** The units one level down: the 19 plan units under the province (tile map), else the children. */
export function childUnits(platform: Platform, regionCode: string): string[] {
  const index = platform.regions.index;
  if (index.get(regionCode)?.level === 'province') {
    const tiles = tileLayout().tiles.map((t) => t.code).filter((c) => index.isWithin(c, regionCode) && index.isCurrent(c));
    if (tiles.length) return tiles;
  }
  return index.children(regionCode, { currentOnly: true }).map((r) => r.code);
}

type Context = {
  platform: Platform;
  record: PlanRecord;
  plan: TPlan;
  data: PlanData;
  targets: RegionTargetRow[];
  overrides: MilestoneRow[];
  asOf: string;
};

async function contextFor(platform: Platform, planId: string, regions: string[], toYear: number, asOf: string, refresh?: boolean): Promise<Context> {
  const record = await getPlan(platform.db, planId);
  const [data, targets, overrides] = await Promise.all([
    planData(platform, record.plan, regions, toYear, { refresh }),
    listRegionTargets(platform, planId),
    listMilestoneOverrides(platform, planId),
  ]);
  return { platform, record, plan: record.plan, data, targets, overrides, asOf };
}

function checkYear(plan: TPlan, year: number): void {
  if (!Number.isInteger(year) || year < plan.period.start || year > plan.period.end) {
    throw new AppError('VALIDATION', { zh: `年份 ${year} 不在规划期 ${plan.period.start}–${plan.period.end} 年内`, en: `year ${year} is outside the plan period ${plan.period.start}–${plan.period.end}`, fields: [{ field: 'year', zh: '年份不在规划期内', en: 'year outside the plan period' }] });
  }
}

function paceDate(year: number, asOf: string): string {
  return year < Number(asOf.slice(0, 4)) ? `${year}-12-31` : asOf;
}

type Prepared = { ev: TEvaluable | null; targetSource: 'plan' | 'region' | 'none' };

function prepare(c: Context, ind: TIndicator, region: string): Prepared {
  const base = evaluable(c.plan, ind);
  const rt = regionTarget(c.plan, ind, region, c.targets);
  if (!rt.target) return { ev: null, targetSource: 'none' };
  let baseline = base.baseline;
  if (region !== planRegionOf(c.plan)) {
    const fromRow = rt.row?.baselineValue;
    const fromData = c.data.get(ind.code)?.base.get(region);
    baseline = fromRow != null ? { year: c.plan.baseYear, value: fromRow } : fromData != null ? { year: c.plan.baseYear, value: fromData } : undefined;
  }
  return { ev: { ...base, target: rt.target, baseline }, targetSource: rt.source };
}

function seriesOf(c: Context, ind: TIndicator, region: string): TObservation[] {
  return c.data.get(ind.code)?.series.get(region) ?? [];
}

/** Value without a target: the sum of the period's flows for sums, the latest figure otherwise. */
function plainValue(ind: TIndicator, plan: TPlan, series: TObservation[], year: number): { value: number | null; year: number | null } {
  const start = ind.target.fromYear ?? plan.period.start;
  const known = series.filter((o) => o.year >= start && o.year <= year);
  if (!known.length) return { value: null, year: null };
  const last = known[known.length - 1];
  if (ind.target.kind === 'cumulative') return { value: Number(known.reduce((s, o) => s + o.value, 0).toPrecision(12)), year: last.year };
  return { value: last.value, year: last.year };
}

type Core = Pick<IndicatorEvaluation, 'value' | 'valueYear' | 'progress' | 'status' | 'projection' | 'pace' | 'paceText' | 'milestone'> & { prepared: Prepared };

function evaluateCore(c: Context, ind: TIndicator, region: string, year: number): Core {
  const prepared = prepare(c, ind, region);
  const series = seriesOf(c, ind, region);
  const ev = prepared.ev;
  if (!ev) {
    const v = plainValue(ind, c.plan, series, year);
    return { prepared, value: v.value, valueYear: v.year, progress: null, status: 'no_target', projection: null, pace: null, paceText: null, milestone: null };
  }
  const evalYear = Math.min(year, ev.period.end);
  const r = evaluateIndicator(ev, series, evalYear);
  let status: IndicatorStatus = r.status;
  const progress = { ...r.progress };
  const overrides = c.overrides.filter((o) => o.indicatorCode === ind.code && o.regionCode === region);
  const milestones = milestonesFor(ev, overrides);
  const mYear = progress.dataYear ?? evalYear;
  const m = milestones.find((x) => x.year === mYear) ?? null;
  // An overridden milestone replaces the path in its year (targets.ts).
  if (m?.overridden && m.value !== null && progress.current !== null && (status === 'on_track' || status === 'lagging' || status === 'at_risk')) {
    const onPath = progress.dataYear !== null && progress.dataYear >= ev.period.end ? !!progress.met : onMilestoneSide(ev.target, progress.current, m.value);
    progress.expected = m.value;
    progress.onPath = onPath;
    status = onPath ? 'on_track' : (r.projection.probabilityOfMeeting ?? 0) >= evaluationConstants.laggingMinProbability ? 'lagging' : 'at_risk';
  }
  const pace = ind.target.kind === 'rate' || ind.target.kind === 'level' ? null : paceNeeded(ev, series, paceDate(evalYear, c.asOf));
  return {
    prepared,
    value: progress.current,
    valueYear: progress.dataYear,
    progress,
    status,
    projection: r.projection,
    pace,
    paceText: pace ? describePace(pace, ind.unit) : null,
    milestone: m ? { year: m.year, value: m.value, overridden: m.overridden, reason: m.reason } : null,
  };
}

function targetView(ind: TIndicator, prepared: Prepared, plan: TPlan): IndicatorEvaluation['target'] {
  const t = prepared.ev?.target ?? ind.target;
  return {
    printed: prepared.ev ? t.printed : '—',
    comparator: t.comparator,
    value: prepared.ev && t.comparator !== 'range' ? t.value : null,
    min: prepared.ev && t.comparator === 'range' ? t.min : null,
    max: prepared.ev && t.comparator === 'range' ? t.max : null,
    year: t.year ?? plan.period.end,
    source: prepared.targetSource,
  };
}

function shortfallOf(c: Context, ind: TIndicator, region: string, year: number, caller: Caller | null): ShortfallRegion[] {
  const values: Record<string, number> = {};
  const targets: Record<string, Parameters<typeof shortfallContributors>[1][string]> = {};
  for (const child of childUnits(c.platform, region)) {
    if (caller && !regionInScope(caller.scope, child)) continue;
    const p = prepare(c, ind, child);
    if (!p.ev) continue;
    const r = evaluateIndicator(p.ev, seriesOf(c, ind, child), Math.min(year, p.ev.period.end));
    if (r.progress.current === null) continue;
    values[child] = r.progress.current;
    const t = p.ev.target;
    if (t.kind === 'cumulative' && r.progress.expectedShare !== null && r.progress.dataYear !== null && r.progress.dataYear < p.ev.period.end) {
      // Mid-period, a region's five-year sum is measured against its share of the even pace.
      const k = r.progress.expectedShare;
      targets[child] = t.comparator === 'range' ? { comparator: 'range', min: t.min * k, max: t.max * k } : { comparator: t.comparator, value: t.value * k };
    } else targets[child] = t;
  }
  return shortfallContributors(values, targets).map((s) => ({ regionCode: s.region, regionName: c.platform.regions.name(s.region), value: s.value, bound: Number(s.bound.toPrecision(12)), gap: s.gap, share: s.share }));
}

function indicatorEvaluation(c: Context, group: TPlanGroup, ind: TIndicator, region: string, year: number, caller: Caller | null, withShortfall: boolean): IndicatorEvaluation {
  const core = evaluateCore(c, ind, region, year);
  const data = c.data.get(ind.code);
  const baseline = core.prepared.ev?.baseline ?? (region === planRegionOf(c.plan) ? evaluable(c.plan, ind).baseline : undefined);
  const printedBaseline = region === planRegionOf(c.plan) ? (ind.baseline?.printed ?? (ind.baseline?.value != null ? String(ind.baseline.value) : null)) : null;
  const binding = ind.attribute === '约束性';
  return {
    code: ind.code,
    row: ind.row ?? null,
    name: ind.name,
    nameEn: ind.nameEn ?? null,
    group: group.key,
    section: group.section,
    unit: ind.unit,
    unitPrinted: ind.unitPrinted,
    attribute: ind.attribute ?? null,
    binding,
    kind: ind.target.kind,
    comparator: ind.target.comparator,
    source: ind.source,
    sameAs: ind.sameAs ?? null,
    relatedTo: ind.relatedTo ?? null,
    quote: ind.quote ?? null,
    regionCode: region,
    year,
    target: targetView(ind, core.prepared, c.plan),
    baseline: baseline ? { year: baseline.year, value: baseline.value, printed: printedBaseline } : null,
    value: core.value,
    valueYear: core.valueYear,
    series: seriesOf(c, ind, region).filter((o) => o.year <= year),
    progress: core.progress,
    status: core.status,
    projection: core.projection,
    pace: core.pace,
    paceText: core.paceText,
    milestone: core.milestone,
    shortfall: withShortfall && core.status !== 'achieved' && core.status !== 'no_target' ? shortfallOf(c, ind, region, year, caller) : [],
    lineage: data ? data.lineage(region) : { kind: 'reported', valueCode: ind.code, figures: [] },
    problems: data?.problems ?? [],
    bindingAtRisk: binding && core.status === 'at_risk',
  };
}

/** Binding indicators at risk first, then the plan's order (stable). */
export function attentionOrder<T extends { bindingAtRisk: boolean }>(items: T[]): T[] {
  return items.map((x, i) => ({ x, i })).sort((a, b) => Number(b.x.bindingAtRisk) - Number(a.x.bindingAtRisk) || a.i - b.i).map((p) => p.x);
}

const STATUSES: IndicatorStatus[] = ['achieved', 'on_track', 'lagging', 'at_risk', 'no_data', 'no_target'];

function finalOf(c: Context, region: string): FinalEvaluation {
  const results: FinalResult[] = allIndicators(c.plan).map(({ group, ind }) => {
    const prepared = prepare(c, ind, region);
    const end = prepared.ev?.period.end ?? c.plan.period.end;
    const core = evaluateCore(c, ind, region, end);
    const achieved = core.status === 'no_data' || core.status === 'no_target' ? null : core.status === 'achieved';
    return {
      code: ind.code,
      name: ind.name,
      group: group.key,
      target: ind.target.printed,
      value: core.value,
      valueYear: core.valueYear,
      printedActual: ind.actual?.printed ?? null,
      achieved,
      status: core.status,
    };
  });
  return {
    year: c.plan.period.end,
    results,
    achieved: results.filter((r) => r.achieved === true).length,
    notAchieved: results.filter((r) => r.achieved === false).length,
    noData: results.filter((r) => r.achieved === null).length,
  };
}

/** A system viewer for the CLI and scheduled work: every region, the plan's read permission. */
export function systemCaller(): Caller {
  return platformSystemCaller('system', ['plan:read']);
}

/** Evaluates every indicator of a plan for one region and year. */
export async function evaluatePlan(v: Viewer, planId: string, opts: EvaluateOptions = {}): Promise<PlanEvaluation> {
  const { platform, caller } = v;
  const record = await getPlan(platform.db, planId);
  const plan = record.plan;
  const asOf = opts.asOf ?? today();
  const year = opts.year ?? defaultYear(plan, asOf);
  checkYear(plan, year);
  const region = opts.regionCode ?? planRegionOf(plan);
  assertViewable(platform, caller, plan, region);
  const regions = [region, ...childUnits(platform, region)];
  const c = await contextFor(platform, planId, regions, plan.period.end, asOf, opts.refresh);
  const items = allIndicators(plan).map(({ group, ind }) => indicatorEvaluation(c, group, ind, region, year, caller, true));
  const ordered = attentionOrder(items);
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<IndicatorStatus, number>;
  for (const i of items) byStatus[i.status] += 1;
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      titleEn: plan.titleEn ?? null,
      period: plan.period,
      baseYear: plan.baseYear,
      regionCode: planRegionOf(plan),
      status: record.status,
      phase: phaseOf(plan, asOf),
      version: record.version,
    },
    year,
    regionCode: region,
    regionName: platform.regions.name(region),
    asOf,
    evaluatedAt: new Date().toISOString(),
    groups: plan.groups.map((g) => ({
      key: g.key,
      name: g.name,
      nameEn: g.nameEn ?? null,
      section: g.section,
      codes: ordered.filter((i) => i.group === g.key).map((i) => i.code),
    })),
    indicators: ordered,
    summary: { total: items.length, byStatus, bindingAtRisk: ordered.filter((i) => i.bindingAtRisk).map((i) => i.code) },
    final: year === plan.period.end ? finalOf(c, region) : null,
    rules: evaluationConstants,
  };
}

/** Final evaluation of a plan (总结评估): achieved or not for every indicator at the plan's end. */
export async function evaluateFinalFromValues(v: Viewer, planId: string, opts: { regionCode?: string; asOf?: string } = {}): Promise<FinalEvaluation & { planId: string; regionCode: string; phase: PlanPhase }> {
  const record = await getPlan(v.platform.db, planId);
  const region = opts.regionCode ?? planRegionOf(record.plan);
  assertViewable(v.platform, v.caller, record.plan, region);
  const c = await contextFor(v.platform, planId, [region], record.plan.period.end, opts.asOf ?? today());
  return { planId, regionCode: region, phase: phaseOf(record.plan, c.asOf), ...finalOf(c, region) };
}

export type RegionFigure = {
  regionCode: string;
  regionName: string | null;
  value: number | null;
  valueYear: number | null;
  target: string;
  targetSource: 'plan' | 'region' | 'none';
  status: IndicatorStatus;
  share: number | null;
  expectedShare: number | null;
  milestone: number | null;
  series: TObservation[];
};

/** Drill-down one level: the region's figure and each unit below it within the caller's scope. */
export async function indicatorRegions(v: Viewer, planId: string, code: string, opts: EvaluateOptions = {}) {
  const { platform, caller } = v;
  const record = await getPlan(platform.db, planId);
  const plan = record.plan;
  const ind = findIndicator(plan, code);
  const asOf = opts.asOf ?? today();
  const year = opts.year ?? defaultYear(plan, asOf);
  checkYear(plan, year);
  const region = opts.regionCode ?? planRegionOf(plan);
  assertViewable(platform, caller, plan, region);
  const children = childUnits(platform, region).filter((ch) => regionInScope(caller.scope, ch));
  const c = await contextFor(platform, planId, [region, ...children], plan.period.end, asOf, opts.refresh);
  const group = plan.groups.find((g) => g.indicators.some((i) => i.code === code))!;
  const figure = (r: string): RegionFigure => {
    const e = indicatorEvaluation(c, group, ind, r, year, caller, false);
    return {
      regionCode: r,
      regionName: platform.regions.name(r),
      value: e.value,
      valueYear: e.valueYear,
      target: e.target.printed,
      targetSource: e.target.source,
      status: e.status,
      share: e.progress?.share ?? null,
      expectedShare: e.progress?.expectedShare ?? null,
      milestone: e.milestone?.value ?? null,
      series: e.series,
    };
  };
  const parent = indicatorEvaluation(c, group, ind, region, year, caller, true);
  return {
    planId,
    year,
    indicator: { code: ind.code, name: ind.name, unit: ind.unit, source: ind.source, kind: ind.target.kind },
    regionName: platform.regions.name(region),
    region: parent,
    children: children.map(figure),
    // The level below the children (townships) exists when the children have children.
    canDrillFurther: children.some((ch) => platform.regions.index.children(ch, { currentOnly: true }).length > 0),
  };
}

export type RecordsPage = { kind: 'computed' | 'reported'; items: Record<string, unknown>[]; page: number; pageSize: number; hasMore: boolean };

/** The records behind a figure (lineage to the rows), read with the caller's scope. */
export async function indicatorRecords(v: Viewer, planId: string, code: string, opts: { year: number; regionCode: string; page: number; pageSize: number }): Promise<RecordsPage> {
  const { platform, caller } = v;
  const { plan } = await getPlan(platform.db, planId);
  const ind = findIndicator(plan, code);
  checkYear(plan, opts.year);
  const codes = platform.regions.expand(opts.regionCode).filter((c) => regionInScope(caller.scope, c));
  if (codes.length === 0) assertRegionInScope(caller.scope, opts.regionCode);
  if (ind.source === 'reported') {
    const values = await listValues(v, planId, { regionCode: opts.regionCode, year: opts.year, indicatorCode: valueCodeOf(plan, ind) });
    const start = (opts.page - 1) * opts.pageSize;
    return {
      kind: 'reported',
      items: values.slice(start, start + opts.pageSize).map((x) => ({ id: x.id, label: `${x.regionName ?? x.regionCode} ${x.year}`, regionCode: x.regionCode, status: x.status, approvedValue: x.approved?.value ?? null, openValue: x.open?.value ?? null, approvedBy: x.approved?.approvedBy ?? null })),
      page: opts.page,
      pageSize: opts.pageSize,
      hasMore: values.length > start + opts.pageSize,
    };
  }
  const def = getMeasure(ind.source);
  if (!def?.records) {
    throw new AppError('NOT_FOUND', { zh: `数据来源“${ind.source}”未提供明细记录`, en: `Measure "${ind.source}" gives no record list` });
  }
  const query: SQL = def.records({ scope: caller.scope, regionCodes: codes, year: opts.year, limit: opts.pageSize + 1, offset: (opts.page - 1) * opts.pageSize });
  const items = await queryRows<Record<string, unknown>>(platform.db, query);
  return {
    kind: 'computed',
    items: items.slice(0, opts.pageSize).map((r) => Object.fromEntries(Object.entries(r).map(([k, val]) => [k, val instanceof Date ? val.toISOString() : val]))),
    page: opts.page,
    pageSize: opts.pageSize,
    hasMore: items.length > opts.pageSize,
  };
}

// ---------------------------------------------------------------------------------------
// The plan table with year columns

export type TableYearCell = { year: number; value: number | null; share: number | null; status: IndicatorStatus };

export type PlanTable = {
  planId: string;
  title: string;
  tableTitle: string | null;
  baseYear: number;
  period: { start: number; end: number };
  regionCode: string;
  regionName: string | null;
  years: number[];
  /** The 13th plan prints 实际完成数 instead of 属性. */
  lastColumn: 'attribute' | 'actual';
  notes: string[];
  groups: {
    key: string;
    name: string;
    ordinal: string;
    section: 'table' | 'text';
    rows: { code: string; row: number | null; label: string; name: string; unitPrinted: string; baseline: string; target: string; attribute: string; actual: string; quote: string | null; years: TableYearCell[] }[];
  }[];
};

const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** The printed name of a table group: "一、促进就业". */
export function groupOrdinal(i: number): string {
  return CN_ORDINALS[i] ?? String(i + 1);
}

/** The plan table exactly as printed, with each year's value, progress and status added. */
export async function planTable(v: Viewer, planId: string, opts: { year?: number; regionCode?: string; asOf?: string; includeText?: boolean } = {}): Promise<PlanTable> {
  const { platform, caller } = v;
  const record = await getPlan(platform.db, planId);
  const plan = record.plan;
  const asOf = opts.asOf ?? today();
  const upTo = opts.year ?? defaultYear(plan, asOf);
  checkYear(plan, upTo);
  const region = opts.regionCode ?? planRegionOf(plan);
  assertViewable(platform, caller, plan, region);
  const c = await contextFor(platform, planId, [region], plan.period.end, asOf);
  const years: number[] = [];
  for (let y = plan.period.start; y <= upTo; y++) years.push(y);
  const hasActuals = allIndicators(plan).some((x) => x.ind.actual);
  let tableIndex = 0;
  return {
    planId,
    title: plan.title,
    tableTitle: plan.source.table ?? null,
    baseYear: plan.baseYear,
    period: plan.period,
    regionCode: region,
    regionName: platform.regions.name(region),
    years,
    lastColumn: hasActuals ? 'actual' : 'attribute',
    notes: plan.notes,
    groups: plan.groups
      .filter((g) => opts.includeText || g.section === 'table')
      .map((g) => ({
        key: g.key,
        name: g.name,
        ordinal: g.section === 'table' ? groupOrdinal(tableIndex++) : '',
        section: g.section,
        rows: g.indicators.map((ind) => ({
          code: ind.code,
          row: ind.row ?? null,
          label: `${ind.row !== undefined ? `${ind.row}.` : ''}${ind.name}（${ind.unitPrinted}）`,
          name: ind.name,
          unitPrinted: ind.unitPrinted,
          baseline: ind.baseline ? (ind.baseline.printed ?? (ind.baseline.value === null ? '—' : String(ind.baseline.value))) : '',
          target: ind.target.printed,
          attribute: ind.attribute ?? '',
          actual: ind.actual?.printed ?? '',
          quote: ind.quote ?? null,
          years: years.map((y) => {
            const core = evaluateCore(c, ind, region, y);
            const yearValue = (seriesOf(c, ind, region).find((o) => o.year === y)?.value) ?? null;
            return { year: y, value: ind.target.kind === 'cumulative' ? (yearValue === null ? null : core.value) : yearValue, share: core.progress?.share ?? null, status: yearValue === null && core.status !== 'no_target' ? 'no_data' : core.status };
          }),
        })),
      })),
  };
}

// ---------------------------------------------------------------------------------------
// Annual milestones of one indicator at one region: derived from its target, or overridden

export type IndicatorMilestones = {
  planId: string;
  indicator: { code: string; name: string; unit: string; kind: string; comparator: string };
  regionCode: string;
  regionName: string | null;
  target: { printed: string; source: 'plan' | 'region' | 'none' };
  baseline: { year: number; value: number | null } | null;
  /** Each year of the target's period: the derived value, and the override when there is one. */
  years: { year: number; derived: number | null; value: number | null; overridden: boolean; reason: string | null; setBy: string | null; setAt: string | null }[];
};

export async function indicatorMilestones(v: Viewer, planId: string, code: string, regionCode: string | undefined): Promise<IndicatorMilestones> {
  const { platform, caller } = v;
  const record = await getPlan(platform.db, planId);
  const plan = record.plan;
  const ind = findIndicator(plan, code);
  const region = regionCode ?? planRegionOf(plan);
  assertViewable(platform, caller, plan, region);
  const c = await contextFor(platform, planId, [region], plan.period.end, today());
  const prepared = prepare(c, ind, region);
  const overrides = c.overrides.filter((o) => o.indicatorCode === ind.code && o.regionCode === region);
  const derived = prepared.ev ? milestonesFor(prepared.ev, []) : [];
  const shown = prepared.ev ? milestonesFor(prepared.ev, overrides) : [];
  return {
    planId,
    indicator: { code: ind.code, name: ind.name, unit: ind.unit, kind: ind.target.kind, comparator: ind.target.comparator },
    regionCode: region,
    regionName: platform.regions.name(region),
    target: { printed: prepared.ev ? prepared.ev.target.printed : '—', source: prepared.targetSource },
    baseline: prepared.ev?.baseline ? { year: prepared.ev.baseline.year, value: prepared.ev.baseline.value } : null,
    years: shown.map((m, i) => {
      const o = overrides.find((x) => x.year === m.year);
      return { year: m.year, derived: derived[i]?.value ?? null, value: m.value, overridden: m.overridden, reason: m.reason, setBy: m.setBy, setAt: o ? o.setAt.toISOString() : null };
    }),
  };
}
