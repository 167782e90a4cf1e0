// Job seekers' profiles and vacancies: create, update, list, and the profile view log
// (job seekers see who looked at their profile — résumé leaks are a top complaint).
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../platform/auth/service';
import type { Db } from '../../platform/db';
import { AppError, type FieldProblem } from '../../platform/errors';
import { assertRegionInScope, regionFilter, scopeWhere, systemScope } from '../../platform/scope';
import { employers, persons } from '../registry';
import { addDays, chinaToday, educationCodes, isRealIsoDate } from './codes';
import { employerInScope, fail, orderBy, personInScope, type Ctx } from './context';
import { derivedSeekerColumns } from './matching';
import { checkOccupationCode, majorOf, mediumOf } from './occupations';
import { normaliseSkill } from './scoring';
import { jobSeekers, jobVacancies, seekerProfileViews } from './schema';
import type { DifficultyGroup, Education } from './types';
import { groupsFor } from './unemployment';

const MAX_PAY = 100_000_00 * 10; // 1,000,000 yuan a month, in fen: beyond it is a typo

export type SeekerInput = {
  personId: number;
  desiredOccupations: string[];
  skills: string[];
  desiredRegions: string[];
  salaryMin: number | null;
  education: Education;
  availableFrom: string | null;
  groups?: DifficultyGroup[];
  status?: 'active' | 'paused' | 'closed';
};

/** Skills as every write stores them: normalised (scoring.ts normaliseSkill), distinct, non-empty, at most 30. */
export const cleanSkills = (skills: readonly string[]) => [...new Set(skills.map(normaliseSkill).filter(Boolean))].slice(0, 30);

export function checkSeekerFields(input: Omit<SeekerInput, 'personId'>, regionExists: (c: string) => boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.desiredOccupations.length) problems.push({ field: 'desiredOccupations', zh: '请至少填写一个求职意向职业', en: 'give at least one desired occupation' });
  for (const c of input.desiredOccupations) {
    const r = checkOccupationCode(c);
    if (!r.ok) problems.push({ field: 'desiredOccupations', zh: r.zh, en: r.en });
  }
  for (const r of input.desiredRegions) if (!regionExists(r)) problems.push({ field: 'desiredRegions', zh: `地区代码 ${r} 不存在`, en: `region ${r} does not exist` });
  if (input.salaryMin !== null && (!Number.isInteger(input.salaryMin) || input.salaryMin < 0 || input.salaryMin > MAX_PAY)) problems.push({ field: 'salaryMin', zh: '期望月薪（分）须为合理的非负整数', en: 'expected monthly pay (fen) must be a plausible non-negative integer' });
  if (!educationCodes.includes(input.education)) problems.push({ field: 'education', zh: '学历无效', en: 'invalid education' });
  if (input.availableFrom && !isRealIsoDate(input.availableFrom)) problems.push({ field: 'availableFrom', zh: '可到岗日期无效', en: 'invalid availability date' });
  return problems;
}

