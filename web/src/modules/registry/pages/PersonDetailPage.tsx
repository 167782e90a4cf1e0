// 人员详情: one person's record (an audited read), with the full resident ID and phone on
// request for holders of registry:person:unmask (also audited), and the change history.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Space, Spin, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useMessages } from '../../../app/i18n';
import { permissions } from '../../../app/menu';
import { useErrorNotifier, ProblemAlert } from '../../../ui/ProblemAlert';
import { formatDate, formatInstant } from '../../../ui/format';
import { usePerson, usePersonHistory } from '../api';
import { FlagTags } from '../components/FlagTags';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { PortalActivationButton } from '../components/PortalActivationButton';
import { registryMessages } from '../messages';

type Unmasked = { idNumber: string; phone: string | null };

export default function PersonDetailPage() {
  const t = useMessages(registryMessages);
  const { can } = useAuth();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const person = usePerson(id, Number.isInteger(id) && id > 0);
  const history = usePersonHistory(id);
  const [unmasked, setUnmasked] = useState<Unmasked | null>(null);

  const unmask = useMutation({
    mutationFn: () => api.post<Unmasked>(`/registry/persons/${id}/unmask`),
    onSuccess: (answer) => {
      setUnmasked(answer);
      message.info(t('unmasked'));
    },
    onError: notifyError,
  });

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} data-testid="person-back">
      {t('back')}
    </Button>
  );

  if (person.isPending) return <Spin />;
  if (person.isError) {
    return (
      <Card title={t('personDetail')} extra={back}>
        <ProblemAlert error={person.error} />
      </Card>
    );
  }
  const p = person.data;
  const age = dayjs().diff(dayjs(p.birthDate), 'year');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={`${t('personDetail')} · ${p.name}`}
        extra={
          <Space>
            {back}
            {can(permissions.personWrite) && <PortalActivationButton kind="person" id={id} />}
            {can(permissions.personWrite) && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => navigate(`/registry/persons/${id}/edit`)}
                data-testid="person-edit"
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
          data-testid="person-detail"
          items={[
            { key: 'name', label: t('name'), children: p.name },
            {
              key: 'idNumber',
              label: t('idNumber'),
              children: (
                <Space>
                  <code data-testid="person-id-number">{unmasked ? unmasked.idNumber : p.idNumberMasked}</code>
                  {can(permissions.personUnmask) && !unmasked && (
                    <Tooltip title={t('unmaskHint')}>
                      <Button
                        size="small"
                        icon={<EyeOutlined />}
                        loading={unmask.isPending}
                        onClick={() => unmask.mutate()}
                        data-testid="person-unmask"
                      >
                        {t('unmask')}
                      </Button>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            { key: 'gender', label: t('gender'), children: t(`gender_${p.gender}`) },
            {
              key: 'birthDate',
              label: t('birthDate'),
              children: `${formatDate(p.birthDate)}（${t('age', { age })}）`,
            },
            { key: 'hukouType', label: t('hukouType'), children: t(`hukou_${p.hukouType}`) },
            { key: 'region', label: t('region'), children: `${p.regionName ?? ''} (${p.regionCode})` },
            {
              key: 'phone',
              label: t('phone'),
              children: <span data-testid="person-phone">{(unmasked ? unmasked.phone : p.phoneMasked) ?? '—'}</span>,
            },
            { key: 'householdId', label: t('householdId'), children: p.householdId || '—' },
            { key: 'flags', label: t('flags'), children: <FlagTags flags={p.flags} />, span: 2 },
            { key: 'createdAt', label: t('createdAt'), children: formatInstant(p.createdAt) },
            { key: 'updatedAt', label: t('updatedAt'), children: formatInstant(p.updatedAt) },
            { key: 'version', label: t('version'), children: p.version },
          ]}
        />
        {unmasked && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('unmasked')}
          </Typography.Paragraph>
        )}
      </Card>
      <Card title={t('history')}>
        <HistoryTimeline history={history} />
      </Card>
    </Space>
  );
}
