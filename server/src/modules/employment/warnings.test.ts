// Rules of unemployment-risk warnings (versioned rules, per-region thresholds, evidence,
// owner and follow-ups, scheduled evaluation, scope) and of the monitoring figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { employmentModule } from './index';
import { daysAgo, employer, person } from './fixture.test-helper';
import { growthLevel, layoffLevel, levelOf, paramsFor } from './warnings';

describe('warning rules (pure)', () => {
  it('takes the nearest region’s thresholds over the defaults', () => {
    const rule = { params: { windowDays: 30, growth: 0.2, minCount: 10 }, regionParams: { '460000': { minCount: 50 }, '469021': { growth: 0.1 } } };
    expect(paramsFor(rule, ['460000', '469000', '469021'])).toEqual({ windowDays: 30, growth: 0.1, minCount: 50 });
    expect(paramsFor(rule, ['460000', '469000', '469022'])).toEqual({ windowDays: 30, growth: 0.2, minCount: 50 });
  });

  it('grades by multiples of the threshold and ignores small stocks', () => {
    expect([levelOf(0.19, 0.2), levelOf(0.2, 0.2), levelOf(0.4, 0.2), levelOf(0.6, 0.2)]).toEqual([null, 'yellow', 'orange', 'red']);
    const p = { windowDays: 30, growth: 0.2, minCount: 10 };
    expect(growthLevel(15, 10, p)).toEqual({ level: 'orange', growth: 0.5 });
    expect(growthLevel(9, 1, p).level).toBeNull();
    expect(growthLevel(12, 0, p).level).toBe('red');
    expect(layoffLevel([60], { windowDays: 30, planned: 100, single: 50 })).toBe('yellow');
    expect(layoffLevel([40, 40], { windowDays: 30, planned: 100, single: 50 })).toBeNull();
    expect(layoffLevel([150, 60], { windowDays: 30, planned: 100, single: 50 })).toBe('orange');
  });
});

let t: TestApp;
let sup: Agent; // 定安 supervisor (employment:warning)
let cw: Agent; // 定安 caseworker
let tc: Agent; // 屯昌 supervisor
let prov: Agent;
const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';

beforeAll(async () => {
  t = await testApp();
  await t.user('wsup', '469021', ['supervisor']);
  await t.user('wcw', '469021', ['caseworker']);
  await t.user('wtc', '469022', ['supervisor']);
  await t.user('wprov', '460000', ['supervisor']);
  sup = await t.login('wsup');
  cw = await t.login('wcw');
  tc = await t.login('wtc');
  prov = await t.login('wprov');
  // 定安: 10 registered unemployed 40 days ago, 5 more 10 days ago → 10 → 15 in 30 days (+50%).
  for (let i = 0; i < 15; i++) {
    const p = await person(sup, `预警${'甲乙丙丁戊己庚辛壬癸子丑寅卯辰'[i]}`, { region: i % 2 ? '469021100' : '469021101' });
    const r = await sup.post('/api/v1/employment/unemployment', { personId: p, registeredOn: daysAgo(i < 10 ? 40 : 10), reason: 'dismissed' });
    expect(r.statusCode, r.body).toBe(201);
  }
  // 屯昌: three recent registrations (below the minimum count) and a layoff report of 60 people in ten days.
  for (let i = 0; i < 3; i++) await tc.post('/api/v1/employment/unemployment', { personId: await person(tc, `屯昌预警${'甲乙丙'[i]}`, { region: '469022100' }), registeredOn: daysAgo(5), reason: 'dismissed' });
  const firm = await employer(tc, '屯昌橡胶厂', '469022100', 'C');
  const lay = await tc.post('/api/v1/employment/layoffs', { employerId: firm, reportedOn: daysAgo(2), plannedDate: daysAgo(-10), plannedCount: 60, staffCount: 400, reason: '订单减少' });
  expect(lay.statusCode, lay.body).toBe(201);
});
afterAll(async () => t.close());

