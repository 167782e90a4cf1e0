// Unemployment-risk warning (失业风险预警, 专栏3.6). Rules are versioned data: a change writes
// a new version and warnings name the version that raised them. Thresholds can differ per
// region (a county or city code → params; the nearest one up the tree wins). A scheduled job
// evaluates the active rules per county; each warning carries its evidence (figures and the
// records behind them), can be taken by an owner, and keeps follow-up records.
//
// Rules:
// - unemployed_growth: registered urban unemployed now vs windowDays ago; warn when the stock
//   is at least minCount and grew by `growth` (yellow), 2× (orange) or 3× (red).
// - layoff_reports: planned layoffs of open reports with a planned date within windowDays
//   before or after today; warn when their sum reaches `planned` (yellow, 2× orange, 3× red)
//   or any single report reaches `single` (at least yellow).
// - contribution_stops: employers whose insured staff (declared contributions, from the
//   insurance module) fell from the month before to the last full month by at least
//   `minStopped` people and `minShare` of their staff; per county, warn when such employers
//   exist, graded by their stopped staff against minStopped (1× yellow, 2× orange, 3× red).
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Caller } from '../../platform/auth/service';
import { rows, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { assertRegionInScope, regionFilter, regionInScope, scopeWhere, systemScope } from '../../platform/scope';
import { employers, persons } from '../registry';
import { addDays, chinaToday } from './codes';
import { fail, type Ctx } from './context';
import { layoffReports, unemploymentRegistrations, unemploymentWarningFollowups, unemploymentWarningRules, unemploymentWarnings } from './schema';
import type { WarningEvidence } from './types';
import type { ContributionDrop } from '../insurance';

export type RuleKey = 'unemployed_growth' | 'layoff_reports' | 'contribution_stops';
type Level = 'yellow' | 'orange' | 'red';

export const DEFAULT_RULES: { key: RuleKey; name: string; params: Record<string, number> }[] = [
  { key: 'unemployed_growth', name: '登记失业人数增长预警', params: { windowDays: 30, growth: 0.2, minCount: 10 } },
  { key: 'layoff_reports', name: '规模性裁员预警', params: { windowDays: 30, planned: 100, single: 50 } },
  { key: 'contribution_stops', name: '单位集中停缴预警', params: { minStopped: 10, minShare: 0.3 } },
];

const PARAM_KEYS: Record<RuleKey, string[]> = { unemployed_growth: ['windowDays', 'growth', 'minCount'], layoff_reports: ['windowDays', 'planned', 'single'], contribution_stops: ['minStopped', 'minShare'] };
/** Parameters that are shares (0–1]. */
const SHARE_KEYS = new Set(['minShare']);

export function checkRuleParams(key: RuleKey, params: Record<string, number>, field = 'params'): string[] {
  const problems: string[] = [];
  for (const k of Object.keys(params)) if (!PARAM_KEYS[key].includes(k)) problems.push(`${field}.${k}`);
  for (const k of PARAM_KEYS[key]) {
    const v = params[k];
    if (v !== undefined && (!Number.isFinite(v) || v <= 0 || (SHARE_KEYS.has(k) && v > 1))) problems.push(`${field}.${k}`);
  }
  return problems;
}

/** Thresholds for a region: the rule's defaults overridden by the nearest region entry up the tree. */
export function paramsFor(rule: { params: Record<string, number>; regionParams: Record<string, Record<string, number>> }, path: readonly string[]): Record<string, number> {
  let out = { ...rule.params };
  for (const code of path) if (rule.regionParams[code]) out = { ...out, ...rule.regionParams[code] };
  return out;
}

export function levelOf(value: number, threshold: number): Level | null {
  // A hair of tolerance: 0.6 must reach 3 × 0.2 although 3 × 0.2 is 0.6000000000000001 in floating point.
  const reaches = (k: number) => value >= k * threshold * (1 - 1e-9);
  if (!(threshold > 0) || !reaches(1)) return null;
  return reaches(3) ? 'red' : reaches(2) ? 'orange' : 'yellow';
}

/** Pure: the unemployed-growth level from the stock now and before. */
export function growthLevel(now: number, before: number, p: Record<string, number>): { level: Level | null; growth: number } {
  if (now < p.minCount) return { level: null, growth: before > 0 ? (now - before) / before : 0 };
  const growth = before > 0 ? (now - before) / before : Number.POSITIVE_INFINITY;
  return { level: growth === Number.POSITIVE_INFINITY ? 'red' : levelOf(growth, p.growth), growth };
}

/** Pure: the layoff level from the planned counts of the reports in the window. */
export function layoffLevel(counts: readonly number[], p: Record<string, number>): Level | null {
  const sum = counts.reduce((a, b) => a + b, 0);
  const bySum = levelOf(sum, p.planned);
  const bySingle = counts.some((c) => c >= p.single) ? 'yellow' : null;
  const rank = { yellow: 1, orange: 2, red: 3 } as const;
  if (!bySum) return bySingle;
  if (!bySingle) return bySum;
  return rank[bySum] >= rank[bySingle] ? bySum : bySingle;
}

/** Pure: the employers whose drop reaches both thresholds, and the level of their stopped staff together. */
export function stopLevel<T extends Pick<ContributionDrop, 'stopped' | 'share'>>(drops: readonly T[], p: Record<string, number>): { level: Level | null; counted: T[]; stopped: number } {
  const counted = drops.filter((d) => d.stopped >= p.minStopped && d.share >= p.minShare * (1 - 1e-9));
  const stopped = counted.reduce((a, d) => a + d.stopped, 0);
  return { level: counted.length ? levelOf(stopped, p.minStopped) : null, counted, stopped };
}

/** `YYYY-MM-01` of the month before `today`'s: the last full fee month (费款所属期). */
export function lastFullMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
}

