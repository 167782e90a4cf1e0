// 失业登记: registration, services received (职业介绍, 职业指导, 培训推荐), the employment-
// difficulty status (就业困难人员) with the plan's groups, and closing. Re-employment closes a
// registration only through an employment registration (registrations.ts), so every
// re-employment counted has the job behind it.
import { countUpTo } from '../../platform/http/util';
import { and, eq, gte, isNotNull, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { AppError, type FieldProblem } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { regionFilter, scopeWhere, systemScope, type Scope } from '../../platform/scope';
import { persons } from '../registry';
import { chinaToday } from './codes';
import { fail, lockPerson, orderBy, personInScope, type Ctx, type PersonRef } from './context';
import { employmentsOf } from './registrations';
import { checkPastDate, checkUnemploymentRegistration } from './rules';
import { unemploymentRegistrations, unemploymentServices } from './schema';
import type { DifficultyGroup } from './types';

type Row = typeof unemploymentRegistrations.$inferSelect;

export type UnemploymentInput = {
  personId: number;
  registeredOn: string;
  urban?: boolean;
  reason: string;
  difficulty?: boolean;
  difficultySince?: string | null;
  /** Groups the registry cannot know (graduate, rural migrant worker); the others come from the person's flags. */
  groups?: DifficultyGroup[];
};

/** The plan's groups: those stated plus those the registry's flags say. */
export function groupsFor(person: Pick<PersonRef, 'veteran' | 'disability' | 'zeroEmploymentHousehold'>, stated: readonly DifficultyGroup[] = []): DifficultyGroup[] {
  const g = new Set<DifficultyGroup>(stated);
  if (person.veteran) g.add('veteran');
  if (person.disability) g.add('disability');
  if (person.zeroEmploymentHousehold) g.add('zero_employment_household');
  const order: DifficultyGroup[] = ['graduate', 'rural_migrant', 'veteran', 'disability', 'zero_employment_household'];
  return order.filter((x) => g.has(x));
}

export async function registerUnemployment(ctx: Ctx, input: UnemploymentInput, today = chinaToday()): Promise<Row> {
  const problems: FieldProblem[] = checkPastDate('registeredOn', input.registeredOn, today, { zh: '失业登记日期', en: 'registration date' });
  if (input.difficulty && input.difficultySince) problems.push(...checkPastDate('difficultySince', input.difficultySince, today, { zh: '认定日期', en: 'recognition date' }));
  if (input.difficultySince && !problems.length && input.difficultySince < input.registeredOn) {
    problems.push({ field: 'difficultySince', zh: '就业困难认定日期不能早于失业登记日期', en: 'difficulty recognition cannot precede the registration' });
  }
  if (problems.length) fail(problems);
  const person = await personInScope(ctx, input.personId);
  return ctx.platform.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await lockPerson(tx, person.id);
    const clash = checkUnemploymentRegistration(input.registeredOn, await employmentsOf(tx, person.id), await openOf(tx, person.id));
    if (clash) throw new AppError('CONFLICT', { zh: clash.zh, en: clash.en, fields: [{ field: 'registeredOn', zh: clash.zh, en: clash.en }], conflictingId: clash.conflictId });
    const [row] = await tx
      .insert(unemploymentRegistrations)
      .values({
        personId: person.id,
        regionCode: person.regionCode,
        registeredOn: input.registeredOn,
        urban: input.urban ?? true,
        reason: input.reason,
        difficulty: input.difficulty ?? false,
        difficultySince: input.difficulty ? (input.difficultySince ?? input.registeredOn) : null,
        groups: groupsFor(person, input.groups),
        createdBy: ctx.caller.userId,
      })
      .returning();
    return row;
  });
}

async function openOf(db: Db, personId: number) {
  const [u] = await db
    .select({ id: unemploymentRegistrations.id, registeredOn: unemploymentRegistrations.registeredOn })
    .from(unemploymentRegistrations)
    .where(and(eq(unemploymentRegistrations.personId, personId), isNull(unemploymentRegistrations.closedOn), systemScope()));
  return u ?? null;
}

export type OpenUnemploymentView = { id: number; personId: number; regionCode: string; registeredOn: string; urban: boolean; reason: string; difficulty: boolean; groups: DifficultyGroup[] };

/**
 * The person's open unemployment registration, or null. With a scope, only a registration
 * the caller may see; without, system work (e.g. the insurance module checking eligibility
 * for unemployment benefits on a claim it has already scoped).
 */
