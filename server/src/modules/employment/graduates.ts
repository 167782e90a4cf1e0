// 高校毕业生去向落实: each graduate's destination for a graduation year, and whether a
// graduate in employment stays in Hainan (留琼). One record per person and year; updates
// replace the destination as it becomes known.
import { countUpTo } from '../../platform/http/util';
import { and, eq, type SQL } from 'drizzle-orm';
import { AppError, type FieldProblem } from '../../platform/errors';
import { regionFilter, scopeWhere } from '../../platform/scope';
import { persons } from '../registry';
import { chinaToday, employedDestinations, graduateDestinationCodes, graduateEducation } from './codes';
import { fail, orderBy, personInScope, type Ctx } from './context';
import { checkPastDate } from './rules';
import { graduateDestinations } from './schema';
import type { GraduateDestination } from './types';

export type GraduateInput = {
  personId: number;
  graduationYear: number;
  school: string;
  education: (typeof graduateEducation)[number];
  destination: GraduateDestination;
  staysInHainan?: boolean | null;
  recordedOn: string;
};

export function checkGraduateFields(input: Omit<GraduateInput, 'personId'>, today: string): FieldProblem[] {
  const problems = checkPastDate('recordedOn', input.recordedOn, today, { zh: '记录日期', en: 'record date' });
  const year = Number(today.slice(0, 4));
  if (!Number.isInteger(input.graduationYear) || input.graduationYear < 2000 || input.graduationYear > year) problems.push({ field: 'graduationYear', zh: `毕业年份须在 2000–${year} 之间`, en: `graduation year must be 2000–${year}` });
  if (!input.school.trim()) problems.push({ field: 'school', zh: '请填写毕业院校', en: 'school is required' });
  if (!graduateDestinationCodes.includes(input.destination)) problems.push({ field: 'destination', zh: '毕业去向无效', en: 'invalid destination' });
  const employed = employedDestinations.includes(input.destination);
  if (employed && (input.staysInHainan === null || input.staysInHainan === undefined)) problems.push({ field: 'staysInHainan', zh: '已就业的毕业生须填写是否留琼就业', en: 'say whether a graduate in employment stays in Hainan' });
  if (!employed && input.staysInHainan) problems.push({ field: 'staysInHainan', zh: '未就业、升学或出国的毕业生不能登记为留琼就业', en: 'a graduate not in employment (seeking, studying or abroad) cannot stay in Hainan for work' });
  if (!problems.length && input.recordedOn < `${input.graduationYear - 1}-01-01`) problems.push({ field: 'recordedOn', zh: '记录日期早于毕业年份', en: 'record date is before the graduation year' });
  return problems;
}

export async function recordGraduate(ctx: Ctx, input: GraduateInput, today = chinaToday()) {
  const problems = checkGraduateFields(input, today);
  if (problems.length) fail(problems);
  const person = await personInScope(ctx, input.personId);
  const employed = employedDestinations.includes(input.destination);
  const values = {
    personId: person.id,
    regionCode: person.regionCode,
    graduationYear: input.graduationYear,
    school: input.school.trim(),
    education: input.education,
    destination: input.destination,
    staysInHainan: employed ? !!input.staysInHainan : null,
    recordedOn: input.recordedOn,
    createdBy: ctx.caller.userId,
  };
  const [row] = await ctx.platform.db
    .insert(graduateDestinations)
    .values(values)
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('DUPLICATE', { zh: `此人 ${input.graduationYear} 届的去向已登记，请修改原记录`, en: `the ${input.graduationYear} destination of this person is already recorded; update it instead` });
  return row;
}

export async function updateGraduate(ctx: Ctx, id: number, input: Omit<GraduateInput, 'personId' | 'graduationYear'> & { version: number }, today = chinaToday()) {
  const [before] = await ctx.platform.db.select().from(graduateDestinations).where(and(eq(graduateDestinations.id, id), scopeWhere(ctx.caller.scope, graduateDestinations)));
  if (!before) throw new AppError('NOT_FOUND');
  const problems = checkGraduateFields({ ...input, graduationYear: before.graduationYear }, today);
  if (problems.length) fail(problems);
  const employed = employedDestinations.includes(input.destination);
  const [row] = await ctx.platform.db
    .update(graduateDestinations)
    .set({ school: input.school.trim(), education: input.education, destination: input.destination, staysInHainan: employed ? !!input.staysInHainan : null, recordedOn: input.recordedOn, updatedAt: new Date(), version: before.version + 1 })
    .where(and(eq(graduateDestinations.id, id), eq(graduateDestinations.version, input.version), scopeWhere(ctx.caller.scope, graduateDestinations)))
    .returning();
  if (!row) throw new AppError('STALE_VERSION');
  return row;
}

export type GraduateQuery = { id?: number; regionCode?: string; graduationYear?: number; destination?: GraduateDestination; page: number; pageSize: number; sort?: string };

export async function listGraduates(ctx: Ctx, q: GraduateQuery) {
  const t = graduateDestinations;
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, t), regionFilter(ctx.caller.scope, q.regionCode, t.regionCode, ctx.platform.regions.expand)];
  if (q.graduationYear) conds.push(eq(t.graduationYear, q.graduationYear));
  if (q.destination) conds.push(eq(t.destination, q.destination));
  if (q.id) conds.push(eq(t.id, q.id));
  const where = and(...conds)!;
  const db = ctx.platform.db;
  const [items, counted] = await Promise.all([
    db
      .select({ r: t, personName: persons.name, idMasked: persons.idMasked })
      .from(t)
      .innerJoin(persons, eq(persons.id, t.personId))
      .where(where)
      .orderBy(...orderBy(q.sort, { graduationYear: t.graduationYear, id: t.id }, t.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countUpTo(db, t, where),
  ]);
  return { items: items.map((i) => ({ ...i.r, personName: i.personName, idNumberMasked: i.idMasked })), total: counted.total, totalCapped: counted.capped, page: q.page, pageSize: q.pageSize };
}
