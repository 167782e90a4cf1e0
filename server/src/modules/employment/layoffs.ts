// 规模性裁员: an employer reports planned layoffs; staff follow up. Under 劳动合同法 第41条 a
// layoff of 20 or more people, or of 10% or more of the staff, must be explained to the union
// or all staff 30 days ahead and reported to the labour administration: such reports are
// marked statutory.
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { AppError, type FieldProblem } from '../../platform/errors';
import { assertRegionInScope, regionFilter, scopeWhere } from '../../platform/scope';
import { employers } from '../registry';
import { chinaToday, isRealIsoDate } from './codes';
import { employerInScope, fail, orderBy, type Ctx } from './context';
import { checkPastDate } from './rules';
import { layoffFollowups, layoffReports } from './schema';

export type LayoffInput = { employerId: number; reportedOn: string; plannedDate: string; plannedCount: number; staffCount: number; reason: string };

/** 劳动合同法 第41条: 20 or more people, or 10% or more of the staff. */
export function isStatutoryLayoff(plannedCount: number, staffCount: number): boolean {
  return plannedCount >= 20 || (staffCount > 0 && plannedCount * 10 >= staffCount);
}

export function checkLayoffFields(input: Omit<LayoffInput, 'employerId'>, today: string): FieldProblem[] {
  const problems = checkPastDate('reportedOn', input.reportedOn, today, { zh: '报告日期', en: 'report date' });
  if (!isRealIsoDate(input.plannedDate)) problems.push({ field: 'plannedDate', zh: '计划裁员日期无效', en: 'invalid planned date' });
  else if (!problems.length && input.plannedDate < input.reportedOn) problems.push({ field: 'plannedDate', zh: '计划裁员日期早于报告日期', en: 'planned date is before the report date' });
  if (!Number.isInteger(input.plannedCount) || input.plannedCount < 1) problems.push({ field: 'plannedCount', zh: '裁员人数须为正整数', en: 'planned count must be a positive integer' });
  if (!Number.isInteger(input.staffCount) || input.staffCount < 1) problems.push({ field: 'staffCount', zh: '职工总数须为正整数', en: 'staff count must be a positive integer' });
  else if (input.plannedCount > input.staffCount) problems.push({ field: 'plannedCount', zh: `裁员人数 ${input.plannedCount} 超过职工总数 ${input.staffCount}`, en: `planned count ${input.plannedCount} exceeds the staff count ${input.staffCount}` });
  if (!input.reason.trim()) problems.push({ field: 'reason', zh: '请填写裁员原因', en: 'a reason is required' });
  return problems;
}

export async function reportLayoff(ctx: Ctx, input: LayoffInput, today = chinaToday()) {
  const problems = checkLayoffFields(input, today);
  if (problems.length) fail(problems);
  const employer = await employerInScope(ctx, input.employerId);
  assertRegionInScope(ctx.caller.scope, employer.regionCode);
  const [row] = await ctx.platform.db
    .insert(layoffReports)
    .values({ employerId: employer.id, regionCode: employer.regionCode, reportedOn: input.reportedOn, plannedDate: input.plannedDate, plannedCount: input.plannedCount, staffCount: input.staffCount, reason: input.reason.trim(), createdBy: ctx.caller.userId })
    .returning();
  return row;
}

export async function getLayoff(ctx: Ctx, id: number) {
  const [r] = await ctx.platform.db
    .select({ r: layoffReports, employerName: employers.name })
    .from(layoffReports)
    .innerJoin(employers, eq(employers.id, layoffReports.employerId))
    .where(and(eq(layoffReports.id, id), scopeWhere(ctx.caller.scope, layoffReports)));
  if (!r) throw new AppError('NOT_FOUND');
  const followups = await ctx.platform.db
    .select()
    .from(layoffFollowups)
    .where(and(eq(layoffFollowups.reportId, id), scopeWhere(ctx.caller.scope, layoffFollowups)))
    .orderBy(desc(layoffFollowups.followupDate), desc(layoffFollowups.id));
  return { ...r.r, employerName: r.employerName, statutory: isStatutoryLayoff(r.r.plannedCount, r.r.staffCount), followups };
}

export type FollowupInput = { followupDate: string; kind: 'visit' | 'call' | 'policy' | 'reemployment_service' | 'note'; note: string; staffReemployed?: number | null; close?: boolean };

export async function addLayoffFollowup(ctx: Ctx, reportId: number, input: FollowupInput, today = chinaToday()) {
  const report = await getLayoff(ctx, reportId);
  if (report.status === 'closed') throw new AppError('INVALID_STATE', { zh: '该裁员报告已结案', en: 'this report is closed' });
  const problems = checkPastDate('followupDate', input.followupDate, today, { zh: '跟进日期', en: 'follow-up date' });
  if (!problems.length && input.followupDate < report.reportedOn) problems.push({ field: 'followupDate', zh: '跟进日期早于报告日期', en: 'follow-up date is before the report date' });
  if (!input.note.trim()) problems.push({ field: 'note', zh: '请填写跟进情况', en: 'a note is required' });
  if (input.staffReemployed !== undefined && input.staffReemployed !== null && (input.staffReemployed < 0 || input.staffReemployed > report.plannedCount)) {
    problems.push({ field: 'staffReemployed', zh: `再就业人数须在 0–${report.plannedCount} 之间`, en: `re-employed staff must be 0–${report.plannedCount}` });
  }
  if (problems.length) fail(problems);
  return ctx.platform.db.transaction(async (tx) => {
    const [f] = await tx
      .insert(layoffFollowups)
      .values({ reportId, regionCode: report.regionCode, followupDate: input.followupDate, kind: input.kind, note: input.note.trim(), staffReemployed: input.staffReemployed ?? null, actorId: ctx.caller.userId, actorName: ctx.caller.displayName || ctx.caller.username })
      .returning();
    await tx
      .update(layoffReports)
      .set({ status: input.close ? 'closed' : 'following_up', updatedAt: new Date(), version: report.version + 1 })
      .where(and(eq(layoffReports.id, reportId), scopeWhere(ctx.caller.scope, layoffReports)));
    return f;
  });
}

export type LayoffQuery = { id?: number; regionCode?: string; status?: 'reported' | 'following_up' | 'closed'; page: number; pageSize: number; sort?: string };

export async function listLayoffs(ctx: Ctx, q: LayoffQuery) {
  const t = layoffReports;
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, t), regionFilter(ctx.caller.scope, q.regionCode, t.regionCode, ctx.platform.regions.expand)];
  if (q.status) conds.push(eq(t.status, q.status));
  if (q.id) conds.push(eq(t.id, q.id));
  const where = and(...conds)!;
  const db = ctx.platform.db;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ r: t, employerName: employers.name })
      .from(t)
      .innerJoin(employers, eq(employers.id, t.employerId))
      .where(where)
      .orderBy(...orderBy(q.sort, { reportedOn: t.reportedOn, plannedDate: t.plannedDate, plannedCount: t.plannedCount, id: t.id }, t.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(t).where(where),
  ]);
  return { items: items.map((i) => ({ ...i.r, employerName: i.employerName, statutory: isStatutoryLayoff(i.r.plannedCount, i.r.staffCount) })), total: Number(total), page: q.page, pageSize: q.pageSize };
}
