// Plans as data: stored from their YAML (reference/plans at start-up, or an upload), read
// back parsed, and used to start the next five-year plan.
//
// The YAML is the plan's truth; `plan_groups` and `plan_indicators` are its queryable
// projection, rewritten whenever the plan is stored. Parsed plans are cached by version.
import { readdirSync, readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { stringify } from 'yaml';
import { AppError } from '../../platform/errors';
import type { Db } from '../../platform/db';
import { systemScope } from '../../platform/scope';
import { parsePlanYaml, ZPlanSchema, type TIndicator, type TPlan } from './plan-schema';
import { planGroups, planIndicators, planReportedValues, planValueRevisions, plans, type PlanStatus } from './schema';

export const referencePlansDir = new URL('../../../../reference/plans/', import.meta.url);

/** Ids the API uses as path words under /plans. */
const RESERVED_IDS = new Set(['inbox', 'import', 'measures', 'snapshots', 'values']);

export type PlanRecord = {
  id: string;
  status: PlanStatus;
  version: number;
  updatedAt: Date;
  createdAt: Date;
  derivedFrom: string | null;
  yaml: string;
  plan: TPlan;
};

// Parsed plans, reused while the stored YAML is unchanged (compared as text: two databases
// in one process may hold different plans under one id and version).
const parsed = new Map<string, { yaml: string; plan: TPlan }>();

function toRecord(row: typeof plans.$inferSelect): PlanRecord {
  let hit = parsed.get(row.id);
  if (!hit || hit.yaml !== row.yaml) {
    hit = { yaml: row.yaml, plan: parsePlanYaml(row.yaml) };
    parsed.set(row.id, hit);
  }
  return { id: row.id, status: row.status, version: row.version, updatedAt: row.updatedAt, createdAt: row.createdAt, derivedFrom: row.derivedFrom, yaml: row.yaml, plan: hit.plan };
}

export async function listPlans(db: Db): Promise<PlanRecord[]> {
  const rows = await db.select().from(plans).orderBy(asc(plans.periodStart), asc(plans.id));
  return rows.map(toRecord);
}

export async function getPlan(db: Db, id: string): Promise<PlanRecord> {
  const [row] = await db.select().from(plans).where(eq(plans.id, id));
  if (!row) throw new AppError('NOT_FOUND', { zh: `规划“${id}”不存在`, en: `No plan "${id}"` });
  return toRecord(row);
}

export function allIndicators(plan: TPlan): { group: TPlan['groups'][number]; ind: TIndicator }[] {
  return plan.groups.flatMap((group) => group.indicators.map((ind) => ({ group, ind })));
}

export function findIndicator(plan: TPlan, code: string): TIndicator {
  const found = allIndicators(plan).find((x) => x.ind.code === code)?.ind;
  if (!found) throw new AppError('NOT_FOUND', { zh: `规划 ${plan.id} 没有指标 ${code}`, en: `Plan ${plan.id} has no indicator ${code}` });
  return found;
}

/**
 * The code under which a reported indicator's values are kept: an indicator that restates or
 * relates to another reported one (14-T06 城镇调查失业率 → 14-02) shares its figures.
 */
export function valueCodeOf(plan: TPlan, ind: TIndicator): string {
  let cur = ind;
  for (let hop = 0; hop < 5; hop++) {
    const link = cur.sameAs ?? cur.relatedTo;
    if (!link) break;
    const next = allIndicators(plan).find((x) => x.ind.code === link)?.ind;
    if (!next || next.source !== ind.source) break;
    cur = next;
  }
  return cur.code;
}

export type StoreOptions = { createdBy: number | null; status?: PlanStatus; derivedFrom?: string | null; replace?: boolean; expectedVersion?: number };

/** Stores a parsed plan (create, or replace when allowed). Returns the stored record. */
export async function storePlan(db: Db, plan: TPlan, yaml: string, opts: StoreOptions): Promise<{ record: PlanRecord; created: boolean }> {
  if (RESERVED_IDS.has(plan.id)) throw new AppError('VALIDATION', { zh: `规划编号“${plan.id}”为保留字`, en: `"${plan.id}" is a reserved word and cannot be a plan id` });
  const created = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(plans).where(eq(plans.id, plan.id));
    if (existing && !opts.replace) {
      throw new AppError('DUPLICATE', { zh: `规划“${plan.id}”已存在；如需修改请选择覆盖`, en: `Plan "${plan.id}" exists; choose replace to edit it` });
    }
    if (existing && opts.expectedVersion !== undefined && existing.version !== opts.expectedVersion) throw new AppError('STALE_VERSION');
    const header = {
      title: plan.title,
      titleEn: plan.titleEn ?? null,
      regionCode: plan.region ?? '460000',
      periodStart: plan.period.start,
      periodEnd: plan.period.end,
      baseYear: plan.baseYear,
      yaml,
      source: plan.source,
      notes: plan.notes,
      updatedAt: new Date(),
    };
    if (existing) {
      await tx.update(plans).set({ ...header, version: existing.version + 1, ...(opts.status ? { status: opts.status } : {}) }).where(eq(plans.id, plan.id));
      await tx.delete(planIndicators).where(eq(planIndicators.planId, plan.id));
      await tx.delete(planGroups).where(eq(planGroups.planId, plan.id));
    } else {
      await tx.insert(plans).values({ id: plan.id, ...header, status: opts.status ?? 'active', derivedFrom: opts.derivedFrom ?? null, createdBy: opts.createdBy });
    }
    await tx.insert(planGroups).values(plan.groups.map((g, i) => ({ planId: plan.id, key: g.key, position: i, name: g.name, nameEn: g.nameEn ?? null, section: g.section })));
    let pos = 0;
    await tx.insert(planIndicators).values(
      plan.groups.flatMap((g) =>
        g.indicators.map((ind) => ({
          planId: plan.id,
          code: ind.code,
          groupKey: g.key,
          position: pos++,
          row: ind.row ?? null,
          name: ind.name,
          unit: ind.unit,
          unitPrinted: ind.unitPrinted,
          targetKind: ind.target.kind,
          comparator: ind.target.comparator,
          attribute: ind.attribute ?? null,
          source: ind.source,
          spec: ind,
        })),
      ),
    );
    if (!existing) await shipActuals(tx as unknown as Db, plan);
    return !existing;
  });
  return { record: await getPlan(db, plan.id), created };
}

