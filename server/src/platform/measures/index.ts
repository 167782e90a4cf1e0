// The measure registry: how modules contribute figures to plan indicators without the plan
// engine knowing their tables. A module registers a measure (in its measures.ts, from its
// index.ts); the engine (modules/plan) evaluates the SQL, rolls the rows up the region tree
// and caches the results with their freshness time.
//
// Rules for a measure's SQL:
// - returns one row per (region_code, period) at the finest region the records carry
//   (township or county); the engine sums up the tree, never averages;
// - `count` measures return `value`; `ratio` measures return `numerator` and `denominator`
//   (the engine computes ratio of sums at every level: 城镇登记失业率 = Σ unemployed ÷ Σ (employed + unemployed));
// - `period` is the calendar year (integer); a `flow` measure counts events in that year,
//   a `stock` measure counts what stands at that year's end;
// - it runs as system work over every region, so it carries the `/*scope:system*/` marker
//   (use `systemScope()` from platform/scope in the WHERE clause); scoping happens when
//   figures and records are shown to a caller.
import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../scope';

export type MeasureKind = 'count' | 'ratio';

/**
 * The rows a refresh of one region needs: codes between `prefix` and `prefix999…` (codes are
 * digits) and the codes in `extra` (retired codes restated into the region).
 */
export type MeasureRegions = { prefix: string; extra: readonly string[] };

/** The years asked and, for a refresh of one region, that region's codes. */
export type MeasureRange = { fromYear: number; toYear: number; regions?: MeasureRegions };

/**
 * `column` within the regions a refresh asks for; `true` when every region is asked. The engine
 * filters a measure's result rows on region_code itself, and PostgreSQL pushes that filter into
 * a query grouped by region_code; a measure whose result it cannot reach (a full join of two
 * parts, a CTE read twice) puts this condition into each part so that a county's refresh reads
 * only the county's records.
 */
export function inMeasureRegions(range: MeasureRange, column: SQL.Aliased | SQL | { getSQL(): SQL }): SQL {
  const r = range.regions;
  if (!r) return sql`true`;
  const extra = r.extra.length ? sql` or ${column} in (${sql.join(r.extra.map((c) => sql`${c}`), sql`, `)})` : sql``;
  return sql`(${column} between ${r.prefix} and ${`${r.prefix}${'9'.repeat(12)}`}${extra})`;
}
export type MeasureTime = 'flow' | 'stock';

export type MeasureDef = {
  /** `<module>.<camelName>`, e.g. `employment.newUrbanJobs`; plan YAML `source` names it. */
  key: string;
  name: { zh: string; en: string };
  /** Unit of the values the SQL returns: '人', '人次', '户', '元', '%'… (ratios: the engine multiplies by 100 when unit is '%'). */
  unit: string;
  kind: MeasureKind;
  time: MeasureTime;
  /**
   * Rows (region_code text, period int, value numeric) or (region_code, period, numerator,
   * denominator) for years in [fromYear, toYear]. With `range.regions` (a refresh of one region)
   * it may leave out other regions' rows (`inMeasureRegions`); the engine drops them anyway.
   */
  sql(range: MeasureRange): SQL;
  /**
   * The records behind one figure, for drill-down: a scoped query listing the rows that were
   * counted for these regions and this year (at most `limit`). Columns are free; include an
   * `id` and a human label. Must use `scopeWhere(scope, table)` on its scoped tables.
   */
  records?(args: { scope: Scope; regionCodes: string[]; year: number; limit: number; offset: number }): SQL;
  /** Plain-language definition shown beside the figure (口径). */
  definition: { zh: string; en: string };
};

const registry = new Map<string, MeasureDef>();

export function registerMeasure(def: MeasureDef): void {
  if (!/^[a-z]+\.[a-zA-Z0-9]+$/.test(def.key)) throw new Error(`bad measure key ${def.key}`);
  registry.set(def.key, def);
}

export function getMeasure(key: string): MeasureDef | undefined {
  return registry.get(key);
}

export function allMeasures(): MeasureDef[] {
  return [...registry.values()];
}

/** A measure row as the SQL returns it (numbers may arrive as strings from PostgreSQL). */
export type MeasureRow = { region_code: string; period: number | string; value?: number | string | null; numerator?: number | string | null; denominator?: number | string | null };
