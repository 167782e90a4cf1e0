// 参保单位: employers registered for social insurance, and registering one.
import { useState } from 'react';
import { Button, Card, Form, InputNumber, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable } from '../../../ui/DataTable';
import { formatDate } from '../../../ui/format';
import { label, useInsuranceCodes, type RegisteredEmployer } from '../api';
import { EmployerPicker, FormModal, PastDate, isoDate } from '../components';
import { insuranceMessages } from '../messages';

const employeeTypes = ['enterprise_pension', 'institution_pension', 'unemployment', 'work_injury'];

export default function EmployersPage() {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const { can } = useAuth();
  const { regionCode } = useRegion();
  const codes = useInsuranceCodes();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <Card title={t('employersTitle')}>
      <DataTable<RegisteredEmployer>
        id="insurance-employers"
        path="/insurance/employers"
        rowKey={(r) => r.employerId}
        params={{ regionCode }}
        filters={[
          { kind: 'text', name: 'q', label: t('employer') },
          { kind: 'region', name: 'regionCode', label: t('region') },
        ]}
        toolbar={can('insurance:write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="ins-register-employer">{t('registerEmployer')}</Button>}
        columns={[
          { title: t('employer'), dataIndex: 'name', key: 'name', render: (n: string, r) => <Link to={`/insurance/employers/${r.employerId}`}>{n}</Link> },
          { title: 'USCC', dataIndex: 'uscc', key: 'uscc', render: (v: string) => <code>{v}</code> },
          { title: t('types'), dataIndex: 'types', key: 'types', render: (ts: string[]) => ts.map((x) => <Tag key={x}>{label(codes.data?.insuranceTypes, x, lang)}</Tag>) },
          { title: t('staffCount'), dataIndex: 'staff', key: 'staff', align: 'right' },
          { title: t('registeredOn'), dataIndex: 'registeredOn', key: 'registeredOn', render: formatDate },
          { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
        ]}
      />
      <FormModal<{ employerId: number; types: string[]; workInjuryClass: number; registeredOn: Dayjs }, { employerId: number }>
        title={t('registerEmployer')}
        open={open}
        onClose={() => setOpen(false)}
        testid="ins-register-employer-form"
        refresh={['insurance-employers']}
        initialValues={{ types: ['enterprise_pension', 'unemployment', 'work_injury'], workInjuryClass: 1 }}
        submit={(v) => api.post<{ employerId: number }>(`/insurance/employers/${v.employerId}/registration`, { types: v.types, workInjuryClass: v.workInjuryClass, registeredOn: isoDate(v.registeredOn) })}
        onDone={(r) => navigate(`/insurance/employers/${r.employerId}`)}
      >
        {() => (
          <>
            <Form.Item name="employerId" label={t('employer')} rules={[{ required: true }]}><EmployerPicker /></Form.Item>
            <Form.Item name="types" label={t('types')} rules={[{ required: true }]}>
              <Select mode="multiple" options={employeeTypes.map((x) => ({ value: x, label: label(codes.data?.insuranceTypes, x, lang) }))} />
            </Form.Item>
            <Form.Item name="workInjuryClass" label={t('workInjuryClass')}><InputNumber min={1} max={8} /></Form.Item>
            <Form.Item name="registeredOn" label={t('registeredOn')} rules={[{ required: true }]}><PastDate /></Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
