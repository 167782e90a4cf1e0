// 数据填报: one region and year, laid out like the plan table; save drafts, submit all,
// correct an approved value (with a reason), see why a value was sent back.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Space, Spin, Table, Typography } from 'antd';
import { CloudUploadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useMessages } from '../../../app/i18n';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { planKeys, useValueForm, type ReportedValue, type ValueForm } from '../api';
import { ValueHistory } from '../components/ValueHistory';
import { PlanFilters, RevisionTag, fmt, usePlanParams } from '../components/common';
import { planMessages } from '../messages';

type FormRow = ValueForm['rows'][number] & { key: string; groupRow?: string };

export default function ValuesEntryPage() {
  const t = useMessages(planMessages);
  const { can } = useAuth();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const p = usePlanParams();
  const year = p.year ?? (p.plan ? Math.min(Math.max(new Date().getFullYear() - 1, p.plan.period.start), p.plan.period.end) : undefined);
  const form = useValueForm(p.planId, p.regionCode, year);
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const [correcting, setCorrecting] = useState<ReportedValue | null>(null);
  const [history, setHistory] = useState<number | null>(null);
  const [correctForm] = Form.useForm<{ value: number; reason: string }>();

  useEffect(() => setDraft({}), [p.planId, p.regionCode, year]);

  const invalidate = () => queryClient.invalidateQueries({ queryKey: planKeys.all });
  const save = useMutation({
    mutationFn: () =>
      api.put(`/plans/${encodeURIComponent(p.planId!)}/values`, {
        regionCode: p.regionCode,
        year,
        values: Object.entries(draft)
          .filter(([, v]) => v !== null && v !== undefined)
          .map(([indicatorCode, value]) => ({ indicatorCode, value })),
      }),
    onSuccess: async () => {
      message.success(t('saved'));
      setDraft({});
      await invalidate();
    },
    onError: notifyError,
  });
  const submitAll = useMutation({
    mutationFn: () => api.post<{ submitted: number[] }>(`/plans/${encodeURIComponent(p.planId!)}/values/submit`, { regionCode: p.regionCode, year }),
    onSuccess: async (r) => {
      message.success(t('submitted', { n: r.submitted.length }));
      await invalidate();
    },
    onError: notifyError,
  });
  const correct = useMutation({
    mutationFn: (v: { value: number; reason: string }) => api.post(`/plans/${encodeURIComponent(p.planId!)}/values/${correcting!.id}/correct`, v),
    onSuccess: async () => {
      setCorrecting(null);
      correctForm.resetFields();
      message.success(t('done'));
      await invalidate();
    },
    onError: notifyError,
  });

  const rows: FormRow[] = useMemo(() => {
    const out: FormRow[] = [];
    let group = '';
    for (const r of form.data?.rows ?? []) {
      if (r.groupKey !== group) {
        group = r.groupKey;
        out.push({ ...r, key: `g-${r.groupKey}`, groupRow: r.groupName });
      }
      out.push({ ...r, key: r.code });
    }
    return out;
  }, [form.data]);

  const editable = (v: ReportedValue | null) => !v || v.actions.includes('edit') || (!v.open && !v.approved);
  const dirty = Object.values(draft).some((v) => v !== null && v !== undefined);
  const span = (r: FormRow) => (r.groupRow ? { colSpan: 0 } : {});

  return (
    <Card
      title={t('valuesTitle')}
      extra={
        <Space>
          {can('import:run') && (
            <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/imports?kind=plan-values')} data-testid="values-import">
              {t('importExcel')}
            </Button>
          )}
          <Button icon={<SaveOutlined />} type="primary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()} data-testid="values-save">
            {t('save')}
          </Button>
          <Button icon={<SendOutlined />} loading={submitAll.isPending} onClick={() => submitAll.mutate()} data-testid="values-submit-all">
            {t('submitAll')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('valuesHint')}</Typography.Paragraph>
        <PlanFilters p={p} year={year} allowPlanRegion={false} />
        <ProblemAlert error={form.error} />
        {form.isPending && p.planId && <Spin />}
        {form.data && rows.length === 0 && <Empty description={t('noReported')} />}
        {form.data && rows.length > 0 && (
          <Table<FormRow>
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            dataSource={rows}
            data-testid="values-form"
            columns={[
              {
                title: t('indicator'),
                dataIndex: 'name',
                width: 320,
                onCell: (r) => (r.groupRow ? { colSpan: 6 } : {}),
                render: (name: string, r) => (r.groupRow ? <strong>{r.groupRow}</strong> : `${r.row !== null ? `${r.row}.` : `${r.code} `}${name}（${r.unitPrinted}）`),
              },
              { title: t('target'), dataIndex: 'target', width: 120, onCell: span },
              {
                title: t('currentValue'),
                key: 'current',
                width: 200,
                onCell: span,
                render: (_: unknown, r) => {
                  const v = r.value;
                  if (!v) return '—';
                  return (
                    <Space orientation="vertical" size={0}>
                      <Space>
                        <a onClick={() => setHistory(v.id)}>{fmt(v.open?.value ?? v.approved?.value)}</a>
                        <RevisionTag status={v.status} />
                      </Space>
                      {v.open && v.approved && <Typography.Text type="secondary">{`${t('rev_approved')} ${fmt(v.approved.value)}`}</Typography.Text>}
                      {v.open?.returnReason && v.status === 'returned' && <Typography.Text type="warning">{t('returnedBecause', { reason: v.open.returnReason })}</Typography.Text>}
                    </Space>
                  );
                },
              },
              {
                title: t('newValue'),
                key: 'input',
                width: 160,
                onCell: span,
                render: (_: unknown, r) =>
                  editable(r.value) ? (
                    <InputNumber
                      style={{ width: 140 }}
                      value={draft[r.code] ?? undefined}
                      placeholder={r.unit}
                      min={0}
                      max={r.unit === '%' ? 100 : undefined}
                      onChange={(v) => setDraft((d) => ({ ...d, [r.code]: v === null ? null : Number(v) }))}
                      data-testid={`value-input-${r.code}`}
                    />
                  ) : r.value?.status === 'approved' ? (
                    <Typography.Text type="secondary" data-testid={`value-locked-${r.code}`}>
                      {t('lockedApproved')}
                    </Typography.Text>
                  ) : null,
              },
              {
                title: '',
                key: 'actions',
                onCell: span,
                render: (_: unknown, r) =>
                  r.value?.actions.includes('correct') ? (
                    <Button size="small" onClick={() => setCorrecting(r.value)} data-testid={`value-correct-${r.code}`}>
                      {t('act_correct')}
                    </Button>
                  ) : null,
              },
              { title: '', key: 'pad', width: 1, onCell: span, render: () => null },
            ]}
          />
        )}
      </Space>
      <Modal
        open={correcting !== null}
        title={t('correctTitle')}
        okText={t('confirm')}
        cancelText={t('cancel')}
        confirmLoading={correct.isPending}
        onCancel={() => setCorrecting(null)}
        onOk={() => correctForm.validateFields().then((v) => correct.mutate(v))}
      >
        <Form form={correctForm} layout="vertical">
          <Form.Item name="value" label={t('correctValue')} rules={[{ required: true }]}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('correctReason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      {p.planId && <ValueHistory planId={p.planId} id={history} onClose={() => setHistory(null)} />}
    </Card>
  );
}
