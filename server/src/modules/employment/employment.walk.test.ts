// Rule: a county never sees or changes another county's employment records through any
// employment route. Like test/scope.walk.test.ts, but with records of every kind on both
// sides (registrations, unemployment, transfers, graduates, layoffs, seekers, vacancies,
// placements, warnings) and their ids substituted into every /employment path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../platform/http/server';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { daysAgo, employer, person } from './fixture.test-helper';

type Side = { region: string; township: string; names: string[]; ids: Record<string, number>; versions: Record<string, number> };
const dingan: Side = { region: '469021', township: '469021100', names: ['定安走甲', '定安走乙', '定安走丙', '定安走单位'], ids: {}, versions: {} };
const tunchang: Side = { region: '469022', township: '469022100', names: ['屯昌走甲', '屯昌走乙', '屯昌走丙', '屯昌走单位'], ids: {}, versions: {} };

let t: TestApp;
const agents: Record<string, Agent> = {};

async function seed(a: Agent, s: Side) {
  const ok = async (p: Promise<{ statusCode: number; body: string; json(): { id: number; version: number } }>, key: string) => {
    const r = await p;
    expect(r.statusCode, `${key}: ${r.body}`).toBeLessThan(300);
    s.ids[key] = r.json().id;
    s.versions[key] = r.json().version;
  };
  const [p1, p2, p3] = [await person(a, s.names[0], { region: s.township, hukouType: 'rural' }), await person(a, s.names[1], { region: s.township, birthDate: '2002-02-02' }), await person(a, s.names[2], { region: s.township })];
  const firm = await employer(a, s.names[3], s.township, 'H');
  await ok(a.post('/api/v1/employment/registrations', { personId: p1, employerId: firm, kind: 'employee', startDate: daysAgo(30), area: 'urban' }), 'registration');
  await ok(a.post('/api/v1/employment/unemployment', { personId: p3, registeredOn: daysAgo(20), reason: 'dismissed' }), 'unemployment');
  await ok(a.post('/api/v1/employment/transfers', { personId: p1, transferDate: daysAgo(30), destination: 'in_county' }), 'transfer');
  await ok(a.post('/api/v1/employment/graduates', { personId: p2, graduationYear: Number(daysAgo(0).slice(0, 4)) - 1, school: '海南大学', education: 'bachelor', destination: 'seeking', recordedOn: daysAgo(3) }), 'graduate');
  await ok(a.post('/api/v1/employment/layoffs', { employerId: firm, reportedOn: daysAgo(2), plannedDate: daysAgo(-5), plannedCount: 80, staffCount: 300, reason: '停产' }), 'layoff');
  await ok(a.post('/api/v1/employment/seekers', { personId: p3, desiredOccupations: ['4-03-02-01'], skills: ['烹饪'], desiredRegions: [], salaryMin: 400_000, education: 'senior', availableFrom: null }), 'seeker');
  await ok(a.post('/api/v1/employment/vacancies', { employerId: firm, title: `${s.names[3]}厨师`, occupationCode: '4-03-02', skills: [], salaryMin: 300_000, salaryMax: 500_000, education: 'none', headcount: 2, expiresOn: daysAgo(-20) }), 'vacancy');
  await ok(a.post('/api/v1/employment/placements', { kind: 'referral', seekerId: s.ids.seeker, vacancyId: s.ids.vacancy }), 'placement');
  await a.post('/api/v1/employment/warnings/evaluate', { regionCode: s.region });
  const w = (await a.get('/api/v1/employment/warnings')).json().items[0];
  s.ids.warning = w.id;
  s.versions.warning = w.version;
}

const prefix: [RegExp, string][] = [
  [/\/registrations\/:id/, 'registration'],
  [/\/unemployment\/:id/, 'unemployment'],
  [/\/graduates\/:id/, 'graduate'],
  [/\/layoffs\/:id/, 'layoff'],
  [/\/seekers\/:id/, 'seeker'],
  [/\/vacancies\/:id/, 'vacancy'],
  [/\/placements\/:id/, 'placement'],
  [/\/warnings\/:id/, 'warning'],
];

function pathFor(url: string, target: Side): { path: string; entity: string | null } {
  for (const [re, key] of prefix) if (re.test(url)) return { path: url.replace(':id', String(target.ids[key])), entity: key };
  return { path: url.replace(/:[a-zA-Z]+/g, '1'), entity: null };
}