export async function createSeeker(ctx: Ctx, input: SeekerInput) {
  const { platform } = ctx;
  const problems = checkSeekerFields(input, (c) => platform.regions.index.isCurrent(c));
  if (problems.length) fail(problems);
  const person = await personInScope(ctx, input.personId);
  const [row] = await platform.db
    .insert(jobSeekers)
    .values({
      personId: person.id,
      regionCode: person.regionCode,
      desiredOccupations: [...new Set(input.desiredOccupations)],
      skills: cleanSkills(input.skills),
      desiredRegions: [...new Set(input.desiredRegions)],
      salaryMin: input.salaryMin,
      education: input.education,
      availableFrom: input.availableFrom,
      groups: groupsFor(person, input.groups),
      status: input.status ?? 'active',
      createdBy: ctx.caller.userId,
      ...derivedSeekerColumns(input.desiredOccupations, input.desiredRegions, person.regionCode, cleanSkills(input.skills)),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('DUPLICATE', { zh: '此人已有求职登记，请修改原登记', en: 'this person already has a seeker profile; update it' });
  return row;
}

export async function getSeeker(ctx: Ctx, id: number, db: Db = ctx.platform.db) {
  const [r] = await db
    .select({ s: jobSeekers, name: persons.name, idMasked: persons.idMasked })
    .from(jobSeekers)
    .innerJoin(persons, eq(persons.id, jobSeekers.personId))
    .where(and(eq(jobSeekers.id, id), scopeWhere(ctx.caller.scope, jobSeekers)));
  if (!r) throw new AppError('NOT_FOUND');
  return { ...r.s, name: r.name, idNumberMasked: r.idMasked };
}

export async function updateSeeker(ctx: Ctx, id: number, input: Omit<SeekerInput, 'personId'> & { version: number }) {
  const { platform } = ctx;
  const before = await getSeeker(ctx, id);
  const problems = checkSeekerFields(input, (c) => platform.regions.index.isCurrent(c));
  if (problems.length) fail(problems);
  const person = await personInScope(ctx, before.personId);
  const [row] = await platform.db
    .update(jobSeekers)
    .set({
      desiredOccupations: [...new Set(input.desiredOccupations)],
      skills: cleanSkills(input.skills),
      desiredRegions: [...new Set(input.desiredRegions)],
      salaryMin: input.salaryMin,
      education: input.education,
      availableFrom: input.availableFrom,
      groups: groupsFor(person, input.groups ?? (before.groups as DifficultyGroup[])),
      status: input.status ?? before.status,
      regionCode: person.regionCode,
      ...derivedSeekerColumns(input.desiredOccupations, input.desiredRegions, person.regionCode, cleanSkills(input.skills)),
      updatedAt: new Date(),
      version: before.version + 1,
    })
    .where(and(eq(jobSeekers.id, id), eq(jobSeekers.version, input.version), scopeWhere(ctx.caller.scope, jobSeekers)))
    .returning();
  if (!row) throw new AppError('STALE_VERSION');
  return row;
}

export type SeekerQuery = { q?: string; regionCode?: string; status?: 'active' | 'paused' | 'closed'; occupation?: string; group?: DifficultyGroup; page: number; pageSize: number; sort?: string };

export async function listSeekers(ctx: Ctx, q: SeekerQuery) {
  const s = jobSeekers;
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, s), regionFilter(ctx.caller.scope, q.regionCode, s.regionCode, ctx.platform.regions.expand)];
  if (q.q) conds.push(ilike(persons.name, `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
  if (q.status) conds.push(eq(s.status, q.status));
  if (q.occupation) conds.push(q.occupation.length <= 1 ? sql`${s.desiredMajors} @> array[${q.occupation}]::text[]` : sql`${s.desiredMediums} @> array[${mediumOf(q.occupation)}]::text[]`);
  if (q.group) conds.push(sql`${q.group} = any(${s.groups})`);
  const where = and(...conds)!;
  const db = ctx.platform.db;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ s, name: persons.name, idMasked: persons.idMasked })
      .from(s)
      .innerJoin(persons, eq(persons.id, s.personId))
      .where(where)
      .orderBy(...orderBy(q.sort, { id: s.id, updatedAt: s.updatedAt }, s.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(s).innerJoin(persons, eq(persons.id, s.personId)).where(where),
  ]);
  return { items: items.map((i) => ({ ...i.s, name: i.name, idNumberMasked: i.idMasked })), total: Number(total), page: q.page, pageSize: q.pageSize };
}

/** Logs that the caller looked at a seeker's profile (optionally from a vacancy). */
export async function logProfileView(ctx: Ctx, seeker: { id: number; regionCode: string }, vacancyId: number | null, caller: Caller = ctx.caller) {
  await ctx.platform.db.insert(seekerProfileViews).values({ seekerId: seeker.id, regionCode: seeker.regionCode, viewerId: caller.userId, viewerName: caller.displayName || caller.username, viewerOrg: caller.orgName, vacancyId });
}

export async function profileViews(ctx: Ctx, seekerId: number) {
  await getSeeker(ctx, seekerId);
  const v = seekerProfileViews;
  return ctx.platform.db
    .select({ id: v.id, viewerName: v.viewerName, viewerOrg: v.viewerOrg, vacancyId: v.vacancyId, vacancyTitle: jobVacancies.title, viewedAt: v.viewedAt })
    .from(v)
    .leftJoin(jobVacancies, eq(jobVacancies.id, v.vacancyId))
    .where(and(eq(v.seekerId, seekerId), scopeWhere(ctx.caller.scope, v)))
    .orderBy(desc(v.viewedAt), desc(v.id))
    .limit(200);
}

// ---- vacancies -------------------------------------------------------------------------

export type VacancyInput = {
  employerId: number;
  title: string;
  occupationCode: string;
  skills: string[];
  regionCode?: string | null;
  salaryMin: number;
  salaryMax: number;
  education: Education;
  headcount: number;
  expiresOn: string;
  description?: string;
};

export function checkVacancyFields(input: Omit<VacancyInput, 'employerId'>, regionExists: (c: string) => boolean, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const title = input.title.trim();
  if (title.length < 2 || title.length > 60) problems.push({ field: 'title', zh: '岗位名称须为2–60个字符', en: 'title must have 2–60 characters' });
  const c = checkOccupationCode(input.occupationCode);
  if (!c.ok) problems.push({ field: 'occupationCode', zh: c.zh, en: c.en });
  else if (c.level === 'major') problems.push({ field: 'occupationCode', zh: '岗位职业至少细到中类（N-NN）', en: 'a vacancy needs at least a medium group (N-NN)' });
  if (input.regionCode && !regionExists(input.regionCode)) problems.push({ field: 'regionCode', zh: `地区代码 ${input.regionCode} 不存在`, en: `region ${input.regionCode} does not exist` });
  if (!Number.isInteger(input.salaryMin) || input.salaryMin <= 0 || input.salaryMin > MAX_PAY) problems.push({ field: 'salaryMin', zh: '月薪下限（分）须为正整数', en: 'minimum monthly pay (fen) must be a positive integer' });
  if (!Number.isInteger(input.salaryMax) || input.salaryMax < input.salaryMin || input.salaryMax > MAX_PAY) problems.push({ field: 'salaryMax', zh: '月薪上限须不低于下限', en: 'maximum pay must be at least the minimum' });
  if (!educationCodes.includes(input.education)) problems.push({ field: 'education', zh: '学历要求无效', en: 'invalid education requirement' });
  if (!Number.isInteger(input.headcount) || input.headcount < 1 || input.headcount > 10_000) problems.push({ field: 'headcount', zh: '招聘人数须为1–10000', en: 'headcount must be 1–10,000' });
  if (!isRealIsoDate(input.expiresOn)) problems.push({ field: 'expiresOn', zh: '截止日期无效', en: 'invalid expiry date' });
  else if (input.expiresOn < today) problems.push({ field: 'expiresOn', zh: '截止日期已过', en: 'the expiry date has passed' });
  else if (input.expiresOn > addDays(today, 366)) problems.push({ field: 'expiresOn', zh: '岗位有效期不超过一年', en: 'a vacancy runs for at most a year' });
  return problems;
}

/** Same employer, occupation, normalised title and workplace = the same vacancy. */
export function vacancyDedupeKey(employerId: number, occupationCode: string, title: string, regionCode: string): string {
  const t = title.normalize('NFKC').replace(/[\s（）()【】[\]·.,，。-]/g, '').toLowerCase();
  return createHash('sha256').update(`${employerId}|${occupationCode}|${t}|${regionCode}`).digest('hex').slice(0, 32);
}

export async function createVacancy(ctx: Ctx, input: VacancyInput, today = chinaToday()) {
  const { platform } = ctx;
  const problems = checkVacancyFields(input, (c) => platform.regions.index.isCurrent(c), today);
  if (problems.length) fail(problems);
  const employer = await employerInScope(ctx, input.employerId);
  const regionCode = input.regionCode || employer.regionCode;
  assertRegionInScope(ctx.caller.scope, regionCode);
  const dedupeKey = vacancyDedupeKey(employer.id, input.occupationCode, input.title, regionCode);
  return platform.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${dedupeKey}, 7302))`);
    const [dup] = await tx
      .select({ id: jobVacancies.id })
      .from(jobVacancies)
      .where(and(eq(jobVacancies.dedupeKey, dedupeKey), eq(jobVacancies.status, 'open'), gte(jobVacancies.expiresOn, today), scopeWhere(ctx.caller.scope, jobVacancies)));
    if (dup) throw new AppError('DUPLICATE', { zh: `该单位已发布相同岗位（#${dup.id}），请修改原岗位`, en: `the employer already has this vacancy open (#${dup.id}); update it instead`, existingId: dup.id });
    const [row] = await tx
      .insert(jobVacancies)
      .values({
        employerId: employer.id,
        regionCode,
        planUnit: platform.regions.index.planUnitOf(regionCode) ?? regionCode,
        title: input.title.trim(),
        occupationCode: input.occupationCode,
        occMedium: mediumOf(input.occupationCode),
        occMajor: majorOf(input.occupationCode),
        skills: cleanSkills(input.skills),
        salaryMin: input.salaryMin,
        salaryMax: input.salaryMax,
        education: input.education,
        headcount: input.headcount,
        expiresOn: input.expiresOn,
        description: input.description?.trim() ?? '',
        dedupeKey,
        createdBy: ctx.caller.userId,
      })
      .returning();
    return row;
  });
}

