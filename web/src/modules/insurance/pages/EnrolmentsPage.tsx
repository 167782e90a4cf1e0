// 参保登记: every enrolment in scope; individual enrolment (flexible, new-form workers, residents),
// status changes (暂停 / 恢复 / 终止) with history, and individual contributions.
import { useState } from 'react';
import { Button, Card, Drawer, Form, InputNumber, Select, Space, Timeline } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { formatDate, formatInstant } from '../../../ui/format';
import { label, useInsuranceCodes, type Enrolment } from '../api';
import { FormModal, MonthPick, PastDate, PersonPicker, StatusTag, isoDate, isoMonth, toFen } from '../components';
import { insuranceMessages } from '../messages';

type History = { id: number; action: string; effectiveDate: string; fromStatus: string | null; toStatus: string; reason: string | null; actorName: string; at: string };

function EnrolmentDrawer({ e, onClose }: { e: Enrolment; onClose: () => void }) {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const codes = useInsuranceCodes();
  const h = useQuery({ queryKey: ['insurance', 'enrolment-history', e.id, e.version], queryFn: ({ signal }) => api.get<History[]>(`/insurance/enrolments/${e.id}/history`, undefined, signal) });
  const [action, setAction] = useState<'suspend' | 'resume' | 'terminate' | 'pay' | null>(null);
  const write = can('insurance:write');
  return (
    <Drawer open onClose={onClose} title={`${e.personName ?? ''} · ${e.insuranceTypeName}`} size="large">
      {write && e.status !== 'terminated' && (
        <Space style={{ marginBottom: 16 }}>
          {e.status === 'paying' && <Button onClick={() => setAction('suspend')}>{t('suspend')}</Button>}
          {e.status === 'suspended' && <Button onClick={() => setAction('resume')}>{t('resume')}</Button>}
          <Button danger onClick={() => setAction('terminate')}>{t('terminate')}</Button>
          {!e.employerId && e.status === 'paying' && <Button type="primary" onClick={() => setAction('pay')}>{t('individualContribution')}</Button>}
        </Space>
      )}
      <Timeline
        items={(h.data ?? []).map((x) => ({
          children: (
            <>
              <StatusTag status={x.toStatus} text={label(codes.data?.enrolmentStatuses, x.toStatus, lang)} /> {formatDate(x.effectiveDate)} {x.reason ?? ''}
              <div style={{ color: '#999', fontSize: 12 }}>{x.actorName} · {formatInstant(x.at)}</div>
            </>
          ),
        }))}
      />
      <FormModal<{ date: Dayjs; reason?: string }>
        title={action ? t(action === 'pay' ? 'individualContribution' : action) : ''}
        open={action !== null && action !== 'pay'}
        onClose={() => setAction(null)}
        testid="ins-enrolment-status"
        refresh={['insurance-enrolments']}
        submit={(v) => api.post(`/insurance/enrolments/${e.id}/status`, { action, date: isoDate(v.date), reason: v.reason || null, version: e.version })}
        onDone={onClose}
      >
        {() => (
          <>
            <Form.Item name="date" label={t('date')} rules={[{ required: true }]}><PastDate /></Form.Item>
            <Form.Item name="reason" label={t('reason')}><Select allowClear options={['中断缴费', '解除劳动关系', '出国定居', '转移', '其他'].map((x) => ({ value: x, label: x }))} /></Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<{ feeMonth: Dayjs; base?: number; level?: number; paidOn?: Dayjs }>
        title={t('individualContribution')}
        open={action === 'pay'}
        onClose={() => setAction(null)}
        testid="ins-individual-contribution"
        refresh={['insurance-enrolments']}
        submit={(v) =>
          api.post(`/insurance/enrolments/${e.id}/contributions`, {
            feeMonth: isoMonth(v.feeMonth),
            baseFen: e.insuranceType === 'resident_pension' ? undefined : toFen(v.base),
            levelFen: e.insuranceType === 'resident_pension' ? toFen(v.level) : undefined,
            paidOn: isoDate(v.paidOn),
          })
        }
      >
        {() => (
          <>
            <Form.Item name="feeMonth" label={t('feeMonth')} rules={[{ required: true }]}><MonthPick /></Form.Item>
            {e.insuranceType === 'resident_pension' ? (
              <Form.Item name="level" label={t('level')} rules={[{ required: true }]}><InputNumber min={100} style={{ width: '100%' }} /></Form.Item>
            ) : (
              <Form.Item name="base" label={t('base')} rules={[{ required: true }]}><InputNumber min={1} precision={2} style={{ width: '100%' }} /></Form.Item>
            )}
            <Form.Item name="paidOn" label={t('paidOn')}><PastDate /></Form.Item>
          </>
        )}
      </FormModal>
    </Drawer>
  );
}

export default function EnrolmentsPage() {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const codes = useInsuranceCodes();
  const [open, setOpen] = useState<Enrolment | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Card title={t('enrolmentsTitle')}>
      <DataTable<Enrolment>
        id="insurance-enrolments"
        path="/insurance/enrolments"
        rowKey={(r) => r.id}
        params={{ regionCode }}
        onRowClick={setOpen}
        filters={[
          { kind: 'select', name: 'insuranceType', label: t('type'), width: 200, options: (codes.data?.insuranceTypes ?? []).map((x) => ({ value: x.code, label: x[lang] })) },
          { kind: 'select', name: 'status', label: t('status'), width: 120, options: (codes.data?.enrolmentStatuses ?? []).map((x) => ({ value: x.code, label: x[lang] })) },
          { kind: 'region', name: 'regionCode', label: t('region') },
        ]}
        toolbar={can('insurance:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="ins-enrol">{t('enrolIndividual')}</Button>}
        columns={[
          { title: t('person'), dataIndex: 'personName', key: 'personName', render: (n: string, r) => <Link to={`/insurance/persons/${r.personId}`} onClick={(ev) => ev.stopPropagation()}>{n}</Link> },
          { title: t('idNumber'), dataIndex: 'idNumberMasked', key: 'idNumberMasked', render: (v: string) => <code>{v}</code> },
          { title: t('type'), dataIndex: 'insuranceTypeName', key: 'insuranceTypeName' },
          { title: t('employer'), dataIndex: 'employerName', key: 'employerName', render: (v: string | null) => v ?? '—' },
          { title: t('workerForm'), dataIndex: 'workerForm', key: 'workerForm', render: (v: string) => label(codes.data?.workerForms, v, lang) },
          { title: t('status'), dataIndex: 'status', key: 'status', render: (v: string) => <StatusTag status={v} text={label(codes.data?.enrolmentStatuses, v, lang)} /> },
          { title: t('startDate'), dataIndex: 'startDate', key: 'startDate', render: formatDate },
          { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
        ]}
      />
      {open && <EnrolmentDrawer e={open} onClose={() => setOpen(null)} />}
      <FormModal<{ personId: number; insuranceType: string; workerForm: string; startDate: Dayjs }>
        title={t('enrolIndividual')}
        open={creating}
        onClose={() => setCreating(false)}
        testid="ins-enrol-form"
        refresh={['insurance-enrolments']}
        initialValues={{ insuranceType: 'resident_pension', workerForm: 'resident' }}
        submit={(v) => api.post('/insurance/enrolments', { personId: v.personId, insuranceType: v.insuranceType, workerForm: v.workerForm, startDate: isoDate(v.startDate) })}
      >
        {() => (
          <>
            <Form.Item name="personId" label={t('person')} rules={[{ required: true }]}><PersonPicker /></Form.Item>
            <Form.Item name="insuranceType" label={t('type')} rules={[{ required: true }]}>
              <Select options={['resident_pension', 'enterprise_pension'].map((x) => ({ value: x, label: label(codes.data?.insuranceTypes, x, lang) }))} />
            </Form.Item>
            <Form.Item name="workerForm" label={t('workerForm')} rules={[{ required: true }]}>
              <Select options={(codes.data?.workerForms ?? []).filter((x) => x.code !== 'employee').map((x) => ({ value: x.code, label: x[lang] }))} />
            </Form.Item>
            <Form.Item name="startDate" label={t('startDate')} rules={[{ required: true }]}><PastDate /></Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
