// Pieces every plan page shares: the plan / year / region choice (kept in the URL), the
// status tag and its colours, number formats.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Select, Space, Tag } from 'antd';
import { useMe } from '../../../app/auth';
import { useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { RegionSelect } from '../../../ui/RegionSelect';
import { defaultPlan, indicatorsOf, usePlans, type PlanDetail, type PlanIndicatorSpec, type PlanStatusKey, type PlanSummary, type RevisionStatus } from '../api';
import { planMessages, type PlanMessageKey } from '../messages';

export const statusColors: Record<PlanStatusKey, string> = {
  achieved: '#389e0d',
  on_track: '#1677ff',
  lagging: '#d48806',
  at_risk: '#cf1322',
  no_data: '#8c8c8c',
  no_target: '#8c8c8c',
};

const tagColors: Record<PlanStatusKey, string> = {
  achieved: 'success',
  on_track: 'processing',
  lagging: 'warning',
  at_risk: 'error',
  no_data: 'default',
  no_target: 'default',
};

export function StatusTag({ status }: { status: PlanStatusKey }) {
  const t = useMessages(planMessages);
  return (
    <Tag color={tagColors[status]} data-testid={`status-${status}`}>
      {t(`status_${status}` as PlanMessageKey)}
    </Tag>
  );
}

const revColors: Record<RevisionStatus, string> = { draft: 'default', submitted: 'processing', reviewed: 'cyan', returned: 'warning', approved: 'success', superseded: 'default' };

export function RevisionTag({ status }: { status: RevisionStatus }) {
  const t = useMessages(planMessages);
  return <Tag color={revColors[status]}>{t(`rev_${status}` as PlanMessageKey)}</Tag>;
}

export function fmt(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return String(Math.round(v * 10 ** digits) / 10 ** digits);
}

export function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`;
}

export function unitText(unit: string): string {
  return unit === '%' ? '%' : ` ${unit}`;
}

export type PlanParams = {
  plans: PlanSummary[] | undefined;
  plan: PlanSummary | undefined;
  planId: string | undefined;
  year: number | undefined;
  regionCode: string | undefined;
  set: (next: { plan?: string; year?: number; region?: string | null }) => void;
};

/** Plan, year and region in the URL (?plan=&year=&region=), with sensible defaults. */
export function usePlanParams(opts: { defaultRegion?: 'mine' | 'plan' } = {}): PlanParams {
  const [params, setParams] = useSearchParams();
  const plans = usePlans();
  const me = useMe();
  const header = useRegion();
  const planId = params.get('plan') ?? defaultPlan(plans.data)?.id;
  const plan = plans.data?.find((p) => p.id === planId);
  const yearParam = params.get('year');
  const year = yearParam ? Number(yearParam) : undefined;
  const regionParam = params.get('region');
  const fallbackRegion = opts.defaultRegion === 'plan' ? (header.regionCode ?? undefined) : (header.regionCode ?? me.regionCode);
  const regionCode = regionParam ?? fallbackRegion;
  const set = useMemo(
    () => (next: { plan?: string; year?: number; region?: string | null }) => {
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (next.plan !== undefined) {
            p.set('plan', next.plan);
            p.delete('year');
          }
          if (next.year !== undefined) p.set('year', String(next.year));
          if (next.region === null) p.delete('region');
          else if (next.region !== undefined) p.set('region', next.region);
          return p;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  return { plans: plans.data, plan, planId, year, regionCode, set };
}

export function yearsOf(plan: PlanSummary | undefined): number[] {
  if (!plan) return [];
  const out: number[] = [];
  for (let y = plan.period.start; y <= plan.period.end; y++) out.push(y);
  return out;
}

/** Plan, year and region pickers for the top of a plan page. */
export function PlanFilters({ p, year, showRegion = true, showYear = true, allowPlanRegion = true }: { p: PlanParams; year: number | undefined; showRegion?: boolean; showYear?: boolean; allowPlanRegion?: boolean }) {
  const t = useMessages(planMessages);
  const me = useMe();
  return (
    <Space wrap>
      <Select
        style={{ minWidth: 280 }}
        value={p.planId}
        onChange={(v) => p.set({ plan: v })}
        options={(p.plans ?? []).map((x) => ({ value: x.id, label: `${x.title}${x.status === 'draft' ? '（草案）' : ''}` }))}
        data-testid="plan-select"
        aria-label={t('plan')}
      />
      {showYear && (
        <Select
          style={{ width: 110 }}
          value={year}
          onChange={(v) => p.set({ year: v })}
          options={yearsOf(p.plan).map((y) => ({ value: y, label: `${y}` }))}
          data-testid="plan-year"
          aria-label={t('year')}
        />
      )}
      {showRegion && (
        <>
          <RegionSelect value={p.regionCode} onChange={(v) => p.set({ region: v ?? null })} allowClear={false} data-testid="plan-region" />
          {allowPlanRegion && p.plan && p.regionCode !== p.plan.regionCode && (
            <Button onClick={() => p.set({ region: p.plan!.regionCode })} data-testid="plan-region-province">
              {t('wholePlanRegion')}
            </Button>
          )}
          {p.regionCode !== me.regionCode && (
            <Button onClick={() => p.set({ region: me.regionCode })} data-testid="plan-region-mine">
              {t('myRegion')}
            </Button>
          )}
        </>
      )}
    </Space>
  );
}

/** The indicator chosen on a page (?indicator=), defaulting to the plan's first one. */
export function useIndicatorParam(detail: PlanDetail | undefined): [PlanIndicatorSpec | undefined, (code: string) => void] {
  const [params, setParams] = useSearchParams();
  const list = indicatorsOf(detail);
  const code = params.get('indicator');
  const chosen = list.find((i) => i.code === code) ?? list[0];
  const set = (next: string) =>
    setParams((prev) => {
      const q = new URLSearchParams(prev);
      q.set('indicator', next);
      return q;
    });
  return [chosen, set];
}

/** Indicator picker: "1.城镇新增就业人数（万人） [75]", searchable by name or code. */
export function IndicatorSelect({ detail, value, onChange, filter }: { detail: PlanDetail | undefined; value: string | undefined; onChange: (code: string) => void; filter?: (i: PlanIndicatorSpec) => boolean }) {
  const t = useMessages(planMessages);
  const options = indicatorsOf(detail)
    .filter((i) => !filter || filter(i))
    .map((i) => ({ value: i.code, label: `${i.code} ${i.row !== undefined ? `${i.row}.` : ''}${i.name}（${i.unitPrinted}） ${i.target.printed}` }));
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 420 }}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('searchIndicator')}
      aria-label={t('indicatorPick')}
      data-testid="plan-indicator"
    />
  );
}