export async function findOpenUnemploymentRegistration(platform: Platform, personId: number, scope?: Scope): Promise<OpenUnemploymentView | null> {
  const [u] = await openRegistrations(platform.db, eq(unemploymentRegistrations.personId, personId), scope);
  return u ?? null;
}

/** Open registrations of many persons at once, by person (system work: the insurance generator). */
export async function openUnemploymentRegistrationsOf(platform: Platform, personIds: readonly number[]): Promise<Map<number, OpenUnemploymentView>> {
  const out = new Map<number, OpenUnemploymentView>();
  for (let i = 0; i < personIds.length; i += 5_000) {
    for (const r of await openRegistrations(platform.db, inArray(unemploymentRegistrations.personId, personIds.slice(i, i + 5_000) as number[]))) out.set(r.personId, r);
  }
  return out;
}

function openRegistrations(db: Db, who: SQL, scope?: Scope): Promise<OpenUnemploymentView[]> {
  const t = unemploymentRegistrations;
  return db
    .select({ id: t.id, personId: t.personId, regionCode: t.regionCode, registeredOn: t.registeredOn, urban: t.urban, reason: t.reason, difficulty: t.difficulty, groups: t.groups })
    .from(t)
    .where(and(who, isNull(t.closedOn), scope ? scopeWhere(scope, t) : systemScope()));
}

