// 个人参保记录: enrolments by type, the ledger by month (with entries, reversal and correction),
// benefits with payments and their explanation, stop events and recovery cases, and the
// eligibility-authentication evidence.
import { useState } from 'react';
import { Button, Card, Col, Descriptions, Drawer, Empty, Form, Input, InputNumber, Row, Segmented, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useParams } from 'react-router';
import { api, download } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { label, month, useInsuranceCodes, yuan, type Authentication, type Decision, type Entry, type MonthLine, type PersonBenefits, type PersonRecord } from '../api';
import { Explanation, FormModal, PastDate, StatusTag, isoDate, toFen } from '../components';
import { insuranceMessages } from '../messages';

function LedgerTab({ personId, types }: { personId: number; types: string[] }) {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const codes = useInsuranceCodes();
  const [type, setType] = useState<string>(types[0] ?? 'enterprise_pension');
  const [openMonth, setOpenMonth] = useState<string | null>(null);
  const [action, setAction] = useState<{ kind: 'reverse' | 'correct'; entry: Entry } | null>(null);
  const key = ['insurance', 'ledger', personId, type];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<{ months: MonthLine[]; entries: Entry[] }>(`/insurance/persons/${personId}/ledger`, { insuranceType: type }, signal) });
  const entries = (q.data?.entries ?? []).filter((e) => e.feeMonth === openMonth);
  return (
    <>
      <Segmented value={type} onChange={(v) => setType(String(v))} options={types.map((x) => ({ value: x, label: label(codes.data?.insuranceTypes, x, lang) }))} style={{ marginBottom: 12 }} />
      <ProblemAlert error={q.error} />
      <Table<MonthLine>
        size="small"
        rowKey="feeMonth"
        loading={q.isPending}
        dataSource={[...(q.data?.months ?? [])].reverse()}
        pagination={{ pageSize: 24 }}
        onRow={(r) => ({ onClick: () => setOpenMonth(r.feeMonth) })}
        data-testid="ins-ledger-months"
        columns={[
          { title: t('feeMonth'), dataIndex: 'feeMonth', render: (v: string, r) => <a>{r.periodMonths === 12 ? v.slice(0, 4) : month(v)}</a> },
          { title: t('base'), dataIndex: 'baseFen', align: 'right', render: yuan },
          { title: t('due'), dataIndex: 'dueFen', align: 'right', render: yuan },
          { title: t('paid'), dataIndex: 'paidFen', align: 'right', render: yuan },
          { title: t('accountCredit'), dataIndex: 'accountFen', align: 'right', render: yuan },
          { title: t('arrears'), align: 'right', render: (_, r) => (r.dueFen > r.paidFen ? <Tag color="red">{yuan(r.dueFen - r.paidFen)}</Tag> : '—') },
          { title: t('entries'), dataIndex: 'entries', align: 'right' },
        ]}
      />
      <Drawer open={openMonth !== null} onClose={() => setOpenMonth(null)} size="large" title={`${t('entries')} ${month(openMonth)}`}>
        <Table<Entry>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={entries}
          columns={[
            { title: t('event'), dataIndex: 'event', render: (v: string, r) => <>{label(codes.data?.ledgerEvents, v, lang)}{r.revision ? ` r${r.revision}` : ''}{r.reversesId ? ` ← #${r.reversesId}` : ''}</> },
            { title: t('base'), dataIndex: 'baseFen', align: 'right', render: yuan },
            { title: t('employerPart'), dataIndex: 'employerFen', align: 'right', render: yuan },
            { title: t('personalPart'), dataIndex: 'personalFen', align: 'right', render: yuan },
            { title: t('accountCredit'), dataIndex: 'accountFen', align: 'right', render: yuan },
            { title: t('valueDate'), dataIndex: 'valueDate', render: formatDate },
            { title: t('note'), dataIndex: 'note' },
            {
              title: t('actions'),
              render: (_, e) =>
                can('insurance:write') && e.event !== 'reversed' ? (
                  <Space>
                    <Button size="small" onClick={() => setAction({ kind: 'reverse', entry: e })}>{t('reverse')}</Button>
                    {e.event === 'declared' && <Button size="small" onClick={() => setAction({ kind: 'correct', entry: e })}>{t('correct')}</Button>}
                  </Space>
                ) : null,
            },
          ]}
        />
      </Drawer>
      <FormModal<{ reason: string; base?: number }>
        title={action?.kind === 'correct' ? t('correct') : t('reverse')}
        open={action !== null}
        onClose={() => setAction(null)}
        testid="ins-ledger-action"
        refreshKeys={[key, ['insurance', 'person', personId]]}
        submit={(v) =>
          action!.kind === 'reverse'
            ? api.post(`/insurance/ledger/${action!.entry.id}/reverse`, { reason: v.reason })
            : api.post(`/insurance/ledger/${action!.entry.id}/correct`, { reason: v.reason, baseFen: toFen(v.base) })
        }
      >
        {() => (
          <>
            {action?.kind === 'correct' && (
              <Form.Item name="base" label={t('correctBase')} rules={[{ required: true }]}><InputNumber min={1} precision={2} style={{ width: '100%' }} /></Form.Item>
            )}
            <Form.Item name="reason" label={t('reverseReason')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}

function BenefitsTab({ personId }: { personId: number }) {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const codes = useInsuranceCodes();
  const q = useQuery({ queryKey: ['insurance', 'person-benefits', personId], queryFn: ({ signal }) => api.get<PersonBenefits>(`/insurance/persons/${personId}/benefits`, undefined, signal) });
  const [open, setOpen] = useState<Decision | null>(null);
  const d = q.data;
  return (
    <>
      <ProblemAlert error={q.error} />
      <Table<Decision>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d?.benefits ?? []}
        onRow={(r) => ({ onClick: () => setOpen(r) })}
        columns={[
          { title: t('kind'), dataIndex: 'kindName', render: (v: string) => <a>{v}</a> },
          { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
          { title: t('startMonth'), dataIndex: 'startMonth', render: month },
          { title: t('stoppedFrom'), dataIndex: 'stoppedFromMonth', render: month },
          { title: t('monthly'), dataIndex: 'monthlyFen', align: 'right', render: yuan },
          { title: t('lumpSum'), dataIndex: 'lumpSumFen', align: 'right', render: yuan },
          { title: t('payments'), render: (_, r) => r.payments?.length ?? 0 },
        ]}
      />
      <Card size="small" title={t('cases')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d?.lifeEvents ?? []}
          columns={[
            { title: t('event'), dataIndex: 'kindName' },
            { title: t('occurredOn'), dataIndex: 'occurredOn', render: formatDate },
            { title: t('knownOn'), dataIndex: 'knownOn', render: formatDate },
            { title: t('source'), dataIndex: 'source', render: (v: string) => label(codes.data?.dataSources, v, lang) },
            { title: t('reportDays'), dataIndex: 'reportWorkingDays', render: (v: number, r: { reportedLate: boolean }) => (r.reportedLate ? <Tag color="red">{v}</Tag> : v) },
          ]}
        />
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginTop: 12 }}
          dataSource={d?.recoveries ?? []}
          columns={[
            { title: t('recoveries'), dataIndex: 'reason' },
            { title: t('amountYuan'), dataIndex: 'amountFen', align: 'right', render: yuan },
            { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
            { title: t('payMonth'), dataIndex: 'months', render: (ms: { month: string }[]) => ms.map((m) => month(m.month)).join('、') },
          ]}
        />
      </Card>
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="large" title={open?.kindName}>
        {open && (
          <>
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('status')}><StatusTag status={open.status} /></Descriptions.Item>
              <Descriptions.Item label={t('monthly')}>{yuan(open.monthlyFen)}</Descriptions.Item>
              <Descriptions.Item label={t('startMonth')}>{month(open.startMonth)}</Descriptions.Item>
              <Descriptions.Item label={t('endMonth')}>{month(open.endMonth)}</Descriptions.Item>
              {open.registrationRef && <Descriptions.Item label="失业登记 Registration" span={2}>#{open.registrationRef} {open.registrationVerified ? '✓' : ''}</Descriptions.Item>}
            </Descriptions>
            <Explanation steps={open.explanation} rule={`${open.ruleKey}@${open.ruleVersion}`} clause={open.clause} paramsVersion={open.paramsVersion} />
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              style={{ marginTop: 12 }}
              title={() => t('payments')}
              dataSource={open.payments ?? []}
              columns={[
                { title: t('payMonth'), dataIndex: 'payMonth', render: month },
                { title: t('amountYuan'), dataIndex: 'amountFen', align: 'right', render: yuan },
                { title: t('paidOn'), dataIndex: 'paidOn', render: formatDate },
              ]}
            />
          </>
        )}
      </Drawer>
    </>
  );
}

function AuthenticationTab({ personId }: { personId: number }) {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const codes = useInsuranceCodes();
  const key = ['insurance', 'auth', personId];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<Authentication>(`/insurance/persons/${personId}/authentication`, undefined, signal) });
  const [open, setOpen] = useState(false);
  const a = q.data;
  return (
    <>
      <ProblemAlert error={q.error} />
      {a && (
        <Space size="large" style={{ marginBottom: 12 }}>
          <Statistic title={t('score')} value={a.score} precision={1} />
          <Statistic title={t('threshold')} value={a.threshold} />
          {a.due ? <Tag color="orange">{t('dueForAuth')}</Tag> : <Tag color="green">OK</Tag>}
          {can('insurance:write') && <Button onClick={() => setOpen(true)}>{t('selfAuth')}</Button>}
        </Space>
      )}
      <Table
        size="small"
        rowKey={(r) => `${r.kind}-${r.observedOn}`}
        pagination={false}
        dataSource={a?.evidence ?? []}
        columns={[
          { title: t('evidence'), dataIndex: 'kind', render: (v: string) => label(codes.data?.lifeSignals, v, lang) },
          { title: t('date'), dataIndex: 'observedOn', render: formatDate },
          { title: t('ageDays'), dataIndex: 'ageDays' },
          { title: t('weight'), dataIndex: 'weight' },
          { title: t('contribution'), dataIndex: 'contribution' },
        ]}
      />
      <FormModal<{ on: Dayjs }> title={t('selfAuth')} open={open} onClose={() => setOpen(false)} testid="ins-self-auth" refreshKeys={[key]} submit={(v) => api.post(`/insurance/persons/${personId}/self-auth`, { on: isoDate(v.on) })}>
        {() => <Form.Item name="on" label={t('date')} rules={[{ required: true }]}><PastDate /></Form.Item>}
      </FormModal>
    </>
  );
}