/**
 * Staff drops by employer from the insurance module's ledger. Loaded on use, through its
 * index: insurance depends on employment (modules.ts order), so a static import would be a cycle.
 */
async function contributionDrops(platform: Platform, opts: { month: string; minStopped: number; minShare: number }): Promise<ContributionDrop[]> {
  const insurance = await import('../insurance');
  return insurance.employerContributionDrops(platform, opts);
}

// ---- rules ---------------------------------------------------------------------------

export async function ensureDefaultRules(db: Db): Promise<void> {
  for (const r of DEFAULT_RULES) {
    await db.insert(unemploymentWarningRules).values({ key: r.key, version: 1, name: r.name, params: r.params, regionParams: {}, active: true }).onConflictDoNothing();
  }
}

export async function activeRules(db: Db) {
  return db.select().from(unemploymentWarningRules).where(eq(unemploymentWarningRules.active, true)).orderBy(unemploymentWarningRules.key);
}

export async function listRules(db: Db) {
  await ensureDefaultRules(db);
  return db.select().from(unemploymentWarningRules).orderBy(unemploymentWarningRules.key, desc(unemploymentWarningRules.version));
}

/**
 * A new version of a rule; the previous versions stop being evaluated. Region thresholds are
 * merged into the current ones (an empty object removes a region's override). The defaults are
 * province-wide: only a caller whose scope covers the province may change them; a county may set
 * thresholds for regions inside its scope.
 */
