// 停发、追回与认证: stop events (death, imprisonment, release) with their reporting time, the
// imports from other departments, overpayment recovery cases, and pensioners due for
// self-authentication.
import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { label, month, useInsuranceCodes, yuan, type LifeEvent, type Recovery } from '../api';
import { FormModal, PastDate, PersonPicker, StatusTag, isoDate, toFen } from '../components';
import { ImportButton } from '../Upload';
import { insuranceMessages } from '../messages';

type Due = { asOf: string; threshold: number; items: { personId: number; name: string; idNumberMasked: string; regionName: string | null; pensionKind: string; score: number; lastSignal: string | null }[] };

export default function StopsPage() {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const codes = useInsuranceCodes();
  const due = useQuery({ queryKey: ['insurance', 'auth-due', regionCode], queryFn: ({ signal }) => api.get<Due>('/insurance/authentication/due', { regionCode }, signal) });
  const [recording, setRecording] = useState(false);
  const [closing, setClosing] = useState<Recovery | null>(null);
  const benefit = can('insurance:benefit');
  const refresh = [[...dataTableKey('insurance-life-events')], [...dataTableKey('insurance-recoveries')]];
  const statusOptions = (['open', 'recovered', 'written_off'] as const).map((v) => ({ value: v, label: v === 'open' ? t('open') : v === 'recovered' ? t('recovered') : t('writtenOff') }));
  return (
    <Card title={t('stopsTitle')}>
      <Tabs
        items={[
          {
            key: 'events',
            label: t('lifeEvents'),
            children: (
              <>
                {benefit && (
                  <Space direction="vertical" style={{ marginBottom: 12, width: '100%' }}>
                    <Button type="primary" onClick={() => setRecording(true)} data-testid="ins-record-event">{t('recordEvent')}</Button>
                    <Card size="small" title={t('importDeaths')}><ImportButton kind="life-events" refreshKeys={refresh} /></Card>
                  </Space>
                )}
                <DataTable<LifeEvent>
                  id="insurance-life-events"
                  path="/insurance/life-events"
                  rowKey={(r) => r.id}
                  params={{ regionCode }}
                  urlState={false}
                  exportable
                  exportName={t('lifeEvents')}
                  filters={[
                    { kind: 'text', name: 'q', label: t('nameOrId'), width: 200 },
                    { kind: 'select', name: 'kind', label: t('event'), options: (codes.data?.lifeEvents ?? []).map((k) => ({ value: k.code, label: k[lang] })) },
                    { kind: 'region', name: 'regionCode', label: t('region') },
                  ]}
                  columns={[
                    { title: t('person'), dataIndex: 'personName', key: 'personName', render: (n: string, r) => <Link to={`/insurance/persons/${r.personId}`}>{n}</Link> },
                    { title: t('idNumber'), dataIndex: 'idNumberMasked', key: 'idNumberMasked', render: (v: string) => <code>{v}</code> },
                    { title: t('event'), dataIndex: 'kindName', key: 'kindName' },
                    { title: t('occurredOn'), dataIndex: 'occurredOn', key: 'occurredOn', render: formatDate },
                    { title: t('knownOn'), dataIndex: 'knownOn', key: 'knownOn', render: formatDate },
                    { title: t('source'), dataIndex: 'source', key: 'source', render: (v: string) => label(codes.data?.dataSources, v, lang) },
                    { title: t('sourceRef'), dataIndex: 'sourceRef', key: 'sourceRef' },
                    { title: t('reportDays'), dataIndex: 'reportWorkingDays', key: 'reportWorkingDays', render: (v: number, r) => (r.reportedLate ? <Tag color="red">{v} · {t('reportedLate')}</Tag> : v) },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'recoveries',
            label: t('recoveries'),
            children: (
              <>
                <DataTable<Recovery>
                  id="insurance-recoveries"
                  path="/insurance/recoveries"
                  rowKey={(r) => r.id}
                  params={{ regionCode }}
                  urlState={false}
                  exportable
                  exportName={t('recoveries')}
                  filters={[
                    { kind: 'text', name: 'q', label: t('nameOrId'), width: 200 },
                    { kind: 'select', name: 'status', label: t('status'), options: statusOptions },
                    { kind: 'region', name: 'regionCode', label: t('region') },
                  ]}
                  columns={[
                    { title: t('person'), dataIndex: 'personName', key: 'personName', render: (n: string, r) => <Link to={`/insurance/persons/${r.personId}`}>{n}</Link> },
                    { title: t('idNumber'), dataIndex: 'idNumberMasked', key: 'idNumberMasked', render: (v: string) => <code>{v}</code> },
                    { title: t('reason'), dataIndex: 'reason', key: 'reason', render: (v: string) => label(codes.data?.lifeEvents, v, lang) },
                    { title: t('payMonth'), dataIndex: 'months', key: 'months', render: (ms: { month: string }[]) => ms.map((m) => month(m.month)).join('、') },
                    { title: t('amountYuan'), dataIndex: 'amountFen', key: 'amountFen', align: 'right', render: yuan },
                    { title: t('recoveredAmount'), dataIndex: 'recoveredFen', key: 'recoveredFen', align: 'right', render: yuan },
                    { title: t('status'), dataIndex: 'status', key: 'status', render: (v: string) => <StatusTag status={v} text={statusOptions.find((o) => o.value === v)?.label ?? v} /> },
                    { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
                    { title: t('actions'), key: 'actions', render: (_, r) => (benefit && r.status === 'open' ? <Button size="small" onClick={() => setClosing(r)}>{t('closeCase')}</Button> : null) },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'auth',
            label: t('authDue'),
            children: (
              <>
                {benefit && <Card size="small" title={t('importSignals')} style={{ marginBottom: 12 }}><ImportButton kind="life-signals" refreshKeys={[['insurance', 'auth-due']]} /></Card>}
                <ProblemAlert error={due.error} />
                <Table
                  size="small"
                  rowKey="personId"
                  dataSource={due.data?.items ?? []}
                  title={() => `${t('threshold')} ${due.data?.threshold ?? ''} · ${t('asOf')} ${formatDate(due.data?.asOf)}`}
                  columns={[
                    { title: t('person'), dataIndex: 'name', render: (n: string, r: { personId: number }) => <Link to={`/insurance/persons/${r.personId}`}>{n}</Link> },
                    { title: t('idNumber'), dataIndex: 'idNumberMasked', render: (v: string) => <code>{v}</code> },
                    { title: t('kind'), dataIndex: 'pensionKind', render: (v: string) => label(codes.data?.benefitKinds, v, lang) },
                    { title: t('score'), dataIndex: 'score' },
                    { title: t('lastSignal'), dataIndex: 'lastSignal', render: formatDate },
                    { title: t('region'), dataIndex: 'regionName' },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      <FormModal<{ personId: number; kind: string; occurredOn: Dayjs; knownOn?: Dayjs; source: string; sourceRef: string }>
        title={t('recordEvent')}
        open={recording}
        onClose={() => setRecording(false)}
        testid="ins-event-form"
        refreshKeys={refresh}
        initialValues={{ kind: 'death', source: 'civil_affairs' }}
        submit={(v) => api.post('/insurance/life-events', { personId: v.personId, kind: v.kind, occurredOn: isoDate(v.occurredOn), knownOn: isoDate(v.knownOn) ?? undefined, source: v.source, sourceRef: v.sourceRef })}
      >
        {() => (
          <>
            <Form.Item name="personId" label={t('person')} rules={[{ required: true }]}><PersonPicker /></Form.Item>
            <Form.Item name="kind" label={t('event')} rules={[{ required: true }]}><Select options={(codes.data?.lifeEvents ?? []).map((x) => ({ value: x.code, label: x[lang] }))} /></Form.Item>
            <Form.Item name="occurredOn" label={t('occurredOn')} rules={[{ required: true }]}><PastDate /></Form.Item>
            <Form.Item name="knownOn" label={t('knownOn')}><PastDate /></Form.Item>
            <Form.Item name="source" label={t('source')} rules={[{ required: true }]}><Select options={(codes.data?.dataSources ?? []).map((x) => ({ value: x.code, label: x[lang] }))} /></Form.Item>
            <Form.Item name="sourceRef" label={t('sourceRef')} rules={[{ required: true }]}><Input maxLength={64} /></Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<{ status: 'recovered' | 'written_off'; recovered: number; note?: string }>
        title={t('closeCase')}
        open={closing !== null}
        onClose={() => setClosing(null)}
        testid="ins-close-recovery"
        refreshKeys={refresh}
        initialValues={{ status: 'recovered', recovered: closing ? closing.amountFen / 100 : 0 }}
        submit={(v) => api.post(`/insurance/recoveries/${closing!.id}/close`, { status: v.status, recoveredFen: toFen(v.recovered) ?? 0, note: v.note || null, version: closing!.version })}
      >
        {() => (
          <>
            <Form.Item name="status" label={t('status')}><Select options={[{ value: 'recovered', label: t('recovered') }, { value: 'written_off', label: t('writtenOff') }]} /></Form.Item>
            <Form.Item name="recovered" label={t('recoveredAmount')} rules={[{ required: true }]}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="note" label={t('note')}><Input maxLength={500} /></Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
