// Rule: a county user never sees or changes another county's people or employers, through
// any route; a township user sees only its own township. The test walks EVERY registered
// /api/v1 route (new module routes are walked automatically) as users of 定安县 (469021),
// 屯昌县 (469022) and 定城镇 (469021100), with the other side's record ids substituted into
// the path and write bodies aimed at the other side, and checks responses and the database.
import ExcelJS from '../src/platform/imports/exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../src/platform/http/server';
import { makeResidentId, makeUscc } from '../src/platform/validate';
import { testApp, type Agent, type TestApp } from './app';

type Side = { region: string; township: string; otherTownship: string; personName: string; person2Name: string; employerName: string; uscc: string; personId?: number; person2Id?: number; employerId?: number };

const dingan: Side = { region: '469021', township: '469021100', otherTownship: '469021101', personName: '定安甲', person2Name: '定安乙', employerName: '定安测试单位', uscc: makeUscc('91469021MA5T0000A') };
const tunchang: Side = { region: '469022', township: '469022100', otherTownship: '469022101', personName: '屯昌丙', person2Name: '屯昌丁', employerName: '屯昌测试单位', uscc: makeUscc('91469022MA5T0000B') };

let t: TestApp;
const agents: Record<string, Agent> = {};

async function seedSide(s: Side, seq: number) {
  const a = agents[s === dingan ? 'dingan' : 'tunchang'];
  const p1 = await a.post('/api/v1/registry/persons', { idNumber: makeResidentId(s.region, '1980-01-01', seq), name: s.personName, hukouType: 'rural', regionCode: s.township, phone: '13800138000' });
  expect(p1.statusCode, p1.body).toBe(201);
  s.personId = p1.json().id;
  const p2 = await a.post('/api/v1/registry/persons', { idNumber: makeResidentId(s.region, '1981-02-02', seq + 2), name: s.person2Name, hukouType: 'urban', regionCode: s.otherTownship });
  expect(p2.statusCode, p2.body).toBe(201);
  s.person2Id = p2.json().id;
  const e = await a.post('/api/v1/registry/employers', { uscc: s.uscc, name: s.employerName, industry: 'C', ownership: 'private', size: 'small', regionCode: s.township });
  expect(e.statusCode, e.body).toBe(201);
  s.employerId = e.json().id;
}

async function bodyText(res: { headers: Record<string, unknown>; rawPayload: Buffer; body: string }): Promise<string> {
  if (String(res.headers['content-type'] ?? '').includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const parts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => parts.push(String(c.text)))));
    return parts.join('\n');
  }
  return res.body;
}

async function foreignState(s: Side) {
  const rows = await t.database.query<Record<string, unknown>>(
    `select 'p' as k, id, name, region_code, version from persons where id in ($1, $2) /*scope:system*/
     union all select 'e', id, name, region_code, version from employers where id = $3 /*scope:system*/ order by 1, 2`,
    [s.personId, s.person2Id, s.employerId],
  );
  const [{ n }] = await t.database.query<{ n: number }>(
    `select (select count(*) from persons where region_code like $1 || '%' /*scope:system*/) + (select count(*) from employers where region_code like $1 || '%' /*scope:system*/) as n`,
    [s.region],
  );
  return JSON.stringify({ rows, n: Number(n) });
}

function pathFor(url: string, target: Side): string {
  return url
    .replace(/^(.*\/persons\/):id/, `$1${target.personId}`)
    .replace(/^(.*\/employers\/):id/, `$1${target.employerId}`)
    .replace(':kind', 'persons')
    .replace(/:id\b/, '1')
    .replace(/:[a-zA-Z]+/g, 'x');
}

function writeBody(target: Side) {
  return {
    version: 1,
    name: '越权篡改',
    regionCode: target.township,
    hukouType: 'urban',
    idNumber: makeResidentId(target.region, '1990-03-03', 901),
    phone: '13900139000',
    uscc: makeUscc('91460000MA5T9999Z'),
    industry: 'C',
    ownership: 'private',
    size: 'small',
    flags: { veteran: true },
  };
}

