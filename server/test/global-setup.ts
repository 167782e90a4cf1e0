// Builds one migrated, seeded database per test run, so each test file starts from a copy
// instead of creating and migrating a database (seconds each):
// - PGlite: a data-dir snapshot (tarball) that every test file loads into a fresh PGlite;
// - PostgreSQL (DATABASE_URL set): a template database that test files clone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, runMigrations } from '../src/platform/db';
import { seedRegions } from '../src/platform/regions/service';
import { seedRoles } from '../src/platform/seed';
import { moduleGrants } from '../src/app';

// Module augmentation needs an interface (declaration merging).
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `renshe_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const tplUrl = withDatabase(url, template);
    const database = await openDatabase({ url: tplUrl, poolSize: 2 });
    await runMigrations(database);
    await seedRegions(database.db);
    await seedRoles(database.db, moduleGrants());
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteSnapshot', '');
    return async () => {
      // Drop the template and this run's clones left by a crashed worker — never another
      // run's (prefix match without LIKE, whose `_` is a wildcard).
      const left = await admin.query<{ datname: string }>(`select datname from pg_database where datname = $1 or left(datname, length($1) + 2) = $1 || '_c'`, [template]);
      for (const r of left.rows) await admin.query(`drop database if exists ${r.datname} with (force)`).catch(() => {});
      await admin.end();
    };
  }
  const client = new PGlite();
  const database = await openDatabase({ pglite: client });
  await runMigrations(database);
  await seedRegions(database.db);
  await seedRoles(database.db, moduleGrants());
  const dump = await client.dumpDataDir('none');
  const file = join(mkdtempSync(join(tmpdir(), 'renshe-snap-')), 'snapshot.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplate', '');
  return async () => {};
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