export async function getVacancy(ctx: Ctx, id: number) {
  const [r] = await ctx.platform.db
    .select({ v: jobVacancies, employerName: employers.name })
    .from(jobVacancies)
    .innerJoin(employers, eq(employers.id, jobVacancies.employerId))
    .where(and(eq(jobVacancies.id, id), scopeWhere(ctx.caller.scope, jobVacancies)));
  if (!r) throw new AppError('NOT_FOUND');
  return { ...r.v, employerName: r.employerName };
}

export async function updateVacancy(ctx: Ctx, id: number, input: Omit<VacancyInput, 'employerId'> & { status?: 'open' | 'closed'; version: number }, today = chinaToday()) {
  const { platform } = ctx;
  const before = await getVacancy(ctx, id);
  if (before.status === 'filled' && input.status === 'open') throw new AppError('INVALID_STATE', { zh: '岗位已招满，请新建岗位', en: 'the vacancy is filled; post a new one' });
  const problems = input.status === 'closed' ? [] : checkVacancyFields(input, (c) => platform.regions.index.isCurrent(c), today);
  if (problems.length) fail(problems);
  const regionCode = input.regionCode || before.regionCode;
  assertRegionInScope(ctx.caller.scope, regionCode);
  const [row] = await platform.db
    .update(jobVacancies)
    .set({
      title: input.title.trim(),
      occupationCode: input.occupationCode,
      occMedium: mediumOf(input.occupationCode),
      occMajor: majorOf(input.occupationCode),
      skills: cleanSkills(input.skills),
      regionCode,
      planUnit: platform.regions.index.planUnitOf(regionCode) ?? regionCode,
      salaryMin: input.salaryMin,
      salaryMax: input.salaryMax,
      education: input.education,
      headcount: input.headcount,
      expiresOn: input.expiresOn,
      description: input.description?.trim() ?? before.description,
      dedupeKey: vacancyDedupeKey(before.employerId, input.occupationCode, input.title, regionCode),
      status: input.status ?? (before.status === 'expired' && input.expiresOn >= today ? 'open' : before.status),
      updatedAt: new Date(),
      version: before.version + 1,
    })
    .where(and(eq(jobVacancies.id, id), eq(jobVacancies.version, input.version), scopeWhere(ctx.caller.scope, jobVacancies)))
    .returning();
  if (!row) throw new AppError('STALE_VERSION');
  return row;
}

