// 单位参保: registration, insured staff (增员 / 减员), monthly declarations with what was paid,
// arrears with the late fee to date, arrears notices, and the declaration import.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Form, Input, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { label, month, useInsuranceCodes, yuan, type DeclarationLine, type EmployerMonth, type EmployerView, type Enrolment } from '../api';
import { FormModal, MonthPick, PastDate, PersonPicker, StatusTag, isoDate, isoMonth } from '../components';
import { ImportButton } from '../Upload';
import { insuranceMessages } from '../messages';

export default function EmployerDetailPage() {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const codes = useInsuranceCodes();
  const id = Number(useParams().id);
  const key = ['insurance', 'employer', id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<EmployerView>(`/insurance/employers/${id}`, undefined, signal) });
  const [modal, setModal] = useState<'add' | 'remove' | 'pay' | null>(null);
  const [removing, setRemoving] = useState<Enrolment | null>(null);
  const [openMonth, setOpenMonth] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: ['insurance', 'employer-month', id, openMonth],
    queryFn: ({ signal }) => api.get<{ feeMonth: string; items: DeclarationLine[] }>(`/insurance/employers/${id}/declarations`, { feeMonth: openMonth ?? undefined }, signal),
    enabled: openMonth !== null,
  });
  const e = q.data;
  const write = can('insurance:write');
  const staff = (e?.staff ?? []).filter((s) => s.status !== 'terminated');
  return (
    <Card title={e ? `${t('employersTitle')} · ${e.employer.name}` : t('employersTitle')} data-testid="ins-employer">
      <ProblemAlert error={q.error} />
      {e && (
        <>
          <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="USCC"><code>{e.employer.uscc}</code></Descriptions.Item>
            <Descriptions.Item label={t('region')}>{e.employer.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('registeredOn')}>{e.registration ? formatDate(e.registration.registeredOn) : <Tag color="red">{t('none')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('types')} span={2}>{(e.registration?.types ?? []).map((x) => <Tag key={x}>{label(codes.data?.insuranceTypes, x, lang)}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label={t('workInjuryClass')}>{e.registration?.workInjuryClass ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[
              {
                key: 'staff',
                label: `${t('staff')} (${new Set(staff.map((s) => s.personId)).size})`,
                children: (
                  <>
                    {write && e.registration && (
                      <Space style={{ marginBottom: 12 }}>
                        <Button type="primary" onClick={() => setModal('add')} data-testid="ins-add-staff">{t('addStaff')}</Button>
                      </Space>
                    )}
                    <Table<Enrolment>
                      size="small"
                      rowKey="id"
                      dataSource={e.staff}
                      pagination={{ pageSize: 50 }}
                      columns={[
                        { title: t('name'), dataIndex: 'personName', render: (n: string, r) => <Link to={`/insurance/persons/${r.personId}`}>{n}</Link> },
                        { title: t('idNumber'), dataIndex: 'idNumberMasked', render: (v: string) => <code>{v}</code> },
                        { title: t('type'), dataIndex: 'insuranceTypeName' },
                        { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} text={label(codes.data?.enrolmentStatuses, v, lang)} /> },
                        { title: t('startDate'), dataIndex: 'startDate', render: formatDate },
                        { title: t('endDate'), dataIndex: 'endDate', render: formatDate },
                        { title: t('actions'), render: (_, r) => (write && r.status !== 'terminated' ? <Button size="small" onClick={() => { setRemoving(r); setModal('remove'); }}>{t('removeStaff')}</Button> : null) },
                      ]}
                    />
                  </>
                ),
              },
              {
                key: 'declarations',
                label: t('declarations'),
                children: (
                  <>
                    {write && (
                      <Card size="small" title={t('declare')} style={{ marginBottom: 12 }}>
                        <Typography.Paragraph type="secondary">{t('declareHint')}</Typography.Paragraph>
                        <ImportButton kind="contributions" problems refreshKeys={[key]} />
                        <Button style={{ marginTop: 12 }} onClick={() => setModal('pay')} data-testid="ins-record-payment">{t('recordPayment')}</Button>
                      </Card>
                    )}
                    <Table<EmployerMonth>
                      size="small"
                      rowKey="feeMonth"
                      dataSource={e.months}
                      onRow={(r) => ({ onClick: () => setOpenMonth(r.feeMonth) })}
                      columns={[
                        { title: t('feeMonth'), dataIndex: 'feeMonth', render: (v: string) => <a>{month(v)}</a> },
                        { title: t('persons'), dataIndex: 'persons', align: 'right' },
                        { title: t('base'), dataIndex: 'baseFen', align: 'right', render: yuan },
                        { title: t('due'), dataIndex: 'dueFen', align: 'right', render: yuan },
                        { title: t('paid'), dataIndex: 'paidFen', align: 'right', render: yuan },
                        { title: t('arrears'), dataIndex: 'arrearsFen', align: 'right', render: (v: number) => (v > 0 ? <Tag color="red">{yuan(v)}</Tag> : '—') },
                        { title: t('paymentDueDate'), dataIndex: 'paymentDueDate', render: formatDate },
                        { title: t('lateFee'), dataIndex: 'lateFeeFen', align: 'right', render: yuan },
                      ]}
                    />
                  </>
                ),
              },
              {
                key: 'arrears',
                label: `${t('arrears')} (${e.arrears.length})`,
                children: (
                  <>
                    {e.arrears.length === 0 && <Alert type="success" message={t('none')} />}
                    <Table
                      size="small"
                      rowKey="feeMonth"
                      pagination={false}
                      dataSource={e.arrears}
                      columns={[
                        { title: t('feeMonth'), dataIndex: 'feeMonth', render: month },
                        { title: t('arrears'), dataIndex: 'arrearsFen', align: 'right', render: yuan },
                        { title: t('lateFee'), dataIndex: 'lateFeeFen', align: 'right', render: yuan },
                        { title: t('paymentDueDate'), dataIndex: 'paymentDueDate', render: formatDate },
                        { title: t('noticeDueDate'), dataIndex: 'noticeDueDate', render: formatDate },
                        {
                          title: t('notices'),
                          render: (_, r) =>
                            r.noticeIssuedOn ? formatDate(r.noticeIssuedOn) : write ? <IssueNotice employerId={id} feeMonth={r.feeMonth} refresh={key} /> : '—',
                        },
                      ]}
                    />
                    <Table
                      size="small"
                      rowKey="id"
                      pagination={false}
                      style={{ marginTop: 12 }}
                      title={() => t('notices')}
                      dataSource={e.notices}
                      columns={[
                        { title: t('feeMonth'), dataIndex: 'feeMonth', render: month },
                        { title: t('issuedOn'), dataIndex: 'issuedOn', render: formatDate },
                        { title: t('noticeDueDate'), dataIndex: 'noticeDueDate', render: formatDate },
                        { title: t('status'), dataIndex: 'onTime', render: (v: boolean) => (v ? <Tag color="green">{t('onTime')}</Tag> : <Tag color="red">{t('late')}</Tag>) },
                        { title: t('arrears'), dataIndex: 'arrearsFen', align: 'right', render: yuan },
                        { title: t('lateFee'), dataIndex: 'lateFeeFen', align: 'right', render: yuan },
                      ]}
                    />
                  </>
                ),
              },
            ]}
          />
          <Drawer open={openMonth !== null} onClose={() => setOpenMonth(null)} size="large" title={`${t('declarations')} ${month(openMonth)}`}>
            <ProblemAlert error={detail.error} />
            <Table<DeclarationLine>
              size="small"
              rowKey={(r) => `${r.personId}-${r.insuranceType}`}
              pagination={false}
              dataSource={detail.data?.items ?? []}
              columns={[
                { title: t('name'), dataIndex: 'personName' },
                { title: t('idNumber'), dataIndex: 'idNumberMasked', render: (v: string) => <code>{v}</code> },
                { title: t('type'), dataIndex: 'insuranceTypeName' },
                { title: t('base'), dataIndex: 'baseFen', align: 'right', render: yuan },
                { title: t('due'), dataIndex: 'dueFen', align: 'right', render: yuan },
                { title: t('paid'), dataIndex: 'paidFen', align: 'right', render: yuan },
              ]}
            />
          </Drawer>
          <FormModal<{ how: 'person' | 'id'; personId?: number; idNumber?: string; name?: string; types?: string[]; startDate: Dayjs }>
            title={t('addStaff')}
            open={modal === 'add'}
            onClose={() => setModal(null)}
            testid="ins-add-staff-form"
            refreshKeys={[key]}
            initialValues={{ how: 'person', types: e.registration?.types }}
            submit={(v) => api.post(`/insurance/employers/${id}/staff`, { personId: v.how === 'person' ? v.personId : undefined, idNumber: v.how === 'id' ? v.idNumber : undefined, name: v.how === 'id' ? v.name : undefined, types: v.types, startDate: isoDate(v.startDate) })}
          >
            {(form) => (
              <>
                <Form.Item name="how"><Radio.Group options={[{ value: 'person', label: t('person') }, { value: 'id', label: t('byIdNumber') }]} /></Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() =>
                    form.getFieldValue('how') === 'id' ? (
                      <>
                        <Form.Item name="idNumber" label={t('idNumber')} rules={[{ required: true }]}><Input maxLength={18} /></Form.Item>
                        <Form.Item name="name" label={t('name')} rules={[{ required: true }]}><Input maxLength={50} /></Form.Item>
                      </>
                    ) : (
                      <Form.Item name="personId" label={t('person')} rules={[{ required: true }]}><PersonPicker /></Form.Item>
                    )
                  }
                </Form.Item>
                <Form.Item name="types" label={t('types')}>
                  <SelectTypes options={e.registration?.types ?? []} />
                </Form.Item>
                <Form.Item name="startDate" label={t('startDate')} rules={[{ required: true }]}><PastDate /></Form.Item>
              </>
            )}
          </FormModal>
          <FormModal<{ endDate: Dayjs; reason?: string }>
            title={`${t('removeStaff')} ${removing?.personName ?? ''}`}
            open={modal === 'remove'}
            onClose={() => setModal(null)}
            testid="ins-remove-staff-form"
            refreshKeys={[key]}
            submit={(v) => api.post(`/insurance/employers/${id}/staff/remove`, { personId: removing!.personId, endDate: isoDate(v.endDate), reason: v.reason || null })}
          >
            {() => (
              <>
                <Form.Item name="endDate" label={t('removeDate')} rules={[{ required: true }]}><PastDate /></Form.Item>
                <Form.Item name="reason" label={t('reason')}><Input maxLength={200} /></Form.Item>
              </>
            )}
          </FormModal>
          <FormModal<{ feeMonth: Dayjs; paidOn: Dayjs; paymentRef: string }>
            title={t('recordPayment')}
            open={modal === 'pay'}
            onClose={() => setModal(null)}
            testid="ins-payment-form"
            refreshKeys={[key]}
            submit={(v) => api.post(`/insurance/employers/${id}/payments`, { feeMonth: isoMonth(v.feeMonth), paidOn: isoDate(v.paidOn), paymentRef: v.paymentRef })}
          >
            {() => (
              <>
                <Form.Item name="feeMonth" label={t('feeMonth')} rules={[{ required: true }]}><MonthPick /></Form.Item>
                <Form.Item name="paidOn" label={t('paidOn')} rules={[{ required: true }]}><PastDate /></Form.Item>
                <Form.Item name="paymentRef" label={t('paymentRef')} rules={[{ required: true }]}><Input maxLength={64} /></Form.Item>
              </>
            )}
          </FormModal>
        </>
      )}
    </Card>
  );
}

