// Social insurance benchmark lines (issue 5's performance requirements), on a database of
// their own so they neither disturb nor depend on the generated province of `npm run bench`:
//
//   a. Declaration import: one fee month for 4,000,000 insured × scale through the module's
//      real import path (platform pipeline + `contributions` importer: resident ID, credit
//      code, enrolment with that employer in that month, base inside the legal band, rates),
//      against a raw COPY of the same ledger entries in stored form into insurance_ledger
//      itself (rolled back: same indexes and foreign keys). Target ≥ 0.5. A second import of
//      the same file must add nothing. The COPY into a twin without foreign keys is reported
//      beside it: the ledger keeps its foreign keys (a money ledger's references are checked by
//      the database, not only by the importer), so that twin is not a floor an import can reach.
//   b. Paid after death: the supervision rule `paid_after_death` over 1,500,000 pensioners
//      (a year of monthly payments each) and 100,000 death records × scale, with planted
//      cases it must find exactly; against a bare join of the same tables. Target ≤ 10 s at
//      scale 1.
//
// Standalone: `npx tsx bench/insurance.ts [--scale 0.05] [--seed 1] [--pglite] [--only declaration|deaths]`
// (PostgreSQL at 127.0.0.1:5432 when it answers: a database renshe_bench_ins, created and dropped).
// Investigating on PostgreSQL: `--keep` leaves the seeded database behind (declaration line:
// its ledger emptied again), `--reuse` runs the declaration line on such a database without
// seeding it again (same scale and seed; the insured are re-derived from the seed), `--format
// csv|xlsx` runs one file format, `--explain` logs the plan (EXPLAIN ANALYZE, BUFFERS) of every
// statement over 2 s into the PostgreSQL server log (auto_explain).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq, sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import { buildPlatform } from '../server/src/app';
import { supervisionRules, runSupervision } from '../server/src/modules/insurance/supervision';
import { baseBand, defaultParams, ratesOf } from '../server/src/modules/insurance/params';
import { addMonths, type InsuranceType } from '../server/src/modules/insurance/types';
import { employerColumns, personColumns, personRowValues, sealPersonIdentifiers } from '../server/src/modules/registry/importers';
import { sequenceAllocator, usccFor } from '../server/src/modules/registry/generate';
import { callerOfUser, type Caller } from '../server/src/platform/auth/service';
import { loadConfig } from '../server/src/platform/config';
import { openDatabase, rows as dbRows, runMigrations, type Database } from '../server/src/platform/db';
import { rngOf, seededStream, type Rng } from '../server/src/platform/generate';
import { copyRowsInto } from '../server/src/platform/generate/copy';
import { createImportJob, runImportJob } from '../server/src/platform/imports';
import ExcelJS from '../server/src/platform/imports/exceljs';
import { csvField } from '../server/src/platform/imports/parse';
import type { Platform } from '../server/src/platform/kernel';
import { importJobs, users } from '../server/src/platform/schema';
import { systemScope } from '../server/src/platform/scope';
import { createUser, ensureOrg } from '../server/src/platform/seed';
import { makeResidentId } from '../server/src/platform/validate';
import { adminQuery, argValue, fmt, machine, notAvailable, postgresVersion, printTable, withDatabase, type Line } from './lib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export type InsuranceBenchOptions = {
  scale: number;
  seed: number;
  log: (s: string) => void;
  /** PostgreSQL admin URL, or null for PGlite in a temporary folder. */
  postgresAdminUrl: string | null;
  only?: 'declaration' | 'deaths';
  /** PostgreSQL only: leave the database behind (its ledger emptied), for `reuse`. */
  keep?: boolean;
  /** PostgreSQL only: the declaration line on a database left by `keep` (same scale and seed), not seeded again. */
  reuse?: boolean;
  formats?: ('csv' | 'xlsx')[];
  /** PostgreSQL only: auto_explain (analyze, buffers) of statements over 2 s into the server log. */
  explain?: boolean;
};

const INSURED_AT_SCALE_1 = 4_000_000;
const PENSIONERS_AT_SCALE_1 = 1_500_000;
const DEATHS_AT_SCALE_1 = 100_000;
/** Excel's sheet holds 1,048,576 rows: the .xlsx file is capped there (the header takes one). */
const XLSX_MAX_ROWS = 1_048_575;
const STAFF_PER_EMPLOYER = 20;
const DECLARED: InsuranceType[] = ['enterprise_pension', 'unemployment', 'work_injury'];
/** BENCH_INS_DB names another database, so that two runs can go side by side. */
const DB_NAME = process.env.BENCH_INS_DB && /^[a-z_][a-z0-9_]*$/.test(process.env.BENCH_INS_DB) ? process.env.BENCH_INS_DB : 'renshe_bench_ins';

type Bench = { database: Database; platform: Platform; caller: Caller; close(): Promise<void> };

