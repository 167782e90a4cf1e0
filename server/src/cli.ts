// `renshe` — operator commands. Same configuration (environment) as the server.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { buildPlatform } from './app';
import { readAnchorFile, verifyAnchors, verifyAuditChain } from './platform/audit';
import { loadConfig } from './platform/config';
import { loadKeyRing, rotateKeyRing, saveKeyRing } from './platform/crypto';
import { openDatabase, runMigrations, type Database } from './platform/db';
import { backupDatabase, restoreDatabase } from './platform/db/backup';
import { passwordMeetsPolicy } from './platform/auth/password';
import { createImportJob, runImportJob } from './platform/imports';
import { importJobs, users } from './platform/schema';
import { createUser, ensureOrg } from './platform/seed';
import { callerOfUser, systemCaller, type Caller } from './platform/auth/service';

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

db.command('backup')
  .description('write a consistent backup: the embedded data folder as .tar.gz (server stopped), or pg_dump with DATABASE_URL; keys are not included')
  .requiredOption('--out <file>', 'backup file to write')
  .action(async (o: { out: string }) => {
    await withDb(async (d) => {
      const r = await backupDatabase(d, { url: loadConfig().databaseUrl, outFile: o.out });
      console.log(`备份完成 / backup written: ${o.out} (${r.bytes.toLocaleString('en-US')} bytes, ${r.method}). 请另行保管密钥 / keep the keys apart.`);
    });
  });
