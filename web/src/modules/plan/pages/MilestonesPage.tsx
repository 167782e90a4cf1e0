// 年度节点: each year's milestone of an indicator at a region, derived from the five-year target
// (even pace for sums, straight line from the baseline for stocks and rates), beside the
// override where one is set (with who and why); override with a reason, or reset.
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useMessages } from '../../../app/i18n';
import { FormModal } from '../../../ui/FormModal';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import { planExtraKeys, useMilestonePath, usePlanDetail, type MilestonePath } from '../api';
import { IndicatorSelect, PlanFilters, fmt, useIndicatorParam, usePlanParams } from '../components/common';
import { planMessages, type PlanMessageKey } from '../messages';

type Year = MilestonePath['years'][number];
type OverrideForm = { value: number; reason: string };

export default function MilestonesPage() {
  const t = useMessages(planMessages);
  const { can } = useAuth();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const p = usePlanParams({ defaultRegion: 'plan' });
  const detail = usePlanDetail(p.planId);
  const [ind, setIndicator] = useIndicatorParam(detail.data);
  const path = useMilestonePath(p.planId, ind?.code, p.regionCode);
  const [editing, setEditing] = useState<Year | null>(null);
  const planId = p.planId ?? '';
  const data = path.data;
  const region = data?.regionCode ?? p.regionCode ?? '';
  const key = planExtraKeys.milestones(planId, ind?.code ?? '', p.regionCode);

  const reset = useMutation({
    mutationFn: (year: number) => api.delete(`/plans/${encodeURIComponent(planId)}/milestones/${encodeURIComponent(ind!.code)}/${region}/${year}`),
    onSuccess: async () => {
      message.success(t('done'));
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: notifyError,
  });

  const unit = data?.indicator.unit === '%' ? '%' : ` ${data?.indicator.unit ?? ''}`;
  const columns: TableColumnsType<Year> = [
    { title: t('year'), dataIndex: 'year', width: 80 },
    { title: t('derived'), key: 'derived', width: 120, render: (_: unknown, y) => `${fmt(y.derived)}${unit}` },
    {
      title: t('milestoneValue'),
      key: 'value',
      width: 140,
      render: (_: unknown, y) => (
        <strong data-testid={`milestone-value-${y.year}`} style={y.overridden ? { color: '#d48806' } : undefined}>
          {fmt(y.value)}
          {unit}
        </strong>
      ),
    },
    {
      title: t('status'),
      key: 'kind',
      width: 100,
      render: (_: unknown, y) => (y.overridden ? <Tag color="warning" data-testid={`milestone-kind-${y.year}`}>{t('kindOverridden')}</Tag> : <Tag data-testid={`milestone-kind-${y.year}`}>{t('kindDerived')}</Tag>),
    },
    { title: t('reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
    { title: t('setBy'), key: 'by', width: 200, render: (_: unknown, y) => (y.setBy ? `${y.setBy} · ${formatInstant(y.setAt)}` : '') },
    ...(can('plan:manage')
      ? [
          {
            title: '',
            key: 'actions',
            width: 200,
            render: (_: unknown, y: Year) => (
              <Space>
                <Button size="small" onClick={() => setEditing(y)} data-testid={`milestone-edit-${y.year}`}>
                  {t('overrideMilestone')}
                </Button>
                {y.overridden && (
                  <Popconfirm title={t('resetMilestoneConfirm', { year: y.year })} onConfirm={() => reset.mutate(y.year)} okText={t('confirm')} cancelText={t('cancel')}>
                    <Button size="small" data-testid={`milestone-reset-${y.year}`}>
                      {t('resetMilestone')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('milestonesTitle')} data-testid="plan-milestones">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('milestonesHint')}
        </Typography.Paragraph>
        <Space wrap>
          <PlanFilters p={p} year={undefined} showYear={false} />
          <IndicatorSelect detail={detail.data} value={ind?.code} onChange={setIndicator} />
        </Space>
        <ProblemAlert error={detail.error ?? path.error} />
        {data && (
          <Typography.Text>
            {data.regionName ?? data.regionCode} · {data.indicator.name} · {t('targetOf', { target: data.target.printed })}（{t(`targetSource_${data.target.source}` as PlanMessageKey)}）
            {data.baseline ? ` · ${t('baseline')} ${data.baseline.year}: ${fmt(data.baseline.value)}${unit}` : ''}
          </Typography.Text>
        )}
        {data && data.years.length === 0 ? (
          <Typography.Text type="secondary">{t('noMilestones')}</Typography.Text>
        ) : (
          <Table<Year> size="small" rowKey="year" columns={columns} dataSource={data?.years ?? []} loading={path.isPending && !!ind} pagination={false} data-testid="milestones-table" />
        )}
      </Space>
      {editing && ind && (
        <FormModal<OverrideForm, unknown>
          open
          title={t('overrideTitle', { year: editing.year })}
          testid="milestone-form"
          onClose={() => setEditing(null)}
          initialValues={{ value: editing.value ?? undefined, reason: editing.reason ?? '' }}
          submit={(v) => api.put(`/plans/${encodeURIComponent(planId)}/milestones`, { indicatorCode: ind.code, regionCode: region, year: editing.year, value: v.value, reason: v.reason.trim() })}
          refreshKeys={[[...key]]}
        >
          {() => (
            <>
              <Typography.Paragraph type="secondary">
                {t('derived')}: {fmt(editing.derived)}
                {unit}
              </Typography.Paragraph>
              <Form.Item
                name="value"
                label={`${t('milestoneValue')}（${ind.unitPrinted}）`}
                rules={[
                  { required: true, message: t('required') },
                  {
                    validator: async (_: unknown, v: unknown) => {
                      if (typeof v === 'number' && ind.unit === '%' && (v < 0 || v > 100)) throw new Error(t('pctRange'));
                    },
                  },
                ]}
              >
                <InputNumber style={{ width: '100%' }} data-testid="milestone-form-value" />
              </Form.Item>
              <Form.Item name="reason" label={t('overrideReason')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
                <Input.TextArea rows={2} maxLength={500} data-testid="milestone-form-reason" />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
    </Card>
  );
}