export async function newRuleVersion(ctx: Ctx, input: { key: RuleKey; name?: string; params: Record<string, number>; regionParams: Record<string, Record<string, number>> }) {
  const { platform } = ctx;
  await ensureDefaultRules(platform.db);
  const province = platform.regions.rows().find((r) => r.parentCode === null)?.code ?? '460000';
  if (Object.keys(input.params).length && !regionInScope(ctx.caller.scope, province)) {
    throw new AppError('OUT_OF_SCOPE', { zh: '规则的默认阈值全省通用，只能由省级用户修改；请按地区设置阈值', en: 'Default thresholds apply to the whole province; set thresholds for your regions instead' });
  }
  const bad = checkRuleParams(input.key, input.params);
  for (const [code, p] of Object.entries(input.regionParams)) {
    if (!platform.regions.index.isCurrent(code)) bad.push(`regionParams.${code}`);
    else assertRegionInScope(ctx.caller.scope, code);
    bad.push(...checkRuleParams(input.key, p, `regionParams.${code}`));
  }
  if (bad.length) fail(bad.map((f) => ({ field: f, zh: `阈值 ${f} 无效（须为正数，且为该规则的参数）`, en: `threshold ${f} is invalid (a positive number, and a parameter of this rule)` })));
  return platform.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(unemploymentWarningRules).where(eq(unemploymentWarningRules.key, input.key)).orderBy(desc(unemploymentWarningRules.version)).limit(1);
    const params = { ...(cur?.params ?? {}), ...input.params };
    const regionParams: Record<string, Record<string, number>> = { ...(cur?.regionParams ?? {}) };
    for (const [code, p] of Object.entries(input.regionParams)) {
      if (Object.keys(p).length) regionParams[code] = p;
      else delete regionParams[code];
    }
    const name = input.name ?? cur?.name ?? input.key;
    if (cur && JSON.stringify(params) === JSON.stringify(cur.params) && JSON.stringify(regionParams) === JSON.stringify(cur.regionParams) && name === cur.name) {
      fail([{ field: 'params', zh: '与当前版本相同，未发布新版本', en: 'the same as the current version; nothing to publish' }]);
    }
    await tx.update(unemploymentWarningRules).set({ active: false }).where(eq(unemploymentWarningRules.key, input.key));
    const [row] = await tx
      .insert(unemploymentWarningRules)
      .values({ key: input.key, version: (cur?.version ?? 0) + 1, name, params, regionParams, active: true, createdBy: ctx.caller.userId })
      .returning();
    return row;
  });
}

// ---- evaluation (system work, scheduled) ----------------------------------------------

type Finding = { ruleId: number; ruleKey: RuleKey; ruleVersion: number; regionCode: string; level: Level; evidence: WarningEvidence };

function countyOf(platform: Platform, code: string): string {
  const ix = platform.regions.index;
  const c = ix.resolveCurrent(code) ?? code;
  return ix.countyOf(c) ?? ix.planUnitOf(c) ?? c;
}

