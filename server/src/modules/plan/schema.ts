// Plans, their indicators and targets, reported values with revisions and approval, the
// measure-results cache and published snapshots (规划实施监测评估).
//
// A plan is data: `plans` holds its header and the YAML it came from; groups and indicators
// are rows (the indicator's full definition, quote and notes included, is kept as `spec`).
// Reported values are scoped (region_code): a county enters its own figures, the city
// reviews, the province approves. The cache and snapshots hold aggregates, not people.
import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TIndicator } from './plan-schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type PlanStatus = 'draft' | 'active';

export const plans = pgTable('plans', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  titleEn: text('title_en'),
  /** GB/T 2260 code of the region the plan is for (460000). */
  regionCode: text('region_code').notNull(),
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  baseYear: integer('base_year').notNull(),
  /** draft: made by "new plan from this one" and not yet adopted; active: in force or finished. */
  status: text('status').$type<PlanStatus>().notNull().default('active'),
  /** The plan file as imported (reference/plans/*.yaml or an upload); re-parsed on edit. */
  yaml: text('yaml').notNull(),
  /** Source file and table as the YAML names them; notes printed under the table. */
  source: jsonb('source').$type<{ file: string; table?: string }>().notNull(),
  notes: jsonb('notes').$type<string[]>().notNull(),
  /** The plan this one was started from ("new plan from this one"). */
  derivedFrom: text('derived_from'),
  createdBy: integer('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const planGroups = pgTable(
  'plan_groups',
  {
    planId: text('plan_id').notNull(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    section: text('section').$type<'table' | 'text'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.key] })],
);

export const planIndicators = pgTable(
  'plan_indicators',
  {
    planId: text('plan_id').notNull(),
    code: text('code').notNull(),
    groupKey: text('group_key').notNull(),
    position: integer('position').notNull(),
    row: integer('row'),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    unitPrinted: text('unit_printed').notNull(),
    targetKind: text('target_kind').notNull(),
    comparator: text('comparator').notNull(),
    attribute: text('attribute'),
    /** `reported` or a measure key. */
    source: text('source').notNull(),
    /** The indicator exactly as the plan file gives it (target, baseline, quote, notes, links). */
    spec: jsonb('spec').$type<TIndicator>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.code] }), index('plan_indicators_source_idx').on(t.source)],
);

/** A province target broken down for a city or county (the comparator is the plan's). */
export const planRegionTargets = pgTable(
  'plan_region_targets',
  {
    planId: text('plan_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    regionCode: text('region_code').notNull(),
    /** Bound of a `>=`/`>`/`<=`/`<` target; for a range, min and max. */
    value: doublePrecision('value'),
    min: doublePrecision('min'),
    max: doublePrecision('max'),
    /** The region's base-year figure, when known; else the engine uses the measure's base year. */
    baselineValue: doublePrecision('baseline_value'),
    note: text('note'),
    setBy: integer('set_by'),
    setByName: text('set_by_name').notNull(),
    setAt: ts('set_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.indicatorCode, t.regionCode] })],
);

/**
 * Overrides of the annual milestones. Milestones are derived from the target (the even pace
 * of a five-year sum; the straight path from baseline to target); a row here replaces the
 * derived one for that year, with who and why.
 */
export const planMilestones = pgTable(
  'plan_milestones',
  {
    planId: text('plan_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    reason: text('reason').notNull(),
    setBy: integer('set_by'),
    setByName: text('set_by_name').notNull(),
    setAt: ts('set_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.indicatorCode, t.regionCode, t.year] })],
);

/** One reported figure: plan × indicator × region × year. Its revisions hold the values. */
export const planReportedValues = pgTable(
  'plan_reported_values',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    planId: text('plan_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    /** The approved (effective) revision; null until a first approval. */
    approvedRevisionId: bigint('approved_revision_id', { mode: 'number' }),
    approvedValue: doublePrecision('approved_value'),
    /** The revision being worked on (draft … reviewed); null when none is open. */
    openRevisionId: bigint('open_revision_id', { mode: 'number' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('plan_reported_values_key_idx').on(t.planId, t.indicatorCode, t.regionCode, t.year),
    index('plan_reported_values_region_idx').on(t.regionCode),
  ],
);

export type RevisionStatus = 'draft' | 'submitted' | 'reviewed' | 'returned' | 'approved' | 'superseded';

export type RevisionEvent = {
  at: string;
  actorId: number | null;
  actorName: string;
  action: 'create' | 'edit' | 'submit' | 'review' | 'approve' | 'return' | 'supersede' | 'import';
  from: RevisionStatus | null;
  to: RevisionStatus;
  value?: number;
  reason?: string;
};

/** A revision of a reported value. Approved revisions are never changed again. */
export const planValueRevisions = pgTable(
  'plan_value_revisions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    valueId: bigint('value_id', { mode: 'number' }).notNull(),
    /** Copied from the value, so the scope guard applies to revisions too. */
    regionCode: text('region_code').notNull(),
    revision: integer('revision').notNull(),
    value: doublePrecision('value').notNull(),
    status: text('status').$type<RevisionStatus>().notNull(),
    /** Why this revision exists: required for a correction of an approved value. */
    reason: text('reason'),
    note: text('note'),
    createdBy: integer('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    submittedBy: text('submitted_by'),
    submittedAt: ts('submitted_at'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    approvedBy: text('approved_by'),
    approvedAt: ts('approved_at'),
    returnedBy: text('returned_by'),
    returnedAt: ts('returned_at'),
    returnReason: text('return_reason'),
    trail: jsonb('trail').$type<RevisionEvent[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    uniqueIndex('plan_value_revisions_rev_idx').on(t.valueId, t.revision),
    index('plan_value_revisions_status_idx').on(t.status),
    index('plan_value_revisions_region_idx').on(t.regionCode),
  ],
);

/** Measure results rolled up the region tree, with the time they were computed. */
export const planMeasureResults = pgTable(
  'plan_measure_results',
  {
    measureKey: text('measure_key').notNull(),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.measureKey, t.regionCode, t.year] })],
);

export type SnapshotKind = 'annual' | 'midterm' | 'final';

/** A frozen evaluation (年度通报, 中期评估, 总结评估): later revisions show as differences. */
export const planSnapshots = pgTable(
  'plan_snapshots',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    planId: text('plan_id').notNull(),
    kind: text('kind').$type<SnapshotKind>().notNull(),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    evaluation: jsonb('evaluation').notNull(),
    publishedBy: integer('published_by'),
    publishedByName: text('published_by_name').notNull(),
    publishedAt: ts('published_at').notNull().defaultNow(),
  },
  (t) => [index('plan_snapshots_plan_idx').on(t.planId, t.year)],
);
