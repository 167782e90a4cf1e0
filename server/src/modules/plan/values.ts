// Reported values (填报数据): entry per region and year, the approval steps of approval.ts,
// corrections as new revisions. Every read and write of the value tables is scoped to the
// caller; the evaluation reads approved figures only (approvedFigures), as system work.
import { and, asc, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Caller } from '../../platform/auth/service';
import type { Db } from '../../platform/db';
import { AppError, type FieldProblem } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { assertRegionInScope, regionInScope, scopeWhere, systemScope } from '../../platform/scope';
import { statusName, transition, type ApprovalAction, type ApprovalActor } from './approval';
import type { TIndicator, TPlan } from './plan-schema';
import { allIndicators, findIndicator, getPlan, valueCodeOf } from './plans';
import { planReportedValues, planValueRevisions, type RevisionEvent, type RevisionStatus } from './schema';
import { checkReportedValue } from './units';

export type Ctx = { platform: Platform; caller: Caller };

type ValueRow = typeof planReportedValues.$inferSelect;
type RevisionRow = typeof planValueRevisions.$inferSelect;

export function actorFor(ctx: Ctx, regionCode: string): ApprovalActor {
  const { platform, caller } = ctx;
  const index = platform.regions.index;
  return {
    permissions: caller.permissions,
    inScope: regionInScope(caller.scope, regionCode),
    above: regionCode !== caller.regionCode && index.isWithin(regionCode, caller.regionCode),
    province: index.get(caller.regionCode)?.level === 'province',
  };
}

function planRegion(plan: TPlan): string {
  return plan.region ?? '460000';
}

export type ValueTarget = { ind: TIndicator; valueCode: string };

/**
 * Checks that a value may be reported at all: an indicator of the plan fed by reported
 * figures, a year of the plan period, a current region inside the plan's region. Returns
 * problems (Chinese and English) rather than throwing, so forms and imports list them all.
 */
export function checkValueTarget(
  platform: Platform,
  plan: TPlan,
  input: { indicatorCode: string; regionCode: string; year: number },
): { ok: true; target: ValueTarget } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const ind = allIndicators(plan).find((x) => x.ind.code === input.indicatorCode)?.ind;
  if (!ind) problems.push({ field: 'indicatorCode', zh: `规划 ${plan.id} 没有指标 ${input.indicatorCode}`, en: `plan ${plan.id} has no indicator ${input.indicatorCode}` });
  else if (ind.source !== 'reported') {
    problems.push({
      field: 'indicatorCode',
      zh: `${ind.code} ${ind.name} 由业务数据自动计算（${ind.source}），无需填报`,
      en: `${ind.code} is computed from records (${ind.source}) and takes no reported values`,
    });
  }
  if (!Number.isInteger(input.year) || input.year < plan.period.start || input.year > plan.period.end) {
    problems.push({
      field: 'year',
      zh: `年份 ${input.year} 不在规划期 ${plan.period.start}–${plan.period.end} 年内`,
      en: `year ${input.year} is outside the plan period ${plan.period.start}–${plan.period.end}`,
    });
  }
  const index = platform.regions.index;
  if (!index.isCurrent(input.regionCode)) {
    problems.push({ field: 'regionCode', zh: `地区代码 ${input.regionCode} 不存在或已撤销`, en: `region ${input.regionCode} does not exist or is retired` });
  } else if (!index.isWithin(input.regionCode, planRegion(plan))) {
    problems.push({ field: 'regionCode', zh: `地区 ${input.regionCode} 不在规划范围内`, en: `region ${input.regionCode} is outside the plan's region` });
  }
  if (problems.length || !ind) return { ok: false, problems };
  return { ok: true, target: { ind, valueCode: valueCodeOf(plan, ind) } };
}

