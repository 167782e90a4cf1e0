// 我的申请: the seeker's applications (and referrals and recommendations by a service office) with their outcomes.
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatDate, formatInstant } from '../../../ui/format';
import type { Placement } from '../api';
import { employmentMessages } from '../messages';
import { jobsKey, type OwnPlacement } from './api';

export const statusColor: Record<Placement['status'], string | undefined> = { proposed: undefined, applied: 'blue', interview: 'gold', hired: 'green', rejected: 'red', withdrawn: undefined };

export default function ApplicationsPage() {
  const t = useMessages(employmentMessages);
  const list = useQuery({ queryKey: [...jobsKey, 'applications'], queryFn: ({ signal }) => api.get<Page<OwnPlacement>>('/portal/jobs/applications', { pageSize: 100 }, signal) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('pjApplications')}</Typography.Title>
      <ProblemAlert error={list.error} />
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('pjNoApplications')} /> }}
        renderItem={(p) => (
          <List.Item key={p.id} data-testid={`application-${p.vacancyId}`}>
            <Card size="small" style={{ width: '100%' }} title={p.vacancyTitle} extra={<Tag color={statusColor[p.status]} data-testid={`application-status-${p.vacancyId}`}>{t(`ps_${p.status}`)}</Tag>}>
              <Space wrap>
                <span>{p.employerName}</span>
                <Tag>{t(`pk_${p.kind}`)}</Tag>
                <span>{t('date')} {formatInstant(p.createdAt)}</span>
                {p.outcomeDate && <span>{t('outcomeDate')} {formatDate(p.outcomeDate)}</span>}
              </Space>
            </Card>
          </List.Item>
        )}
      />
    </Space>
  );
}
