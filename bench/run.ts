// `npm run bench [-- --scale S]`: Renshe against the physical limits of the same machine,
// measured in the same run (issue 6). Prints one table and writes it as JSON to
// bench/results/. On PostgreSQL at 127.0.0.1:5432 when it answers (a database renshe_bench
// that the run creates and drops), else on PGlite in a temporary folder.
//
// Options: --scale S (default 0.05), --seed N, --import-rows N (default 20000),
// --seconds N (each load run, default 10), --pglite (ignore PostgreSQL), --skip-demo,
// --skip-web, --skip-insurance. BENCH_PG_URL overrides the PostgreSQL admin URL.
// --database NAME --data-dir DIR: measure a province generated beforehand by `renshe generate`
// into that PostgreSQL database with that data folder (its keys); the run neither generates nor
// drops it (a scale-1 province takes half an hour to make; its generation is timed on its own).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { inArray } from 'drizzle-orm';
import { buildPlatform } from '../server/src/app';
import { modules } from '../server/src/modules';
import type { Caller } from '../server/src/platform/auth/service';
import { loadConfig } from '../server/src/platform/config';
import { openDatabase, runMigrations, type Database } from '../server/src/platform/db';
import { generate, type GenerateReport } from '../server/src/platform/generate';
import type { Platform } from '../server/src/platform/kernel';
import { rolePermissions, roles, userRoles, users } from '../server/src/platform/schema';
import { computeScope } from '../server/src/platform/scope';
import { createUser, ensureOrg } from '../server/src/platform/seed';
import { adminQuery, argValue, fmt, machine, notAvailable, postgresVersion, printTable, rssMiB, startChild, withDatabase, type Line } from './lib';
import { checkCalibration, formatCalibration, type CalibrationResult } from './calibration';
import { indicatorsLine, matchingLine } from './lines';
import { insuranceLines } from './insurance';
import { refreshLine } from './refresh';
import { importLines } from './import';
import { apiAndMemoryLines } from './api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const scale = Number(argValue(argv, 'scale') ?? 0.05);
const seed = Number(argValue(argv, 'seed') ?? 1);
const importRows = Number(argValue(argv, 'import-rows') ?? 20_000);
const loadSeconds = Number(argValue(argv, 'seconds') ?? 10);
const BENCH_PASSWORD = 'Bench#Pass2026';
const t0 = performance.now();
const log = (s: string) => console.log(s);

// ---- set-up ------------------------------------------------------------------------------

const pgAdminUrl = process.env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const pgVersion = argv.includes('--pglite') ? null : await postgresVersion(pgAdminUrl);
const reuse = argValue(argv, 'database');
if (reuse && !pgVersion) throw new Error('--database needs PostgreSQL (BENCH_PG_URL)');
if (reuse && !argValue(argv, 'data-dir')) throw new Error('--database needs --data-dir: the folder whose keys encrypted that province');
const dataDir = reuse ? argValue(argv, 'data-dir')! : mkdtempSync(join(tmpdir(), 'renshe-bench-'));
let dbUrl: string | undefined;
if (reuse) dbUrl = withDatabase(pgAdminUrl, reuse);
else if (pgVersion) {
  await adminQuery(pgAdminUrl, 'drop database if exists renshe_bench with (force)');
  await adminQuery(pgAdminUrl, 'create database renshe_bench');
  dbUrl = withDatabase(pgAdminUrl, 'renshe_bench');
}
const childEnv: NodeJS.ProcessEnv = { ...process.env, RENSHE_DATA_DIR: dataDir, DATABASE_URL: dbUrl ?? '', LOG_LEVEL: 'warn', RENSHE_DEMO: '0' };
const config = { ...loadConfig(childEnv), logLevel: 'warn' };
const mach = machine(pgVersion);
log(`Renshe benchmark — ${pgVersion ? `PostgreSQL ${pgVersion} (${reuse ?? 'renshe_bench'})` : 'PGlite'}, scale ${scale}, seed ${seed}${reuse ? `; province generated beforehand in ${reuse}` : ''}`);
log(`machine: ${mach.nproc} CPUs (${mach.cpu}), ${mach.memoryGiB} GiB, Node ${mach.node}, ${mach.os}\n`);

const lines: Line[] = [];
let generated: GenerateReport | null = null;
let calibration: CalibrationResult[] = [];

async function openBench(): Promise<{ database: Database; platform: Platform }> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await runMigrations(database);
  const platform = await buildPlatform({ config, database });
  return { database, platform };
}

