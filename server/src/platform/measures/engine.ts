// The measure engine: runs a measure's SQL for a range of years, rolls the rows up the region
// tree and keeps the results in a cache with the time they were computed.
//
// Roll-up rules (DESIGN.md, "The plan engine"):
// - a row counts in its own region and in every region above it (RegionIndex.path): township
//   → county → city or grouping (469000) → province;
// - `count` measures add values; `ratio` measures add numerators and denominators separately
//   and divide at each level (ratio of sums). Never an average of the regions' rates: a county
//   at 1/10 and one at 9/10 make 10/20 = 50%, not (10% + 90%) / 2 = 55%;
// - a retired code is restated on the current code that replaced it; an unknown code counts in
//   the nearest known region its digits name (county, then city), else in the root only, and
//   is reported as `unplaced`;
// - every current region gets a figure for every year computed (0 for counts, 0/0 → no value
//   for ratios), so a missing cache row always means "not computed", never "zero";
// - a year for which the SQL returned no row at all has no figures (value null everywhere):
//   no records are kept for it yet, which is not the same as a province-wide zero.
//
// The engine knows no module: the cache is handed in (the plan module keeps it in a table).
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { rows as queryRows, type Db } from '../db';
import type { RegionIndex } from '../regions/service';
import { inMeasureRegions, type MeasureDef, type MeasureRow } from './index';

export type MeasureFigure = {
  key: string;
  regionCode: string;
  year: number;
  /** Count, or the ratio (× 100 when the measure's unit is '%'); null for 0/0. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  computedAt: Date;
};

/** Where figures are kept between evaluations. */
export type MeasureCache = {
  read(key: string, years: readonly number[], regionCodes: readonly string[]): Promise<MeasureFigure[]>;
  /** Upserts by (key, region, year). */
  write(figures: readonly MeasureFigure[]): Promise<void>;
  /**
   * Reads the figures of one measure, year and set of regions, locked against other refreshes
   * until `change` has returned and its figures are written (one transaction); `change` returns
   * null to write nothing. Without it, a refresh of one region recomputes the year everywhere.
   */
  update?(key: string, year: number, regionCodes: readonly string[], change: (current: MeasureFigure[]) => MeasureFigure[] | null): Promise<MeasureFigure[] | null>;
};

export type RolledFigure = Omit<MeasureFigure, 'key' | 'computedAt'>;
export type RollUpResult = { figures: RolledFigure[]; unplaced: number };

type Accumulator = { value: number; numerator: number; denominator: number };

function toNumber(v: unknown): number {
  if (v === null || v === undefined || v === '') return 0;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`measure returned a non-numeric value: ${String(v)}`);
  return n;
}

function rootOf(index: RegionIndex): string {
  const root = index.all().find((r) => r.parentCode === null);
  if (!root) throw new Error('region tree has no root');
  return root.code;
}

/** The current region a row's code counts in; `placed` is false when only the root was found. */
export function placeRegion(index: RegionIndex, code: string): { code: string; placed: boolean } {
  const current = index.resolveCurrent(code);
  if (current) return { code: current, placed: true };
  for (const guess of [code.slice(0, 6), `${code.slice(0, 4)}00`]) {
    const g = index.resolveCurrent(guess);
    if (g) return { code: g, placed: true };
  }
  return { code: rootOf(index), placed: false };
}

/** The value of an accumulated cell: the count, or the ratio of sums. */
export function figureValue(def: Pick<MeasureDef, 'kind' | 'unit'>, acc: { value: number; numerator: number; denominator: number }): number | null {
  if (def.kind === 'count') return acc.value;
  if (acc.denominator === 0) return null;
  return (acc.numerator / acc.denominator) * (def.unit === '%' ? 100 : 1);
}

type Cells = { cells: Map<string, Accumulator>; yearsWithRows: Set<number>; unplaced: number };

