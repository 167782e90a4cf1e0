// 参保登记: employer registration, a person's enrolment per insurance type (through an
// employer or as an individual), status changes with history, staff additions and removals.
import { countUpTo } from '../../platform/http/util';
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import { assertRegionInScope, regionFilter, scopeWhere, systemScope } from '../../platform/scope';
import { employers, persons } from '../registry';
import { ageOn, employerInScope, personByIdAndName, personInScope, type Ctx, type EmployerRef, type PersonRef } from './access';
import { addDays, todayIso } from './calendar';
import { insuranceEmployerRegistrations, insuranceEnrolmentEvents, insuranceEnrolments, insuranceLifeEvents } from './schema';
import {
  employerOnlyTypes,
  insuranceTypeLabels,
  pensionTypes,
  type EnrolmentAction,
  type EnrolmentStatus,
  type InsuranceType,
  type WorkerForm,
} from './types';

type EnrolmentRow = typeof insuranceEnrolments.$inferSelect;

// ---- employer registration (单位参保登记) -----------------------------------------------

export type EmployerRegistrationInput = { types: InsuranceType[]; workInjuryClass?: number; registeredOn: string };

export async function registerEmployer(ctx: Ctx, employerId: number, input: EmployerRegistrationInput) {
  const e = await employerInScope(ctx, employerId);
  assertRegionInScope(ctx.caller.scope, e.regionCode);
  const types = [...new Set(input.types)];
  if (types.length === 0 || types.includes('resident_pension')) {
    throw new AppError('VALIDATION', { zh: '单位参保险种须为职工险种（企业职工养老、机关事业养老、失业、工伤）', en: 'An employer insures staff for employee schemes only (pensions, unemployment, work injury)' });
  }
  if (types.includes('enterprise_pension') && types.includes('institution_pension')) {
    throw new AppError('VALIDATION', { zh: '企业职工养老与机关事业单位养老不能同时登记', en: 'An employer registers for the enterprise or the public institution pension, not both' });
  }
  const [existing] = await ctx.platform.db
    .select()
    .from(insuranceEmployerRegistrations)
    .where(and(eq(insuranceEmployerRegistrations.employerId, employerId), scopeWhere(ctx.caller.scope, insuranceEmployerRegistrations)));
  if (existing) {
    const [row] = await ctx.platform.db
      .update(insuranceEmployerRegistrations)
      .set({ types, workInjuryClass: input.workInjuryClass ?? existing.workInjuryClass, status: 'active', version: existing.version + 1 })
      .where(and(eq(insuranceEmployerRegistrations.id, existing.id), scopeWhere(ctx.caller.scope, insuranceEmployerRegistrations)))
      .returning();
    return row;
  }
  const [row] = await ctx.platform.db
    .insert(insuranceEmployerRegistrations)
    .values({ employerId, regionCode: e.regionCode, types, workInjuryClass: input.workInjuryClass ?? 1, registeredOn: input.registeredOn, createdBy: ctx.caller.userId })
    .returning();
  return row;
}

export async function employerRegistration(ctx: Ctx, employerId: number) {
  const [r] = await ctx.platform.db
    .select()
    .from(insuranceEmployerRegistrations)
    .where(and(eq(insuranceEmployerRegistrations.employerId, employerId), scopeWhere(ctx.caller.scope, insuranceEmployerRegistrations)));
  return r ?? null;
}

// ---- enrolment ----------------------------------------------------------------------

export type EnrolInput = {
  personId?: number;
  idNumber?: string;
  name?: string;
  insuranceType: InsuranceType;
  employerId?: number | null;
  workerForm?: WorkerForm;
  startDate: string;
};

function conflict(zh: string, en: string, extra: Record<string, unknown> = {}): never {
  throw new AppError('CONFLICT', { zh, en, ...extra });
}

