// 推荐与职业介绍: every recommendation, application and referral in scope with outcomes, and
// the fairness report comparing the plan's groups with other seekers.
import { Card, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { pick, useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import type { Fairness } from '../api';
import { PlacementsTable } from '../components/Placements';
import { employmentMessages } from '../messages';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

function FairnessReport() {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const { regionCode } = useRegion();
  const q = useQuery({ queryKey: ['employment', 'fairness', regionCode], queryFn: ({ signal }) => api.get<Fairness>('/employment/fairness', { regionCode }, signal) });
  return (
    <>
      <ProblemAlert error={q.error} />
      {q.data && <Typography.Paragraph type="secondary">{pick(q.data.definition, lang)}</Typography.Paragraph>}
      <Table
        rowKey="group"
        size="small"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.groups ?? []}
        data-testid="fairness-table"
        columns={[
          { title: t('groups'), key: 'group', render: (_, g) => pick(g, lang) },
          { title: t('seekersCount'), dataIndex: 'seekers' },
          { title: t('exposedShare'), key: 'exposed', render: (_, g) => `${pct(g.exposedShare)} / ${pct(g.others.exposedShare)}` },
          { title: t('hireRate'), key: 'hire', render: (_, g) => `${pct(g.hireRate)} / ${pct(g.others.hireRate)}` },
          { title: t('ratioToOthers'), key: 'ratio', render: (_, g) => `${g.exposureRatio ?? '—'} · ${g.hireRatio ?? '—'}` },
          { title: '', key: 'flag', render: (_, g) => (g.flagged ? <Tag color="red">{t('flagged')}</Tag> : null) },
        ]}
      />
    </>
  );
}

export default function PlacementsPage() {
  const t = useMessages(employmentMessages);
  return (
    <Card>
      <Tabs
        items={[
          { key: 'placements', label: t('placementsTitle'), children: <PlacementsTable id="employment-placements" urlState /> },
          { key: 'fairness', label: t('fairnessTitle'), children: <FairnessReport /> },
        ]}
      />
    </Card>
  );
}
