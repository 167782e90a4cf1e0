// Published evaluations (年度通报, 中期评估, 总结评估): an evaluation frozen as JSON when it is
// published, so that later revisions of the figures show as differences, not rewrites.
import { and, asc, desc, eq, gt, inArray, isNotNull, lte } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import { assertRegionInScope, scopeWhere } from '../../platform/scope';
import { canView, defaultYear, evaluatePlan, planRegionOf, type IndicatorStatus, type PlanEvaluation, type Viewer } from './evaluation';
import { allIndicators, getPlan } from './plans';
import type { ValueView } from './values';
import { planReportedValues, planSnapshots, planValueRevisions, type SnapshotKind } from './schema';

const kindTitle: Record<SnapshotKind, string> = {
  annual: '年度实施情况通报',
  midterm: '中期评估报告',
  final: '总结评估报告',
};

export type SnapshotView = {
  id: number;
  planId: string;
  kind: SnapshotKind;
  year: number;
  regionCode: string;
  regionName: string | null;
  title: string;
  publishedByName: string;
  publishedAt: string;
  evaluation?: PlanEvaluation;
};

type Row = typeof planSnapshots.$inferSelect;

function view(v: Viewer, r: Row, withEvaluation: boolean): SnapshotView {
  return {
    id: r.id,
    planId: r.planId,
    kind: r.kind,
    year: r.year,
    regionCode: r.regionCode,
    regionName: v.platform.regions.name(r.regionCode),
    title: r.title,
    publishedByName: r.publishedByName,
    publishedAt: r.publishedAt.toISOString(),
    ...(withEvaluation ? { evaluation: r.evaluation as PlanEvaluation } : {}),
  };
}

/** The year a report covers by default: this year (annual), the middle of the period (mid-term), its end (final). */
export function snapshotYear(kind: SnapshotKind, period: { start: number; end: number }, fallback: number): number {
  if (kind === 'final') return period.end;
  if (kind === 'midterm') return period.start + Math.floor((period.end - period.start) / 2);
  return fallback;
}

export async function createSnapshot(v: Viewer, planId: string, input: { kind: SnapshotKind; year?: number; regionCode?: string }): Promise<SnapshotView> {
  const { plan } = await getPlan(v.platform.db, planId);
  const year = input.year ?? snapshotYear(input.kind, plan.period, defaultYear(plan, new Date().toISOString().slice(0, 10)));
  if (input.kind === 'final' && year !== plan.period.end) {
    throw new AppError('VALIDATION', { zh: `总结评估针对规划期末 ${plan.period.end} 年`, en: `A final evaluation is for the plan's last year ${plan.period.end}` });
  }
  // Publishing speaks for a region: only for regions inside the publisher's scope.
  assertRegionInScope(v.caller.scope, input.regionCode ?? planRegionOf(plan));
  const evaluation = await evaluatePlan(v, planId, { year, regionCode: input.regionCode, refresh: true });
  const where = evaluation.regionCode !== planRegionOf(plan) ? `（${evaluation.regionName ?? evaluation.regionCode}）` : '';
  const title =
    input.kind === 'annual'
      ? `${plan.title}${year}年度${kindTitle.annual.slice(2)}${where}`
      : input.kind === 'midterm'
        ? `${plan.title}${kindTitle.midterm}（截至${year}年）${where}`
        : `${plan.title}${kindTitle.final}${where}`;
  const [row] = await v.platform.db
    .insert(planSnapshots)
    .values({
      planId,
      kind: input.kind,
      year,
      regionCode: evaluation.regionCode,
      title,
      evaluation,
      publishedBy: v.caller.userId,
      publishedByName: v.caller.displayName || v.caller.username,
    })
    .returning();
  return view(v, row, true);
}

export async function listSnapshots(v: Viewer, planId: string): Promise<SnapshotView[]> {
  await getPlan(v.platform.db, planId);
  const rows = await v.platform.db.select().from(planSnapshots).where(eq(planSnapshots.planId, planId)).orderBy(desc(planSnapshots.publishedAt), desc(planSnapshots.id));
  return rows.filter((r) => canView(v.platform, v.caller, r.regionCode)).map((r) => view(v, r, false));
}

export async function getSnapshot(v: Viewer, planId: string, id: number, withEvaluation: boolean): Promise<SnapshotView & { evaluation: PlanEvaluation }> {
  const [row] = await v.platform.db.select().from(planSnapshots).where(and(eq(planSnapshots.id, id), eq(planSnapshots.planId, planId)));
  if (!row || !canView(v.platform, v.caller, row.regionCode)) throw new AppError('NOT_FOUND');
  return view(v, row, withEvaluation) as SnapshotView & { evaluation: PlanEvaluation };
}

