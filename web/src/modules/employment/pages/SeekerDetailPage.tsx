// A job seeker: profile, best vacancies with the reasons and what would raise each match,
// recommend / refer / apply, the profile view log, and the placements.
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { App, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { dataTableKey } from '../../../ui/DataTable';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatDate, formatInstant } from '../../../ui/format';
import { label, useEmploymentCodes, yuan, type Matches, type Seeker, type VacancyMatch } from '../api';
import { FormulaNote, MatchReasons, ScoreTag } from '../components/MatchReasons';
import { PlacementsTable } from '../components/Placements';
import { SeekerFormModal } from '../components/SeekerForm';
import { employmentMessages } from '../messages';
import { employmentPermissions } from '../permissions';

type View = { id: number; viewerName: string; viewerOrg: string; vacancyId: number | null; vacancyTitle: string | null; viewedAt: string };

export default function SeekerDetailPage() {
  const id = Number(useParams().id);
  const [search] = useSearchParams();
  // Opened from a vacancy's matches: the view log records which vacancy the viewer came from.
  const fromVacancy = search.get('vacancyId') ?? undefined;
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const codes = useEmploymentCodes();
  const [editing, setEditing] = useState(false);
  const seeker = useQuery({ queryKey: ['employment', 'seeker', id], queryFn: ({ signal }) => api.get<Seeker>(`/employment/seekers/${id}`, { vacancyId: fromVacancy }, signal) });
  const matches = useQuery({ queryKey: ['employment', 'seeker', id, 'matches'], queryFn: ({ signal }) => api.get<Matches<VacancyMatch>>(`/employment/seekers/${id}/matches`, { limit: 20 }, signal), enabled: can(employmentPermissions.match) });
  const views = useQuery({ queryKey: ['employment', 'seeker', id, 'views'], queryFn: ({ signal }) => api.get<View[]>(`/employment/seekers/${id}/views`, undefined, signal) });
  const act = useMutation({
    mutationFn: (p: { kind: 'recommendation' | 'referral' | 'application'; vacancyId: number }) => api.post('/employment/placements', { ...p, seekerId: id }),
    onSuccess: async () => {
      message.success(t('saved'));
      await queryClient.invalidateQueries({ queryKey: dataTableKey(`seeker-${id}-placements`) });
    },
    onError: notifyError,
  });
  const s = seeker.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={seeker.error} />
      {s && (
        <Card
          title={`${s.name} · ${t('seekersTitle')}`}
          extra={can(employmentPermissions.match) && <Button onClick={() => setEditing(true)} data-testid="seeker-edit">{t('save')}</Button>}
        >
          <Descriptions column={3} size="small" bordered>
            <Descriptions.Item label={t('person')}>{s.name} <code>{s.idNumberMasked}</code></Descriptions.Item>
            <Descriptions.Item label={t('region')}>{s.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>{t(`ss_${s.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('desiredOccupations')}>{s.desiredOccupations.map((o) => <Tag key={o}>{o}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label={t('skills')}>{s.skills.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('desiredRegions')}>{s.desiredRegions.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('salaryMin')}>{yuan(s.salaryMin)}</Descriptions.Item>
            <Descriptions.Item label={t('education')}>{label(codes.data?.educationLevels, s.education, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('availableFrom')}>{formatDate(s.availableFrom)}</Descriptions.Item>
            <Descriptions.Item label={t('groups')} span={3}>{s.groups.map((g) => <Tag key={g}>{label(codes.data?.difficultyGroups, g, lang)}</Tag>)}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {can(employmentPermissions.match) && (
        <Card title={t('matchesForSeeker')} extra={matches.data && <Typography.Text type="secondary">{t('scanned', { scanned: matches.data.scanned, tiers: matches.data.tiersUsed.length })}</Typography.Text>}>
          <FormulaNote />
          <ProblemAlert error={matches.error} />
          <Table<VacancyMatch>
            rowKey="vacancyId"
            size="small"
            loading={matches.isLoading}
            dataSource={matches.data?.items ?? []}
            pagination={false}
            expandable={{ expandedRowRender: (m) => <MatchReasons match={m} /> }}
            data-testid="seeker-matches"
            columns={[
              { title: t('score'), dataIndex: 'score', render: (v: number) => <ScoreTag score={v} /> },
              { title: t('title'), dataIndex: 'title' },
              { title: t('employer'), dataIndex: 'employerName' },
              { title: t('occupation'), dataIndex: 'occupationCode', render: (c: string, m) => `${c} ${m.occupationName ?? ''}` },
              { title: t('salaryRange'), key: 'salary', render: (_, m) => `${yuan(m.salaryMin)}–${yuan(m.salaryMax)}` },
              { title: t('region'), dataIndex: 'regionName' },
              {
                title: t('actions'),
                key: 'actions',
                render: (_, m) => (
                  <Space>
                    <Button size="small" onClick={() => act.mutate({ kind: 'recommendation', vacancyId: m.vacancyId })}>{t('recommend')}</Button>
                    <Button size="small" type="primary" onClick={() => act.mutate({ kind: 'referral', vacancyId: m.vacancyId })} data-testid={`refer-${m.vacancyId}`}>{t('refer')}</Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('placementsTitle')}>
            <PlacementsTable id={`seeker-${id}-placements`} params={{ seekerId: id }} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('viewLog')}>
            <Table<View>
              rowKey="id"
              size="small"
              dataSource={views.data ?? []}
              pagination={{ pageSize: 10 }}
              data-testid="seeker-views"
              columns={[
                { title: t('viewer'), dataIndex: 'viewerName' },
                { title: t('viewerOrg'), dataIndex: 'viewerOrg' },
                { title: t('fromVacancy'), dataIndex: 'vacancyTitle', render: (v: string | null) => v ?? '—' },
                { title: t('viewedAt'), dataIndex: 'viewedAt', render: formatInstant },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {s && <SeekerFormModal seeker={s} open={editing} onClose={() => setEditing(false)} />}
    </Space>
  );
}