function fail(problems: FieldProblem[]): never {
  throw new AppError('VALIDATION', { fields: problems, zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') });
}

function event(caller: Caller, action: RevisionEvent['action'], from: RevisionStatus | null, to: RevisionStatus, extra: Partial<RevisionEvent> = {}): RevisionEvent {
  return { at: new Date().toISOString(), actorId: caller.userId, actorName: caller.displayName || caller.username, action, from, to, ...extra };
}

export type ValueInput = { indicatorCode: string; value: unknown; unit?: string | null; note?: string | null };

/**
 * Saves values of one region and year as drafts: new figures open revision 1; a draft or a
 * returned revision is edited in place. Submitted, reviewed and approved figures are refused
 * (the approval rules say why). All or nothing.
 */
export async function saveValues(ctx: Ctx, planId: string, input: { regionCode: string; year: number; values: ValueInput[] }): Promise<number[]> {
  const { platform, caller } = ctx;
  const { plan } = await getPlan(platform.db, planId);
  const problems: FieldProblem[] = [];
  const items: { valueCode: string; value: number; note: string | null }[] = [];
  const seen = new Set<string>();
  input.values.forEach((v, i) => {
    const t = checkValueTarget(platform, plan, { indicatorCode: v.indicatorCode, regionCode: input.regionCode, year: input.year });
    if (!t.ok) {
      for (const p of t.problems) problems.push({ ...p, field: p.field === 'indicatorCode' ? `values[${i}].indicatorCode` : p.field });
      return;
    }
    const checked = checkReportedValue(t.target.ind, { value: v.value, unit: v.unit });
    if (!checked.ok) problems.push({ field: `values[${i}].value`, zh: checked.zh, en: checked.en });
    else if (seen.has(t.target.valueCode)) problems.push({ field: `values[${i}].indicatorCode`, zh: `${t.target.valueCode} 重复填报`, en: `${t.target.valueCode} given twice` });
    else {
      seen.add(t.target.valueCode);
      items.push({ valueCode: t.target.valueCode, value: checked.value, note: v.note ?? null });
    }
  });
  // Deduplicate field problems about the year/region (same for every item).
  const unique = problems.filter((p, i) => problems.findIndex((q) => q.field === p.field && q.zh === p.zh) === i);
  if (unique.length) fail(unique);
  assertRegionInScope(caller.scope, input.regionCode);
  const actor = actorFor(ctx, input.regionCode);
  return platform.db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const item of items) {
      await tx.insert(planReportedValues).values({ planId, indicatorCode: item.valueCode, regionCode: input.regionCode, year: input.year }).onConflictDoNothing();
      const [header] = await tx
        .select()
        .from(planReportedValues)
        .where(and(eq(planReportedValues.planId, planId), eq(planReportedValues.indicatorCode, item.valueCode), eq(planReportedValues.regionCode, input.regionCode), eq(planReportedValues.year, input.year), scopeWhere(caller.scope, planReportedValues)));
      if (!header) throw new AppError('NOT_FOUND');
      if (header.openRevisionId !== null) {
        const [open] = await tx.select().from(planValueRevisions).where(and(eq(planValueRevisions.id, header.openRevisionId), scopeWhere(caller.scope, planValueRevisions)));
        transition(open.status, 'edit', actor, { topLevel: false });
        if (open.value !== item.value || (item.note ?? null) !== open.note) {
          await tx
            .update(planValueRevisions)
            .set({ value: item.value, note: item.note, trail: [...open.trail, event(caller, 'edit', open.status, open.status, { value: item.value })] })
            .where(and(eq(planValueRevisions.id, open.id), scopeWhere(caller.scope, planValueRevisions)));
        }
      } else if (header.approvedRevisionId !== null) {
        transition('approved', 'edit', actor, { topLevel: false });
      } else {
        transition('draft', 'edit', actor, { topLevel: false });
        const [rev] = await tx
          .insert(planValueRevisions)
          .values({
            valueId: header.id,
            regionCode: input.regionCode,
            revision: 1,
            value: item.value,
            status: 'draft',
            note: item.note,
            createdBy: caller.userId,
            createdByName: caller.displayName || caller.username,
            trail: [event(caller, 'create', null, 'draft', { value: item.value })],
          })
          .returning();
        await tx.update(planReportedValues).set({ openRevisionId: rev.id, updatedAt: new Date(), version: header.version + 1 }).where(and(eq(planReportedValues.id, header.id), scopeWhere(caller.scope, planReportedValues)));
      }
      ids.push(header.id);
    }
    return ids;
  });
}

