// 转移接续: moving a person's pension insurance between provinces (国办发〔2009〕66号). A state
// machine — certificate issued (参保缴费凭证) → applied at the new office → request letter
// (联系函) → record sheet and funds (信息表、转移基金) → confirmed — where each leg after the
// application must finish within 15 working days (Chinese working days: holidays and make-up
// days count as the State Council sets them). The amount moved is computed independently of
// the sheet: the personal-account balance plus 12% of each year's contribution wage since 1998
// from the pooled fund; a difference from the other office's sheet is shown, not hidden.
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import { assertRegionInScope, regionFilter, scopeWhere } from '../../platform/scope';
import { persons } from '../registry';
import { personInScope, type Ctx } from './access';
import { chineseWorkingDays, legClock, todayIso, type LegClock, type WorkingDayCalendar } from './calendar';
import { isContributedMonth, personMonthsSystem } from './ledger';
import { paramsFor } from './params';
import { insuranceTransferEvents, insuranceTransfers } from './schema';
import type { InsuranceType } from './types';

export const transferStatuses = ['certificate_issued', 'applied', 'letter_sent', 'sheet_sent', 'completed', 'rejected', 'cancelled'] as const;
export type TransferStatus = (typeof transferStatuses)[number];
const sequence: TransferStatus[] = ['certificate_issued', 'applied', 'letter_sent', 'sheet_sent', 'completed'];
const dateField = { certificate_issued: 'certificateIssuedOn', applied: 'appliedOn', letter_sent: 'letterSentOn', sheet_sent: 'sheetSentOn', completed: 'completedOn' } as const;

/** The next states a transfer may move to. */
export function nextStates(s: TransferStatus): TransferStatus[] {
  if (s === 'completed' || s === 'rejected' || s === 'cancelled') return [];
  const i = sequence.indexOf(s);
  return [sequence[i + 1], 'rejected', 'cancelled'];
}

// ---- the amount --------------------------------------------------------------------------

export type YearWage = { year: number; wageFen: number };
export type TransferAmount = { accountFen: number; pooledFen: number; totalFen: number; pooledPct: number; fromYear: number; perYear: { year: number; wageFen: number; pooledFen: number }[] };

/** 个人账户储存额 + Σ (1998 年起各年度实际缴费工资 × 12%) (国办发〔2009〕66号 第四条). */
export function transferAmount(accountFen: number, years: YearWage[], pooledPct = 12, fromYear = 1998): TransferAmount {
  const perYear = years
    .filter((y) => y.year >= fromYear)
    .sort((a, b) => a.year - b.year)
    .map((y) => ({ year: y.year, wageFen: y.wageFen, pooledFen: Math.round((y.wageFen * pooledPct) / 100) }));
  const pooledFen = perYear.reduce((a, y) => a + y.pooledFen, 0);
  return { accountFen, pooledFen, totalFen: accountFen + pooledFen, pooledPct, fromYear, perYear };
}

/** The amount from this province's ledger: contributed months' bases by year, and the account. */
export async function transferAmountFromLedger(ctx: Pick<Ctx, 'platform'>, personId: number, type: InsuranceType, pooledPct: number, fromYear: number): Promise<TransferAmount> {
  const lines = await personMonthsSystem({ platform: ctx.platform }, personId, { type });
  const byYear = new Map<number, number>();
  for (const m of lines.filter(isContributedMonth)) byYear.set(Number(m.feeMonth.slice(0, 4)), (byYear.get(Number(m.feeMonth.slice(0, 4))) ?? 0) + m.baseFen);
  const account = lines.reduce((a, m) => a + m.accountFen, 0);
  return transferAmount(account, [...byYear].map(([year, wageFen]) => ({ year, wageFen })), pooledPct, fromYear);
}

// ---- the clock ---------------------------------------------------------------------------

type TransferRow = typeof insuranceTransfers.$inferSelect;
export type Leg = LegClock & { leg: 'letter' | 'sheet' | 'confirm'; zh: string; en: string; office: 'receiving' | 'sending'; ours: boolean };

/** The three legs after the application, each within `limit` working days, with whose turn it is. */
export function transferLegs(t: Pick<TransferRow, 'direction' | 'appliedOn' | 'letterSentOn' | 'sheetSentOn' | 'completedOn' | 'status'>, limit: number, cal: WorkingDayCalendar, today: string): Leg[] {
  const legs: Leg[] = [];
  const stopped = t.status === 'rejected' || t.status === 'cancelled';
  const add = (leg: Leg['leg'], zh: string, en: string, office: Leg['office'], start: string | null, done: string | null) => {
    if (!start) return;
    const clock = legClock(cal, start, limit, done, today);
    legs.push({ ...clock, state: !done && stopped ? 'done_late' : clock.state, leg, zh, en, office, ours: (office === 'receiving') === (t.direction === 'in') });
  };
  add('letter', '转入地发联系函', 'Receiving office sends the request letter', 'receiving', t.appliedOn, t.letterSentOn);
  add('sheet', '转出地转出信息表和基金', 'Sending office sends the record sheet and funds', 'sending', t.letterSentOn, t.sheetSentOn);
  add('confirm', '转入地接收并告知', 'Receiving office confirms', 'receiving', t.sheetSentOn, t.completedOn);
  return legs;
}

