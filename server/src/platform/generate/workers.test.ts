import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barePlatform } from '../../../test/bare-platform';
import { testDatabase } from '../../../test/db';
import type { ProbeShard } from '../../../test/generate-maker';
import type { Database } from '../db';
import type { Platform } from '../kernel';
import type { GeneratorPart } from '../module';
import { generate } from './index';
import { copyRowsFromWorkers, generateWorkers, liveWorkers } from './workers';

const maker = new URL('../../../test/generate-maker.ts', import.meta.url).href;
// Shards of uneven sizes, so workers finish out of order.
const shards: ProbeShard[] = [
  { from: 0, to: 7000 },
  { from: 7000, to: 7010 },
  { from: 7010, to: 7010 },
  { from: 7010, to: 12_000 },
  { from: 12_000, to: 12_500 },
  { from: 12_500, to: 20_000 },
];

describe('copyRowsFromWorkers', () => {
  let database: Database & { label: string };
  let platform: Platform;
  beforeAll(async () => {
    database = await testDatabase();
    platform = barePlatform(database);
  });
  afterAll(async () => database.close());

  type Row = { id: number; n: number; label: string; cipher: string; hash: string; run: string };
  async function runWith(workers: number, table: string, shardList: ProbeShard[] = shards) {
    await database.exec(`create table ${table} (id serial primary key, n int not null, label text, cipher text, hash text, run text)`);
    const results: unknown[][] = [];
    const part: GeneratorPart = {
      name: 'probe',
      async run(ctx) {
        const r = await ctx.copyRowsFromWorkers(table, ['n', 'label', 'cipher', 'hash', 'run'], { module: maker, export: 'probeRows', shards: shardList, data: { word: 'x,y' }, total: 20_000 });
        expect(r.rows).toBe(20_000);
        results.push(r.results);
      },
    };
    await generate({ platform, parts: [part], scale: 0.001, seed: 7, workers, out: () => {} });
    const rows = await database.query<Row>(`select id, n, label, cipher, hash, run from ${table} order by id`);
    return { rows, results: results[0] };
  }
  const content = (rows: Row[]) => rows.map(({ cipher, ...r }) => ({ ...r, plain: platform.crypto.decrypt(cipher) }));

  it('writes the same rows and ids with one worker (in this thread), two and three, in shard order', async () => {
    const one = await runWith(1, 'wk_one');
    const two = await runWith(2, 'wk_two');
    const three = await runWith(3, 'wk_three');
    expect(one.rows).toHaveLength(20_000);
    expect(one.rows.every((r, i) => r.id === i + 1 && r.n === i)).toBe(true);
    // Crypto in the workers uses the platform's keys; regions and data reach the maker.
    expect(content(two.rows)).toEqual(content(one.rows));
    expect(content(three.rows)).toEqual(content(one.rows));
    expect(two.rows[0]).toMatchObject({ label: expect.stringMatching(/^定安县 "x,y", \d+$/), hash: platform.crypto.blindIndex('0'), run: 'probe:7:2025' });
    expect(one.results.map((r) => (r as { rows: number }).rows)).toEqual([7000, 10, 0, 4990, 500, 7500]);
    expect(two.results).toEqual(one.results);
    expect(liveWorkers()).toBe(0);
  });

  it('waits when a worker has too much CSV unwritten, and still writes everything in order', async () => {
    await database.exec(`create table wk_tiny (n int not null, label text, cipher text, hash text, run text)`);
    const { rows } = await copyRowsFromWorkers({
      database,
      table: 'wk_tiny',
      columns: ['n', 'label', 'cipher', 'hash', 'run'],
      module: maker,
      export: 'probeRows',
      shards,
      data: { word: 'w' },
      run: { part: 'probe', seed: 1, scale: 1, fromYear: 2016, toYear: 2025 },
      crypto: platform.crypto,
      regions: platform.regions,
      workers: 2,
      bufferBytes: 1, // every chunk waits for its acknowledgement
    });
    expect(rows).toBe(20_000);
    const ns = await database.query<{ n: number }>(`select n from wk_tiny`);
    expect(ns.map((r) => r.n)).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
  });

  it('fails the run naming the shard when a worker fails, and leaves no worker running', async () => {
    await database.exec(`create table wk_fail (id serial primary key, n int not null, label text, cipher text, hash text, run text)`);
    const failing = shards.map((s, i) => (i === 3 ? { ...s, failAt: 9000 } : s));
    const part: GeneratorPart = {
      name: 'probe',
      run: async (ctx) => void (await ctx.copyRowsFromWorkers('wk_fail', ['n', 'label', 'cipher', 'hash', 'run'], { module: maker, export: 'probeRows', shards: failing, data: { word: 'w' } })),
    };
    await expect(generate({ platform, parts: [part], scale: 0.001, seed: 7, workers: 2, out: () => {} })).rejects.toThrow(/COPY into wk_fail failed .*shard 3 \{"from":7010,"to":12000,"failAt":9000\} failed \(in a worker\): row 9000 could not be made/);
    expect(liveWorkers()).toBe(0);
    // In this thread the same failure names the same shard.
    await expect(generate({ platform, parts: [part], scale: 0.001, seed: 7, workers: 1, out: () => {} })).rejects.toThrow(/shard 3 \{"from":7010,"to":12000,"failAt":9000\} failed: row 9000 could not be made/);
  });

  it('fails clearly when the maker cannot be loaded', async () => {
    await database.exec(`create table wk_none (n int, label text, cipher text, hash text, run text)`);
    const part: GeneratorPart = {
      name: 'probe',
      run: async (ctx) => void (await ctx.copyRowsFromWorkers('wk_none', ['n', 'label', 'cipher', 'hash', 'run'], { module: maker, export: 'noSuchMaker', shards })),
    };
    await expect(generate({ platform, parts: [part], scale: 0.001, seed: 7, workers: 2, out: () => {} })).rejects.toThrow(/could not start: .*generate-maker\.ts has no function export "noSuchMaker"/);
    expect(liveWorkers()).toBe(0);
  });

  it('takes the worker count from the option, else RENSHE_GENERATE_WORKERS, else the cores', () => {
    expect(generateWorkers(3, { RENSHE_GENERATE_WORKERS: '1' })).toBe(3);
    expect(generateWorkers(undefined, { RENSHE_GENERATE_WORKERS: '1' })).toBe(1);
    expect(generateWorkers(undefined, {})).toBeGreaterThanOrEqual(1);
    expect(() => generateWorkers(undefined, { RENSHE_GENERATE_WORKERS: 'two' })).toThrow(/1 to 64/);
  });
});
