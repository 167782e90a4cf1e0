// Working-day clocks (transfer legs, arrears notices, stop-event reporting). The clock takes a
// calendar as a function, so rules and tests do not depend on where the calendar comes from;
// the default is the `chinese-days` package (State Council holiday notices: holidays and the
// weekend make-up days 调休). Beyond the years the package knows, it falls back to Mon–Fri.
import chineseDays from 'chinese-days';

/** A calendar: is this ISO date (YYYY-MM-DD) a working day? */
export type WorkingDayCalendar = (date: string) => boolean;

export const chineseWorkingDays: WorkingDayCalendar = (date) => chineseDays.isWorkday(date);

/** Monday to Friday only (for tests and as a documented fallback). */
export const weekdaysOnly: WorkingDayCalendar = (date) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d !== 0 && d !== 6;
};

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The date by which something "within n working days" of `start` must be done: the n-th
 * working day after `start` (the day of receipt itself is not counted).
 */
export function addWorkingDays(cal: WorkingDayCalendar, start: string, n: number): string {
  let d = start;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (cal(d)) left--;
  }
  return d;
}

/** Working days in (from, to]: how many working days have run from `from` to `to`. */
export function workingDaysBetween(cal: WorkingDayCalendar, from: string, to: string): number {
  if (to <= from) return 0;
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal(d)) n++;
  return n;
}

export type LegClock = {
  startedOn: string;
  dueOn: string;
  doneOn: string | null;
  /** Working days used so far (to doneOn, or to today while running). */
  elapsedWorkingDays: number;
  limitWorkingDays: number;
  state: 'running' | 'overdue' | 'done_on_time' | 'done_late';
};

/** The clock of one leg that must finish within `limit` working days of `startedOn`. */
export function legClock(cal: WorkingDayCalendar, startedOn: string, limit: number, doneOn: string | null, today: string): LegClock {
  const dueOn = addWorkingDays(cal, startedOn, limit);
  const end = doneOn ?? today;
  const elapsed = workingDaysBetween(cal, startedOn, end);
  const state = doneOn ? (doneOn <= dueOn ? 'done_on_time' : 'done_late') : today > dueOn ? 'overdue' : 'running';
  return { startedOn, dueOn, doneOn, elapsedWorkingDays: elapsed, limitWorkingDays: limit, state };
}

/** Today in China (UTC+8), as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