export async function getUnemploymentRow(ctx: Ctx, id: number, db: Db = ctx.platform.db): Promise<Row> {
  const [r] = await db.select().from(unemploymentRegistrations).where(and(eq(unemploymentRegistrations.id, id), scopeWhere(ctx.caller.scope, unemploymentRegistrations)));
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

export type ServiceKind = 'job_introduction' | 'guidance' | 'training_referral';

/** Records a service received; it must fall within the registration's open period. */
export async function addService(ctx: Ctx, unemploymentId: number, input: { kind: ServiceKind; serviceDate: string; note?: string | null }, db: Db = ctx.platform.db, today = chinaToday()) {
  const reg = await getUnemploymentRow(ctx, unemploymentId, db);
  const problems = checkPastDate('serviceDate', input.serviceDate, today, { zh: '服务日期', en: 'service date' });
  if (!problems.length && input.serviceDate < reg.registeredOn) problems.push({ field: 'serviceDate', zh: `服务日期早于失业登记日期 ${reg.registeredOn}`, en: `service date is before the registration date ${reg.registeredOn}` });
  if (!problems.length && reg.closedOn && input.serviceDate > reg.closedOn) problems.push({ field: 'serviceDate', zh: `该失业登记已于 ${reg.closedOn} 结束`, en: `the registration closed on ${reg.closedOn}` });
  if (problems.length) fail(problems);
  const [row] = await db
    .insert(unemploymentServices)
    .values({ unemploymentId, personId: reg.personId, regionCode: reg.regionCode, kind: input.kind, serviceDate: input.serviceDate, note: input.note ?? null, createdBy: ctx.caller.userId })
    .returning();
  return row;
}

export async function servicesOf(ctx: Ctx, unemploymentId: number) {
  await getUnemploymentRow(ctx, unemploymentId);
  return ctx.platform.db
    .select()
    .from(unemploymentServices)
    .where(and(eq(unemploymentServices.unemploymentId, unemploymentId), scopeWhere(ctx.caller.scope, unemploymentServices)))
    .orderBy(unemploymentServices.serviceDate, unemploymentServices.id);
}

export type CloseReason = 'moved_away' | 'retired' | 'enrolled' | 'deregistered' | 'other';

/** Closes a registration for a reason other than re-employment (that one needs the employment). */
export async function closeUnemployment(ctx: Ctx, id: number, input: { closedOn: string; reason: CloseReason | 'reemployed'; version: number }, today = chinaToday()): Promise<Row> {
  if (input.reason === 'reemployed') {
    throw new AppError('VALIDATION', {
      zh: '再就业须办理就业登记，失业登记将随之自动结束',
      en: 'Register the employment instead: re-employment closes the unemployment registration itself',
      fields: [{ field: 'reason', zh: '再就业须办理就业登记', en: 're-employment needs an employment registration' }],
    });
  }
  const before = await getUnemploymentRow(ctx, id);
  if (before.closedOn) throw new AppError('INVALID_STATE', { zh: `该失业登记已于 ${before.closedOn} 结束`, en: `already closed on ${before.closedOn}` });
  const problems = checkPastDate('closedOn', input.closedOn, today, { zh: '结束日期', en: 'closing date' });
  if (!problems.length && input.closedOn < before.registeredOn) problems.push({ field: 'closedOn', zh: '结束日期早于登记日期', en: 'closing date is before the registration date' });
  if (problems.length) fail(problems);
  const [row] = await ctx.platform.db
    .update(unemploymentRegistrations)
    .set({ closedOn: input.closedOn, closedReason: input.reason, updatedAt: new Date(), version: before.version + 1 })
    .where(and(eq(unemploymentRegistrations.id, id), eq(unemploymentRegistrations.version, input.version), scopeWhere(ctx.caller.scope, unemploymentRegistrations)))
    .returning();
  if (!row) throw new AppError('STALE_VERSION');
  return row;
}

/** 就业困难人员认定 (or its withdrawal) and the groups. */
export async function setDifficulty(ctx: Ctx, id: number, input: { difficulty: boolean; since?: string | null; groups?: DifficultyGroup[]; version: number }, today = chinaToday()): Promise<Row> {
  const before = await getUnemploymentRow(ctx, id);
  if (before.closedOn) throw new AppError('INVALID_STATE', { zh: '失业登记已结束，不能变更认定', en: 'the registration is closed' });
  const since = input.difficulty ? (input.since ?? before.difficultySince ?? today) : null;
  if (since) {
    const problems = checkPastDate('since', since, today, { zh: '认定日期', en: 'recognition date' });
    if (!problems.length && since < before.registeredOn) problems.push({ field: 'since', zh: '认定日期不能早于失业登记日期', en: 'recognition cannot precede the registration' });
    if (problems.length) fail(problems);
  }
  const person = await personInScope(ctx, before.personId);
  const [row] = await ctx.platform.db
    .update(unemploymentRegistrations)
    .set({ difficulty: input.difficulty, difficultySince: since, groups: groupsFor(person, input.groups ?? before.groups), updatedAt: new Date(), version: before.version + 1 })
    .where(and(eq(unemploymentRegistrations.id, id), eq(unemploymentRegistrations.version, input.version), scopeWhere(ctx.caller.scope, unemploymentRegistrations)))
    .returning();
  if (!row) throw new AppError('STALE_VERSION');
  return row;
}

export type UnemploymentQuery = {
  id?: number;
  personId?: number;
  regionCode?: string;
  open?: boolean;
  difficulty?: boolean;
  group?: DifficultyGroup;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
  sort?: string;
};

export function unemploymentConditions(ctx: Ctx, q: Omit<UnemploymentQuery, 'page' | 'pageSize' | 'sort'>): SQL {
  const t = unemploymentRegistrations;
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, t), regionFilter(ctx.caller.scope, q.regionCode, t.regionCode, ctx.platform.regions.expand)];
  if (q.id) conds.push(eq(t.id, q.id));
  if (q.personId) conds.push(eq(t.personId, q.personId));
  if (q.open === true) conds.push(isNull(t.closedOn));
  if (q.open === false) conds.push(isNotNull(t.closedOn));
  if (q.difficulty !== undefined) conds.push(eq(t.difficulty, q.difficulty));
  if (q.group) conds.push(sql`${q.group} = any(${t.groups})`);
  if (q.from) conds.push(gte(t.registeredOn, q.from));
  if (q.to) conds.push(lte(t.registeredOn, q.to));
  return and(...conds)!;
}

export async function listUnemployment(ctx: Ctx, q: UnemploymentQuery) {
  const t = unemploymentRegistrations;
  const where = unemploymentConditions(ctx, q);
  const db = ctx.platform.db;
  const [items, counted] = await Promise.all([
    db
      .select({ r: t, personName: persons.name, idMasked: persons.idMasked })
      .from(t)
      .innerJoin(persons, eq(persons.id, t.personId))
      .where(where)
      .orderBy(...orderBy(q.sort, { registeredOn: t.registeredOn, id: t.id }, t.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countUpTo(db, t, where),
  ]);
  return { items: items.map((i) => ({ ...i.r, personName: i.personName, idNumberMasked: i.idMasked })), total: counted.total, totalCapped: counted.capped, page: q.page, pageSize: q.pageSize };
}
