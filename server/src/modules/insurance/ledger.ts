// The contribution ledger (缴费台账). Entries are only ever appended (a trigger refuses UPDATE
// and DELETE); a correction is a reversing entry that negates the one it corrects. Everything
// a caseworker reads — what is due and paid per month, contribution months, the personal
// account, arrears, late fees — is computed here from the entries, never stored apart.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { num, rows } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { assertRegionInScope, scopeWhere, systemScope } from '../../platform/scope';
import { employerInScope, personInScope, type Ctx } from './access';
import { todayIso } from './calendar';
import { getEnrolment } from './enrolment';
import { baseBand, loadParams, paramsFor, type Params } from './params';
import { insuranceLedger } from './schema';
import { accountTypes, addMonths, insuranceTypeLabels, partOf, type InsuranceType, type LedgerEvent, type LedgerSide } from './types';

type LedgerRow = typeof insuranceLedger.$inferSelect;
const q = (ctx: Ctx) => ctx.platform.database.query.bind(ctx.platform.database) as <T>(text: string, params?: unknown[]) => Promise<T[]>;

// ---- pure rules -----------------------------------------------------------------------

/** Contributions for a fee month fall due on `paymentDueDay` of the following month. */
export function paymentDueDate(feeMonth: string, p: Pick<Params, 'paymentDueDay'>): string {
  return `${addMonths(feeMonth, 1).slice(0, 8)}${String(p.paymentDueDay).padStart(2, '0')}`;
}

