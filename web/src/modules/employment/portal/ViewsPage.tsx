// 谁看过我: every time an employer or a service office opened the seeker's profile.
import { Empty, List, Space, Tag, Typography } from 'antd';
import { BankOutlined, ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import { employmentMessages } from '../messages';
import { jobsKey, type ProfileView } from './api';

export default function ViewsPage() {
  const t = useMessages(employmentMessages);
  const views = useQuery({ queryKey: [...jobsKey, 'views'], queryFn: ({ signal }) => api.get<ProfileView[]>('/portal/jobs/views', undefined, signal) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('pjViews')}</Typography.Title>
      <Typography.Text type="secondary">{t('pjViewsHint')}</Typography.Text>
      <ProblemAlert error={views.error} />
      <List
        loading={views.isLoading}
        dataSource={views.data ?? []}
        locale={{ emptyText: <Empty description={t('pjNoViews')} /> }}
        renderItem={(v) => (
          <List.Item key={v.id} data-testid={`view-${v.id}`}>
            <List.Item.Meta
              avatar={v.viewerKind === 'employer' ? <ShopOutlined /> : <BankOutlined />}
              title={
                <Space wrap>
                  <Tag color={v.viewerKind === 'employer' ? 'blue' : 'green'}>{t(v.viewerKind === 'employer' ? 'pjViewerEmployer' : 'pjViewerOffice')}</Tag>
                  <span data-testid="viewer">{v.viewer}</span>
                </Space>
              }
              description={
                <Space wrap>
                  <span>{formatInstant(v.viewedAt)}</span>
                  {v.vacancyTitle && <span>{t('pjFromVacancy')}：{v.vacancyTitle}</span>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
