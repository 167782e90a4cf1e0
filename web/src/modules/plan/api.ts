// Plan endpoints (/api/v1/plans …): plans, evaluation, drill-down, table, reported values.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Localized } from '../../app/i18n';
import type { ApiResponse } from '../../api/types';

export type PlanStatusKey = 'achieved' | 'on_track' | 'lagging' | 'at_risk' | 'no_data' | 'no_target';

export type PlanSummary = ApiResponse<'/api/v1/plans'>[number];

export type Observation = { year: number; value: number };

export type Lineage =
  | {
      kind: 'reported';
      valueCode: string;
      figures: { year: number; valueId: number; revision: number; value: number; submittedBy: string | null; approvedBy: string | null; approvedAt: string | null; reason: string | null }[];
    }
  | {
      kind: 'computed';
      measureKey: string;
      registered: boolean;
      name: Localized | null;
      definition: Localized | null;
      measureUnit: string | null;
      measureKind: 'count' | 'ratio' | null;
      time: 'flow' | 'stock' | null;
      factor: number | null;
      sql: string | null;
      params: unknown[];
      computedAt: string | null;
      figures: { year: number; value: number | null; numerator: number | null; denominator: number | null; computedAt: string }[];
    };

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
  kind: 'cumulative' | 'stock' | 'rate' | 'level' | 'annual';
  comparator: string;
  source: string;
  quote: string | null;
  regionCode: string;
  year: number;
  target: { printed: string; comparator: string; value: number | null; min: number | null; max: number | null; year: number; source: 'plan' | 'region' | 'none' };
  baseline: { year: number; value: number | null; printed: string | null } | null;
  value: number | null;
  valueYear: number | null;
  series: Observation[];
  progress: { share: number | null; expectedShare: number | null; expected: number | null; current: number | null; dataYear: number | null; met: boolean | null; onPath: boolean | null } | null;
  status: PlanStatusKey;
  projection: { targetYear: number; method: string; point: number | null; low: number | null; high: number | null; probabilityOfMeeting: number | null } | null;
  pace: { mode: 'reach' | 'reduce' | 'stayWithin'; remaining: number; months: number; perMonth: number | null; met: boolean } | null;
  paceText: Localized | null;
  milestone: { year: number; value: number | null; overridden: boolean; reason: string | null } | null;
  shortfall: { regionCode: string; regionName: string | null; value: number; bound: number; gap: number; share: number }[];
  lineage: Lineage;
  problems: Localized[];
  bindingAtRisk: boolean;
};

export type FinalEvaluation = {
  year: number;
  results: { code: string; name: string; group: string; target: string; value: number | null; valueYear: number | null; printedActual: string | null; achieved: boolean | null; status: PlanStatusKey }[];
  achieved: number;
  notAchieved: number;
  noData: number;
};

export type PlanEvaluation = {
  plan: { id: string; title: string; period: { start: number; end: number }; baseYear: number; regionCode: string; status: string; phase: string };
  year: number;
  regionCode: string;
  regionName: string | null;
  asOf: string;
  evaluatedAt: string;
  groups: { key: string; name: string; nameEn: string | null; section: 'table' | 'text'; codes: string[] }[];
  indicators: IndicatorEvaluation[];
  summary: { total: number; byStatus: Record<PlanStatusKey, number>; bindingAtRisk: string[] };
  final: FinalEvaluation | null;
};

export type RegionFigure = {
  regionCode: string;
  regionName: string | null;
  value: number | null;
  valueYear: number | null;
  target: string;
  targetSource: 'plan' | 'region' | 'none';
  status: PlanStatusKey;
  share: number | null;
  expectedShare: number | null;
  milestone: number | null;
  series: Observation[];
};

export type IndicatorRegions = {
  planId: string;
  year: number;
  indicator: { code: string; name: string; unit: string; source: string; kind: string };
  regionName: string | null;
  region: IndicatorEvaluation;
  children: RegionFigure[];
  canDrillFurther: boolean;
};

export type RecordsPage = { kind: 'computed' | 'reported'; items: Record<string, unknown>[]; page: number; pageSize: number; hasMore: boolean };

