// Persons: the people every service record points at. The resident ID is validated
// (GB 11643), stored SM4-encrypted with an HMAC-SM3 blind index for exact lookup, and
// leaves the server masked; gender and birth date are derived from it.
import { and, asc, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { queryCompiled } from '../../platform/db/compile';
import { countUpToCached, forgetCounts, newestIdsByRegionSql } from '../../platform/http/util';
import { AppError, type FieldProblem } from '../../platform/errors';
import { maskMobile, maskResidentId } from '../../platform/crypto';
import { parseMobile, parseResidentId } from '../../platform/validate';
import { assertRegionInScope, listRegionCodes, regionFilter, scopeWhere, systemScope } from '../../platform/scope';
import type { Caller } from '../../platform/auth/service';
import type { Platform } from '../../platform/kernel';
import { persons, registryHistory } from './schema';

export type PersonFlags = { disability: boolean; veteran: boolean; zeroEmploymentHousehold: boolean; lowIncomeHousehold: boolean };
export const flagKeys = ['disability', 'veteran', 'zeroEmploymentHousehold', 'lowIncomeHousehold'] as const;

export type PersonInput = {
  idNumber: string;
  name: string;
  hukouType: 'urban' | 'rural';
  regionCode: string;
  phone?: string | null;
  householdId?: string | null;
  flags?: Partial<PersonFlags>;
};

export type PersonUpdate = Partial<Omit<PersonInput, 'idNumber'>> & { version: number };

type Ctx = { platform: Platform; caller: Caller };

const NAME_RE = /^[\p{Script=Han}A-Za-z·•.\s'-]{1,50}$/u;

/** Checks a person's fields; returns field problems (Chinese and English) rather than throwing. */
export function checkPersonFields(
  input: Partial<PersonInput>,
  regionExists: (code: string) => boolean,
  today?: string,
): { problems: FieldProblem[]; id?: ReturnType<typeof parseResidentId>; phone?: string | null } {
  const problems: FieldProblem[] = [];
  let idResult: ReturnType<typeof parseResidentId> | undefined;
  if (input.idNumber !== undefined) {
    idResult = parseResidentId(input.idNumber, today);
    if (!idResult.ok) problems.push({ field: 'idNumber', zh: `身份证号${idResult.zh}`.replace('身份证号身份证号', '身份证号'), en: `resident ID: ${idResult.en}` });
  }
  if (input.name !== undefined && !NAME_RE.test(input.name.trim())) {
    problems.push({ field: 'name', zh: '姓名须为1–50个汉字或字母', en: 'name must be 1–50 Chinese characters or letters' });
  }
  if (input.hukouType !== undefined && !['urban', 'rural'].includes(input.hukouType)) {
    problems.push({ field: 'hukouType', zh: '户口性质须为城镇或农村', en: 'hukou type must be urban or rural' });
  }
  if (input.regionCode !== undefined && !regionExists(input.regionCode)) {
    problems.push({ field: 'regionCode', zh: `户籍地区代码 ${input.regionCode} 不存在`, en: `region ${input.regionCode} does not exist` });
  }
  let phone: string | null | undefined;
  if (input.phone !== undefined && input.phone !== null && input.phone !== '') {
    const p = parseMobile(input.phone);
    if (!p.ok) problems.push({ field: 'phone', zh: p.zh, en: p.en });
    else phone = p.value;
  } else if (input.phone !== undefined) phone = null;
  return { problems, id: idResult, phone };
}

function fail(problems: FieldProblem[]): never {
  throw new AppError('VALIDATION', {
    fields: problems,
    zh: problems.map((p) => p.zh).join('；'),
    en: problems.map((p) => p.en).join('; '),
  });
}

type PersonRow = typeof persons.$inferSelect;

/** The columns a person's view is made of (lists read these, not the ciphertexts and hashes). */
const viewColumns = {
  id: persons.id,
  name: persons.name,
  idMasked: persons.idMasked,
  gender: persons.gender,
  birthDate: persons.birthDate,
  hukouType: persons.hukouType,
  regionCode: persons.regionCode,
  householdId: persons.householdId,
  phoneMasked: persons.phoneMasked,
  disability: persons.disability,
  veteran: persons.veteran,
  zeroEmploymentHousehold: persons.zeroEmploymentHousehold,
  lowIncomeHousehold: persons.lowIncomeHousehold,
  createdAt: persons.createdAt,
  updatedAt: persons.updatedAt,
  version: persons.version,
};
/** The same columns as SQL text for a compiled query (`queryCompiled`), named as the view's fields. */
const viewColumnsSql = sql.raw(
  Object.entries(viewColumns)
    .map(([key, col]) => `"persons"."${col.name}"${col.name === 'birth_date' ? '::text' : ''} as "${key}"`)
    .join(', '),
);
type ViewRow = Pick<PersonRow, keyof typeof viewColumns>;

export function personView(p: ViewRow, regionName: (c: string) => string | null) {
  return {
    id: p.id,
    name: p.name,
    idNumberMasked: p.idMasked,
    gender: p.gender,
    birthDate: p.birthDate,
    hukouType: p.hukouType,
    regionCode: p.regionCode,
    regionName: regionName(p.regionCode),
    householdId: p.householdId,
    phoneMasked: p.phoneMasked,
    flags: { disability: p.disability, veteran: p.veteran, zeroEmploymentHousehold: p.zeroEmploymentHousehold, lowIncomeHousehold: p.lowIncomeHousehold },
    updatedAt: p.updatedAt.toISOString(),
    createdAt: p.createdAt.toISOString(),
    version: p.version,
  };
}

export type PersonView = ReturnType<typeof personView>;

export type PersonQuery = {
  q?: string;
  idNumber?: string;
  regionCode?: string;
  hukouType?: 'urban' | 'rural';
  gender?: 'M' | 'F';
  flag?: (typeof flagKeys)[number];
  page: number;
  pageSize: number;
  sort?: string;
};

const sortable = { name: persons.name, birthDate: persons.birthDate, regionCode: persons.regionCode, updatedAt: persons.updatedAt, id: persons.id };

export function personConditions({ platform, caller }: Ctx, q: Omit<PersonQuery, 'page' | 'pageSize' | 'sort'>): SQL {
  const conds: (SQL | undefined)[] = [scopeWhere(caller.scope, persons)];
  if (q.q) conds.push(ilike(persons.name, `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
  if (q.idNumber) conds.push(eq(persons.idHash, platform.crypto.blindIndex(q.idNumber.trim().toUpperCase())));
  conds.push(regionFilter(caller.scope, q.regionCode, persons.regionCode, platform.regions.expand));
  if (q.hukouType) conds.push(eq(persons.hukouType, q.hukouType));
  if (q.gender) conds.push(eq(persons.gender, q.gender));
  if (q.flag) conds.push(eq(persons[q.flag], true));
  return and(...conds)!;
}

export function orderOf(sort: string | undefined, cols: Record<string, SQL | import('drizzle-orm/pg-core').AnyPgColumn>, fallback: SQL | import('drizzle-orm/pg-core').AnyPgColumn) {
  if (!sort) return [desc(fallback as never)];
  const key = sort.replace(/^-/, '');
  const col = cols[key];
  if (!col) throw new AppError('BAD_REQUEST', { zh: `不能按“${key}”排序`, en: `cannot sort by "${key}"` });
  return [sort.startsWith('-') ? desc(col as never) : asc(col as never)];
}

/**
 * One page of persons and the capped count of all that match. The newest-first page is one
 * statement (the ids merged region by region as its subquery); the count is reused for up to
 * COUNT_CACHE_MS for the same scope and filters (`countedAt` says when it was taken).
 */
export async function listPersons(ctx: Ctx, q: PersonQuery) {
  const where = personConditions(ctx, q);
  const db = ctx.platform.db;
  const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const newestFirst = !q.sort || q.sort === '-id';
  const newest = newestFirst ? newestIdsByRegionSql(persons, persons, where, listRegionCodes(ctx.caller.scope, q.regionCode, ctx.platform.regions.expand), page) : null;
  const [items, counted] = await Promise.all([
    newest
      ? // Compiled without drizzle's builder (0.3–0.6 ms of CPU a page otherwise), guard-checked, prepared.
        queryCompiled<ViewRow>(ctx.platform.database, sql`select ${viewColumnsSql} from "persons" where ${persons.id} in (${newest}) and ${where} order by ${persons.id} desc`, { prepare: true }).then((rs) =>
          rs.map((r) => ({ ...r, id: Number(r.id) })),
        )
      : db.select(viewColumns).from(persons).where(where).orderBy(...orderOf(q.sort, sortable, persons.id)).limit(page.limit).offset(page.offset),
    countUpToCached(db, persons, where),
  ]);
  return {
    items: items.map((p) => personView(p, ctx.platform.regions.name)),
    total: counted.total,
    totalCapped: counted.capped,
    countedAt: counted.countedAt.toISOString(),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getPersonRow(ctx: Ctx, id: number): Promise<PersonRow> {
  const [p] = await ctx.platform.db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), scopeWhere(ctx.caller.scope, persons)));
  // Out of scope and absent look the same: do not confirm that a record exists elsewhere.
  if (!p) throw new AppError('NOT_FOUND');
  return p;
}

function regionExists(platform: Platform) {
  return (code: string) => {
    const r = platform.regions.index.get(code);
    return !!r && !r.validTo;
  };
}

export async function createPerson(ctx: Ctx, input: PersonInput): Promise<PersonRow> {
  const { platform, caller } = ctx;
  const checked = checkPersonFields(input, regionExists(platform));
  if (checked.problems.length) fail(checked.problems);
  assertRegionInScope(caller.scope, input.regionCode);
  const id = (checked.id as { ok: true; value: { id: string; birthDate: string; gender: 'M' | 'F' } }).value;
  const idHash = platform.crypto.blindIndex(id.id);
  const flags = { disability: false, veteran: false, zeroEmploymentHousehold: false, lowIncomeHousehold: false, ...input.flags };
  const row = await platform.db.transaction(async (tx) => {
    const [p] = await tx
      .insert(persons)
      .values({
        idCipher: platform.crypto.encrypt(id.id),
        idHash,
        idMasked: maskResidentId(id.id),
        name: input.name.trim(),
        gender: id.gender,
        birthDate: id.birthDate,
        hukouType: input.hukouType,
        regionCode: input.regionCode,
        householdId: input.householdId ?? null,
        phoneCipher: checked.phone ? platform.crypto.encrypt(checked.phone) : null,
        phoneHash: checked.phone ? platform.crypto.blindIndex(checked.phone) : null,
        phoneMasked: checked.phone ? maskMobile(checked.phone) : null,
        ...flags,
        createdBy: caller.userId,
      })
      .onConflictDoNothing({ target: persons.idHash })
      .returning();
    if (!p) throw new AppError('DUPLICATE', { zh: '该身份证号已登记', en: 'A person with this resident ID is already registered' });
    await tx.insert(registryHistory).values({
      entity: 'person',
      entityId: p.id,
      regionCode: p.regionCode,
      actorId: caller.userId,
      actorName: caller.username,
      action: 'create',
      changes: { name: { from: null, to: p.name }, regionCode: { from: null, to: p.regionCode }, hukouType: { from: null, to: p.hukouType } },
    });
    return p;
  });
  forgetCounts(platform.db, persons);
  return row;
}

export async function updatePerson(ctx: Ctx, id: number, input: PersonUpdate): Promise<PersonRow> {
  const { platform, caller } = ctx;
  const before = await getPersonRow(ctx, id);
  const checked = checkPersonFields(input, regionExists(platform));
  if (checked.problems.length) fail(checked.problems);
  if (input.regionCode) assertRegionInScope(caller.scope, input.regionCode);
  const set: Partial<typeof persons.$inferInsert> = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const note = (field: string, from: unknown, to: unknown) => {
    if (from !== to) changes[field] = { from, to };
  };
  if (input.name !== undefined) {
    set.name = input.name.trim();
    note('name', before.name, set.name);
  }
  if (input.hukouType !== undefined) {
    set.hukouType = input.hukouType;
    note('hukouType', before.hukouType, input.hukouType);
  }
  if (input.regionCode !== undefined) {
    set.regionCode = input.regionCode;
    note('regionCode', before.regionCode, input.regionCode);
  }
  if (input.householdId !== undefined) {
    set.householdId = input.householdId;
    note('householdId', before.householdId, input.householdId);
  }
  if (checked.phone !== undefined) {
    set.phoneCipher = checked.phone ? platform.crypto.encrypt(checked.phone) : null;
    set.phoneHash = checked.phone ? platform.crypto.blindIndex(checked.phone) : null;
    set.phoneMasked = checked.phone ? maskMobile(checked.phone) : null;
    note('phone', before.phoneMasked, set.phoneMasked);
  }
  for (const k of flagKeys) {
    const v = input.flags?.[k];
    if (v !== undefined) {
      set[k] = v;
      note(k, before[k], v);
    }
  }
  const updated = await platform.db.transaction(async (tx) => {
    const [p] = await tx
      .update(persons)
      .set({ ...set, updatedAt: new Date(), version: before.version + 1 })
      .where(and(eq(persons.id, id), eq(persons.version, input.version), scopeWhere(caller.scope, persons)))
      .returning();
    if (!p) throw new AppError('STALE_VERSION');
    if (Object.keys(changes).length) {
      await tx.insert(registryHistory).values({
        entity: 'person',
        entityId: id,
        regionCode: p.regionCode,
        actorId: caller.userId,
        actorName: caller.username,
        action: 'update',
        changes,
      });
    }
    return p;
  });
  forgetCounts(platform.db, persons);
  return updated;
}

export async function unmaskPerson(ctx: Ctx, id: number): Promise<{ idNumber: string; phone: string | null }> {
  const p = await getPersonRow(ctx, id);
  return {
    idNumber: ctx.platform.crypto.decrypt(p.idCipher),
    phone: p.phoneCipher ? ctx.platform.crypto.decrypt(p.phoneCipher) : null,
  };
}

/** History of one record. The caller must already have been shown the record (scope checked). */
export async function entityHistory(ctx: Ctx, entity: 'person' | 'employer', id: number) {
  // History rows keep the region at the time of the change; a record moved into the caller's
  // region brings its history along, so the scope check is on the record, not on each row.
  const rows = await ctx.platform.db
    .select()
    .from(registryHistory)
    .where(and(eq(registryHistory.entity, entity), eq(registryHistory.entityId, id), systemScope()))
    .orderBy(desc(registryHistory.at), desc(registryHistory.id));
  return rows.map((h) => ({ at: h.at.toISOString(), actorName: h.actorName, action: h.action, changes: h.changes }));
}
