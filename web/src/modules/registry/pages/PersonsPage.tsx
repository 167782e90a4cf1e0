// 人员信息: the persons every service shares. Resident IDs and phones arrive masked.
import { Link, useNavigate } from 'react-router';
import { Button, Card, Space } from 'antd';
import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { permissions } from '../../../app/menu';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { formatDate, formatInstant } from '../../../ui/format';
import { checkResidentId, ruleFrom } from '../../../ui/validate';
import { flagKeys, type PersonListItem } from '../api';
import { FlagTags } from '../components/FlagTags';
import { registryMessages } from '../messages';

export default function PersonsPage() {
  const t = useMessages(registryMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const navigate = useNavigate();

  return (
    <Card title={t('personsTitle')}>
      <DataTable<PersonListItem>
        id="persons"
        path="/registry/persons"
        rowKey={(person) => person.id}
        params={{ regionCode }}
        exportable={can(permissions.personExport)}
        exportName="persons"
        filters={[
          { kind: 'text', name: 'q', label: t('name'), placeholder: t('nameSearch'), width: 140 },
          {
            kind: 'text',
            name: 'idNumber',
            label: t('idNumber'),
            placeholder: t('idNumberExact'),
            width: 200,
            rules: [ruleFrom(checkResidentId, lang)],
          },
          { kind: 'region', name: 'regionCode', label: t('region') },
          {
            kind: 'select',
            name: 'hukouType',
            label: t('hukouType'),
            width: 110,
            options: [
              { value: 'urban', label: t('hukou_urban') },
              { value: 'rural', label: t('hukou_rural') },
            ],
          },
          {
            kind: 'select',
            name: 'gender',
            label: t('gender'),
            width: 100,
            options: [
              { value: 'M', label: t('gender_M') },
              { value: 'F', label: t('gender_F') },
            ],
          },
          {
            kind: 'select',
            name: 'flag',
            label: t('flag'),
            width: 160,
            options: flagKeys.map((key) => ({ value: key, label: t(`flag_${key}`) })),
          },
        ]}
        toolbar={
          <Space>
            {can(permissions.personWrite) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/registry/persons/new')}
                data-testid="persons-create"
              >
                {t('personCreate')}
              </Button>
            )}
            {can(permissions.personWrite) && can(permissions.importRun) && (
              <Button
                icon={<CloudUploadOutlined />}
                onClick={() => navigate('/imports?kind=persons')}
                data-testid="persons-import"
              >
                {t('import')}
              </Button>
            )}
          </Space>
        }
        columns={[
          {
            title: t('name'),
            dataIndex: 'name',
            key: 'name',
            sorter: true,
            render: (name: string, person) => (
              <Link to={`/registry/persons/${person.id}`} data-testid={`person-link-${person.id}`}>
                {name}
              </Link>
            ),
          },
          { title: t('idNumber'), dataIndex: 'idNumberMasked', key: 'idNumberMasked', render: (v: string) => <code>{v}</code> },
          { title: t('gender'), dataIndex: 'gender', key: 'gender', render: (v: 'M' | 'F') => t(`gender_${v}`) },
          { title: t('birthDate'), dataIndex: 'birthDate', key: 'birthDate', sorter: true, render: (v: string) => formatDate(v) },
          {
            title: t('hukouType'),
            dataIndex: 'hukouType',
            key: 'hukouType',
            render: (v: 'urban' | 'rural') => t(`hukou_${v}`),
          },
          {
            title: t('region'),
            dataIndex: 'regionName',
            key: 'regionCode',
            sorter: true,
            render: (name: string | null, person) => name ?? person.regionCode,
          },
          { title: t('phone'), dataIndex: 'phoneMasked', key: 'phoneMasked', render: (v: string | null) => v ?? '—' },
          { title: t('flags'), key: 'flags', render: (_, person) => <FlagTags flags={person.flags} /> },
          {
            title: t('updatedAt'),
            dataIndex: 'updatedAt',
            key: 'updatedAt',
            sorter: true,
            render: (v: string) => formatInstant(v),
          },
        ]}
      />
    </Card>
  );
}
