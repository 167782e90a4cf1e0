// A vacancy: its details, the best seekers within scope with the reasons, recommend/refer,
// and the placements with their outcomes (a hire registers the employment).
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { dataTableKey } from '../../../ui/DataTable';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { label, useEmploymentCodes, yuan, type Matches, type SeekerMatch, type Vacancy } from '../api';
import { FormulaNote, MatchReasons, ScoreTag } from '../components/MatchReasons';
import { PlacementsTable } from '../components/Placements';
import { VacancyFormModal } from '../components/SeekerForm';
import { employmentMessages } from '../messages';
import { employmentPermissions } from '../permissions';

export default function VacancyDetailPage() {
  const id = Number(useParams().id);
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const codes = useEmploymentCodes();
  const [editing, setEditing] = useState(false);
  const vacancy = useQuery({ queryKey: ['employment', 'vacancy', id], queryFn: ({ signal }) => api.get<Vacancy>(`/employment/vacancies/${id}`, undefined, signal) });
  const matches = useQuery({ queryKey: ['employment', 'vacancy', id, 'matches'], queryFn: ({ signal }) => api.get<Matches<SeekerMatch>>(`/employment/vacancies/${id}/matches`, { limit: 20 }, signal), enabled: can(employmentPermissions.match) });
  const act = useMutation({
    mutationFn: (p: { kind: 'recommendation' | 'referral'; seekerId: number }) => api.post('/employment/placements', { ...p, vacancyId: id }),
    onSuccess: async () => {
      message.success(t('saved'));
      await queryClient.invalidateQueries({ queryKey: dataTableKey(`vacancy-${id}-placements`) });
    },
    onError: notifyError,
  });
  const close = useMutation({
    mutationFn: (v: Vacancy) => api.put(`/employment/vacancies/${v.id}`, { title: v.title, occupationCode: v.occupationCode, skills: v.skills, regionCode: v.regionCode, salaryMin: v.salaryMin, salaryMax: v.salaryMax, education: v.education, headcount: v.headcount, expiresOn: v.expiresOn, description: v.description, status: 'closed', version: v.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['employment', 'vacancy', id] }),
    onError: notifyError,
  });
  const v = vacancy.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={vacancy.error} />
      {v && (
        <Card
          title={`${v.title} · ${v.employerName}`}
          extra={
            can(employmentPermissions.match) && v.status === 'open' && (
              <Space>
                <Button onClick={() => setEditing(true)}>{t('save')}</Button>
                <Button danger onClick={() => close.mutate(v)}>{t('closeVacancy')}</Button>
              </Space>
            )
          }
        >
          <Descriptions column={3} size="small" bordered>
            <Descriptions.Item label={t('occupation')}>{v.occupationCode} {v.occupationName}</Descriptions.Item>
            <Descriptions.Item label={t('region')}>{v.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('status')}><Tag>{t(`vs_${v.status}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('salaryRange')}>{yuan(v.salaryMin)}–{yuan(v.salaryMax)}</Descriptions.Item>
            <Descriptions.Item label={t('requiredEducation')}>{label(codes.data?.educationLevels, v.education, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('headcount')}>{v.filled}/{v.headcount}</Descriptions.Item>
            <Descriptions.Item label={t('skills')}>{v.skills.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('expiresOn')}>{formatDate(v.expiresOn)}</Descriptions.Item>
            <Descriptions.Item label={t('description')}>{v.description || '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {can(employmentPermissions.match) && (
        <Card title={t('matchesForVacancy')} extra={matches.data && <Typography.Text type="secondary">{t('scanned', { scanned: matches.data.scanned, tiers: matches.data.tiersUsed.length })}</Typography.Text>}>
          <FormulaNote />
          <ProblemAlert error={matches.error} />
          <Table<SeekerMatch>
            rowKey="seekerId"
            size="small"
            loading={matches.isLoading}
            dataSource={matches.data?.items ?? []}
            pagination={false}
            expandable={{ expandedRowRender: (m) => <MatchReasons match={m} /> }}
            data-testid="vacancy-matches"
            columns={[
              { title: t('score'), dataIndex: 'score', render: (s: number) => <ScoreTag score={s} /> },
              { title: t('person'), dataIndex: 'name', render: (n: string, m) => <Link to={`/employment/seekers/${m.seekerId}?vacancyId=${id}`}>{n}</Link> },
              { title: t('region'), dataIndex: 'regionName' },
              { title: t('availableFrom'), dataIndex: 'availableFrom', render: formatDate },
              {
                title: t('actions'),
                key: 'actions',
                render: (_, m) => (
                  <Space>
                    <Button size="small" onClick={() => act.mutate({ kind: 'recommendation', seekerId: m.seekerId })}>{t('recommend')}</Button>
                    <Button size="small" type="primary" onClick={() => act.mutate({ kind: 'referral', seekerId: m.seekerId })}>{t('refer')}</Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Card title={t('placementsTitle')}>
        <PlacementsTable id={`vacancy-${id}-placements`} params={{ vacancyId: id }} />
      </Card>
      {v && <VacancyFormModal vacancy={v} open={editing} onClose={() => setEditing(false)} />}
    </Space>
  );
}