async function openEnrolmentsOf(ctx: Ctx, personId: number, types: readonly InsuranceType[]) {
  // System read: a person's open spells elsewhere decide whether a new one is allowed; only
  // the type is reported back, never the other employer or region.
  return ctx.platform.db
    .select({ id: insuranceEnrolments.id, insuranceType: insuranceEnrolments.insuranceType, employerId: insuranceEnrolments.employerId, regionCode: insuranceEnrolments.regionCode })
    .from(insuranceEnrolments)
    .where(and(eq(insuranceEnrolments.personId, personId), ne(insuranceEnrolments.status, 'terminated'), inArray(insuranceEnrolments.insuranceType, [...types]), systemScope()));
}

async function isDead(ctx: Ctx, personId: number): Promise<boolean> {
  const [d] = await ctx.platform.db
    .select({ id: insuranceLifeEvents.id })
    .from(insuranceLifeEvents)
    .where(and(eq(insuranceLifeEvents.personId, personId), eq(insuranceLifeEvents.kind, 'death'), systemScope()))
    .limit(1);
  return !!d;
}

/** Checks of one enrolment that need no database: which forms a type allows, age. */
export function checkEnrolmentShape(input: { insuranceType: InsuranceType; employerId?: number | null; workerForm: WorkerForm }, person: { birthDate: string }, startDate: string) {
  const t = input.insuranceType;
  const label = insuranceTypeLabels[t];
  if (input.employerId) {
    if (t === 'resident_pension') return { zh: '城乡居民养老保险以个人身份参保，不经由单位', en: 'The resident pension is enrolled individually, not through an employer' };
    if (input.workerForm !== 'employee') return { zh: '经由单位参保的人员身份应为单位职工', en: 'Enrolment through an employer is as an employee' };
  } else {
    if (employerOnlyTypes.includes(t)) return { zh: `${label.zh}须由用人单位为职工办理`, en: `${label.en} requires an employer` };
    if (t === 'enterprise_pension' && !['flexible', 'new_form'].includes(input.workerForm)) {
      return { zh: '以个人身份参加企业职工养老保险的，应为灵活就业人员或新就业形态劳动者', en: 'Individuals join the enterprise pension as flexibly employed or new-form workers' };
    }
    if (t === 'resident_pension' && input.workerForm !== 'resident') return { zh: '城乡居民养老保险的参保身份应为城乡居民', en: 'The resident pension is joined as a resident' };
  }
  // 城乡居民基本养老保险: residents aged 16 and over, not in school (国发〔2014〕8号 第五条).
  if (ageOn(person.birthDate, startDate) < 16) return { zh: '未满16周岁，不能参保', en: 'Under 16: cannot be enrolled' };
  return null;
}

type PreparedEnrolment = { values: typeof insuranceEnrolments.$inferInsert; employerId: number | null };

