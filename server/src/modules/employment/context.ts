// Shared plumbing of the employment module's services: the caller context, lookups of the
// registry's persons and employers inside the caller's scope, and small helpers.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Caller } from '../../platform/auth/service';
import type { Db } from '../../platform/db';
import { AppError, type FieldProblem } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { scopeWhere, systemScope } from '../../platform/scope';
import { employers, persons } from '../registry';

export type Ctx = { platform: Platform; caller: Caller };

export type PersonRef = { id: number; name: string; regionCode: string; hukouType: 'urban' | 'rural'; householdId: string | null; disability: boolean; veteran: boolean; zeroEmploymentHousehold: boolean };
export type EmployerRef = { id: number; name: string; regionCode: string; industry: string };

export function fail(problems: FieldProblem[], code: 'VALIDATION' | 'CONFLICT' = 'VALIDATION', extra: Record<string, unknown> = {}): never {
  throw new AppError(code, { fields: problems, zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; '), ...extra });
}

/** A person the caller may see; absent and out of scope read the same (existence is not confirmed). */
export async function personInScope(ctx: Ctx, personId: number, db: Db = ctx.platform.db): Promise<PersonRef> {
  const [p] = await db
    .select({ id: persons.id, name: persons.name, regionCode: persons.regionCode, hukouType: persons.hukouType, householdId: persons.householdId, disability: persons.disability, veteran: persons.veteran, zeroEmploymentHousehold: persons.zeroEmploymentHousehold })
    .from(persons)
    .where(and(eq(persons.id, personId), scopeWhere(ctx.caller.scope, persons)));
  if (!p) fail([{ field: 'personId', zh: `人员库中没有编号为 ${personId} 的人员（或不在您的数据权限范围内），请先登记人员`, en: `person ${personId} is not in the registry (or outside your data scope); register the person first` }]);
  return p;
}

export async function employerInScope(ctx: Ctx, employerId: number, db: Db = ctx.platform.db): Promise<EmployerRef> {
  const [e] = await db
    .select({ id: employers.id, name: employers.name, regionCode: employers.regionCode, industry: employers.industry })
    .from(employers)
    .where(and(eq(employers.id, employerId), scopeWhere(ctx.caller.scope, employers)));
  if (!e) fail([{ field: 'employerId', zh: `单位库中没有编号为 ${employerId} 的用人单位（或不在您的数据权限范围内）`, en: `employer ${employerId} is not in the registry (or outside your data scope)` }]);
  return e;
}

/**
 * An employer named on a person's record (an employment, a hire). Employers' names and codes
 * are public registration data (企业信用信息公示), and people work across county lines, so
 * existence is checked over the whole registry; only id, name, region and industry are read.
 */
export async function employerExists(employerId: number, db: Db): Promise<EmployerRef> {
  const [e] = await db
    .select({ id: employers.id, name: employers.name, regionCode: employers.regionCode, industry: employers.industry })
    .from(employers)
    .where(and(eq(employers.id, employerId), systemScope()));
  if (!e) fail([{ field: 'employerId', zh: `单位库中没有编号为 ${employerId} 的用人单位`, en: `employer ${employerId} is not in the registry` }]);
  return e;
}

export function orderBy(sort: string | undefined, cols: Record<string, AnyPgColumn | SQL>, fallback: AnyPgColumn): SQL[] {
  if (!sort) return [desc(fallback)];
  const key = sort.replace(/^-/, '');
  const col = cols[key];
  if (!col) throw new AppError('BAD_REQUEST', { zh: `不能按“${key}”排序`, en: `cannot sort by "${key}"` });
  return [sort.startsWith('-') ? desc(col) : asc(col)];
}

export const actorOf = (ctx: Ctx) => ({ userId: ctx.caller.userId, username: ctx.caller.username });

/** Serialises work on one person across concurrent requests (both databases). */
export async function lockPerson(db: Db, personId: number): Promise<void> {
  // A key space of its own: 7301 × 10^12 + person id.
  await db.execute(sql`select pg_advisory_xact_lock(7301000000000000 + ${personId}::bigint)`);
}