export type VacancyQuery = { q?: string; regionCode?: string; employerId?: number; status?: 'open' | 'filled' | 'closed' | 'expired'; occupation?: string; page: number; pageSize: number; sort?: string };

export async function listVacancies(ctx: Ctx, q: VacancyQuery) {
  const v = jobVacancies;
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, v), regionFilter(ctx.caller.scope, q.regionCode, v.regionCode, ctx.platform.regions.expand)];
  if (q.q) conds.push(ilike(v.title, `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
  if (q.employerId) conds.push(eq(v.employerId, q.employerId));
  if (q.status) conds.push(eq(v.status, q.status));
  if (q.occupation) conds.push(sql`${v.occupationCode} like ${`${q.occupation.replace(/[%_\\]/g, '')}%`}`);
  const where = and(...conds)!;
  const db = ctx.platform.db;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ v, employerName: employers.name })
      .from(v)
      .innerJoin(employers, eq(employers.id, v.employerId))
      .where(where)
      .orderBy(...orderBy(q.sort, { id: v.id, expiresOn: v.expiresOn, salaryMax: v.salaryMax }, v.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(v).where(where),
  ]);
  return { items: items.map((i) => ({ ...i.v, employerName: i.employerName })), total: Number(total), page: q.page, pageSize: q.pageSize };
}

/** Marks vacancies past their expiry date (scheduled job; system work). */
export async function expireVacancies(db: Db, today = chinaToday()): Promise<number> {
  const r = await db
    .update(jobVacancies)
    .set({ status: 'expired', updatedAt: new Date() })
    .where(and(eq(jobVacancies.status, 'open'), lt(jobVacancies.expiresOn, today), systemScope()))
    .returning({ id: jobVacancies.id });
  return r.length;
}

// ---- skills written before they were normalised --------------------------------------------

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * One-off and idempotent (`renshe employment normalise-skills`): rewrites the skills of seekers
 * and vacancies stored before writes normalised them ('Excel', ' excel ', 'ＥＸＣＥＬ' are one
 * skill) as every write stores them now (cleanSkills), and a seeker's match_keys with them, so
 * that matching, which compares stored skills in SQL, sees what the score sees. System work over
 * every region, in id order, `batch` rows a read; a row that is already clean is not written, so
 * a second run changes nothing. Returns how many rows it changed.
 */
export async function normaliseStoredSkills(db: Db, batch = 5_000): Promise<{ seekers: number; vacancies: number }> {
  const s = jobSeekers;
  const v = jobVacancies;
  let seekers = 0;
  let vacancies = 0;
  for (let after = 0; ; ) {
    const rows = await db
      .select({ id: s.id, skills: s.skills, desiredOccupations: s.desiredOccupations, desiredRegions: s.desiredRegions, regionCode: s.regionCode, matchKeys: s.matchKeys })
      .from(s)
      .where(and(gt(s.id, after), systemScope()))
      .orderBy(asc(s.id))
      .limit(batch);
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    for (const r of rows) {
      const skills = cleanSkills(r.skills);
      const { matchKeys } = derivedSeekerColumns(r.desiredOccupations, r.desiredRegions, r.regionCode, skills);
      if (sameList(skills, r.skills) && sameSet(matchKeys, r.matchKeys)) continue;
      await db.update(s).set({ skills, matchKeys, updatedAt: new Date(), version: sql`${s.version} + 1` }).where(and(eq(s.id, r.id), systemScope()));
      seekers++;
    }
  }
  for (let after = 0; ; ) {
    const rows = await db.select({ id: v.id, skills: v.skills }).from(v).where(and(gt(v.id, after), systemScope())).orderBy(asc(v.id)).limit(batch);
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    for (const r of rows) {
      const skills = cleanSkills(r.skills);
      if (sameList(skills, r.skills)) continue;
      await db.update(v).set({ skills, updatedAt: new Date(), version: sql`${v.version} + 1` }).where(and(eq(v.id, r.id), systemScope()));
      vacancies++;
    }
  }
  return { seekers, vacancies };
}
