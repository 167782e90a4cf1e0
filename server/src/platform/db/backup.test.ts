// A backup restores to the same data, on the embedded database and on PostgreSQL; a restore
// never overwrites a data folder in use.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db';
import { withDatabase } from '../../../test/global-setup';
import { backupDatabase, restoreDatabase } from './backup';
import { openDatabase, type Database } from './index';

let d: Database & { label: string; url?: string };
const dir = mkdtempSync(join(tmpdir(), 'renshe-backup-'));
beforeAll(async () => {
  d = await testDatabase();
  await d.exec(`create table backup_probe (n int not null, label text); insert into backup_probe values (42, '备份'), (7, 'second');`);
});
afterAll(async () => d.close());

describe(`backup and restore (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('restores the same rows, migrations included', async () => {
    const file = join(dir, 'renshe.backup');
    const r = await backupDatabase(d, { url: d.url, outFile: file });
    expect(r.bytes).toBeGreaterThan(1000);
    if (d.kind === 'pglite') {
      const target = join(dir, 'restored');
      await restoreDatabase({ dataDir: target, file });
      const back = await openDatabase({ dataDir: target });
      try {
        expect(await back.query(`select n, label from backup_probe order by n`)).toEqual([{ n: 7, label: 'second' }, { n: 42, label: '备份' }]);
        expect(Number((await back.query<{ n: number }>(`select count(*)::int as n from regions`))[0].n)).toBeGreaterThan(0);
      } finally {
        await back.close();
      }
      await expect(restoreDatabase({ dataDir: target, file })).rejects.toThrow(/not empty/);
    } else {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      const name = `renshe_restore_${randomBytes(4).toString('hex')}`;
      await admin.query(`create database ${name}`);
      try {
        await restoreDatabase({ url: withDatabase(process.env.DATABASE_URL!, name), dataDir: dir, file });
        const back = new pg.Client({ connectionString: withDatabase(process.env.DATABASE_URL!, name) });
        await back.connect();
        try {
          expect((await back.query(`select n, label from backup_probe order by n`)).rows).toEqual([{ n: 7, label: 'second' }, { n: 42, label: '备份' }]);
        } finally {
          await back.end();
        }
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  });
});