export default function PersonRecordPage() {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const codes = useInsuranceCodes();
  const id = Number(useParams().id);
  const notify = useErrorNotifier();
  const q = useQuery({ queryKey: ['insurance', 'person', id], queryFn: ({ signal }) => api.get<PersonRecord>(`/insurance/persons/${id}`, undefined, signal) });
  const r = q.data;
  const types = [...new Set([...(r?.summary ?? []).map((s) => s.insuranceType), ...(r?.enrolments ?? []).map((e) => e.insuranceType)])];
  return (
    <Card
      title={r ? `${t('personTitle')} · ${r.person.name}` : t('personTitle')}
      extra={r && <Button onClick={() => download(`/insurance/persons/${id}/certificate`, undefined, 'certificate.docx').catch(notify)} data-testid="ins-certificate">{t('certificate')}</Button>}
      data-testid="ins-person-record"
    >
      <ProblemAlert error={q.error} />
      {r && (
        <>
          <Descriptions size="small" column={4} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('name')}>{r.person.name}</Descriptions.Item>
            <Descriptions.Item label={t('idNumber')}><code>{r.person.idNumberMasked}</code></Descriptions.Item>
            <Descriptions.Item label={t('birthDate')}>{formatDate(r.person.birthDate)}</Descriptions.Item>
            <Descriptions.Item label={t('region')}>{r.person.regionName}</Descriptions.Item>
          </Descriptions>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {r.summary.length === 0 && <Col span={24}><Empty description={t('none')} /></Col>}
            {r.summary.map((s) => (
              <Col key={s.insuranceType} xs={24} md={12} lg={8}>
                <Card size="small" title={label(codes.data?.insuranceTypes, s.insuranceType, lang)}>
                  <Space size="large">
                    <Statistic title={t('contributionMonths')} value={s.contributionMonths} />
                    <Statistic title={t('account')} value={yuan(s.accountFen)} />
                    <Statistic title={t('arrears')} value={yuan(s.arrearsFen)} valueStyle={s.arrearsFen > 0 ? { color: '#cf1322' } : undefined} />
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
          <Tabs
            items={[
              {
                key: 'enrolments',
                label: t('enrolments'),
                children: (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={r.enrolments}
                    columns={[
                      { title: t('type'), dataIndex: 'insuranceTypeName' },
                      { title: t('employer'), dataIndex: 'employerName', render: (v: string | null) => v ?? '—' },
                      { title: t('workerForm'), dataIndex: 'workerForm', render: (v: string) => label(codes.data?.workerForms, v, lang) },
                      { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} text={label(codes.data?.enrolmentStatuses, v, lang)} /> },
                      { title: t('startDate'), dataIndex: 'startDate', render: formatDate },
                      { title: t('endDate'), dataIndex: 'endDate', render: formatDate },
                      { title: t('region'), dataIndex: 'regionName' },
                    ]}
                  />
                ),
              },
              { key: 'ledger', label: t('ledger'), children: types.length ? <LedgerTab personId={id} types={types} /> : <Empty /> },
              { key: 'benefits', label: t('benefits'), children: <BenefitsTab personId={id} /> },
              { key: 'auth', label: t('authentication'), children: <AuthenticationTab personId={id} /> },
            ]}
          />
        </>
      )}
    </Card>
  );
}
