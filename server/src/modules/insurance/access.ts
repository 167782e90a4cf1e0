// Scoped look-ups of registry records used throughout the module. Out of scope and absent
// look the same (NOT_FOUND): a route never confirms that a record exists elsewhere.
import { and, eq } from 'drizzle-orm';
import type { Caller } from '../../platform/auth/service';
import { AppError, type FieldProblem } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { scopeWhere, systemScope, type Scope } from '../../platform/scope';
import { parseResidentId } from '../../platform/validate';
import { employers, persons } from '../registry';

export type Ctx = { platform: Platform; caller: Caller };

export type PersonRef = { id: number; name: string; regionCode: string; birthDate: string; gender: 'M' | 'F'; idMasked: string };
export type EmployerRef = { id: number; name: string; uscc: string; regionCode: string; industry: string };

const personCols = { id: persons.id, name: persons.name, regionCode: persons.regionCode, birthDate: persons.birthDate, gender: persons.gender, idMasked: persons.idMasked };
const employerCols = { id: employers.id, name: employers.name, uscc: employers.uscc, regionCode: employers.regionCode, industry: employers.industry };

export async function personInScope(ctx: Ctx, id: number): Promise<PersonRef> {
  const [p] = await ctx.platform.db.select(personCols).from(persons).where(and(eq(persons.id, id), scopeWhere(ctx.caller.scope, persons)));
  if (!p) throw new AppError('NOT_FOUND');
  return p;
}

/**
 * A person named by resident ID and name, wherever registered: employers hire people from
 * other counties, so staff additions look people up province-wide, but only a matching
 * ID-and-name pair is accepted (nothing is revealed about an ID alone).
 */
export async function personByIdAndName(ctx: Ctx, idNumber: string, name: string): Promise<PersonRef> {
  const parsed = parseResidentId(idNumber);
  if (!parsed.ok) throw new AppError('VALIDATION', { fields: [{ field: 'idNumber', zh: parsed.zh, en: parsed.en }], zh: `身份证号${parsed.zh}`, en: `resident ID: ${parsed.en}` });
  const [p] = await ctx.platform.db
    .select(personCols)
    .from(persons)
    .where(and(eq(persons.idHash, ctx.platform.crypto.blindIndex(parsed.value.id)), systemScope()));
  if (!p || p.name !== name.trim()) {
    throw new AppError('NOT_FOUND', { zh: '未找到身份证号与姓名相符的登记人员，请先在人员信息中登记', en: 'No registered person with this resident ID and name; register the person first' });
  }
  return p;
}

export async function employerInScope(ctx: Ctx, id: number): Promise<EmployerRef> {
  const [e] = await ctx.platform.db.select(employerCols).from(employers).where(and(eq(employers.id, id), scopeWhere(ctx.caller.scope, employers)));
  if (!e) throw new AppError('NOT_FOUND');
  return e;
}

export function fail(problems: FieldProblem[]): never {
  throw new AppError('VALIDATION', { fields: problems, zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') });
}

/** Age in whole years on a date. */
export function ageOn(birthDate: string, date: string): number {
  let age = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (date.slice(5) < birthDate.slice(5)) age--;
  return age;
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The caller's scope on an aliased table in hand-written SQL (`d.region_code`). */
export const scopeOn = (scope: Scope, alias: string) => scopeWhere(scope, { regionCode: sql.raw(`${alias}.region_code`) as never });

/**
 * Rows whose person a list's search term names: a whole resident ID finds its person through the
 * blind index; anything else is part of a name. Undefined when there is no term.
 */
export function personTermCondition(ctx: Ctx, term: string | undefined, personId: AnyPgColumn): SQL | undefined {
  const t = term?.trim();
  if (!t) return undefined;
  const id = parseResidentId(t);
  const who = id.ok ? sql`${persons.idHash} = ${ctx.platform.crypto.blindIndex(id.value.id)}` : sql`${persons.name} ilike ${`%${t.replace(/[%_\\]/g, (m) => `\\${m}`)}%`}`;
  return sql`${personId} in (select ${persons.id} from ${persons} where ${who} /*scope:system*/)`;
}

