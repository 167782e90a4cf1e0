// Rules: measure rows roll up the region tree as sums for counts and as a ratio of sums for
// rates (never an average of rates); results are cached with their computing time and
// recomputed only for the years (and regions) asked.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db';
import type { Database } from '../db';
import { regionService } from '../regions/service';
import { loadHainanRegions } from '../regions/tree';
import { measureFigures, measureSqlText, placeRegion, refreshMeasure, rollUp, type MeasureCache, type MeasureFigure } from './engine';
import { inMeasureRegions, type MeasureDef, type MeasureRange, type MeasureRow } from './index';

const index = regionService(loadHainanRegions()).index;
const ratio = { kind: 'ratio', unit: '%' } as const;
const count = { kind: 'count', unit: '人' } as const;

function at(figures: ReturnType<typeof rollUp>['figures'], region: string, year = 2023) {
  const f = figures.find((x) => x.regionCode === region && x.year === year);
  if (!f) throw new Error(`no figure for ${region} ${year}`);
  return f;
}

describe('rollUp: ratio of sums, never an average of rates', () => {
  const rows: MeasureRow[] = [
    { region_code: '469021100', period: 2023, numerator: 1, denominator: 10 }, // 定城镇 (定安): 10%
    { region_code: '469022100', period: 2023, numerator: '9', denominator: '10' }, // 屯城镇 (屯昌): 90%, strings as from PostgreSQL
  ];
  const { figures } = rollUp(ratio, rows, index, [2023]);

  it('a county at 1/10 and one at 9/10 give 10/20 = 50% above them, not the average 55%', () => {
    expect(at(figures, '469021')).toMatchObject({ value: 10, numerator: 1, denominator: 10 });
    expect(at(figures, '469022')).toMatchObject({ value: 90, numerator: 9, denominator: 10 });
    expect(at(figures, '469000')).toMatchObject({ value: 50, numerator: 10, denominator: 20 });
    expect(at(figures, '460000')).toMatchObject({ value: 50, numerator: 10, denominator: 20 });
  });

  it('unequal denominators weigh by size: 1/10 and 90/100 give 91/110, not 50%', () => {
    const r = rollUp(ratio, [
      { region_code: '469021', period: 2023, numerator: 1, denominator: 10 },
      { region_code: '469022', period: 2023, numerator: 90, denominator: 100 },
    ], index, [2023]);
    expect(at(r.figures, '460000').value).toBeCloseTo((91 / 110) * 100, 10);
  });

  it('a region with 0/0 has no value (not 0%), and its parent ignores it', () => {
    expect(at(figures, '469023').value).toBeNull();
    expect(at(figures, '469023')).toMatchObject({ numerator: 0, denominator: 0 });
  });

  it('a ratio measure not in % is a plain fraction', () => {
    const r = rollUp({ kind: 'ratio', unit: '倍' }, [{ region_code: '469021', period: 2023, numerator: 3, denominator: 2 }], index, [2023]);
    expect(at(r.figures, '460000').value).toBe(1.5);
  });
});

