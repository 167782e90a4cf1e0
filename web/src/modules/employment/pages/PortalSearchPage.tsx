// 公共招聘门户: vacancy search for job seekers, without a staff login, for phones first.
// The server splits the words (Intl.Segmenter), reads places by name or code and a number as
// the pay wanted; the page shows how it understood the query.
import { useState } from 'react';
import { Card, Empty, Input, List, Pagination, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { yuan } from '../api';
import { employmentMessages } from '../messages';

type PublicVacancy = { id: number; title: string; employerName: string; occupationCode: string; occupationName: string | null; regionName: string | null; salaryMin: number; salaryMax: number; education: string; openings: number; expiresOn: string; description: string };
type Result = { words: string[]; places: { code: string; name: string | null }[]; items: PublicVacancy[]; total: number; page: number; pageSize: number };

export default function PortalSearchPage() {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const [q, setQ] = useState('');
  const [region, setRegion] = useState('');
  const [page, setPage] = useState(1);
  const result = useQuery({
    queryKey: ['portal', 'vacancies', q, region, page],
    queryFn: ({ signal }) => api.get<Result>('/portal/vacancies', { q: q || undefined, region: region || undefined, page, pageSize: 10 }, signal),
    placeholderData: keepPreviousData,
  });
  const r = result.data;
  return (
    <div style={{ maxWidth: 760, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={3}>{t('portalTitle')}</Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.Search size="large" placeholder={t('portalSearch')} enterButton allowClear onSearch={(v) => { setPage(1); setQ(v.trim()); }} data-testid="portal-q" />
        <Input prefix={<EnvironmentOutlined />} placeholder={t('portalRegion')} allowClear onPressEnter={(e) => { setPage(1); setRegion((e.target as HTMLInputElement).value.trim()); }} onChange={(e) => !e.target.value && setRegion('')} />
        {r && (r.words.length > 0 || r.places.length > 0) && (
          <Typography.Text type="secondary">
            {t('portalUnderstood')} {r.words.map((w) => <Tag key={w}>{w}</Tag>)}
            {r.places.map((p) => <Tag key={p.code} color="blue" icon={<EnvironmentOutlined />}>{p.name}</Tag>)}
          </Typography.Text>
        )}
        <ProblemAlert error={result.error} />
        <List
          loading={result.isFetching}
          dataSource={r?.items ?? []}
          locale={{ emptyText: <Empty description={t('none')} /> }}
          renderItem={(v) => (
            <List.Item key={v.id}>
              <Card size="small" style={{ width: '100%' }} title={v.title} extra={<Typography.Text strong>{yuan(v.salaryMin)}–{yuan(v.salaryMax)} {t('yuanPerMonth')}</Typography.Text>}>
                <Space wrap>
                  <span>{v.employerName}</span>
                  <Tag icon={<EnvironmentOutlined />}>{v.regionName}</Tag>
                  <Tag>{v.occupationCode} {v.occupationName ?? ''}</Tag>
                  <span>{t('headcount')} {v.openings}</span>
                  <span>{t('expiresOn')} {formatDate(v.expiresOn)}</span>
                </Space>
                {v.description && <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginTop: 8, marginBottom: 0 }}>{v.description}</Typography.Paragraph>}
              </Card>
            </List.Item>
          )}
        />
        {r && r.total > r.pageSize && <Pagination current={page} pageSize={r.pageSize} total={r.total} onChange={setPage} simple />}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{lang === 'zh' ? '本页面无需登录。' : 'No sign-in needed.'}</Typography.Text>
      </Space>
    </div>
  );
}