beforeAll(async () => {
  t = await testApp();
  await t.user('dingan', dingan.region, ['supervisor']);
  await t.user('tunchang', tunchang.region, ['supervisor']);
  await t.user('dingcheng', dingan.township, ['supervisor']);
  for (const u of ['dingan', 'tunchang', 'dingcheng']) agents[u] = await t.login(u);
  await seedSide(dingan, 11);
  await seedSide(tunchang, 21);
});
afterAll(async () => t.close());

describe(`region scope holds on every route (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  const cases: [string, Side, Side][] = [
    ['dingan', dingan, tunchang],
    ['tunchang', tunchang, dingan],
  ];

  it.each(cases)('%s reads no record of the other county through any GET route', async (user, own, other) => {
    const routes = registeredRoutes(t.app).filter((r) => r.method === 'GET');
    expect(routes.length).toBeGreaterThan(10);
    let sawOwn = 0;
    for (const r of routes) {
      const res = await agents[user].get(pathFor(r.url, other));
      const text = await bodyText(res);
      for (const marker of [other.personName, other.person2Name, other.employerName, other.uscc]) {
        expect(text.includes(marker), `${r.method} ${r.url} leaked ${marker} to ${user}`).toBe(false);
      }
      if (text.includes(own.personName)) sawOwn++;
      // A direct read of the other side's record is refused as not found (existence is not confirmed).
      if (/\/(persons|employers)\/:id/.test(r.url)) expect(res.statusCode, `${r.url}`).toBe(404);
    }
    // The walk is not vacuous: lists and exports did show the user's own people.
    expect(sawOwn).toBeGreaterThanOrEqual(2);
  });

  it.each(cases)('%s changes nothing of the other county through any POST, PUT or DELETE route', async (user, _own, other) => {
    const before = await foreignState(other);
    const routes = registeredRoutes(t.app).filter((r) => ['POST', 'PUT', 'DELETE', 'PATCH'].includes(r.method) && !r.url.endsWith('/auth/logout'));
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) {
      const res = await agents[user].raw({ method: r.method as 'POST', url: pathFor(r.url, other), payload: r.method === 'DELETE' ? undefined : writeBody(other) });
      // Only the caller's own account routes (password, TOTP) may succeed; all else must refuse.
      if (!r.url.startsWith('/api/v1/auth/')) expect(res.statusCode, `${r.method} ${r.url} answered ${res.statusCode} ${res.body}`).toBeGreaterThanOrEqual(400);
      const text = await bodyText(res);
      expect(text.includes(other.personName), `${r.method} ${r.url} leaked`).toBe(false);
    }
    expect(await foreignState(other)).toBe(before);
  });

  it('a township user sees only its own township, not the rest of its county', async () => {
    const list = (await agents.dingcheng.get('/api/v1/registry/persons?pageSize=100')).json();
    const names = list.items.map((p: { name: string }) => p.name);
    expect(names).toContain(dingan.personName);
    expect(names).not.toContain(dingan.person2Name);
    expect(names).not.toContain(tunchang.personName);
    expect((await agents.dingcheng.get(`/api/v1/registry/persons/${dingan.person2Id}`)).statusCode).toBe(404);
    const moved = await agents.dingcheng.put(`/api/v1/registry/persons/${dingan.personId}`, { version: 1, regionCode: dingan.otherTownship });
    expect(moved.json().code).toBe('OUT_OF_SCOPE');
  });

  it('the county user sees both of its townships, and a region filter outside the scope is refused', async () => {
    const list = (await agents.dingan.get('/api/v1/registry/persons?pageSize=100')).json();
    expect(list.items.map((p: { name: string }) => p.name).sort()).toEqual([dingan.personName, dingan.person2Name].sort());
    const out = await agents.dingan.get(`/api/v1/registry/persons?regionCode=${tunchang.region}`);
    expect(out.statusCode).toBe(403);
    expect(out.json().code).toBe('OUT_OF_SCOPE');
  });

  it('a query on a scoped table without the scope condition is refused before it reaches the database', async () => {
    await expect(t.database.db.execute((await import('drizzle-orm')).sql`select count(*) from persons`)).rejects.toMatchObject({ code: 'SCOPE_MISSING' });
  });
});