/** Adds each row into its region and every region above it (pure). */
function accumulate(rows: readonly MeasureRow[], index: RegionIndex, years: readonly number[], keep?: (path: readonly string[]) => boolean): Cells {
  const wanted = new Set(years);
  const cells = new Map<string, Accumulator>();
  let unplaced = 0;
  const yearsWithRows = new Set<number>();
  const placements = new Map<string, { path: string[]; placed: boolean; kept: boolean }>();
  for (const row of rows) {
    const year = Math.trunc(toNumber(row.period));
    if (!wanted.has(year)) continue;
    const code = String(row.region_code);
    let place = placements.get(code);
    if (!place) {
      const p = placeRegion(index, code);
      const path = index.path(p.code);
      place = { path, placed: p.placed, kept: !keep || keep(path) };
      placements.set(code, place);
    }
    if (!place.kept) continue;
    if (!place.placed) unplaced += 1;
    yearsWithRows.add(year);
    const v = toNumber(row.value);
    const n = toNumber(row.numerator);
    const d = toNumber(row.denominator);
    for (const region of place.path) {
      const k = `${region}|${year}`;
      let c = cells.get(k);
      if (!c) {
        c = { value: 0, numerator: 0, denominator: 0 };
        cells.set(k, c);
      }
      c.value += v;
      c.numerator += n;
      c.denominator += d;
    }
  }
  return { cells, yearsWithRows, unplaced };
}

const EMPTY: Accumulator = { value: 0, numerator: 0, denominator: 0 };

/** The figure of an accumulated cell (numerator and denominator kept for ratios). */
function figureOf(def: Pick<MeasureDef, 'kind' | 'unit'>, regionCode: string, year: number, c: Accumulator): RolledFigure {
  return { regionCode, year, value: figureValue(def, c), numerator: def.kind === 'ratio' ? c.numerator : null, denominator: def.kind === 'ratio' ? c.denominator : null };
}

/** Rolls measure rows up the region tree for the given years (pure). */
export function rollUp(def: Pick<MeasureDef, 'kind' | 'unit'>, rows: readonly MeasureRow[], index: RegionIndex, years: readonly number[]): RollUpResult {
  const { cells, yearsWithRows, unplaced } = accumulate(rows, index, years);
  const current = index.all().filter((r) => index.isCurrent(r.code));
  const figures: RolledFigure[] = [];
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    for (const r of current) {
      if (!yearsWithRows.has(year)) {
        figures.push({ regionCode: r.code, year, value: null, numerator: null, denominator: null });
        continue;
      }
      figures.push(figureOf(def, r.code, year, cells.get(`${r.code}|${year}`) ?? EMPTY));
    }
  }
  return { figures, unplaced };
}

export type EngineDeps = { db: Db; index: RegionIndex; cache: MeasureCache; now?: () => Date };

function yearRange(years: readonly number[]): { fromYear: number; toYear: number } {
  return { fromYear: Math.min(...years), toYear: Math.max(...years) };
}

/** Runs the measure's SQL (system work, every region) for the years' range. */
export async function runMeasureSql(db: Db, def: MeasureDef, years: readonly number[]): Promise<MeasureRow[]> {
  return queryRows<MeasureRow>(db, def.sql(yearRange(years)));
}

/** The SQL text and parameters of a measure for a range of years (for lineage). */
export function measureSqlText(def: MeasureDef, range: { fromYear: number; toYear: number }): { sql: string; params: unknown[] } {
  const q = new PgDialect().sqlToQuery(def.sql(range) as SQL);
  return { sql: q.sql, params: q.params };
}

/** Codes whose figures a partial refresh rewrites: the regions asked, everything below and above them. */
function affectedRegions(index: RegionIndex, regionCodes: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const code of regionCodes) {
    for (const r of index.descendants(code, { includeSelf: true, currentOnly: true })) out.add(r.code);
    for (const a of index.path(code)) out.add(a);
  }
  return out;
}

/** Digits every code in a region's subtree starts with: 469021 → 469021, 460100 → 4601, 460000 → 46. */
function codePrefix(code: string): string {
  let p = code;
  while (p.length > 2 && p.length <= 6 && p.endsWith('00')) p = p.slice(0, -2);
  return p;
}

/**
 * Which rows of a measure count in a region's subtree. The SQL filter is a superset — codes
 * under the region's prefix, plus known codes elsewhere that are restated into it (a retired
 * code replaced by one of its units) — and `within` is exact: the row's placed path passes
 * through the region.
 */
export type RegionRows = { code: string; prefix: string; extra: string[]; within: (path: readonly string[]) => boolean };

