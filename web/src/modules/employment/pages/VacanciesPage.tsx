// 岗位: vacancies posted by the employers in scope (de-duplicated by the server).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth';
import { useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { formatDate } from '../../../ui/format';
import { yuan, type Vacancy } from '../api';
import { VacancyFormModal } from '../components/SeekerForm';
import { employmentMessages } from '../messages';
import { employmentPermissions } from '../permissions';

export default function VacanciesPage() {
  const t = useMessages(employmentMessages);
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <Card title={t('vacanciesTitle')}>
      <DataTable<Vacancy>
        id="employment-vacancies"
        path="/employment/vacancies"
        rowKey={(v) => v.id}
        params={{ regionCode }}
        filters={[
          { kind: 'text', name: 'q', label: t('title'), width: 140 },
          { kind: 'region', name: 'regionCode', label: t('region') },
          { kind: 'text', name: 'occupation', label: t('occupation'), width: 110, placeholder: '4-03' },
          { kind: 'select', name: 'status', label: t('status'), width: 110, options: (['open', 'filled', 'closed', 'expired'] as const).map((s) => ({ value: s, label: t(`vs_${s}`) })) },
        ]}
        toolbar={can(employmentPermissions.match) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="vacancy-create">{t('createVacancy')}</Button>}
        columns={[
          { title: t('title'), dataIndex: 'title', key: 'title', render: (n: string, v) => <Link to={`/employment/vacancies/${v.id}`} data-testid={`vacancy-link-${v.id}`}>{n}</Link> },
          { title: t('employer'), dataIndex: 'employerName', key: 'employerName' },
          { title: t('occupation'), dataIndex: 'occupationCode', key: 'occupationCode', render: (c: string, v) => `${c} ${v.occupationName ?? ''}` },
          { title: t('salaryRange'), key: 'salary', dataIndex: 'salaryMax', sorter: true, render: (_: number, v) => `${yuan(v.salaryMin)}–${yuan(v.salaryMax)}` },
          { title: t('headcount'), key: 'headcount', dataIndex: 'headcount', render: (h: number, v) => `${v.filled}/${h}` },
          { title: t('expiresOn'), dataIndex: 'expiresOn', key: 'expiresOn', sorter: true, render: formatDate },
          { title: t('status'), dataIndex: 'status', key: 'status', render: (s: Vacancy['status']) => t(`vs_${s}`) },
          { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
        ]}
      />
      <VacancyFormModal vacancy={null} open={creating} onClose={() => setCreating(false)} onSaved={(v) => navigate(`/employment/vacancies/${v.id}`)} />
    </Card>
  );
}
