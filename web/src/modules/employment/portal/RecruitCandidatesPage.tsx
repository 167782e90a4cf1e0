// 推荐人选: the best job seekers for one of the employer's vacancies, masked, with the reasons of
// each score. Opening a candidate's details is recorded in a log the candidate sees.
import { useState } from 'react';
import { Alert, Button, Card, Collapse, Descriptions, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { label, useEmploymentCodes, type Vacancy } from '../api';
import { MatchReasons, ScoreTag } from '../components/MatchReasons';
import { employmentMessages } from '../messages';
import { recruitKey, type Candidate, type CandidateCard, type CandidateSummary } from './api';

/** The masked facts of a candidate, one line. */
export function CandidateFacts({ c }: { c: CandidateSummary }) {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const codes = useEmploymentCodes();
  return (
    <Space wrap size={4}>
      <Typography.Text strong data-testid="candidate-name">{c.maskedName}</Typography.Text>
      <Tag>{t('prAge', { band: c.ageBand })}</Tag>
      {c.countyName && <Tag>{c.countyName}</Tag>}
      <Tag>{label(codes.data?.educationLevels, c.education, lang)}</Tag>
      {c.skills.map((s) => <Tag key={s} color="blue">{s}</Tag>)}
    </Space>
  );
}

function CandidateDrawer({ vacancyId, seekerId, onClose }: { vacancyId: number; seekerId: number | null; onClose: () => void }) {
  const t = useMessages(employmentMessages);
  const card = useQuery({
    queryKey: [...recruitKey, 'card', vacancyId, seekerId],
    queryFn: ({ signal }) => api.get<CandidateCard>(`/portal/recruit/vacancies/${vacancyId}/candidates/${seekerId}`, undefined, signal),
    enabled: seekerId !== null,
    staleTime: 60_000,
  });
  const c = card.data;
  return (
    <Drawer open={seekerId !== null} onClose={onClose} title={t('prCandidate')} size="large" destroyOnHidden>
      <ProblemAlert error={card.error} />
      {c && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="candidate-card">
          <Space wrap><ScoreTag score={c.score} /><CandidateFacts c={c} /></Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('desiredOccupations')}>{c.desiredOccupations.map((o) => `${o.code} ${o.name ?? ''}`).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('availableFrom')}>{formatDate(c.availableFrom)}</Descriptions.Item>
            {c.placementStatus && <Descriptions.Item label={t('status')}>{t(`ps_${c.placementStatus}`)}</Descriptions.Item>}
          </Descriptions>
          <MatchReasons match={c} />
        </Space>
      )}
    </Drawer>
  );
}

export default function RecruitCandidatesPage() {
  const t = useMessages(employmentMessages);
  const id = Number(useParams().id);
  const [open, setOpen] = useState<number | null>(null);
  const vacancy = useQuery({ queryKey: [...recruitKey, 'vacancy', id], queryFn: ({ signal }) => api.get<Vacancy>(`/portal/recruit/vacancies/${id}`, undefined, signal) });
  const candidates = useQuery({ queryKey: [...recruitKey, 'candidates', id], queryFn: ({ signal }) => api.get<{ items: Candidate[] }>(`/portal/recruit/vacancies/${id}/candidates`, undefined, signal) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Link to="/portal/recruit/vacancies"><ArrowLeftOutlined /> {t('prBack')}</Link>
      <Typography.Title level={4}>{t('prCandidatesOf', { title: vacancy.data?.title ?? '' })}</Typography.Title>
      <Alert type="info" showIcon title={t('prCandidatesHint')} />
      <ProblemAlert error={vacancy.error ?? candidates.error} />
      <List
        loading={candidates.isLoading}
        dataSource={candidates.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('prNoCandidates')} /> }}
        renderItem={(c) => (
          <List.Item key={c.seekerId} data-testid={`candidate-${c.seekerId}`}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={<Space wrap><ScoreTag score={c.score} /><CandidateFacts c={c} /></Space>}
              extra={<Button size="small" onClick={() => setOpen(c.seekerId)} data-testid={`candidate-open-${c.seekerId}`}>{t('prView')}</Button>}
            >
              <Collapse ghost size="small" items={[{ key: 'why', label: t('reasons'), children: <MatchReasons match={c} /> }]} />
            </Card>
          </List.Item>
        )}
      />
      <CandidateDrawer vacancyId={id} seekerId={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