export type TableYearCell = { year: number; value: number | null; share: number | null; status: PlanStatusKey };
export type PlanTable = {
  planId: string;
  title: string;
  tableTitle: string | null;
  baseYear: number;
  period: { start: number; end: number };
  regionCode: string;
  regionName: string | null;
  years: number[];
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

export type RevisionEvent = Revision['trail'][number];

export type Revision = NonNullable<ReportedValue['approved']>;

export type ReportedValue = ApiResponse<'/api/v1/plans/{planId}/values/{id}'>;
export type RevisionStatus = ReportedValue['status'];
export type ApprovalAction = ReportedValue['actions'][number];

export type ValueForm = ApiResponse<'/api/v1/plans/{planId}/values/form'>;

export type TileLayout = ApiResponse<'/api/v1/regions/layout'>;

export const planKeys = {
  all: ['plans'] as const,
  list: () => ['plans', 'list'] as const,
  evaluation: (planId: string, year: number | undefined, region: string | undefined) => ['plans', planId, 'evaluation', year ?? null, region ?? null] as const,
  regions: (planId: string, code: string, year: number | undefined, region: string | undefined) => ['plans', planId, 'regions', code, year ?? null, region ?? null] as const,
  records: (planId: string, code: string, year: number, region: string, page: number) => ['plans', planId, 'records', code, year, region, page] as const,
  table: (planId: string, year: number | undefined, region: string | undefined, includeText: boolean) => ['plans', planId, 'table', year ?? null, region ?? null, includeText] as const,
  form: (planId: string, region: string, year: number) => ['plans', planId, 'form', region, year] as const,
  value: (planId: string, id: number) => ['plans', planId, 'value', id] as const,
  inbox: () => ['plans', 'inbox'] as const,
  layout: () => ['regions', 'layout'] as const,
};

export function usePlans() {
  return useQuery({ queryKey: planKeys.list(), queryFn: ({ signal }) => api.get<PlanSummary[]>('/plans', undefined, signal), staleTime: 60_000 });
}

export function useEvaluation(planId: string | undefined, year: number | undefined, regionCode: string | undefined) {
  return useQuery({
    queryKey: planKeys.evaluation(planId ?? '', year, regionCode),
    queryFn: ({ signal }) => api.get<PlanEvaluation>(`/plans/${encodeURIComponent(planId!)}/evaluation`, { year, regionCode }, signal),
    enabled: !!planId,
  });
}

export function useIndicatorRegions(planId: string, code: string, year: number | undefined, regionCode: string | undefined) {
  return useQuery({
    queryKey: planKeys.regions(planId, code, year, regionCode),
    queryFn: ({ signal }) => api.get<IndicatorRegions>(`/plans/${encodeURIComponent(planId)}/indicators/${encodeURIComponent(code)}/regions`, { year, regionCode }, signal),
  });
}

export function useRecords(planId: string, code: string, year: number, regionCode: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.records(planId, code, year, regionCode, page),
    queryFn: ({ signal }) => api.get<RecordsPage>(`/plans/${encodeURIComponent(planId)}/indicators/${encodeURIComponent(code)}/records`, { year, regionCode, page, pageSize: 20 }, signal),
    enabled,
  });
}

export function usePlanTable(planId: string | undefined, year: number | undefined, regionCode: string | undefined, includeText: boolean) {
  return useQuery({
    queryKey: planKeys.table(planId ?? '', year, regionCode, includeText),
    queryFn: ({ signal }) => api.get<PlanTable>(`/plans/${encodeURIComponent(planId!)}/table`, { year, regionCode, includeText: includeText ? 'true' : undefined }, signal),
    enabled: !!planId,
  });
}

export function useValueForm(planId: string | undefined, regionCode: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: planKeys.form(planId ?? '', regionCode ?? '', year ?? 0),
    queryFn: ({ signal }) => api.get<ValueForm>(`/plans/${encodeURIComponent(planId!)}/values/form`, { regionCode, year }, signal),
    enabled: !!planId && !!regionCode && !!year,
  });
}

