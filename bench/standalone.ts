// A database of its own for a benchmark line run alone (`npx tsx bench/<line>.ts`):
// PostgreSQL (127.0.0.1:5432, or BENCH_PG_URL) database `renshe_bench_<name>` (or --db), created
// and dropped, else PGlite in a temporary folder; migrated, platform built, the province
// generated with the named modules' parts (scale 0: left empty). --keep leaves the database (and its key file, so
// the encrypted fields stay readable) behind; --reuse measures on a kept one without generating.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPlatform } from '../server/src/app';
import { modules } from '../server/src/modules';
import { loadConfig } from '../server/src/platform/config';
import { openDatabase, runMigrations, type Database } from '../server/src/platform/db';
import { generate } from '../server/src/platform/generate';
import type { Platform } from '../server/src/platform/kernel';
import { adminQuery, argValue, postgresVersion, withDatabase } from './lib';

export type Standalone = {
  database: Database;
  platform: Platform;
  /** The environment a server child needs to open the same database. */
  childEnv: NodeJS.ProcessEnv;
  /** "PostgreSQL 15.x (renshe_bench_x)" or "PGlite". */
  label: string;
  /** Closes the database if still open, then drops it and its folder unless --keep. */
  dispose(): Promise<void>;
};

export async function standaloneDatabase(
  argv: string[],
  o: { name: string; scale: number; seed: number; parts?: readonly string[]; log: (line: string) => void },
): Promise<Standalone> {
  const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
  const pgVersion = argv.includes('--pglite') ? null : await postgresVersion(adminUrl);
  const dbName = argValue(argv, 'db') ?? `renshe_bench_${o.name}`;
  if (!/^renshe_bench_[a-z0-9_]+$/.test(dbName)) throw new Error('--db must start with renshe_bench_');
  const reuse = argv.includes('--reuse') && !!pgVersion;
  const keep = argv.includes('--keep') && !!pgVersion;
  const dataDir = keep || reuse ? join(tmpdir(), dbName) : mkdtempSync(join(tmpdir(), `${dbName}-`));
  mkdirSync(dataDir, { recursive: true });
  if (pgVersion && !reuse) {
    await adminQuery(adminUrl, `drop database if exists ${dbName} with (force)`);
    await adminQuery(adminUrl, `create database ${dbName}`);
  }
  const childEnv: NodeJS.ProcessEnv = { ...process.env, RENSHE_DATA_DIR: dataDir, DATABASE_URL: pgVersion ? withDatabase(adminUrl, dbName) : '', LOG_LEVEL: 'warn', RENSHE_DEMO: '0' };
  const config = { ...loadConfig(childEnv), logLevel: 'warn' };
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  let open = true;
  const close = database.close;
  database.close = async () => {
    if (open) await close();
    open = false;
  };
  const dispose = async () => {
    await database.close();
    if (pgVersion && !keep) await adminQuery(adminUrl, `drop database if exists ${dbName} with (force)`).catch(() => {});
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
    else o.log(`database ${dbName} kept with its keys in ${dataDir}: drop both by hand when done`);
  };
  try {
    await runMigrations(database);
    const platform = await buildPlatform({ config, database });
    const label = pgVersion ? `PostgreSQL ${pgVersion} (${dbName})` : 'PGlite';
    if (!reuse && o.scale > 0) {
      const parts = modules.flatMap((m) => (m.generator && (!o.parts || o.parts.includes(m.name)) ? [m.generator] : []));
      await generate({ platform, parts, scale: o.scale, seed: o.seed, out: o.log, progressIntervalMs: 10_000 });
    }
    return { database, platform, childEnv, label, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}
