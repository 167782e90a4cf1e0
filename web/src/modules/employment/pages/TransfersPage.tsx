// 农村劳动力转移就业 and 高校毕业生去向, two tabs with their lists and forms.
import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Radio, Select, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { formatDate } from '../../../ui/format';
import { label, useEmploymentCodes, type Graduate, type Transfer } from '../api';
import { PastDate, YesNo, isoDate } from '../components/common';
import { FormModal } from '../components/FormModal';
import { AnyRegionSelect, OccupationSelect, PersonPicker } from '../components/Pickers';
import { employmentMessages } from '../messages';
import { employmentPermissions } from '../permissions';

const destinations = ['in_county', 'in_province', 'out_of_province'] as const;

export default function TransfersPage() {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const codes = useEmploymentCodes();
  const [modal, setModal] = useState<'transfer' | 'graduate' | null>(null);
  const write = can(employmentPermissions.write);
  const thisYear = new Date().getFullYear();

  return (
    <Card>
      <Tabs
        items={[
          {
            key: 'transfers',
            label: t('transfersTitle'),
            children: (
              <DataTable<Transfer>
                id="employment-transfers"
                path="/employment/transfers"
                rowKey={(r) => r.id}
                params={{ regionCode }}
                urlState={false}
                filters={[{ kind: 'region', name: 'regionCode', label: t('region') }, { kind: 'dateRange', label: t('transferDate') }]}
                toolbar={write && <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('transfer')} data-testid="transfer-create">{t('registerTransfer')}</Button>}
                columns={[
                  { title: t('person'), dataIndex: 'personName', key: 'personName', render: (n: string, r) => <span>{n} <code>{r.idNumberMasked}</code></span> },
                  { title: t('transferDate'), dataIndex: 'transferDate', key: 'transferDate', render: formatDate },
                  { title: t('destination'), dataIndex: 'destination', key: 'destination', render: (d: string) => t(`dest_${d}` as 'dest_in_county') },
                  { title: t('destinationRegion'), dataIndex: 'destinationRegionCode', key: 'destinationRegionCode', render: (v: string | null) => v ?? '—' },
                  { title: t('occupation'), dataIndex: 'occupationCode', key: 'occupationCode', render: (v: string | null) => v ?? '—' },
                  { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
                ]}
              />
            ),
          },
          {
            key: 'graduates',
            label: t('graduatesTitle'),
            children: (
              <DataTable<Graduate>
                id="employment-graduates"
                path="/employment/graduates"
                rowKey={(r) => r.id}
                params={{ regionCode }}
                urlState={false}
                filters={[
                  { kind: 'region', name: 'regionCode', label: t('region') },
                  { kind: 'text', name: 'graduationYear', label: t('graduationYear'), width: 100 },
                  { kind: 'select', name: 'destination', label: t('destination'), width: 180, options: (codes.data?.graduateDestinations ?? []).map((d) => ({ value: d.code, label: d[lang] })) },
                ]}
                toolbar={write && <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('graduate')} data-testid="graduate-create">{t('recordGraduate')}</Button>}
                columns={[
                  { title: t('person'), dataIndex: 'personName', key: 'personName', render: (n: string, r) => <span>{n} <code>{r.idNumberMasked}</code></span> },
                  { title: t('graduationYear'), dataIndex: 'graduationYear', key: 'graduationYear' },
                  { title: t('school'), dataIndex: 'school', key: 'school' },
                  { title: t('education'), dataIndex: 'education', key: 'education', render: (e: string) => label(codes.data?.educationLevels, e, lang) },
                  { title: t('destination'), dataIndex: 'destination', key: 'destination', render: (d: string) => label(codes.data?.graduateDestinations, d, lang) },
                  { title: t('staysInHainan'), dataIndex: 'staysInHainan', key: 'staysInHainan', render: (v: boolean | null) => <YesNo value={v} yes={t('yes')} no={t('no')} /> },
                  { title: t('recordedOn'), dataIndex: 'recordedOn', key: 'recordedOn', render: formatDate },
                ]}
              />
            ),
          },
        ]}
      />
      <FormModal<{ personId: number; transferDate: Dayjs; destination: string; destinationRegionCode?: string; industry?: string; occupationCode?: string }>
        title={t('registerTransfer')}
        open={modal === 'transfer'}
        onClose={() => setModal(null)}
        testid="transfer-form"
        refresh={['employment-transfers']}
        initialValues={{ destination: 'in_province' }}
        submit={(v) => api.post('/employment/transfers', { personId: v.personId, transferDate: isoDate(v.transferDate), destination: v.destination, destinationRegionCode: v.destinationRegionCode || null, industry: v.industry || null, occupationCode: v.occupationCode || null })}
      >
        {() => (
          <>
            <Form.Item name="personId" label={t('person')} rules={[{ required: true }]}><PersonPicker /></Form.Item>
            <Form.Item name="transferDate" label={t('transferDate')} rules={[{ required: true }]}><PastDate /></Form.Item>
            <Form.Item name="destination" label={t('destination')}>
              <Radio.Group options={destinations.map((d) => ({ value: d, label: t(`dest_${d}`) }))} />
            </Form.Item>
            <Form.Item name="destinationRegionCode" label={t('destinationRegion')}><AnyRegionSelect /></Form.Item>
            <Form.Item name="occupationCode" label={t('occupation')}><OccupationSelect /></Form.Item>
            <Form.Item name="industry" label="GB/T 4754"><Input maxLength={1} style={{ width: 80 }} /></Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<{ personId: number; graduationYear: number; school: string; education: string; destination: string; staysInHainan?: boolean; recordedOn: Dayjs }>
        title={t('recordGraduate')}
        open={modal === 'graduate'}
        onClose={() => setModal(null)}
        testid="graduate-form"
        refresh={['employment-graduates']}
        initialValues={{ graduationYear: thisYear, education: 'bachelor', destination: 'contract' }}
        submit={(v) => api.post('/employment/graduates', { personId: v.personId, graduationYear: v.graduationYear, school: v.school, education: v.education, destination: v.destination, staysInHainan: v.staysInHainan ?? null, recordedOn: isoDate(v.recordedOn) })}
      >
        {() => (
          <>
            <Form.Item name="personId" label={t('person')} rules={[{ required: true }]}><PersonPicker /></Form.Item>
            <Form.Item name="graduationYear" label={t('graduationYear')} rules={[{ required: true }]}><InputNumber min={2000} max={thisYear} /></Form.Item>
            <Form.Item name="school" label={t('school')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="education" label={t('education')}>
              <Select options={(codes.data?.educationLevels ?? []).filter((e) => ['junior_college', 'bachelor', 'master', 'doctor'].includes(e.code)).map((e) => ({ value: e.code, label: e[lang] }))} />
            </Form.Item>
            <Form.Item name="destination" label={t('destination')}>
              <Select options={(codes.data?.graduateDestinations ?? []).map((d) => ({ value: d.code, label: d[lang] }))} />
            </Form.Item>
            <Form.Item name="staysInHainan" label={t('staysInHainan')}>
              <Radio.Group options={[{ value: true, label: t('yes') }, { value: false, label: t('no') }]} />
            </Form.Item>
            <Form.Item name="recordedOn" label={t('recordedOn')} rules={[{ required: true }]}><PastDate /></Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