async function callerFor(platform: Platform, userId: number, username: string, regionCode: string, roleKeys: string[]): Promise<Caller> {
  const rs = await platform.db.select().from(roles).where(inArray(roles.key, roleKeys));
  const perms = await platform.db.select().from(rolePermissions).where(inArray(rolePermissions.roleId, rs.map((r) => r.id)));
  return {
    kind: 'staff',
    subjectId: null,
    userId,
    username,
    displayName: username,
    regionCode,
    orgId: 0,
    orgName: '',
    roles: rs.map((r) => ({ id: r.id, key: r.key, name: r.name })),
    permissions: new Set(perms.map((p) => p.permission)),
    scope: computeScope({ id: userId, regionCode }, rs, platform.regions.expand),
    mustChangePassword: false,
    passwordExpired: false,
    mfaEnabled: false,
    mfaRequired: false,
    sessionId: 'bench',
    csrfToken: '',
  };
}

// ---- 4, 5. API and memory -------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A fresh embedded start (`npm start` path: migrations, demo accounts, demo data) and its RSS. */
async function demoLine(): Promise<Line> {
  const dir = mkdtempSync(join(tmpdir(), 'renshe-bench-demo-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, RENSHE_DATA_DIR: dir, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RENSHE_DEMO: '1', RENSHE_WEB_DIST: join(root, 'web/dist') };
  delete env.RENSHE_FIELD_KEY;
  try {
    const demo = await startChild(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], { cwd: root, env, ready: /Renshe is running/, timeoutMs: 240_000 });
    const started = demo.seconds;
    const persons = /registry: ([\d,]+) persons/.exec(demo.output())?.[1] ?? '?';
    await new Promise((r) => setTimeout(r, 3000));
    const rss = rssMiB(demo.proc.pid!);
    await demo.stop();
    log(`  demo: ready in ${fmt(started, 1)} s with ${persons} persons, RSS ${rss} MiB`);
    return {
      key: 'memory.demo',
      name: 'PGlite demo (fresh start)',
      measured: `ready in ${fmt(started, 1)} s (${persons} persons), RSS ${rss} MiB`,
      baseline: 'budget: 60 s; PGlite cap ≈ 2 GiB',
      ratio: started / 60,
      target: 'start ≤ 60 s',
      met: started <= 60,
      figures: { startSeconds: started, rssMiB: rss, persons },
      note: 'ratio = start time ÷ 60 s budget (lower is better)',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- 6. web ------------------------------------------------------------------------------

function webLine(): Line {
  const dist = join(root, 'web/dist');
  if (!existsSync(join(dist, 'index.html')) && !argv.includes('--skip-web')) {
    log('  web/dist missing: building (npm run build)…');
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', timeout: 600_000 });
    if (r.status !== 0) return notAvailable('web', 'web bundle (gzip)', 'npm run build failed');
  }
  if (!existsSync(join(dist, 'index.html'))) return notAvailable('web', 'web bundle (gzip)', 'web/dist missing');
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const shellFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const shell = gz(join(dist, 'index.html')) + shellFiles.reduce((s, f) => s + gz(join(dist, f)), 0);
  const lazy = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') && !shellFiles.includes(`assets/${f}`))
    .map((f) => ({ f, size: gz(join(dist, 'assets', f)) }))
    .sort((a, b) => b.size - a.size);
  const kb = (b: number) => Math.round(b / 1024);
  const budget = 400 * 1024;
  return {
    key: 'web',
    name: 'web bundle (gzip)',
    measured: `shell ${kb(shell)} kB (${shellFiles.length + 1} files); largest lazy chunk ${lazy[0] ? `${kb(lazy[0].size)} kB (${lazy[0].f})` : '—'}`,
    baseline: 'budget 400 kB',
    ratio: shell / budget,
    target: 'shell ≤ 400 kB',
    met: shell <= budget,
    figures: { shellBytes: shell, shellFiles: ['index.html', ...shellFiles], largestLazy: lazy[0] ?? null, lazyChunks: lazy.length },
    note: 'ratio = shell ÷ 400 kB budget (lower is better)',
  };
}

// ---- the run ----------------------------------------------------------------------------

let failed: unknown = null;
/** Runs one line; a failure becomes a line that says so, and the suite goes on. */
async function attempt(key: string, name: string, fn: () => Promise<Line | Line[]>): Promise<void> {
  try {
    const r = await fn();
    lines.push(...(Array.isArray(r) ? r : [r]));
  } catch (e) {
    console.error(e);
    lines.push({ ...notAvailable(key, name, `failed: ${(e as Error).message.split('\n')[0]}`), met: false });
  }
}
try {
  {
    const { database, platform } = await openBench();
    try {
      if (!reuse) {
        log('generating the benchmark province…');
        generated = await generate({ platform, parts: modules.flatMap((m) => (m.generator ? [m.generator] : [])), scale, seed, out: (l) => log(l), progressIntervalMs: 5000 });
      }
      const provinceOrg = await ensureOrg(database.db, '海南省人力资源和社会保障厅（基准测试）', '460000');
      const countyOrg = await ensureOrg(database.db, '定安县人力资源和社会保障局（基准测试）', '469021');
      // A reused province may hold the accounts of an earlier run: they are made again.
      const earlier = await database.db.delete(users).where(inArray(users.username, ['bench_province', 'bench_dingan'])).returning({ id: users.id });
      if (earlier.length) await database.db.delete(userRoles).where(inArray(userRoles.userId, earlier.map((u) => u.id)));
      const importer = await createUser(database.db, { username: 'bench_province', displayName: '基准测试省级', orgId: provinceOrg, roleKeys: ['supervisor'], password: BENCH_PASSWORD, mustChangePassword: false });
      await createUser(database.db, { username: 'bench_dingan', displayName: '基准测试定安', orgId: countyOrg, roleKeys: ['caseworker'], password: BENCH_PASSWORD, mustChangePassword: false });
      // First, on the province as generated: the lines below write into it (line 1 adds 120,000
      // persons, line 3 tops up the matching pools, line 2b adds registrations).
      log('\ncalibration against the 14th plan’s 2020 base column (reference/calibration/hainan-2020.json)');
      calibration = await checkCalibration(platform, scale);
      log(formatCalibration(calibration));
      log('\n1. import');
      await attempt('import', 'import persons', async () => importLines({ database, platform, caller: await callerFor(platform, importer, 'bench_province', '460000', ['supervisor']), seed, rows: importRows, log }));
      log('2. indicators');
      await attempt('indicators', 'indicators: 14th plan', () => indicatorsLine({ database, platform, log }));
      await attempt('indicators.refresh', 'indicators: incremental refresh', () => refreshLine({ database, platform, log }));
      log('3. matching');
      await attempt('matching', 'matching (employment)', () => matchingLine({ database, platform, log }));
      log('3b. social insurance: declaration import, paid-after-death rule (a database of their own)');
      if (argv.includes('--skip-insurance')) lines.push(notAvailable('insurance', 'social insurance', 'skipped (--skip-insurance)'));
      else await attempt('insurance', 'social insurance', () => insuranceLines({ scale, seed, log, postgresAdminUrl: pgVersion ? pgAdminUrl : null }));
    } finally {
      await database.close(); // PGlite is single-process: the server child opens it next
    }
  }
  log('4. API and 5. memory');
  await attempt('api', 'API list persons', () => apiAndMemoryLines({ childEnv, listUser: 'bench_dingan', listRegion: '469021', password: BENCH_PASSWORD, loadSeconds, log }));
  if (!argv.includes('--skip-demo')) await attempt('memory.demo', 'PGlite demo (fresh start)', () => demoLine());
  log('6. web');
  await attempt('web', 'web bundle (gzip)', async () => webLine());
} catch (e) {
  failed = e;
  console.error(e);
} finally {
  if (!reuse) {
    if (dbUrl) await adminQuery(pgAdminUrl, 'drop database if exists renshe_bench with (force)').catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const seconds = (performance.now() - t0) / 1000;
const table = printTable(lines);
log(`\n${table}\n`);
const checkable = calibration.filter((c) => c.status !== 'no measure');
log(`calibration: ${checkable.filter((c) => c.status === 'ok').length}/${checkable.length} checkable 2020 targets within 2% at scale ${scale}; ${calibration.length - checkable.length} of ${calibration.length} have no measure yet`);
log(`database ${pgVersion ? `PostgreSQL ${pgVersion}` : 'PGlite'}; scale ${scale} (${generated ? `${fmt(generated.rows)} generated rows in ${fmt(generated.seconds, 1)} s` : reuse ? `generated beforehand in ${reuse}` : 'not generated'}); run took ${fmt(seconds)} s`);
const result = {
  startedAt: new Date(Date.now() - seconds * 1000).toISOString(),
  seconds,
  machine: mach,
  database: pgVersion ? 'postgres' : 'pglite',
  scale,
  seed,
  options: { importRows, loadSeconds, reusedDatabase: reuse ?? null },
  generate: generated,
  lines,
  calibration: calibration.map((c) => ({ code: c.code, name: c.name, measure: c.measure, status: c.status, computed: c.computed, expected: c.expected, deviation: c.deviation })),
  error: failed ? String((failed as Error).message ?? failed) : null,
  table,
};
const dir = join(root, 'bench/results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${result.startedAt.replace(/[:.]/g, '-')}-${result.database}-scale-${scale}.json`);
writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
log(`results: ${file}`);
process.exit(failed ? 1 : 0);
