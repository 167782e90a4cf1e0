// Dates as the server sees them: the service runs on China time (UTC+8), so "today" is China's
// date whatever the browser's time zone (a laptop on UTC after 16:00 would otherwise refuse
// China's today as a future day, or allow tomorrow).
import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** Today's date in China, as a Dayjs at local midnight of that calendar day. */
export function chinaToday(now: number = Date.now()): Dayjs {
  return dayjs(new Date(now + 8 * 3_600_000).toISOString().slice(0, 10));
}

/** A Dayjs from a form to YYYY-MM-DD (what the API takes). */
export const isoDate = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

/** A date field that cannot pick a day after China's today (the server refuses future events too). */
export function PastDate(props: DatePickerProps) {
  return <DatePicker {...props} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} style={{ width: '100%' }} />;
}
