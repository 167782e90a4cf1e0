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
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { rows as queryRows, type Db } from '../db';
import type { RegionIndex } from '../regions/service';
import type { MeasureDef, MeasureRow } from './index';

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

/** Rolls measure rows up the region tree for the given years (pure). */
export function rollUp(def: Pick<MeasureDef, 'kind' | 'unit'>, rows: readonly MeasureRow[], index: RegionIndex, years: readonly number[]): RollUpResult {
  const wanted = new Set(years);
  const cells = new Map<string, Accumulator>();
  const cell = (region: string, year: number): Accumulator => {
    const k = `${region}|${year}`;
    let c = cells.get(k);
    if (!c) {
      c = { value: 0, numerator: 0, denominator: 0 };
      cells.set(k, c);
    }
    return c;
  };
  let unplaced = 0;
  const yearsWithRows = new Set<number>();
  const placements = new Map<string, { path: string[]; placed: boolean }>();
  for (const row of rows) {
    const year = Math.trunc(toNumber(row.period));
    if (!wanted.has(year)) continue;
    const code = String(row.region_code);
    let place = placements.get(code);
    if (!place) {
      const p = placeRegion(index, code);
      place = { path: index.path(p.code), placed: p.placed };
      placements.set(code, place);
    }
    if (!place.placed) unplaced += 1;
    yearsWithRows.add(year);
    const path = place.path;
    const v = toNumber(row.value);
    const n = toNumber(row.numerator);
    const d = toNumber(row.denominator);
    for (const region of path) {
      const c = cell(region, year);
      c.value += v;
      c.numerator += n;
      c.denominator += d;
    }
  }
  const current = index.all().filter((r) => index.isCurrent(r.code));
  const figures: RolledFigure[] = [];
  for (const year of [...wanted].sort((a, b) => a - b)) {
    for (const r of current) {
      if (!yearsWithRows.has(year)) {
        figures.push({ regionCode: r.code, year, value: null, numerator: null, denominator: null });
        continue;
      }
      const c = cells.get(`${r.code}|${year}`) ?? { value: 0, numerator: 0, denominator: 0 };
      figures.push({
        regionCode: r.code,
        year,
        value: figureValue(def, c),
        numerator: def.kind === 'ratio' ? c.numerator : null,
        denominator: def.kind === 'ratio' ? c.denominator : null,
      });
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

/**
 * Recomputes the years asked and writes them to the cache. With `regionCodes`, only those
 * regions' figures (and the regions below and above them, which the same rows decide) are
 * rewritten; the rest of the cache is left as it was.
 */
export async function refreshMeasure(
  deps: EngineDeps,
  def: MeasureDef,
  opts: { years: readonly number[]; regionCodes?: readonly string[] },
): Promise<{ figures: MeasureFigure[]; unplaced: number; rows: number }> {
  if (opts.years.length === 0) return { figures: [], unplaced: 0, rows: 0 };
  const rows = await runMeasureSql(deps.db, def, opts.years);
  const { figures, unplaced } = rollUp(def, rows, deps.index, opts.years);
  const computedAt = (deps.now ?? (() => new Date()))();
  const keep = opts.regionCodes ? affectedRegions(deps.index, opts.regionCodes) : null;
  const out = figures.filter((f) => !keep || keep.has(f.regionCode)).map((f) => ({ ...f, key: def.key, computedAt }));
  await deps.cache.write(out);
  return { figures: out, unplaced, rows: rows.length };
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
