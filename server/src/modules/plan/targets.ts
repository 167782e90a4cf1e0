/*
 * 目标分解与年度节点 / Region targets and annual milestones
 * ------------------------------------------------------------------------------------------
 * Region targets. The plan's target is the province's. It may be broken down per city or
 * county (plan:manage); the comparator stays the plan's. Where it is not broken down, a
 * percentage target (rates, surveyed levels, yearly shares) applies unchanged to every
 * region, and a count target (a five-year sum, a stock, a yearly count) has no regional
 * target: the region's figures are shown without a status.
 *
 * Milestones. The target's path gives one milestone per year (derived):
 * - cumulative: the target spread evenly, k/n of it after k of n years;
 * - stock, rate, level: the straight line from the baseline to the target (the target itself
 *   when the baseline already meets it, or when there is no baseline);
 * - annual: the target, every year.
 * A milestone can be overridden for a region and year, with a reason. An overridden
 * milestone replaces the path in that year: the figure is on track when it is on the
 * target's side of the milestone (at or above it for floors, at or below it for ceilings).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Caller } from '../../platform/auth/service';
import { AppError } from '../../platform/errors';
import { regionInScope } from '../../platform/scope';
import type { Platform } from '../../platform/kernel';
import type { RegionIndex } from '../../platform/regions/tree';
import { meets, type TEvaluable } from './evaluate';
import type { TIndicator, TPlan, TTarget } from './plan-schema';
import { findIndicator, getPlan } from './plans';
import { planMilestones, planRegionTargets } from './schema';

type Ctx = { platform: Platform; caller: Caller };

export type RegionTargetRow = typeof planRegionTargets.$inferSelect;
export type MilestoneRow = typeof planMilestones.$inferSelect;

export type Milestone = { year: number; value: number | null; overridden: boolean; reason: string | null; setBy: string | null };

function towardsBound(t: TTarget): number {
  return t.comparator === 'range' ? t.min : t.value;
}

/** Derived milestones of an indicator's years (see the rules above). */
export function derivedMilestones(ev: TEvaluable): { year: number; value: number | null }[] {
  const out: { year: number; value: number | null }[] = [];
  const { start, end } = ev.period;
  const n = end - start + 1;
  const bound = towardsBound(ev.target);
  const base = ev.baseline && ev.baseline.value !== null && ev.baseline.year < start ? ev.baseline : null;
  for (let y = start; y <= end; y++) {
    let v: number | null;
    switch (ev.target.kind) {
      case 'cumulative':
        v = (bound * (y - start + 1)) / n;
        break;
      case 'annual':
        v = bound;
        break;
      default:
        if (!base || meets(base.value as number, ev.target)) v = bound;
        else v = (base.value as number) + ((bound - (base.value as number)) * (y - base.year)) / (end - base.year);
    }
    out.push({ year: y, value: v === null ? null : Number(v.toPrecision(12)) });
  }
  return out;
}

/** True when a figure is on the target's side of a milestone (floors: at or above; ceilings: at or below). */
export function onMilestoneSide(target: TTarget, current: number, milestone: number): boolean {
  const ceiling = target.comparator === '<' || target.comparator === '<=';
  return ceiling ? current <= milestone : current >= milestone;
}

export function milestonesFor(ev: TEvaluable, overrides: MilestoneRow[]): Milestone[] {
  const byYear = new Map(overrides.map((o) => [o.year, o]));
  return derivedMilestones(ev).map((m) => {
    const o = byYear.get(m.year);
    return o ? { year: m.year, value: o.value, overridden: true, reason: o.reason, setBy: o.setByName } : { ...m, overridden: false, reason: null, setBy: null };
  });
}