/** All checks of an enrolment (reads only); the write happens in `writeEnrolments`. */
async function prepareEnrolment(ctx: Ctx, input: EnrolInput): Promise<PreparedEnrolment> {
  const { caller } = ctx;
  let employer: EmployerRef | null = null;
  let person: PersonRef;
  if (input.employerId) {
    employer = await employerInScope(ctx, input.employerId);
    const reg = await employerRegistration(ctx, employer.id);
    if (!reg || reg.status !== 'active') conflict('该单位尚未办理社会保险登记', 'The employer is not registered for social insurance');
    if (!reg.types.includes(input.insuranceType)) conflict(`该单位未登记${insuranceTypeLabels[input.insuranceType].zh}`, `The employer is not registered for ${insuranceTypeLabels[input.insuranceType].en}`);
    person = input.personId ? await personInScopeOrEmployee(ctx, input.personId, employer.id) : await personByIdAndName(ctx, input.idNumber ?? '', input.name ?? '');
  } else {
    if (!input.personId) throw new AppError('VALIDATION', { zh: '请选择参保人员', en: 'personId is required for individual enrolment' });
    person = await personInScope(ctx, input.personId);
  }
  const workerForm: WorkerForm = input.workerForm ?? (employer ? 'employee' : input.insuranceType === 'resident_pension' ? 'resident' : 'flexible');
  const shape = checkEnrolmentShape({ insuranceType: input.insuranceType, employerId: employer?.id, workerForm }, person, input.startDate);
  if (shape) throw new AppError('VALIDATION', shape);
  if (input.startDate > addDays(todayIso(), 31)) throw new AppError('VALIDATION', { zh: '参保日期不能晚于下月', en: 'The start date cannot be beyond next month' });
  const regionCode = employer ? employer.regionCode : person.regionCode;
  assertRegionInScope(caller.scope, regionCode);
  if (await isDead(ctx, person.id)) conflict('该人员已有死亡记录，不能参保', 'A death is recorded for this person: no enrolment');
  const open = await openEnrolmentsOf(ctx, person.id, pensionTypes.includes(input.insuranceType) ? pensionTypes : [input.insuranceType]);
  const same = open.find((o) => o.insuranceType === input.insuranceType);
  if (same) {
    const elsewhere = !!same.employerId && same.employerId !== employer?.id;
    conflict(
      `该人员已参加${insuranceTypeLabels[input.insuranceType].zh}${elsewhere ? '（在其他单位），请原单位先办理减员' : ''}`,
      `Already enrolled in ${insuranceTypeLabels[input.insuranceType].en}${elsewhere ? ' with another employer; that employer must remove the person first' : ''}`,
      { enrolmentType: same.insuranceType },
    );
  }
  const otherPension = open.find((o) => o.insuranceType !== input.insuranceType);
  if (otherPension) {
    conflict(
      `基本养老保险只能参加一种：该人员已参加${insuranceTypeLabels[otherPension.insuranceType].zh}，请先办理终止或城乡衔接`,
      `One basic pension scheme at a time: already in ${insuranceTypeLabels[otherPension.insuranceType].en}; end it or transfer first`,
      { enrolmentType: otherPension.insuranceType },
    );
  }
  return {
    values: { personId: person.id, insuranceType: input.insuranceType, employerId: employer?.id ?? null, workerForm, status: 'paying', startDate: input.startDate, regionCode, createdBy: caller.userId },
    employerId: employer?.id ?? null,
  };
}

/** Writes prepared enrolments and their history in one transaction (only `tx` inside: PGlite has one connection). */
async function writeEnrolments(ctx: Ctx, prepared: PreparedEnrolment[]): Promise<EnrolmentRow[]> {
  return ctx.platform.db.transaction(async (tx) => {
    const out: EnrolmentRow[] = [];
    for (const p of prepared) {
      const [row] = await tx.insert(insuranceEnrolments).values(p.values).onConflictDoNothing().returning();
      if (!row) conflict(`该人员已参加${insuranceTypeLabels[p.values.insuranceType].zh}`, `Already enrolled in ${insuranceTypeLabels[p.values.insuranceType].en}`);
      await tx.insert(insuranceEnrolmentEvents).values({
        enrolmentId: row.id,
        personId: row.personId,
        regionCode: row.regionCode,
        action: 'enrol',
        effectiveDate: row.startDate,
        fromStatus: null,
        toStatus: 'paying',
        employerId: row.employerId,
        actorId: ctx.caller.userId,
        actorName: ctx.caller.username,
      });
      out.push(row);
    }
    return out;
  });
}

export async function enrol(ctx: Ctx, input: EnrolInput): Promise<EnrolmentRow> {
  const [row] = await writeEnrolments(ctx, [await prepareEnrolment(ctx, input)]);
  return row;
}

