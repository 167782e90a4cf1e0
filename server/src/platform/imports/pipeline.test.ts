// Rules of the pipeline when an importer takes its valid rows in batches (`batchWrites`):
// on PostgreSQL the batches are written inside the one transaction while the rest of the
// file is still read, yet the import stays all-or-nothing — a bad row anywhere in the file
// (mode "all") or a failed write of any batch leaves nothing written — and the counts are the
// sums over the batches. On PGlite the same files give the same outcome (validated first,
// written once). Small batches (3 rows) make every file here span several of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app';
import { callerOfUser, type Caller } from '../auth/service';
import { importJobs } from '../schema';
import { eq } from 'drizzle-orm';
import { makeResidentId } from '../validate';
import { createImportJob, importRegistry, runImportJob, type Importer } from './index';
import { csvField } from './parse';

let t: TestApp;
let caller: Caller;
let userId: number;
const writes: number[] = [];

type TestRow = { k: string; v: number };
const testImporter: Importer<TestRow> = {
  kind: 'pipeline-test',
  permission: 'import:run',
  title: { zh: '测试', en: 'Test' },
  columns: [
    { key: 'k', zh: '键', en: 'Key', required: true, example: 'a' },
    { key: 'v', zh: '值', en: 'Value', required: true, example: '1' },
  ],
  validateRow(cells) {
    if (!/^\d+$/.test(cells.v)) return { ok: false, problems: [{ column: 'v', zh: '值须为整数', en: 'value must be an integer' }] };
    return { ok: true, key: cells.k, row: { k: cells.k, v: Number(cells.v) } };
  },
  batchWrites: true,
  async write(tx, rows) {
    writes.push(rows.length);
    if (rows.some((r) => r.k === 'boom')) throw new Error('the write of this batch failed');
    const csv = rows.map((r) => [r.k, r.v].map(csvField).join(',')).join('\n') + '\n';
    const before = await tx.query<{ n: number }>('select count(*)::int as n from pipeline_test_rows');
    await tx.copyCsv('pipeline_test_rows', ['k', 'v'], csv);
    const after = await tx.query<{ n: number }>('select count(*)::int as n from pipeline_test_rows');
    return { inserted: after[0].n - before[0].n, duplicates: 0 };
  },
};
const registry = importRegistry();
registry.register(testImporter as Importer<never>);

beforeAll(async () => {
  t = await testApp();
  userId = await t.user('pipeline', '460000', ['supervisor']);
  caller = await callerOfUser({ db: t.database.db, crypto: t.platform.crypto, expand: t.platform.regions.expand }, userId, 'test');
  await t.database.exec('create table pipeline_test_rows (k text primary key, v integer not null)');
});
afterAll(async () => t?.close());

async function run(kind: string, csv: string, mode: 'all' | 'good-rows', reg = registry) {
  const id = await createImportJob(t.database.db, { kind, filename: 'rows.csv', mode, file: Buffer.from(csv), createdBy: userId });
  writes.length = 0;
  await runImportJob(t.database, reg, id, caller, { batchRows: 3 });
  const [job] = await t.database.db.select().from(importJobs).where(eq(importJobs.id, id));
  return job;
}
const stored = async () => (await t.database.query<{ k: string }>('select k from pipeline_test_rows order by k')).map((r) => r.k);
const file = (rows: string[][]) => ['键,值', ...rows.map((r) => r.join(','))].join('\n') + '\n';

describe(`import pipeline, batched writes (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('mode "all": a bad row in the last batch leaves nothing of the earlier batches', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`a${i}`, String(i)]);
    rows.push(['a10', 'x']);
    const job = await run('pipeline-test', file(rows), 'all');
    expect(job).toMatchObject({ status: 'failed', processed: 11, errorCount: 1, inserted: 0 });
    expect(job.errorsFile).not.toBeNull();
    expect(await stored()).toEqual([]);
  });

  it('mode "good-rows": every valid row of every batch is written once, the counts are summed, an in-file duplicate in a later batch is an error', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => [`b${i}`, String(i)]);
    rows.splice(4, 0, ['b9', 'x']); // invalid
    rows.push(['b1', '7']); // duplicate of the file's second data row (file row 3)
    const job = await run('pipeline-test', file(rows), 'good-rows');
    expect(job).toMatchObject({ status: 'succeeded', processed: 10, inserted: 8, duplicates: 0, errorCount: 2 });
    expect(await stored()).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7']);
    if (t.database.kind === 'postgres') expect(writes).toEqual([3, 3, 2]);
    else expect(writes).toEqual([8]);
  });

  it('a write that fails in a later batch rolls back the batches written before it', async () => {
    await t.database.exec('delete from pipeline_test_rows');
    const rows = Array.from({ length: 7 }, (_, i) => [`c${i}`, String(i)]);
    rows.push(['boom', '1']);
    const job = await run('pipeline-test', file(rows), 'all');
    expect(job.status).toBe('failed');
    expect(job.message?.en).toContain('the write of this batch failed');
    expect(await stored()).toEqual([]);
  });

  it('persons across batches: rows already registered are counted as duplicates, the new ones inserted, each once', async () => {
    const header = t.platform.imports.get('persons').columns.map((c) => c.zh);
    const person = (i: number) => [makeResidentId('469021', '1985-03-0' + (1 + (i % 9)), 100 + i), '测试' + '甲乙丙丁戊己庚辛壬癸'[i % 10], '城镇', '469021100', '', '', '', '', '', ''];
    const csv = (ids: number[]) => [header, ...ids.map(person)].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
    const first = await run('persons', csv([0, 1, 2, 3, 4]), 'all', t.platform.imports);
    expect(first).toMatchObject({ status: 'succeeded', inserted: 5, duplicates: 0 });
    const again = await run('persons', csv([0, 5, 1, 6, 2, 7, 3, 8, 4, 9]), 'all', t.platform.imports);
    expect(again).toMatchObject({ status: 'succeeded', processed: 10, inserted: 5, duplicates: 5, errorCount: 0 });
    const [{ n }] = await t.database.query<{ n: number }>("select count(*)::int as n from persons where region_code = '469021100' /*scope:system*/");
    expect(n).toBe(10);
  });
});
