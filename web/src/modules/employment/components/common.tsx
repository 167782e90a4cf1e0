// Small shared pieces of the employment pages.
import { DatePicker, Tag } from 'antd';
import type { DatePickerProps } from 'antd';

export { isoDate, PastDate } from '../../../ui/dates';
export { chinaToday as today } from '../../../ui/dates';

export function AnyDate(props: DatePickerProps) {
  return <DatePicker {...props} style={{ width: '100%' }} />;
}

export const levelColor: Record<string, string> = { yellow: 'gold', orange: 'orange', red: 'red' };

export function YesNo({ value, yes, no }: { value: boolean | null | undefined; yes: string; no: string }) {
  if (value === null || value === undefined) return <>—</>;
  return value ? <Tag color="green">{yes}</Tag> : <Tag>{no}</Tag>;
}
