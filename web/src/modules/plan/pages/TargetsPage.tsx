// 目标分解: a province target broken down to the cities and counties (and city districts). For
// the chosen indicator: each of the 19 units with its target (or the rule that applies where
// none is set), edit and remove; the server's check that count targets add up; and the list
// of every region target of the plan, filtered, paged and exported.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { pick, useLang, useMessages, type Translate } from '../../../app/i18n';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { FormModal } from '../../../ui/FormModal';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { RegionSelect } from '../../../ui/RegionSelect';
import { formatInstant } from '../../../ui/format';
import { indicatorsOf, planExtraKeys, useBreakdownChecks, usePlanDetail, useRegionTargets, useTileLayout, type PlanIndicatorSpec, type RegionTargetRow } from '../api';
import { IndicatorSelect, PlanFilters, fmt, useIndicatorParam, usePlanParams } from '../components/common';
import { planMessages, type PlanMessageKey } from '../messages';

type TargetForm = { regionCode: string; value?: number | null; min?: number | null; max?: number | null; baselineValue?: number | null; note?: string };
type Row = { regionCode: string; regionName: string; target: RegionTargetRow | null };

function targetText(r: Pick<RegionTargetRow, 'value' | 'min' | 'max'>, ind: PlanIndicatorSpec): string {
  if (r.min !== null && r.max !== null) return `${fmt(r.min)}–${fmt(r.max)}`;
  return ind.target.kind === 'cumulative' ? `[${fmt(r.value)}]` : fmt(r.value);
}

/** The checks a person can see before sending: required, numbers, 0–100 for %, min ≤ max. */
function targetRules(t: Translate<PlanMessageKey>, percent: boolean) {
  return [
    { required: true, message: t('required') },
    {
      validator: async (_: unknown, v: unknown) => {
        if (v === null || v === undefined || v === '') return;
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(t('notNumber'));
        if (percent && (v < 0 || v > 100)) throw new Error(t('pctRange'));
      },
    },
  ];
}

