// `renshe` — operator commands. Same configuration (environment) as the server.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { buildPlatform } from './app';
import { verifyAuditChain } from './platform/audit';
import { loadConfig } from './platform/config';
import { loadKeyRing, rotateKeyRing, saveKeyRing } from './platform/crypto';
import { openDatabase, runMigrations, type Database } from './platform/db';
import { passwordMeetsPolicy } from './platform/auth/password';
import { computeScope } from './platform/scope';
import { createImportJob, runImportJob } from './platform/imports';
import { importJobs, orgs, roles, userRoles, users } from './platform/schema';
import { createUser, ensureOrg } from './platform/seed';
import type { Caller } from './platform/auth/service';

const program = new Command('renshe').description('Renshe 人社开放平台 — operator commands');

async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const db = program.command('db').description('database');
db.command('migrate')
  .description('apply pending migrations')
  .action(async () => {
    await withDb(async (d) => {
      await runMigrations(d);
      console.log(`migrations applied (${d.kind})`);
    });
  });

const usersCmd = program.command('users').description('user accounts');
usersCmd
  .command('create')
  .requiredOption('--username <u>')
  .requiredOption('--password <p>', 'initial password (must meet the policy; changed at first sign-in)')
  .requiredOption('--role <key>', 'role key, e.g. caseworker, sysadmin (repeat with commas)')
  .requiredOption('--region <code>', 'GB/T 2260 code of the user’s region')
  .option('--name <displayName>')
  .option('--org <name>', 'organisation name (created at the region if missing)')
  .option('--no-force-change', 'do not force a password change at first sign-in')
  .action(async (o: { username: string; password: string; role: string; region: string; name?: string; org?: string; forceChange: boolean }) => {
    if (!passwordMeetsPolicy(o.password)) {
      console.error('密码至少8位，且包含大写字母、小写字母、数字、符号中的至少三类 / Password needs 8+ characters from 3 classes');
      process.exit(2);
    }
    await withDb(async (d) => {
      await runMigrations(d);
      const platform = await buildPlatform({ config: loadConfig(), database: d });
      if (!platform.regions.index.get(o.region)) throw new Error(`unknown region ${o.region}`);
      const orgId = await ensureOrg(d.db, o.org ?? `${platform.regions.name(o.region)}人力资源和社会保障局`, o.region);
      const id = await createUser(d.db, { username: o.username, displayName: o.name ?? o.username, orgId, roleKeys: o.role.split(','), password: o.password, mustChangePassword: o.forceChange });
      await platform.audit(null, { actorId: null, actorName: 'cli', action: 'admin.user.create', targetType: 'user', targetId: id, regionCode: o.region, outcome: 'success', detail: { username: o.username, roles: o.role } });
      console.log(`user ${o.username} created (id ${id})`);
    });
  });

