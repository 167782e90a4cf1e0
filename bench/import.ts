// Benchmark line 1 (issue 6): persons from a generated .csv and .xlsx through the full import
// pipeline (`runImportJob`: parse, validate, SM4 + blind index, dedupe, COPY), as a province
// supervisor, against a raw COPY of rows of the same kind in stored form into `persons` itself,
// rolled back (the COPY into an empty twin, `like persons including all`, is reported beside it).
// Target ≥ 0.5.
//
// `npm run bench` runs it on the generated province. Standalone, for profiling:
//   npx tsx bench/import.ts [--scale 0.005] [--rows 20000] [--rounds 3] [--seed 1] [--pglite]
//   node --cpu-prof --import tsx bench/import.ts …
// (PostgreSQL at 127.0.0.1:5432 when it answers: a database renshe_bench_imp, created and
// dropped; --scale 0 skips generating a province first.)
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import { sequenceAllocator } from '../server/src/modules/registry/generate';
import { personColumns, personRowValues } from '../server/src/modules/registry/importers';
import type { Caller } from '../server/src/platform/auth/service';
import type { Database } from '../server/src/platform/db';
import { rngOf, seededStream } from '../server/src/platform/generate';
import { createImportJob, runImportJob } from '../server/src/platform/imports';
import ExcelJS from '../server/src/platform/imports/exceljs';
import { csvField } from '../server/src/platform/imports/parse';
import type { Platform } from '../server/src/platform/kernel';
import { importJobs } from '../server/src/platform/schema';
import { makeResidentId } from '../server/src/platform/validate';
import { argValue, fmt, printTable, type Line } from './lib';

export type ImportBenchOptions = {
  database: Database;
  platform: Platform;
  caller: Caller;
  seed: number;
  rows: number;
  log: (s: string) => void;
  /** Rounds of (COPY, import) per format, fresh rows each; the line reports the best of each (default 3). */
  rounds?: number;
};

/**
 * Person rows for the import files. IDs use the province code 460000 as their region (the
 * generator uses county codes), so they never collide with generated persons: every row is
 * a new insert, and the two files (csv, xlsx) do not overlap either.
 */
function importCells(seed: number, n: number, stream: string, townships: string[], alloc: ReturnType<typeof sequenceAllocator>): Record<string, string>[] {
  const rng = rngOf(seededStream(seed, `bench/import/${stream}`));
  const surnames = '王陈李符吴林黄张刘周郑羊邢蔡冯杨云';
  const given = '伟强磊军芳娟敏静海峰丽艳明华平玲';
  const out: Record<string, string>[] = [];
  for (let i = 0; i < n; i++) {
    const male = rng.chance(0.53);
    let id: string | null = null;
    while (!id) {
      const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(rng.next() * 20_000) * 86_400_000).toISOString().slice(0, 10);
      const s = alloc(`460000${birth}`, male);
      if (s !== null) id = makeResidentId('460000', birth, s);
    }
    out.push({
      idNumber: id,
      name: rng.pick([...surnames]) + rng.pick([...given]) + (rng.chance(0.7) ? rng.pick([...given]) : ''),
      hukouType: rng.chance(0.6) ? '城镇' : '农村',
      regionCode: rng.pick(townships),
      phone: rng.chance(0.9) ? `13${rng.int(5, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}` : '',
      householdId: '',
      disability: rng.chance(0.02) ? '是' : '否',
      veteran: rng.chance(0.03) ? '是' : '否',
      zeroEmploymentHousehold: '否',
      lowIncomeHousehold: rng.chance(0.02) ? '是' : '否',
    });
  }
  return out;
}

