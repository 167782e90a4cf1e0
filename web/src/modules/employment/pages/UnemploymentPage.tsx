// 失业登记: list, register, and a drawer with the services received, the difficulty status
// and closing. Re-employment closes a registration through an employment registration.
import { useState } from 'react';
import { Button, Card, Checkbox, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { label, useEmploymentCodes, type Unemployment } from '../api';
import { PastDate, YesNo, isoDate } from '../components/common';
import { FormModal } from '../components/FormModal';
import { PersonPicker } from '../components/Pickers';
import { employmentMessages } from '../messages';
import { employmentPermissions } from '../permissions';

function UnemploymentDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const codes = useEmploymentCodes();
  const key = ['employment', 'unemployment', id];
  const reg = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<Unemployment>(`/employment/unemployment/${id}`, undefined, signal) });
  const [modal, setModal] = useState<'service' | 'close' | 'difficulty' | null>(null);
  const r = reg.data;
  const write = can(employmentPermissions.write);
  return (
    <Drawer open title={t('unemploymentTitle')} onClose={onClose} size="large" data-testid="unemployment-drawer">
      <ProblemAlert error={reg.error} />
      {r && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('person')}>{r.personName} <code>{r.idNumberMasked}</code></Descriptions.Item>
            <Descriptions.Item label={t('region')}>{r.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('registeredOn')}>{formatDate(r.registeredOn)}</Descriptions.Item>
            <Descriptions.Item label={t('reason')}>{label(codes.data?.unemploymentReasons, r.reason, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('urban')}><YesNo value={r.urban} yes={t('yes')} no={t('no')} /></Descriptions.Item>
            <Descriptions.Item label={t('difficulty')}>{r.difficulty ? `${t('yes')}（${formatDate(r.difficultySince)}）` : t('no')}</Descriptions.Item>
            <Descriptions.Item label={t('groups')} span={2}>{r.groups.map((g) => <Tag key={g}>{label(codes.data?.difficultyGroups, g, lang)}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label={t('closedOn')}>{formatDate(r.closedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('closedReason')}>{r.closedReason ? label(codes.data?.closeReasons, r.closedReason, lang) : '—'}</Descriptions.Item>
          </Descriptions>
          {write && !r.closedOn && (
            <Space style={{ margin: '16px 0' }}>
              <Button onClick={() => setModal('service')} data-testid="unemployment-add-service">{t('addService')}</Button>
              <Button onClick={() => setModal('difficulty')}>{t('difficulty')}</Button>
              <Button danger onClick={() => setModal('close')}>{t('closeUnemployment')}</Button>
            </Space>
          )}
          <Table
            size="small"
            rowKey="id"
            title={() => t('services')}
            pagination={false}
            dataSource={r.services ?? []}
            columns={[
              { title: t('serviceKind'), dataIndex: 'kind', render: (k: string) => label(codes.data?.serviceKinds, k, lang) },
              { title: t('date'), dataIndex: 'serviceDate', render: formatDate },
              { title: t('note'), dataIndex: 'note' },
            ]}
          />
          <FormModal<{ kind: string; serviceDate: Dayjs; note?: string }>
            title={t('addService')}
            open={modal === 'service'}
            onClose={() => setModal(null)}
            testid="service-form"
            refreshKeys={[key]}
            submit={(v) => api.post(`/employment/unemployment/${id}/services`, { kind: v.kind, serviceDate: isoDate(v.serviceDate), note: v.note || null })}
          >
            {() => (
              <>
                <Form.Item name="kind" label={t('serviceKind')} rules={[{ required: true }]}>
                  <Select options={(codes.data?.serviceKinds ?? []).map((k) => ({ value: k.code, label: k[lang] }))} />
                </Form.Item>
                <Form.Item name="serviceDate" label={t('date')} rules={[{ required: true }]}><PastDate /></Form.Item>
                <Form.Item name="note" label={t('note')}><Input maxLength={500} /></Form.Item>
              </>
            )}
          </FormModal>
          <FormModal<{ closedOn: Dayjs; reason: string }>
            title={t('closeUnemployment')}
            open={modal === 'close'}
            onClose={() => setModal(null)}
            testid="close-form"
            refresh={['employment-unemployment']}
            refreshKeys={[key]}
            submit={(v) => api.post(`/employment/unemployment/${id}/close`, { closedOn: isoDate(v.closedOn), reason: v.reason, version: r.version })}
          >
            {() => (
              <>
                <Form.Item name="closedOn" label={t('closedOn')} rules={[{ required: true }]}><PastDate /></Form.Item>
                <Form.Item name="reason" label={t('closedReason')} rules={[{ required: true }]}>
                  <Select options={(codes.data?.closeReasons ?? []).filter((c) => c.code !== 'reemployed').map((k) => ({ value: k.code, label: k[lang] }))} />
                </Form.Item>
              </>
            )}
          </FormModal>
          <FormModal<{ difficulty: boolean; since?: Dayjs; groups: string[] }>
            title={t('difficulty')}
            open={modal === 'difficulty'}
            onClose={() => setModal(null)}
            testid="difficulty-form"
            refresh={['employment-unemployment']}
            refreshKeys={[key]}
            initialValues={{ difficulty: r.difficulty, groups: r.groups }}
            submit={(v) => api.put(`/employment/unemployment/${id}/difficulty`, { difficulty: v.difficulty, since: isoDate(v.since), groups: v.groups, version: r.version })}
          >
            {() => (
              <>
                <Form.Item name="difficulty" valuePropName="checked"><Checkbox>{t('difficulty')}</Checkbox></Form.Item>
                <Form.Item name="since" label={t('difficultySince')}><PastDate /></Form.Item>
                <Form.Item name="groups" label={t('groups')}>
                  <Select mode="multiple" options={(codes.data?.difficultyGroups ?? []).map((k) => ({ value: k.code, label: k[lang] }))} />
                </Form.Item>
              </>
            )}
          </FormModal>
        </>
      )}
    </Drawer>
  );
}

type RegisterValues = { personId: number; registeredOn: Dayjs; reason: string; urban: boolean; difficulty: boolean; groups: string[] };

export default function UnemploymentPage() {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const codes = useEmploymentCodes();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <Card title={t('unemploymentTitle')}>
      <DataTable<Unemployment>
        id="employment-unemployment"
        path="/employment/unemployment"
        rowKey={(r) => r.id}
        params={{ regionCode }}
        onRowClick={(r) => setOpenId(r.id)}
        filters={[
          { kind: 'region', name: 'regionCode', label: t('region') },
          { kind: 'select', name: 'open', label: t('status'), width: 110, options: [{ value: 'true', label: t('openOnly') }, { value: 'false', label: t('closedOn') }] },
          { kind: 'select', name: 'difficulty', label: t('difficulty'), width: 120, options: [{ value: 'true', label: t('yes') }, { value: 'false', label: t('no') }] },
          { kind: 'select', name: 'group', label: t('groups'), width: 160, options: (codes.data?.difficultyGroups ?? []).map((g) => ({ value: g.code, label: g[lang] })) },
          { kind: 'dateRange', label: t('registeredOn') },
        ]}
        toolbar={
          can(employmentPermissions.write) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="unemployment-create">
              {t('registerUnemployment')}
            </Button>
          )
        }
        columns={[
          { title: t('person'), dataIndex: 'personName', key: 'personName', render: (n: string, r) => <a>{n} <code>{r.idNumberMasked}</code></a> },
          { title: t('registeredOn'), dataIndex: 'registeredOn', key: 'registeredOn', sorter: true, render: formatDate },
          { title: t('reason'), dataIndex: 'reason', key: 'reason', render: (v: string) => label(codes.data?.unemploymentReasons, v, lang) },
          { title: t('difficulty'), dataIndex: 'difficulty', key: 'difficulty', render: (v: boolean) => <YesNo value={v} yes={t('yes')} no={t('no')} /> },
          { title: t('groups'), dataIndex: 'groups', key: 'groups', render: (gs: string[]) => gs.map((g) => <Tag key={g}>{label(codes.data?.difficultyGroups, g, lang)}</Tag>) },
          { title: t('closedOn'), dataIndex: 'closedOn', key: 'closedOn', render: (v: string | null, r) => (v ? `${formatDate(v)} ${label(codes.data?.closeReasons, r.closedReason, lang)}` : <Tag color="orange">{t('openOnly')}</Tag>) },
          { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
        ]}
      />
      {openId !== null && <UnemploymentDrawer id={openId} onClose={() => setOpenId(null)} />}
      <FormModal<RegisterValues>
        title={t('registerUnemployment')}
        open={creating}
        onClose={() => setCreating(false)}
        testid="unemployment-form"
        refresh={['employment-unemployment']}
        initialValues={{ urban: true, difficulty: false, groups: [], reason: 'contract_ended' }}
        submit={(v) => api.post('/employment/unemployment', { personId: v.personId, registeredOn: isoDate(v.registeredOn), reason: v.reason, urban: v.urban, difficulty: v.difficulty, groups: v.groups })}
      >
        {() => (
          <>
            <Form.Item name="personId" label={t('person')} rules={[{ required: true }]}><PersonPicker /></Form.Item>
            <Form.Item name="registeredOn" label={t('registeredOn')} rules={[{ required: true }]}><PastDate /></Form.Item>
            <Form.Item name="reason" label={t('reason')} rules={[{ required: true }]}>
              <Select options={(codes.data?.unemploymentReasons ?? []).map((k) => ({ value: k.code, label: k[lang] }))} />
            </Form.Item>
            <Form.Item name="groups" label={t('groups')}>
              <Select mode="multiple" options={(codes.data?.difficultyGroups ?? []).map((k) => ({ value: k.code, label: k[lang] }))} />
            </Form.Item>
            <Space>
              <Form.Item name="urban" valuePropName="checked" noStyle><Checkbox>{t('urban')}</Checkbox></Form.Item>
              <Form.Item name="difficulty" valuePropName="checked" noStyle><Checkbox>{t('difficulty')}</Checkbox></Form.Item>
            </Space>
          </>
        )}
      </FormModal>
    </Card>
  );
}