program
  .command('import')
  .description('import a file through the same pipeline as the web page')
  .argument('<kind>', 'persons | employers | …')
  .argument('<file>', '.xlsx or .csv')
  .requiredOption('--as <username>', 'the user the import runs as (scope and audit)')
  .option('--good-rows', 'write the valid rows even if some fail')
  .action(async (kind: string, file: string, o: { as: string; goodRows?: boolean }) => {
    await withDb(async (d) => {
      await runMigrations(d);
      const platform = await buildPlatform({ config: loadConfig(), database: d });
      const caller = await callerFor(platform, o.as);
      const id = await createImportJob(d.db, { kind, filename: basename(file), mode: o.goodRows ? 'good-rows' : 'all', file: readFileSync(file), createdBy: caller.userId });
      const started = Date.now();
      await runImportJob(d, platform.imports, id, caller);
      const [j] = await d.db.select().from(importJobs).where(eq(importJobs.id, id));
      console.log(`${j.status}: ${j.message?.zh ?? ''}\n${j.message?.en ?? ''}\n(${j.processed} rows in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (j.errorsFile) {
        const out = `${file}.errors.xlsx`;
        writeFileSync(out, j.errorsFile);
        console.log(`error workbook: ${out}`);
      }
      if (j.status !== 'succeeded') process.exitCode = 1;
    });
  });
// keep the `import persons FILE` spelling of the issue working too
program.commands.find((c) => c.name() === 'import')!.alias('imports');

async function callerFor(platform: Awaited<ReturnType<typeof buildPlatform>>, username: string): Promise<Caller> {
  const [u] = await platform.db.select({ u: users, regionCode: orgs.regionCode, orgName: orgs.name }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  const rs = await platform.db.select({ r: roles }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, u.u.id));
  const { rolePermissions } = await import('./platform/schema');
  const perms = await platform.db.select().from(rolePermissions);
  const mine = new Set(perms.filter((p) => rs.some((r) => r.r.id === p.roleId)).map((p) => p.permission));
  return {
    userId: u.u.id,
    username: u.u.username,
    displayName: u.u.displayName,
    regionCode: u.regionCode,
    orgId: u.u.orgId,
    orgName: u.orgName,
    roles: rs.map((r) => ({ id: r.r.id, key: r.r.key, name: r.r.name })),
    permissions: mine,
    scope: computeScope({ id: u.u.id, regionCode: u.regionCode }, rs.map((r) => r.r), platform.regions.expand),
    mustChangePassword: false,
    passwordExpired: false,
    mfaEnabled: u.u.totpEnabled,
    mfaRequired: false,
    sessionId: 'cli',
    csrfToken: '',
  };
}

const audit = program.command('audit').description('audit log');
audit
  .command('verify')
  .description('walk the SM3 hash chain; exit 1 and name every edited or deleted entry')
  .action(async () => {
    await withDb(async (d) => {
      const r = await verifyAuditChain(d.db);
      if (r.ok) console.log(`审计链完整 / audit chain intact: ${r.checked} entries, last seq ${r.lastSeq}`);
      else {
        for (const p of r.problems) console.log(`seq ${p.seq}: ${p.kind} — ${p.message.zh} / ${p.message.en}`);
        console.log(`审计链被破坏 / audit chain BROKEN: ${r.problems.length} problems in ${r.checked} entries`);
        process.exitCode = 1;
      }
    });
  });

const keys = program.command('keys').description('field-encryption keys');
keys
  .command('rotate')
  .description('add a new current SM4 key and re-encrypt every encrypted field under it')
  .action(async () => {
    const config = loadConfig();
    if (process.env.RENSHE_FIELD_KEY) {
      console.error('Keys come from the environment: set the new RENSHE_FIELD_KEY and move the old one to RENSHE_FIELD_KEYS_OLD, then run `renshe keys reencrypt`.');
      process.exit(2);
    }
    const ring = rotateKeyRing(loadKeyRing({ keyFile: config.keyFile }));
    saveKeyRing(config.keyFile, ring);
    console.log(`new current key ${ring.currentKeyId}; re-encrypting…`);
    await reencrypt();
  });
keys.command('reencrypt').description('re-encrypt fields still under a retired key').action(async () => reencrypt());

async function reencrypt(): Promise<void> {
  await withDb(async (d) => {
    const platform = await buildPlatform({ config: loadConfig(), database: d });
    let changed = 0;
    // Cipher columns by table; each module's encrypted columns are listed here.
    const targets: { table: string; key: string; cols: string[] }[] = [
      { table: 'persons', key: 'id', cols: ['id_cipher', 'phone_cipher'] },
      { table: 'users', key: 'id', cols: ['totp_secret'] },
    ];
    for (const t of targets) {
      const rowsQ = await d.query<Record<string, string | number | null>>(`select ${t.key}, ${t.cols.join(', ')} from ${t.table} /*scope:system*/`);
      for (const r of rowsQ) {
        const sets: string[] = [];
        const params: unknown[] = [];
        for (const c of t.cols) {
          const v = r[c];
          if (typeof v === 'string' && platform.crypto.needsReencrypt(v)) {
            params.push(platform.crypto.encrypt(platform.crypto.decrypt(v)));
            sets.push(`${c} = $${params.length}`);
          }
        }
        if (sets.length) {
          params.push(r[t.key]);
          await d.query(`update ${t.table} set ${sets.join(', ')} where ${t.key} = $${params.length} /*scope:system*/`, params);
          changed++;
        }
      }
    }
    console.log(`re-encrypted ${changed} rows under key ${platform.crypto.currentKeyId}`);
  });
}

program.parseAsync().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
