// 基金监督: the versioned rules (run now), their hits with the evidence, and the follow-up.
import { useState } from 'react';
import { Button, Card, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import { yuan, type Hit, type Rule } from '../api';
import { FormModal, StatusTag } from '../components';
import { insuranceMessages } from '../messages';

export default function SupervisionPage() {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const { regionCode } = useRegion();
  const notify = useErrorNotifier();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: ['insurance', 'rules'], queryFn: ({ signal }) => api.get<Rule[]>('/insurance/supervision/rules', undefined, signal) });
  const [open, setOpen] = useState<Hit | null>(null);
  const [resolving, setResolving] = useState<Hit | null>(null);
  const run = useMutation({
    mutationFn: (keys: string[]) => api.post<{ rule: string; found: number; added: number }[]>('/insurance/supervision/runs', { rules: keys }),
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: dataTableKey('insurance-hits') });
      Modal.info({ title: t('runNow'), content: r.map((x) => `${x.rule}: ${t('found')} ${x.found}, ${t('added')} ${x.added}`).join('\n') });
    },
    onError: notify,
  });
  const ruleName = (key: string) => rules.data?.find((r) => r.key === key)?.name[lang] ?? key;
  return (
    <Card title={t('supervisionTitle')}>
      <ProblemAlert error={rules.error} />
      <Table<Rule>
        size="small"
        rowKey="key"
        pagination={false}
        title={() => (
          <Space>
            {t('rules')}
            <Button size="small" type="primary" loading={run.isPending} onClick={() => run.mutate((rules.data ?? []).map((r) => r.key))} data-testid="ins-run-all">{t('runAll')}</Button>
          </Space>
        )}
        dataSource={rules.data ?? []}
        columns={[
          { title: t('rule'), render: (_, r) => <>{r.name[lang]} <Tag>v{r.version}</Tag></> },
          { title: t('note'), render: (_, r) => r.description[lang] },
          { title: t('clause'), dataIndex: 'basis' },
          { title: 'cron', dataIndex: 'cron', render: (v: string) => <code>{v}</code> },
          { title: t('actions'), render: (_, r) => <Button size="small" onClick={() => run.mutate([r.key])}>{t('runNow')}</Button> },
        ]}
        style={{ marginBottom: 16 }}
      />
      <DataTable<Hit>
        id="insurance-hits"
        path="/insurance/supervision/hits"
        rowKey={(r) => r.id}
        params={{ regionCode }}
        onRowClick={setOpen}
        filters={[
          { kind: 'select', name: 'ruleKey', label: t('rule'), width: 200, options: (rules.data ?? []).map((r) => ({ value: r.key, label: r.name[lang] })) },
          { kind: 'select', name: 'status', label: t('status'), width: 120, options: ['open', 'confirmed', 'dismissed', 'closed'].map((x) => ({ value: x, label: t(x as 'open') })) },
          { kind: 'region', name: 'regionCode', label: t('region') },
        ]}
        columns={[
          { title: t('rule'), dataIndex: 'ruleKey', key: 'ruleKey', render: (v: string, r) => <>{ruleName(v)} <Tag>v{r.ruleVersion}</Tag></> },
          { title: t('person'), key: 'who', render: (_, r) => (r.personId ? <Link to={`/insurance/persons/${r.personId}`} onClick={(e) => e.stopPropagation()}>{r.personName}</Link> : r.employerId ? <Link to={`/insurance/employers/${r.employerId}`} onClick={(e) => e.stopPropagation()}>{r.employerName}</Link> : '—') },
          { title: t('amountYuan'), dataIndex: 'amountFen', key: 'amountFen', align: 'right', render: yuan },
          { title: t('detectedAt'), dataIndex: 'detectedAt', key: 'detectedAt', render: formatInstant },
          { title: t('status'), dataIndex: 'status', key: 'status', render: (v: string) => <StatusTag status={v} text={t(v as 'open')} /> },
          { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="large" title={open ? ruleName(open.ruleKey) : ''}>
        {open && (
          <>
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('rule')}>{open.ruleKey}@{open.ruleVersion}</Descriptions.Item>
              <Descriptions.Item label={t('status')}><StatusTag status={open.status} text={t(open.status as 'open')} /></Descriptions.Item>
              <Descriptions.Item label={t('amountYuan')}>{yuan(open.amountFen)}</Descriptions.Item>
              <Descriptions.Item label={t('detectedAt')}>{formatInstant(open.detectedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('resolution')} span={2}>{open.resolution ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Card size="small" title={t('evidence')}>
              <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }} data-testid="ins-hit-evidence">{JSON.stringify(open.evidence, null, 2)}</pre>
            </Card>
            {(open.status === 'open' || open.status === 'confirmed') && (
              <Button type="primary" style={{ marginTop: 12 }} onClick={() => setResolving(open)}>{t('resolve')}</Button>
            )}
          </>
        )}
      </Drawer>
      <FormModal<{ status: string; resolution: string }>
        title={t('resolve')}
        open={resolving !== null}
        onClose={() => setResolving(null)}
        testid="ins-resolve-hit"
        refresh={['insurance-hits']}
        initialValues={{ status: 'confirmed' }}
        submit={(v) => api.post(`/insurance/supervision/hits/${resolving!.id}/resolve`, { ...v, version: resolving!.version })}
        onDone={() => setOpen(null)}
      >
        {() => (
          <>
            <Form.Item name="status" label={t('status')}><Select options={['confirmed', 'dismissed', 'closed'].map((x) => ({ value: x, label: t(x as 'open') }))} /></Form.Item>
            <Form.Item name="resolution" label={t('resolution')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
