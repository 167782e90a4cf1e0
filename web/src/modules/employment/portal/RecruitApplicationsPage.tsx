// 收到的申请: applications and referrals to the employer's vacancies, masked, as cards for a
// phone, with the outcome buttons — invite to interview, reject, hire (a hire registers the
// employment on the server).
import { useState } from 'react';
import { App, Button, Card, Empty, List, Pagination, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatDate, formatInstant } from '../../../ui/format';
import { ScoreTag } from '../components/MatchReasons';
import { employmentMessages } from '../messages';
import { recruitKey, type ReceivedApplication } from './api';
import { statusColor } from './ApplicationsPage';
import { CandidateFacts } from './RecruitCandidatesPage';

type Decision = 'interview' | 'rejected' | 'hired';
const undecided = (s: ReceivedApplication['status']) => s === 'applied' || s === 'proposed' || s === 'interview';
const PAGE = 20;

export default function RecruitApplicationsPage() {
  const t = useMessages(employmentMessages);
  const { t: shell } = useI18n();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ReceivedApplication['status'] | undefined>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [...recruitKey, 'applications', status, page],
    queryFn: ({ signal }) => api.get<Page<ReceivedApplication>>('/portal/recruit/applications', { status, page, pageSize: PAGE }, signal),
    placeholderData: keepPreviousData,
  });
  const decide = useMutation({
    mutationFn: ({ p, status: s }: { p: ReceivedApplication; status: Decision }) => api.post(`/portal/recruit/applications/${p.id}/outcome`, { status: s, version: p.version }),
    onSuccess: async () => {
      message.success(shell('saved'));
      await queryClient.invalidateQueries({ queryKey: recruitKey });
    },
    onError: notifyError,
  });
  const busy = (p: ReceivedApplication, s: Decision) => decide.isPending && decide.variables?.p.id === p.id && decide.variables.status === s;
  const actions = (p: ReceivedApplication) =>
    undecided(p.status)
      ? [
          ...(p.status !== 'interview'
            ? [
                <Button key="invite" size="small" loading={busy(p, 'interview')} onClick={() => decide.mutate({ p, status: 'interview' })} data-testid={`invite-${p.id}`}>
                  {t('prInvite')}
                </Button>,
              ]
            : []),
          <Popconfirm key="hire" title={t('prHireConfirm')} onConfirm={() => decide.mutate({ p, status: 'hired' })} okButtonProps={{ 'data-testid': `hire-ok-${p.id}` }}>
            <Button size="small" type="primary" loading={busy(p, 'hired')} data-testid={`hire-${p.id}`}>
              {t('prHire')}
            </Button>
          </Popconfirm>,
          <Popconfirm key="reject" title={t('prRejectConfirm')} onConfirm={() => decide.mutate({ p, status: 'rejected' })} okButtonProps={{ 'data-testid': `reject-ok-${p.id}` }}>
            <Button size="small" danger loading={busy(p, 'rejected')} data-testid={`reject-${p.id}`}>
              {t('prReject')}
            </Button>
          </Popconfirm>,
        ]
      : undefined;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('prApplications')}</Typography.Title>
      <Select
        allowClear
        placeholder={t('status')}
        style={{ width: 160 }}
        value={status}
        onChange={(v) => {
          setPage(1);
          setStatus(v);
        }}
        options={(['applied', 'interview', 'hired', 'rejected', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`ps_${s}`) }))}
      />
      <ProblemAlert error={list.error} />
      <List
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('none')} /> }}
        data-testid="received-applications"
        renderItem={(p) => (
          <List.Item key={p.id}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={<Space wrap><ScoreTag score={p.score} /><span>{p.vacancyTitle}</span></Space>}
              extra={<Tag color={statusColor[p.status]} data-testid={`received-status-${p.id}`}>{t(`ps_${p.status}`)}{p.outcomeDate ? ` ${formatDate(p.outcomeDate)}` : ''}</Tag>}
              actions={actions(p)}
            >
              <Space orientation="vertical" size={4}>
                {p.candidate ? <CandidateFacts c={p.candidate} /> : <Typography.Text strong>{p.maskedName}</Typography.Text>}
                <Typography.Text type="secondary">{t(`pk_${p.kind}`)} · {formatInstant(p.createdAt)}</Typography.Text>
              </Space>
            </Card>
          </List.Item>
        )}
      />
      {list.data && list.data.total > PAGE && <Pagination simple current={page} pageSize={PAGE} total={list.data.total} onChange={setPage} />}
    </Space>
  );
}