export async function findRisks(platform: Platform, today = chinaToday()): Promise<Finding[]> {
  const db = platform.db;
  await ensureDefaultRules(db);
  const rules = await activeRules(db);
  const out: Finding[] = [];
  for (const rule of rules) {
    const key = rule.key as RuleKey;
    const pathOf = (county: string) => platform.regions.index.path(county);
    if (key === 'unemployed_growth') {
      // The window may differ per region: one pass per distinct window; the current stock is the same in each.
      const windows = [...new Set([rule.params.windowDays, ...Object.values(rule.regionParams).map((p) => p.windowDays).filter((x): x is number => !!x)])];
      const nowBy = new Map<string, number>();
      const beforeBy = new Map<string, Map<number, number>>();
      for (const [i, w] of windows.entries()) {
        const before = addDays(today, -w);
        const r = await rows<{ region_code: string; now: number; before: number }>(db, sql`
          select ${unemploymentRegistrations.regionCode} as region_code,
            count(*) filter (where ${unemploymentRegistrations.registeredOn} <= ${today} and (${unemploymentRegistrations.closedOn} is null or ${unemploymentRegistrations.closedOn} > ${today}))::int as now,
            count(*) filter (where ${unemploymentRegistrations.registeredOn} <= ${before} and (${unemploymentRegistrations.closedOn} is null or ${unemploymentRegistrations.closedOn} > ${before}))::int as before
          from ${unemploymentRegistrations} where ${unemploymentRegistrations.urban} and ${systemScope()} group by 1`);
        for (const x of r) {
          const c = countyOf(platform, x.region_code);
          if (i === 0) nowBy.set(c, (nowBy.get(c) ?? 0) + Number(x.now));
          const m = beforeBy.get(c) ?? new Map<number, number>();
          m.set(w, (m.get(w) ?? 0) + Number(x.before));
          beforeBy.set(c, m);
        }
      }
      for (const [county, now] of nowBy) {
        const s = { now };
        const p = paramsFor(rule, pathOf(county));
        const before = beforeBy.get(county)?.get(p.windowDays) ?? 0;
        const g = growthLevel(s.now, before, p);
        if (!g.level) continue;
        const recent = await db
          .select({ id: unemploymentRegistrations.id, name: persons.name, on: unemploymentRegistrations.registeredOn })
          .from(unemploymentRegistrations)
          .innerJoin(persons, eq(persons.id, unemploymentRegistrations.personId))
          .where(and(inArray(unemploymentRegistrations.regionCode, platform.regions.expand(county)), sql`${unemploymentRegistrations.registeredOn} > ${addDays(today, -p.windowDays)}`, systemScope()))
          .orderBy(desc(unemploymentRegistrations.registeredOn))
          .limit(20);
        const pct = g.growth === Number.POSITIVE_INFINITY ? '∞' : `${Math.round(g.growth * 100)}%`;
        out.push({
          ruleId: rule.id,
          ruleKey: key,
          ruleVersion: rule.version,
          regionCode: county,
          level: g.level,
          evidence: {
            summary: {
              zh: `${platform.regions.name(county)}登记失业人数 ${p.windowDays} 天内由 ${before} 人增至 ${s.now} 人（增长 ${pct}，阈值 ${Math.round(p.growth * 100)}%）`,
              en: `registered unemployed in ${county} rose from ${before} to ${s.now} in ${p.windowDays} days (${pct}; threshold ${Math.round(p.growth * 100)}%)`,
            },
            figures: { now: s.now, before, growth: Number.isFinite(g.growth) ? Math.round(g.growth * 1000) / 1000 : -1, threshold: p.growth, windowDays: p.windowDays, minCount: p.minCount },
            records: recent.map((r) => ({ type: 'unemployment_registration', id: r.id, label: `${r.name} ${r.on}` })),
          },
        });
      }
    } else if (key === 'layoff_reports') {
      const widest = Math.max(rule.params.windowDays, ...Object.values(rule.regionParams).map((p) => p.windowDays ?? 0));
      const reports = await db
        .select({ id: layoffReports.id, regionCode: layoffReports.regionCode, plannedDate: layoffReports.plannedDate, plannedCount: layoffReports.plannedCount, employerName: employers.name })
        .from(layoffReports)
        .innerJoin(employers, eq(employers.id, layoffReports.employerId))
        .where(and(ne(layoffReports.status, 'closed'), sql`${layoffReports.plannedDate} between ${addDays(today, -widest)} and ${addDays(today, widest)}`, systemScope()));
      const byCounty = new Map<string, typeof reports>();
      for (const r of reports) {
        const c = countyOf(platform, r.regionCode);
        byCounty.set(c, [...(byCounty.get(c) ?? []), r]);
      }
      for (const [county, list] of byCounty) {
        const p = paramsFor(rule, pathOf(county));
        const inWindow = list.filter((r) => r.plannedDate >= addDays(today, -p.windowDays) && r.plannedDate <= addDays(today, p.windowDays));
        const level = layoffLevel(inWindow.map((r) => r.plannedCount), p);
        if (!level) continue;
        const sum = inWindow.reduce((a, r) => a + r.plannedCount, 0);
        out.push({
          ruleId: rule.id,
          ruleKey: key,
          ruleVersion: rule.version,
          regionCode: county,
          level,
          evidence: {
            summary: {
              zh: `${platform.regions.name(county)} ${inWindow.length} 家单位报告计划裁员共 ${sum} 人（阈值 ${p.planned} 人，单家 ${p.single} 人）`,
              en: `${inWindow.length} employers in ${county} report ${sum} planned layoffs (threshold ${p.planned}; single report ${p.single})`,
            },
            figures: { reports: inWindow.length, planned: sum, threshold: p.planned, single: p.single, windowDays: p.windowDays },
            records: inWindow.map((r) => ({ type: 'layoff_report', id: r.id, label: `${r.employerName} ${r.plannedCount}人 ${r.plannedDate}` })),
          },
        });
      }
    } else if (key === 'contribution_stops') {
      // Ask the ledger once with the loosest thresholds of any region, then apply each county's own.
      const all = [rule.params, ...Object.values(rule.regionParams)];
      const loosest = (k: string) => Math.min(...all.map((p) => p[k]).filter((x): x is number => Number.isFinite(x)));
      const month = lastFullMonth(today);
      const drops = await contributionDrops(platform, { month, minStopped: loosest('minStopped'), minShare: loosest('minShare') });
      const byCounty = new Map<string, ContributionDrop[]>();
      for (const d of drops) {
        const c = countyOf(platform, d.regionCode);
        byCounty.set(c, [...(byCounty.get(c) ?? []), d]);
      }
      const names = new Map<number, string>();
      if (drops.length) {
        const found = await db.select({ id: employers.id, name: employers.name }).from(employers).where(and(inArray(employers.id, drops.map((d) => d.employerId)), systemScope()));
        for (const e of found) names.set(e.id, e.name);
      }
      for (const [county, list] of byCounty) {
        const p = paramsFor(rule, pathOf(county));
        const s = stopLevel(list, p);
        if (!s.level) continue;
        const previous = s.counted.reduce((a, d) => a + d.previous, 0);
        const m = month.slice(0, 7);
        out.push({
          ruleId: rule.id,
          ruleKey: key,
          ruleVersion: rule.version,
          regionCode: county,
          level: s.level,
          evidence: {
            summary: {
              zh: `${platform.regions.name(county)} ${s.counted.length} 家单位 ${m} 月参保缴费职工较上月减少共 ${s.stopped} 人（阈值：单家 ${p.minStopped} 人且 ${Math.round(p.minShare * 100)}%）`,
              en: `${s.counted.length} employers in ${county} declared ${s.stopped} fewer insured staff in ${m} than the month before (threshold ${p.minStopped} people and ${Math.round(p.minShare * 100)}% per employer)`,
            },
            figures: { employers: s.counted.length, previous, stopped: s.stopped, minStopped: p.minStopped, minShare: p.minShare },
            records: s.counted.map((d) => {
              const name = names.get(d.employerId) ?? `#${d.employerId}`;
              return {
                type: 'employer',
                id: d.employerId,
                label: `${name} ${d.month} 缴费职工 ${d.previous}→${d.continuing} 人（停缴 ${d.stopped} 人，${Math.round(d.share * 100)}%）`,
                details: { employer: name, month: d.month, before: d.previous, after: d.continuing, stopped: d.stopped, share: d.share },
              };
            }),
          },
        });
      }
    }
  }
  return out;
}

