// A fresh database for one test file: a clone of the migrated template (PostgreSQL) or a
// PGlite loaded from the snapshot (embedded). Closing drops the clone.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/platform/db';
import { withDatabase } from './global-setup';

export async function testDatabase(): Promise<Database & { label: string; url?: string }> {
  const url = process.env.DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    const name = `${template}_c${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const database = await openDatabase({ url: withDatabase(url, name), poolSize: 4 });
    const close = database.close;
    return {
      ...database,
      label: 'postgres',
      url: withDatabase(url, name),
      async close() {
        await close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const snapshot = inject('pgliteSnapshot');
  const client = new PGlite({ loadDataDir: new Blob([readFileSync(snapshot)]) });
  const database = await openDatabase({ pglite: client });
  return { ...database, label: 'pglite' };
}