function SelectTypes({ options, value, onChange }: { options: string[]; value?: string[]; onChange?: (v: string[]) => void }) {
  const { lang } = useI18n();
  const codes = useInsuranceCodes();
  return (
    <Space wrap>
      {options.map((x) => (
        <Tag.CheckableTag key={x} checked={(value ?? []).includes(x)} onChange={(c) => onChange?.(c ? [...(value ?? []), x] : (value ?? []).filter((y) => y !== x))}>
          {label(codes.data?.insuranceTypes, x, lang)}
        </Tag.CheckableTag>
      ))}
    </Space>
  );
}

function IssueNotice({ employerId, feeMonth, refresh }: { employerId: number; feeMonth: string; refresh: readonly unknown[] }) {
  const t = useMessages(insuranceMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>{t('issueNotice')}</Button>
      <FormModal<object> title={`${t('issueNotice')} ${month(feeMonth)}`} open={open} onClose={() => setOpen(false)} testid="ins-notice-form" refreshKeys={[[...refresh]]} okText={t('issueNotice')} submit={() => api.post('/insurance/arrears/notices', { employerId, feeMonth: feeMonth.slice(0, 7) })}>
        {() => <Typography.Paragraph>{t('noticeDueDate')}</Typography.Paragraph>}
      </FormModal>
    </>
  );
}
