// Shared pieces of the insurance pages: a modal form, person and employer pickers, status tags,
// dates, and the explanation of a decision.
import { useState } from 'react';
import { DatePicker, Descriptions, Select, Table, Tag } from 'antd';
import type { DatePickerProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, type Page } from '../../app/api';
import { useI18n, useMessages } from '../../app/i18n';
import type { Step } from './api';
import { insuranceMessages } from './messages';

// The shared modal form lives in web/src/ui.
export { FormModal, type FormModalProps } from '../../ui/FormModal';

export { isoDate, PastDate } from '../../ui/dates';
export const isoMonth = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM') : null);
export const toFen = (yuanValue: number | null | undefined): number | undefined => (yuanValue === null || yuanValue === undefined ? undefined : Math.round(yuanValue * 100));

export function MonthPick(props: DatePickerProps) {
  return <DatePicker {...props} picker="month" style={{ width: '100%' }} />;
}

type Option = { value: number; label: string };

function useSearch<T>(key: string, path: string, q: string, toOption: (row: T) => Option) {
  return useQuery({
    queryKey: ['insurance', 'pick', key, q],
    queryFn: async ({ signal }) => (await api.get<Page<T>>(path, { q, pageSize: 20 }, signal)).items.map(toOption),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });
}

export function PersonPicker({ value, onChange, id }: { value?: number; onChange?: (v: number | undefined) => void; id?: string }) {
  const t = useMessages(insuranceMessages);
  const [q, setQ] = useState('');
  const found = useSearch<{ id: number; name: string; idNumberMasked: string; regionName: string | null }>('person', '/registry/persons', q, (p) => ({ value: p.id, label: `${p.name}（${p.idNumberMasked}，${p.regionName ?? ''}）` }));
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={found.data ?? []}
      loading={found.isFetching}
      placeholder={t('personPick')}
      allowClear
      data-testid="ins-person-picker"
    />
  );
}

export function EmployerPicker({ value, onChange, id }: { value?: number; onChange?: (v: number | undefined) => void; id?: string }) {
  const t = useMessages(insuranceMessages);
  const [q, setQ] = useState('');
  const found = useSearch<{ id: number; name: string; regionName: string | null }>('employer', '/registry/employers', q, (e) => ({ value: e.id, label: `${e.name}（${e.regionName ?? ''}）` }));
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={found.data ?? []}
      loading={found.isFetching}
      placeholder={t('employerPick')}
      allowClear
      data-testid="ins-employer-picker"
    />
  );
}

const statusColor: Record<string, string> = {
  paying: 'green',
  active: 'green',
  suspended: 'orange',
  terminated: 'default',
  stopped: 'red',
  ended: 'default',
  open: 'orange',
  confirmed: 'red',
  dismissed: 'default',
  closed: 'default',
  recovered: 'green',
  written_off: 'default',
  completed: 'green',
  rejected: 'red',
  cancelled: 'default',
  running: 'blue',
  overdue: 'red',
  done_on_time: 'green',
  done_late: 'orange',
};

export function StatusTag({ status, text }: { status: string; text?: string }) {
  return <Tag color={statusColor[status] ?? 'blue'}>{text ?? status}</Tag>;
}

/** The explanation of a decision: steps with values, the rule version, the clause. */
export function Explanation({ steps, rule, clause, paramsVersion }: { steps: Step[]; rule?: string; clause?: string; paramsVersion?: string }) {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  return (
    <>
      {(rule || clause) && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
          {rule && <Descriptions.Item label={t('rule')}>{rule}</Descriptions.Item>}
          {clause && <Descriptions.Item label={t('clause')}>{clause}</Descriptions.Item>}
          {paramsVersion && <Descriptions.Item label={t('paramsVersion')}>{paramsVersion}</Descriptions.Item>}
        </Descriptions>
      )}
      <Table<Step & { i: number }>
        size="small"
        rowKey="i"
        pagination={false}
        title={() => t('steps')}
        dataSource={steps.map((s, i) => ({ ...s, i }))}
        columns={[
          { title: t('steps'), render: (_, s) => s[lang] },
          { title: '', dataIndex: 'value', width: 180, render: (v) => (v === undefined ? '' : String(v)) },
        ]}
      />
    </>
  );
}
