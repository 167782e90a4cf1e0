// 我的岗位: the employer's own vacancies — post, edit, close (the staff checks and
// de-duplication apply), and the best candidates of each.
import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { yuan, type Vacancy } from '../api';
import { VacancyFormModal } from '../components/SeekerForm';
import { employmentMessages } from '../messages';

const statusColor: Record<Vacancy['status'], string> = { open: 'green', filled: 'blue', closed: 'default', expired: 'orange' };

export default function RecruitVacanciesPage() {
  const t = useMessages(employmentMessages);
  const { t: shell } = useI18n();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Vacancy | 'new' | null>(null);
  const close = useMutation({
    mutationFn: (v: Vacancy) => api.post<Vacancy>(`/portal/recruit/vacancies/${v.id}/close`, { version: v.version }),
    onSuccess: async () => {
      message.success(shell('saved'));
      await queryClient.invalidateQueries({ queryKey: dataTableKey('portal-vacancies') });
    },
    onError: notifyError,
  });
  return (
    <>
      <Typography.Title level={4}>{t('prVacancies')}</Typography.Title>
      <DataTable<Vacancy>
        id="portal-vacancies"
        path="/portal/recruit/vacancies"
        rowKey={(v) => v.id}
        urlState={false}
        filters={[
          { kind: 'text', name: 'q', label: t('title'), width: 160 },
          { kind: 'select', name: 'status', label: t('status'), width: 110, options: (['open', 'filled', 'closed', 'expired'] as const).map((s) => ({ value: s, label: t(`vs_${s}`) })) },
        ]}
        toolbar={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="vacancy-new">
            {t('prNewVacancy')}
          </Button>
        }
        columns={[
          { title: t('title'), dataIndex: 'title', key: 'title', render: (title: string, v) => <Link to={`/portal/recruit/vacancies/${v.id}/candidates`} data-testid={`vacancy-${v.id}`}>{title}</Link> },
          { title: t('occupation'), dataIndex: 'occupationCode', key: 'occupationCode', responsive: ['md'], render: (c: string, v) => `${c} ${v.occupationName ?? ''}` },
          { title: t('region'), dataIndex: 'regionName', key: 'regionName', responsive: ['md'] },
          { title: t('salaryRange'), key: 'salary', render: (_, v) => `${yuan(v.salaryMin)}–${yuan(v.salaryMax)}` },
          { title: t('prFilled'), key: 'filled', render: (_, v) => `${v.filled}/${v.headcount}` },
          { title: t('expiresOn'), dataIndex: 'expiresOn', key: 'expiresOn', responsive: ['sm'], render: formatDate },
          { title: t('status'), dataIndex: 'status', key: 'status', render: (s: Vacancy['status']) => <Tag color={statusColor[s]}>{t(`vs_${s}`)}</Tag> },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, v) => (
              <Space wrap size={4}>
                <Link to={`/portal/recruit/vacancies/${v.id}/candidates`} data-testid={`candidates-${v.id}`}>{t('prCandidates')}</Link>
                {v.status !== 'filled' && (
                  <Button size="small" type="link" onClick={() => setEditing(v)} data-testid={`vacancy-edit-${v.id}`}>
                    {t('prEdit')}
                  </Button>
                )}
                {v.status === 'open' && (
                  <Popconfirm title={t('prCloseConfirm')} onConfirm={() => close.mutate(v)} okButtonProps={{ 'data-testid': `vacancy-close-ok-${v.id}` }}>
                    <Button size="small" type="link" danger data-testid={`vacancy-close-${v.id}`}>
                      {t('prClose')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <VacancyFormModal portal vacancy={editing === 'new' ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
    </>
  );
}
