// Finding a person's insurance record: the registry's person list, each row opening the record.
import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { formatDate } from '../../../ui/format';
import { insuranceMessages } from '../messages';

type PersonRow = { id: number; name: string; idNumberMasked: string; birthDate: string; regionName: string | null };

export default function PersonsPage() {
  const t = useMessages(insuranceMessages);
  const { regionCode } = useRegion();
  return (
    <Card title={t('personTitle')}>
      <Typography.Paragraph type="secondary">{t('personSearchHint')}</Typography.Paragraph>
      <DataTable<PersonRow>
        id="insurance-persons"
        path="/registry/persons"
        rowKey={(r) => r.id}
        params={{ regionCode }}
        filters={[
          { kind: 'text', name: 'q', label: t('name') },
          { kind: 'text', name: 'idNumber', label: t('idNumber'), width: 200 },
          { kind: 'region', name: 'regionCode', label: t('region') },
        ]}
        columns={[
          { title: t('name'), dataIndex: 'name', key: 'name', render: (n: string, r) => <Link to={`/insurance/persons/${r.id}`} data-testid={`ins-person-${r.id}`}>{n}</Link> },
          { title: t('idNumber'), dataIndex: 'idNumberMasked', key: 'idNumberMasked', render: (v: string) => <code>{v}</code> },
          { title: t('birthDate'), dataIndex: 'birthDate', key: 'birthDate', render: formatDate },
          { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
        ]}
      />
    </Card>
  );
}
