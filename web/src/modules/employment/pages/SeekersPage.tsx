// 求职者: the job seekers' profiles.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { formatInstant } from '../../../ui/format';
import { label, useEmploymentCodes, yuan, type Seeker } from '../api';
import { SeekerFormModal } from '../components/SeekerForm';
import { employmentMessages } from '../messages';
import { employmentPermissions } from '../permissions';

export default function SeekersPage() {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const navigate = useNavigate();
  const codes = useEmploymentCodes();
  const [creating, setCreating] = useState(false);
  return (
    <Card title={t('seekersTitle')}>
      <DataTable<Seeker>
        id="employment-seekers"
        path="/employment/seekers"
        rowKey={(s) => s.id}
        params={{ regionCode }}
        filters={[
          { kind: 'text', name: 'q', label: t('person'), width: 120 },
          { kind: 'region', name: 'regionCode', label: t('region') },
          { kind: 'text', name: 'occupation', label: t('occupation'), width: 110, placeholder: '4-03' },
          { kind: 'select', name: 'status', label: t('status'), width: 110, options: (['active', 'paused', 'closed'] as const).map((s) => ({ value: s, label: t(`ss_${s}`) })) },
          { kind: 'select', name: 'group', label: t('groups'), width: 150, options: (codes.data?.difficultyGroups ?? []).map((g) => ({ value: g.code, label: g[lang] })) },
        ]}
        toolbar={can(employmentPermissions.match) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="seeker-create">{t('createSeeker')}</Button>}
        columns={[
          { title: t('person'), dataIndex: 'name', key: 'name', render: (n: string, s) => <Link to={`/employment/seekers/${s.id}`} data-testid={`seeker-link-${s.id}`}>{n}</Link> },
          { title: t('desiredOccupations'), dataIndex: 'desiredOccupations', key: 'desiredOccupations', render: (xs: string[]) => xs.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('skills'), dataIndex: 'skills', key: 'skills', render: (xs: string[]) => xs.join('、') },
          { title: t('salaryMin'), dataIndex: 'salaryMin', key: 'salaryMin', render: (v: number | null) => yuan(v) },
          { title: t('education'), dataIndex: 'education', key: 'education', render: (e: string) => label(codes.data?.educationLevels, e, lang) },
          { title: t('status'), dataIndex: 'status', key: 'status', render: (s: Seeker['status']) => t(`ss_${s}`) },
          { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
          { title: t('date'), dataIndex: 'updatedAt', key: 'updatedAt', render: formatInstant },
        ]}
      />
      <SeekerFormModal seeker={null} open={creating} onClose={() => setCreating(false)} onSaved={(s) => navigate(`/employment/seekers/${s.id}`)} />
    </Card>
  );
}