export function useValue(planId: string, id: number | null) {
  return useQuery({
    queryKey: planKeys.value(planId, id ?? 0),
    queryFn: ({ signal }) => api.get<ReportedValue>(`/plans/${encodeURIComponent(planId)}/values/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useInbox() {
  return useQuery({ queryKey: planKeys.inbox(), queryFn: ({ signal }) => api.get<ReportedValue[]>('/plans/inbox', undefined, signal) });
}

export function useTileLayout() {
  return useQuery({ queryKey: planKeys.layout(), queryFn: ({ signal }) => api.get<TileLayout>('/regions/layout', undefined, signal), staleTime: Infinity });
}

/** The plan to show by default: the one in force this year, else the latest adopted one. */
export function defaultPlan(plans: PlanSummary[] | undefined): PlanSummary | undefined {
  if (!plans?.length) return undefined;
  const adopted = plans.filter((p) => p.status === 'active');
  return adopted.find((p) => p.phase === 'active') ?? [...adopted].sort((a, b) => b.period.end - a.period.end)[0] ?? plans[0];
}

// ---- plan detail, targets, milestones, snapshots ---------------------------------------

export type PlanIndicatorSpec = {
  code: string;
  row?: number;
  name: string;
  unit: string;
  unitPrinted: string;
  baseline?: { year: number; value: number | null; printed?: string };
  target: { printed: string; kind: IndicatorEvaluation['kind']; comparator: string; value?: number; min?: number; max?: number; year?: number; fromYear?: number };
  attribute?: '预期性' | '约束性';
  source: string;
};
export type PlanDetail = PlanSummary & { plan: { groups: { key: string; name: string; section: 'table' | 'text'; indicators: PlanIndicatorSpec[] }[] } };

export type RegionTargetRow = ApiResponse<'/api/v1/plans/{planId}/targets'>[number];

export type BreakdownCheck = ApiResponse<'/api/v1/plans/{planId}/targets/check'>[number];

export type MilestonePath = {
  planId: string;
  indicator: { code: string; name: string; unit: string; kind: string; comparator: string };
  regionCode: string;
  regionName: string | null;
  target: { printed: string; source: 'plan' | 'region' | 'none' };
  baseline: { year: number; value: number | null } | null;
  years: { year: number; derived: number | null; value: number | null; overridden: boolean; reason: string | null; setBy: string | null; setAt: string | null }[];
};

export type SnapshotKind = 'annual' | 'midterm' | 'final';
export type SnapshotSummary = { id: number; planId: string; kind: SnapshotKind; year: number; regionCode: string; regionName: string | null; title: string; publishedByName: string; publishedAt: string };

export type RevisionChange = Pick<ReportedValue, 'indicatorCode' | 'indicatorName' | 'unit' | 'regionCode' | 'regionName' | 'year'> & {
  valueId: number;
  revision: number;
  before: number | null;
  after: number;
  reason: string | null;
  approvedBy: string | null;
  approvedAt: string;
};

export type SnapshotDiff = {
  snapshot: SnapshotSummary;
  evaluatedAt: string;
  changes: { code: string; name: string; before: { value: number | null; status: PlanStatusKey; target: string }; after: { value: number | null; status: PlanStatusKey; target: string } }[];
  revisions: RevisionChange[];
};

export const planExtraKeys = {
  detail: (planId: string) => ['plans', planId, 'detail'] as const,
  targets: (planId: string) => ['plans', planId, 'targets'] as const,
  checks: (planId: string, code: string) => ['plans', planId, 'targets', 'check', code] as const,
  milestones: (planId: string, code: string, region: string | undefined) => ['plans', planId, 'milestones', code, region ?? null] as const,
  snapshots: (planId: string) => ['plans', planId, 'snapshots'] as const,
  diff: (planId: string, id: number) => ['plans', planId, 'snapshots', id, 'diff'] as const,
};

export function usePlanDetail(planId: string | undefined) {
  return useQuery({
    queryKey: planExtraKeys.detail(planId ?? ''),
    queryFn: ({ signal }) => api.get<PlanDetail>(`/plans/${encodeURIComponent(planId!)}`, undefined, signal),
    enabled: !!planId,
    staleTime: 60_000,
  });
}

export function useRegionTargets(planId: string | undefined, indicatorCode: string | undefined) {
  return useQuery({
    queryKey: [...planExtraKeys.targets(planId ?? ''), indicatorCode ?? null],
    queryFn: ({ signal }) => api.get<RegionTargetRow[]>(`/plans/${encodeURIComponent(planId!)}/targets`, { indicatorCode }, signal),
    enabled: !!planId && !!indicatorCode,
  });
}

export function useBreakdownChecks(planId: string | undefined, indicatorCode: string | undefined) {
  return useQuery({
    queryKey: planExtraKeys.checks(planId ?? '', indicatorCode ?? ''),
    queryFn: ({ signal }) => api.get<BreakdownCheck[]>(`/plans/${encodeURIComponent(planId!)}/targets/check`, { indicatorCode }, signal),
    enabled: !!planId && !!indicatorCode,
  });
}

export function useMilestonePath(planId: string | undefined, indicatorCode: string | undefined, regionCode: string | undefined) {
  return useQuery({
    queryKey: planExtraKeys.milestones(planId ?? '', indicatorCode ?? '', regionCode),
    queryFn: ({ signal }) => api.get<MilestonePath>(`/plans/${encodeURIComponent(planId!)}/indicators/${encodeURIComponent(indicatorCode!)}/milestones`, { regionCode }, signal),
    enabled: !!planId && !!indicatorCode,
  });
}

export function useSnapshots(planId: string | undefined) {
  return useQuery({
    queryKey: planExtraKeys.snapshots(planId ?? ''),
    queryFn: ({ signal }) => api.get<SnapshotSummary[]>(`/plans/${encodeURIComponent(planId!)}/snapshots`, undefined, signal),
    enabled: !!planId,
  });
}

export function useSnapshotDiff(planId: string | undefined, id: number | undefined) {
  return useQuery({
    queryKey: planExtraKeys.diff(planId ?? '', id ?? 0),
    queryFn: ({ signal }) => api.get<SnapshotDiff>(`/plans/${encodeURIComponent(planId!)}/snapshots/${id}/diff`, undefined, signal),
    enabled: !!planId && !!id,
  });
}

/** Every indicator of a plan in table order, for pickers. */
export function indicatorsOf(detail: PlanDetail | undefined): (PlanIndicatorSpec & { groupName: string; section: 'table' | 'text' })[] {
  return (detail?.plan.groups ?? []).flatMap((g) => g.indicators.map((i) => ({ ...i, groupName: g.name, section: g.section })));
}
