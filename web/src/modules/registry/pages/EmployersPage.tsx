// 用人单位: employers, identified by the unified social credit code (GB 32100).
import { Link, useNavigate } from 'react-router';
import { Button, Card, Space } from 'antd';
import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth';
import { useMessages } from '../../../app/i18n';
import { permissions } from '../../../app/menu';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { formatInstant } from '../../../ui/format';
import { useRegistryCodes, type Code, type Employer } from '../api';
import { registryMessages } from '../messages';

function options(codes: Code[] | undefined) {
  return (codes ?? []).map((c) => ({ value: c.code, label: c.name }));
}

export default function EmployersPage() {
  const t = useMessages(registryMessages);
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const navigate = useNavigate();
  const codes = useRegistryCodes();
  const nameOf = (list: Code[] | undefined, code: string) => list?.find((c) => c.code === code)?.name ?? code;

  return (
    <Card title={t('employersTitle')}>
      <DataTable<Employer>
        id="employers"
        path="/registry/employers"
        rowKey={(employer) => employer.id}
        params={{ regionCode }}
        exportable={can(permissions.employerExport)}
        exportName="employers"
        filters={[
          { kind: 'text', name: 'q', label: t('employerName'), placeholder: t('employerSearch'), width: 160 },
          { kind: 'text', name: 'uscc', label: t('uscc'), placeholder: t('usccExact'), width: 200 },
          { kind: 'region', name: 'regionCode', label: t('region') },
          {
            kind: 'select',
            name: 'industry',
            label: t('industry'),
            width: 200,
            options: (codes.data?.industries ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` })),
          },
          { kind: 'select', name: 'ownership', label: t('ownership'), width: 160, options: options(codes.data?.ownerships) },
          { kind: 'select', name: 'size', label: t('size'), width: 110, options: options(codes.data?.sizes) },
        ]}
        toolbar={
          <Space>
            {can(permissions.employerWrite) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/registry/employers/new')}
                data-testid="employers-create"
              >
                {t('employerCreate')}
              </Button>
            )}
            {can(permissions.employerWrite) && can(permissions.importRun) && (
              <Button
                icon={<CloudUploadOutlined />}
                onClick={() => navigate('/imports?kind=employers')}
                data-testid="employers-import"
              >
                {t('import')}
              </Button>
            )}
          </Space>
        }
        columns={[
          { title: t('uscc'), dataIndex: 'uscc', key: 'uscc', render: (v: string) => <code>{v}</code> },
          {
            title: t('employerName'),
            dataIndex: 'name',
            key: 'name',
            sorter: true,
            render: (name: string, employer) => (
              <Link to={`/registry/employers/${employer.id}`} data-testid={`employer-link-${employer.id}`}>
                {name}
              </Link>
            ),
          },
          {
            title: t('industry'),
            dataIndex: 'industry',
            key: 'industry',
            sorter: true,
            render: (code: string, employer) => `${code} ${employer.industryName}`,
          },
          {
            title: t('ownership'),
            dataIndex: 'ownership',
            key: 'ownership',
            render: (code: string, employer) => employer.ownershipName ?? nameOf(codes.data?.ownerships, code),
          },
          {
            title: t('size'),
            dataIndex: 'size',
            key: 'size',
            render: (code: string, employer) => employer.sizeName ?? nameOf(codes.data?.sizes, code),
          },
          {
            title: t('region'),
            dataIndex: 'regionName',
            key: 'regionCode',
            sorter: true,
            render: (name: string | null, employer) => name ?? employer.regionCode,
          },
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
