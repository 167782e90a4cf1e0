// A page read region by region and merged (newestIdsByRegion) is exactly the page the plain
// `where … order by id desc limit … offset …` returns, for any set of regions, filter and page.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { bigint, boolean, pgTable, text } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db';
import type { Database } from '../db';
import { newestIdsByRegion } from './util';

const probe = pgTable('newest_probe', { id: bigint('id', { mode: 'number' }).primaryKey(), regionCode: text('region_code').notNull(), flag: boolean('flag').notNull() });
const regions = ['r1', 'r2', 'r3', 'r4', 'r5'];
let d: Database;
beforeAll(async () => {
  d = await testDatabase();
  // 600 rows whose ids interleave the regions unevenly (r5 only among the oldest).
  await d.exec(`create table newest_probe (id bigint primary key, region_code text not null, flag boolean not null);
    create index newest_probe_region_id on newest_probe (region_code, id);
    insert into newest_probe select i, case when i <= 100 then 'r5' else 'r' || (1 + (i * 7919) % 4) end, i % 3 = 0 from generate_series(1, 600) i;`);
});
afterAll(async () => d.close());

describe(`newestIdsByRegion (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('returns the same page as the plain ordered query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(regions, { minLength: 1 }), fc.boolean(), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 200 }), async (codes, onlyFlagged, limit, offset) => {
        const where = and(inArray(probe.regionCode, codes), onlyFlagged ? eq(probe.flag, true) : sql`true`)!;
        const merged = await newestIdsByRegion(d.db, probe, probe, where, codes, { limit, offset });
        const plain = await d.db.select({ id: probe.id }).from(probe).where(where).orderBy(desc(probe.id)).limit(limit).offset(offset);
        expect(merged).toEqual(plain.map((r) => r.id));
      }),
      { numRuns: 40 },
    );
  });

  it('leaves deep pages and unrestricted lists to the plain query', async () => {
    const where = inArray(probe.regionCode, ['r1']);
    expect(await newestIdsByRegion(d.db, probe, probe, where, null, { limit: 20, offset: 0 })).toBeNull();
    expect(await newestIdsByRegion(d.db, probe, probe, where, ['r1'], { limit: 20, offset: 1000 })).toBeNull();
    expect(await newestIdsByRegion(d.db, probe, probe, where, ['r1'], { limit: 20, offset: 0 })).toHaveLength(20);
  });
});
