// 失业风险预警: warnings with their evidence, owner and follow-ups; the versioned rules.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Form, Input, List, Select, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { pick, useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import type { Warning, WarningRule } from '../api';
import { levelColor } from '../components/common';
import { FormModal } from '../components/FormModal';
import { employmentMessages } from '../messages';
import { employmentPermissions } from '../permissions';

const actions = ['note', 'assign', 'acknowledge', 'close', 'reopen'] as const;

function WarningDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const key = ['employment', 'warning', id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<Warning>(`/employment/warnings/${id}`, undefined, signal) });
  const [acting, setActing] = useState(false);
  const w = q.data;
  return (
    <Drawer open size="large" title={t('warningsTitle')} onClose={onClose}>
      <ProblemAlert error={q.error} />
      {w && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('rule')}>{t(`rk_${w.ruleKey}`)} v{w.ruleVersion}</Descriptions.Item>
            <Descriptions.Item label={t('level')}><Tag color={levelColor[w.level]}>{t(`lv_${w.level}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('region')}>{w.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>{t(`ws_${w.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('owner')}>{w.ownerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('date')}>{w.asOf}</Descriptions.Item>
            <Descriptions.Item label={t('evidence')} span={2}>
              <Typography.Paragraph>{pick(w.evidence.summary, lang)}</Typography.Paragraph>
              <Space wrap>{Object.entries(w.evidence.figures).map(([k, v]) => <Tag key={k}>{k}: {v}</Tag>)}</Space>
              <List size="small" dataSource={w.evidence.records} renderItem={(r) => <List.Item>#{r.id} {r.label}</List.Item>} />
            </Descriptions.Item>
          </Descriptions>
          {can(employmentPermissions.warning) && <Button style={{ margin: '16px 0' }} type="primary" onClick={() => setActing(true)} data-testid="warning-followup">{t('addFollowup')}</Button>}
          <Timeline items={(w.followups ?? []).map((f) => ({ children: <><b>{formatInstant(f.at)}</b> {f.actorName} · {t(`fa_${f.action}` as 'fa_note')}<div>{f.note}</div></> }))} />
          <FormModal<{ action: (typeof actions)[number]; note: string }>
            title={t('addFollowup')}
            open={acting}
            onClose={() => setActing(false)}
            testid="warning-followup-form"
            refresh={['employment-warnings']}
            refreshKeys={[key]}
            initialValues={{ action: w.ownerName ? 'note' : 'assign' }}
            submit={(v) => api.post(`/employment/warnings/${id}/followups`, { ...v, version: w.version })}
          >
            {() => (
              <>
                <Form.Item name="action" label={t('actions')}><Select options={actions.map((a) => ({ value: a, label: t(`fa_${a}`) }))} /></Form.Item>
                <Form.Item name="note" label={t('note')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
              </>
            )}
          </FormModal>
        </>
      )}
    </Drawer>
  );
}

function RulesTab() {
  const t = useMessages(employmentMessages);
  const q = useQuery({ queryKey: ['employment', 'warning-rules'], queryFn: ({ signal }) => api.get<WarningRule[]>('/employment/warning-rules', undefined, signal) });
  const [publishing, setPublishing] = useState(false);
  const parse = (s: string | undefined) => (s && s.trim() ? (JSON.parse(s) as Record<string, unknown>) : {});
  return (
    <>
      <ProblemAlert error={q.error} />
      <Button type="primary" onClick={() => setPublishing(true)} style={{ marginBottom: 12 }}>{t('newVersion')}</Button>
      <Table<WarningRule>
        rowKey="id"
        size="small"
        dataSource={q.data ?? []}
        pagination={false}
        columns={[
          { title: t('rule'), dataIndex: 'key', render: (k: string) => t(`rk_${k}` as 'rk_layoff_reports') },
          { title: t('version'), dataIndex: 'version' },
          { title: t('active'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('active')}</Tag> : null) },
          { title: t('params'), dataIndex: 'params', render: (p: object) => <code>{JSON.stringify(p)}</code> },
          { title: t('regionParams'), dataIndex: 'regionParams', render: (p: object) => <code>{JSON.stringify(p)}</code> },
          { title: t('date'), dataIndex: 'createdAt', render: formatInstant },
        ]}
      />
      <FormModal<{ key: string; params?: string; regionParams?: string }>
        title={t('newVersion')}
        open={publishing}
        onClose={() => setPublishing(false)}
        testid="rule-form"
        refreshKeys={[['employment', 'warning-rules']]}
        initialValues={{ key: 'unemployed_growth' }}
        submit={(v) => api.post('/employment/warning-rules', { key: v.key, params: parse(v.params), regionParams: parse(v.regionParams) })}
      >
        {() => (
          <>
            <Form.Item name="key" label={t('rule')}>
              <Select options={(['unemployed_growth', 'layoff_reports', 'contribution_stops'] as const).map((k) => ({ value: k, label: t(`rk_${k}`) }))} />
            </Form.Item>
            <Form.Item name="params" label={t('params')} extra={t('paramsHint')}><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="regionParams" label={t('regionParams')} extra={t('regionParamsHint')}><Input.TextArea rows={3} /></Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}

export default function WarningsPage() {
  const t = useMessages(employmentMessages);
  const { can } = useAuth();
  const { me } = useAuth();
  const { regionCode } = useRegion();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const [openId, setOpenId] = useState<number | null>(null);
  const evaluate = useMutation({
    mutationFn: () => api.post<{ created: number; updated: number }>('/employment/warnings/evaluate', { regionCode: regionCode ?? me?.regionCode }),
    onSuccess: async (r) => {
      message.success(t('evaluated', r));
      await queryClient.invalidateQueries({ queryKey: dataTableKey('employment-warnings') });
    },
    onError: notifyError,
  });
  const list = (
    <DataTable<Warning>
      id="employment-warnings"
      path="/employment/warnings"
      rowKey={(w) => w.id}
      params={{ regionCode }}
      onRowClick={(w) => setOpenId(w.id)}
      filters={[
        { kind: 'region', name: 'regionCode', label: t('region') },
        { kind: 'select', name: 'status', label: t('status'), width: 120, options: (['open', 'acknowledged', 'closed'] as const).map((s) => ({ value: s, label: t(`ws_${s}`) })) },
      ]}
      toolbar={can(employmentPermissions.warning) && <Button onClick={() => evaluate.mutate()} loading={evaluate.isPending} data-testid="warnings-evaluate">{t('evaluateNow')}</Button>}
      columns={[
        { title: t('level'), dataIndex: 'level', key: 'level', render: (l: Warning['level']) => <Tag color={levelColor[l]}>{t(`lv_${l}`)}</Tag> },
        { title: t('rule'), dataIndex: 'ruleKey', key: 'ruleKey', render: (k: Warning['ruleKey'], w) => `${t(`rk_${k}`)} v${w.ruleVersion}` },
        { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
        { title: t('evidence'), key: 'evidence', render: (_, w) => <WarningSummary w={w} /> },
        { title: t('owner'), dataIndex: 'ownerName', key: 'ownerName', render: (v: string | null) => v ?? '—' },
        { title: t('status'), dataIndex: 'status', key: 'status', render: (s: Warning['status']) => t(`ws_${s}`) },
        { title: t('date'), dataIndex: 'updatedAt', key: 'updatedAt', render: formatInstant },
      ]}
    />
  );
  return (
    <Card title={t('warningsTitle')}>
      {can(employmentPermissions.warning) ? <Tabs items={[{ key: 'w', label: t('warningsTitle'), children: list }, { key: 'r', label: t('rules'), children: <RulesTab /> }]} /> : list}
      {openId !== null && <WarningDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}

function WarningSummary({ w }: { w: Warning }) {
  const { lang } = useI18n();
  return <Typography.Text ellipsis style={{ maxWidth: 420 }}>{pick(w.evidence.summary, lang)}</Typography.Text>;
}
