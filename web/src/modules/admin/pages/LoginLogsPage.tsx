// 登录日志: every sign-in attempt, successful or not (等保 2.0 security audit).
import { Card, Tag, Typography } from 'antd';
import { useMessages } from '../../../app/i18n';
import { DataTable } from '../../../ui/DataTable';
import { formatInstant } from '../../../ui/format';
import type { LoginLogEntry } from '../api';
import { adminMessages, type AdminKey } from '../messages';

// The outcomes the server records (server/src/platform/auth/service.ts).
const outcomes = [
  'success',
  'bad_password',
  'bad_password_locked',
  'unknown_user',
  'locked',
  'disabled',
  'mfa_required',
  'bad_totp',
] as const;

export default function LoginLogsPage() {
  const t = useMessages(adminMessages);
  const outcomeLabel = (outcome: string) => {
    const key = `outcome_${outcome}` as AdminKey;
    return key in adminMessages.zh ? t(key) : outcome;
  };
  return (
    <Card title={t('loginLogsTitle')}>
      <DataTable<LoginLogEntry>
        id="login-logs"
        path="/admin/login-logs"
        rowKey={(entry) => entry.id}
        filters={[
          { kind: 'text', name: 'username', label: t('username') },
          {
            kind: 'select',
            name: 'outcome',
            label: t('outcome'),
            width: 180,
            options: outcomes.map((outcome) => ({ value: outcome, label: outcomeLabel(outcome) })),
          },
          { kind: 'dateRange', label: t('dateRange') },
        ]}
        columns={[
          { title: t('at'), dataIndex: 'at', key: 'at', render: (value: string) => formatInstant(value) },
          { title: t('username'), dataIndex: 'username', key: 'username' },
          {
            title: t('outcome'),
            dataIndex: 'outcome',
            key: 'outcome',
            render: (value: string) => <Tag color={value === 'success' ? 'success' : 'error'}>{outcomeLabel(value)}</Tag>,
          },
          { title: t('ip'), dataIndex: 'ip', key: 'ip', render: (value: string | null) => value ?? '—' },
          {
            title: t('userAgent'),
            dataIndex: 'userAgent',
            key: 'userAgent',
            render: (value: string | null) =>
              value ? (
                <Typography.Text ellipsis={{ tooltip: value }} style={{ maxWidth: 280 }}>
                  {value}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
