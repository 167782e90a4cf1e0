// 收到的申请: applications and referrals to the employer's vacancies, masked, with the outcome
// buttons — invite to interview, reject, hire (a hire registers the employment on the server).
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatDate, formatInstant } from '../../../ui/format';
import { employmentMessages } from '../messages';
import { recruitKey, type ReceivedApplication } from './api';
import { statusColor } from './ApplicationsPage';
import { CandidateFacts } from './RecruitCandidatesPage';

type Decision = 'interview' | 'rejected' | 'hired';
const open = (s: ReceivedApplication['status']) => s === 'applied' || s === 'proposed' || s === 'interview';

export default function RecruitApplicationsPage() {
  const t = useMessages(employmentMessages);
  const { t: shell } = useI18n();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: ({ p, status }: { p: ReceivedApplication; status: Decision }) => api.post(`/portal/recruit/applications/${p.id}/outcome`, { status, version: p.version }),
    onSuccess: async () => {
      message.success(shell('saved'));
      await Promise.all([queryClient.invalidateQueries({ queryKey: dataTableKey('portal-applications') }), queryClient.invalidateQueries({ queryKey: recruitKey })]);
    },
    onError: notifyError,
  });
  const busy = (p: ReceivedApplication, s: Decision) => decide.isPending && decide.variables?.p.id === p.id && decide.variables.status === s;
  return (
    <>
      <Typography.Title level={4}>{t('prApplications')}</Typography.Title>
      <DataTable<ReceivedApplication>
        id="portal-applications"
        path="/portal/recruit/applications"
        rowKey={(p) => p.id}
        urlState={false}
        filters={[{ kind: 'select', name: 'status', label: t('status'), width: 110, options: (['applied', 'interview', 'hired', 'rejected', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`ps_${s}`) })) }]}
        columns={[
          { title: t('title'), dataIndex: 'vacancyTitle', key: 'vacancyTitle' },
          { title: t('prCandidate'), key: 'candidate', render: (_, p) => (p.candidate ? <CandidateFacts c={p.candidate} /> : p.maskedName) },
          { title: t('kind'), dataIndex: 'kind', key: 'kind', responsive: ['md'], render: (k: ReceivedApplication['kind']) => t(`pk_${k}`) },
          { title: t('score'), dataIndex: 'score', key: 'score', responsive: ['sm'] },
          { title: t('status'), dataIndex: 'status', key: 'status', render: (s: ReceivedApplication['status'], p) => <Tag color={statusColor[s]} data-testid={`received-status-${p.id}`}>{t(`ps_${s}`)}{p.outcomeDate ? ` ${formatDate(p.outcomeDate)}` : ''}</Tag> },
          { title: t('date'), dataIndex: 'createdAt', key: 'createdAt', responsive: ['md'], render: formatInstant },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, p) =>
              open(p.status) ? (
                <Space wrap size={4}>
                  {p.status !== 'interview' && (
                    <Button size="small" loading={busy(p, 'interview')} onClick={() => decide.mutate({ p, status: 'interview' })} data-testid={`invite-${p.id}`}>
                      {t('prInvite')}
                    </Button>
                  )}
                  <Popconfirm title={t('prHireConfirm')} onConfirm={() => decide.mutate({ p, status: 'hired' })} okButtonProps={{ 'data-testid': `hire-ok-${p.id}` }}>
                    <Button size="small" type="primary" loading={busy(p, 'hired')} data-testid={`hire-${p.id}`}>
                      {t('prHire')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm title={t('prRejectConfirm')} onConfirm={() => decide.mutate({ p, status: 'rejected' })} okButtonProps={{ 'data-testid': `reject-ok-${p.id}` }}>
                    <Button size="small" danger loading={busy(p, 'rejected')} data-testid={`reject-${p.id}`}>
                      {t('prReject')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
    </>
  );
}
