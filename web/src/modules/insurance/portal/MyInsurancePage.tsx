// 我的社保 on the portal: the citizen's own enrolments, contributions per type and month,
// benefits and payments, the eligibility-confirmation reminder, and the certificate download.
import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api, download } from '../../../app/api';
import { useI18n, useMessages } from '../../../app/i18n';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { label, month, useInsuranceCodes, yuan, type Enrolment, type MonthLine, type TypeSummary } from '../api';
import { insuranceMessages } from '../messages';

type Benefit = { id: number; kind: string; kindName: string; status: string; startMonth: string; endMonth: string | null; monthlyFen: number; payments: { payMonth: string; amountFen: number; paidOn: string | null }[] };
type MyRecord = {
  person: { name: string; idNumberMasked: string; regionName: string | null };
  enrolments: Enrolment[];
  summary: TypeSummary[];
  years: number[];
  benefits: Benefit[];
  authentication: { due: boolean; score: number; threshold: number; asOf: string } | null;
};

function MyLedger({ types, years }: { types: string[]; years: number[] }) {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const codes = useInsuranceCodes();
  const [type, setType] = useState(types[0]);
  const [year, setYear] = useState(years[0]);
  const q = useQuery({
    queryKey: ['portal', 'insurance', 'ledger', type, year],
    queryFn: ({ signal }) => api.get<{ months: MonthLine[] }>('/portal/insurance/ledger', { insuranceType: type, year }, signal),
  });
  return (
    <Card size="small" title={t('ledger')} extra={<Select size="small" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="my-ledger-year" />}>
      <Segmented value={type} onChange={(v) => setType(String(v))} options={types.map((x) => ({ value: x, label: label(codes.data?.insuranceTypes, x, lang) }))} style={{ marginBottom: 8 }} />
      <ProblemAlert error={q.error} />
      <Table<MonthLine>
        size="small"
        rowKey="feeMonth"
        loading={q.isPending}
        pagination={false}
        scroll={{ x: true }}
        dataSource={[...(q.data?.months ?? [])].reverse()}
        data-testid="my-ledger"
        columns={[
          { title: t('feeMonth'), dataIndex: 'feeMonth', render: (v: string) => month(v) },
          { title: t('base'), dataIndex: 'baseFen', align: 'right', render: yuan },
          { title: t('paid'), dataIndex: 'paidFen', align: 'right', render: yuan },
          { title: t('accountCredit'), dataIndex: 'accountFen', align: 'right', render: yuan },
          { title: t('arrears'), align: 'right', render: (_, r) => (r.dueFen > r.paidFen ? <Tag color="red">{yuan(r.dueFen - r.paidFen)}</Tag> : '—') },
        ]}
      />
    </Card>
  );
}

export default function MyInsurancePage() {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const codes = useInsuranceCodes();
  const notify = useErrorNotifier();
  const q = useQuery({ queryKey: ['portal', 'insurance'], queryFn: ({ signal }) => api.get<MyRecord>('/portal/insurance', undefined, signal) });
  const r = q.data;
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!r) return <Card loading />;
  const types = r.summary.map((s) => s.insuranceType);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="my-insurance">
      <Card
        size="small"
        title={t('myInsurance')}
        extra={<Button type="primary" icon={<DownloadOutlined />} onClick={() => download('/portal/insurance/certificate', undefined, 'certificate.docx').catch(notify)} data-testid="my-certificate">{t('certificate')}</Button>}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label={t('name')}>{r.person.name}</Descriptions.Item>
          <Descriptions.Item label={t('idNumber')}><code>{r.person.idNumberMasked}</code></Descriptions.Item>
          <Descriptions.Item label={t('region')}>{r.person.regionName}</Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">{t('certificateHint')}</Typography.Text>
      </Card>
      {r.authentication?.due && <Alert type="warning" showIcon title={t('myAuthDue')} data-testid="my-auth-due" />}
      {r.summary.length === 0 && <Empty description={t('myNothing')} />}
      <Row gutter={[12, 12]}>
        {r.summary.map((s) => (
          <Col key={s.insuranceType} xs={24} sm={12} lg={8}>
            <Card size="small" title={label(codes.data?.insuranceTypes, s.insuranceType, lang)} data-testid={`my-summary-${s.insuranceType}`}>
              <Space size="large" wrap>
                <Statistic title={t('contributionMonths')} value={s.contributionMonths} />
                <Statistic title={t('account')} value={yuan(s.accountFen)} />
                {s.arrearsFen > 0 && <Statistic title={t('arrears')} value={yuan(s.arrearsFen)} styles={{ content: { color: '#cf1322' } }} />}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      {r.enrolments.length > 0 && (
        <Card size="small" title={t('enrolments')}>
          <List
            dataSource={r.enrolments}
            renderItem={(e) => (
              <List.Item key={e.id}>
                <List.Item.Meta
                  title={<Space wrap>{e.insuranceTypeName}<Tag>{label(codes.data?.enrolmentStatuses, e.status, lang)}</Tag></Space>}
                  description={`${e.employerName ?? label(codes.data?.workerForms, e.workerForm, lang)} · ${formatDate(e.startDate)}${e.endDate ? ` – ${formatDate(e.endDate)}` : ''}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {types.length > 0 && r.years.length > 0 && <MyLedger types={types} years={r.years} />}
      {r.benefits.length > 0 && (
        <Card size="small" title={t('benefits')}>
          <List
            dataSource={r.benefits}
            renderItem={(b) => (
              <List.Item key={b.id}>
                <List.Item.Meta
                  title={<Space wrap>{b.kindName}<Tag>{b.status}</Tag></Space>}
                  description={`${t('startMonth')} ${month(b.startMonth)} · ${yuan(b.monthlyFen)} / ${t('perMonth')} · ${b.payments.length ? `${t('lastPaid')} ${month(b.payments[b.payments.length - 1].payMonth)}` : ''}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
