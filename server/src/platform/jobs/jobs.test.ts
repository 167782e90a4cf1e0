// Rule: scheduled work runs through pg-boss on both databases (PGlite via the exec/query
// adapter), and a job sent now is picked up and run.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db';
import type { Database } from '../db';
import { startJobs, type Jobs } from './index';

let d: Database;
let jobs: Jobs;
let runs = 0;
beforeAll(async () => {
  d = await testDatabase();
  jobs = await startJobs(d, pino({ level: 'silent' }), [{ name: 'tick', cron: '0 3 * * *', run: async () => void runs++ }], { pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await jobs.stop();
  await d.close();
});

describe(`jobs (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('creates the pg-boss schema and registers the cron schedule', async () => {
    const s = await jobs.boss.getSchedules();
    expect(s.map((x) => [x.name, x.cron])).toEqual([['schedule.tick', '0 3 * * *']]);
  });
  it('a job sent now runs once', async () => {
    await jobs.runNow('tick');
    for (let i = 0; i < 100 && runs === 0; i++) await new Promise((r) => setTimeout(r, 200));
    expect(runs).toBe(1);
  });
});