/** 滞纳金 (社会保险法 第86条): arrears × daily rate × days late, in whole fen. */
export function lateFeeFen(amountFen: number, dueDate: string, paidOrAsOf: string, dailyRate: number): number {
  if (amountFen <= 0 || paidOrAsOf <= dueDate) return 0;
  const days = Math.round((Date.parse(`${paidOrAsOf}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
  return Math.round(amountFen * dailyRate * days);
}

export type MonthLine = {
  insuranceType: InsuranceType;
  feeMonth: string;
  periodMonths: number;
  baseFen: number;
  dueFen: number;
  paidFen: number;
  accountFen: number;
  entries: number;
};

export type TypeSummary = {
  insuranceType: InsuranceType;
  /** 缴费月数: months whose net payment covers what was due (and is more than nothing). */
  contributionMonths: number;
  /** 个人账户 (without interest): what paid entries credited to the account. */
  accountFen: number;
  arrearsFen: number;
  arrearsMonths: number;
  dueFen: number;
  paidFen: number;
  firstMonth: string | null;
  lastPaidMonth: string | null;
};

/** A month counts as contributed when the net paid amount covers the net due amount. */
export function isContributedMonth(m: Pick<MonthLine, 'dueFen' | 'paidFen'>): boolean {
  return m.paidFen > 0 && m.paidFen >= m.dueFen;
}

export function summarise(months: MonthLine[]): TypeSummary[] {
  const by = new Map<InsuranceType, TypeSummary>();
  for (const m of [...months].sort((a, b) => a.feeMonth.localeCompare(b.feeMonth))) {
    const s = by.get(m.insuranceType) ?? { insuranceType: m.insuranceType, contributionMonths: 0, accountFen: 0, arrearsFen: 0, arrearsMonths: 0, dueFen: 0, paidFen: 0, firstMonth: null, lastPaidMonth: null };
    s.dueFen += m.dueFen;
    s.paidFen += m.paidFen;
    s.accountFen += m.accountFen;
    if (isContributedMonth(m)) {
      s.contributionMonths += m.periodMonths;
      s.lastPaidMonth = m.feeMonth;
    }
    if (m.dueFen > m.paidFen) {
      s.arrearsFen += m.dueFen - m.paidFen;
      s.arrearsMonths++;
    }
    s.firstMonth ??= m.feeMonth;
    by.set(m.insuranceType, s);
  }
  return [...by.values()];
}

// ---- derived reads --------------------------------------------------------------------

const monthLineSql = (where: SQL) => sql`
  select insurance_type, fee_month::text as fee_month, max(period_months)::int as period_months,
         coalesce(sum(base_fen) filter (where side = 'due'), 0)::bigint as base_fen,
         coalesce(sum(employer_fen + personal_fen) filter (where side = 'due'), 0)::bigint as due_fen,
         coalesce(sum(employer_fen + personal_fen) filter (where side = 'paid'), 0)::bigint as paid_fen,
         coalesce(sum(account_fen) filter (where side = 'paid'), 0)::bigint as account_fen,
         count(*)::int as entries
    from insurance_ledger where ${where}
   group by insurance_type, fee_month order by fee_month, insurance_type`;

function toMonthLine(r: Record<string, unknown>): MonthLine {
  return {
    insuranceType: r.insurance_type as InsuranceType,
    feeMonth: String(r.fee_month).slice(0, 10),
    periodMonths: num(r.period_months),
    baseFen: num(r.base_fen),
    dueFen: num(r.due_fen),
    paidFen: num(r.paid_fen),
    accountFen: num(r.account_fen),
    entries: num(r.entries),
  };
}

/**
 * A person's ledger by month. The person must be in the caller's scope; their whole history is
 * then shown, including months insured through employers in other counties (the record
 * follows the person, as the registry's history does).
 */
export async function personMonths(ctx: Ctx, personId: number, opts: { type?: InsuranceType; feeMonth?: string } = {}): Promise<MonthLine[]> {
  await personInScope(ctx, personId);
  return personMonthsSystem(ctx, personId, opts);
}

export async function personMonthsSystem(ctx: Pick<Ctx, 'platform'>, personId: number, opts: { type?: InsuranceType; feeMonth?: string } = {}): Promise<MonthLine[]> {
  const where = sql`person_id = ${personId} ${opts.type ? sql`and insurance_type = ${opts.type}` : sql``} ${opts.feeMonth ? sql`and fee_month = ${opts.feeMonth}` : sql``} and ${systemScope()}`;
  return (await rows<Record<string, unknown>>(ctx.platform.db, monthLineSql(where))).map(toMonthLine);
}

export async function personEntries(ctx: Ctx, personId: number, opts: { type?: InsuranceType; feeMonth?: string }) {
  await personInScope(ctx, personId);
  const conds: SQL[] = [eq(insuranceLedger.personId, personId), systemScope()];
  if (opts.type) conds.push(eq(insuranceLedger.insuranceType, opts.type));
  if (opts.feeMonth) conds.push(eq(insuranceLedger.feeMonth, opts.feeMonth));
  const r = await ctx.platform.db.select().from(insuranceLedger).where(and(...conds)).orderBy(insuranceLedger.feeMonth, insuranceLedger.id).limit(2000);
  return r.map(entryView);
}

export function entryView(e: LedgerRow) {
  return {
    id: e.id,
    personId: e.personId,
    employerId: e.employerId,
    insuranceType: e.insuranceType,
    feeMonth: e.feeMonth,
    periodMonths: e.periodMonths,
    event: e.event,
    side: e.side,
    baseFen: e.baseFen,
    employerRateBp: e.employerRateBp,
    personalRateBp: e.personalRateBp,
    employerFen: e.employerFen,
    personalFen: e.personalFen,
    subsidyFen: e.subsidyFen,
    accountFen: e.accountFen,
    valueDate: e.valueDate,
    reversesId: e.reversesId,
    revision: e.revision,
    source: e.source,
    note: e.note,
    recordedAt: e.recordedAt.toISOString(),
  };
}

// ---- appending ----------------------------------------------------------------------

async function entryInScope(ctx: Ctx, id: number): Promise<LedgerRow> {
  const [e] = await ctx.platform.db.select().from(insuranceLedger).where(and(eq(insuranceLedger.id, id), scopeWhere(ctx.caller.scope, insuranceLedger)));
  if (!e) throw new AppError('NOT_FOUND');
  return e;
}

/** 冲销: a new entry that negates `id`. An entry is reversed at most once; reversals are not reversed. */
export async function reverseEntry(ctx: Ctx, id: number, reason: string): Promise<LedgerRow> {
  const e = await entryInScope(ctx, id);
  if (e.event === 'reversed') throw new AppError('INVALID_STATE', { zh: '冲销记录不能再冲销', en: 'A reversal cannot itself be reversed' });
  const [row] = await ctx.platform.db
    .insert(insuranceLedger)
    .values({
      personId: e.personId,
      employerId: e.employerId,
      insuranceType: e.insuranceType,
      feeMonth: e.feeMonth,
      periodMonths: e.periodMonths,
      event: 'reversed',
      side: e.side,
      baseFen: -e.baseFen,
      employerRateBp: e.employerRateBp,
      personalRateBp: e.personalRateBp,
      employerFen: -e.employerFen,
      personalFen: -e.personalFen,
      subsidyFen: -e.subsidyFen,
      accountFen: -e.accountFen,
      valueDate: todayIso(),
      reversesId: e.id,
      revision: e.revision,
      regionCode: e.regionCode,
      source: 'correction',
      note: reason,
      recordedBy: ctx.caller.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('DUPLICATE', { zh: '该记录已冲销', en: 'This entry is already reversed' });
  return row;
}

/** Corrects a declared base: reverses the current declaration and declares revision + 1 (one transaction). */
export async function correctDeclaration(ctx: Ctx, id: number, input: { baseFen: number; reason: string }) {
  const e = await entryInScope(ctx, id);
  if (e.event !== 'declared') throw new AppError('INVALID_STATE', { zh: '只能更正申报记录', en: 'Only declared entries can be corrected' });
  const p = await paramsFor(q(ctx), Number(e.feeMonth.slice(0, 4)));
  const band = baseBand(p.params);
  if (input.baseFen < band.floorFen || input.baseFen > band.ceilFen) {
    throw new AppError('VALIDATION', { zh: `缴费基数须在 ${band.floorFen / 100}–${band.ceilFen / 100} 元之间`, en: `The base must be within ${band.floorFen / 100}–${band.ceilFen / 100} yuan`, band });
  }
  return ctx.platform.db.transaction(async (tx) => {
    const [rev] = await tx
      .insert(insuranceLedger)
      .values({ ...copyNegated(e), valueDate: todayIso(), note: input.reason, recordedBy: ctx.caller.userId })
      .onConflictDoNothing()
      .returning();
    if (!rev) throw new AppError('DUPLICATE', { zh: '该记录已冲销', en: 'This entry is already reversed' });
    const [next] = await tx
      .insert(insuranceLedger)
      .values({
        personId: e.personId,
        employerId: e.employerId,
        insuranceType: e.insuranceType,
        feeMonth: e.feeMonth,
        periodMonths: e.periodMonths,
        event: 'declared',
        side: 'due',
        baseFen: input.baseFen,
        employerRateBp: e.employerRateBp,
        personalRateBp: e.personalRateBp,
        employerFen: partOf(input.baseFen, e.employerRateBp),
        personalFen: partOf(input.baseFen, e.personalRateBp),
        valueDate: todayIso(),
        revision: e.revision + 1,
        regionCode: e.regionCode,
        source: 'correction',
        note: input.reason,
        recordedBy: ctx.caller.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!next) throw new AppError('CONFLICT', { zh: '该月已有更正后的申报', en: 'A corrected declaration for this month already exists' });
    return { reversal: rev, declaration: next };
  });
}

function copyNegated(e: LedgerRow) {
  return {
    personId: e.personId,
    employerId: e.employerId,
    insuranceType: e.insuranceType,
    feeMonth: e.feeMonth,
    periodMonths: e.periodMonths,
    event: 'reversed' as const,
    side: e.side,
    baseFen: -e.baseFen,
    employerRateBp: e.employerRateBp,
    personalRateBp: e.personalRateBp,
    employerFen: -e.employerFen,
    personalFen: -e.personalFen,
    subsidyFen: -e.subsidyFen,
    accountFen: -e.accountFen,
    reversesId: e.id,
    revision: e.revision,
    regionCode: e.regionCode,
    source: 'correction' as const,
  };
}

/**
 * An employer's payment for a fee month (from the bank or the tax bureau's collection file):
 * for every person and type still owing, one `received` (or, after the due date, `back_paid`)
 * entry for what is outstanding. The voucher number makes it idempotent.
 */
export async function recordEmployerPayment(ctx: Ctx, employerId: number, input: { feeMonth: string; paidOn: string; paymentRef: string }) {
  const e = await employerInScope(ctx, employerId);
  assertRegionInScope(ctx.caller.scope, e.regionCode);
  const p = await paramsFor(q(ctx), Number(input.feeMonth.slice(0, 4)));
  const due = paymentDueDate(input.feeMonth, p.params);
  const event: LedgerEvent = input.paidOn > due ? 'back_paid' : 'received';
  const accountList = sql.join(accountTypes.map((t) => sql`${t}`), sql`, `);
  const res = await rows<{ n: number; total: number | string }>(
    ctx.platform.db,
    sql`with owed as (
          select person_id, insurance_type, min(region_code) as region_code,
                 greatest(sum(case when side = 'due' then employer_fen else -employer_fen end), 0) as emp_out,
                 greatest(sum(case when side = 'due' then personal_fen else -personal_fen end), 0) as pers_out
            from insurance_ledger
           where employer_id = ${employerId} and fee_month = ${input.feeMonth} and ${scopeWhere(ctx.caller.scope, insuranceLedger)}
           group by person_id, insurance_type),
        ins as (
          insert into insurance_ledger (person_id, employer_id, insurance_type, fee_month, period_months, event, side, employer_fen, personal_fen, account_fen, value_date, region_code, source, source_ref, recorded_by)
          select person_id, ${employerId}::bigint, insurance_type, ${input.feeMonth}::date, 1, ${event}::text, 'paid', emp_out, pers_out,
                 case when insurance_type in (${accountList}) then pers_out else 0 end,
                 ${input.paidOn}::date, region_code, 'payment',
                 'pay:' || ${input.paymentRef}::text || ':' || person_id || ':' || insurance_type || ':' || ${input.feeMonth}::text,
                 ${ctx.caller.userId}::int
            from owed where emp_out > 0 or pers_out > 0
          on conflict do nothing
          returning employer_fen + personal_fen as amount)
        select count(*)::int as n, coalesce(sum(amount), 0)::bigint as total from ins`,
  );
  const lateFee = lateFeeFen(num(res[0]?.total), due, input.paidOn, p.params.lateFeeDailyRate);
  return { entries: num(res[0]?.n), amountFen: num(res[0]?.total), event, paymentDueDate: due, lateFeeFen: lateFee };
}

/**
 * An individual's contribution (灵活就业 / 新就业形态 enterprise pension by chosen base, or the
 * resident pension by annual level): an `assessed` entry, and a `received` one when paid.
 */
export async function recordIndividualContribution(ctx: Ctx, enrolmentId: number, input: { feeMonth: string; baseFen?: number; levelFen?: number; paidOn?: string | null }) {
  const en = await getEnrolment(ctx, enrolmentId);
  if (en.employerId) throw new AppError('INVALID_STATE', { zh: '单位职工的缴费由单位申报', en: "Employees' contributions are declared by the employer" });
  if (en.status !== 'paying') throw new AppError('INVALID_STATE', { zh: '参保状态不是缴费中', en: 'The enrolment is not paying' });
  const year = Number(input.feeMonth.slice(0, 4));
  const p = (await paramsFor(q(ctx), year)).params;
  let values: Omit<typeof insuranceLedger.$inferInsert, 'event' | 'side' | 'valueDate'>;
  let accountFen: number;
  if (en.insuranceType === 'resident_pension') {
    const level = p.residentLevels.find((l) => l.levelFen === input.levelFen);
    if (!level) throw new AppError('VALIDATION', { zh: `缴费档次须为：${p.residentLevels.map((l) => l.levelFen / 100).join('、')} 元`, en: `The level must be one of ${p.residentLevels.map((l) => l.levelFen / 100).join(', ')} yuan` });
    const feeMonth = `${year}-01-01`;
    values = { personId: en.personId, insuranceType: en.insuranceType, feeMonth, periodMonths: 12, baseFen: level.levelFen, personalFen: level.levelFen, regionCode: en.regionCode, source: 'assessment', recordedBy: ctx.caller.userId };
    accountFen = level.levelFen + level.subsidyFen;
    return appendIndividual(ctx, values, { paidOn: input.paidOn ?? null, subsidyFen: level.subsidyFen, accountFen });
  }
  if (en.insuranceType !== 'enterprise_pension') throw new AppError('INVALID_STATE', { zh: '该险种不能以个人身份缴费', en: 'This type is not paid individually' });
  const band = baseBand(p);
  if (!input.baseFen || input.baseFen < band.floorFen || input.baseFen > band.ceilFen) {
    throw new AppError('VALIDATION', { zh: `缴费基数须在 ${band.floorFen / 100}–${band.ceilFen / 100} 元之间`, en: `The base must be within ${band.floorFen / 100}–${band.ceilFen / 100} yuan`, band });
  }
  const rate = p.rates.flexible_pension;
  values = {
    personId: en.personId,
    insuranceType: en.insuranceType,
    feeMonth: input.feeMonth,
    periodMonths: 1,
    baseFen: input.baseFen,
    personalRateBp: rate.total,
    personalFen: partOf(input.baseFen, rate.total),
    regionCode: en.regionCode,
    source: 'assessment',
    recordedBy: ctx.caller.userId,
  };
  return appendIndividual(ctx, values, { paidOn: input.paidOn ?? null, subsidyFen: 0, accountFen: partOf(input.baseFen, rate.account) });
}

async function appendIndividual(
  ctx: Ctx,
  values: Omit<typeof insuranceLedger.$inferInsert, 'event' | 'side' | 'valueDate'>,
  pay: { paidOn: string | null; subsidyFen: number; accountFen: number },
) {
  return ctx.platform.db.transaction(async (tx) => {
    const key = `${values.personId}:${values.insuranceType}:${values.feeMonth}`;
    const [assessed] = await tx
      .insert(insuranceLedger)
      .values({ ...values, event: 'assessed', side: 'due', valueDate: todayIso(), sourceRef: `assess:${key}:r0` })
      .onConflictDoNothing()
      .returning();
    if (!assessed) throw new AppError('DUPLICATE', { zh: '该费款所属期已核定', en: 'This fee month is already assessed' });
    let received: LedgerRow | null = null;
    if (pay.paidOn) {
      [received] = await tx
        .insert(insuranceLedger)
        .values({ ...values, baseFen: 0, personalRateBp: 0, event: 'received', side: 'paid', subsidyFen: pay.subsidyFen, accountFen: pay.accountFen, valueDate: pay.paidOn, source: 'payment', sourceRef: `pay:ind:${key}:r0` })
        .returning();
    }
    return { assessed, received };
  });
}

// ---- employer view: declarations and arrears -------------------------------------------

export type EmployerMonth = {
  feeMonth: string;
  persons: number;
  baseFen: number;
  dueFen: number;
  paidFen: number;
  arrearsFen: number;
  paymentDueDate: string;
  lateFeeFen: number;
};

/** An employer's fee months with what was declared, paid, owed, and the late fee to date. */
export async function employerMonths(ctx: Ctx, employerId: number, asOf = todayIso()): Promise<EmployerMonth[]> {
  await employerInScope(ctx, employerId);
  const r = await rows<Record<string, unknown>>(
    ctx.platform.db,
    sql`select fee_month::text as fee_month,
               count(distinct person_id) filter (where side = 'due')::int as persons,
               coalesce(sum(base_fen) filter (where side = 'due' and insurance_type in ('enterprise_pension', 'institution_pension')), 0)::bigint as base_fen,
               coalesce(sum(employer_fen + personal_fen) filter (where side = 'due'), 0)::bigint as due_fen,
               coalesce(sum(employer_fen + personal_fen) filter (where side = 'paid'), 0)::bigint as paid_fen,
               coalesce(json_agg(json_build_object('v', value_date, 'a', employer_fen + personal_fen)) filter (where side = 'paid'), '[]') as payments
          from insurance_ledger
         where employer_id = ${employerId} and ${scopeWhere(ctx.caller.scope, insuranceLedger)}
         group by fee_month order by fee_month desc limit 120`,
  );
  const years = [...new Set(r.map((x) => Number(String(x.fee_month).slice(0, 4))))];
  const params = await loadParams(q(ctx), years);
  return r.map((x) => {
    const feeMonth = String(x.fee_month).slice(0, 10);
    const p = params.get(Number(feeMonth.slice(0, 4)))!.params;
    const due = paymentDueDate(feeMonth, p);
    const dueFen = num(x.due_fen);
    const paidFen = num(x.paid_fen);
    const payments = (typeof x.payments === 'string' ? JSON.parse(x.payments) : x.payments) as { v: string; a: number }[];
    // Late fee: on each late payment for the days it was late, plus on what is still owed to asOf.
    let fee = 0;
    for (const pay of payments) fee += lateFeeFen(num(pay.a), due, String(pay.v).slice(0, 10), p.lateFeeDailyRate);
    fee += lateFeeFen(Math.max(0, dueFen - paidFen), due, asOf, p.lateFeeDailyRate);
    return { feeMonth, persons: num(x.persons), baseFen: num(x.base_fen), dueFen, paidFen, arrearsFen: Math.max(0, dueFen - paidFen), paymentDueDate: due, lateFeeFen: fee };
  });
}

/** Everyone an employer declared for one fee month, with due and paid per person and type. */
export async function employerMonthDetail(ctx: Ctx, employerId: number, feeMonth: string) {
  await employerInScope(ctx, employerId);
  const r = await rows<Record<string, unknown>>(
    ctx.platform.db,
    sql`select insurance_ledger.person_id, p.name, p.id_masked, insurance_ledger.insurance_type,
               coalesce(sum(insurance_ledger.base_fen) filter (where insurance_ledger.side = 'due'), 0)::bigint as base_fen,
               coalesce(sum(insurance_ledger.employer_fen + insurance_ledger.personal_fen) filter (where insurance_ledger.side = 'due'), 0)::bigint as due_fen,
               coalesce(sum(insurance_ledger.employer_fen + insurance_ledger.personal_fen) filter (where insurance_ledger.side = 'paid'), 0)::bigint as paid_fen
          from insurance_ledger join persons p on p.id = insurance_ledger.person_id
         where insurance_ledger.employer_id = ${employerId} and insurance_ledger.fee_month = ${feeMonth} and ${scopeWhere(ctx.caller.scope, insuranceLedger)}
         group by insurance_ledger.person_id, p.name, p.id_masked, insurance_ledger.insurance_type order by p.name, insurance_ledger.insurance_type`,
  );
  return r.map((x) => ({
    personId: num(x.person_id),
    personName: String(x.name),
    idNumberMasked: String(x.id_masked),
    insuranceType: x.insurance_type as InsuranceType,
    insuranceTypeName: insuranceTypeLabels[x.insurance_type as InsuranceType].zh,
    baseFen: num(x.base_fen),
    dueFen: num(x.due_fen),
    paidFen: num(x.paid_fen),
  }));
}

export type { LedgerSide };
