// Arrears (欠费) and arrears notices. Arrears are what the ledger shows as due and unpaid after
// the payment due date; the late fee runs daily at the configured rate from the day after
// (社会保险法 第86条: 万分之五). A notice goes out within 5 working days of the due date
// (DOMAIN.md); its amounts are a dated snapshot for the letter — the ledger stays the truth.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { num, rows } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { regionFilter, scopeWhere, systemScope, type Scope } from '../../platform/scope';
import { employerInScope, type Ctx } from './access';
import { addWorkingDays, chineseWorkingDays, todayIso, type WorkingDayCalendar } from './calendar';
import { lateFeeFen, paymentDueDate } from './ledger';
import { loadParams } from './params';
import { insuranceArrearsNotices, insuranceLedger } from './schema';

export type ArrearsLine = {
  employerId: number;
  employerName: string;
  regionCode: string;
  feeMonth: string;
  persons: number;
  dueFen: number;
  paidFen: number;
  arrearsFen: number;
  paymentDueDate: string;
  noticeDueDate: string;
  lateFeeFen: number;
  noticeId: number | null;
  noticeIssuedOn: string | null;
};

async function arrearsRows(platform: Platform, where: SQL, asOf: string, cal: WorkingDayCalendar): Promise<ArrearsLine[]> {
  const r = await rows<Record<string, unknown>>(
    platform.db,
    sql`select a.employer_id, e.name as employer_name, a.region_code, a.fee_month::text as fee_month, a.persons, a.due_fen, a.paid_fen,
               n.id as notice_id, n.issued_on::text as notice_issued_on
          from (select employer_id, min(region_code) as region_code, fee_month,
                       count(distinct person_id) filter (where side = 'due')::int as persons,
                       coalesce(sum(employer_fen + personal_fen) filter (where side = 'due'), 0)::bigint as due_fen,
                       coalesce(sum(employer_fen + personal_fen) filter (where side = 'paid'), 0)::bigint as paid_fen
                  from insurance_ledger
                 where employer_id is not null and ${where}
                 group by employer_id, fee_month
                having coalesce(sum(employer_fen + personal_fen) filter (where side = 'due'), 0) > coalesce(sum(employer_fen + personal_fen) filter (where side = 'paid'), 0)) a
          join employers e on e.id = a.employer_id
          left join insurance_arrears_notices n on n.employer_id = a.employer_id and n.fee_month = a.fee_month
         order by a.fee_month desc, e.name
         limit 5000`,
  );
  const params = await loadParams(platform.database.query.bind(platform.database) as never, [...new Set(r.map((x) => Number(String(x.fee_month).slice(0, 4))))]);
  const out: ArrearsLine[] = [];
  for (const x of r) {
    const feeMonth = String(x.fee_month).slice(0, 10);
    const p = params.get(Number(feeMonth.slice(0, 4)))!.params;
    const due = paymentDueDate(feeMonth, p);
    if (due >= asOf) continue; // not yet late
    const arrears = num(x.due_fen) - num(x.paid_fen);
    out.push({
      employerId: num(x.employer_id),
      employerName: String(x.employer_name),
      regionCode: String(x.region_code),
      feeMonth,
      persons: num(x.persons),
      dueFen: num(x.due_fen),
      paidFen: num(x.paid_fen),
      arrearsFen: arrears,
      paymentDueDate: due,
      noticeDueDate: addWorkingDays(cal, due, p.arrearsNoticeWorkingDays),
      lateFeeFen: lateFeeFen(arrears, due, asOf, p.lateFeeDailyRate),
      noticeId: x.notice_id === null || x.notice_id === undefined ? null : num(x.notice_id),
      noticeIssuedOn: x.notice_issued_on ? String(x.notice_issued_on).slice(0, 10) : null,
    });
  }
  return out;
}

/** Employers in the caller's scope with arrears past their payment due date. */
export async function listArrears(ctx: Ctx, q: { regionCode?: string; employerId?: number; asOf?: string }, cal: WorkingDayCalendar = chineseWorkingDays) {
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, insuranceLedger)];
  conds.push(regionFilter(ctx.caller.scope, q.regionCode, insuranceLedger.regionCode, ctx.platform.regions.expand));
  if (q.employerId) conds.push(eq(insuranceLedger.employerId, q.employerId));
  return arrearsRows(ctx.platform, and(...conds)!, q.asOf ?? todayIso(), cal);
}