const regionRowsMemo = new WeakMap<RegionIndex, Map<string, RegionRows>>();

export function regionRows(index: RegionIndex, code: string): RegionRows {
  const memo = regionRowsMemo.get(index) ?? regionRowsMemo.set(index, new Map()).get(index)!;
  const hit = memo.get(code);
  if (hit) return hit;
  const prefix = codePrefix(code);
  const extra: string[] = [];
  for (const r of index.all()) {
    if (r.code.startsWith(prefix)) continue;
    const placed = placeRegion(index, r.code);
    if (placed.placed && index.path(placed.code).includes(code)) extra.push(r.code);
  }
  const out: RegionRows = { code, prefix, extra, within: (path) => path.includes(code) };
  memo.set(code, out);
  return out;
}

/**
 * A measure's SQL restricted to the rows of one region's subtree: the measure, told the region
 * (`range.regions`, which it may use inside), as a subquery filtered on its region_code.
 * PostgreSQL pushes such a filter into a grouped query (a measure grouped by region_code then
 * reads only that region's records, through its index); where it cannot (a full join of two
 * parts, a shared CTE) the result is the same, and only cheaper if the measure narrows each
 * part itself with `inMeasureRegions`.
 */
export function regionSql(def: MeasureDef, range: { fromYear: number; toYear: number }, rows: RegionRows): SQL {
  const narrowed = { ...range, regions: { prefix: rows.prefix, extra: rows.extra } };
  return sql`select * from (${def.sql(narrowed)}) m where ${inMeasureRegions(narrowed, sql`m.region_code`)}`;
}

/** The sums a cached figure stands for; null when it holds no figure (its year had no rows). */
function sumsOf(def: Pick<MeasureDef, 'kind'>, f: MeasureFigure): Accumulator | null {
  if (def.kind === 'count') return f.value === null ? null : { value: f.value, numerator: 0, denominator: 0 };
  return f.numerator === null || f.denominator === null ? null : { value: 0, numerator: f.numerator, denominator: f.denominator };
}

/**
 * Refreshes one region's subtree for one year without reading any other region's records:
 * the measure runs on the region's rows only (`regionSql`), its figures and those below it are
 * rewritten, and each region above it gets the difference between the region's new and cached
 * sums — counts add, ratios add numerator and denominator and divide again (ratio of sums).
 * Runs under the cache's lock, so two refreshes never both apply their difference to the same
 * cached figure. A region above keeps the computing time of its oldest part.
 *
 * Answers null (the caller then recomputes the year for every region) when the cache cannot
 * lock, the region is the root, the cache holds no figure for the region or a region above it,
 * or the region now has no rows (whether the year then has rows anywhere decides between 0 and
 * no figure, which only the whole year's rows tell).
 */
async function refreshSubtree(deps: EngineDeps, def: MeasureDef, year: number, code: string, computedAt: Date): Promise<{ figures: MeasureFigure[]; unplaced: number; rows: number } | null> {
  const { index, cache } = deps;
  const path = index.path(code);
  if (!cache.update || path.length < 2 || !index.isCurrent(code)) return null;
  const subset = regionRows(index, code);
  const rows = await queryRows<MeasureRow>(deps.db, regionSql(def, { fromYear: year, toYear: year }, subset));
  const { cells, yearsWithRows, unplaced } = accumulate(rows, index, [year], subset.within);
  if (!yearsWithRows.has(year)) return null;
  const subtree = index.descendants(code, { includeSelf: true, currentOnly: true }).map((r) => r.code);
  const above = path.slice(0, -1);
  const mine = cells.get(`${code}|${year}`) ?? EMPTY;
  const written = await cache.update(def.key, year, [...above, ...subtree], (current) => {
    const cached = new Map(current.map((f) => [f.regionCode, f]));
    const before = cached.get(code);
    const old = before ? sumsOf(def, before) : null;
    if (!old) return null;
    const out: MeasureFigure[] = [];
    for (const a of above) {
      const f = cached.get(a);
      const sums = f ? sumsOf(def, f) : null;
      if (!f || !sums) return null;
      const next = { value: sums.value + mine.value - old.value, numerator: sums.numerator + mine.numerator - old.numerator, denominator: sums.denominator + mine.denominator - old.denominator };
      out.push({ ...figureOf(def, a, year, next), key: def.key, computedAt: f.computedAt < computedAt ? f.computedAt : computedAt });
    }
    for (const r of subtree) out.push({ ...figureOf(def, r, year, cells.get(`${r}|${year}`) ?? EMPTY), key: def.key, computedAt });
    return out;
  });
  return written ? { figures: written, unplaced, rows: rows.length } : null;
}