/** The target of an indicator at a region: the plan's, a breakdown, or none (rules above). */
export function regionTarget(plan: TPlan, ind: TIndicator, regionCode: string, rows: RegionTargetRow[]): { target: TTarget | null; source: 'plan' | 'region' | 'none'; row: RegionTargetRow | null } {
  if (regionCode === (plan.region ?? '460000')) return { target: ind.target, source: 'plan', row: null };
  const row = rows.find((r) => r.indicatorCode === ind.code && r.regionCode === regionCode) ?? null;
  if (row) {
    const t = ind.target;
    const target: TTarget =
      t.comparator === 'range'
        ? { ...t, min: row.min ?? t.min, max: row.max ?? t.max, printed: `${row.min ?? t.min}–${row.max ?? t.max}` }
        : { ...t, value: row.value ?? t.value, printed: `${t.kind === 'cumulative' ? `[${row.value ?? t.value}]` : String(row.value ?? t.value)}` };
    return { target, source: 'region', row };
  }
  if (ind.unit === '%') return { target: ind.target, source: 'plan', row: null };
  return { target: null, source: 'none', row: null };
}

export async function listRegionTargets(platform: Platform, planId: string): Promise<RegionTargetRow[]> {
  return platform.db.select().from(planRegionTargets).where(eq(planRegionTargets.planId, planId)).orderBy(asc(planRegionTargets.indicatorCode), asc(planRegionTargets.regionCode));
}

export async function listMilestoneOverrides(platform: Platform, planId: string): Promise<MilestoneRow[]> {
  return platform.db.select().from(planMilestones).where(eq(planMilestones.planId, planId)).orderBy(asc(planMilestones.indicatorCode), asc(planMilestones.regionCode), asc(planMilestones.year));
}

/**
 * Targets and milestones are set from above: the province for any region, a city for the
 * regions below it; the plan region's own milestones by the province only.
 */
function assertSetsFromAbove(ctx: Ctx, regionCode: string): void {
  const { platform, caller } = ctx;
  const index = platform.regions.index;
  const province = index.get(caller.regionCode)?.level === 'province';
  const above = regionCode !== caller.regionCode && index.isWithin(regionCode, caller.regionCode);
  if (!regionInScope(caller.scope, regionCode) || !(province || above)) {
    throw new AppError('FORBIDDEN', { zh: '目标和年度节点由上级地区设定', en: 'Targets and milestones are set by the level above the region' });
  }
}

function checkRegion(platform: Platform, plan: TPlan, regionCode: string, allowPlanRegion: boolean): void {
  const index = platform.regions.index;
  if (!index.isCurrent(regionCode) || !index.isWithin(regionCode, plan.region ?? '460000') || (!allowPlanRegion && regionCode === (plan.region ?? '460000'))) {
    throw new AppError('VALIDATION', {
      zh: `地区 ${regionCode} 不是本规划范围内的下级地区`,
      en: `Region ${regionCode} is not a region below the plan's region`,
      fields: [{ field: 'regionCode', zh: '地区不在规划范围内', en: 'region outside the plan' }],
    });
  }
}

export type RegionTargetInput = { indicatorCode: string; regionCode: string; value?: number | null; min?: number | null; max?: number | null; baselineValue?: number | null; note?: string | null };

/**
 * Sets one region's target. Returns warnings: for count targets, when the region targets of
 * one level add up to less than the province's target.
 */