/**
 * Evaluates every active rule and records the findings: a new warning, or an update of the
 * open warning of the same rule and county (escalating its level and refreshing its evidence).
 */
export async function evaluateWarnings(platform: Platform, today = chinaToday(), opts: { within?: string } = {}): Promise<{ created: number; updated: number }> {
  const all = await findRisks(platform, today);
  // On request from a user, only the user's region is recorded; the nightly job records all.
  const findings = opts.within ? all.filter((f) => platform.regions.index.isWithin(f.regionCode, opts.within!) || platform.regions.index.isWithin(opts.within!, f.regionCode)) : all;
  let created = 0;
  let updated = 0;
  const w = unemploymentWarnings;
  for (const f of findings) {
    const [open] = await platform.db
      .select()
      .from(w)
      .where(and(eq(w.ruleKey, f.ruleKey), eq(w.regionCode, f.regionCode), ne(w.status, 'closed'), systemScope()));
    if (open) {
      await platform.db
        .update(w)
        .set({ level: f.level, evidence: f.evidence, ruleId: f.ruleId, ruleVersion: f.ruleVersion, asOf: today, updatedAt: new Date(), version: open.version + 1 })
        .where(and(eq(w.id, open.id), systemScope()));
      await platform.db.insert(unemploymentWarningFollowups).values({ warningId: open.id, regionCode: open.regionCode, actorId: null, actorName: 'system', action: 'note', note: `${today} 复评：${f.level}。${f.evidence.summary.zh}` });
      updated++;
    } else {
      const [row] = await platform.db.insert(w).values({ ...f, asOf: today }).onConflictDoNothing().returning({ id: w.id });
      if (row) created++;
    }
  }
  await platform.audit(null, { actorId: null, actorName: 'system', action: 'employment.warning.evaluate', targetType: 'warning', outcome: 'success', detail: { created, updated, asOf: today, within: opts.within ?? null } });
  return { created, updated };
}

