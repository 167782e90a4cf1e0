// Recommendations, applications and referrals (职业介绍) with their outcomes. A referral of a
// registered unemployed person is also a service received (job introduction) on the
// registration. A hire registers the employment (registrations.ts) in the same transaction,
// so the contradiction rules hold for hires too, and counts toward the vacancy's headcount.
import { and, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { scopeWhere, systemScope } from '../../platform/scope';
import { employers, persons } from '../registry';
import { chinaToday } from './codes';
import { fail, type Ctx } from './context';
import { scorePair, seekerRow, vacancyRow } from './matching';
import { registerEmploymentTx } from './registrations';
import { checkPastDate } from './rules';
import { jobPlacements, jobVacancies, unemploymentRegistrations, unemploymentServices } from './schema';
import type { Area } from './types';

type Row = typeof jobPlacements.$inferSelect;
export type PlacementKind = Row['kind'];
export type PlacementStatus = Row['status'];

const TERMINAL: ReadonlySet<PlacementStatus> = new Set(['hired', 'rejected', 'withdrawn']);
const NEXT: Record<PlacementStatus, PlacementStatus[]> = {
  proposed: ['applied', 'interview', 'hired', 'rejected', 'withdrawn'],
  applied: ['interview', 'hired', 'rejected', 'withdrawn'],
  interview: ['hired', 'rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

export function canMove(from: PlacementStatus, to: PlacementStatus): boolean {
  return NEXT[from].includes(to);
}

/** The placement's scope: visible to the seeker's region and to the vacancy's region. */
const placementScope = (ctx: Ctx) => or(scopeWhere(ctx.caller.scope, jobPlacements), scopeWhere(ctx.caller.scope, { regionCode: jobPlacements.vacancyRegionCode }))!;

export async function createPlacement(ctx: Ctx, input: { kind: PlacementKind; seekerId: number; vacancyId: number; note?: string | null }, today = chinaToday()) {
  const seeker = await seekerRow(ctx, input.seekerId);
  if (seeker.status !== 'active') throw new AppError('INVALID_STATE', { zh: '求职登记已暂停或关闭', en: 'the seeker profile is paused or closed' });
  const vacancy = await vacancyRow(ctx, input.vacancyId, today);
  const open = await ctx.platform.db.select({ status: jobVacancies.status, expiresOn: jobVacancies.expiresOn }).from(jobVacancies).where(and(eq(jobVacancies.id, vacancy.id), systemScope()));
  if (open[0]?.status !== 'open' || open[0].expiresOn < today) throw new AppError('INVALID_STATE', { zh: '岗位已关闭、招满或过期', en: 'the vacancy is closed, filled or expired' });
  const match = await scorePair(ctx, seeker.id, vacancy.id);
  return ctx.platform.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [row] = await tx
      .insert(jobPlacements)
      .values({
        kind: input.kind,
        seekerId: seeker.id,
        personId: seeker.personId,
        vacancyId: vacancy.id,
        employerId: vacancy.employerId,
        regionCode: seeker.regionCode,
        vacancyRegionCode: vacancy.regionCode,
        score: Math.round(match.score),
        status: input.kind === 'recommendation' ? 'proposed' : 'applied',
        note: input.note ?? null,
        createdBy: ctx.caller.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', { zh: '已对该求职者与岗位做过同类操作', en: 'this seeker and vacancy already have one of these' });
    if (input.kind === 'referral') {
      // 职业介绍 received while registered unemployed.
      const [u] = await tx
        .select({ id: unemploymentRegistrations.id, regionCode: unemploymentRegistrations.regionCode })
        .from(unemploymentRegistrations)
        .where(and(eq(unemploymentRegistrations.personId, seeker.personId), isNull(unemploymentRegistrations.closedOn), systemScope()));
      if (u) await tx.insert(unemploymentServices).values({ unemploymentId: u.id, personId: seeker.personId, regionCode: u.regionCode, kind: 'job_introduction', serviceDate: today, note: `推荐岗位 #${vacancy.id} ${vacancy.title}`, createdBy: ctx.caller.userId });
    }
    return { row, match };
  });
}

export async function getPlacement(ctx: Ctx, id: number, db: Db = ctx.platform.db): Promise<Row> {
  const [r] = await db.select().from(jobPlacements).where(and(eq(jobPlacements.id, id), placementScope(ctx)));
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

export type OutcomeInput = { status: PlacementStatus; outcomeDate: string; version: number; area?: Area; hasContract?: boolean; note?: string | null };

/** Records an outcome; a hire registers the employment and fills the vacancy, all or nothing. */
export async function recordOutcome(ctx: Ctx, id: number, input: OutcomeInput, today = chinaToday()) {
  return ctx.platform.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const before = await getPlacement(ctx, id, tx);
    if (TERMINAL.has(before.status)) throw new AppError('INVALID_STATE', { zh: `该记录已是最终结果（${before.status}）`, en: `the outcome is already final (${before.status})` });
    if (!canMove(before.status, input.status)) throw new AppError('INVALID_STATE', { zh: `不能从 ${before.status} 变为 ${input.status}`, en: `cannot go from ${before.status} to ${input.status}` });
    const problems = checkPastDate('outcomeDate', input.outcomeDate, today, { zh: '结果日期', en: 'outcome date' });
    if (problems.length) fail(problems);
    let employmentId: number | null = null;
    if (input.status === 'hired') {
      const [vac] = await tx.select().from(jobVacancies).where(and(eq(jobVacancies.id, before.vacancyId), systemScope()));
      if (!vac || vac.filled >= vac.headcount) throw new AppError('INVALID_STATE', { zh: '岗位已招满', en: 'the vacancy is already filled' });
      const created = await registerEmploymentTx(
        ctx,
        tx,
        { personId: before.personId, employerId: before.employerId, kind: 'employee', startDate: input.outcomeDate, area: input.area ?? 'urban', occupationCode: vac.occupationCode, hasContract: input.hasContract ?? true, source: 'referral' },
        today,
      );
      employmentId = created.row.id;
      // The vacancy may belong to another county: its counter is system work on behalf of the hire.
      await tx
        .update(jobVacancies)
        .set({ filled: sql`${jobVacancies.filled} + 1`, status: sql`case when ${jobVacancies.filled} + 1 >= ${jobVacancies.headcount} then 'filled' else ${jobVacancies.status} end`, updatedAt: new Date() })
        .where(and(eq(jobVacancies.id, vac.id), systemScope()));
    }
    const [row] = await tx
      .update(jobPlacements)
      .set({ status: input.status, outcomeDate: input.outcomeDate, employmentId, note: input.note ?? before.note, updatedAt: new Date(), version: before.version + 1 })
      .where(and(eq(jobPlacements.id, id), eq(jobPlacements.version, input.version), placementScope(ctx)))
      .returning();
    if (!row) throw new AppError('STALE_VERSION');
    return row;
  });
}

export type PlacementQuery = { seekerId?: number; vacancyId?: number; employerId?: number; kind?: PlacementKind; kinds?: PlacementKind[]; status?: PlacementStatus; page: number; pageSize: number };

export async function listPlacements(ctx: Ctx, q: PlacementQuery) {
  const p = jobPlacements;
  const conds: (SQL | undefined)[] = [placementScope(ctx)];
  if (q.seekerId) conds.push(eq(p.seekerId, q.seekerId));
  if (q.vacancyId) conds.push(eq(p.vacancyId, q.vacancyId));
  if (q.employerId) conds.push(eq(p.employerId, q.employerId));
  if (q.kind) conds.push(eq(p.kind, q.kind));
  if (q.kinds) conds.push(inArray(p.kind, q.kinds));
  if (q.status) conds.push(eq(p.status, q.status));
  const where = and(...conds)!;
  const db = ctx.platform.db;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ p, personName: persons.name, vacancyTitle: jobVacancies.title, employerName: employers.name })
      .from(p)
      .innerJoin(persons, eq(persons.id, p.personId))
      .innerJoin(jobVacancies, eq(jobVacancies.id, p.vacancyId))
      .innerJoin(employers, eq(employers.id, p.employerId))
      .where(where)
      .orderBy(desc(p.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(p).where(where),
  ]);
  return { items: items.map((i) => ({ ...i.p, personName: i.personName, vacancyTitle: i.vacancyTitle, employerName: i.employerName })), total: Number(total), page: q.page, pageSize: q.pageSize };
}
