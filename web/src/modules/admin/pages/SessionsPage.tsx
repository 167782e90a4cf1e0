// 在线会话: who is signed in now; a security administrator can end a session.
import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatInstant, testId } from '../../../ui/format';
import type { Session } from '../api';
import { adminMessages } from '../messages';

export default function SessionsPage() {
  const t = useMessages(adminMessages);
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();

  const forceLogout = useMutation({
    mutationFn: (session: Session) => api.delete(`/admin/sessions/${encodeURIComponent(session.id)}`),
    onSuccess: async () => {
      message.success(t('forcedOut'));
      await queryClient.invalidateQueries({ queryKey: dataTableKey('sessions') });
    },
    onError: notifyError,
  });

  return (
    <Card title={t('sessionsTitle')}>
      <DataTable<Session>
        id="sessions"
        path="/admin/sessions"
        rowKey={(session) => session.id}
        urlState={false}
        columns={[
          {
            title: t('username'),
            dataIndex: 'username',
            key: 'username',
            render: (value: string, session) => (
              <Space>
                {value}
                {session.current && <Tag color="blue">{t('currentSession')}</Tag>}
              </Space>
            ),
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
          { title: t('createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (value: string) => formatInstant(value) },
          { title: t('lastSeenAt'), dataIndex: 'lastSeenAt', key: 'lastSeenAt', render: (value: string) => formatInstant(value) },
          {
            title: t('actions'),
            key: 'actions',
            // Ending one's own session is "sign out", in the user menu.
            render: (_, session) =>
              session.current ? null : (
              <Popconfirm
                title={t('confirmForceLogout', { name: session.username })}
                onConfirm={() => forceLogout.mutateAsync(session).catch(() => undefined)}
                okButtonProps={testId('session-logout-confirm')}
              >
                <Button type="link" size="small" danger data-testid={`session-logout-${session.id}`}>
                  {t('forceLogout')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
