// Rule: the plan's cache of measure figures keeps every region above equal to the sum of the
// regions below it when counties are refreshed on their own, at the same time (each refresh
// applies its difference under a row lock), and ratios stay a ratio of sums.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db';
import type { Database } from '../../platform/db';
import type { MeasureDef } from '../../platform/measures';
import { refreshMeasure, rollUp, runMeasureSql } from '../../platform/measures/engine';
import { regionService } from '../../platform/regions/service';
import { loadHainanRegions } from '../../platform/regions/tree';
import { measureCache } from './figures';

const index = regionService(loadHainanRegions()).index;
let d: Database;

const claims: MeasureDef = {
  key: 'test.claimsPaid',
  name: { zh: '支付率', en: 'Paid share' },
  unit: '%',
  kind: 'ratio',
  time: 'flow',
  definition: { zh: '测试', en: 'test' },
  sql: (r) => sql`select region_code, year as period, sum(paid)::int as numerator, count(*)::int as denominator
    from plan_test_claims where year between ${r.fromYear} and ${r.toYear} group by region_code, year`,
};

beforeAll(async () => {
  d = await testDatabase();
  await d.exec(`create table plan_test_claims (region_code text, year int, paid int)`);
  await d.query(`insert into plan_test_claims select c, 2024, (g % 3 = 0)::int from unnest(array['469021100','469022100','460105001','469021']) c, generate_series(1, 20) g`);
});
afterAll(async () => d.close());

describe(`measure figures cache (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('counties refreshed at the same time leave every figure above them as a recomputation gives it', async () => {
    const cache = measureCache(d.db);
    const deps = { db: d.db, index, cache };
    await refreshMeasure(deps, claims, { years: [2024] });
    await d.query(`insert into plan_test_claims select c, 2024, (g % 2)::int from unnest(array['469021101','469022100']) c, generate_series(1, 15) g`);
    const counties = ['469021', '469022', '469021', '469022'];
    const runs = await Promise.all(counties.map((c) => refreshMeasure(deps, claims, { years: [2024], regionCodes: [c] })));
    // Each refresh read its own county's rows only (定安: 3 region codes, 屯昌: 1).
    expect(runs.map((r) => r.rows)).toEqual([3, 1, 3, 1]);
    const regions = index.all().filter((r) => index.isCurrent(r.code)).map((r) => r.code);
    const expected = rollUp(claims, await runMeasureSql(d.db, claims, [2024]), index, [2024]).figures;
    const cached = new Map((await cache.read(claims.key, [2024], regions)).map((f) => [f.regionCode, f]));
    expect(regions.map((r) => [r, cached.get(r)?.numerator, cached.get(r)?.denominator])).toEqual(expected.map((f) => [f.regionCode, f.numerator, f.denominator]));
    expect(cached.get('460000')?.value).toBeCloseTo((expected.find((f) => f.regionCode === '460000')!.numerator! / 110) * 100, 10);
  });
});
