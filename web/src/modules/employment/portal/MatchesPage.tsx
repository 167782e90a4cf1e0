// 推荐岗位: open vacancies matching the seeker's own profile, each with the reasons of its score
// and what would raise it; apply with one tap (refusals come back with their reason).
import { App, Button, Card, Collapse, Empty, List, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { yuan } from '../api';
import { FormulaNote, MatchReasons, ScoreTag } from '../components/MatchReasons';
import { employmentMessages } from '../messages';
import { jobsKey, type PortalMatch } from './api';

export default function MatchesPage() {
  const t = useMessages(employmentMessages);
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const matches = useQuery({ queryKey: [...jobsKey, 'matches'], queryFn: ({ signal }) => api.get<{ items: PortalMatch[] }>('/portal/jobs/matches', undefined, signal) });
  const apply = useMutation({
    mutationFn: (vacancyId: number) => api.post('/portal/jobs/applications', { vacancyId }),
    onSuccess: async () => {
      message.success(t('pjApplyDone'));
      await queryClient.invalidateQueries({ queryKey: jobsKey });
    },
    onError: notifyError,
  });
  // No profile yet: say what to do instead of showing an error.
  if (isApiError(matches.error) && matches.error.code === 'INVALID_STATE') {
    return <Empty description={<Link to="/portal/jobs/profile">{t('pjFillFirst')}</Link>} />;
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('pjMatches')}</Typography.Title>
      <FormulaNote />
      <ProblemAlert error={matches.error} />
      <List
        loading={matches.isLoading}
        dataSource={matches.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('pjNoMatches')} /> }}
        renderItem={(m) => (
          <List.Item key={m.vacancyId} data-testid={`match-${m.vacancyId}`}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={<Space wrap><ScoreTag score={m.score} /><span>{m.title}</span></Space>}
              extra={
                m.applied ? (
                  <Tag color="blue" data-testid={`applied-${m.vacancyId}`}>{t(`ps_${m.applied}`)}</Tag>
                ) : (
                  <Button type="primary" size="small" loading={apply.isPending && apply.variables === m.vacancyId} onClick={() => apply.mutate(m.vacancyId)} data-testid={`apply-${m.vacancyId}`}>
                    {t('pjApply')}
                  </Button>
                )
              }
            >
              <Space wrap>
                <span>{m.employerName}</span>
                <Tag icon={<EnvironmentOutlined />}>{m.regionName}</Tag>
                <Tag>{m.occupationCode} {m.occupationName ?? ''}</Tag>
                <Typography.Text strong>{yuan(m.salaryMin)}–{yuan(m.salaryMax)} {t('yuanPerMonth')}</Typography.Text>
                <span>{t('expiresOn')} {formatDate(m.expiresOn)}</span>
              </Space>
              <Collapse ghost size="small" items={[{ key: 'why', label: t('reasons'), children: <MatchReasons match={m} /> }]} data-testid={`reasons-${m.vacancyId}`} />
            </Card>
          </List.Item>
        )}
      />
    </Space>
  );
}
