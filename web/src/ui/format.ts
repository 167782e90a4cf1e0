// Display formats used across pages. Instants arrive as ISO strings and show in local time.
import dayjs from 'dayjs';

export function formatInstant(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—';
}

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

/** `data-testid` for components whose props type does not declare data-* attributes. */
export function testId(id: string): Record<string, string> {
  return { 'data-testid': id };
}
