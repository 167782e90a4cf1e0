// 审计日志: the append-only, SM3 hash-chained log of every write and every read of a
// person's detail. "Verify chain" recomputes the chain on the server and reports breaks.
import { useState } from 'react';
import { Alert, Button, Card, Modal, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { pick, useI18n, useMessages } from '../../../app/i18n';
import { DataTable } from '../../../ui/DataTable';
import { useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatInstant, testId } from '../../../ui/format';
import type { AuditEntry, AuditVerifyResult } from '../api';
import { adminMessages, type AdminKey } from '../messages';

function VerifyResultModal({ result, onClose }: { result: AuditVerifyResult; onClose: () => void }) {
  const t = useMessages(adminMessages);
  const { lang } = useI18n();
  return (
    <Modal
      open
      width={720}
      title={t('verifyTitle')}
      onCancel={onClose}
      onOk={onClose}
      okText={t('close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      okButtonProps={testId('audit-verify-close')}
    >
      <Alert
        type={result.ok ? 'success' : 'error'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          result.ok
            ? t('verifyOk', { checked: result.checked })
            : t('verifyFailed', { checked: result.checked, count: result.problems.length })
        }
        data-testid="audit-verify-result"
      />
      {result.problems.length > 0 && (
        <Table
          size="small"
          rowKey={(problem) => `${problem.seq}-${problem.kind}`}
          dataSource={result.problems}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('seq'), dataIndex: 'seq', key: 'seq', width: 100 },
            {
              title: t('problem'),
              dataIndex: 'kind',
              key: 'kind',
              width: 120,
              render: (kind: string) => {
                const key = `kind_${kind}` as AdminKey;
                return <Tag color="error">{key in adminMessages.zh ? t(key) : kind}</Tag>;
              },
            },
            {
              title: t('detail'),
              dataIndex: 'message',
              key: 'message',
              render: (value: AuditVerifyResult['problems'][number]['message']) =>
                typeof value === 'string' ? value : pick(value, lang),
            },
          ]}
        />
      )}
    </Modal>
  );
}

export default function AuditPage() {
  const t = useMessages(adminMessages);
  const notifyError = useErrorNotifier();
  const [result, setResult] = useState<AuditVerifyResult | null>(null);

  const verify = useMutation({
    mutationFn: () => api.post<AuditVerifyResult>('/audit/verify'),
    onSuccess: setResult,
    onError: notifyError,
  });

  return (
    <Card title={t('auditTitle')}>
      <DataTable<AuditEntry>
        id="audit"
        path="/audit"
        exportable
        exportName="audit"
        rowKey={(entry) => entry.seq}
        filters={[
          { kind: 'text', name: 'actor', label: t('actor'), width: 140 },
          { kind: 'text', name: 'action', label: t('action'), placeholder: 'registry.person.read', width: 200 },
          { kind: 'text', name: 'targetType', label: t('targetType'), placeholder: 'person', width: 140 },
          {
            kind: 'select',
            name: 'outcome',
            label: t('outcome'),
            options: (['success', 'failure', 'denied'] as const).map((o) => ({ value: o, label: t(`outcome_${o}`) })),
          },
          { kind: 'dateRange', label: t('dateRange') },
        ]}
        toolbar={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="audit-verify"
          >
            {t('verify')}
          </Button>
        }
        expandable={{
          rowExpandable: (entry) => entry.detail !== null && entry.detail !== undefined,
          expandedRowRender: (entry) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
              {JSON.stringify(entry.detail, null, 2)}
            </pre>
          ),
        }}
        columns={[
          { title: t('seq'), dataIndex: 'seq', key: 'seq', width: 90 },
          { title: t('at'), dataIndex: 'at', key: 'at', render: (value: string) => formatInstant(value) },
          { title: t('actor'), key: 'actor', render: (_, entry) => entry.actorName || (entry.actorId ?? '—') },
          { title: t('action'), dataIndex: 'action', key: 'action', render: (value: string) => <code>{value}</code> },
          {
            title: t('target'),
            key: 'target',
            render: (_, entry) => (entry.targetType ? `${entry.targetType}${entry.targetId !== null ? ` #${entry.targetId}` : ''}` : '—'),
          },
          {
            title: t('outcome'),
            dataIndex: 'outcome',
            key: 'outcome',
            render: (value: string) => {
              const key = `outcome_${value}` as AdminKey;
              const label = key in adminMessages.zh ? t(key) : value;
              return <Tag color={value === 'success' ? 'success' : value === 'denied' ? 'warning' : 'error'}>{label}</Tag>;
            },
          },
          { title: t('ip'), dataIndex: 'ip', key: 'ip', render: (value: string | null) => value ?? '—' },
          {
            title: t('requestId'),
            dataIndex: 'requestId',
            key: 'requestId',
            render: (value: string | null) =>
              value ? (
                <Typography.Text copyable style={{ fontSize: 12 }}>
                  {value}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {result && <VerifyResultModal result={result} onClose={() => setResult(null)} />}
    </Card>
  );
}