/**
 * Recomputes the years asked and writes them to the cache. With `regionCodes` (records of
 * those regions changed), only those regions' figures, the regions below them and the regions
 * above them are rewritten: from the regions' own rows where the cache allows it
 * (`refreshSubtree`), else from the year's rows everywhere; the rest of the cache is left as it was.
 */
export async function refreshMeasure(
  deps: EngineDeps,
  def: MeasureDef,
  opts: { years: readonly number[]; regionCodes?: readonly string[] },
): Promise<{ figures: MeasureFigure[]; unplaced: number; rows: number }> {
  if (opts.years.length === 0) return { figures: [], unplaced: 0, rows: 0 };
  const computedAt = (deps.now ?? (() => new Date()))();
  let years = [...new Set(opts.years)];
  const out: MeasureFigure[] = [];
  let unplaced = 0;
  let rowCount = 0;
  if (opts.regionCodes) {
    // A region inside another one asked is refreshed with it.
    const asked = [...new Set(opts.regionCodes)];
    const tops = asked.filter((c) => !deps.index.path(c).some((a) => a !== c && asked.includes(a)));
    const whole: number[] = [];
    for (const year of years) {
      const done: MeasureFigure[] = [];
      let ok = true;
      for (const code of tops) {
        const r = await refreshSubtree(deps, def, year, code, computedAt);
        if (!r) {
          ok = false;
          break;
        }
        done.push(...r.figures);
        unplaced += r.unplaced;
        rowCount += r.rows;
      }
      if (ok) out.push(...done);
      else whole.push(year);
    }
    years = whole;
    if (years.length === 0) return { figures: out, unplaced, rows: rowCount };
  }
  const rows = await runMeasureSql(deps.db, def, years);
  const rolled = rollUp(def, rows, deps.index, years);
  const keep = opts.regionCodes ? affectedRegions(deps.index, opts.regionCodes) : null;
  const fresh = rolled.figures.filter((f) => !keep || keep.has(f.regionCode)).map((f) => ({ ...f, key: def.key, computedAt }));
  await deps.cache.write(fresh);
  return { figures: [...out, ...fresh], unplaced: unplaced + rolled.unplaced, rows: rowCount + rows.length };
}

/**
 * Figures for the regions and years asked, from the cache when fresh (computed within
 * `maxAgeMs`), else recomputed for the stale years only.
 */
export async function measureFigures(
  deps: EngineDeps,
  def: MeasureDef,
  opts: { years: readonly number[]; regionCodes: readonly string[]; maxAgeMs: number; force?: boolean },
): Promise<MeasureFigure[]> {
  if (opts.years.length === 0 || opts.regionCodes.length === 0) return [];
  const now = (deps.now ?? (() => new Date()))();
  const cached = opts.force ? [] : await deps.cache.read(def.key, opts.years, opts.regionCodes);
  const fresh = new Map<string, MeasureFigure>();
  for (const f of cached) if (now.getTime() - f.computedAt.getTime() <= opts.maxAgeMs) fresh.set(`${f.regionCode}|${f.year}`, f);
  const stale = opts.years.filter((y) => opts.regionCodes.some((r) => !fresh.has(`${r}|${y}`)));
  if (stale.length > 0) {
    const { figures } = await refreshMeasure(deps, def, { years: stale });
    const asked = new Set(opts.regionCodes);
    for (const f of figures) if (asked.has(f.regionCode)) fresh.set(`${f.regionCode}|${f.year}`, f);
  }
  const out: MeasureFigure[] = [];
  for (const y of opts.years) for (const r of opts.regionCodes) {
    const f = fresh.get(`${r}|${y}`);
    if (f) out.push(f);
  }
  return out;
}
