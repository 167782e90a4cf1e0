// Placements (推荐 / 投递 / 职业介绍) in a table with the outcome action; a hire registers the employment.
import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Radio, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, type Query } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useMessages } from '../../../app/i18n';
import { DataTable } from '../../../ui/DataTable';
import { formatDate, formatInstant } from '../../../ui/format';
import type { Placement } from '../api';
import { PastDate, isoDate } from './common';
import { FormModal } from './FormModal';
import { employmentMessages } from '../messages';
import { employmentPermissions } from '../permissions';

const next: Record<Placement['status'], Placement['status'][]> = {
  proposed: ['applied', 'interview', 'hired', 'rejected', 'withdrawn'],
  applied: ['interview', 'hired', 'rejected', 'withdrawn'],
  interview: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

export function PlacementsTable({ id, params, urlState = false }: { id: string; params?: Query; urlState?: boolean }) {
  const t = useMessages(employmentMessages);
  const { can } = useAuth();
  const [editing, setEditing] = useState<Placement | null>(null);
  return (
    <>
      <DataTable<Placement>
        id={id}
        path="/employment/placements"
        rowKey={(p) => p.id}
        params={params}
        urlState={urlState}
        filters={[
          { kind: 'select', name: 'kind', label: t('kind'), width: 120, options: (['recommendation', 'application', 'referral'] as const).map((k) => ({ value: k, label: t(`pk_${k}`) })) },
          { kind: 'select', name: 'status', label: t('status'), width: 110, options: (['proposed', 'applied', 'interview', 'hired', 'rejected', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`ps_${s}`) })) },
        ]}
        columns={[
          { title: t('kind'), dataIndex: 'kind', key: 'kind', render: (k: Placement['kind']) => t(`pk_${k}`) },
          { title: t('person'), dataIndex: 'personName', key: 'personName' },
          { title: t('title'), dataIndex: 'vacancyTitle', key: 'vacancyTitle', render: (v: string, p) => `${v}（${p.employerName}）` },
          { title: t('score'), dataIndex: 'score', key: 'score' },
          { title: t('status'), dataIndex: 'status', key: 'status', render: (s: Placement['status']) => <Tag color={s === 'hired' ? 'green' : s === 'rejected' ? 'red' : undefined}>{t(`ps_${s}`)}</Tag> },
          { title: t('outcomeDate'), dataIndex: 'outcomeDate', key: 'outcomeDate', render: formatDate },
          { title: t('date'), dataIndex: 'createdAt', key: 'createdAt', render: formatInstant },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, p) =>
              can(employmentPermissions.match) && next[p.status].length > 0 ? (
                <Button size="small" onClick={() => setEditing(p)} data-testid={`placement-outcome-${p.id}`}>
                  {t('recordOutcome')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing && (
        <FormModal<{ status: Placement['status']; outcomeDate: Dayjs; area: 'urban' | 'rural'; hasContract: boolean; note?: string }>
          title={t('recordOutcome')}
          open
          onClose={() => setEditing(null)}
          testid="outcome-form"
          refresh={[id, 'employment-registrations', 'employment-vacancies']}
          initialValues={{ status: next[editing.status][0], area: 'urban', hasContract: true }}
          submit={(v) => api.post(`/employment/placements/${editing.id}/outcome`, { status: v.status, outcomeDate: isoDate(v.outcomeDate), version: editing.version, area: v.area, hasContract: v.hasContract, note: v.note || null })}
        >
          {(form) => (
            <>
              <Form.Item name="status" label={t('outcome')} rules={[{ required: true }]}>
                <Select options={next[editing.status].map((s) => ({ value: s, label: t(`ps_${s}`) }))} />
              </Form.Item>
              <Form.Item name="outcomeDate" label={t('outcomeDate')} rules={[{ required: true }]}>
                <PastDate />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  form.getFieldValue('status') === 'hired' ? (
                    <>
                      <Alert type="info" showIcon title={t('hiredNote')} style={{ marginBottom: 12 }} />
                      <Form.Item name="area" label={t('area')}>
                        <Radio.Group options={[{ value: 'urban', label: t('area_urban') }, { value: 'rural', label: t('area_rural') }]} />
                      </Form.Item>
                      <Form.Item name="hasContract" valuePropName="checked">
                        <Checkbox>{t('hasContract')}</Checkbox>
                      </Form.Item>
                    </>
                  ) : null
                }
              </Form.Item>
              <Form.Item name="note" label={t('note')}>
                <Input maxLength={500} />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
    </>
  );
}
