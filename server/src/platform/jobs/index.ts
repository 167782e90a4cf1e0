// Background jobs on pg-boss (its own `pgboss` schema in the same database). On PGlite,
// pg-boss gets a `db` adapter: parameterless SQL (pg-boss sends several statements at once)
// goes through `exec`, the rest through `query`. Modules declare schedules (cron) in their
// ModuleDef; each run is logged and failures are retried by pg-boss.
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db';

export type ScheduledWork = { name: string; cron: string; run(): Promise<void> };

export type Jobs = {
  boss: PgBoss;
  /** Runs a named schedule now (also what the cron trigger calls). */
  runNow(name: string): Promise<string | null>;
  stop(): Promise<void>;
};

function adapter(database: Database): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (!values || values.length === 0) {
        if (database.kind === 'pglite') {
          const results = await database.pglite!.exec(text);
          return { rows: results.length ? results[results.length - 1].rows : [] };
        }
      }
      return { rows: await database.query(text, values ?? []) };
    },
  };
}

export async function startJobs(database: Database, log: Logger, work: ScheduledWork[], opts: { pollingIntervalSeconds?: number } = {}): Promise<Jobs> {
  const polling = opts.pollingIntervalSeconds ?? (database.kind === 'pglite' ? 30 : 5);
  const boss = new PgBoss({
    db: adapter(database),
    schema: 'pgboss',
    // Embedded demo: poll gently; PGlite has one connection shared with the app.
    monitorStateIntervalSeconds: database.kind === 'pglite' ? 300 : 60,
    maintenanceIntervalSeconds: database.kind === 'pglite' ? 600 : 120,
  });
  boss.on('error', (e) => log.error({ err: e }, 'pg-boss'));
  await boss.start();
  for (const w of work) {
    const queue = `schedule.${w.name}`;
    await boss.createQueue(queue);
    await boss.schedule(queue, w.cron, {}, { tz: 'Asia/Shanghai' });
    await boss.work(queue, { pollingIntervalSeconds: polling }, async () => {
      const started = Date.now();
      await w.run();
      log.info({ schedule: w.name, ms: Date.now() - started }, 'scheduled work done');
    });
  }
  return {
    boss,
    async runNow(name) {
      return boss.send(`schedule.${name}`, {});
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