async function loadValue(db: Db, caller: Caller, planId: string, id: number): Promise<{ header: ValueRow; open: RevisionRow | null; approved: RevisionRow | null }> {
  const [header] = await db
    .select()
    .from(planReportedValues)
    .where(and(eq(planReportedValues.id, id), eq(planReportedValues.planId, planId), scopeWhere(caller.scope, planReportedValues)));
  // Out of scope and absent look the same.
  if (!header) throw new AppError('NOT_FOUND');
  const ids = [header.openRevisionId, header.approvedRevisionId].filter((x): x is number => x !== null);
  const revs = ids.length ? await db.select().from(planValueRevisions).where(and(inArray(planValueRevisions.id, ids), scopeWhere(caller.scope, planValueRevisions))) : [];
  return {
    header,
    open: revs.find((r) => r.id === header.openRevisionId) ?? null,
    approved: revs.find((r) => r.id === header.approvedRevisionId) ?? null,
  };
}

export type TransitionInput = { reason?: string | null; value?: unknown; unit?: string | null; version?: number };

/** Applies one approval step to a value (approval.ts decides; this writes). */
export async function actOnValue(ctx: Ctx, planId: string, id: number, action: Exclude<ApprovalAction, 'edit'>, input: TransitionInput = {}): Promise<ValueView> {
  const { platform, caller } = ctx;
  const record = await getPlan(platform.db, planId);
  const { header, open, approved } = await loadValue(platform.db, caller, planId, id);
  if (input.version !== undefined && input.version !== header.version) throw new AppError('STALE_VERSION');
  const actor = actorFor(ctx, header.regionCode);
  const facts = { topLevel: header.regionCode === planRegion(record.plan), hasOpenRevision: open !== null };
  const reason = input.reason?.trim() || null;
  const now = new Date();
  const name = caller.displayName || caller.username;
  await platform.db.transaction(async (tx) => {
    const bump = async (set: Partial<typeof planReportedValues.$inferInsert>) => {
      const r = await tx
        .update(planReportedValues)
        .set({ ...set, updatedAt: now, version: header.version + 1 })
        .where(and(eq(planReportedValues.id, header.id), eq(planReportedValues.version, header.version), scopeWhere(caller.scope, planReportedValues)))
        .returning({ id: planReportedValues.id });
      if (r.length === 0) throw new AppError('STALE_VERSION');
    };
    const setRev = (rev: RevisionRow, set: Partial<typeof planValueRevisions.$inferInsert>) =>
      tx.update(planValueRevisions).set(set).where(and(eq(planValueRevisions.id, rev.id), scopeWhere(caller.scope, planValueRevisions)));

    if (action === 'correct') {
      if (!approved) throw new AppError('INVALID_STATE', { zh: '该数据尚未审定，可直接修改', en: 'The value is not approved yet; edit it instead' });
      transition('approved', 'correct', actor, facts, reason);
      const ind = findIndicator(record.plan, header.indicatorCode);
      const checked = checkReportedValue(ind, { value: input.value, unit: input.unit });
      if (!checked.ok) fail([{ field: 'value', zh: checked.zh, en: checked.en }]);
      const [rev] = await tx
        .insert(planValueRevisions)
        .values({
          valueId: header.id,
          regionCode: header.regionCode,
          revision: approved.revision + 1,
          value: checked.value,
          status: 'draft',
          reason,
          createdBy: caller.userId,
          createdByName: name,
          trail: [event(caller, 'create', null, 'draft', { value: checked.value, reason: reason ?? undefined })],
        })
        .returning();
      await bump({ openRevisionId: rev.id });
      return;
    }
    if (!open) {
      if (approved) transition('approved', action, actor, facts, reason);
      throw new AppError('INVALID_STATE', { zh: '没有待处理的修订', en: 'There is no open revision' });
    }
    const { to } = transition(open.status, action, actor, facts, reason);
    const trail = [...open.trail, event(caller, action === 'return' ? 'return' : action, open.status, to, reason ? { reason } : {})];
    switch (action) {
      case 'submit':
        await setRev(open, { status: to, submittedBy: name, submittedAt: now, returnReason: null, trail, ...(to === 'reviewed' ? { reviewedBy: name, reviewedAt: now } : {}) });
        await bump({});
        return;
      case 'review':
        await setRev(open, { status: to, reviewedBy: name, reviewedAt: now, trail });
        await bump({});
        return;
      case 'return':
        await setRev(open, { status: to, returnedBy: name, returnedAt: now, returnReason: reason, trail });
        await bump({});
        return;
      case 'approve':
        await setRev(open, { status: to, approvedBy: name, approvedAt: now, trail });
        if (approved) await setRev(approved, { status: 'superseded', trail: [...approved.trail, event(caller, 'supersede', 'approved', 'superseded', { reason: `被第 ${open.revision} 版更正` })] });
        await bump({ approvedRevisionId: open.id, approvedValue: open.value, openRevisionId: null });
        return;
    }
  });
  return getValueView(ctx, planId, id);
}

