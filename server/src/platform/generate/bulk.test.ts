// Bulk loading: an empty table loses its secondary indexes and foreign keys only for the load
// and gets the very same ones back; a non-empty table is left alone; a duplicate loaded
// meanwhile makes the unique index refuse to come back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { testDatabase } from '../../../test/db';
import { deferIndexes, restoreIndexes } from './bulk';
import { copyRowsInto } from './copy';

let database: Database & { label: string };
const shape = async (table: string) => ({
  indexes: (await database.query<{ indexdef: string }>(`select indexdef from pg_indexes where tablename = $1 order by indexname`, [table])).map((r) => r.indexdef),
  fks: (await database.query<{ def: string }>(`select conname || ' ' || pg_get_constraintdef(oid) as def from pg_constraint where conrelid = $1::regclass and contype = 'f'`, [table])).map((r) => r.def),
});

beforeAll(async () => {
  database = await testDatabase();
  await database.exec(`
    create table bulk_parent (id int primary key);
    create table bulk_child (id int primary key, parent_id int not null references bulk_parent(id), code text not null, note text);
    create unique index bulk_child_code_idx on bulk_child (code);
    create index bulk_child_note_idx on bulk_child (lower(note)) where note is not null;
    insert into bulk_parent values (1), (2);`);
});
afterAll(async () => database.close());

describe(`bulk loading (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('defers the indexes and foreign keys of an empty table and restores exactly the same ones', async () => {
    const before = await shape('bulk_child');
    expect(before.indexes).toHaveLength(3);
    expect(before.fks).toHaveLength(1);
    const d = await deferIndexes(database, 'bulk_child');
    expect(d?.indexes.map((i) => i.name)).toEqual(['bulk_child_code_idx', 'bulk_child_note_idx']);
    const during = await shape('bulk_child');
    expect(during.indexes).toEqual([before.indexes.find((x) => x.includes('pkey'))]);
    expect(during.fks).toEqual([]);
    await database.exec(`insert into bulk_child values (1, 1, 'a', 'x'), (2, 2, 'b', null)`);
    await restoreIndexes(database, d!);
    expect(await shape('bulk_child')).toEqual(before);
  });

  it('leaves a table that already holds rows alone', async () => {
    expect(await deferIndexes(database, 'bulk_child')).toBeNull();
    expect((await shape('bulk_child')).indexes).toHaveLength(3);
  });

  it('refuses to bring back a unique index over duplicates, or a foreign key over orphans', async () => {
    await database.exec(`create table bulk_dup (id int primary key, code text, parent_id int references bulk_parent(id)); create unique index bulk_dup_code_idx on bulk_dup (code);`);
    const d = await deferIndexes(database, 'bulk_dup');
    await database.exec(`insert into bulk_dup values (1, 'same', 1), (2, 'same', 1)`);
    await expect(restoreIndexes(database, d!)).rejects.toThrow(/unique|duplicate/i);
    await database.exec(`create table bulk_orphan (id int primary key, parent_id int references bulk_parent(id))`);
    const o = await deferIndexes(database, 'bulk_orphan');
    await database.exec(`insert into bulk_orphan values (1, 99)`);
    await expect(restoreIndexes(database, o!)).rejects.toThrow(/foreign key|violates/i);
  });

  it('a COPY whose rows fail half way names its table and how far it got, writes nothing, and leaves the connections usable', async () => {
    await database.exec(`create table bulk_copy (n int primary key)`);
    function* rows() {
      for (let i = 1; i <= 5000; i++) {
        if (i === 4000) throw new Error('row 4000 could not be made');
        yield [i];
      }
    }
    await expect(copyRowsInto(database, 'bulk_copy', ['n'], rows())).rejects.toThrow(/bulk_copy.*row 4000 could not be made/);
    expect((await database.query<{ n: number | string }>(`select count(*) as n from bulk_copy`))[0].n.toString()).toBe('0');
    expect(await copyRowsInto(database, 'bulk_copy', ['n'], [[1], [2], [3]])).toBe(3);
    expect((await database.query<{ n: number | string }>(`select count(*) as n from bulk_copy`))[0].n.toString()).toBe('3');
  });

  it('two COPYs from synchronous sources run side by side: a long one does not starve the event loop', async () => {
    // At scale 1 the ledger's first COPY kept the event loop busy for 7 minutes (each chunk written
    // at once, continued in microtasks), so the second stream's new connection never sent its
    // startup packet; the server dropped it after authentication_timeout without a word, and the
    // run ended with "Connection terminated unexpectedly". Each chunk now yields to the event loop.
    await database.exec(`create table bulk_race (n int primary key, pad text)`);
    const pad = 'x'.repeat(200);
    const total = 60_000; // about 12 MB of CSV: a dozen chunks on PostgreSQL, three on PGlite
    let written = 0;
    let writtenWhenTimerFired = -1;
    const timer = new Promise<void>((resolve) => setTimeout(() => ((writtenWhenTimerFired = written), resolve()), 0));
    function* rows() {
      for (let i = 1; i <= total; i++) {
        // The ledger's rows cost CPU: the database drains each chunk before the next is made.
        if (i % 1000 === 0) for (const t = performance.now(); performance.now() - t < 4; );
        yield [i, pad];
      }
    }
    const long = copyRowsInto(database, 'bulk_race', ['n', 'pad'], rows(), (n) => (written = n));
    let writtenWhenShortDone = -1;
    const short = copyRowsInto(database, 'bulk_race', ['n', 'pad'], [[total + 1, 'other stream']]).then((n) => ((writtenWhenShortDone = written), n));
    const [n] = await Promise.all([long, short, timer]);
    expect(n).toBe(total);
    expect(writtenWhenTimerFired).toBeGreaterThanOrEqual(0);
    expect(writtenWhenTimerFired).toBeLessThan(total);
    // The other stream (a new connection) finished while the long one was still writing.
    expect(writtenWhenShortDone).toBeGreaterThanOrEqual(0);
    expect(writtenWhenShortDone).toBeLessThan(total);
    expect((await database.query<{ n: number | string }>(`select count(*) as n from bulk_race`))[0].n.toString()).toBe(String(total + 1));
  });
});
