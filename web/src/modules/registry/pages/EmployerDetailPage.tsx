// 单位详情: one employer and its change history.
import { useNavigate, useParams } from 'react-router';
import { Button, Card, Descriptions, Space, Spin } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth';
import { useMessages } from '../../../app/i18n';
import { permissions } from '../../../app/menu';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import { useEmployer, useEmployerHistory, useRegistryCodes } from '../api';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { PortalActivationButton } from '../components/PortalActivationButton';
import { registryMessages } from '../messages';

export default function EmployerDetailPage() {
  const t = useMessages(registryMessages);
  const { can } = useAuth();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const employer = useEmployer(id, Number.isInteger(id) && id > 0);
  const history = useEmployerHistory(id);
  const codes = useRegistryCodes();

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} data-testid="employer-back">
      {t('back')}
    </Button>
  );

  if (employer.isPending) return <Spin />;
  if (employer.isError) {
    return (
      <Card title={t('employerDetail')} extra={back}>
        <ProblemAlert error={employer.error} />
      </Card>
    );
  }
  const e = employer.data;
  const nameOf = (list: { code: string; name: string }[] | undefined, code: string) =>
    list?.find((c) => c.code === code)?.name ?? code;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={`${t('employerDetail')} · ${e.name}`}
        extra={
          <Space>
            {back}
            {can(permissions.employerWrite) && <PortalActivationButton kind="employer" id={id} />}
            {can(permissions.employerWrite) && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => navigate(`/registry/employers/${id}/edit`)}
                data-testid="employer-edit"
              >
                {t('edit')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          data-testid="employer-detail"
          items={[
            { key: 'name', label: t('employerName'), children: e.name },
            { key: 'uscc', label: t('uscc'), children: <code>{e.uscc}</code> },
            { key: 'industry', label: t('industry'), children: `${e.industry} ${e.industryName}` },
            { key: 'ownership', label: t('ownership'), children: e.ownershipName ?? nameOf(codes.data?.ownerships, e.ownership) },
            { key: 'size', label: t('size'), children: e.sizeName ?? nameOf(codes.data?.sizes, e.size) },
            { key: 'region', label: t('region'), children: `${e.regionName ?? ''} (${e.regionCode})` },
            ...(e.createdAt ? [{ key: 'createdAt', label: t('createdAt'), children: formatInstant(e.createdAt) }] : []),
            { key: 'updatedAt', label: t('updatedAt'), children: formatInstant(e.updatedAt) },
            { key: 'version', label: t('version'), children: e.version },
          ]}
        />
      </Card>
      <Card title={t('history')}>
        <HistoryTimeline history={history} />
      </Card>
    </Space>
  );
}
