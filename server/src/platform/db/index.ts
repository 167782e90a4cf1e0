// The database: PGlite on disk (default, embedded) or PostgreSQL (DATABASE_URL). Same
// drizzle pg-core schema and migrations on both. Raw SQL is allowed where drizzle cannot
// say it (COPY, reports), always parameterised.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { AppError } from '../errors';
import { scopeGuardLogger } from '../scope/guard';

export type Db = PgDatabase<PgQueryResultHKT>;

/** A raw connection inside a transaction, for COPY and multi-statement bulk work. */
export type RawTx = {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** `COPY <table> (<cols>) FROM STDIN WITH (FORMAT csv)` with the given CSV text. */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
};

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction on one raw connection; rolls back if it throws. */
  rawTransaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T>;
  /** Parameterless, possibly multi-statement SQL (used by pg-boss on PGlite). */
  exec(text: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
};

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

// bigint (int8) and numeric come back as strings from node-postgres; parse int8 to number
// (counts, ids) so both drivers return the same shapes. Ids stay below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export type OpenOptions = {
  url?: string;
  dataDir?: string;
  /** An existing PGlite (tests load a migrated snapshot into one). */
  pglite?: PGlite;
  poolSize?: number;
};

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  let client = opts.pglite;
  let releaseLock = () => {};
  if (!client) {
    if (!opts.dataDir) throw new Error('dataDir or url required');
    mkdirSync(opts.dataDir, { recursive: true });
    releaseLock = takeLock(opts.dataDir);
    client = new PGlite(join(opts.dataDir, 'pgdata'));
  }
  const pgl = client;
  await pgl.waitReady;
  const db = drizzlePglite(pgl, { logger: scopeGuardLogger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: pgl,
    async rawTransaction(fn) {
      return pgl.transaction(async (tx) =>
        fn({
          async query(text, params) {
            return (await tx.query(text, params)).rows as never[];
          },
          async copyCsv(table, columns, csv) {
            await tx.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
              blob: new Blob([csv]),
            });
          },
        }),
      );
    },
    async exec(text) {
      await pgl.exec(text);
    },
    async query(text, params) {
      return (await pgl.query(text, params)).rows as never[];
    },
    async close() {
      await pgl.close();
      releaseLock();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection that the server ends (restart, failover, a terminated backend) is an
  // 'error' on the pool; unheard, it would crash the process. The pool drops that connection
  // and opens another when one is next needed.
  pool.on('error', (e) => process.stderr.write(`renshe: an idle database connection was closed by the server (${e.message})\n`));
  const db = drizzlePg(pool, { logger: scopeGuardLogger }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pool,
    async rawTransaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const result = await fn({
          async query(text, params) {
            return (await c.query(text, params)).rows;
          },
          async copyCsv(table, columns, csv) {
            const stream = c.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
            await pipeline(Readable.from([csv]), stream);
          },
        });
        await c.query('COMMIT');
        return result;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    },
    async exec(text) {
      await pool.query(text);
    },
    async query(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async close() {
      await pool.end();
    },
  };
}

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder });
  else await migratePg(database.db as never, { migrationsFolder });
}

/** Number of migrations shipped vs applied; /readyz reports not ready when they differ. */
export async function migrationStatus(database: Database): Promise<{ shipped: number; applied: number }> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  let applied = 0;
  try {
    const rows = await database.query<{ n: number | string }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    applied = Number(rows[0]?.n ?? 0);
  } catch {
    applied = 0;
  }
  return { shipped: journal.entries.length, applied };
}

/** Rows of a drizzle `sql` query on either driver. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/** Counts come back as strings (PostgreSQL numeric/bigint) or numbers (PGlite): normalise. */
export function num(v: unknown): number {
  return v === null || v === undefined ? 0 : Number(v);
}

/**
 * PGlite does not lock its folder; two processes on one folder corrupt it. A lock file with
 * our pid: a live owner means refuse, a dead one means the lock is stale and is taken over.
 */
const heldLocks = new Set<string>();

export function takeLock(dataDir: string): () => void {
  const lockFile = join(dataDir, 'renshe.lock');
  if (heldLocks.has(lockFile)) {
    throw new AppError('DB_LOCKED', {
      zh: `数据目录 ${dataDir} 已被本进程打开`,
      en: `The data folder ${dataDir} is already open in this process`,
    });
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      heldLocks.add(lockFile);
      const release = () => {
        if (released) return;
        released = true;
        heldLocks.delete(lockFile);
        try {
          if (readFileSync(lockFile, 'utf8') === String(process.pid)) rmSync(lockFile);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new AppError('DB_LOCKED', {
          zh: `数据目录 ${dataDir} 正被进程 ${owner} 使用；同一嵌入式数据库只能由一个进程打开`,
          en: `The data folder ${dataDir} is in use by process ${owner}; only one process may open the embedded database`,
        });
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new AppError('DB_LOCKED');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function dataDirExists(dataDir: string): boolean {
  return existsSync(join(dataDir, 'pgdata'));
}
