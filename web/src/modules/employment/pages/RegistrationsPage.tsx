// 就业登记: list, register (with the contradiction rules enforced by the server) and terminate.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Tag } from 'antd';
import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { formatDate } from '../../../ui/format';
import { label, useEmploymentCodes, type Employment } from '../api';
import { PastDate, isoDate } from '../components/common';
import { FormModal } from '../components/FormModal';
import { EmployerPicker, OccupationSelect, PersonPicker } from '../components/Pickers';
import { employmentPermissions } from '../permissions';
import { employmentMessages } from '../messages';

type RegisterValues = { personId: number; kind: Employment['kind']; employerId?: number; startDate: Dayjs; endDate?: Dayjs; area: 'urban' | 'rural'; newUrban: boolean; occupationCode?: string; hasContract: boolean; reemployment: boolean };
type Created = Employment & { closedUnemploymentId: number | null; householdChanged: number[] };

export default function RegistrationsPage() {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { regionCode } = useRegion();
  const navigate = useNavigate();
  const codes = useEmploymentCodes();
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<Employment | null>(null);
  const write = can(employmentPermissions.write);

  return (
    <Card title={t('registrationsTitle')}>
      <DataTable<Employment>
        id="employment-registrations"
        path="/employment/registrations"
        rowKey={(r) => r.id}
        params={{ regionCode }}
        filters={[
          { kind: 'region', name: 'regionCode', label: t('region') },
          { kind: 'select', name: 'kind', label: t('kind'), width: 140, options: (codes.data?.employmentKinds ?? []).map((k) => ({ value: k.code, label: k[lang] })) },
          { kind: 'select', name: 'open', label: t('status'), width: 110, options: [{ value: 'true', label: t('open') }, { value: 'false', label: t('ended') }] },
          { kind: 'dateRange', label: t('startDate') },
        ]}
        toolbar={
          write && (
            <Space>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="employment-create">
                {t('registerEmployment')}
              </Button>
              {can('import:run') && (
                <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/imports?kind=employment-registrations')}>
                  {t('import')}
                </Button>
              )}
            </Space>
          )
        }
        columns={[
          { title: t('person'), dataIndex: 'personName', key: 'personName', render: (n: string, r) => <span>{n} <code>{r.idNumberMasked}</code></span> },
          { title: t('kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => label(codes.data?.employmentKinds, k, lang) },
          { title: t('employer'), dataIndex: 'employerName', key: 'employerName', render: (v: string | null) => v ?? '—' },
          { title: t('startDate'), dataIndex: 'startDate', key: 'startDate', sorter: true, render: formatDate },
          { title: t('endDate'), dataIndex: 'endDate', key: 'endDate', render: (v: string | null, r) => (v ? `${formatDate(v)} ${r.terminationReason ?? ''}` : <Tag color="green">{t('open')}</Tag>) },
          { title: t('area'), dataIndex: 'area', key: 'area', render: (a: 'urban' | 'rural', r) => <Space>{t(`area_${a}`)}{r.newUrban && <Tag color="blue">{t('newUrban')}</Tag>}</Space> },
          { title: t('occupation'), dataIndex: 'occupationName', key: 'occupationName', render: (v: string | null, r) => (r.occupationCode ? `${r.occupationCode} ${v ?? ''}` : '—') },
          { title: t('region'), dataIndex: 'regionName', key: 'regionCode', sorter: true },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, r) =>
              write && !r.endDate ? (
                <Button size="small" onClick={() => setEnding(r)} data-testid={`employment-terminate-${r.id}`}>
                  {t('terminate')}
                </Button>
              ) : null,
          },
        ]}
      />

      <FormModal<RegisterValues, Created>
        title={t('registerEmployment')}
        open={creating}
        onClose={() => setCreating(false)}
        testid="employment-form"
        refresh={['employment-registrations']}
        initialValues={{ kind: 'employee', area: 'urban', newUrban: true, hasContract: true, reemployment: false }}
        submit={(v) =>
          api.post<Created>('/employment/registrations', {
            personId: v.personId,
            employerId: v.employerId ?? null,
            kind: v.kind,
            startDate: isoDate(v.startDate),
            endDate: isoDate(v.endDate),
            area: v.area,
            newUrban: v.area === 'urban' ? v.newUrban : false,
            occupationCode: v.occupationCode || null,
            hasContract: v.hasContract,
            reemployment: v.reemployment,
          })
        }
        onDone={(r) => {
          if (r.closedUnemploymentId) message.info(t('closedUnemployment'));
          if (r.householdChanged.length) message.info(t('householdChanged', { count: r.householdChanged.length }));
        }}
      >
        {() => (
          <>
            <Form.Item name="personId" label={t('person')} rules={[{ required: true }]}>
              <PersonPicker />
            </Form.Item>
            <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
              <Select options={(codes.data?.employmentKinds ?? []).map((k) => ({ value: k.code, label: k[lang] }))} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
              {({ getFieldValue }) =>
                getFieldValue('kind') === 'employee' || getFieldValue('kind') === 'public_welfare' ? (
                  <Form.Item name="employerId" label={t('employer')} rules={[{ required: getFieldValue('kind') === 'employee' }]}>
                    <EmployerPicker />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
            <Space.Compact block>
              <Form.Item name="startDate" label={t('startDate')} rules={[{ required: true }]} style={{ flex: 1 }}>
                <PastDate />
              </Form.Item>
              <Form.Item name="endDate" label={t('endDate')} style={{ flex: 1 }}>
                <PastDate />
              </Form.Item>
            </Space.Compact>
            <Form.Item name="area" label={t('area')}>
              <Radio.Group options={[{ value: 'urban', label: t('area_urban') }, { value: 'rural', label: t('area_rural') }]} />
            </Form.Item>
            <Form.Item name="occupationCode" label={t('occupation')}>
              <OccupationSelect />
            </Form.Item>
            <Space wrap>
              <Form.Item name="newUrban" valuePropName="checked" noStyle>
                <Checkbox>{t('newUrban')}</Checkbox>
              </Form.Item>
              <Form.Item name="hasContract" valuePropName="checked" noStyle>
                <Checkbox>{t('hasContract')}</Checkbox>
              </Form.Item>
              <Form.Item name="reemployment" valuePropName="checked" noStyle>
                <Checkbox>{t('reemployment')}</Checkbox>
              </Form.Item>
            </Space>
          </>
        )}
      </FormModal>

      <FormModal<{ endDate: Dayjs; reason: string }, { householdChanged: number[] }>
        title={t('terminateTitle')}
        open={ending !== null}
        onClose={() => setEnding(null)}
        testid="terminate-form"
        refresh={['employment-registrations']}
        submit={(v) => api.post(`/employment/registrations/${ending!.id}/terminate`, { endDate: isoDate(v.endDate), reason: v.reason, version: ending!.version })}
        onDone={(r) => r.householdChanged.length && message.info(t('householdChanged', { count: r.householdChanged.length }))}
      >
        {() => (
          <>
            <Form.Item name="endDate" label={t('endDate')} rules={[{ required: true }]}>
              <PastDate />
            </Form.Item>
            <Form.Item name="reason" label={t('terminationReason')} rules={[{ required: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
