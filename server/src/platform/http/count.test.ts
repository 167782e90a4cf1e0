// Lists count their matches only up to a cap: below it the total is exact, past it "more than cap".
// A list's count may be reused for a few seconds (countUpToCached), but only for the very same
// question — the same table, the same scope, the same filters — and never past its age limit.
import { gt } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db';
import type { Database } from '../db';
import { scopeWhere, type Scope } from '../scope';
import { countUpTo, countUpToCached, COUNT_CACHE_MS, forgetCounts } from './util';

const probe = pgTable('count_probe', { n: integer('n').notNull() });
const scoped = pgTable('count_scoped', { regionCode: text('region_code').notNull() });
const scopeOf = (...codes: string[]): Scope => ({ all: false, regionCodes: new Set(codes), selfUserId: null, kind: 'custom' });
let d: Database;
beforeAll(async () => {
  d = await testDatabase();
  await d.exec(`create table count_probe (n int not null); insert into count_probe select generate_series(1, 12);
    create table count_scoped (region_code text not null);
    insert into count_scoped select 'r1' from generate_series(1, 3); insert into count_scoped select 'r2' from generate_series(1, 5);`);
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

describe(`countUpToCached (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('never answers one scope with another scope’s count', async () => {
    const t0 = 1_000_000;
    const at = (ms: number) => ({ now: () => t0 + ms });
    // Same table, same shape of condition, asked one right after the other within the age limit.
    expect(await countUpToCached(d.db, scoped, scopeWhere(scopeOf('r1'), scoped), at(0))).toMatchObject({ total: 3, capped: false });
    expect(await countUpToCached(d.db, scoped, scopeWhere(scopeOf('r2'), scoped), at(1))).toMatchObject({ total: 5, capped: false });
    expect(await countUpToCached(d.db, scoped, scopeWhere(scopeOf('r1', 'r2'), scoped), at(2))).toMatchObject({ total: 8 });
    expect(await countUpToCached(d.db, scoped, scopeWhere(scopeOf('r3'), scoped), at(3))).toMatchObject({ total: 0 });
    // The first question again: its own count, not the last one asked.
    expect(await countUpToCached(d.db, scoped, scopeWhere(scopeOf('r1'), scoped), at(4))).toMatchObject({ total: 3 });
    // Other filters with the same scope are other questions too.
    expect(await countUpToCached(d.db, probe, gt(probe.n, 9), at(5))).toMatchObject({ total: 3 });
    expect(await countUpToCached(d.db, probe, gt(probe.n, 10), at(6))).toMatchObject({ total: 2 });
    // And the cap is part of the question.
    expect(await countUpToCached(d.db, probe, gt(probe.n, 9), { ...at(7), cap: 2 })).toMatchObject({ total: 2, capped: true });
  });

  it('is reused for less than its age limit, says when it was counted, and is counted again after', async () => {
    const t0 = 2_000_000;
    const where = () => scopeWhere(scopeOf('r2'), scoped);
    const first = await countUpToCached(d.db, scoped, where(), { now: () => t0 });
    expect(first).toEqual({ total: 5, capped: false, countedAt: new Date(t0) });
    await d.exec(`insert into count_scoped values ('r2'), ('r2')`);
    // Within the limit: the count taken at t0, saying so.
    expect(await countUpToCached(d.db, scoped, where(), { now: () => t0 + COUNT_CACHE_MS - 1 })).toEqual({ total: 5, capped: false, countedAt: new Date(t0) });
    // At the limit: counted again, the new rows included.
    expect(await countUpToCached(d.db, scoped, where(), { now: () => t0 + COUNT_CACHE_MS })).toEqual({ total: 7, capped: false, countedAt: new Date(t0 + COUNT_CACHE_MS) });
  });

  it('a write through this process (forgetCounts) shows in the next count at once', async () => {
    const t0 = 3_000_000;
    const where = () => scopeWhere(scopeOf('r1'), scoped);
    expect(await countUpToCached(d.db, scoped, where(), { now: () => t0 })).toMatchObject({ total: 3 });
    await d.exec(`insert into count_scoped values ('r1')`);
    forgetCounts(d.db, probe); // another table's counts: this one is kept
    expect(await countUpToCached(d.db, scoped, where(), { now: () => t0 + 1 })).toMatchObject({ total: 3 });
    forgetCounts(d.db, scoped);
    expect(await countUpToCached(d.db, scoped, where(), { now: () => t0 + 2 })).toEqual({ total: 4, capped: false, countedAt: new Date(t0 + 2) });
  });

  it('concurrent requests for a missing count share one count', async () => {
    const t0 = 4_000_000;
    const where = () => scopeWhere(scopeOf('r1', 'r2', 'r9'), scoped);
    const all = await Promise.all(Array.from({ length: 8 }, (_, i) => countUpToCached(d.db, scoped, where(), { now: () => t0 + i })));
    expect(new Set(all.map((c) => c.countedAt.getTime()))).toEqual(new Set([t0]));
    expect(all.every((c) => c.total === 11)).toBe(true);
  });
});