export async function setRegionTarget(ctx: Ctx, planId: string, input: RegionTargetInput): Promise<{ row: RegionTargetRow; warnings: { zh: string; en: string }[] }> {
  const { platform, caller } = ctx;
  const { plan } = await getPlan(platform.db, planId);
  const ind = findIndicator(plan, input.indicatorCode);
  checkRegion(platform, plan, input.regionCode, false);
  assertSetsFromAbove(ctx, input.regionCode);
  const range = ind.target.comparator === 'range';
  if (range ? input.min == null || input.max == null || input.min > input.max : input.value == null || !Number.isFinite(input.value)) {
    throw new AppError('VALIDATION', { zh: range ? '区间目标须给出下限和上限' : '请填写目标值', en: range ? 'A range target needs min and max' : 'Give the target value' });
  }
  if (ind.unit === '%' && [input.value, input.min, input.max].some((v) => v != null && (v < 0 || v > 100))) {
    throw new AppError('VALIDATION', { zh: '百分比须在 0 到 100 之间', en: 'A percentage lies within 0–100' });
  }
  const values = {
    planId,
    indicatorCode: ind.code,
    regionCode: input.regionCode,
    value: range ? null : input.value!,
    min: range ? input.min! : null,
    max: range ? input.max! : null,
    baselineValue: input.baselineValue ?? null,
    note: input.note ?? null,
    setBy: caller.userId,
    setByName: caller.displayName || caller.username,
    setAt: new Date(),
  };
  const [row] = await platform.db
    .insert(planRegionTargets)
    .values(values)
    .onConflictDoUpdate({ target: [planRegionTargets.planId, planRegionTargets.indicatorCode, planRegionTargets.regionCode], set: { ...values } })
    .returning();
  const check = breakdownChecks(platform.regions.index, plan, ind, await listRegionTargets(platform, planId)).find((c) => c.children.includes(input.regionCode));
  const warnings = check && !check.consistent ? [{ zh: check.zh, en: check.en }] : [];
  return { row, warnings };
}

/**
 * 分解目标的一致性 / Consistency of a breakdown. Count targets add up: the targets of the regions
 * directly below one region (the province's cities and counties, a city's districts) should
 * together reach that region's target for floors (>=, >), and stay within it for ceilings
 * (<, <=). Percentages and ranges do not add up and are not checked. A breakdown still
 * under way (not every region set) reports how far it has come.
 */
export type BreakdownCheck = {
  parentCode: string;
  parentName: string | null;
  parentTarget: number;
  comparator: TTarget['comparator'];
  sum: number;
  /** Regions below the parent that have a target, and how many there are. */
  children: string[];
  of: number;
  consistent: boolean;
  zh: string;
  en: string;
};

export function breakdownChecks(index: RegionIndex, plan: TPlan, ind: TIndicator, rows: RegionTargetRow[]): BreakdownCheck[] {
  const t = ind.target;
  if (ind.unit === '%' || t.comparator === 'range') return [];
  const planRegion = plan.region ?? '460000';
  const parentOf = (code: string): string | null => (index.planUnitOf(code) === code ? planRegion : (index.parent(code)?.code ?? null));
  const mine = rows.filter((r) => r.indicatorCode === ind.code && r.value !== null);
  const byParent = new Map<string, RegionTargetRow[]>();
  for (const r of mine) {
    const p = parentOf(r.regionCode);
    if (p) byParent.set(p, [...(byParent.get(p) ?? []), r]);
  }
  const planUnits = new Set(index.all().filter((r) => index.isCurrent(r.code) && index.planUnitOf(r.code) === r.code).map((r) => r.code));
  const out: BreakdownCheck[] = [];
  for (const [parentCode, children] of byParent) {
    const parentTarget = parentCode === planRegion ? t.value : mine.find((r) => r.regionCode === parentCode)?.value;
    if (parentTarget === undefined || parentTarget === null) continue;
    const sum = Number(children.reduce((s, r) => s + (r.value as number), 0).toPrecision(12));
    const floor = t.comparator === '>=' || t.comparator === '>';
    const consistent = floor ? sum >= parentTarget : sum <= parentTarget;
    const of = parentCode === planRegion ? planUnits.size : index.children(parentCode, { currentOnly: true }).length;
    const parentName = index.get(parentCode)?.name ?? null;
    const u = ind.unit;
    const above = parentCode === planRegion ? { zh: '全省', en: "the province's" } : { zh: parentName ?? parentCode, en: `${parentName ?? parentCode}'s` };
    const [zh, en] = consistent
      ? [`${children.length}/${of} 个下级地区目标合计 ${sum}${u}，与${above.zh}目标 ${parentTarget}${u} 一致`, `${children.length} of ${of} regions add up to ${sum} ${u}, consistent with ${above.en} ${parentTarget} ${u}`]
      : floor
        ? [`已分解的目标合计 ${sum}${u}（${children.length}/${of} 个地区），低于${above.zh}目标 ${parentTarget}${u}`, `Region targets so far add up to ${sum} ${u} (${children.length} of ${of} regions), below ${above.en} ${parentTarget} ${u}`]
        : [`已分解的目标合计 ${sum}${u}（${children.length}/${of} 个地区），超过${above.zh}目标 ${parentTarget}${u}`, `Region targets add up to ${sum} ${u} (${children.length} of ${of} regions), above ${above.en} ceiling ${parentTarget} ${u}`];
    out.push({ parentCode, parentName, parentTarget, comparator: t.comparator, sum, children: children.map((r) => r.regionCode), of, consistent, zh, en });
  }
  return out.sort((a, b) => a.parentCode.localeCompare(b.parentCode));
}

