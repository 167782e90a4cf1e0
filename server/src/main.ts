// `npm start`: Renshe on its embedded database (or DATABASE_URL), migrated and seeded.
import { buildApp } from './app';
import { loadConfig } from './platform/config';
import { openDatabase, runMigrations } from './platform/db';
import { fileAnchorSink, setAnchorSink } from './platform/audit';
import { AppError } from './platform/errors';
import { seedDemoAccounts } from './platform/seed';
import { demoPortalCodes, seedDemoData } from './demo';
import { startJobs } from './platform/jobs';
import { modules } from './modules';

async function main(): Promise<void> {
  const config = loadConfig();
  let database;
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  } catch (e) {
    if (e instanceof AppError && e.code === 'DB_LOCKED') {
      console.error(`\n${e.zh}\n${e.en}\n`);
      process.exit(1);
    }
    throw e;
  }
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite at ${config.dataDir}`;
  console.log(`Renshe: database ${where}; applying migrations…`);
  await runMigrations(database);
  const { app, platform } = await buildApp({ config, database });
  setAnchorSink(database.db, fileAnchorSink(config.auditAnchorFile));
  if (config.demo) {
    const accounts = await seedDemoAccounts(platform.db);
    if (accounts.length) {
      console.log('\n首次启动：已创建演示账号（初始密码仅显示这一次，登录后须修改）');
      console.log('First start: demo accounts created (initial passwords are shown this once; change on first sign-in)\n');
      for (const a of accounts) console.log(`  ${a.username.padEnd(10)} ${a.password}   ${a.displayName} · ${a.org} (${a.regionCode})`);
      console.log('\nAdministrators (sysadmin, secadmin, auditor) must enrol a TOTP app after changing the password.\n');
    }
    if (await seedDemoData(platform)) {
      const portal = await demoPortalCodes(platform);
      console.log('\n网上服务大厅（/portal/activate）演示激活码，7天内有效 / Portal activation codes for the demo (valid 7 days):');
      for (const a of portal) console.log(`  ${a.kind === 'person' ? '个人 person  ' : '单位 employer'} ${a.identifier}  ${a.code}   ${a.displayName}`);
      console.log('');
    }
  }
  const schedules = modules.flatMap((m) => (m.schedules ?? []).map((s) => ({ name: `${m.name}.${s.name}`, cron: s.cron, run: () => s.run(platform) })));
  const jobs = await startJobs(database, platform.log, schedules);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await jobs.stop().catch(() => {});
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`Renshe is running: http://localhost:${config.port}  (API docs: /api/docs)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
