// Lists count matches only up to a cap: below it the total is exact, past it "more than cap".
import { gt } from 'drizzle-orm';
import { integer, pgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db';
import type { Database } from '../db';
import { countUpTo } from './util';

const probe = pgTable('count_probe', { n: integer('n').notNull() });
let d: Database;
beforeAll(async () => {
  d = await testDatabase();
  await d.exec('create table count_probe (n int not null); insert into count_probe select generate_series(1, 12);');
});
afterAll(async () => d.close());

describe(`countUpTo (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('is exact up to the cap and says "more" past it', async () => {
    expect(await countUpTo(d.db, probe, gt(probe.n, 9), 5)).toEqual({ total: 3, capped: false });
    expect(await countUpTo(d.db, probe, undefined, 12)).toEqual({ total: 12, capped: false });
    expect(await countUpTo(d.db, probe, undefined, 11)).toEqual({ total: 11, capped: true });
    expect(await countUpTo(d.db, probe, gt(probe.n, 2), 5)).toEqual({ total: 5, capped: true });
  });
});