beforeAll(async () => {
  t = await testApp();
  await t.user('walkda', dingan.region, ['supervisor']);
  await t.user('walktc', tunchang.region, ['supervisor']);
  agents.dingan = await t.login('walkda');
  agents.tunchang = await t.login('walktc');
  await seed(agents.dingan, dingan);
  await seed(agents.tunchang, tunchang);
});
afterAll(async () => t.close());

const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';

describe(`employment routes hold the region scope (${db})`, () => {
  const cases: [string, Side, Side][] = [
    ['dingan', dingan, tunchang],
    ['tunchang', tunchang, dingan],
  ];

  it.each(cases)('%s reads no employment record or person of the other county through any GET route', async (user, own, other) => {
    const routes = registeredRoutes(t.app).filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/employment/'));
    expect(routes.length).toBeGreaterThan(20);
    let sawOwn = 0;
    for (const r of routes) {
      const { path, entity } = pathFor(r.url, other);
      const res = await agents[user].get(path);
      // Open vacancies are public adverts: a foreign vacancy's matches list the caller's own seekers only.
      const markers = entity === 'vacancy' && r.url.endsWith('/matches') ? other.names.slice(0, 3) : other.names;
      for (const m of markers) expect(res.body.includes(m), `GET ${r.url} leaked ${m} to ${user}`).toBe(false);
      if (entity && !(entity === 'vacancy' && r.url.endsWith('/matches'))) expect(res.statusCode, `GET ${path}`).toBe(404);
      if (own.names.some((n) => res.body.includes(n))) sawOwn++;
    }
    expect(sawOwn).toBeGreaterThanOrEqual(5);
  });

  it.each(cases)('%s changes nothing of the other county through any POST or PUT route', async (user, _own, other) => {
    const snapshot = async () => JSON.stringify(await t.database.query(`select 'r', id, version from employment_registrations where region_code like $1 || '%' union all select 'u', id, version from employment_unemployment where region_code like $1 || '%'
      union all select 's', id, version from employment_seekers where region_code like $1 || '%' union all select 'v', id, version from employment_vacancies where region_code like $1 || '%'
      union all select 'p', id, version from employment_placements where region_code like $1 || '%' union all select 'w', id, version from employment_warnings where region_code like $1 || '%'
      union all select 'l', id, version from employment_layoff_reports where region_code like $1 || '%' union all select 'g', id, version from employment_graduates where region_code like $1 || '%'
      union all select 'f', count(*)::bigint, 0 from employment_layoff_followups where region_code like $1 || '%' union all select 'x', count(*)::bigint, 0 from employment_unemployment_services where region_code like $1 || '%'
      order by 1, 2 /*scope:system*/`, [other.region]));
    const before = await snapshot();
    const routes = registeredRoutes(t.app).filter((r) => ['POST', 'PUT', 'DELETE'].includes(r.method) && r.url.startsWith('/api/v1/employment/'));
    for (const r of routes) {
      const { path, entity } = pathFor(r.url, other);
      const body = {
        version: entity ? other.versions[entity] : 1,
        personId: other.ids.registration,
        employerId: 1,
        seekerId: other.ids.seeker,
        vacancyId: other.ids.vacancy,
        kind: 'referral',
        regionCode: other.region,
        endDate: daysAgo(1),
        reason: 'moved_away',
        closedOn: daysAgo(1),
        serviceDate: daysAgo(1),
        followupDate: daysAgo(1),
        note: '越权',
        action: 'close',
        status: 'rejected',
        outcomeDate: daysAgo(1),
        difficulty: true,
        school: 'x',
        education: 'bachelor',
        destination: 'contract',
        staysInHainan: true,
        recordedOn: daysAgo(1),
        title: '越权岗位',
        occupationCode: '4-03-02',
        skills: [],
        salaryMin: 1,
        salaryMax: 2,
        headcount: 1,
        expiresOn: daysAgo(-3),
        desiredOccupations: ['4-03'],
        desiredRegions: [],
        availableFrom: null,
        key: 'layoff_reports',
        params: {},
      };
      const res = await agents[user].raw({ method: r.method as 'POST', url: path, payload: body });
      if (r.url.endsWith('/employment/placements')) {
        // Referring one's own caller to a foreign open vacancy is allowed in principle, but the
        // seeker here is the other county's: refused.
        expect(res.statusCode, `${r.method} ${path}`).toBe(404);
      } else {
        expect(res.statusCode, `${r.method} ${path} answered ${res.statusCode} ${res.body}`).toBeGreaterThanOrEqual(400);
      }
      for (const m of other.names) expect(res.body.includes(m), `${r.method} ${r.url} leaked ${m}`).toBe(false);
    }
    expect(await snapshot()).toBe(before);
  });
});