db.command('restore')
  .description('restore a backup into an empty RENSHE_DATA_DIR, or with DATABASE_URL into an empty PostgreSQL database')
  .requiredOption('--from <file>', 'backup file to read')
  .action(async (o: { from: string }) => {
    const config = loadConfig();
    await restoreDatabase({ url: config.databaseUrl, dataDir: config.dataDir, file: o.from });
    console.log(`恢复完成 / restored from ${o.from}`);
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
  .option('--as <username>', 'the user the import runs as (scope and audit); default: the operator, all regions')
  .option('--good-rows', 'write the valid rows even if some fail')
  .action(async (kind: string, file: string, o: { as?: string; goodRows?: boolean }) => {
    await withDb(async (d) => {
      await runMigrations(d);
      const platform = await buildPlatform({ config: loadConfig(), database: d });
      const caller = o.as ? await callerFor(platform, o.as) : systemCaller('cli', ['*']);
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

/** A console user acting as `username` (their roles and scope), looked up by name. */
async function callerFor(platform: Awaited<ReturnType<typeof buildPlatform>>, username: string): Promise<Caller> {
  const [u] = await platform.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  return callerOfUser({ db: platform.db, crypto: platform.crypto, expand: platform.regions.expand }, u.id, 'cli');
}

const audit = program.command('audit').description('audit log');
audit
  .command('verify')
  .description('walk the SM3 hash chain and check it against the external anchor copies; exit 1 and name every edited or deleted entry')
  .option('--anchors <file>', 'the external anchor file (default: RENSHE_AUDIT_ANCHOR_FILE or <data>/audit-anchors.log, when it exists)')
  .action(async (o: { anchors?: string }) => {
    await withDb(async (d) => {
      const r = await verifyAuditChain(d.db);
      const anchorFile = o.anchors ?? loadConfig().auditAnchorFile;
      if (o.anchors || existsSync(anchorFile)) {
        const anchors = readAnchorFile(anchorFile);
        const extra = await verifyAnchors(d.db, anchors);
        console.log(`外部锚点 / external anchors: ${anchors.length} in ${anchorFile}`);
        r.problems.push(...extra);
        r.ok = r.problems.length === 0;
      }
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
  const { reencryptColumns, platformEncryptedColumns } = await import('./platform/crypto/reencrypt');
  const { modules } = await import('./modules');
  await withDb(async (d) => {
    const platform = await buildPlatform({ config: loadConfig(), database: d });
    const targets = [...platformEncryptedColumns, ...modules.flatMap((m) => m.encryptedColumns ?? [])];
    const done = await reencryptColumns(d, platform.crypto, targets, { onBatch: (table, n) => process.stdout.write(`\r${table}: ${n} rows…`) });
    process.stdout.write('\n');
    for (const r of done) console.log(`${r.table}: 已重新加密 / re-encrypted ${r.changed} rows under key ${platform.crypto.currentKeyId}`);
  });
}

// ---- generate: a synthetic province (issue 6) ------------------------------------------
program
  .command('generate')
  .description('fill an empty database with a synthetic Hainan through every module’s generator part')
  .option('--scale <s>', '1 = ten million people (2020 census); 0.005 ≈ 50,000', '0.005')
  .option('--seed <n>', 'same seed, same rows', '1')
  .option('--years <from-to>', 'years the records span', '2016-2025')
  .option('--workers <n>', 'worker threads making rows (default RENSHE_GENERATE_WORKERS, else one a core, at most 8; 1 = none)')
  .action(async (o: { scale: string; seed: string; years: string; workers?: string }) => {
    const { generate, parseYears } = await import('./platform/generate');
    const { modules } = await import('./modules');
    const scale = Number(o.scale);
    const seed = Number(o.seed);
    if (!(scale > 0) || !Number.isSafeInteger(seed)) {
      console.error('--scale must be a positive number and --seed an integer');
      process.exit(2);
    }
    await withDb(async (d) => {
      await runMigrations(d);
      const platform = await buildPlatform({ config: loadConfig(), database: d });
      const parts = modules.flatMap((m) => (m.generator ? [m.generator] : []));
      await generate({ platform, parts, scale, seed, ...parseYears(o.years), workers: o.workers === undefined ? undefined : Number(o.workers) });
    });
  });

// ---- employment: one-off data fixes (issue 4) -----------------------------------------------
program
  .command('employment')
  .description('employment module')
  .command('normalise-skills')
  .description('rewrite skills stored before writes normalised them (Excel / excel / ＥＸＣＥＬ), and seekers’ match keys; safe to run again')
  .action(async () => {
    const { normaliseStoredSkills } = await import('./modules/employment/profiles');
    await withDb(async (d) => {
      await runMigrations(d);
      const r = await normaliseStoredSkills(d.db);
      console.log(`技能已规范化 / skills normalised: ${r.seekers} seekers, ${r.vacancies} vacancies changed`);
    });
  });

// ---- plan: list and evaluate plans (issue 3) -------------------------------------------
const planCmd = program.command('plan').description('plans (规划): list and evaluate');
async function withPlans<T>(fn: (platform: Awaited<ReturnType<typeof buildPlatform>>, plan: typeof import('./modules/plan')) => Promise<T>): Promise<T> {
  return withDb(async (d) => {
    await runMigrations(d);
    const platform = await buildPlatform({ config: loadConfig(), database: d });
    const plan = await import('./modules/plan');
    await plan.ensureReferencePlans(d.db);
    return fn(platform, plan);
  });
}
planCmd
  .command('list')
  .description('list the plans (id, period, title)')
  .action(async () => {
    await withPlans(async (platform, plan) => {
      for (const r of await plan.listPlans(platform.db)) {
        const n = r.plan.groups.reduce((s, g) => s + g.indicators.length, 0);
        console.log(`${r.id.padEnd(20)} ${r.plan.period.start}–${r.plan.period.end}  ${r.status.padEnd(6)} ${String(n).padStart(3)} indicators  ${r.plan.title}`);
      }
    });
  });
planCmd
  .command('evaluate')
  .description('evaluate a plan: each indicator’s code, name, value, target and status (--json: the full evaluation)')
  .requiredOption('--plan <id>', 'plan id, e.g. hainan-hrss-14')
  .option('--year <y>', 'year evaluated (default: this year within the period, else its end)')
  .option('--region <code>', 'GB/T 2260 region code (default: the plan’s region)')
  .option('--json', 'print the full evaluation as JSON')
  .action(async (o: { plan: string; year?: string; region?: string; json?: boolean }) => {
    await withPlans(async (platform, plan) => {
      const ev = await plan.evaluatePlan({ platform, caller: plan.systemCaller() }, o.plan, { year: o.year ? Number(o.year) : undefined, regionCode: o.region });
      if (o.json) {
        console.log(JSON.stringify(ev, null, 2));
        return;
      }
      console.log(`${ev.plan.title}  ${ev.regionName ?? ev.regionCode}  ${ev.year}`);
      const fmt = (v: number | null) => (v === null ? '—' : String(Math.round(v * 100) / 100));
      const final = new Map(ev.final?.results.map((r) => [r.code, r]) ?? []);
      for (const i of ev.indicators) {
        const f = final.get(i.code);
        const verdict = f ? (f.achieved === null ? '  无数据 no data' : f.achieved ? '  完成 achieved' : '  未完成 not achieved') : '';
        console.log(`${i.code.padEnd(7)} ${i.name.padEnd(16, '　')} ${fmt(i.value).padStart(9)} ${i.unit.padEnd(4)} ${i.target.printed.padEnd(10)} ${plan.statusLabels[i.status].zh}/${i.status}${i.bindingAtRisk ? ' ⚠约束性' : ''}${verdict}`);
      }
      if (ev.final) console.log(`final ${ev.final.year}: ${ev.final.achieved} achieved, ${ev.final.notAchieved} not achieved, ${ev.final.noData} without data`);
    });
  });

program.parseAsync().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