/** Issues the arrears notice of one employer and fee month (once; a second call returns the first). */
export async function issueArrearsNotice(ctx: Ctx, employerId: number, feeMonth: string, asOf = todayIso(), cal: WorkingDayCalendar = chineseWorkingDays) {
  await employerInScope(ctx, employerId);
  const [line] = (await listArrears(ctx, { employerId, asOf }, cal)).filter((l) => l.feeMonth === feeMonth);
  if (!line) throw new AppError('INVALID_STATE', { zh: '该单位该月没有逾期欠费', en: 'The employer has no overdue arrears for this month' });
  return insertNotice(ctx.platform, line, asOf, ctx.caller.userId);
}

async function insertNotice(platform: Platform, line: ArrearsLine, asOf: string, userId: number | null) {
  const p = (await loadParams(platform.database.query.bind(platform.database) as never, [Number(line.feeMonth.slice(0, 4))])).values().next().value!;
  const [n] = await platform.db
    .insert(insuranceArrearsNotices)
    .values({
      employerId: line.employerId,
      regionCode: line.regionCode,
      feeMonth: line.feeMonth,
      paymentDueDate: line.paymentDueDate,
      noticeDueDate: line.noticeDueDate,
      issuedOn: asOf,
      arrearsFen: line.arrearsFen,
      lateFeeFen: line.lateFeeFen,
      lateFeeRate: String(p.params.lateFeeDailyRate),
      persons: line.persons,
      createdBy: userId,
    })
    .onConflictDoNothing()
    .returning();
  if (n) return n;
  const [existing] = await platform.db
    .select()
    .from(insuranceArrearsNotices)
    .where(and(eq(insuranceArrearsNotices.employerId, line.employerId), eq(insuranceArrearsNotices.feeMonth, line.feeMonth), systemScope()));
  return existing;
}

/**
 * Scheduled: a notice for every overdue employer-month that has none yet (or only those of the
 * given employers and fee month: the generator's, read through the ledger's employer index).
 * Returns how many were issued.
 */
export async function issueDueNotices(platform: Platform, asOf = todayIso(), cal: WorkingDayCalendar = chineseWorkingDays, only: { employerIds?: number[]; feeMonth?: string } = {}): Promise<number> {
  const conds: SQL[] = [systemScope()];
  if (only.employerIds) conds.push(inArray(insuranceLedger.employerId, only.employerIds));
  if (only.feeMonth) conds.push(eq(insuranceLedger.feeMonth, only.feeMonth));
  const lines = await arrearsRows(platform, and(...conds)!, asOf, cal);
  let n = 0;
  for (const l of lines.filter((x) => x.noticeId === null)) {
    await insertNotice(platform, l, asOf, null);
    n++;
  }
  return n;
}

export async function listNotices(ctx: Ctx, q: { regionCode?: string; employerId?: number }) {
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, insuranceArrearsNotices)];
  conds.push(regionFilter(ctx.caller.scope, q.regionCode, insuranceArrearsNotices.regionCode, ctx.platform.regions.expand));
  if (q.employerId) conds.push(eq(insuranceArrearsNotices.employerId, q.employerId));
  const r = await ctx.platform.db.select().from(insuranceArrearsNotices).where(and(...conds)).orderBy(desc(insuranceArrearsNotices.id)).limit(500);
  return r.map((n) => ({
    id: n.id,
    employerId: n.employerId,
    regionCode: n.regionCode,
    feeMonth: n.feeMonth,
    paymentDueDate: n.paymentDueDate,
    noticeDueDate: n.noticeDueDate,
    issuedOn: n.issuedOn,
    onTime: n.issuedOn <= n.noticeDueDate,
    arrearsFen: n.arrearsFen,
    lateFeeFen: n.lateFeeFen,
    lateFeeRate: n.lateFeeRate,
    persons: n.persons,
  }));
}

export type { Scope };