describe(`warnings on a database (${db})`, () => {
  it('the scheduled job raises a growth warning for 定安 and a layoff warning for 屯昌, with evidence', async () => {
    const job = employmentModule.schedules!.find((s) => s.name === 'warnings')!;
    await job.run(t.platform);
    const mine = (await sup.get('/api/v1/employment/warnings')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ ruleKey: 'unemployed_growth', ruleVersion: 1, regionCode: '469021', level: 'orange', status: 'open' });
    expect(mine.items[0].evidence.figures).toMatchObject({ now: 15, before: 10, growth: 0.5 });
    expect(mine.items[0].evidence.records).toHaveLength(5); // the registrations of the last 30 days
    const theirs = (await tc.get('/api/v1/employment/warnings')).json();
    expect(theirs.items).toHaveLength(1);
    expect(theirs.items[0]).toMatchObject({ ruleKey: 'layoff_reports', regionCode: '469022', level: 'yellow' });
    expect(theirs.items[0].evidence.records[0].label).toContain('屯昌橡胶厂');
    // A county never sees the other county's warning.
    expect((await sup.get(`/api/v1/employment/warnings/${theirs.items[0].id}`)).statusCode).toBe(404);
  });

  it('a new rule version with a lower threshold for 定安 escalates the open warning instead of duplicating it', async () => {
    const v2 = await sup.post('/api/v1/employment/warning-rules', { key: 'unemployed_growth', params: {}, regionParams: { '469021': { growth: 0.1 } } });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, params: { windowDays: 30, growth: 0.2, minCount: 10 } });
    const bad = await prov.post('/api/v1/employment/warning-rules', { key: 'unemployed_growth', params: { growth: -1, colour: 3 }, regionParams: {} });
    expect(bad.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['params.colour', 'params.growth']);
    // A county sets thresholds for its own regions only, never the province-wide defaults.
    expect((await sup.post('/api/v1/employment/warning-rules', { key: 'unemployed_growth', params: { growth: 0.5 }, regionParams: {} })).json().code).toBe('OUT_OF_SCOPE');
    expect((await sup.post('/api/v1/employment/warning-rules', { key: 'unemployed_growth', params: {}, regionParams: { '469022': { growth: 0.5 } } })).json().code).toBe('OUT_OF_SCOPE');
    expect((await sup.post('/api/v1/employment/warning-rules', { key: 'unemployed_growth', params: {}, regionParams: { '469021': { growth: 0.1 } } })).json().code).toBe('VALIDATION');
    expect((await sup.post('/api/v1/employment/warnings/evaluate', { regionCode: '469022' })).statusCode).toBe(403);
    const r = (await sup.post('/api/v1/employment/warnings/evaluate', { regionCode: '469021' })).json();
    expect(r.updated).toBeGreaterThanOrEqual(1);
    const list = (await sup.get('/api/v1/employment/warnings')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ level: 'red', ruleVersion: 2 });
    const rules = (await sup.get('/api/v1/employment/warning-rules')).json();
    expect(rules.filter((x: { key: string }) => x.key === 'unemployed_growth').map((x: { version: number; active: boolean }) => [x.version, x.active])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('has an owner and follow-up records; only holders of employment:warning follow up', async () => {
    const w = (await sup.get('/api/v1/employment/warnings')).json().items[0];
    expect((await cw.post(`/api/v1/employment/warnings/${w.id}/followups`, { action: 'assign', note: '我来跟进', version: w.version })).statusCode).toBe(403);
    const mine = await sup.post(`/api/v1/employment/warnings/${w.id}/followups`, { action: 'assign', note: '由就业股跟进', version: w.version });
    expect(mine.json()).toMatchObject({ ownerName: 'wsup', status: 'open' });
    const ack = await sup.post(`/api/v1/employment/warnings/${w.id}/followups`, { action: 'acknowledge', note: '已核实，多为季节性停工', version: mine.json().version });
    const closed = await sup.post(`/api/v1/employment/warnings/${w.id}/followups`, { action: 'close', note: '已开展专场招聘', version: ack.json().version });
    expect(closed.json().status).toBe('closed');
    const detail = (await cw.get(`/api/v1/employment/warnings/${w.id}`)).json();
    expect(detail.followups.map((f: { action: string }) => f.action)).toEqual(['close', 'acknowledge', 'assign', 'note']);
  });
});

describe(`monitoring figures (${db})`, () => {
  it('rolls figures up to the children of the region asked for, within scope', async () => {
    const year = Number(daysAgo(10).slice(0, 4));
    const d = (await prov.get(`/api/v1/employment/monitoring/dashboard?year=${year}`)).json();
    const dingan = d.regions.find((r: { code: string }) => r.code === '469021');
    expect(dingan).toMatchObject({ name: '定安县', registeredUnemployed: 15 });
    expect(d.regions.find((r: { code: string }) => r.code === '469022')).toMatchObject({ registeredUnemployed: 3, layoffPlanned: 60 });
    expect(d.total.registeredUnemployed).toBe(18);
    const county = (await sup.get(`/api/v1/employment/monitoring/dashboard?year=${year}`)).json();
    expect(county.regionCode).toBe('469021');
    expect(county.regions.map((r: { code: string }) => r.code).sort()).toEqual(['469021100', '469021101']);
    expect(county.total.registeredUnemployed).toBe(15);
    expect((await sup.get(`/api/v1/employment/monitoring/dashboard?regionCode=469022`)).statusCode).toBe(403);
  });

  it('computes the supply-demand ratio (求人倍率) as open positions ÷ seekers, by occupation and by county', async () => {
    const firm = await employer(sup, '定安饭店', '469021100', 'H');
    await sup.post('/api/v1/employment/vacancies', { employerId: firm, title: '厨师', occupationCode: '4-03-02', skills: [], salaryMin: 300_000, salaryMax: 500_000, education: 'none', headcount: 2, expiresOn: daysAgo(-20) });
    await sup.post('/api/v1/employment/vacancies', { employerId: firm, title: '服务员', occupationCode: '4-03-01', skills: [], salaryMin: 300_000, salaryMax: 400_000, education: 'none', headcount: 1, expiresOn: daysAgo(-20) });
    for (const n of ['供需甲', '供需乙']) {
      const p = await person(sup, n);
      await sup.post('/api/v1/employment/seekers', { personId: p, desiredOccupations: ['4-03-02-01'], skills: [], desiredRegions: [], salaryMin: null, education: 'junior', availableFrom: null });
    }
    const occ = (await sup.get('/api/v1/employment/monitoring/supply-demand?by=occupation')).json();
    expect(occ.rows).toEqual([{ code: '4-03', name: '住宿和餐饮服务人员', vacancies: 3, seekers: 2, ratio: 1.5 }]);
    const cty = (await sup.get('/api/v1/employment/monitoring/supply-demand?by=county')).json();
    expect(cty.rows).toEqual([{ code: '469021', name: '定安县', vacancies: 3, seekers: 2, ratio: 1.5 }]);
    expect((await tc.get('/api/v1/employment/monitoring/supply-demand?by=county')).json().rows).toEqual([]);
  });
});