describe('rollUp: counts add up township → county → city or grouping → province', () => {
  const rows: MeasureRow[] = [
    { region_code: '469021100', period: 2023, value: 5 }, // 定城镇 → 定安 → 469000 → 460000
    { region_code: '469021101', period: 2023, value: 7 }, // 新竹镇 → 定安
    { region_code: '460105001', period: 2023, value: 11 }, // 秀英街道 → 秀英区 → 海口 → 460000
    { region_code: '460400100', period: 2023, value: 13 }, // 那大镇 → 儋州 (no county level) → 460000
    { region_code: '469022', period: 2023, value: 17 }, // a county-level row
    { region_code: '469021100', period: 2024, value: 100 }, // another year stays apart
  ];
  const { figures, unplaced } = rollUp(count, rows, index, [2023, 2024]);

  it('each level is the sum of the levels below it', () => {
    expect(at(figures, '469021100').value).toBe(5);
    expect(at(figures, '469021').value).toBe(12);
    expect(at(figures, '469022').value).toBe(17);
    expect(at(figures, '469000').value).toBe(29);
    expect(at(figures, '460105').value).toBe(11);
    expect(at(figures, '460100').value).toBe(11);
    expect(at(figures, '460400').value).toBe(13);
    expect(at(figures, '460000').value).toBe(53);
    expect(at(figures, '460000', 2024).value).toBe(100);
    expect(unplaced).toBe(0);
  });

  it('every current region gets a figure for every year (0 where nothing was counted)', () => {
    const current = index.all().filter((r) => index.isCurrent(r.code)).length;
    expect(figures).toHaveLength(current * 2);
    expect(at(figures, '460200').value).toBe(0);
  });

  it('a year with no row at all has no figures (no records yet), not zeros', () => {
    const r = rollUp(count, rows, index, [2023, 2025]);
    expect(at(r.figures, '460000', 2025)).toMatchObject({ value: null });
    expect(at(r.figures, '460200', 2023).value).toBe(0);
  });

  it('a retired code is restated on its successor (469003 儋州 → 460400)', () => {
    const r = rollUp(count, [{ region_code: '469003', period: 2023, value: 4 }], index, [2023]);
    expect(at(r.figures, '460400').value).toBe(4);
    expect(at(r.figures, '469000').value).toBe(0);
    expect(r.unplaced).toBe(0);
  });

  it('an unknown township code counts in its county; an unknown code of no known area counts only in the province', () => {
    expect(placeRegion(index, '469021999')).toEqual({ code: '469021', placed: true });
    const r = rollUp(count, [{ region_code: '999999', period: 2023, value: 3 }], index, [2023]);
    expect(at(r.figures, '460000').value).toBe(3);
    expect(r.unplaced).toBe(1);
  });

  it('rows outside the years asked are ignored', () => {
    const r = rollUp(count, rows, index, [2024]);
    expect(at(r.figures, '460000', 2024).value).toBe(100);
    expect(r.figures.some((f) => f.year === 2023)).toBe(false);
  });
});

// ---- against the database ------------------------------------------------------------

function memoryCache(): MeasureCache & { store: Map<string, MeasureFigure>; writes: number } {
  const store = new Map<string, MeasureFigure>();
  const c = {
    store,
    writes: 0,
    async read(key: string, years: readonly number[], regions: readonly string[]) {
      return [...store.values()].filter((f) => f.key === key && years.includes(f.year) && regions.includes(f.regionCode));
    },
    async write(figures: readonly MeasureFigure[]) {
      c.writes += 1;
      for (const f of figures) store.set(`${f.key}|${f.regionCode}|${f.year}`, f);
    },
    async update(key: string, year: number, regions: readonly string[], change: (current: MeasureFigure[]) => MeasureFigure[] | null) {
      const next = change([...store.values()].filter((f) => f.key === key && f.year === year && regions.includes(f.regionCode)));
      if (next) await c.write(next);
      return next;
    },
  };
  return c;
}

/** Every current region's figure of a year, as [region, value, numerator, denominator]. */
function snapshot(store: Map<string, MeasureFigure>, key: string, year: number) {
  return index
    .all()
    .filter((r) => index.isCurrent(r.code))
    .map((r) => {
      const f = store.get(`${key}|${r.code}|${year}`);
      return [r.code, f?.value ?? 'missing', f?.numerator ?? null, f?.denominator ?? null];
    });
}

let d: Database;
let sqlRuns = 0;
const facts: MeasureDef = {
  key: 'test.closureRate',
  name: { zh: '结案率', en: 'Closure rate' },
  unit: '%',
  kind: 'ratio',
  time: 'flow',
  definition: { zh: '测试', en: 'test' },
  sql: (r) => {
    sqlRuns += 1;
    return sql`select region_code, year as period, sum(closed)::int as numerator, sum(opened)::int as denominator
      from engine_test_cases where year between ${r.fromYear} and ${r.toYear} group by region_code, year`;
  },
};

beforeAll(async () => {
  d = await testDatabase();
  await d.exec(`create table engine_test_cases (region_code text, year int, closed int, opened int)`);
  await d.query(`insert into engine_test_cases values ('469021100', 2022, 1, 10), ('469022100', 2022, 9, 10), ('469021100', 2023, 5, 10), ('460105001', 2023, 10, 10)`);
});
afterAll(async () => d.close());

