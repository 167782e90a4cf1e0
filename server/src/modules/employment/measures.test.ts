// The plan measures on a small dataset whose figures were worked out by hand, and their
// drill-downs under scope (a county sees only its own records).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { rows } from '../../platform/db';
import type { Scope } from '../../platform/scope';
import { employer, person } from './fixture.test-helper';
import { employmentMeasures } from './measures';

let t: TestApp;
let p: Agent;
const DA = '469021100'; // 定城镇, 定安
const TC = '469022100'; // 屯昌

const ok = async (res: Promise<{ statusCode: number; body: string; json(): { id: number } }>) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};

beforeAll(async () => {
  t = await testApp();
  await t.user('mprov', '460000', ['supervisor']);
  p = await t.login('mprov');
  const firm = await employer(p, '测算单位', DA);
  const firm2 = await employer(p, '测算单位二', TC);
  const job = (personId: number, startDate: string, extra: Record<string, unknown> = {}) => ok(p.post('/api/v1/employment/registrations', { personId, employerId: firm, kind: 'employee', startDate, area: 'urban', ...extra }));
  const unemp = (personId: number, registeredOn: string, extra: Record<string, unknown> = {}) => ok(p.post('/api/v1/employment/unemployment', { personId, registeredOn, reason: 'dismissed', ...extra }));

  const p1 = await person(p, '测甲', { region: DA });
  const p2 = await person(p, '测乙', { region: DA });
  const p3 = await person(p, '测丙', { region: DA });
  const p4 = await person(p, '测丁', { region: DA });
  const p5 = await person(p, '测戊', { region: DA, hukouType: 'rural' });
  const p6 = await person(p, '测己', { region: DA });
  await job(p1, '2023-03-01');
  await ok(p.post('/api/v1/employment/registrations', { personId: p2, kind: 'flexible', startDate: '2023-06-01', area: 'urban', newUrban: false }));
  await unemp(p3, '2023-02-01', { difficulty: true });
  await unemp(p4, '2023-10-01');
  await job(p3, '2024-04-01', { reemployment: true });
  await ok(p.post('/api/v1/employment/registrations', { personId: p5, kind: 'flexible', startDate: '2024-01-10', area: 'rural' }));
  await job(p6, '2022-05-01', { endDate: '2023-08-31' });

  const q1 = await person(p, '测庚', { region: TC });
  const q2 = await person(p, '测辛', { region: TC });
  await unemp(q1, '2024-03-01');
  await ok(p.post('/api/v1/employment/registrations', { personId: q2, employerId: firm2, kind: 'employee', startDate: '2024-02-01', area: 'urban' }));

  const r1 = await person(p, '测壬', { region: DA, hukouType: 'rural' });
  const r2 = await person(p, '测癸', { region: DA, hukouType: 'rural' });
  await ok(p.post('/api/v1/employment/transfers', { personId: r1, transferDate: '2023-05-05', destination: 'in_province' }));
  await ok(p.post('/api/v1/employment/transfers', { personId: r1, transferDate: '2023-09-09', destination: 'out_of_province' }));
  await ok(p.post('/api/v1/employment/transfers', { personId: r2, transferDate: '2024-01-01', destination: 'in_county' }));

  const grad = async (name: string, destination: string, staysInHainan: boolean | null) =>
    ok(p.post('/api/v1/employment/graduates', { personId: await person(p, name, { region: DA, birthDate: '2001-01-01' }), graduationYear: 2024, school: '海南师范大学', education: 'bachelor', destination, staysInHainan, recordedOn: '2024-09-01' }));
  await grad('毕甲', 'contract', true);
  await grad('毕乙', 'flexible', false);
  await grad('毕丙', 'further_study', null);
  await grad('毕丁', 'seeking', null);
});
afterAll(async () => t.close());

const measure = (key: string) => employmentMeasures.find((m) => m.key === key)!;

async function run(key: string) {
  const out = await rows<Record<string, unknown>>(t.platform.db, measure(key).sql({ fromYear: 2022, toYear: 2024 }));
  return out
    .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'region_code' ? v : Number(v)])))
    .sort((a, b) => String(a.region_code).localeCompare(String(b.region_code)) || Number(a.period) - Number(b.period));
}

const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';

