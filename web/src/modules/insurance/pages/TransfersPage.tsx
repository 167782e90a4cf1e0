// 转移接续: transfers in scope with the working-day clock of each leg, starting one, moving it
// on, and the independently computed amount beside the other office's sheet.
import { useState } from 'react';
import { Button, Card, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, Timeline } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { yuan, type Leg, type Transfer } from '../api';
import { FormModal, PastDate, PersonPicker, StatusTag, isoDate, toFen } from '../components';
import { insuranceMessages } from '../messages';

function Legs({ legs }: { legs: Leg[] }) {
  const { lang } = useI18n();
  return (
    <Space direction="vertical" size={2}>
      {legs.map((l) => (
        <span key={l.leg}>
          <StatusTag status={l.state} text={`${l[lang]} ${l.elapsedWorkingDays}/${l.limitWorkingDays}`} /> {l.ours ? '★' : ''} ≤ {formatDate(l.dueOn)}
        </span>
      ))}
    </Space>
  );
}

function parseWages(text: string | undefined): { year: number; wageFen: number }[] {
  return (text ?? '')
    .split(/\n+/)
    .map((line) => line.trim().split(/[\s,，]+/))
    .filter((p) => p.length >= 2 && /^\d{4}$/.test(p[0]))
    .map((p) => ({ year: Number(p[0]), wageFen: Math.round(Number(p[1]) * 100) }));
}