export type SnapshotChange = {
  code: string;
  name: string;
  before: { value: number | null; status: IndicatorStatus; target: string };
  after: { value: number | null; status: IndicatorStatus; target: string };
};

/** A reported figure approved after publication: which, where, when, old → new, and why. */
export type RevisionChange = Pick<ValueView, 'indicatorCode' | 'indicatorName' | 'unit' | 'regionCode' | 'regionName' | 'year'> & {
  valueId: number;
  revision: number;
  before: number | null;
  after: number;
  reason: string | null;
  approvedBy: string | null;
  approvedAt: string;
};

/**
 * Reported figures of the snapshot's region and below, up to its year and within the caller's
 * scope, approved after publication, oldest first. `before` is the value approved just before
 * (null for a figure that had none: a value first approved after publication).
 */
export async function revisionsSince(v: Viewer, planId: string, s: { regionCode: string; year: number; publishedAt: string }): Promise<RevisionChange[]> {
  const { platform, caller } = v;
  const { plan } = await getPlan(platform.db, planId);
  const rows = await platform.db
    .select({ rev: planValueRevisions, value: planReportedValues })
    .from(planValueRevisions)
    .innerJoin(planReportedValues, eq(planReportedValues.id, planValueRevisions.valueId))
    .where(
      and(
        eq(planReportedValues.planId, planId),
        lte(planReportedValues.year, s.year),
        gt(planValueRevisions.approvedAt, new Date(s.publishedAt)),
        scopeWhere(caller.scope, planReportedValues),
        scopeWhere(caller.scope, planValueRevisions),
      ),
    )
    .orderBy(asc(planValueRevisions.approvedAt), asc(planValueRevisions.id));
  const index = platform.regions.index;
  const changed = rows.filter((r) => r.value.regionCode === s.regionCode || index.isWithin(r.value.regionCode, s.regionCode));
  if (!changed.length) return [];
  // Every approved revision of those figures, to find the value each change replaced.
  const history = await platform.db
    .select({ valueId: planValueRevisions.valueId, value: planValueRevisions.value, approvedAt: planValueRevisions.approvedAt })
    .from(planValueRevisions)
    .where(and(inArray(planValueRevisions.valueId, [...new Set(changed.map((r) => r.value.id))]), isNotNull(planValueRevisions.approvedAt), scopeWhere(caller.scope, planValueRevisions)));
  const names = new Map(allIndicators(plan).map(({ ind }) => [ind.code, ind]));
  return changed.map(({ rev, value }) => {
    const at = rev.approvedAt as Date;
    const earlier = history.filter((h) => h.valueId === value.id && (h.approvedAt as Date) < at).sort((a, b) => (b.approvedAt as Date).getTime() - (a.approvedAt as Date).getTime())[0];
    const ind = names.get(value.indicatorCode);
    return {
      valueId: value.id,
      indicatorCode: value.indicatorCode,
      indicatorName: ind?.name ?? value.indicatorCode,
      unit: ind?.unit ?? '',
      regionCode: value.regionCode,
      regionName: platform.regions.name(value.regionCode),
      year: value.year,
      revision: rev.revision,
      before: earlier?.value ?? null,
      after: rev.value,
      reason: rev.reason,
      approvedBy: rev.approvedBy,
      approvedAt: at.toISOString(),
    };
  });
}

/**
 * What changed since publication: each indicator whose value, status or target differs now,
 * and each reported figure approved since (region, year, old → new, the revision's reason).
 */
export async function snapshotDiff(v: Viewer, planId: string, id: number) {
  const s = await getSnapshot(v, planId, id, true);
  const now = await evaluatePlan(v, planId, { year: s.year, regionCode: s.regionCode });
  const before = new Map(s.evaluation.indicators.map((i) => [i.code, i]));
  const changes: SnapshotChange[] = [];
  for (const a of now.indicators) {
    const b = before.get(a.code);
    if (!b) continue;
    if (b.value !== a.value || b.status !== a.status || b.target.printed !== a.target.printed) {
      changes.push({
        code: a.code,
        name: a.name,
        before: { value: b.value, status: b.status, target: b.target.printed },
        after: { value: a.value, status: a.status, target: a.target.printed },
      });
    }
  }
  const revisions = await revisionsSince(v, planId, s);
  return { snapshot: { ...s, evaluation: undefined }, evaluatedAt: now.evaluatedAt, changes, revisions };
}