export async function deleteRegionTarget(ctx: Ctx, planId: string, indicatorCode: string, regionCode: string): Promise<void> {
  await getPlan(ctx.platform.db, planId);
  assertSetsFromAbove(ctx, regionCode);
  const r = await ctx.platform.db
    .delete(planRegionTargets)
    .where(and(eq(planRegionTargets.planId, planId), eq(planRegionTargets.indicatorCode, indicatorCode), eq(planRegionTargets.regionCode, regionCode)))
    .returning();
  if (!r.length) throw new AppError('NOT_FOUND');
}

export type MilestoneInput = { indicatorCode: string; regionCode: string; year: number; value: number; reason: string };

export async function setMilestone(ctx: Ctx, planId: string, input: MilestoneInput): Promise<MilestoneRow> {
  const { platform, caller } = ctx;
  const { plan } = await getPlan(platform.db, planId);
  const ind = findIndicator(plan, input.indicatorCode);
  checkRegion(platform, plan, input.regionCode, true);
  assertSetsFromAbove(ctx, input.regionCode);
  const start = ind.target.fromYear ?? plan.period.start;
  const end = ind.target.year ?? plan.period.end;
  if (input.year < start || input.year > end) {
    throw new AppError('VALIDATION', { zh: `年份 ${input.year} 不在 ${start}–${end} 年内`, en: `year ${input.year} is outside ${start}–${end}` });
  }
  if (!input.reason?.trim()) throw new AppError('VALIDATION', { zh: '调整年度节点须说明原因', en: 'Overriding a milestone needs a reason' });
  if (!Number.isFinite(input.value) || (ind.unit === '%' && (input.value < 0 || input.value > 100))) {
    throw new AppError('VALIDATION', { zh: '节点值不合理', en: 'The milestone value is not valid' });
  }
  const values = { planId, indicatorCode: ind.code, regionCode: input.regionCode, year: input.year, value: input.value, reason: input.reason.trim(), setBy: caller.userId, setByName: caller.displayName || caller.username, setAt: new Date() };
  const [row] = await platform.db
    .insert(planMilestones)
    .values(values)
    .onConflictDoUpdate({ target: [planMilestones.planId, planMilestones.indicatorCode, planMilestones.regionCode, planMilestones.year], set: { ...values } })
    .returning();
  return row;
}

export async function deleteMilestone(ctx: Ctx, planId: string, indicatorCode: string, regionCode: string, year: number): Promise<void> {
  await getPlan(ctx.platform.db, planId);
  assertSetsFromAbove(ctx, regionCode);
  const r = await ctx.platform.db
    .delete(planMilestones)
    .where(and(eq(planMilestones.planId, planId), eq(planMilestones.indicatorCode, indicatorCode), eq(planMilestones.regionCode, regionCode), eq(planMilestones.year, year)))
    .returning();
  if (!r.length) throw new AppError('NOT_FOUND');
}
