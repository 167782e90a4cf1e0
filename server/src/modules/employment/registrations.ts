// 就业登记: register and terminate employments. Contradictions are refused (rules.ts):
// overlapping employments where one is exclusive, a re-employment without an open
// unemployment registration, future dates, a person or employer not in the registry.
// A new employment that starts on or after the person's open unemployment registration is
// the re-employment that closes it; the zero-employment-household flag follows (household.ts).
import { countUpTo } from '../../platform/http/util';
import { and, eq, gte, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { AppError, type FieldProblem } from '../../platform/errors';
import { assertRegionInScope, regionFilter, scopeWhere, systemScope } from '../../platform/scope';
import { employers, persons } from '../registry';
import { chinaToday } from './codes';
import { actorOf, employerExists, fail, lockPerson, orderBy, personInScope, type Ctx } from './context';
import { applyHouseholdRule } from './household';
import { checkOccupationCode } from './occupations';
import { checkSpan, conflictMessage, decideReemployment, findEmploymentConflict, type ExistingEmployment, type OpenUnemployment } from './rules';
import { employmentRegistrations, unemploymentRegistrations } from './schema';
import type { Area, EmploymentKind } from './types';

export type EmploymentInput = {
  personId: number;
  employerId?: number | null;
  kind: EmploymentKind;
  startDate: string;
  endDate?: string | null;
  area: Area;
  /** Defaults to true for urban employment. */
  newUrban?: boolean;
  occupationCode?: string | null;
  hasContract?: boolean;
  /** Claimed as re-employment of a registered unemployed person (refused if there is no open registration). */
  reemployment?: boolean;
  source?: 'manual' | 'import' | 'referral';
};

type Row = typeof employmentRegistrations.$inferSelect;

/** Field checks that need no database. */
export function checkEmploymentFields(input: EmploymentInput, today: string): FieldProblem[] {
  const problems = checkSpan({ startDate: input.startDate, endDate: input.endDate ?? null }, today);
  if (input.kind === 'employee' && !input.employerId) problems.push({ field: 'employerId', zh: '单位就业须填写用人单位', en: 'an employee registration needs an employer' });
  if ((input.kind === 'self_employed' || input.kind === 'flexible') && input.employerId) {
    problems.push({ field: 'employerId', zh: '自主创业和灵活就业不填写用人单位', en: 'self-employment and flexible employment have no employer' });
  }
  if (input.newUrban && input.area !== 'urban') problems.push({ field: 'newUrban', zh: '农村就业不能计为城镇新增就业', en: 'rural employment cannot count as new urban employment' });
  if (input.occupationCode) {
    const c = checkOccupationCode(input.occupationCode);
    if (!c.ok) problems.push({ field: 'occupationCode', zh: c.zh, en: c.en });
  }
  return problems;
}

/** Every employment of a person, whoever registered it (the rules must see them all). */
export async function employmentsOf(db: Db, personId: number): Promise<ExistingEmployment[]> {
  return db
    .select({ id: employmentRegistrations.id, kind: employmentRegistrations.kind, startDate: employmentRegistrations.startDate, endDate: employmentRegistrations.endDate })
    .from(employmentRegistrations)
    .where(and(eq(employmentRegistrations.personId, personId), systemScope()));
}

export async function openUnemploymentOf(db: Db, personId: number): Promise<OpenUnemployment | null> {
  const [u] = await db
    .select({ id: unemploymentRegistrations.id, registeredOn: unemploymentRegistrations.registeredOn })
    .from(unemploymentRegistrations)
    .where(and(eq(unemploymentRegistrations.personId, personId), isNull(unemploymentRegistrations.closedOn), systemScope()));
  return u ?? null;
}

export type CreatedEmployment = { row: Row; closedUnemploymentId: number | null; householdChanged: number[] };

/** Registers an employment inside an existing transaction (also used by a hire). */
export async function registerEmploymentTx(ctx: Ctx, tx: Db, input: EmploymentInput, today = chinaToday()): Promise<CreatedEmployment> {
  const problems = checkEmploymentFields(input, today);
  if (problems.length) fail(problems);
  const person = await personInScope(ctx, input.personId, tx);
  const employer = input.employerId ? await employerExists(input.employerId, tx) : null;
  // The record belongs to the person's region (就业登记 is kept where the person is registered),
  // so a county keeps its own people's employment even with employers elsewhere.
  const regionCode = person.regionCode;
  assertRegionInScope(ctx.caller.scope, regionCode);
  const span = { startDate: input.startDate, endDate: input.endDate ?? null };

  await lockPerson(tx, person.id);
  const conflict = findEmploymentConflict(await employmentsOf(tx, person.id), { ...span, kind: input.kind });
  if (conflict) {
    const m = conflictMessage(conflict, input.kind);
    throw new AppError('CONFLICT', { zh: m.zh, en: m.en, fields: [{ field: 'startDate', ...m }], conflictingId: conflict.id });
  }
  const decision = decideReemployment(await openUnemploymentOf(tx, person.id), span, input.reemployment ?? false);
  if (!decision.ok) throw new AppError('CONFLICT', { zh: decision.zh, en: decision.en, fields: [{ field: 'reemployment', zh: decision.zh, en: decision.en }] });

  const [row] = await tx
    .insert(employmentRegistrations)
    .values({
      personId: person.id,
      employerId: employer?.id ?? null,
      kind: input.kind,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      area: input.area,
      newUrban: input.newUrban ?? input.area === 'urban',
      occupationCode: input.occupationCode || null,
      hasContract: input.hasContract ?? false,
      regionCode,
      source: input.source ?? 'manual',
      createdBy: ctx.caller.userId,
    })
    .returning();
  let closedUnemploymentId: number | null = null;
  if (decision.closes) {
    await tx
      .update(unemploymentRegistrations)
      .set({ closedOn: input.startDate, closedReason: 'reemployed', reemploymentId: row.id, updatedAt: new Date(), version: sql`${unemploymentRegistrations.version} + 1` })
      .where(and(eq(unemploymentRegistrations.id, decision.closes.id), systemScope()));
    closedUnemploymentId = decision.closes.id;
  }
  const householdChanged = await applyHouseholdRule(tx, person.id, row.endDate === null ? 'employed' : 'left', actorOf(ctx));
  return { row, closedUnemploymentId, householdChanged };
}

export async function registerEmployment(ctx: Ctx, input: EmploymentInput): Promise<CreatedEmployment> {
  return ctx.platform.db.transaction(async (tx) => registerEmploymentTx(ctx, tx as unknown as Db, input));
}

export async function getEmploymentRow(ctx: Ctx, id: number, db: Db = ctx.platform.db): Promise<Row> {
  const [r] = await db.select().from(employmentRegistrations).where(and(eq(employmentRegistrations.id, id), scopeWhere(ctx.caller.scope, employmentRegistrations)));
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

/** 就业终止. The end date is the last day worked; the household rule follows. */
export async function terminateEmployment(ctx: Ctx, id: number, input: { endDate: string; reason: string; version: number }): Promise<{ row: Row; householdChanged: number[] }> {
  const today = chinaToday();
  return ctx.platform.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const before = await getEmploymentRow(ctx, id, tx);
    if (before.endDate !== null) throw new AppError('INVALID_STATE', { zh: `该就业登记已于 ${before.endDate} 终止`, en: `this employment already ended on ${before.endDate}` });
    const problems = checkSpan({ startDate: before.startDate, endDate: input.endDate }, today);
    if (!input.reason.trim()) problems.push({ field: 'reason', zh: '请填写终止原因', en: 'a reason is required' });
    if (problems.length) fail(problems);
    await lockPerson(tx, before.personId);
    const [row] = await tx
      .update(employmentRegistrations)
      .set({ endDate: input.endDate, terminationReason: input.reason.trim(), updatedAt: new Date(), version: before.version + 1 })
      .where(and(eq(employmentRegistrations.id, id), eq(employmentRegistrations.version, input.version), scopeWhere(ctx.caller.scope, employmentRegistrations)))
      .returning();
    if (!row) throw new AppError('STALE_VERSION');
    const householdChanged = await applyHouseholdRule(tx, row.personId, 'left', actorOf(ctx));
    return { row, householdChanged };
  });
}

