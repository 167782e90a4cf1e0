// Small shared pieces of the employment pages.
import { DatePicker, Tag } from 'antd';
import type { DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** A Dayjs from a form to YYYY-MM-DD (what the API takes). */
export const isoDate = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);
export const today = () => dayjs();

/** A date field that cannot pick a day after today (the server refuses future events too). */
export function PastDate(props: DatePickerProps) {
  return <DatePicker {...props} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />;
}

export function AnyDate(props: DatePickerProps) {
  return <DatePicker {...props} style={{ width: '100%' }} />;
}

export const levelColor: Record<string, string> = { yellow: 'gold', orange: 'orange', red: 'red' };

export function YesNo({ value, yes, no }: { value: boolean | null | undefined; yes: string; no: string }) {
  if (value === null || value === undefined) return <>—</>;
  return value ? <Tag color="green">{yes}</Tag> : <Tag>{no}</Tag>;
}