async function openInsuranceBench(o: InsuranceBenchOptions): Promise<Bench> {
  // A kept database is read again with the same field keys: its key folder is named after it and kept too.
  const keyed = o.postgresAdminUrl && (o.keep || o.reuse);
  const dataDir = keyed ? join(tmpdir(), `renshe-bench-ins-${DB_NAME}-keys`) : mkdtempSync(join(tmpdir(), 'renshe-bench-ins-'));
  if (keyed) mkdirSync(dataDir, { recursive: true });
  let url = '';
  let dbName = DB_NAME;
  // DROP DATABASE waits until every backend of the cluster has answered a signal barrier; on
  // a shared server a backend stuck in COPY can hold that up for ever. Bounded, and on failure
  // this run takes a database named after its process instead (and says so at the end).
  const admin = o.postgresAdminUrl ? `${o.postgresAdminUrl}${o.postgresAdminUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c statement_timeout=60000')}` : null;
  const drop = async (name: string) =>
    admin === null ||
    (await adminQuery(admin, `drop database if exists ${name} with (force)`).then(
      () => true,
      (e: Error) => (o.log(`  could not drop database ${name}: ${e.message}`), false),
    ));
  if (o.postgresAdminUrl) {
    if (!o.reuse) {
      if (!(await drop(dbName))) dbName = `${DB_NAME}_${process.pid}`;
      await adminQuery(o.postgresAdminUrl, `create database ${dbName}`);
    }
    await adminQuery(
      o.postgresAdminUrl,
      o.explain
        ? `alter database ${dbName} set session_preload_libraries = 'auto_explain'; alter database ${dbName} set auto_explain.log_min_duration = '2s'; ` +
            `alter database ${dbName} set auto_explain.log_analyze = on; alter database ${dbName} set auto_explain.log_buffers = on; alter database ${dbName} set auto_explain.log_nested_statements = on`
        : `alter database ${dbName} reset all`,
    );
    url = withDatabase(o.postgresAdminUrl, dbName);
  }
  const config = { ...loadConfig({ ...process.env, RENSHE_DATA_DIR: dataDir, DATABASE_URL: url, RENSHE_DEMO: '0' }), logLevel: 'warn' };
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await runMigrations(database);
  const platform = await buildPlatform({ config, database });
  const org = await ensureOrg(database.db, '海南省社会保险服务中心（基准测试）', '460000');
  const [existing] = o.reuse ? await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'bench_insurance')) : [];
  const userId = existing?.id ?? await createUser(database.db, { username: 'bench_insurance', displayName: '基准测试社保', orgId: org, roleKeys: ['supervisor'], password: 'Bench#Pass2026', mustChangePassword: false });
  // The province supervisor, built as a session's caller is (roles, permissions, data scope).
  const caller = await callerOfUser({ db: database.db, crypto: platform.crypto, expand: platform.regions.expand }, userId, 'bench');
  return {
    database,
    platform,
    caller,
    async close() {
      await database.close();
      if (o.keep && admin) o.log(`  database ${dbName} kept (--keep) with its keys in ${dataDir}: drop both by hand when done`);
      else if (!(await drop(dbName))) o.log(`  database ${dbName} left behind: drop it by hand`);
      if (!o.keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---- synthetic people, in the registry's stored form ----------------------------------------

const SURNAMES = [...'王陈李符吴林黄张刘周郑羊邢蔡冯杨云何韩'];
const GIVEN = [...'伟强磊军芳娟敏静海峰丽艳明华平玲波涛秀英'];

type Person = { id: number; idNumber: string; name: string; regionCode: string; county: string };

/** Current townships grouped by county (persons live in townships, employers sit in counties). */
function townshipsByCounty(platform: Platform): { county: string; townships: string[] }[] {
  const index = platform.regions.index;
  const by = new Map<string, string[]>();
  for (const r of platform.regions.rows()) {
    if (r.level !== 'township' || r.validTo) continue;
    const county = index.countyOf(r.code);
    if (!county) continue;
    (by.get(county) ?? by.set(county, []).get(county)!).push(r.code);
  }
  return [...by.entries()].map(([county, townships]) => ({ county, townships }));
}

/**
 * `n` persons with ids from `firstId`, born between the two years, COPYed straight into
 * `persons` with the identifiers sealed as the registry stores them (SM4, HMAC-SM3, mask).
 */
async function copyPersons(b: Bench, rng: Rng, n: number, firstId: number, born: [number, number], alloc: ReturnType<typeof sequenceAllocator>, write = true): Promise<Person[]> {
  const places = townshipsByCounty(b.platform);
  const out: Person[] = [];
  const from = Date.UTC(born[0], 0, 1);
  const days = Math.floor((Date.UTC(born[1], 11, 31) - from) / 86_400_000);
  for (let i = 0; i < n; i++) {
    const place = places[rng.int(0, places.length - 1)];
    const male = rng.chance(0.52);
    let idNumber: string | null = null;
    while (!idNumber) {
      const birth = new Date(from + rng.int(0, days) * 86_400_000).toISOString().slice(0, 10);
      const s = alloc(`${place.county}${birth}`, male);
      if (s !== null) idNumber = makeResidentId(place.county, birth, s);
    }
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');
    out.push({ id: firstId + i, idNumber, name, regionCode: rng.pick(place.townships), county: place.county });
  }
  if (!write) return out;
  const rowsOf = function* (): Generator<unknown[]> {
    for (const p of out) {
      const birth = `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`;
      const male = Number(p.idNumber[16]) % 2 === 1;
      yield [
        p.id,
        ...personRowValues(
          { ...sealPersonIdentifiers(b.platform, p.idNumber, null), name: p.name, gender: male ? 'M' : 'F', birthDate: birth, hukouType: 'urban', regionCode: p.regionCode, householdId: null, disability: false, veteran: false, zeroEmploymentHousehold: false, lowIncomeHousehold: false },
          null,
        ),
      ];
    }
  };
  await copyRowsInto(b.database, 'persons', ['id', ...personColumns], rowsOf());
  await b.database.query(`select setval(pg_get_serial_sequence('persons', 'id'), (select max(id) from persons /*scope:system*/))`);
  return out;
}

const isoNow = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** The fee month `k` months before the current one (declarations may not be for a future month). */
const monthBack = (k: number) => addMonths(`${isoNow().slice(0, 7)}-01`, -k);

// ---- a. declaration import --------------------------------------------------------------

type Insured = Person & { employer: number; uscc: string; employerRegion: string; workInjuryClass: number; baseFen: number };

const LEDGER_COLUMNS = [
  'person_id', 'employer_id', 'insurance_type', 'fee_month', 'period_months', 'event', 'side', 'base_fen', 'employer_rate_bp', 'personal_rate_bp',
  'employer_fen', 'personal_fen', 'value_date', 'revision', 'region_code', 'source', 'import_job_id', 'recorded_by',
];

/** Bench only: empties the append-only ledger (its triggers off for this session) so that a kept database can be reused. */
async function emptyLedger(b: Bench): Promise<void> {
  await b.database.rawTransaction(async (tx) => {
    await tx.query(`set local session_replication_role = replica`);
    await tx.query(`truncate insurance_ledger`);
  });
}

async function seedInsured(b: Bench, o: InsuranceBenchOptions, n: number): Promise<Insured[]> {
  const rng = rngOf(seededStream(o.seed, 'bench/insurance/insured'));
  const t0 = performance.now();
  // --reuse: the database already holds them; derive the same insured from the seed, write nothing.
  const write = !o.reuse;
  const people = await copyPersons(b, rng, n, 1, [1967, 2005], sequenceAllocator(), write);
  const employerCount = Math.max(1, Math.ceil(n / STAFF_PER_EMPLOYER));
  const counties = townshipsByCounty(b.platform);
  const salt = rng.int(0, 1_000_000);
  const employers = Array.from({ length: employerCount }, (_, i) => {
    const place = counties[rng.int(0, counties.length - 1)];
    // An employer's region is its township, as in the registry; its ledger entries carry it.
    return { id: i + 1, uscc: usccFor(i, 'private', place.county, salt), region: rng.pick(place.townships), workInjuryClass: rng.int(1, 8) };
  });
  if (write) await copyRowsInto(b.database, 'employers', ['id', ...employerColumns], (function* () {
    for (const e of employers) yield [e.id, e.uscc, `基准测试单位${e.id}`, 'C', 'private', 'small', e.region, null];
  })());
  if (write) await b.database.query(`select setval(pg_get_serial_sequence('employers', 'id'), (select max(id) from employers /*scope:system*/))`);
  if (write) await copyRowsInto(b.database, 'insurance_employer_registrations', ['employer_id', 'region_code', 'types', 'work_injury_class', 'registered_on', 'status'], (function* () {
    for (const e of employers) yield [e.id, e.region, JSON.stringify(DECLARED), e.workInjuryClass, '2015-01-01', 'active'];
  })());
  const year = Number(monthBack(1).slice(0, 4));
  const band = baseBand(defaultParams(year));
  const insured: Insured[] = people.map((p, i) => {
    const e = employers[i % employerCount];
    // Bases in whole yuan inside the band, most near the floor, as wages are.
    const base = Math.min(band.ceilFen, band.floorFen + Math.floor(rng.next() ** 2 * (band.ceilFen - band.floorFen) / 100) * 100);
    return { ...p, employer: e.id, uscc: e.uscc, employerRegion: e.region, workInjuryClass: e.workInjuryClass, baseFen: base };
  });
  if (!write) {
    await emptyLedger(b);
    o.log(`  insured: ${fmt(n)} persons re-derived from the seed (--reuse), ledger emptied`);
    return insured;
  }
  await copyRowsInto(b.database, 'insurance_enrolments', ['person_id', 'insurance_type', 'employer_id', 'worker_form', 'status', 'start_date', 'region_code'], (function* () {
    for (const p of insured) {
      const start = `${rng.int(2015, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
      for (const t of DECLARED) yield [p.id, t, p.employer, 'employee', 'paying', start, p.employerRegion];
    }
  })());
  await b.database.exec('analyze persons; analyze employers; analyze insurance_employer_registrations; analyze insurance_enrolments');
  o.log(`  insured: ${fmt(n)} persons, ${fmt(employerCount)} employers, ${fmt(n * DECLARED.length)} enrolments in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  return insured;
}

async function declarationFile(imp: { columns: { zh: string; required: boolean; key: string; text?: boolean }[] }, insured: Insured[], feeMonth: string, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const month = feeMonth.slice(0, 7);
  const cellsOf = (p: Insured): Record<string, string> => ({ uscc: p.uscc, feeMonth: month, idNumber: p.idNumber, name: p.name, insuranceType: '', base: String(p.baseFen / 100) });
  if (format === 'csv') {
    const header = imp.columns.map((c) => csvField(`${c.zh}${c.required ? '*' : ''}`)).join(',');
    const parts: string[] = [header];
    for (const p of insured) {
      const c = cellsOf(p);
      parts.push(imp.columns.map((col) => csvField(c[col.key])).join(','));
    }
    return Buffer.from(parts.join('\n') + '\n');
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('缴费申报');
  ws.columns = imp.columns.map((c) => ({ header: `${c.zh}${c.required ? '*' : ''}`, key: c.key, style: c.text ? { numFmt: '@' } : {} }));
  for (const p of insured) ws.addRow(cellsOf(p));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The ledger entries a declaration of `insured` for `feeMonth` must produce, in stored form. */
function storedEntries(insured: Insured[], feeMonth: string, jobId: string, userId: number): { chunks: string[]; entries: number; dueFen: number } {
  const p = defaultParams(Number(feeMonth.slice(0, 4)));
  const today = isoNow();
  const chunks: string[] = [];
  let chunk = '';
  let entries = 0;
  let dueFen = 0;
  for (const x of insured) {
    for (const t of DECLARED) {
      const r = ratesOf(p, t, x.workInjuryClass);
      const employerFen = Math.round((x.baseFen * r.employer) / 10000);
      const personalFen = Math.round((x.baseFen * r.personal) / 10000);
      dueFen += employerFen + personalFen;
      chunk += [x.id, x.employer, t, feeMonth, 1, 'declared', 'due', x.baseFen, r.employer, r.personal, employerFen, personalFen, today, 0, x.employerRegion, 'declaration', jobId, userId].map(csvField).join(',') + '\n';
      entries++;
      if (chunk.length >= 1 << 20) {
        chunks.push(chunk);
        chunk = '';
      }
    }
  }
  if (chunk) chunks.push(chunk);
  return { chunks, entries, dueFen };
}

/** One COPY of CSV text already rendered in chunks (streamed on PostgreSQL, one transaction on PGlite). */
async function copyRendered(database: Database, table: string, columns: string[], chunks: string[]): Promise<void> {
  if (database.kind === 'postgres' && database.pool) {
    const client = await database.pool.connect();
    try {
      await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`)));
    } finally {
      client.release();
    }
    return;
  }
  await database.rawTransaction(async (tx) => {
    for (const c of chunks) await tx.copyCsv(table, columns, c);
  });
}

async function ledgerMonth(b: Bench, feeMonth: string): Promise<{ entries: number; dueFen: number }> {
  const [r] = await b.database.query<{ n: number | string; due: number | string }>(
    `select count(*) as n, coalesce(sum(employer_fen + personal_fen), 0) as due from insurance_ledger where fee_month = $1 and event = 'declared' /*scope:system*/`,
    [feeMonth],
  );
  return { entries: Number(r.n), dueFen: Number(r.due) };
}

async function runDeclaration(b: Bench, file: Buffer, filename: string) {
  const jobId = await createImportJob(b.database.db, { kind: 'contributions', filename, mode: 'all', file, createdBy: b.caller.userId });
  const t0 = performance.now();
  await runImportJob(b.database, b.platform.imports, jobId, b.caller);
  const seconds = (performance.now() - t0) / 1000;
  const [job] = await b.database.db.select().from(importJobs).where(eq(importJobs.id, jobId));
  return { jobId, seconds, job };
}

async function declarationLines(b: Bench, o: InsuranceBenchOptions): Promise<Line[]> {
  const n = Math.max(100, Math.round(INSURED_AT_SCALE_1 * o.scale));
  const insured = await seedInsured(b, o, n);
  const imp = b.platform.imports.get('contributions');
  const out: Line[] = [];
  for (const [k, format] of [[1, 'csv'], [2, 'xlsx']] as const) {
    if (o.formats && !o.formats.includes(format)) continue;
    const name = `insurance: declaration import .${format}`;
    const rowsOf = format === 'xlsx' ? insured.slice(0, XLSX_MAX_ROWS) : insured;
    const feeMonth = monthBack(k);
    const f0 = performance.now();
    const file = await declarationFile(imp, rowsOf, feeMonth, format);
    o.log(`  .${format}: ${fmt(rowsOf.length)} rows, ${fmt(file.length / 2 ** 20, 1)} MiB written in ${fmt((performance.now() - f0) / 1000, 1)} s`);

    // Baseline: the same entries, already in stored form, COPYed into insurance_ledger itself
    // and rolled back — the physical floor of writing them into the ledger with its foreign
    // keys to persons and employers, which a money ledger keeps (the import cannot go below
    // it without dropping them). For reference, the same COPY into a twin without foreign keys
    // (`like … including all` copies none). Rendering them is not timed.
    const stored = storedEntries(rowsOf, feeMonth, 'bench-copy', b.caller.userId);
    const c0 = performance.now();
    await b.database
      .rawTransaction(async (tx) => {
        for (const c of stored.chunks) await tx.copyCsv('insurance_ledger', LEDGER_COLUMNS, c);
        throw new Error('rollback');
      })
      .catch(() => {});
    const copySeconds = (performance.now() - c0) / 1000;
    await b.database.exec('drop table if exists bench_ledger_twin; create table bench_ledger_twin (like insurance_ledger including all)');
    const t0 = performance.now();
    await copyRendered(b.database, 'bench_ledger_twin', LEDGER_COLUMNS, stored.chunks);
    const twinSeconds = (performance.now() - t0) / 1000;
    await b.database.exec('drop table bench_ledger_twin');

    const before = await ledgerMonth(b, feeMonth);
    const first = await runDeclaration(b, file, `declaration-${feeMonth.slice(0, 7)}.${format}`);
    if (first.job.status !== 'succeeded' || first.job.inserted !== stored.entries) {
      throw new Error(`declaration .${format} did not write every entry: ${first.job.status}, ${first.job.inserted}/${stored.entries}: ${first.job.message?.en ?? ''}`.slice(0, 600));
    }
    const after = await ledgerMonth(b, feeMonth);
    if (after.entries - before.entries !== stored.entries || after.dueFen - before.dueFen !== stored.dueFen) {
      throw new Error(`ledger for ${feeMonth}: ${after.entries - before.entries} entries, ${after.dueFen - before.dueFen} fen due; expected ${stored.entries}, ${stored.dueFen}`);
    }
    // The same file again: every entry is already there, nothing is added, no money doubles.
    const again = await runDeclaration(b, file, `declaration-${feeMonth.slice(0, 7)}-again.${format}`);
    const afterAgain = await ledgerMonth(b, feeMonth);
    const doubled = afterAgain.entries - after.entries;
    if (again.job.status !== 'succeeded' || again.job.inserted !== 0 || doubled !== 0 || afterAgain.dueFen !== after.dueFen) {
      throw new Error(`re-import of the same .${format} declaration: ${again.job.status}, inserted ${again.job.inserted}, ledger +${doubled} entries, due ${after.dueFen} → ${afterAgain.dueFen} fen`);
    }
    const ratio = copySeconds / first.seconds;
    o.log(`  .${format}: import ${fmt(first.seconds, 1)} s, COPY ${fmt(copySeconds, 2)} s, ratio ${ratio.toFixed(2)}; again ${fmt(again.seconds, 1)} s, +0 entries`);
    out.push({
      key: `insurance.declaration.${format}`,
      name,
      measured: `${fmt(stored.entries / first.seconds)} entries/s (${fmt(rowsOf.length)} insured × ${DECLARED.length} types = ${fmt(stored.entries)} entries, ${fmt(first.seconds, 1)} s); again: +0 entries (${fmt(again.seconds, 1)} s)`,
      baseline: `COPY into insurance_ledger ${fmt(stored.entries / copySeconds)} entries/s (${fmt(copySeconds, 2)} s, rolled back); into a twin without foreign keys ${fmt(stored.entries / twinSeconds)} entries/s`,
      ratio,
      target: '≥ 0.5',
      met: ratio >= 0.5,
      figures: {
        insured: rowsOf.length,
        entries: stored.entries,
        dueFen: stored.dueFen,
        fileBytes: file.length,
        feeMonth,
        importSeconds: first.seconds,
        copySeconds,
        twinCopySeconds: twinSeconds,
        ratioAgainstTwin: twinSeconds / first.seconds,
        importRowsPerSecond: rowsOf.length / first.seconds,
        importEntriesPerSecond: stored.entries / first.seconds,
        copyEntriesPerSecond: stored.entries / copySeconds,
        reimport: { seconds: again.seconds, inserted: again.job.inserted, duplicates: again.job.duplicates, ledgerAdded: doubled },
      },
      note: format === 'xlsx' && rowsOf.length < insured.length ? `capped at ${fmt(XLSX_MAX_ROWS)} rows (one Excel sheet)` : undefined,
    });
  }
  if (o.keep) await emptyLedger(b);
  return out;
}

// ---- b. paid after death ----------------------------------------------------------------

type Planted = { personId: number; amountFen: number };

/**
 * Pensioners with a decision each and a year of monthly payments; death records for some of
 * them and for other people. Most deaths stop the payments from the month after death; the
 * planted ones do not. Some deaths are corrected (a later record with another date): the rule
 * must go by the latest known record, so a correction can create a case or remove one.
 */
async function seedDeaths(b: Bench, o: InsuranceBenchOptions): Promise<{ pensioners: number; deaths: number; payments: number; planted: Map<number, Planted>; window: [string, string] }> {
  const rng = rngOf(seededStream(o.seed, 'bench/insurance/deaths'));
  const t0 = performance.now();
  const pensioners = Math.max(100, Math.round(PENSIONERS_AT_SCALE_1 * o.scale));
  const deaths = Math.max(20, Math.round(DEATHS_AT_SCALE_1 * o.scale));
  const deadPensioners = Math.round(deaths * 0.75);
  const others = deaths - deadPensioners;
  const [{ m }] = await b.database.query<{ m: number | string | null }>('select max(id) as m from persons /*scope:system*/');
  const firstId = Number(m ?? 0) + 1;
  const people = await copyPersons(b, rng, pensioners + others, firstId, [1925, 1965], sequenceAllocator());
  const lastMonth = monthBack(1);
  const firstMonth = addMonths(lastMonth, -11);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(firstMonth, i));
  // Death dates from two years before the window to its last month.
  const deathMonths = Array.from({ length: 36 }, (_, i) => addMonths(lastMonth, -35 + i));
  const dayIn = (month: string) => `${month.slice(0, 8)}${String(rng.int(1, 28)).padStart(2, '0')}`;

  type Fate = { death: string; paidThrough: string; correction?: string } | null;
  const fate: Fate[] = people.slice(0, pensioners).map(() => null);
  const planted = new Map<number, Planted>();
  const dead = new Set<number>();
  while (dead.size < deadPensioners) dead.add(rng.int(0, pensioners - 1));
  const plantedShare = 0.02;
  const correctedShare = 0.04;
  for (const i of dead) {
    const deathMonth = rng.pick(deathMonths);
    const death = dayIn(deathMonth);
    const u = rng.next();
    if (u < plantedShare && deathMonth < lastMonth) {
      // Planted: payments went on one to four months after the month of death.
      const through = [addMonths(deathMonth, rng.int(1, 4)), lastMonth].sort()[0];
      fate[i] = { death, paidThrough: through };
    } else if (u < plantedShare + correctedShare / 2 && deathMonth < lastMonth) {
      // Corrected later to an earlier date: paid up to the first (wrong) date, so a case.
      const wrong = dayIn([addMonths(deathMonth, rng.int(1, 3)), lastMonth].sort()[0]);
      fate[i] = { death: wrong, paidThrough: `${wrong.slice(0, 7)}-01`, correction: death };
    } else if (u < plantedShare + correctedShare && deathMonth > deathMonths[0]) {
      // Corrected later to a later date: paid up to the true month of death, so no case.
      const wrong = dayIn(addMonths(deathMonth, -rng.int(1, 3)));
      fate[i] = { death: wrong, paidThrough: deathMonth, correction: death };
    } else {
      fate[i] = { death, paidThrough: deathMonth };
    }
  }
  const monthlyOf = people.map(() => rng.int(1800, 6000) * 100);
  await copyRowsInto(b.database, 'insurance_benefit_decisions', ['id', 'person_id', 'region_code', 'kind', 'status', 'start_month', 'monthly_fen', 'inputs', 'explanation', 'rule_key', 'rule_version', 'clause', 'params_version'], (function* () {
    for (let i = 0; i < pensioners; i++) {
      const p = people[i];
      yield [i + 1, p.id, p.county, 'enterprise_pension', 'active', '2010-01-01', monthlyOf[i], '{}', '[]', 'bench', '1', '社会保险法 第十六条', 'bench'];
    }
  })());
  let payments = 0;
  await copyRowsInto(b.database, 'insurance_benefit_payments', ['decision_id', 'person_id', 'region_code', 'kind', 'pay_month', 'amount_fen', 'paid_on'], (function* () {
    for (let i = 0; i < pensioners; i++) {
      const p = people[i];
      const f = fate[i];
      const trueDeath = f ? (f.correction ?? f.death) : null;
      let after = 0;
      for (const month of months) {
        if (f && month > f.paidThrough) break;
        if (trueDeath && month > `${trueDeath.slice(0, 7)}-01`) after += monthlyOf[i];
        payments++;
        yield [i + 1, p.id, p.county, 'enterprise_pension', month, monthlyOf[i], `${month.slice(0, 8)}05`];
      }
      if (after > 0) planted.set(p.id, { personId: p.id, amountFen: after });
    }
  })());
  let eventId = 0;
  let records = 0;
  await copyRowsInto(b.database, 'insurance_life_events', ['id', 'person_id', 'region_code', 'kind', 'occurred_on', 'known_on', 'recorded_at', 'source', 'source_ref', 'supersedes_id'], (function* () {
    const known = (d: string, k: number) => [addMonths(`${d.slice(0, 7)}-01`, k), isoNow()].sort()[0];
    for (let i = 0; i < people.length; i++) {
      const p = people[i];
      const f = i < pensioners ? fate[i] : { death: dayIn(rng.pick(deathMonths)), paidThrough: '' };
      if (!f) continue;
      const first = ++eventId;
      records++;
      yield [first, p.id, p.regionCode, 'death', f.death, known(f.death, 1), `${known(f.death, 1)}T10:00:00+08:00`, 'civil_affairs', `bench-death-${first}`, null];
      if (f.correction) {
        const id = ++eventId;
        yield [id, p.id, p.regionCode, 'death', f.correction, known(f.death, 2), `${known(f.death, 2)}T10:00:00+08:00`, 'police', `bench-death-${id}`, first];
      }
    }
  })());
  await b.database.query(`select setval(pg_get_serial_sequence('insurance_life_events', 'id'), ${Math.max(1, eventId)})`);
  await b.database.query(`select setval(pg_get_serial_sequence('insurance_benefit_decisions', 'id'), ${pensioners})`);
  await b.database.exec('analyze persons; analyze insurance_benefit_decisions; analyze insurance_benefit_payments; analyze insurance_life_events');
  o.log(`  ${fmt(pensioners)} pensioners, ${fmt(payments)} payments (${months[0].slice(0, 7)}…${lastMonth.slice(0, 7)}), ${fmt(records)} persons with death records (${fmt(eventId)} records), ${fmt(planted.size)} planted cases, in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  return { pensioners, deaths: records, payments, planted, window: [months[0], lastMonth] };
}

async function paidAfterDeathLine(b: Bench, o: InsuranceBenchOptions): Promise<Line> {
  const name = 'insurance: paid-after-death rule';
  const rule = supervisionRules.find((r) => r.key === 'paid_after_death');
  if (!rule) return notAvailable('insurance.paidAfterDeath', name, 'the insurance module has no paid_after_death rule');
  const s = await seedDeaths(b, o);

  // Baseline: a bare join of the same tables (payments × death records, no rule logic).
  const j0 = performance.now();
  const [bare] = await b.database.query<{ n: number | string }>(
    `select count(*) as n from insurance_benefit_payments p join insurance_life_events d on d.person_id = p.person_id where d.kind = 'death' /*scope:system*/`,
  );
  const joinSeconds = (performance.now() - j0) / 1000;

  const r0 = performance.now();
  const [result] = await runSupervision(b.platform, { rules: [rule.key] });
  const ruleSeconds = (performance.now() - r0) / 1000;
  const hits = await dbRows<{ person_id: number | string; amount_fen: number | string }>(
    b.platform.db,
    sql`select person_id, amount_fen from insurance_supervision_hits where rule_key = ${rule.key} and ${systemScope()}`,
  );
  const found = new Map(hits.map((h) => [Number(h.person_id), Number(h.amount_fen)]));
  const missed = [...s.planted.keys()].filter((id) => !found.has(id));
  const falseAlarms = [...found.keys()].filter((id) => !s.planted.has(id));
  const wrongAmount = [...s.planted.values()].filter((p) => found.has(p.personId) && found.get(p.personId) !== p.amountFen);
  if (missed.length || falseAlarms.length || wrongAmount.length || result.found !== s.planted.size) {
    throw new Error(`paid_after_death found ${result.found} (${hits.length} hits) for ${s.planted.size} planted: ${missed.length} missed, ${falseAlarms.length} false alarms, ${wrongAmount.length} with a wrong amount`);
  }
  // A second run finds the same subjects and adds no case.
  const a0 = performance.now();
  const [rerun] = await runSupervision(b.platform, { rules: [rule.key] });
  const rerunSeconds = (performance.now() - a0) / 1000;
  if (rerun.added !== 0 || rerun.found !== s.planted.size) throw new Error(`paid_after_death rerun found ${rerun.found}, added ${rerun.added}`);

  // Linear in the scale, with 0.1 s for what a run costs whatever the size (parameters, the hits' insert).
  const budget = o.scale >= 1 ? 10 * o.scale : Math.max(10 * o.scale, 0.1);
  o.log(`  paid after death: rule ${fmt(ruleSeconds, 2)} s (${result.found} hits = planted), bare join ${fmt(joinSeconds, 2)} s (${fmt(Number(bare.n))} rows); rerun ${fmt(rerunSeconds, 2)} s, +0`);
  return {
    key: 'insurance.paidAfterDeath',
    name,
    measured: `${fmt(ruleSeconds, 2)} s, found ${fmt(result.found)} of ${fmt(s.planted.size)} planted, 0 false alarms (${fmt(s.pensioners)} pensioners, ${fmt(s.payments)} payments, ${fmt(s.deaths)} persons with death records); rerun +0 (${fmt(rerunSeconds, 2)} s)`,
    baseline: `bare join ${fmt(joinSeconds, 2)} s (${fmt(Number(bare.n))} rows)`,
    ratio: joinSeconds / ruleSeconds,
    target: o.scale === 1 ? '≤ 10 s' : `≤ 10 s at scale 1 (here ≤ ${fmt(budget, 2)} s, linear, at least 0.1 s)`,
    met: ruleSeconds <= budget,
    figures: { pensioners: s.pensioners, personsWithDeathRecords: s.deaths, payments: s.payments, window: s.window, planted: s.planted.size, found: result.found, ruleSeconds, joinSeconds, joinRows: Number(bare.n), rerunSeconds, budgetSeconds: budget },
    note: 'ratio = bare join ÷ rule (higher is better)',
  };
}

// ---- both lines ---------------------------------------------------------------------------

/** Runs the insurance lines on a database of their own; a line that fails says so and the other still runs. */
export async function insuranceLines(o: InsuranceBenchOptions): Promise<Line[]> {
  const b = await openInsuranceBench(o);
  const out: Line[] = [];
  const failure = (key: string, name: string) => (e: unknown): Line[] => {
    console.error(e);
    return [{ ...notAvailable(key, name, `failed: ${(e as Error).message.split('\n')[0]}`), met: false }];
  };
  try {
    if (o.only !== 'deaths') out.push(...(await declarationLines(b, o).catch(failure('insurance.declaration', 'insurance: declaration import'))));
    if (o.only !== 'declaration') out.push(...(await paidAfterDeathLine(b, o).then((l) => [l], failure('insurance.paidAfterDeath', 'insurance: paid-after-death rule'))));
  } finally {
    await b.close();
  }
  return out;
}

// ---- standalone --------------------------------------------------------------------------

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const scale = Number(argValue(argv, 'scale') ?? 0.05);
  const seed = Number(argValue(argv, 'seed') ?? 1);
  const onlyArg = argValue(argv, 'only');
  const only = onlyArg === 'declaration' || onlyArg === 'deaths' ? onlyArg : undefined;
  const formatArg = argValue(argv, 'format');
  const formats: ('csv' | 'xlsx')[] | undefined = formatArg === 'csv' || formatArg === 'xlsx' ? [formatArg] : undefined;
  const keep = argv.includes('--keep');
  const reuse = argv.includes('--reuse');
  const explain = argv.includes('--explain');
  if (reuse && only !== 'declaration') throw new Error('--reuse runs the declaration line only: add --only declaration');
  const admin = process.env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
  const pgVersion = argv.includes('--pglite') ? null : await postgresVersion(admin);
  const log = (s: string) => console.log(s);
  const mach = machine(pgVersion);
  log(`Renshe insurance benchmark — ${pgVersion ? `PostgreSQL ${pgVersion} (${DB_NAME})` : 'PGlite'}, scale ${scale}, seed ${seed}`);
  const t0 = performance.now();
  const lines = await insuranceLines({ scale, seed, log, postgresAdminUrl: pgVersion ? admin : null, only, formats, keep, reuse, explain });
  const seconds = (performance.now() - t0) / 1000;
  const table = printTable(lines);
  log(`\n${table}\n`);
  const startedAt = new Date(Date.now() - seconds * 1000).toISOString();
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.replace(/[:.]/g, '-')}-${pgVersion ? 'postgres' : 'pglite'}-insurance-scale-${scale}.json`);
  writeFileSync(file, JSON.stringify({ startedAt, seconds, machine: mach, database: pgVersion ? 'postgres' : 'pglite', scale, seed, lines, table }, null, 2) + '\n');
  log(`run took ${fmt(seconds)} s; results: ${file}`);
  process.exit(lines.some((l) => l.met === false) ? 1 : 0);
}