describe(`employment measures on a hand-computed dataset (${db})`, () => {
  it('lists every key the plan YAML uses', () => {
    const keys = employmentMeasures.map((m) => m.key);
    for (const k of ['employment.newUrbanJobs', 'employment.registeredUnemploymentRate', 'employment.ruralLabourTransfer', 'employment.unemployedReemployed', 'employment.difficultReemployed', 'employment.graduateDestinationRate', 'employment.graduateStayInHainanShare']) expect(keys).toContain(k);
    for (const m of employmentMeasures) expect(m.records, m.key).toBeTypeOf('function');
  });

  it('newUrbanJobs counts urban employments flagged new, by start year and the person’s region', async () => {
    expect(await run('employment.newUrbanJobs')).toEqual([
      { region_code: DA, period: 2022, value: 1 }, // 测己
      { region_code: DA, period: 2023, value: 1 }, // 测甲 (测乙's flexible job is not flagged new)
      { region_code: DA, period: 2024, value: 1 }, // 测丙's re-employment (测戊's is rural)
      { region_code: TC, period: 2024, value: 1 }, // 测辛
    ]);
  });

  it('registeredUnemploymentRate is unemployed ÷ (employed + unemployed) at each year end', async () => {
    expect(await run('employment.registeredUnemploymentRate')).toEqual([
      { region_code: DA, period: 2022, numerator: 0, denominator: 1 }, // 测己 employed
      { region_code: DA, period: 2023, numerator: 2, denominator: 4 }, // 丙 丁 unemployed; 甲 乙 employed (己 left in August)
      { region_code: DA, period: 2024, numerator: 1, denominator: 4 }, // 丁 unemployed; 甲 乙 丙 employed (戊 is rural)
      { region_code: TC, period: 2024, numerator: 1, denominator: 2 }, // 庚 unemployed; 辛 employed
    ]);
    expect(await run('employment.registeredUnemployed')).toEqual([
      { region_code: DA, period: 2023, value: 2 },
      { region_code: DA, period: 2024, value: 1 },
      { region_code: TC, period: 2024, value: 1 },
    ]);
  });

  it('re-employment counts registrations closed by re-employment in the year, and the hard-to-employ among them', async () => {
    expect(await run('employment.unemployedReemployed')).toEqual([{ region_code: DA, period: 2024, value: 1 }]);
    expect(await run('employment.difficultReemployed')).toEqual([{ region_code: DA, period: 2024, value: 1 }]);
  });

  it('ruralLabourTransfer counts each person once a year', async () => {
    expect(await run('employment.ruralLabourTransfer')).toEqual([
      { region_code: DA, period: 2023, value: 1 },
      { region_code: DA, period: 2024, value: 1 },
    ]);
  });

  it('graduates’ destination rate is placed ÷ cohort, and the stay-in-Hainan share is over graduates in employment', async () => {
    expect(await run('employment.graduateDestinationRate')).toEqual([{ region_code: DA, period: 2024, numerator: 3, denominator: 4 }]);
    expect(await run('employment.graduateStayInHainanShare')).toEqual([{ region_code: DA, period: 2024, numerator: 1, denominator: 2 }]);
  });

  it('drill-downs list the records behind a figure, within the caller’s scope only', async () => {
    const scopeOf = (code: string | null): Scope => ({ all: code === null, regionCodes: new Set(code ? t.platform.regions.expand(code) : []), selfUserId: null, kind: code ? 'region_and_below' : 'all' });
    const drill = async (key: string, scope: Scope, year: number) =>
      (await rows<{ id: number; label: string; region_code: string }>(t.platform.db, measure(key).records!({ scope, regionCodes: [DA, TC], year, limit: 50, offset: 0 }))).map((r) => r.label).sort();
    expect(await drill('employment.newUrbanJobs', scopeOf(null), 2024)).toEqual(['测丙', '测辛']);
    expect(await drill('employment.newUrbanJobs', scopeOf('469021'), 2024)).toEqual(['测丙']);
    expect(await drill('employment.newUrbanJobs', scopeOf('469022'), 2024)).toEqual(['测辛']);
    expect(await drill('employment.registeredUnemploymentRate', scopeOf('469021'), 2023)).toEqual(['测丁', '测丙']);
    expect(await drill('employment.unemployedReemployed', scopeOf('469022'), 2024)).toEqual([]);
    expect(await drill('employment.graduateStayInHainanShare', scopeOf(null), 2024)).toEqual(['毕乙', '毕甲']);
  });
});
