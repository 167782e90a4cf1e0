// Shared pieces of the insurance pages: a modal form, person and employer pickers, status tags,
// dates, and the explanation of a decision.
import { type ComponentProps } from 'react';
import { EmployerPicker as RegistryEmployerPicker, PersonPicker as RegistryPersonPicker } from '../../ui/RegistryPickers';
import { DatePicker, Descriptions, Table, Tag } from 'antd';
import type { DatePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
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

/** The registry pickers, with this module's test ids. */
export function PersonPicker(props: Omit<ComponentProps<typeof RegistryPersonPicker>, 'testId'>) {
  return <RegistryPersonPicker {...props} testId="ins-person-picker" />;
}

export function EmployerPicker(props: Omit<ComponentProps<typeof RegistryEmployerPicker>, 'testId'>) {
  return <RegistryEmployerPicker {...props} testId="ins-employer-picker" />;
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