/**
 * A finished plan's printed actual results (实际完成数) become approved values of the plan's
 * region in their year, so its final evaluation works from the first start.
 */
async function shipActuals(db: Db, plan: TPlan): Promise<void> {
  const region = plan.region ?? '460000';
  for (const { ind } of allIndicators(plan)) {
    if (ind.source !== 'reported' || !ind.actual || ind.actual.value === null) continue;
    const code = valueCodeOf(plan, ind);
    const reason = `规划文本所列实际完成数（${ind.actual.printed}）${ind.target.kind === 'cumulative' ? '，为规划期累计数' : ''}`;
    const now = new Date();
    const [v] = await db
      .insert(planReportedValues)
      .values({ planId: plan.id, indicatorCode: code, regionCode: region, year: ind.actual.year })
      .onConflictDoNothing()
      .returning();
    // Start-up seeding writes the scoped value tables as system work, not as a caller.
    if (!v) continue;
    const actor = `system (${plan.source.file})`;
    const [rev] = await db
      .insert(planValueRevisions)
      .values({
        valueId: v.id,
        regionCode: region,
        revision: 1,
        value: ind.actual.value,
        status: 'approved',
        reason,
        createdByName: actor,
        submittedBy: actor,
        submittedAt: now,
        reviewedBy: actor,
        reviewedAt: now,
        approvedBy: actor,
        approvedAt: now,
        trail: [{ at: now.toISOString(), actorId: null, actorName: actor, action: 'import', from: null, to: 'approved', value: ind.actual.value, reason }],
      })
      .returning();
    await db.update(planReportedValues).set({ approvedRevisionId: rev.id, approvedValue: ind.actual.value }).where(and(eq(planReportedValues.id, v.id), systemScope()));
  }
}

/** Parses and stores a YAML plan (create, or edit with `replace`). */
export async function importPlanYaml(db: Db, yaml: string, opts: StoreOptions) {
  const plan = parsePlanYaml(yaml);
  return storePlan(db, plan, yaml, opts);
}

/** Loads every plan under reference/plans that is not in the database yet (idempotent). */
export async function ensureReferencePlans(db: Db): Promise<string[]> {
  const files = readdirSync(referencePlansDir).filter((f) => f.endsWith('.yaml')).sort();
  const existing = new Set((await db.select({ id: plans.id }).from(plans)).map((r) => r.id));
  const loaded: string[] = [];
  for (const f of files) {
    const yaml = readFileSync(new URL(f, referencePlansDir), 'utf8');
    const plan = parsePlanYaml(yaml);
    if (existing.has(plan.id)) continue;
    try {
      await storePlan(db, plan, yaml, { createdBy: null });
      loaded.push(plan.id);
    } catch (e) {
      // Another process loaded it first (two servers starting on one database).
      if (!(e instanceof AppError && e.code === 'DUPLICATE')) throw e;
    }
  }
  return loaded;
}