describe(`measure engine on the database (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('runs the SQL and gives the ratio of sums at each level', async () => {
    const cache = memoryCache();
    const figs = await measureFigures({ db: d.db, index, cache }, facts, { years: [2022], regionCodes: ['469000', '460000'], maxAgeMs: 60_000 });
    expect(figs.map((f) => [f.regionCode, f.value])).toEqual([
      ['469000', 50],
      ['460000', 50],
    ]);
  });

  it('serves fresh figures from the cache and recomputes only the years that are missing or stale', async () => {
    const cache = memoryCache();
    let now = new Date('2024-03-01T00:00:00Z');
    const deps = { db: d.db, index, cache, now: () => now };
    sqlRuns = 0;
    await measureFigures(deps, facts, { years: [2022], regionCodes: ['460000'], maxAgeMs: 3_600_000 });
    await measureFigures(deps, facts, { years: [2022], regionCodes: ['460000', '469021'], maxAgeMs: 3_600_000 });
    expect(sqlRuns).toBe(1);
    const both = await measureFigures(deps, facts, { years: [2022, 2023], regionCodes: ['460000'], maxAgeMs: 3_600_000 });
    expect(sqlRuns).toBe(2);
    // Only 2023 was computed the second time: 2022 keeps its first computing time.
    expect(both.map((f) => [f.year, f.value, f.computedAt.toISOString()])).toEqual([
      [2022, 50, '2024-03-01T00:00:00.000Z'],
      [2023, 75, '2024-03-01T00:00:00.000Z'],
    ]);
    now = new Date('2024-03-01T02:00:00Z');
    const later = await measureFigures(deps, facts, { years: [2023], regionCodes: ['460000'], maxAgeMs: 3_600_000 });
    expect(sqlRuns).toBe(3);
    expect(later[0].computedAt.toISOString()).toBe('2024-03-01T02:00:00.000Z');
  });

  it('a refresh of one region rewrites it, the regions below and above it, and nothing else', async () => {
    const cache = memoryCache();
    const deps = { db: d.db, index, cache, now: () => new Date('2024-01-01T00:00:00Z') };
    await refreshMeasure(deps, facts, { years: [2023] });
    const before = cache.store.get('test.closureRate|460100|2023');
    await d.query(`insert into engine_test_cases values ('469021101', 2023, 0, 10)`);
    const r = await refreshMeasure({ ...deps, now: () => new Date('2024-02-01T00:00:00Z') }, facts, { years: [2023], regionCodes: ['469021'] });
    const written = new Set(r.figures.map((f) => f.regionCode));
    expect(written.has('469021')).toBe(true);
    expect(written.has('469021101')).toBe(true);
    expect(written.has('469000')).toBe(true);
    expect(written.has('460000')).toBe(true);
    expect(written.has('460100')).toBe(false);
    expect(cache.store.get('test.closureRate|460100|2023')).toBe(before);
    expect(cache.store.get('test.closureRate|469021|2023')?.value).toBe(25); // 5 / 20
    expect(cache.store.get('test.closureRate|460000|2023')?.value).toBeCloseTo((15 / 30) * 100, 10);
  });

  it('a refresh of one county reads only its own rows and gives the figures a recomputation of every region gives', async () => {
    await d.exec(`create table engine_test_events (region_code text, year int, closed int, opened int)`);
    // 定城镇 and 定安 itself, 屯昌, 海口, and 460005 — 文昌 before 2003, restated on 469005 today.
    await d.query(`insert into engine_test_events values ('469021100', 2024, 1, 4), ('469021', 2024, 2, 2), ('469022100', 2024, 3, 9), ('460105001', 2024, 5, 5), ('460005', 2024, 1, 3), ('469005100', 2024, 0, 1)`);
    const closures: MeasureDef = { ...facts, key: 'test.eventClosure', sql: (r) => sql`select region_code, year as period, sum(closed)::int as numerator, sum(opened)::int as denominator from engine_test_events where year between ${r.fromYear} and ${r.toYear} group by region_code, year` };
    const opened: MeasureDef = { ...facts, key: 'test.eventsOpened', kind: 'count', unit: '件', sql: (r) => sql`select region_code, year as period, sum(opened)::int as value from engine_test_events where year between ${r.fromYear} and ${r.toYear} group by region_code, year` };
    // Two parts in a full join: the engine's filter cannot reach inside, so each part narrows itself.
    const ranges: MeasureRange[] = [];
    const part = (r: MeasureRange, col: string) => sql`select region_code, year, sum(${sql.raw(col)})::int as n from engine_test_events where year between ${r.fromYear} and ${r.toYear} and ${inMeasureRegions(r, sql`region_code`)} group by 1, 2`;
    const joined: MeasureDef = {
      ...facts,
      key: 'test.eventJoined',
      sql: (r) => {
        ranges.push(r);
        return sql`with c as (${part(r, 'closed')}), o as (${part(r, 'opened')})
          select coalesce(c.region_code, o.region_code) as region_code, coalesce(c.year, o.year) as period, coalesce(c.n, 0) as numerator, coalesce(o.n, 0) as denominator
          from c full join o on c.region_code = o.region_code and c.year = o.year`;
      },
    };
    for (const def of [closures, opened, joined]) {
      const cache = memoryCache();
      const deps = { db: d.db, index, cache, now: () => new Date('2025-01-01T00:00:00Z') };
      await refreshMeasure(deps, def, { years: [2024] });
      await d.query(`insert into engine_test_events values ('469021101', 2024, 4, 6), ('460005', 2024, 2, 2)`);
      const later = { ...deps, now: () => new Date('2025-01-02T00:00:00Z') };
      const dingan = await refreshMeasure(later, def, { years: [2024], regionCodes: ['469021'] });
      const wenchang = await refreshMeasure(later, def, { years: [2024], regionCodes: ['469005'] });
      // Only the county's own rows were read: 定城镇, 定安 and the new township row; 文昌 with its old code.
      expect(dingan.rows).toBe(3);
      expect(wenchang.rows).toBe(2);
      const full = memoryCache();
      await refreshMeasure({ ...deps, cache: full }, def, { years: [2024] });
      expect(snapshot(cache.store, def.key, 2024)).toEqual(snapshot(full.store, def.key, 2024));
      // A region above keeps the time of its oldest part; the county and its townships are new.
      expect(cache.store.get(`${def.key}|460000|2024`)?.computedAt.toISOString()).toBe('2025-01-01T00:00:00.000Z');
      expect(cache.store.get(`${def.key}|469021101|2024`)?.computedAt.toISOString()).toBe('2025-01-02T00:00:00.000Z');
      await d.query(`delete from engine_test_events where region_code in ('469021101') or (region_code = '460005' and closed = 2)`);
    }
    const told = ranges.filter((r) => r.regions).map((r) => r.regions!);
    expect(told.map((r) => r.prefix)).toEqual(['469021', '469005']);
    expect(told[1].extra).toContain('460005');
    const closureAt = (store: Map<string, MeasureFigure>, region: string) => store.get(`test.eventClosure|${region}|2024`);
    const c = memoryCache();
    await refreshMeasure({ db: d.db, index, cache: c }, closures, { years: [2024] });
    expect(closureAt(c.store, '460000')?.value).toBeCloseTo((12 / 24) * 100, 10); // Σ closed ÷ Σ opened
    expect(closureAt(c.store, '469005')).toMatchObject({ numerator: 1, denominator: 4 });
  });

  it('a county whose rows are all gone, or whose figures were never cached, is refreshed by recomputing the year everywhere', async () => {
    await d.exec(`create table engine_test_gone (region_code text, year int, n int)`);
    await d.query(`insert into engine_test_gone values ('469021100', 2024, 3), ('469022100', 2024, 4)`);
    const def: MeasureDef = { ...facts, key: 'test.gone', kind: 'count', unit: '件', sql: (r) => sql`select region_code, year as period, sum(n)::int as value from engine_test_gone where year between ${r.fromYear} and ${r.toYear} group by region_code, year` };
    const cache = memoryCache();
    const deps = { db: d.db, index, cache };
    // Nothing cached yet: the whole year is computed.
    const first = await refreshMeasure(deps, def, { years: [2024], regionCodes: ['469021'] });
    expect(first.rows).toBe(2);
    expect(cache.store.get('test.gone|460000|2024')?.value).toBe(7);
    await d.query(`delete from engine_test_gone where region_code = '469021100'`);
    const gone = await refreshMeasure(deps, def, { years: [2024], regionCodes: ['469021'] });
    expect(gone.rows).toBe(1);
    expect(cache.store.get('test.gone|469021|2024')?.value).toBe(0);
    expect(cache.store.get('test.gone|460000|2024')?.value).toBe(4);
  });

  it('gives the SQL text of a measure for lineage', () => {
    const q = measureSqlText(facts, { fromYear: 2021, toYear: 2025 });
    expect(q.sql).toContain('from engine_test_cases where year between $1 and $2');
    expect(q.params).toEqual([2021, 2025]);
  });
});
