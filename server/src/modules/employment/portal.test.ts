// Rules of the public vacancy search: no login, Chinese words segmented, places by name or
// code, pay from numbers, only open unexpired adverts, only advert fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { daysAgo, employer } from './fixture.test-helper';
import { queryWords } from './portal';

let t: TestApp;
let hk: Agent;
let da: Agent;
const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });

beforeAll(async () => {
  t = await testApp();
  await t.user('phk', '460100', ['caseworker']);
  await t.user('pda', '469021', ['caseworker']);
  hk = await t.login('phk');
  da = await t.login('pda');
  const hotel = await employer(hk, '海口门户酒店', '460106', 'H');
  const farm = await employer(da, '定安门户农场', '469021100', 'A');
  const post = (a: Agent, body: Record<string, unknown>) => a.post('/api/v1/employment/vacancies', { skills: [], education: 'none', headcount: 2, expiresOn: daysAgo(-20), ...body });
  expect((await post(hk, { employerId: hotel, title: '中式厨师（包住宿）', occupationCode: '4-03-02', salaryMin: 500_000, salaryMax: 800_000, description: '提供员工宿舍' })).statusCode).toBe(201);
  expect((await post(hk, { employerId: hotel, title: '前台接待', occupationCode: '4-03-01', salaryMin: 350_000, salaryMax: 450_000 })).statusCode).toBe(201);
  expect((await post(da, { employerId: farm, title: '农场厨师', occupationCode: '4-03-02', salaryMin: 300_000, salaryMax: 400_000 })).statusCode).toBe(201);
  const closed = await post(da, { employerId: farm, title: '果园厨师', occupationCode: '4-03-02', salaryMin: 300_000, salaryMax: 400_000 });
  const c = closed.json();
  await da.put(`/api/v1/employment/vacancies/${c.id}`, { title: c.title, occupationCode: c.occupationCode, skills: [], salaryMin: c.salaryMin, salaryMax: c.salaryMax, education: 'none', headcount: 2, expiresOn: c.expiresOn, status: 'closed', version: c.version });
});
afterAll(async () => t.close());

describe(`public vacancy search (${db})`, () => {
  it('splits Chinese queries into words with Intl.Segmenter', () => {
    expect(queryWords('海口厨师包住宿')).toEqual(['海口', '厨师', '包', '住宿']);
    expect(queryWords('  厨师 厨师 ')).toEqual(['厨师']);
  });

  it('answers without a session, reads a place named in the query, and lists only open adverts with advert fields', async () => {
    const all = (await get('/portal/vacancies?q=厨师')).json();
    expect(all.items.map((x: { title: string }) => x.title).sort()).toEqual(['中式厨师（包住宿）', '农场厨师']);
    const haikou = (await get(`/portal/vacancies?q=${encodeURIComponent('海口厨师')}`)).json();
    expect(haikou.places).toEqual([{ code: '460100', name: '海口市' }]);
    expect(haikou.items.map((x: { title: string }) => x.title)).toEqual(['中式厨师（包住宿）']);
    expect(Object.keys(haikou.items[0]).sort()).toEqual(['description', 'education', 'employerName', 'expiresOn', 'id', 'occupationCode', 'occupationName', 'openings', 'regionCode', 'regionName', 'salaryMax', 'salaryMin', 'title']);
  });

  it('takes the place by code or by name in its own field, and a number as the pay wanted', async () => {
    const byCode = (await get('/portal/vacancies?region=469021')).json();
    const byName = (await get(`/portal/vacancies?region=${encodeURIComponent('定安')}`)).json();
    expect(byCode.items.map((x: { title: string }) => x.title)).toEqual(['农场厨师']);
    expect(byName.items).toEqual(byCode.items);
    const pay = (await get(`/portal/vacancies?q=${encodeURIComponent('厨师月薪6000')}`)).json();
    expect(pay.items.map((x: { title: string }) => x.title)).toEqual(['中式厨师（包住宿）']);
    // 餐饮 names the medium group 4-03 (住宿和餐饮服务人员): all three open adverts match.
    expect((await get(`/portal/vacancies?q=${encodeURIComponent('餐饮')}`)).json().total).toBe(3);
    expect((await get(`/portal/vacancies?region=${encodeURIComponent('火星')}`)).statusCode).toBe(400);
  });

  it('shows one open advert publicly and hides closed ones', async () => {
    const list = (await get('/portal/vacancies')).json();
    expect(list.total).toBe(3);
    expect((await get(`/portal/vacancies/${list.items[0].id}`)).statusCode).toBe(200);
    const closed = (await da.get('/api/v1/employment/vacancies?status=closed')).json().items[0];
    expect((await get(`/portal/vacancies/${closed.id}`)).statusCode).toBe(404);
  });
});
