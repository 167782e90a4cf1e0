// 待遇核定与发放: decisions in scope; pension, unemployment-benefit and work-injury decisions
// with a dry run that explains the amount before anything is saved; the monthly payment run.
import { useState } from 'react';
import { Alert, Button, Card, Form, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { useErrorNotifier } from '../../../ui/ProblemAlert';
import { label, month, useInsuranceCodes, yuan, type Decision, type Step } from '../api';
import { Explanation, FormModal, MonthPick, PastDate, PersonPicker, StatusTag, isoDate, isoMonth, toFen } from '../components';
import { insuranceMessages } from '../messages';

type Kind = 'pension' | 'unemployment' | 'work-injury';
type Result = { eligible: boolean; monthlyFen: number; lumpSumFen?: number; months?: number | null; steps: Step[]; refusal: { zh: string; en: string } | null; rule: { key: string; version: string; clause: string } };
type Values = { personId: number; kind?: string; startMonth: Dayjs; group?: string; separationReason?: string; injuryDate?: Dayjs; grade?: number; ownWage?: number };

function body(kind: Kind, v: Values, dryRun: boolean) {
  const common = { personId: v.personId, startMonth: isoMonth(v.startMonth), dryRun };
  if (kind === 'pension') return { ...common, kind: v.kind, group: v.group };
  if (kind === 'unemployment') return { ...common, separationReason: v.separationReason };
  return { ...common, injuryDate: isoDate(v.injuryDate), grade: v.grade, ownWageFen: toFen(v.ownWage) };
}

export default function BenefitsPage() {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const codes = useInsuranceCodes();
  const notify = useErrorNotifier();
  const [deciding, setDeciding] = useState<Kind | null>(null);
  const [explained, setExplained] = useState<Result | null>(null);
  const [running, setRunning] = useState(false);
  const explain = useMutation({ mutationFn: ({ kind, v }: { kind: Kind; v: Values }) => api.post<Result>(`/insurance/benefits/${kind}`, body(kind, v, true)), onSuccess: setExplained, onError: notify });
  const benefit = can('insurance:benefit');
  return (
    <Card title={t('benefitsTitle')}>
      <DataTable<Decision>
        id="insurance-benefits"
        path="/insurance/benefits"
        rowKey={(r) => r.id}
        params={{ regionCode }}
        filters={[
          { kind: 'select', name: 'kind', label: t('kind'), width: 200, options: (codes.data?.benefitKinds ?? []).map((x) => ({ value: x.code, label: x[lang] })) },
          { kind: 'select', name: 'status', label: t('status'), width: 120, options: ['active', 'suspended', 'stopped', 'ended'].map((x) => ({ value: x, label: x })) },
          { kind: 'region', name: 'regionCode', label: t('region') },
        ]}
        toolbar={
          benefit && (
            <Space>
              <Button type="primary" onClick={() => setDeciding('pension')} data-testid="ins-decide-pension">{t('decidePension')}</Button>
              <Button onClick={() => setDeciding('unemployment')}>{t('decideUnemployment')}</Button>
              <Button onClick={() => setDeciding('work-injury')}>{t('decideWorkInjury')}</Button>
              <Button onClick={() => setRunning(true)}>{t('paymentRun')}</Button>
            </Space>
          )
        }
        columns={[
          { title: t('person'), dataIndex: 'personName', key: 'personName', render: (n: string, r) => <Link to={`/insurance/persons/${r.personId}`}>{n}</Link> },
          { title: t('kind'), dataIndex: 'kindName', key: 'kindName' },
          { title: t('status'), dataIndex: 'status', key: 'status', render: (v: string) => <StatusTag status={v} /> },
          { title: t('startMonth'), dataIndex: 'startMonth', key: 'startMonth', render: month },
          { title: t('monthly'), dataIndex: 'monthlyFen', key: 'monthlyFen', align: 'right', render: yuan },
          { title: t('lumpSum'), dataIndex: 'lumpSumFen', key: 'lumpSumFen', align: 'right', render: yuan },
          { title: t('rule'), key: 'rule', render: (_, r) => <Tag>{r.ruleKey}@{r.ruleVersion}</Tag> },
          { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
        ]}
      />
      {deciding && (
        <FormModal<Values>
          title={t(deciding === 'pension' ? 'decidePension' : deciding === 'unemployment' ? 'decideUnemployment' : 'decideWorkInjury')}
          open
          onClose={() => { setDeciding(null); setExplained(null); }}
          testid="ins-decide"
          width={720}
          okText={t('decide')}
          refresh={['insurance-benefits']}
          initialValues={{ kind: 'enterprise_pension', group: 'male', separationReason: 'dismissed', grade: 7 }}
          submit={(v) => api.post(`/insurance/benefits/${deciding}`, body(deciding, v, false))}
        >
          {(form) => (
            <>
              <Form.Item name="personId" label={t('person')} rules={[{ required: true }]}><PersonPicker /></Form.Item>
              {deciding === 'pension' && (
                <Space>
                  <Form.Item name="kind" label={t('kind')}><Select style={{ width: 220 }} options={['enterprise_pension', 'institution_pension', 'resident_pension'].map((x) => ({ value: x, label: label(codes.data?.benefitKinds, x, lang) }))} /></Form.Item>
                  <Form.Item name="group" label={t('group')}><Select style={{ width: 140 }} options={[{ value: 'male', label: t('male') }, { value: 'female_cadre', label: t('femaleCadre') }, { value: 'female_worker', label: t('femaleWorker') }]} /></Form.Item>
                </Space>
              )}
              {deciding === 'unemployment' && (
                <Form.Item name="separationReason" label={t('separationReason')}>
                  <Select options={['dismissed', 'contract_expired', 'employer_closed', 'other_involuntary', 'resigned'].map((x) => ({ value: x, label: x }))} />
                </Form.Item>
              )}
              {deciding === 'work-injury' && (
                <Space>
                  <Form.Item name="injuryDate" label={t('injuryDate')} rules={[{ required: true }]}><PastDate /></Form.Item>
                  <Form.Item name="grade" label={t('grade')} rules={[{ required: true }]}><InputNumber min={1} max={10} /></Form.Item>
                  <Form.Item name="ownWage" label={t('ownWage')}><InputNumber min={1} precision={2} /></Form.Item>
                </Space>
              )}
              <Form.Item name="startMonth" label={t('startMonth')} rules={[{ required: true }]}><MonthPick /></Form.Item>
              <Button loading={explain.isPending} onClick={() => form.validateFields().then((v) => explain.mutate({ kind: deciding, v }))} data-testid="ins-explain">{t('explain')}</Button>
              {explained && (
                <div style={{ marginTop: 12 }}>
                  <Alert
                    type={explained.eligible ? 'success' : 'warning'}
                    message={explained.eligible ? `${t('eligible')}：${t('monthly')} ${yuan(explained.monthlyFen)}${explained.lumpSumFen ? `，${t('lumpSum')} ${yuan(explained.lumpSumFen)}` : ''}` : `${t('notEligible')}：${explained.refusal?.[lang] ?? ''}`}
                    style={{ marginBottom: 12 }}
                  />
                  <Explanation steps={explained.steps} rule={`${explained.rule.key}@${explained.rule.version}`} clause={explained.rule.clause} />
                </div>
              )}
            </>
          )}
        </FormModal>
      )}
      <FormModal<{ month: Dayjs; paidOn: Dayjs }, { payments: number; amountFen: number }>
        title={t('paymentRun')}
        open={running}
        onClose={() => setRunning(false)}
        testid="ins-payment-run"
        refresh={['insurance-benefits']}
        submit={(v) => api.post<{ payments: number; amountFen: number }>('/insurance/benefits/payment-runs', { month: isoMonth(v.month), paidOn: isoDate(v.paidOn) })}
        onDone={(r) => Modal.info({ title: t('paymentRun'), content: `${r.payments} · ${yuan(r.amountFen)}` })}
      >
        {() => (
          <>
            <Form.Item name="month" label={t('payMonth')} rules={[{ required: true }]}><MonthPick /></Form.Item>
            <Form.Item name="paidOn" label={t('paidOn')} rules={[{ required: true }]}><PastDate /></Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
