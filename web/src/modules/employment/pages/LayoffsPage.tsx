// 规模性裁员: reports from employers, with staff follow-ups.
import { useState } from 'react';
import { Button, Card, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Select, Tag, Timeline } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import type { Layoff } from '../api';
import { AnyDate, PastDate, isoDate } from '../components/common';
import { FormModal } from '../components/FormModal';
import { EmployerPicker } from '../components/Pickers';
import { employmentMessages } from '../messages';
import { employmentPermissions } from '../permissions';

const followupKinds = ['visit', 'call', 'policy', 'reemployment_service', 'note'] as const;

function LayoffDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useMessages(employmentMessages);
  const { can } = useAuth();
  const key = ['employment', 'layoff', id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<Layoff>(`/employment/layoffs/${id}`, undefined, signal) });
  const [adding, setAdding] = useState(false);
  const r = q.data;
  return (
    <Drawer open size="large" title={t('layoffsTitle')} onClose={onClose}>
      <ProblemAlert error={q.error} />
      {r && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('employer')}>{r.employerName}</Descriptions.Item>
            <Descriptions.Item label={t('region')}>{r.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('reportedOn')}>{formatDate(r.reportedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('plannedDate')}>{formatDate(r.plannedDate)}</Descriptions.Item>
            <Descriptions.Item label={t('plannedCount')}>{r.plannedCount} / {r.staffCount}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>{t(`st_${r.status}`)} {r.statutory && <Tag color="red">{t('statutory')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('reason')} span={2}>{r.reason}</Descriptions.Item>
          </Descriptions>
          {can(employmentPermissions.write) && r.status !== 'closed' && (
            <Button style={{ margin: '16px 0' }} onClick={() => setAdding(true)} data-testid="layoff-add-followup">{t('addFollowup')}</Button>
          )}
          <Timeline
            items={(r.followups ?? []).map((f) => ({
              children: (
                <>
                  <b>{formatDate(f.followupDate)}</b> {t(`fk_${f.kind}` as 'fk_visit')} · {f.actorName}
                  <div>{f.note}</div>
                  {f.staffReemployed !== null && <div>{t('staffReemployed')}: {f.staffReemployed}</div>}
                </>
              ),
            }))}
          />
          <FormModal<{ followupDate: Dayjs; kind: string; note: string; staffReemployed?: number; close: boolean }>
            title={t('addFollowup')}
            open={adding}
            onClose={() => setAdding(false)}
            testid="followup-form"
            refresh={['employment-layoffs']}
            refreshKeys={[key]}
            initialValues={{ kind: 'visit', close: false }}
            submit={(v) => api.post(`/employment/layoffs/${id}/followups`, { followupDate: isoDate(v.followupDate), kind: v.kind, note: v.note, staffReemployed: v.staffReemployed ?? null, close: v.close })}
          >
            {() => (
              <>
                <Form.Item name="followupDate" label={t('date')} rules={[{ required: true }]}><PastDate /></Form.Item>
                <Form.Item name="kind" label={t('followupKind')}><Select options={followupKinds.map((k) => ({ value: k, label: t(`fk_${k}`) }))} /></Form.Item>
                <Form.Item name="note" label={t('note')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
                <Form.Item name="staffReemployed" label={t('staffReemployed')}><InputNumber min={0} /></Form.Item>
                <Form.Item name="close" valuePropName="checked"><Checkbox>{t('closeReport')}</Checkbox></Form.Item>
              </>
            )}
          </FormModal>
        </>
      )}
    </Drawer>
  );
}

export default function LayoffsPage() {
  const t = useMessages(employmentMessages);
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <Card title={t('layoffsTitle')}>
      <DataTable<Layoff>
        id="employment-layoffs"
        path="/employment/layoffs"
        rowKey={(r) => r.id}
        params={{ regionCode }}
        onRowClick={(r) => setOpenId(r.id)}
        filters={[
          { kind: 'region', name: 'regionCode', label: t('region') },
          { kind: 'select', name: 'status', label: t('status'), width: 120, options: (['reported', 'following_up', 'closed'] as const).map((s) => ({ value: s, label: t(`st_${s}`) })) },
        ]}
        toolbar={can(employmentPermissions.write) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="layoff-create">{t('reportLayoff')}</Button>}
        columns={[
          { title: t('employer'), dataIndex: 'employerName', key: 'employerName', render: (n: string) => <a>{n}</a> },
          { title: t('reportedOn'), dataIndex: 'reportedOn', key: 'reportedOn', sorter: true, render: formatDate },
          { title: t('plannedDate'), dataIndex: 'plannedDate', key: 'plannedDate', sorter: true, render: formatDate },
          { title: t('plannedCount'), dataIndex: 'plannedCount', key: 'plannedCount', sorter: true, render: (n: number, r) => <>{n} / {r.staffCount} {r.statutory && <Tag color="red">41</Tag>}</> },
          { title: t('status'), dataIndex: 'status', key: 'status', render: (s: Layoff['status']) => t(`st_${s}`) },
          { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
        ]}
      />
      {openId !== null && <LayoffDrawer id={openId} onClose={() => setOpenId(null)} />}
      <FormModal<{ employerId: number; reportedOn: Dayjs; plannedDate: Dayjs; plannedCount: number; staffCount: number; reason: string }>
        title={t('reportLayoff')}
        open={creating}
        onClose={() => setCreating(false)}
        testid="layoff-form"
        refresh={['employment-layoffs']}
        submit={(v) => api.post('/employment/layoffs', { employerId: v.employerId, reportedOn: isoDate(v.reportedOn), plannedDate: isoDate(v.plannedDate), plannedCount: v.plannedCount, staffCount: v.staffCount, reason: v.reason })}
      >
        {() => (
          <>
            <Form.Item name="employerId" label={t('employer')} rules={[{ required: true }]}><EmployerPicker /></Form.Item>
            <Form.Item name="reportedOn" label={t('reportedOn')} rules={[{ required: true }]}><PastDate /></Form.Item>
            <Form.Item name="plannedDate" label={t('plannedDate')} rules={[{ required: true }]}><AnyDate /></Form.Item>
            <Form.Item name="plannedCount" label={t('plannedCount')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
            <Form.Item name="staffCount" label={t('staffCount')} rules={[{ required: true }]}><InputNumber min={1} /></Form.Item>
            <Form.Item name="reason" label={t('reason')} rules={[{ required: true }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}

