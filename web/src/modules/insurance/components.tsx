// Shared pieces of the insurance pages: a modal form, person and employer pickers, status tags,
// dates, and the explanation of a decision.
import { useState, type ReactNode } from 'react';
import { App, DatePicker, Descriptions, Form, Modal, Select, Table, Tag } from 'antd';
import type { DatePickerProps, FormInstance } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type Page } from '../../app/api';
import { useI18n, useMessages } from '../../app/i18n';
import { dataTableKey } from '../../ui/DataTable';
import { applyFieldErrors, useErrorNotifier } from '../../ui/ProblemAlert';
import { testId } from '../../ui/format';
import type { Step } from './api';
import { insuranceMessages } from './messages';

export const isoDate = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);
export const isoMonth = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM') : null);
export const toFen = (yuanValue: number | null | undefined): number | undefined => (yuanValue === null || yuanValue === undefined ? undefined : Math.round(yuanValue * 100));

export function PastDate(props: DatePickerProps) {
  return <DatePicker {...props} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />;
}

export function MonthPick(props: DatePickerProps) {
  return <DatePicker {...props} picker="month" style={{ width: '100%' }} />;
}

export type FormModalProps<V, R> = {
  title: string;
  open: boolean;
  onClose: () => void;
  submit: (values: V) => Promise<R>;
  onDone?: (result: R) => void;
  initialValues?: Partial<V>;
  refresh?: string[];
  refreshKeys?: readonly unknown[][];
  testid: string;
  width?: number;
  okText?: string;
  children: (form: FormInstance<V>) => ReactNode;
};

/** A modal form: submits through a mutation, puts field problems on fields, refreshes tables after a write. */
export function FormModal<V extends object, R = unknown>(p: FormModalProps<V, R>) {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<V>();
  const save = useMutation({
    mutationFn: p.submit,
    onSuccess: async (result) => {
      message.success(t('saved'));
      await Promise.all([...(p.refresh ?? []).map((id) => queryClient.invalidateQueries({ queryKey: dataTableKey(id) })), ...(p.refreshKeys ?? []).map((k) => queryClient.invalidateQueries({ queryKey: k }))]);
      p.onDone?.(result);
      p.onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, lang)) notifyError(error);
    },
  });
  return (
    <Modal
      open={p.open}
      title={p.title}
      onCancel={p.onClose}
      onOk={() => form.submit()}
      okText={p.okText ?? t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      okButtonProps={testId(`${p.testid}-submit`)}
      width={p.width ?? 560}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" preserve={false} initialValues={p.initialValues} onFinish={(values) => save.mutate(values)} data-testid={p.testid}>
        {p.children(form)}
      </Form>
    </Modal>
  );
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
