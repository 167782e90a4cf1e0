// The contradiction rules of employment and unemployment registrations, as pure functions
// over plain data, shared by the forms (registrations.ts, unemployment.ts) and the importers.
// Each returns the problems in Chinese and English; callers decide how to refuse.
import type { FieldProblem } from '../../platform/errors';
import { exclusiveKinds, employmentKinds, isRealIsoDate, labelOf } from './codes';
import type { EmploymentKind } from './types';

export type Span = { startDate: string; endDate: string | null };
export type ExistingEmployment = Span & { id: number; kind: EmploymentKind };
export type OpenUnemployment = { id: number; registeredOn: string };

/** A date field: a real calendar date, not after today (China time). */
export function checkPastDate(field: string, value: string | null | undefined, today: string, label: { zh: string; en: string }, required = true): FieldProblem[] {
  if (value === null || value === undefined || value === '') {
    return required ? [{ field, zh: `${label.zh}不能为空`, en: `${label.en} is required` }] : [];
  }
  if (!isRealIsoDate(value)) return [{ field, zh: `${label.zh}“${value}”不是有效日期（YYYY-MM-DD）`, en: `${label.en} "${value}" is not a valid date (YYYY-MM-DD)` }];
  if (value > today) return [{ field, zh: `${label.zh} ${value} 晚于今天（${today}），不能登记未来发生的事`, en: `${label.en} ${value} is after today (${today}); future events cannot be registered` }];
  return [];
}

export function checkSpan(span: Span, today: string): FieldProblem[] {
  const problems = [...checkPastDate('startDate', span.startDate, today, { zh: '开始日期', en: 'start date' }), ...checkPastDate('endDate', span.endDate, today, { zh: '终止日期', en: 'end date' }, false)];
  if (!problems.length && span.endDate && span.endDate < span.startDate) {
    problems.push({ field: 'endDate', zh: `终止日期 ${span.endDate} 早于开始日期 ${span.startDate}`, en: `end date ${span.endDate} is before start date ${span.startDate}` });
  }
  return problems;
}

/** Inclusive day ranges; an open end runs forever. End dates are the last day worked. */
export function overlaps(a: Span, b: Span): boolean {
  const aEnd = a.endDate ?? '9999-12-31';
  const bEnd = b.endDate ?? '9999-12-31';
  return a.startDate <= bEnd && b.startDate <= aEnd;
}

/**
 * Two employments over the same days contradict each other when either is exclusive
 * (a job with an employer, a public-welfare post). Returns the first conflicting one.
 */
export function findEmploymentConflict(existing: readonly ExistingEmployment[], candidate: Span & { kind: EmploymentKind; id?: number }): ExistingEmployment | null {
  for (const e of existing) {
    if (candidate.id !== undefined && e.id === candidate.id) continue;
    if (!overlaps(e, candidate)) continue;
    if (exclusiveKinds.has(e.kind) || exclusiveKinds.has(candidate.kind)) return e;
  }
  return null;
}

export function conflictMessage(c: ExistingEmployment, candidateKind: EmploymentKind): { zh: string; en: string } {
  const k = labelOf(employmentKinds, c.kind)!;
  const n = labelOf(employmentKinds, candidateKind)!;
  const span = `${c.startDate} – ${c.endDate ?? '至今'}`;
  const spanEn = `${c.startDate} – ${c.endDate ?? 'open'}`;
  return {
    zh: `与已有就业登记 #${c.id}（${k.zh}，${span}）时间重叠；${exclusiveKinds.has(c.kind) ? k.zh : n.zh}不能与其他就业同时存在，请先办理终止`,
    en: `overlaps employment registration #${c.id} (${k.en}, ${spanEn}); ${exclusiveKinds.has(c.kind) ? k.en : n.en} cannot run alongside another employment — terminate it first`,
  };
}

export type ReemploymentDecision =
  | { ok: true; closes: OpenUnemployment | null }
  | { ok: false; zh: string; en: string };

/**
 * How a new employment relates to the person's open unemployment registration:
 * - starting on or after the registration date, it is the re-employment that closes it;
 * - claimed as re-employment without an open registration, it is refused;
 * - running over the registration date from before it, it contradicts it (the person was
 *   registered unemployed while employed).
 * A past employment that ended before the registration date has nothing to do with it.
 */
export function decideReemployment(open: OpenUnemployment | null, span: Span, claimedReemployment: boolean): ReemploymentDecision {
  if (!open) {
    if (claimedReemployment) return { ok: false, zh: '登记为再就业，但此人没有未结束的失业登记', en: 'registered as re-employment, but the person has no open unemployment registration' };
    return { ok: true, closes: null };
  }
  if (span.startDate >= open.registeredOn) {
    // An employment already ended cannot close a registration still open today unless it is the re-employment.
    return { ok: true, closes: open };
  }
  if (span.endDate !== null && span.endDate < open.registeredOn) {
    if (claimedReemployment) return { ok: false, zh: `再就业日期 ${span.startDate} 早于失业登记日期 ${open.registeredOn}`, en: `re-employment date ${span.startDate} is before the unemployment registration date ${open.registeredOn}` };
    return { ok: true, closes: null };
  }
  return {
    ok: false,
    zh: `此人自 ${open.registeredOn} 起处于失业登记状态（#${open.id}），开始于 ${span.startDate} 的就业与之矛盾；再就业日期不能早于失业登记日期`,
    en: `the person has been registered unemployed since ${open.registeredOn} (#${open.id}); an employment from ${span.startDate} contradicts it — re-employment cannot start before the registration`,
  };
}

/**
 * A new unemployment registration contradicts an employment that is still open or that
 * ended on or after the registration date, and a second open unemployment registration.
 */
export function checkUnemploymentRegistration(
  registeredOn: string,
  employments: readonly ExistingEmployment[],
  openUnemployment: OpenUnemployment | null,
): { zh: string; en: string; conflictId: number } | null {
  if (openUnemployment) {
    return { zh: `此人已有未结束的失业登记 #${openUnemployment.id}（${openUnemployment.registeredOn} 起）`, en: `the person already has an open unemployment registration #${openUnemployment.id} (since ${openUnemployment.registeredOn})`, conflictId: openUnemployment.id };
  }
  for (const e of employments) {
    // Open, or ended on or after the registration date: the person was employed while the
    // registration (which stays open) says unemployed.
    if (e.endDate === null || e.endDate >= registeredOn) {
      const k = labelOf(employmentKinds, e.kind)!;
      return {
        zh: `此人有就业登记 #${e.id}（${k.zh}，${e.startDate} – ${e.endDate ?? '至今'}）覆盖或晚于 ${registeredOn}，不能登记失业；请先办理就业终止`,
        en: `the person has employment registration #${e.id} (${k.en}, ${e.startDate} – ${e.endDate ?? 'open'}) still open or covering ${registeredOn}; terminate it before registering unemployment`,
        conflictId: e.id,
      };
    }
  }
  return null;
}
