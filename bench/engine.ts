// Lines 2 (indicators), 2b (incremental refresh) and 4 (API, with 5's server memory) alone,
// on a database of their own, for tuning the plan engine and the list endpoint:
//
//   npx tsx bench/engine.ts [--scale 0.05] [--seed 1] [--only indicators,refresh,api]
//                           [--seconds 10] [--pglite] [--keep] [--reuse]
//
// PostgreSQL (127.0.0.1:5432, or BENCH_PG_URL) database renshe_bench_engine, created and
// dropped (PGlite: a temporary folder); the province is generated with every module's part, as
// `npm run bench` does. --keep leaves the database behind and --reuse measures on it again
// without generating. The figures are the same functions `npm run bench` reports.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { buildPlatform } from '../server/src/app';
import { modules } from '../server/src/modules';
import { loadConfig } from '../server/src/platform/config';
import { openDatabase, runMigrations } from '../server/src/platform/db';
import { generate } from '../server/src/platform/generate';
import { users } from '../server/src/platform/schema';
import { createUser, ensureOrg } from '../server/src/platform/seed';
import { apiAndMemoryLines } from './api';
import { adminQuery, argValue, postgresVersion, printTable, withDatabase, type Line } from './lib';
import { indicatorsLine } from './lines';
import { refreshLine } from './refresh';

const argv = process.argv.slice(2);
const scale = Number(argValue(argv, 'scale') ?? 0.05);
const seed = Number(argValue(argv, 'seed') ?? 1);
const loadSeconds = Number(argValue(argv, 'seconds') ?? 10);
const only = new Set((argValue(argv, 'only') ?? 'indicators,refresh,api').split(','));
const PASSWORD = 'Bench#Pass2026';
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const pgVersion = argv.includes('--pglite') ? null : await postgresVersion(adminUrl);
const dbName = 'renshe_bench_engine';
const reuse = argv.includes('--reuse') && !!pgVersion;
const keep = argv.includes('--keep') && !!pgVersion;
// Kept databases keep their key file too (the encrypted fields stay readable on --reuse).
const dataDir = keep || reuse ? join(tmpdir(), 'renshe-bench-engine') : mkdtempSync(join(tmpdir(), 'renshe-bench-engine-'));
mkdirSync(dataDir, { recursive: true });
if (pgVersion && !reuse) {
  await adminQuery(adminUrl, `drop database if exists ${dbName} with (force)`);
  await adminQuery(adminUrl, `create database ${dbName}`);
}
const childEnv: NodeJS.ProcessEnv = { ...process.env, RENSHE_DATA_DIR: dataDir, DATABASE_URL: pgVersion ? withDatabase(adminUrl, dbName) : '', LOG_LEVEL: 'warn', RENSHE_DEMO: '0' };
const config = { ...loadConfig(childEnv), logLevel: 'warn' };
const log = (l: string) => console.log(l);
const lines: Line[] = [];
let code = 0;
try {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database);
    const platform = await buildPlatform({ config, database });
    log(`plan engine and API benchmark — ${pgVersion ? `PostgreSQL ${pgVersion} (${dbName})` : 'PGlite'}, scale ${scale}, seed ${seed}`);
    if (!reuse) await generate({ platform, parts: modules.flatMap((m) => (m.generator ? [m.generator] : [])), scale, seed, out: log, progressIntervalMs: 10_000 });
    const [existing] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'bench_dingan'));
    if (!existing) {
      const org = await ensureOrg(database.db, '定安县人力资源和社会保障局（基准测试）', '469021');
      await createUser(database.db, { username: 'bench_dingan', displayName: '基准测试定安', orgId: org, roleKeys: ['caseworker'], password: PASSWORD, mustChangePassword: false });
    }
    if (only.has('indicators')) lines.push(await indicatorsLine({ database, platform, log }));
    if (only.has('refresh')) lines.push(await refreshLine({ database, platform, log }));
  } finally {
    await database.close(); // PGlite is single-process: the server child opens it next
  }
  if (only.has('api')) lines.push(...(await apiAndMemoryLines({ childEnv, listUser: 'bench_dingan', listRegion: '469021', password: PASSWORD, loadSeconds, log })));
  log(`\n${printTable(lines)}\n`);
  log(JSON.stringify(lines.map((l) => ({ key: l.key, figures: l.figures })), null, 1));
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  if (pgVersion && !keep) await adminQuery(adminUrl, `drop database if exists ${dbName} with (force)`).catch(() => {});
  if (!keep) rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
