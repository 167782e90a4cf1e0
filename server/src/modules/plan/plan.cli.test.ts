// Rule: `renshe plan evaluate --plan hainan-hrss-13 --json` gives the 13th plan's final
// evaluation (achieved or not for all 10) on a fresh database, and `renshe plan list` lists
// both reference plans. Runs the real command in a child process.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../../test/global-setup';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../../bin/renshe.mjs', import.meta.url));
const url = process.env.DATABASE_URL;
let env: NodeJS.ProcessEnv;
let dropDb: (() => Promise<void>) | null = null;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'renshe-cli-'));
  env = { ...process.env, RENSHE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' };
  const template = inject('pgTemplate');
  if (url && template) {
    const name = `${template}_c${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    env.DATABASE_URL = withDatabase(url, name);
    dropDb = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
});
afterAll(async () => dropDb?.());

const renshe = async (...args: string[]) => (await run(process.execPath, [bin, ...args], { env, maxBuffer: 64 * 1024 * 1024 })).stdout;

describe(`renshe plan (${url ? 'postgres' : 'pglite'})`, () => {
  it('plan evaluate --json gives the final evaluation of the 13th plan: 7 achieved, 3 not', { timeout: 240_000 }, async () => {
    const out = JSON.parse(await renshe('plan', 'evaluate', '--plan', 'hainan-hrss-13', '--json'));
    expect(out).toMatchObject({ year: 2020, regionCode: '460000', plan: { id: 'hainan-hrss-13', phase: 'finished' } });
    expect(out.indicators).toHaveLength(10);
    expect(out.final).toMatchObject({ year: 2020, achieved: 7, notAchieved: 3, noData: 0 });
    expect(Object.fromEntries(out.final.results.map((r: { code: string; achieved: boolean }) => [r.code, r.achieved]))).toEqual({
      '13-01': true,
      '13-02': true,
      '13-03': true,
      '13-04': true,
      '13-05': true,
      '13-06': false,
      '13-07': true,
      '13-08': false,
      '13-09': false,
      '13-10': true,
    });
    const text = await renshe('plan', 'evaluate', '--plan', 'hainan-hrss-13');
    expect(text).toMatch(/13-06\s+高技能人才总量.*7\.54.*13\.4.*at_risk.*未完成/);
    expect(text).toContain('final 2020: 7 achieved, 3 not achieved, 0 without data');
  });

  it('plan list lists both reference plans', { timeout: 120_000 }, async () => {
    const out = await renshe('plan', 'list');
    expect(out).toMatch(/hainan-hrss-13\s+2016–2020/);
    expect(out).toMatch(/hainan-hrss-14\s+2021–2025/);
  });
});