// ---- workflow ----------------------------------------------------------------------------

export type TransferCreate = { personId: number; insuranceType: 'enterprise_pension' | 'institution_pension'; direction: 'in' | 'out'; otherRegion: string; on: string; regionCode?: string; note?: string | null };

export async function createTransfer(ctx: Ctx, input: TransferCreate) {
  const person = await personInScope(ctx, input.personId);
  const regionCode = input.regionCode ?? person.regionCode;
  assertRegionInScope(ctx.caller.scope, regionCode);
  if (!/^\d{6}$/.test(input.otherRegion) || input.otherRegion.slice(0, 2) === '46') {
    throw new AppError('VALIDATION', { zh: '转移接续的对方地区应为外省的6位区划代码', en: 'The other side must be a 6-digit region code outside Hainan' });
  }
  if (input.on > todayIso()) throw new AppError('VALIDATION', { zh: '日期不能晚于今天', en: 'The date cannot be in the future' });
  const open = await ctx.platform.db
    .select({ id: insuranceTransfers.id, status: insuranceTransfers.status })
    .from(insuranceTransfers)
    .where(and(eq(insuranceTransfers.personId, person.id), eq(insuranceTransfers.insuranceType, input.insuranceType), scopeWhere(ctx.caller.scope, insuranceTransfers)));
  if (open.some((o) => nextStates(o.status).length > 0)) throw new AppError('CONFLICT', { zh: '该人员已有进行中的转移接续', en: 'A transfer for this person is already in progress' });
  // Out: Hainan issues the certificate when the person leaves. In: the person applies here.
  const status: TransferStatus = input.direction === 'out' ? 'certificate_issued' : 'applied';
  return ctx.platform.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(insuranceTransfers)
      .values({
        personId: person.id,
        regionCode,
        insuranceType: input.insuranceType,
        direction: input.direction,
        fromRegion: input.direction === 'out' ? regionCode : input.otherRegion,
        toRegion: input.direction === 'out' ? input.otherRegion : regionCode,
        status,
        certificateIssuedOn: input.direction === 'out' ? input.on : null,
        appliedOn: input.direction === 'in' ? input.on : null,
        note: input.note ?? null,
        createdBy: ctx.caller.userId,
      })
      .returning();
    await tx.insert(insuranceTransferEvents).values({ transferId: row.id, regionCode, fromStatus: null, toStatus: status, on: input.on, note: input.note ?? null, actorId: ctx.caller.userId, actorName: ctx.caller.username });
    return row;
  });
}

export async function getTransfer(ctx: Ctx, id: number): Promise<TransferRow> {
  const [t] = await ctx.platform.db.select().from(insuranceTransfers).where(and(eq(insuranceTransfers.id, id), scopeWhere(ctx.caller.scope, insuranceTransfers)));
  if (!t) throw new AppError('NOT_FOUND');
  return t;
}

export type TransferAdvance = {
  to: TransferStatus;
  on: string;
  version: number;
  note?: string | null;
  /** From the other office's record sheet (transfers in): its total, account and yearly wages. */
  declaredAmountFen?: number;
  sheetAccountFen?: number;
  sheetYearlyWages?: YearWage[];
};