export default function TargetsPage() {
  const t = useMessages(planMessages);
  const { lang } = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const p = usePlanParams({ defaultRegion: 'plan' });
  const detail = usePlanDetail(p.planId);
  const [ind, setIndicator] = useIndicatorParam(detail.data);
  const layout = useTileLayout();
  const targets = useRegionTargets(p.planId, ind?.code);
  const checks = useBreakdownChecks(p.planId, ind?.code);
  const [editing, setEditing] = useState<{ regionCode?: string; row: RegionTargetRow | null } | null>(null);
  const manage = can('plan:manage');
  const planId = p.planId ?? '';
  const range = ind?.target.comparator === 'range';
  const percent = ind?.unit === '%';

  const rows = useMemo<Row[]>(() => {
    const byRegion = new Map((targets.data ?? []).map((r) => [r.regionCode, r]));
    const units = (layout.data?.tiles ?? []).map((tile) => ({ regionCode: tile.code, regionName: tile.name, target: byRegion.get(tile.code) ?? null }));
    const unitCodes = new Set(units.map((u) => u.regionCode));
    const others = (targets.data ?? []).filter((r) => !unitCodes.has(r.regionCode)).map((r) => ({ regionCode: r.regionCode, regionName: r.regionName ?? r.regionCode, target: r }));
    return [...units, ...others];
  }, [targets.data, layout.data]);

  const refresh = async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: planExtraKeys.targets(planId) }), queryClient.invalidateQueries({ queryKey: dataTableKey('plan-targets') })]);
  };
  const remove = useMutation({
    mutationFn: (regionCode: string) => api.delete(`/plans/${encodeURIComponent(planId)}/targets/${encodeURIComponent(ind!.code)}/${regionCode}`),
    onSuccess: async () => {
      message.success(t('removed'));
      await refresh();
    },
    onError: notifyError,
  });

  const columns: TableColumnsType<Row> = ind
    ? [
        { title: t('region'), dataIndex: 'regionName', width: 160, render: (v: string, r) => <span data-testid={`target-region-${r.regionCode}`}>{v}</span> },
        {
          title: t('regionTargetCol'),
          key: 'target',
          width: 160,
          render: (_: unknown, r) =>
            r.target ? <strong data-testid={`target-value-${r.regionCode}`}>{targetText(r.target, ind)}</strong> : <Typography.Text type="secondary">{percent ? `${t('appliesUnchanged')} ${ind.target.printed}` : t('notBrokenDown')}</Typography.Text>,
        },
        { title: t('regionBaseline'), key: 'baseline', width: 100, render: (_: unknown, r) => fmt(r.target?.baselineValue) },
        { title: t('note'), key: 'note', render: (_: unknown, r) => r.target?.note ?? '' },
        { title: t('setBy'), key: 'by', width: 180, render: (_: unknown, r) => (r.target ? `${r.target.setByName} · ${formatInstant(r.target.setAt)}` : '') },
        ...(manage
          ? [
              {
                title: '',
                key: 'actions',
                width: 190,
                render: (_: unknown, r: Row) => (
                  <Space>
                    <Button size="small" onClick={() => setEditing({ regionCode: r.regionCode, row: r.target })} data-testid={`target-edit-${r.regionCode}`}>
                      {r.target ? t('editTarget') : t('setTarget')}
                    </Button>
                    {r.target && (
                      <Popconfirm title={t('resetTargetConfirm')} onConfirm={() => remove.mutate(r.regionCode)} okText={t('confirm')} cancelText={t('cancel')}>
                        <Button size="small" danger data-testid={`target-remove-${r.regionCode}`}>
                          {t('resetTarget')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]
    : [];

  const listColumns: TableColumnsType<RegionTargetRow> = [
    { title: t('indicator'), dataIndex: 'indicatorCode', width: 90 },
    { title: t('indicatorPick'), key: 'name', render: (_: unknown, r) => indicatorsOf(detail.data).find((i) => i.code === r.indicatorCode)?.name ?? r.indicatorCode },
    { title: t('region'), key: 'region', render: (_: unknown, r) => r.regionName ?? r.regionCode },
    { title: t('regionTargetCol'), key: 'target', render: (_: unknown, r) => (r.min !== null && r.max !== null ? `${fmt(r.min)}–${fmt(r.max)}` : fmt(r.value)) },
    { title: t('note'), dataIndex: 'note' },
    { title: t('setBy'), dataIndex: 'setByName', width: 120 },
    { title: t('setAt'), dataIndex: 'setAt', width: 170, render: (v: string) => formatInstant(v) },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('targetsTitle')} data-testid="plan-targets">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('targetsHint')}
          </Typography.Paragraph>
          <Space wrap>
            <PlanFilters p={p} year={undefined} showYear={false} showRegion={false} />
            <IndicatorSelect detail={detail.data} value={ind?.code} onChange={setIndicator} />
            {manage && ind && (
              <Button onClick={() => setEditing({ row: null })} data-testid="target-other-region">
                {t('otherRegion')}
              </Button>
            )}
          </Space>
          <ProblemAlert error={detail.error ?? targets.error ?? checks.error} />
          {ind && (
            <Typography.Text>
              {t('planTarget')}: <strong data-testid="plan-target">{ind.target.printed}</strong>（{ind.unitPrinted}）{ind.attribute ? ` · ${ind.attribute}` : ''}
            </Typography.Text>
          )}
          <Card size="small" title={t('checkTitle')}>
            {percent || range ? (
              <Typography.Text type="secondary">{t('noCheck')}</Typography.Text>
            ) : (checks.data ?? []).length === 0 ? (
              <Typography.Text type="secondary">{t('noTargetsYet')}</Typography.Text>
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {(checks.data ?? []).map((c) => (
                  <Alert key={c.parentCode} type={c.consistent ? 'success' : 'warning'} showIcon title={pick(c, lang)} data-testid={`target-check-${c.parentCode}`} />
                ))}
              </Space>
            )}
          </Card>
          <Table<Row> size="small" rowKey="regionCode" columns={columns} dataSource={rows} pagination={false} loading={targets.isPending || layout.isPending} scroll={{ x: 'max-content' }} />
        </Space>
      </Card>

      {p.planId && (
        <Card title={t('targetsAll')}>
          <DataTable<RegionTargetRow>
            id="plan-targets"
            path={`/plans/${encodeURIComponent(p.planId)}/targets`}
            columns={listColumns}
            rowKey={(r) => `${r.indicatorCode}-${r.regionCode}`}
            urlState={false}
            exportable
            exportName="region-targets"
            filters={[
              { kind: 'select', name: 'indicatorCode', label: t('indicatorPick'), width: 260, options: indicatorsOf(detail.data).map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })) },
              { kind: 'region', name: 'regionCode', label: t('region') },
            ]}
          />
        </Card>
      )}

      {editing && ind && (
        <FormModal<TargetForm, { target: RegionTargetRow; warnings: { zh: string; en: string }[] }>
          open
          title={`${editing.row ? t('editTarget') : t('setTarget')} · ${ind.name}`}
          testid="target-form"
          onClose={() => setEditing(null)}
          initialValues={{ regionCode: editing.regionCode, value: editing.row?.value ?? undefined, min: editing.row?.min ?? undefined, max: editing.row?.max ?? undefined, baselineValue: editing.row?.baselineValue ?? undefined, note: editing.row?.note ?? undefined }}
          submit={(v) => api.put(`/plans/${encodeURIComponent(planId)}/targets`, { indicatorCode: ind.code, regionCode: v.regionCode, ...(range ? { min: v.min, max: v.max } : { value: v.value }), baselineValue: v.baselineValue ?? null, note: v.note?.trim() || null })}
          onDone={async (r) => {
            for (const w of r.warnings) message.warning(pick(w, lang), 6);
            await refresh();
          }}
          refresh={['plan-targets']}
          refreshKeys={[[...planExtraKeys.targets(planId)]]}
        >
          {() => (
            <>
              <Form.Item name="regionCode" label={t('region')} rules={[{ required: true, message: t('required') }]}>
                <RegionSelect disabled={!!editing.regionCode} data-testid="target-form-region" />
              </Form.Item>
              {range ? (
                <>
                  <Form.Item name="min" label={`${t('targetMin')}（${ind.unitPrinted}）`} rules={targetRules(t, percent)}>
                    <InputNumber style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item
                    name="max"
                    label={`${t('targetMax')}（${ind.unitPrinted}）`}
                    dependencies={['min']}
                    rules={[
                      ...targetRules(t, percent),
                      ({ getFieldValue }) => ({
                        validator: async (_: unknown, v: unknown) => {
                          const min = getFieldValue('min') as unknown;
                          if (typeof v === 'number' && typeof min === 'number' && min > v) throw new Error(t('minMax'));
                        },
                      }),
                    ]}
                  >
                    <InputNumber style={{ width: '100%' }} />
                  </Form.Item>
                </>
              ) : (
                <Form.Item name="value" label={`${t('targetValue')}（${ind.unitPrinted}${ind.target.kind === 'cumulative' ? '，五年累计' : ''}）`} rules={targetRules(t, percent)}>
                  <InputNumber style={{ width: '100%' }} data-testid="target-form-value" />
                </Form.Item>
              )}
              <Form.Item name="baselineValue" label={`${t('regionBaseline')}（${ind.unitPrinted}）`}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="note" label={t('note')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
    </Space>
  );
}