/** Submits every draft or returned value of one region and year (the form's "submit all"). */
export async function submitAll(ctx: Ctx, planId: string, regionCode: string, year: number): Promise<number[]> {
  assertRegionInScope(ctx.caller.scope, regionCode);
  const rows = await ctx.platform.db
    .select({ id: planReportedValues.id })
    .from(planReportedValues)
    .innerJoin(planValueRevisions, eq(planValueRevisions.id, planReportedValues.openRevisionId))
    .where(
      and(
        eq(planReportedValues.planId, planId),
        eq(planReportedValues.regionCode, regionCode),
        eq(planReportedValues.year, year),
        inArray(planValueRevisions.status, ['draft', 'returned']),
        scopeWhere(ctx.caller.scope, planReportedValues),
      ),
    );
  for (const r of rows) await actOnValue(ctx, planId, r.id, 'submit');
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------
// Views

// The views are zod schemas: the routes declare them as their responses, and the web app's
// types are generated from the OpenAPI document (`npm run api:types`), so there is one copy.
const revisionStatuses = ['draft', 'submitted', 'reviewed', 'returned', 'approved', 'superseded'] as const satisfies readonly RevisionStatus[];
const ZMessage = z.object({ zh: z.string(), en: z.string() });
const ZRevisionEvent = z.object({
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.enum(['create', 'edit', 'submit', 'review', 'approve', 'return', 'supersede', 'import']),
  from: z.enum(revisionStatuses).nullable(),
  to: z.enum(revisionStatuses),
  value: z.number().optional(),
  reason: z.string().optional(),
}) satisfies z.ZodType<RevisionEvent>;

export const ZRevisionView = z.object({
  id: z.number(),
  revision: z.number(),
  value: z.number(),
  status: z.enum(revisionStatuses),
  statusName: ZMessage,
  reason: z.string().nullable(),
  note: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  returnedBy: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  trail: z.array(ZRevisionEvent),
});
export type RevisionView = z.infer<typeof ZRevisionView>;

export const ZValueView = z.object({
  id: z.number(),
  planId: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  year: z.number(),
  version: z.number(),
  /** The open revision's status, else approved. */
  status: z.enum(revisionStatuses),
  approved: ZRevisionView.nullable(),
  open: ZRevisionView.nullable(),
  /** What the caller may do next (for buttons). */
  actions: z.array(z.enum(['edit', 'submit', 'review', 'approve', 'return', 'correct'] satisfies ApprovalAction[])),
  revisions: z.array(ZRevisionView).optional(),
});
export type ValueView = z.infer<typeof ZValueView>;

/** The entry form: the plan's reported indicators of one region and year, laid out like the table. */
export const ZValueForm = z.object({
  planId: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  year: z.number(),
  rows: z.array(
    z.object({ groupKey: z.string(), groupName: z.string(), code: z.string(), row: z.number().nullable(), name: z.string(), unit: z.string(), unitPrinted: z.string(), target: z.string(), value: ZValueView.nullable() }),
  ),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function revisionView(r: RevisionRow): RevisionView {
  return {
    id: r.id,
    revision: r.revision,
    value: r.value,
    status: r.status,
    statusName: statusName(r.status),
    reason: r.reason,
    note: r.note,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    submittedBy: r.submittedBy,
    submittedAt: iso(r.submittedAt),
    reviewedBy: r.reviewedBy,
    reviewedAt: iso(r.reviewedAt),
    approvedBy: r.approvedBy,
    approvedAt: iso(r.approvedAt),
    returnedBy: r.returnedBy,
    returnedAt: iso(r.returnedAt),
    returnReason: r.returnReason,
    trail: r.trail,
  };
}


function possibleActions(ctx: Ctx, header: ValueRow, open: RevisionRow | null, topLevel: boolean): ApprovalAction[] {
  const actor = actorFor(ctx, header.regionCode);
  const facts = { topLevel, hasOpenRevision: open !== null };
  const out: ApprovalAction[] = [];
  const tryIt = (from: RevisionStatus, a: ApprovalAction) => {
    try {
      transition(from, a, actor, facts, 'x');
      out.push(a);
    } catch {
      /* not allowed */
    }
  };
  if (open) for (const a of ['edit', 'submit', 'review', 'approve', 'return'] as const) tryIt(open.status, a);
  else if (header.approvedRevisionId !== null) tryIt('approved', 'correct');
  return out;
}

function viewOf(ctx: Ctx, plan: TPlan, header: ValueRow, open: RevisionRow | null, approved: RevisionRow | null): ValueView {
  const ind = allIndicators(plan).find((x) => x.ind.code === header.indicatorCode)?.ind;
  return {
    id: header.id,
    planId: header.planId,
    indicatorCode: header.indicatorCode,
    indicatorName: ind?.name ?? header.indicatorCode,
    unit: ind?.unit ?? '',
    regionCode: header.regionCode,
    regionName: ctx.platform.regions.name(header.regionCode),
    year: header.year,
    version: header.version,
    status: open?.status ?? 'approved',
    approved: approved ? revisionView(approved) : null,
    open: open ? revisionView(open) : null,
    actions: possibleActions(ctx, header, open, header.regionCode === planRegion(plan)),
  };
}

export async function getValueView(ctx: Ctx, planId: string, id: number): Promise<ValueView> {
  const { plan } = await getPlan(ctx.platform.db, planId);
  const { header, open, approved } = await loadValue(ctx.platform.db, ctx.caller, planId, id);
  const revisions = await ctx.platform.db
    .select()
    .from(planValueRevisions)
    .where(and(eq(planValueRevisions.valueId, header.id), scopeWhere(ctx.caller.scope, planValueRevisions)))
    .orderBy(desc(planValueRevisions.revision));
  return { ...viewOf(ctx, plan, header, open, approved), revisions: revisions.map(revisionView) };
}

export type ValueQuery = { regionCode?: string; year?: number; status?: RevisionStatus; indicatorCode?: string };

/** Values within the caller's scope (and below the region filter), newest first. */
export async function listValues(ctx: Ctx, planId: string, q: ValueQuery): Promise<ValueView[]> {
  const { platform, caller } = ctx;
  const { plan } = await getPlan(platform.db, planId);
  const conds: (SQL | undefined)[] = [eq(planReportedValues.planId, planId), scopeWhere(caller.scope, planReportedValues)];
  if (q.regionCode) {
    const codes = platform.regions.expand(q.regionCode).filter((c) => regionInScope(caller.scope, c));
    if (codes.length === 0) assertRegionInScope(caller.scope, q.regionCode);
    conds.push(inArray(planReportedValues.regionCode, codes));
  }
  if (q.year !== undefined) conds.push(eq(planReportedValues.year, q.year));
  if (q.indicatorCode) conds.push(eq(planReportedValues.indicatorCode, q.indicatorCode));
  const headers = await platform.db
    .select()
    .from(planReportedValues)
    .where(and(...conds))
    .orderBy(desc(planReportedValues.year), asc(planReportedValues.regionCode), asc(planReportedValues.indicatorCode))
    .limit(2000);
  const views = await withRevisions(ctx, plan, headers);
  return q.status ? views.filter((v) => v.status === q.status) : views;
}

async function withRevisions(ctx: Ctx, plan: TPlan, headers: ValueRow[]): Promise<ValueView[]> {
  const ids = headers.flatMap((h) => [h.openRevisionId, h.approvedRevisionId]).filter((x): x is number => x !== null);
  const revs = ids.length ? await ctx.platform.db.select().from(planValueRevisions).where(and(inArray(planValueRevisions.id, ids), scopeWhere(ctx.caller.scope, planValueRevisions))) : [];
  const byId = new Map(revs.map((r) => [r.id, r]));
  return headers.map((h) => viewOf(ctx, plan, h, h.openRevisionId ? (byId.get(h.openRevisionId) ?? null) : null, h.approvedRevisionId ? (byId.get(h.approvedRevisionId) ?? null) : null));
}

/**
 * What waits for the caller: submitted values of regions below it to review, reviewed values
 * to approve (province), and its own drafts and returned values to fix and submit.
 */
export async function inbox(ctx: Ctx, planId?: string): Promise<ValueView[]> {
  const { platform, caller } = ctx;
  const db = platform.db;
  const rows = await db
    .select({ header: planReportedValues, status: planValueRevisions.status })
    .from(planReportedValues)
    .innerJoin(planValueRevisions, eq(planValueRevisions.id, planReportedValues.openRevisionId))
    .where(and(planId ? eq(planReportedValues.planId, planId) : undefined, isNotNull(planReportedValues.openRevisionId), scopeWhere(caller.scope, planReportedValues)))
    .orderBy(asc(planReportedValues.planId), desc(planReportedValues.year), asc(planReportedValues.regionCode))
    .limit(2000);
  const plansById = new Map<string, TPlan>();
  const out: ValueView[] = [];
  const byPlan = new Map<string, ValueRow[]>();
  for (const r of rows) {
    const list = byPlan.get(r.header.planId) ?? [];
    list.push(r.header);
    byPlan.set(r.header.planId, list);
  }
  for (const [pid, headers] of byPlan) {
    if (!plansById.has(pid)) plansById.set(pid, (await getPlan(db, pid)).plan);
    for (const v of await withRevisions(ctx, plansById.get(pid)!, headers)) {
      // Submitting waits on the reporter of that region, not on everyone whose scope covers it.
      const mine = v.regionCode === caller.regionCode || v.open?.createdByName === (caller.displayName || caller.username);
      if (v.actions.some((a) => a === 'review' || a === 'approve' || (a === 'submit' && mine))) out.push(v);
    }
  }
  return out;
}

/** The entry form of one region and year: every reported indicator of the plan, in table order. */
export async function valueForm(ctx: Ctx, planId: string, regionCode: string, year: number): Promise<z.infer<typeof ZValueForm>> {
  const { platform, caller } = ctx;
  assertRegionInScope(caller.scope, regionCode);
  const { plan } = await getPlan(platform.db, planId);
  if (year < plan.period.start || year > plan.period.end) {
    throw new AppError('VALIDATION', { zh: `年份 ${year} 不在规划期 ${plan.period.start}–${plan.period.end} 年内`, en: `year ${year} is outside the plan period ${plan.period.start}–${plan.period.end}` });
  }
  const headers = await platform.db
    .select()
    .from(planReportedValues)
    .where(and(eq(planReportedValues.planId, planId), eq(planReportedValues.regionCode, regionCode), eq(planReportedValues.year, year), scopeWhere(caller.scope, planReportedValues)));
  const views = await withRevisions(ctx, plan, headers);
  const byCode = new Map(views.map((v) => [v.indicatorCode, v]));
  const rows = allIndicators(plan)
    .filter(({ ind }) => ind.source === 'reported' && valueCodeOf(plan, ind) === ind.code)
    .map(({ group, ind }) => ({
      groupKey: group.key,
      groupName: group.name,
      code: ind.code,
      row: ind.row ?? null,
      name: ind.name,
      unit: ind.unit,
      unitPrinted: ind.unitPrinted,
      target: ind.target.printed,
      value: byCode.get(ind.code) ?? null,
    }));
  return { planId, regionCode, regionName: platform.regions.name(regionCode), year, rows };
}

// ---------------------------------------------------------------------------------------
// For the evaluation: approved figures only

export type ApprovedFigure = { valueId: number; indicatorCode: string; regionCode: string; year: number; value: number; revision: RevisionRow };

/**
 * Approved figures of the given indicators, regions and years. Approved figures are the
 * published statistics of the plan, so the evaluation reads them as system work; which
 * regions a caller may see is decided by the evaluation service.
 */
export async function approvedFigures(db: Db, planId: string, codes: string[], regions: string[], years: number[]): Promise<ApprovedFigure[]> {
  if (!codes.length || !regions.length || !years.length) return [];
  const rows = await db
    .select({ header: planReportedValues, revision: planValueRevisions })
    .from(planReportedValues)
    .innerJoin(planValueRevisions, eq(planValueRevisions.id, planReportedValues.approvedRevisionId))
    .where(
      and(
        eq(planReportedValues.planId, planId),
        inArray(planReportedValues.indicatorCode, codes),
        inArray(planReportedValues.regionCode, regions),
        inArray(planReportedValues.year, years),
        systemScope(),
      ),
    );
  return rows.map((r) => ({ valueId: r.header.id, indicatorCode: r.header.indicatorCode, regionCode: r.header.regionCode, year: r.header.year, value: r.revision.value, revision: r.revision }));
}

export { revisionView };
