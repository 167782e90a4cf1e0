// Rule: contribution stops by employer (the insurance module's ledger) raise an unemployment-risk
// warning for the employer's county when the drop reaches the rule's thresholds for that county
// (default: 10 people and 30% of the staff), with the employer, its staff before and after and
// the month as evidence; a drop below the thresholds raises nothing, and a county's own
// threshold (a new rule version) applies to that county only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { csvField } from '../../platform/imports/parse';
import { employer } from './fixture.test-helper';
import { evaluateWarnings, lastFullMonth, stopLevel } from './warnings';

describe('contribution-stop warning (pure)', () => {
  it('counts only employers past both thresholds and grades their stopped staff together', () => {
    const p = { minStopped: 10, minShare: 0.3 };
    const drops = [
      { employerId: 1, stopped: 12, share: 0.6 },
      { employerId: 2, stopped: 9, share: 0.9 }, // too few people
      { employerId: 3, stopped: 40, share: 0.2 }, // too small a share of a large staff
      { employerId: 4, stopped: 10, share: 0.3 }, // exactly on both thresholds
    ];
    const r = stopLevel(drops, p);
    expect(r.counted.map((d) => d.employerId)).toEqual([1, 4]);
    expect(r).toMatchObject({ stopped: 22, level: 'orange' });
    expect(stopLevel(drops.slice(1, 3), p)).toMatchObject({ level: null, stopped: 0 });
  });

  it('evaluates the last full fee month', () => {
    expect(lastFullMonth('2026-11-15')).toBe('2026-10-01');
    expect(lastFullMonth('2027-01-03')).toBe('2026-12-01');
  });
});

let t: TestApp;
let prov: Agent;
let dingan: Agent;
let tunchang: Agent;
const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const TODAY = '2026-11-15'; // evaluates fee month 2026-10 against 2026-09
let planted: number; // 定安 employer: 20 insured staff in September, 8 in October
let small: number; // 屯昌 employer: 20 in September, 14 in October (6 people, 30%)

/** Declared enterprise-pension dues for `staff` person ids of an employer in a fee month. */
async function declare(employerId: number, staff: number[], month: string, region: string) {
  const cols = ['person_id', 'employer_id', 'insurance_type', 'fee_month', 'event', 'side', 'base_fen', 'revision', 'employer_fen', 'personal_fen', 'value_date', 'region_code', 'source'];
  const rows = staff.map((p) => [p, employerId, 'enterprise_pension', month, 'declared', 'due', 500_000, 0, 80_000, 40_000, month, region, 'generator']);
  await t.platform.database.rawTransaction((tx) => tx.copyCsv('insurance_ledger', cols, rows.map((r) => r.map((v) => csvField(v)).join(',')).join('\n') + '\n'));
}

async function staff(n: number, region: string, tag: string): Promise<number[]> {
  const r = await t.database.query<{ id: number }>(
    `insert into persons (id_cipher, id_hash, id_masked, name, gender, birth_date, hukou_type, region_code)
     select 'x', $1 || i, '460***' || lpad(i::text, 4, '0'), '职工' || i, 'F', '1985-01-01', 'urban', $2 from generate_series(1, ${n}) i order by i returning id`,
    [`stop-${tag}-`, region],
  );
  return r.map((x) => Number(x.id));
}

beforeAll(async () => {
  t = await testApp();
  await t.user('cs-prov', '460000', ['supervisor']);
  await t.user('cs-dingan', '469021', ['supervisor']);
  await t.user('cs-tun', '469022', ['supervisor']);
  prov = await t.login('cs-prov');
  dingan = await t.login('cs-dingan');
  tunchang = await t.login('cs-tun');
  planted = await employer(prov, '定安椰韵食品有限公司', '469021100', 'C');
  small = await employer(prov, '屯昌木艺家具厂', '469022100', 'C');
  const a = await staff(20, '469021100', 'a');
  await declare(planted, a, '2026-09-01', '469021100');
  await declare(planted, a.slice(0, 8), '2026-10-01', '469021100');
  const b = await staff(20, '469022100', 'b');
  await declare(small, b, '2026-09-01', '469022100');
  await declare(small, b.slice(0, 14), '2026-10-01', '469022100');
});
afterAll(async () => t.close());

describe(`contribution-stop warnings on a database (${db})`, () => {
  it('a planted drop of 12 of 20 staff raises exactly one warning for 定安 with the employer, staff before and after, and the month', async () => {
    await evaluateWarnings(t.platform, TODAY);
    const all = (await prov.get('/api/v1/employment/warnings')).json().items.filter((w: { ruleKey: string }) => w.ruleKey === 'contribution_stops');
    expect(all).toHaveLength(1);
    const w = all[0];
    expect(w).toMatchObject({ ruleKey: 'contribution_stops', ruleVersion: 1, regionCode: '469021', level: 'yellow', status: 'open' });
    expect(w.evidence.figures).toEqual({ employers: 1, previous: 20, stopped: 12, minStopped: 10, minShare: 0.3 });
    expect(w.evidence.records).toEqual([
      { type: 'employer', id: planted, label: '定安椰韵食品有限公司 2026-10 缴费职工 20→8 人（停缴 12 人，60%）', details: { employer: '定安椰韵食品有限公司', month: '2026-10', before: 20, after: 8, stopped: 12, share: 0.6 } },
    ]);
    // 屯昌's drop (6 people) is below the default threshold of 10: its supervisor sees no warning.
    expect((await tunchang.get('/api/v1/employment/warnings')).json().items).toEqual([]);
  });

  it('a lower threshold for 屯昌 (rule version 2) raises its warning; 定安 keeps one warning, re-evaluated', async () => {
    const v2 = await prov.post('/api/v1/employment/warning-rules', { key: 'contribution_stops', params: {}, regionParams: { '469022': { minStopped: 5 } } });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, params: { minStopped: 10, minShare: 0.3 }, regionParams: { '469022': { minStopped: 5 } } });
    const bad = await prov.post('/api/v1/employment/warning-rules', { key: 'contribution_stops', params: { minShare: 1.5 }, regionParams: {} });
    expect(bad.statusCode).toBe(400);
    expect(await evaluateWarnings(t.platform, TODAY)).toEqual({ created: 1, updated: 1 });
    const theirs = (await tunchang.get('/api/v1/employment/warnings')).json().items;
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ ruleKey: 'contribution_stops', ruleVersion: 2, regionCode: '469022', level: 'yellow' });
    expect(theirs[0].evidence.records[0].details).toEqual({ employer: '屯昌木艺家具厂', month: '2026-10', before: 20, after: 14, stopped: 6, share: 0.3 });
    const mine = (await dingan.get('/api/v1/employment/warnings')).json().items;
    expect(mine.map((w: { ruleKey: string; ruleVersion: number }) => [w.ruleKey, w.ruleVersion])).toEqual([['contribution_stops', 2]]);
  });
});