export async function advanceTransfer(ctx: Ctx, id: number, input: TransferAdvance) {
  const t = await getTransfer(ctx, id);
  if (!nextStates(t.status).includes(input.to)) {
    throw new AppError('INVALID_STATE', { zh: `不能从“${t.status}”转为“${input.to}”`, en: `Cannot move from ${t.status} to ${input.to}`, allowed: nextStates(t.status) });
  }
  const last = [t.completedOn, t.sheetSentOn, t.letterSentOn, t.appliedOn, t.certificateIssuedOn].find((d) => d) ?? null;
  if ((last && input.on < last) || input.on > todayIso()) throw new AppError('VALIDATION', { zh: '日期须不早于上一步且不晚于今天', en: 'The date must not precede the previous step nor be in the future' });
  const set: Partial<typeof insuranceTransfers.$inferInsert> = { status: input.to, updatedAt: new Date(), version: t.version + 1 };
  if (input.to in dateField) set[dateField[input.to as keyof typeof dateField]] = input.on;
  if (input.to === 'sheet_sent') {
    const p = (await paramsFor(ctx.platform.database.query.bind(ctx.platform.database) as never, Number(input.on.slice(0, 4)))).params.transfer;
    if (t.direction === 'out') {
      // We issue the sheet: the amount is ours, computed from the ledger.
      const a = await transferAmountFromLedger(ctx, t.personId, t.insuranceType, p.pooledPct, p.fromYear);
      set.computedAmountFen = a.totalFen;
      set.declaredAmountFen = input.declaredAmountFen ?? a.totalFen;
      set.computation = { source: 'ledger', ...a };
    } else {
      // The other office's sheet: recompute its arithmetic from its own figures.
      if (input.declaredAmountFen === undefined || input.sheetAccountFen === undefined || !input.sheetYearlyWages) {
        throw new AppError('VALIDATION', { zh: '请录入信息表的转移金额、个人账户和各年度缴费工资', en: 'Enter the sheet’s total, account balance and yearly contribution wages' });
      }
      const a = transferAmount(input.sheetAccountFen, input.sheetYearlyWages, p.pooledPct, p.fromYear);
      set.computedAmountFen = a.totalFen;
      set.declaredAmountFen = input.declaredAmountFen;
      set.computation = { source: 'sheet', ...a };
    }
  }
  return ctx.platform.db.transaction(async (tx) => {
    const [row] = await tx
      .update(insuranceTransfers)
      .set(set)
      .where(and(eq(insuranceTransfers.id, id), eq(insuranceTransfers.version, input.version), scopeWhere(ctx.caller.scope, insuranceTransfers)))
      .returning();
    if (!row) throw new AppError('STALE_VERSION');
    await tx.insert(insuranceTransferEvents).values({ transferId: id, regionCode: t.regionCode, fromStatus: t.status, toStatus: input.to, on: input.on, note: input.note ?? null, actorId: ctx.caller.userId, actorName: ctx.caller.username });
    return row;
  });
}

export async function transferView(ctx: Ctx, t: TransferRow, cal: WorkingDayCalendar = chineseWorkingDays, today = todayIso()) {
  const p = (await paramsFor(ctx.platform.database.query.bind(ctx.platform.database) as never, Number((t.appliedOn ?? t.certificateIssuedOn ?? today).slice(0, 4)))).params.transfer;
  return {
    id: t.id,
    personId: t.personId,
    insuranceType: t.insuranceType,
    direction: t.direction,
    fromRegion: t.fromRegion,
    toRegion: t.toRegion,
    status: t.status,
    next: nextStates(t.status),
    certificateIssuedOn: t.certificateIssuedOn,
    appliedOn: t.appliedOn,
    letterSentOn: t.letterSentOn,
    sheetSentOn: t.sheetSentOn,
    completedOn: t.completedOn,
    legs: transferLegs(t, p.legWorkingDays, cal, today),
    declaredAmountFen: t.declaredAmountFen,
    computedAmountFen: t.computedAmountFen,
    differenceFen: t.declaredAmountFen !== null && t.computedAmountFen !== null ? t.declaredAmountFen - t.computedAmountFen : null,
    computation: t.computation,
    regionCode: t.regionCode,
    regionName: ctx.platform.regions.name(t.regionCode),
    note: t.note,
    version: t.version,
  };
}

export async function transferHistory(ctx: Ctx, id: number) {
  await getTransfer(ctx, id);
  const r = await ctx.platform.db
    .select()
    .from(insuranceTransferEvents)
    .where(and(eq(insuranceTransferEvents.transferId, id), scopeWhere(ctx.caller.scope, insuranceTransferEvents)))
    .orderBy(asc(insuranceTransferEvents.id));
  return r.map((e) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus, on: e.on, note: e.note, actorName: e.actorName, at: e.at.toISOString() }));
}

export async function listTransfers(ctx: Ctx, q: { regionCode?: string; status?: TransferStatus; personId?: number; overdue?: boolean }) {
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, insuranceTransfers)];
  conds.push(regionFilter(ctx.caller.scope, q.regionCode, insuranceTransfers.regionCode, ctx.platform.regions.expand));
  if (q.status) conds.push(eq(insuranceTransfers.status, q.status));
  if (q.personId) conds.push(eq(insuranceTransfers.personId, q.personId));
  const r = await ctx.platform.db
    .select({ t: insuranceTransfers, name: persons.name, idMasked: persons.idMasked })
    .from(insuranceTransfers)
    .innerJoin(persons, eq(persons.id, insuranceTransfers.personId))
    .where(and(...conds))
    .orderBy(desc(insuranceTransfers.id))
    .limit(500);
  const out = [];
  for (const x of r) {
    const v = await transferView(ctx, x.t);
    if (q.overdue && !v.legs.some((l) => l.state === 'overdue' && l.ours)) continue;
    out.push({ ...v, personName: x.name, idNumberMasked: x.idMasked });
  }
  return out;
}