export type EmploymentQuery = {
  id?: number;
  personId?: number;
  employerId?: number;
  regionCode?: string;
  kind?: EmploymentKind;
  open?: boolean;
  newUrban?: boolean;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
  sort?: string;
};

export function employmentConditions(ctx: Ctx, q: Omit<EmploymentQuery, 'page' | 'pageSize' | 'sort'>): SQL {
  const t = employmentRegistrations;
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, t), regionFilter(ctx.caller.scope, q.regionCode, t.regionCode, ctx.platform.regions.expand)];
  if (q.id) conds.push(eq(t.id, q.id));
  if (q.personId) conds.push(eq(t.personId, q.personId));
  if (q.employerId) conds.push(eq(t.employerId, q.employerId));
  if (q.kind) conds.push(eq(t.kind, q.kind));
  if (q.open === true) conds.push(isNull(t.endDate));
  if (q.open === false) conds.push(isNotNull(t.endDate));
  if (q.newUrban !== undefined) conds.push(eq(t.newUrban, q.newUrban));
  if (q.from) conds.push(gte(t.startDate, q.from));
  if (q.to) conds.push(lte(t.startDate, q.to));
  return and(...conds)!;
}

export async function listEmployments(ctx: Ctx, q: EmploymentQuery) {
  const t = employmentRegistrations;
  const where = employmentConditions(ctx, q);
  const db = ctx.platform.db;
  const [items, counted] = await Promise.all([
    db
      .select({ r: t, personName: persons.name, idMasked: persons.idMasked, employerName: employers.name })
      .from(t)
      .innerJoin(persons, eq(persons.id, t.personId))
      .leftJoin(employers, eq(employers.id, t.employerId))
      .where(where)
      .orderBy(...orderBy(q.sort, { startDate: t.startDate, id: t.id, regionCode: t.regionCode }, t.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countUpTo(db, t, where),
  ]);
  return { items: items.map((i) => ({ ...i.r, personName: i.personName, idNumberMasked: i.idMasked, employerName: i.employerName })), total: counted.total, totalCapped: counted.capped, page: q.page, pageSize: q.pageSize };
}