// ---- warnings as staff see them ----------------------------------------------------------

export async function listWarnings(ctx: Ctx, q: { regionCode?: string; status?: 'open' | 'acknowledged' | 'closed'; page: number; pageSize: number }) {
  const w = unemploymentWarnings;
  const where = and(scopeWhere(ctx.caller.scope, w), regionFilter(ctx.caller.scope, q.regionCode, w.regionCode, ctx.platform.regions.expand), q.status ? eq(w.status, q.status) : undefined)!;
  const [items, [{ total }]] = await Promise.all([
    ctx.platform.db.select().from(w).where(where).orderBy(desc(w.updatedAt), desc(w.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.platform.db.select({ total: sql<number>`count(*)::int` }).from(w).where(where),
  ]);
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function getWarning(ctx: Ctx, id: number) {
  const [r] = await ctx.platform.db.select().from(unemploymentWarnings).where(and(eq(unemploymentWarnings.id, id), scopeWhere(ctx.caller.scope, unemploymentWarnings)));
  if (!r) throw new AppError('NOT_FOUND');
  const followups = await ctx.platform.db
    .select()
    .from(unemploymentWarningFollowups)
    .where(and(eq(unemploymentWarningFollowups.warningId, id), scopeWhere(ctx.caller.scope, unemploymentWarningFollowups)))
    .orderBy(desc(unemploymentWarningFollowups.at), desc(unemploymentWarningFollowups.id));
  return { ...r, followups };
}

export type FollowupAction = 'note' | 'assign' | 'acknowledge' | 'close' | 'reopen';

/** A follow-up: a note, taking ownership, acknowledging, closing or reopening. */
export async function followUpWarning(ctx: Ctx, id: number, input: { action: FollowupAction; note: string; version: number }, caller: Caller = ctx.caller) {
  const before = await getWarning(ctx, id);
  if (!input.note.trim()) fail([{ field: 'note', zh: '请填写跟进说明', en: 'a note is required' }]);
  const next: Partial<typeof unemploymentWarnings.$inferInsert> = {};
  switch (input.action) {
    case 'note':
      break;
    case 'assign':
      next.ownerId = caller.userId;
      next.ownerName = caller.displayName || caller.username;
      break;
    case 'acknowledge':
      if (before.status !== 'open') throw new AppError('INVALID_STATE', { zh: '只有未处理的预警可以确认', en: 'only an open warning can be acknowledged' });
      next.status = 'acknowledged';
      next.ownerId = before.ownerId ?? caller.userId;
      next.ownerName = before.ownerName ?? (caller.displayName || caller.username);
      break;
    case 'close':
      if (before.status === 'closed') throw new AppError('INVALID_STATE', { zh: '预警已关闭', en: 'already closed' });
      next.status = 'closed';
      break;
    case 'reopen':
      if (before.status !== 'closed') throw new AppError('INVALID_STATE', { zh: '预警未关闭', en: 'not closed' });
      next.status = 'open';
      break;
  }
  return ctx.platform.db.transaction(async (tx) => {
    const [row] = await tx
      .update(unemploymentWarnings)
      .set({ ...next, updatedAt: new Date(), version: before.version + 1 })
      .where(and(eq(unemploymentWarnings.id, id), eq(unemploymentWarnings.version, input.version), scopeWhere(ctx.caller.scope, unemploymentWarnings)))
      .returning();
    if (!row) throw new AppError('STALE_VERSION');
    await tx.insert(unemploymentWarningFollowups).values({ warningId: id, regionCode: row.regionCode, actorId: caller.userId, actorName: caller.displayName || caller.username, action: input.action, note: input.note.trim() });
    return row;
  });
}