export default function TransfersPage() {
  const t = useMessages(insuranceMessages);
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const [overdue, setOverdue] = useState(false);
  const list = useQuery({ queryKey: ['insurance', 'transfers', regionCode, overdue], queryFn: ({ signal }) => api.get<Transfer[]>('/insurance/transfers', { regionCode, overdue: overdue ? 'true' : undefined }, signal) });
  const [openId, setOpenId] = useState<number | null>(null);
  const detail = useQuery({ queryKey: ['insurance', 'transfer', openId], queryFn: ({ signal }) => api.get<Transfer>(`/insurance/transfers/${openId}`, undefined, signal), enabled: openId !== null });
  const [creating, setCreating] = useState(false);
  const [advancing, setAdvancing] = useState(false);
  const d = detail.data;
  const write = can('insurance:write');
  const refresh = [['insurance', 'transfers'], ['insurance', 'transfer', openId]];
  return (
    <Card title={t('transfersTitle')}>
      <Space style={{ marginBottom: 12 }}>
        {write && <Button type="primary" onClick={() => setCreating(true)} data-testid="ins-new-transfer">{t('newTransfer')}</Button>}
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{t('overdueOnly')}</Checkbox>
      </Space>
      <ProblemAlert error={list.error} />
      <Table<Transfer>
        size="small"
        rowKey="id"
        dataSource={list.data ?? []}
        onRow={(r) => ({ onClick: () => setOpenId(r.id) })}
        columns={[
          { title: t('person'), dataIndex: 'personName', render: (n: string, r) => <Link to={`/insurance/persons/${r.personId}`} onClick={(e) => e.stopPropagation()}>{n}</Link> },
          { title: t('direction'), dataIndex: 'direction', render: (v: string, r) => `${t(v as 'in')}（${r.fromRegion} → ${r.toRegion}）` },
          { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
          { title: t('legs'), dataIndex: 'legs', render: (l: Leg[]) => <Legs legs={l} /> },
          { title: t('computedAmount'), dataIndex: 'computedAmountFen', align: 'right', render: yuan },
          { title: t('difference'), dataIndex: 'differenceFen', align: 'right', render: (v: number | null) => (v ? <Tag color="red">{yuan(v)}</Tag> : yuan(v)) },
        ]}
      />
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} size="large" title={t('transfersTitle')}>
        <ProblemAlert error={detail.error} />
        {d && (
          <>
            <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('direction')}>{t(d.direction)}（{d.fromRegion} → {d.toRegion}）</Descriptions.Item>
              <Descriptions.Item label={t('status')}><StatusTag status={d.status} /></Descriptions.Item>
              <Descriptions.Item label={t('declaredAmount')}>{yuan(d.declaredAmountFen)}</Descriptions.Item>
              <Descriptions.Item label={t('computedAmount')}>{yuan(d.computedAmountFen)}</Descriptions.Item>
              <Descriptions.Item label={t('difference')}>{yuan(d.differenceFen)}</Descriptions.Item>
              <Descriptions.Item label={t('legs')}><Legs legs={d.legs} /></Descriptions.Item>
            </Descriptions>
            {d.computation && (
              <Table
                size="small"
                rowKey="year"
                pagination={false}
                title={() => `${t('account')} ${yuan(d.computation!.accountFen)} + 12% × …`}
                dataSource={d.computation.perYear}
                columns={[
                  { title: 'year', dataIndex: 'year' },
                  { title: t('base'), dataIndex: 'wageFen', align: 'right', render: yuan },
                  { title: '12%', dataIndex: 'pooledFen', align: 'right', render: yuan },
                ]}
              />
            )}
            <Timeline style={{ marginTop: 16 }} items={(d.history ?? []).map((h) => ({ children: `${formatDate(h.on)} ${h.toStatus} · ${h.actorName}` }))} />
            {write && d.next.length > 0 && <Button type="primary" onClick={() => setAdvancing(true)}>{t('advance')}</Button>}
          </>
        )}
      </Drawer>
      <FormModal<{ personId: number; direction: 'in' | 'out'; otherRegion: string; on: Dayjs }>
        title={t('newTransfer')}
        open={creating}
        onClose={() => setCreating(false)}
        testid="ins-transfer-form"
        refreshKeys={refresh}
        initialValues={{ direction: 'in' }}
        submit={(v) => api.post('/insurance/transfers', { personId: v.personId, insuranceType: 'enterprise_pension', direction: v.direction, otherRegion: v.otherRegion, on: isoDate(v.on) })}
      >
        {() => (
          <>
            <Form.Item name="personId" label={t('person')} rules={[{ required: true }]}><PersonPicker /></Form.Item>
            <Form.Item name="direction" label={t('direction')}><Select options={[{ value: 'in', label: t('in') }, { value: 'out', label: t('out') }]} /></Form.Item>
            <Form.Item name="otherRegion" label={t('otherRegion')} rules={[{ required: true, pattern: /^\d{6}$/ }]}><Input maxLength={6} /></Form.Item>
            <Form.Item name="on" label={t('date')} rules={[{ required: true }]}><PastDate /></Form.Item>
          </>
        )}
      </FormModal>
      {d && (
        <FormModal<{ to: string; on: Dayjs; declared?: number; account?: number; wages?: string }>
          title={t('advance')}
          open={advancing}
          onClose={() => setAdvancing(false)}
          testid="ins-advance-form"
          refreshKeys={refresh}
          initialValues={{ to: d.next[0] }}
          submit={(v) =>
            api.post(`/insurance/transfers/${d.id}/advance`, {
              to: v.to,
              on: isoDate(v.on),
              version: d.version,
              declaredAmountFen: toFen(v.declared),
              sheetAccountFen: toFen(v.account),
              sheetYearlyWages: v.wages ? parseWages(v.wages) : undefined,
            })
          }
        >
          {(form) => (
            <>
              <Form.Item name="to" label={t('nextState')}><Select options={d.next.map((x) => ({ value: x, label: x }))} /></Form.Item>
              <Form.Item name="on" label={t('date')} rules={[{ required: true }]}><PastDate /></Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  form.getFieldValue('to') === 'sheet_sent' && d.direction === 'in' ? (
                    <>
                      <Form.Item name="declared" label={t('declaredAmount')} rules={[{ required: true }]}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item>
                      <Form.Item name="account" label={t('sheetAccount')} rules={[{ required: true }]}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item>
                      <Form.Item name="wages" label={t('sheetWages')} rules={[{ required: true }]}><Input.TextArea rows={5} placeholder={'2019 60000\n2020 62000'} /></Form.Item>
                    </>
                  ) : null
                }
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
    </Card>
  );
}
