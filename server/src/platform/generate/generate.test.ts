import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barePlatform } from '../../../test/bare-platform';
import { testDatabase } from '../../../test/db';
import type { Database } from '../db';
import type { Platform } from '../kernel';
import type { GeneratorPart } from '../module';
import { apportion, generate, orderParts, parseYears, progressReporter, seededStream, weightedIndex } from './index';

const part = (name: string, after?: string[]): GeneratorPart => ({ name, after, run: async () => {} });

describe('generator orchestration', () => {
  it('runs every part after the parts it names, otherwise in the given order', () => {
    const order = orderParts([part('insurance', ['employment', 'registry']), part('registry'), part('employment', ['registry']), part('skills')]);
    expect(order.map((p) => p.name)).toEqual(['registry', 'employment', 'insurance', 'skills']);
  });
  it('refuses a part whose dependency no module provides, naming both', () => {
    expect(() => orderParts([part('insurance', ['employment'])])).toThrow(/"insurance" needs "employment"/);
  });
  it('refuses a dependency cycle and shows it', () => {
    expect(() => orderParts([part('a', ['b']), part('b', ['a'])])).toThrow(/cycle: a → b → a/);
  });
  it('reads --years as a range or a single year', () => {
    expect(parseYears('2016-2025')).toEqual({ fromYear: 2016, toYear: 2025 });
    expect(parseYears('2020')).toEqual({ fromYear: 2020, toYear: 2020 });
    expect(() => parseYears('2025-2016')).toThrow();
  });
});

describe('seeded random streams', () => {
  it('give the same sequence for the same seed and stream, and different ones otherwise', () => {
    const take = (seed: number, name: string) => Array.from({ length: 5 }, seededStream(seed, name));
    expect(take(7, 'persons')).toEqual(take(7, 'persons'));
    expect(take(7, 'persons')).not.toEqual(take(8, 'persons'));
    expect(take(7, 'persons')).not.toEqual(take(7, 'employers'));
  });
  it('stay in [0, 1) with a mean near one half', () => {
    const next = seededStream(1, 'u');
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = next();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
  it('draw weighted choices in proportion to their weights (alias method)', () => {
    const draw = weightedIndex([1, 3, 6]);
    const next = seededStream(3, 'w');
    const counts = [0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[draw(next)]++;
    expect(counts.map((c) => c / 60_000)).toEqual([expect.closeTo(0.1, 1), expect.closeTo(0.3, 1), expect.closeTo(0.6, 1)]);
  });
  it('apportion splits a total exactly, by largest remainder', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    const census = [2873358, 1031396, 2333, 954259];
    const parts = apportion(50_000, census);
    expect(parts.reduce((s, v) => s + v, 0)).toBe(50_000);
    parts.forEach((p, i) => expect(Math.abs(p - (50_000 * census[i]) / census.reduce((s, v) => s + v))).toBeLessThan(1));
  });
});

describe('progress lines', () => {
  it('print rows per second and the time left, at most once per interval, and the end once', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = progressReporter((l) => lines.push(l), { intervalMs: 1000, now: () => now });
    progress('persons', 0, 10_000);
    now = 500;
    progress('persons', 1_000, 10_000); // within the interval: quiet
    now = 2000;
    progress('persons', 4_000, 10_000);
    now = 5000;
    progress('persons', 10_000, 10_000);
    progress('persons', 10_000, 10_000);
    expect(lines).toEqual(['  persons: 4,000/10,000 (40%), 2,000 rows/s, ETA 3.0s', '  persons: 10,000/10,000 (100%), 2,000 rows/s, done in 5.0s']);
  });
});

describe('generate() on the database', () => {
  let database: Database & { label: string };
  let platform: Platform;
  beforeAll(async () => {
    database = await testDatabase();
    platform = barePlatform(database);
    await database.exec('create table gen_probe (n int not null, label text, flag boolean, at date)');
  });
  afterAll(async () => database.close());

  it('copies lazily produced rows with COPY, per part, with CSV quoting intact, and audits the run', async () => {
    const lines: string[] = [];
    const seen: number[] = [];
    const probe: GeneratorPart = {
      name: 'probe',
      async run(ctx) {
        const rng = ctx.rng('probe');
        function* rows() {
          for (let i = 0; i < 45_000; i++) yield [i, i === 7 ? 'a "quoted", comma\nline' : `p${rng.int(1, 9)}`, i % 2 === 0, i === 0 ? null : '2020-11-01'];
        }
        seen.push(await ctx.copyRows('gen_probe', ['n', 'label', 'flag', 'at'], rows(), { total: 45_000 }));
      },
    };
    const report = await generate({ platform, parts: [probe], scale: 0.001, seed: 5, out: (l) => lines.push(l) });
    expect(seen).toEqual([45_000]);
    expect(report.parts).toEqual([{ name: 'probe', seconds: expect.any(Number), rows: { gen_probe: 45_000 } }]);
    const [r] = await database.query<{ n: number; seven: string; nulls: number; trues: number }>(
      `select count(*)::int as n, max(label) filter (where n = 7) as seven, count(*) filter (where at is null)::int as nulls, count(*) filter (where flag)::int as trues from gen_probe`,
    );
    expect(r).toEqual({ n: 45_000, seven: 'a "quoted", comma\nline', nulls: 1, trues: 22_500 });
    expect(lines.some((l) => /probe: gen_probe: 45,000\/45,000 \(100%\), [\d,]+ rows\/s, done in/.test(l))).toBe(true);
    const audit = await database.query<{ action: string; detail: { seed: number; rows: number } }>(`select action, detail from audit_log where action = 'platform.generate'`);
    expect(audit.map((a) => [a.detail.seed, a.detail.rows])).toEqual([[5, 45_000]]);
  });

  it('finishBulkLoad brings a loaded table its indexes back in the middle of the part, once', async () => {
    // A part that reads a table back by key after loading it (insurance: transfers read a mover's
    // ledger) must not do so while the index is dropped; the end of the part does not rebuild twice.
    await database.exec('create table gen_keyed (n int primary key, k int not null); create index gen_keyed_k_idx on gen_keyed (k)');
    const indexes = async () => (await database.query<{ name: string }>(`select indexname as name from pg_indexes where tablename = 'gen_keyed' order by 1`)).map((r) => r.name);
    const seen: string[][] = [];
    const lines: string[] = [];
    const part: GeneratorPart = {
      name: 'keyed',
      async run(ctx) {
        await ctx.copyRows('gen_keyed', ['n', 'k'], [[1, 10], [2, 20]]);
        seen.push(await indexes());
        await ctx.finishBulkLoad();
        seen.push(await indexes());
        await ctx.copyRows('gen_keyed', ['n', 'k'], [[3, 30]]); // no longer empty: indexes kept
        seen.push(await indexes());
      },
    };
    await generate({ platform, parts: [part], scale: 0.001, seed: 1, out: (l) => lines.push(l) });
    expect(seen).toEqual([['gen_keyed_pkey'], ['gen_keyed_k_idx', 'gen_keyed_pkey'], ['gen_keyed_k_idx', 'gen_keyed_pkey']]);
    expect(await indexes()).toEqual(['gen_keyed_k_idx', 'gen_keyed_pkey']);
    expect(lines.filter((l) => l.includes('indexes rebuilt on gen_keyed'))).toHaveLength(1);
  });
});