/** A person in the caller's scope, or already on this (in-scope) employer's staff. */
async function personInScopeOrEmployee(ctx: Ctx, personId: number, employerId: number): Promise<PersonRef> {
  try {
    return await personInScope(ctx, personId);
  } catch (e) {
    const [hit] = await ctx.platform.db
      .select({ personId: insuranceEnrolments.personId })
      .from(insuranceEnrolments)
      .where(and(eq(insuranceEnrolments.personId, personId), eq(insuranceEnrolments.employerId, employerId), scopeWhere(ctx.caller.scope, insuranceEnrolments)))
      .limit(1);
    if (!hit) throw e;
    const [p] = await ctx.platform.db
      .select({ id: persons.id, name: persons.name, regionCode: persons.regionCode, birthDate: persons.birthDate, gender: persons.gender, idMasked: persons.idMasked })
      .from(persons)
      .where(and(eq(persons.id, personId), systemScope()));
    return p;
  }
}

const transitions: Record<Exclude<EnrolmentAction, 'enrol'>, { from: EnrolmentStatus[]; to: EnrolmentStatus }> = {
  suspend: { from: ['paying'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'paying' },
  terminate: { from: ['paying', 'suspended'], to: 'terminated' },
};

export async function getEnrolment(ctx: Ctx, id: number): Promise<EnrolmentRow> {
  const [r] = await ctx.platform.db.select().from(insuranceEnrolments).where(and(eq(insuranceEnrolments.id, id), scopeWhere(ctx.caller.scope, insuranceEnrolments)));
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

type PreparedChange = { before: EnrolmentRow; action: Exclude<EnrolmentAction, 'enrol'>; to: EnrolmentStatus; date: string; reason: string | null; version: number };

async function prepareStatusChange(ctx: Ctx, id: number, action: Exclude<EnrolmentAction, 'enrol'>, input: { date: string; reason?: string | null; version?: number }): Promise<PreparedChange> {
  const before = await getEnrolment(ctx, id);
  const rule = transitions[action];
  if (!rule.from.includes(before.status)) {
    throw new AppError('INVALID_STATE', { zh: `当前状态“${before.status}”不能${action}`, en: `Cannot ${action} an enrolment that is ${before.status}`, status: before.status });
  }
  if (input.date < before.startDate) throw new AppError('VALIDATION', { zh: '变更日期不能早于参保日期', en: 'The date cannot be before the enrolment start' });
  return { before, action, to: rule.to, date: input.date, reason: input.reason ?? null, version: input.version ?? before.version };
}

async function writeStatusChanges(ctx: Ctx, changes: PreparedChange[]): Promise<EnrolmentRow[]> {
  return ctx.platform.db.transaction(async (tx) => {
    const out: EnrolmentRow[] = [];
    for (const c of changes) {
      const [row] = await tx
        .update(insuranceEnrolments)
        .set({ status: c.to, endDate: c.to === 'terminated' ? c.date : null, updatedAt: new Date(), version: c.before.version + 1 })
        .where(and(eq(insuranceEnrolments.id, c.before.id), eq(insuranceEnrolments.version, c.version), scopeWhere(ctx.caller.scope, insuranceEnrolments)))
        .returning();
      if (!row) throw new AppError('STALE_VERSION');
      await tx.insert(insuranceEnrolmentEvents).values({
        enrolmentId: c.before.id,
        personId: c.before.personId,
        regionCode: c.before.regionCode,
        action: c.action,
        effectiveDate: c.date,
        fromStatus: c.before.status,
        toStatus: c.to,
        employerId: c.before.employerId,
        reason: c.reason,
        actorId: ctx.caller.userId,
        actorName: ctx.caller.username,
      });
      out.push(row);
    }
    return out;
  });
}

export async function changeEnrolmentStatus(ctx: Ctx, id: number, action: Exclude<EnrolmentAction, 'enrol'>, input: { date: string; reason?: string | null; version?: number }): Promise<EnrolmentRow> {
  const [row] = await writeStatusChanges(ctx, [await prepareStatusChange(ctx, id, action, input)]);
  return row;
}

// ---- staff additions and removals (增员 / 减员) --------------------------------------

export type StaffAddInput = { personId?: number; idNumber?: string; name?: string; types?: InsuranceType[]; startDate: string };

/** 增员: enrols a person with the employer in each of the employer's registered types (or those given). */
export async function addStaff(ctx: Ctx, employerId: number, input: StaffAddInput): Promise<EnrolmentRow[]> {
  await employerInScope(ctx, employerId);
  const reg = await employerRegistration(ctx, employerId);
  if (!reg || reg.status !== 'active') conflict('该单位尚未办理社会保险登记', 'The employer is not registered for social insurance');
  const types = input.types?.length ? input.types : reg.types;
  const prepared: PreparedEnrolment[] = [];
  for (const t of types) prepared.push(await prepareEnrolment(ctx, { personId: input.personId, idNumber: input.idNumber, name: input.name, insuranceType: t, employerId, workerForm: 'employee', startDate: input.startDate }));
  return writeEnrolments(ctx, prepared);
}

/** 减员: ends every open spell of the person with this employer. */
export async function removeStaff(ctx: Ctx, employerId: number, input: { personId: number; endDate: string; reason?: string | null }): Promise<EnrolmentRow[]> {
  await employerInScope(ctx, employerId);
  const open = await ctx.platform.db
    .select()
    .from(insuranceEnrolments)
    .where(and(eq(insuranceEnrolments.employerId, employerId), eq(insuranceEnrolments.personId, input.personId), ne(insuranceEnrolments.status, 'terminated'), scopeWhere(ctx.caller.scope, insuranceEnrolments)));
  if (open.length === 0) throw new AppError('NOT_FOUND', { zh: '该人员不在本单位参保', en: 'The person is not insured with this employer' });
  const changes: PreparedChange[] = [];
  for (const e of open) changes.push(await prepareStatusChange(ctx, e.id, 'terminate', { date: input.endDate, reason: input.reason ?? '减员' }));
  return writeStatusChanges(ctx, changes);
}

// ---- lists and views ----------------------------------------------------------------

export type EnrolmentQuery = {
  personId?: number;
  employerId?: number;
  insuranceType?: InsuranceType;
  status?: EnrolmentStatus;
  regionCode?: string;
  page: number;
  pageSize: number;
};

export function enrolmentView(r: EnrolmentRow & { personName?: string | null; idMasked?: string | null; employerName?: string | null }, regionName: (c: string) => string | null) {
  return {
    id: r.id,
    personId: r.personId,
    personName: r.personName ?? null,
    idNumberMasked: r.idMasked ?? null,
    insuranceType: r.insuranceType,
    insuranceTypeName: insuranceTypeLabels[r.insuranceType].zh,
    employerId: r.employerId,
    employerName: r.employerName ?? null,
    workerForm: r.workerForm,
    status: r.status,
    startDate: r.startDate,
    endDate: r.endDate,
    regionCode: r.regionCode,
    regionName: regionName(r.regionCode),
    version: r.version,
  };
}

export async function listEnrolments(ctx: Ctx, q: EnrolmentQuery) {
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, insuranceEnrolments)];
  if (q.personId) conds.push(eq(insuranceEnrolments.personId, q.personId));
  if (q.employerId) conds.push(eq(insuranceEnrolments.employerId, q.employerId));
  if (q.insuranceType) conds.push(eq(insuranceEnrolments.insuranceType, q.insuranceType));
  if (q.status) conds.push(eq(insuranceEnrolments.status, q.status));
  conds.push(regionFilter(ctx.caller.scope, q.regionCode, insuranceEnrolments.regionCode, ctx.platform.regions.expand));
  const where = and(...conds);
  // Names of the person and employer: the enrolment is in scope, so showing who it is about is too.
  const [items, counted] = await Promise.all([
    ctx.platform.db
      .select({ e: insuranceEnrolments, personName: persons.name, idMasked: persons.idMasked, employerName: employers.name })
      .from(insuranceEnrolments)
      .innerJoin(persons, and(eq(persons.id, insuranceEnrolments.personId), systemScope()))
      .leftJoin(employers, eq(employers.id, insuranceEnrolments.employerId))
      .where(where)
      .orderBy(desc(insuranceEnrolments.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countUpTo(ctx.platform.db, insuranceEnrolments, where),
  ]);
  return {
    items: items.map((r) => enrolmentView({ ...r.e, personName: r.personName, idMasked: r.idMasked, employerName: r.employerName }, ctx.platform.regions.name)),
    total: counted.total, totalCapped: counted.capped,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function enrolmentHistory(ctx: Ctx, enrolmentId: number) {
  await getEnrolment(ctx, enrolmentId);
  const rows = await ctx.platform.db
    .select()
    .from(insuranceEnrolmentEvents)
    .where(and(eq(insuranceEnrolmentEvents.enrolmentId, enrolmentId), scopeWhere(ctx.caller.scope, insuranceEnrolmentEvents)))
    .orderBy(asc(insuranceEnrolmentEvents.id));
  return rows.map((h) => ({ id: h.id, action: h.action, effectiveDate: h.effectiveDate, fromStatus: h.fromStatus, toStatus: h.toStatus, reason: h.reason, actorName: h.actorName, at: h.at.toISOString() }));
}

/** Employer registrations in scope with their open staff counts. */
export async function listRegisteredEmployers(ctx: Ctx, q: { regionCode?: string; q?: string; page: number; pageSize: number }) {
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, insuranceEmployerRegistrations)];
  conds.push(regionFilter(ctx.caller.scope, q.regionCode, insuranceEmployerRegistrations.regionCode, ctx.platform.regions.expand));
  if (q.q) conds.push(sql`${employers.name} ilike ${'%' + q.q.replace(/[%_\\]/g, (m) => `\\${m}`) + '%'}`);
  const where = and(...conds);
  const staff = sql<number>`(select count(distinct person_id) from insurance_enrolments en where en.employer_id = ${insuranceEmployerRegistrations.employerId} and en.status <> 'terminated' /*scope:system*/)`;
  const [items, [{ total }]] = await Promise.all([
    ctx.platform.db
      .select({ r: insuranceEmployerRegistrations, name: employers.name, uscc: employers.uscc, staff })
      .from(insuranceEmployerRegistrations)
      .innerJoin(employers, eq(employers.id, insuranceEmployerRegistrations.employerId))
      .where(where)
      .orderBy(asc(employers.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.platform.db.select({ total: count() }).from(insuranceEmployerRegistrations).innerJoin(employers, eq(employers.id, insuranceEmployerRegistrations.employerId)).where(where),
  ]);
  return {
    items: items.map((r) => ({
      employerId: r.r.employerId,
      name: r.name,
      uscc: r.uscc,
      types: r.r.types,
      workInjuryClass: r.r.workInjuryClass,
      registeredOn: r.r.registeredOn,
      status: r.r.status,
      staff: Number(r.staff),
      regionCode: r.r.regionCode,
      regionName: ctx.platform.regions.name(r.r.regionCode),
    })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** All enrolments of a person already shown to the caller (the record follows the person). */
export async function personEnrolments(ctx: Ctx, personId: number) {
  const items = await ctx.platform.db
    .select({ e: insuranceEnrolments, personName: persons.name, idMasked: persons.idMasked, employerName: employers.name })
    .from(insuranceEnrolments)
    .innerJoin(persons, eq(persons.id, insuranceEnrolments.personId))
    .leftJoin(employers, eq(employers.id, insuranceEnrolments.employerId))
    .where(and(eq(insuranceEnrolments.personId, personId), systemScope()))
    .orderBy(desc(insuranceEnrolments.startDate), desc(insuranceEnrolments.id));
  return items.map((r) => enrolmentView({ ...r.e, personName: r.personName, idMasked: r.idMasked, employerName: r.employerName }, ctx.platform.regions.name));
}