export async function importLines(o: ImportBenchOptions): Promise<Line[]> {
  const { database, platform, caller, rows: importRows, log } = o;
  const imp = platform.imports.get('persons');
  const townships = platform.regions.rows().filter((r) => r.level === 'township' && !r.validTo).map((r) => r.code);
  const alloc = sequenceAllocator();
  const header = imp.columns.map((c) => `${c.zh}${c.required ? '*' : ''}`);
  /**
   * Rows of a stream whose IDs are not registered yet: a province measured before (`npm run bench
   * --database`) holds the rows of that run's import, made with the same IDs; those are replaced.
   */
  async function freshCells(stream: string): Promise<Record<string, string>[]> {
    let cells = importCells(o.seed, importRows, stream, townships, alloc);
    for (let again = 1; ; again++) {
      const hashes = cells.map((c) => platform.crypto.blindIndex(c.idNumber));
      const taken = new Set((await database.query<{ id_hash: string }>('select id_hash from persons where id_hash = any($1)', [hashes])).map((r) => r.id_hash));
      if (taken.size === 0) return cells;
      cells = cells.filter((_, i) => !taken.has(hashes[i])).concat(importCells(o.seed, taken.size, `${stream}-again-${again}`, townships, alloc));
    }
  }
  const out: Line[] = [];
  for (const format of ['csv', 'xlsx'] as const) {
    // The machine is shared and its load swings within seconds: each round measures the COPY
    // and the import of fresh rows back to back, and the line keeps the best of each.
    const samples: { copySeconds: number; twinSeconds: number; pipelineSeconds: number; cpuSeconds: number; load: number; fileBytes: number }[] = [];
    for (let round = 0; round < (o.rounds ?? 3); round++) {
      const cells = await freshCells(`${format}${round ? `-${round}` : ''}`);
      let file: Buffer;
      if (format === 'csv') {
        file = Buffer.from([header, ...cells.map((c) => imp.columns.map((col) => c[col.key]))].map((r) => r.map(csvField).join(',')).join('\n') + '\n');
      } else {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('人员信息');
        ws.columns = imp.columns.map((c) => ({ header: `${c.zh}${c.required ? '*' : ''}`, key: c.key, style: c.text ? { numFmt: '@' } : {} }));
        for (const c of cells) ws.addRow(c);
        file = Buffer.from(await wb.xlsx.writeBuffer());
      }
      // Baseline: rows of the same kind (fresh, from the same maker), already in their stored
      // form, COPYed into `persons` itself and rolled back — the floor of writing them into the
      // table as it is (at scale 1 its indexes hold ten million entries, and an empty twin's do
      // not); the COPY of the import's own rows into an empty twin with the same indexes is
      // reported beside it. Preparing the rows is not timed. Not the import's own rows: their
      // COPY would put exactly the index pages the import then writes into memory. At scale 1
      // the first write into persons after a while reads index pages from disk, so an untimed
      // COPY of other fresh rows (rolled back) goes first.
      const ctx = { caller, jobId: 'bench' };
      const storedCsv = (rows: Record<string, string>[]) =>
        rows
          .map((c) => {
            const r = imp.validateRow(c, ctx);
            if (!r.ok) throw new Error(`bench row invalid: ${JSON.stringify(r.problems)}`);
            return personRowValues(r.row as never, caller.userId).map(csvField).join(',');
          })
          .join('\n') + '\n';
      const csv = storedCsv(cells);
      const copyRows = storedCsv(await freshCells(`${format}-copy-${round}`));
      const ROLLBACK = new Error('rollback');
      const copyRolledBack = (text: string) =>
        database
          .rawTransaction(async (tx) => {
            await tx.copyCsv('persons', personColumns, text);
            throw ROLLBACK;
          })
          .catch((e) => {
            if (e !== ROLLBACK) throw e;
          });
      await copyRolledBack(storedCsv(await freshCells(`${format}-warm-${round}`)));
      const c0 = performance.now();
      await copyRolledBack(copyRows);
      const copySeconds = (performance.now() - c0) / 1000;
      const copyTable = `bench_copy_${format}`;
      await database.exec(`drop table if exists ${copyTable}; create table ${copyTable} (like persons including all)`);
      const t0 = performance.now();
      await database.rawTransaction((tx) => tx.copyCsv(copyTable, personColumns, csv));
      const twinSeconds = (performance.now() - t0) / 1000;
      await database.exec(`drop table ${copyTable}`);
      const jobId = await createImportJob(database.db, { kind: 'persons', filename: `bench.${format}`, mode: 'all', file, createdBy: caller.userId });
      const load = loadavg()[0];
      const cpu0 = process.cpuUsage();
      const p0 = performance.now();
      await runImportJob(database, platform.imports, jobId, caller);
      const pipelineSeconds = (performance.now() - p0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const [job] = await database.db.select().from(importJobs).where(eq(importJobs.id, jobId));
      if (job.status !== 'succeeded' || job.inserted !== importRows) {
        let detail = '';
        if (job.errorsFile) {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(job.errorsFile as never);
          const rows: string[] = [];
          wb.worksheets[0].eachRow((r, i) => void (i > 1 && rows.length < 5 && rows.push(JSON.stringify(r.values))));
          detail = `\nfirst errors: ${rows.join('\n')}`;
        }
        throw new Error(`bench import ${format} did not insert every row: ${job.status} ${job.inserted}/${importRows} ${job.message?.en ?? ''}${detail}`);
      }
      samples.push({ copySeconds, twinSeconds, pipelineSeconds, cpuSeconds, load, fileBytes: file.length });
      log(`  import .${format} round ${round + 1}: pipeline ${fmt(pipelineSeconds, 2)} s (this process's CPU ${fmt(cpuSeconds, 2)} s), COPY into persons ${fmt(copySeconds, 2)} s (empty twin ${fmt(twinSeconds, 2)} s), ratio ${(copySeconds / pipelineSeconds).toFixed(2)}; load ${load.toFixed(2)}`);
    }
    const pipelineSeconds = Math.min(...samples.map((x) => x.pipelineSeconds));
    const copySeconds = Math.min(...samples.map((x) => x.copySeconds));
    const twinSeconds = Math.min(...samples.map((x) => x.twinSeconds));
    const ratio = copySeconds / pipelineSeconds;
    out.push({
      key: `import.${format}`,
      name: `import persons .${format}`,
      measured: `${fmt(importRows / pipelineSeconds)} rows/s (${fmt(importRows)} rows, ${fmt(pipelineSeconds, 2)} s, best of ${samples.length})`,
      baseline: `COPY into persons ${fmt(importRows / copySeconds)} rows/s (${fmt(copySeconds, 2)} s, rolled back, best of ${samples.length}); into an empty twin ${fmt(importRows / twinSeconds)} rows/s`,
      ratio,
      target: '≥ 0.5',
      met: ratio >= 0.5,
      figures: { rows: importRows, pipelineSeconds, copySeconds, twinSeconds, pipelineRowsPerSecond: importRows / pipelineSeconds, copyRowsPerSecond: importRows / copySeconds, rounds: samples },
    });
  }
  return out;
}

// ---- standalone --------------------------------------------------------------------------

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const scale = Number(argValue(argv, 'scale') ?? 0.005);
  const seed = Number(argValue(argv, 'seed') ?? 1);
  const rows = Number(argValue(argv, 'rows') ?? 20_000);
  const rounds = Number(argValue(argv, 'rounds') ?? 3);
  const log = (s: string) => console.log(s);
  const { standaloneDatabase } = await import('./standalone');
  const { callerOfUser } = await import('../server/src/platform/auth/service');
  const { createUser, ensureOrg } = await import('../server/src/platform/seed');
  let failed = false;
  let bench: Awaited<ReturnType<typeof standaloneDatabase>> | null = null;
  try {
    // Scale 0 measures on an empty registry.
    bench = await standaloneDatabase(argv, { name: 'imp', scale, seed, parts: ['registry'], log: () => {} });
    const { database, platform, label } = bench;
    const org = await ensureOrg(database.db, '海南省人力资源和社会保障厅（基准测试）', '460000');
    const userId = await createUser(database.db, { username: 'bench_province', displayName: '基准测试省级', orgId: org, roleKeys: ['supervisor'], password: 'Bench#Pass2026', mustChangePassword: false });
    const caller = await callerOfUser({ db: database.db, crypto: platform.crypto, expand: platform.regions.expand }, userId, 'bench');
    log(`import line — ${label}, ${fmt(rows)} rows, province scale ${scale}`);
    const lines = await importLines({ database, platform, caller, seed, rows, log, rounds });
    log(`\n${printTable(lines)}`);
  } catch (e) {
    failed = true;
    console.error(e);
  } finally {
    await bench?.dispose();
  }
  process.exit(failed ? 1 : 0);
}
