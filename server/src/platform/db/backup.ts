// Backups an operator can take and restore with the `renshe` command.
// - Embedded (PGlite): a gzipped tarball of the data folder, taken through PGlite itself, so
//   it is consistent (the server must be stopped: the folder's lock admits one process).
// - PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore` into an empty database.
// The field-encryption keys are not in the backup: keep keys.json (or the key variables)
// apart from it, or the restored personal data cannot be read.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './index';

export async function backupDatabase(database: Database, opts: { url?: string; outFile: string }): Promise<{ bytes: number; method: string }> {
  if (database.kind === 'pglite' && database.pglite) {
    const blob = await database.pglite.dumpDataDir('gzip');
    writeFileSync(opts.outFile, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
    return { bytes: statSync(opts.outFile).size, method: 'pglite data folder (tar.gz)' };
  }
  if (!opts.url) throw new Error('backup of PostgreSQL needs DATABASE_URL');
  const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${opts.outFile}`, opts.url], { encoding: 'utf8' });
  if (r.error) throw new Error(`pg_dump could not run (${r.error.message}); install the PostgreSQL client`);
  if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr.trim()}`);
  return { bytes: statSync(opts.outFile).size, method: 'pg_dump (custom format)' };
}

/** Restores into an empty embedded data folder, or into an empty PostgreSQL database. */
export async function restoreDatabase(opts: { url?: string; dataDir: string; file: string }): Promise<void> {
  if (!existsSync(opts.file)) throw new Error(`no backup file ${opts.file}`);
  if (opts.url) {
    const r = spawnSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${opts.url}`, opts.file], { encoding: 'utf8' });
    if (r.error) throw new Error(`pg_restore could not run (${r.error.message}); install the PostgreSQL client`);
    if (r.status !== 0) throw new Error(`pg_restore failed: ${r.stderr.trim()}`);
    return;
  }
  const pgdata = join(opts.dataDir, 'pgdata');
  if (existsSync(pgdata) && readdirSync(pgdata).length > 0) throw new Error(`${pgdata} is not empty: restore into a fresh RENSHE_DATA_DIR`);
  mkdirSync(pgdata, { recursive: true });
  const pg = new PGlite(pgdata, { loadDataDir: new Blob([readFileSync(opts.file)]) });
  await pg.waitReady;
  await pg.close();
}