// ---------------------------------------------------------------------------------------
// New plan from this one

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 十四 → 十五; 九 → 十; 十九 → 二十 (five-year plan ordinals). */
function nextOrdinal(cn: string): string | null {
  const value = (s: string): number | null => {
    if (s === '十') return 10;
    const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
    if (m) return (m[1] ? CN_DIGITS.indexOf(m[1]) : 1) * 10 + (m[2] ? CN_DIGITS.indexOf(m[2]) : 0);
    const d = CN_DIGITS.indexOf(s);
    return d > 0 ? d : null;
  };
  const n = value(cn);
  if (n === null) return null;
  const next = n + 1;
  if (next < 10) return CN_DIGITS[next];
  const tens = Math.floor(next / 10);
  const ones = next % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${CN_DIGITS[ones]}`;
}

export function nextPlanId(id: string): string {
  const m = /^(.*?)(\d+)$/.exec(id);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${id}-next`;
}

function nextTitle(title: string): string {
  const replaced = title.replace(/“([一二三四五六七八九十]+)五”/, (all, ord: string) => {
    const n = nextOrdinal(ord);
    return n ? `“${n}五”` : all;
  });
  return replaced === title ? `${title}（下一期）` : replaced;
}

function formatPrinted(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/**
 * The next five-year plan as a draft: the same groups and indicators, the period moved on,
 * the last plan's final year as base year, and each indicator's latest figure as its
 * baseline ("—" where there is none). Targets are carried over unchanged, to be revised.
 */
export function nextPlanFrom(prev: TPlan, latest: ReadonlyMap<string, number | null>, opts: { id?: string } = {}): TPlan {
  const len = prev.period.end - prev.period.start + 1;
  const start = prev.period.end + 1;
  const end = prev.period.end + len;
  const baseYear = prev.period.end;
  const oldPrefix = /^(\d{2})-/.exec(prev.groups[0]?.indicators[0]?.code ?? '')?.[1];
  const newPrefix = oldPrefix ? String(Number(oldPrefix) + 1).padStart(2, '0') : null;
  const recode = (code: string) => (oldPrefix && newPrefix && code.startsWith(`${oldPrefix}-`) ? `${newPrefix}-${code.slice(3)}` : code);
  const next: TPlan = {
    id: opts.id ?? nextPlanId(prev.id),
    title: nextTitle(prev.title),
    ...(prev.titleEn ? { titleEn: prev.titleEn.replace(/(\d+)(st|nd|rd|th) Five-Year Plan/, (_a, n: string) => `${Number(n) + 1}th Five-Year Plan`) } : {}),
    ...(prev.region ? { region: prev.region } : {}),
    period: { start, end },
    baseYear,
    source: { file: `plan:${prev.id}` },
    notes: [`由“${prev.title}”生成的草案：基数为 ${baseYear} 年最新数据，目标沿用上期，待修订。`],
    groups: prev.groups.map((g) => ({
      ...g,
      indicators: g.indicators.map((ind) => {
        const { actual: _actual, baseline: _baseline, target, sameAs, relatedTo, ...rest } = ind;
        const value = latest.get(ind.code) ?? null;
        const baseline = value === null ? { year: baseYear, value: null, printed: '—' } : { year: baseYear, value, printed: formatPrinted(value) };
        const { year: _y, fromYear: _f, ...targetRest } = target;
        // A target tied to a year inside the old period moves by the same offset.
        const moved = {
          ...targetRest,
          ...(target.year !== undefined ? { year: target.year + len } : {}),
          ...(target.fromYear !== undefined ? { fromYear: target.fromYear + len } : {}),
        } as typeof target;
        return {
          ...rest,
          code: recode(ind.code),
          ...(g.section === 'table' || ind.baseline ? { baseline } : {}),
          target: moved,
          ...(sameAs ? { sameAs: recode(sameAs) } : {}),
          ...(relatedTo ? { relatedTo: recode(relatedTo) } : {}),
          note: `目标沿用 ${prev.id} 的 ${ind.target.printed}，待修订`,
        };
      }),
    })),
  };
  return ZPlanSchema.parse(next);
}

export function planToYaml(plan: TPlan): string {
  return stringify(plan, { lineWidth: 0 });
}
