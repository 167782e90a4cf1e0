// Rules of employment and unemployment registrations, rural transfers, graduates and layoff
// reports, through the API as real users (runs on PGlite, and on PostgreSQL with DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { daysAgo, employer, person } from './fixture.test-helper';

let t: TestApp;
let a: Agent; // 定安 caseworker
let other: Agent; // 屯昌 caseworker
let firm: number;
let firm2: number;

const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';

beforeAll(async () => {
  t = await testApp();
  await t.user('ea', '469021', ['caseworker']);
  await t.user('eb', '469022', ['caseworker']);
  a = await t.login('ea');
  other = await t.login('eb');
  firm = await employer(a, '定安椰子加工厂');
  firm2 = await employer(a, '定安物流公司', '469021101', 'G');
});
afterAll(async () => t.close());

const reg = (body: Record<string, unknown>) => a.post('/api/v1/employment/registrations', body);
const job = (personId: number, extra: Record<string, unknown> = {}) => reg({ personId, employerId: firm, kind: 'employee', startDate: daysAgo(30), area: 'urban', hasContract: true, occupationCode: '6-01', ...extra });

describe(`employment registrations (${db})`, () => {
  it('registers an employee in the person’s region (the employer may be elsewhere), counting as new urban employment by default', async () => {
    const p = await person(a, '王一');
    const res = await reg({ personId: p, employerId: firm2, kind: 'employee', startDate: daysAgo(10), area: 'urban', occupationCode: '4-02' });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ personId: p, personName: '王一', employerName: '定安物流公司', regionCode: '469021100', newUrban: true, endDate: null, occupationName: '交通运输、仓储物流和邮政业服务人员' });
    expect(v.idNumberMasked).toMatch(/^\d{3}\*+[\dX]{4}$/);
  });

  it('refuses a start date in the future, with the reason in Chinese and English', async () => {
    const p = await person(a, '王二');
    const tomorrow = daysAgo(-1);
    const res = await job(p, { startDate: tomorrow });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.fields[0].field).toBe('startDate');
    expect(body.message.zh).toContain('晚于今天');
    expect(body.message.en).toContain('future events cannot be registered');
  });

  it('refuses an end date before the start date', async () => {
    const p = await person(a, '王三');
    const res = await job(p, { startDate: daysAgo(10), endDate: daysAgo(20) });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual(['endDate']);
  });

  it('refuses a person who is not in the registry', async () => {
    const res = await job(99_999_999);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'personId' });
    expect(res.json().message.en).toContain('not in the registry');
  });

  it('refuses an employee registration without an employer, and flexible work with one', async () => {
    const p = await person(a, '王四');
    expect((await reg({ personId: p, kind: 'employee', startDate: daysAgo(3), area: 'urban' })).json().fields[0].field).toBe('employerId');
    expect((await reg({ personId: p, employerId: firm, kind: 'flexible', startDate: daysAgo(3), area: 'urban' })).json().fields[0].field).toBe('employerId');
  });

  it('refuses rural employment flagged as new urban employment', async () => {
    const p = await person(a, '王五');
    const res = await reg({ personId: p, kind: 'flexible', startDate: daysAgo(3), area: 'rural', newUrban: true });
    expect(res.json().fields[0].field).toBe('newUrban');
  });

  it('refuses two open employments when one is exclusive, names the one in the way, and allows flexible work beside self-employment', async () => {
    const p = await person(a, '李一');
    const first = await job(p);
    expect(first.statusCode).toBe(201);
    const second = await reg({ personId: p, employerId: firm2, kind: 'employee', startDate: daysAgo(5), area: 'urban' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'CONFLICT', conflictingId: first.json().id });
    expect(second.json().message.zh).toContain(`#${first.json().id}`);
    // A flexible side job beside an employee registration is refused too (the employee one is exclusive).
    expect((await reg({ personId: p, kind: 'flexible', startDate: daysAgo(2), area: 'urban' })).statusCode).toBe(409);

    const q = await person(a, '李二');
    expect((await reg({ personId: q, kind: 'self_employed', startDate: daysAgo(40), area: 'urban' })).statusCode).toBe(201);
    expect((await reg({ personId: q, kind: 'flexible', startDate: daysAgo(20), area: 'urban' })).statusCode).toBe(201);
    expect((await reg({ personId: q, kind: 'public_welfare', startDate: daysAgo(10), area: 'urban' })).statusCode).toBe(409);
  });

  it('allows a new job after termination, refuses a future or repeated termination, and refuses a back-dated overlapping job', async () => {
    const p = await person(a, '李三');
    const first = (await job(p, { startDate: daysAgo(100) })).json();
    const future = await a.post(`/api/v1/employment/registrations/${first.id}/terminate`, { endDate: daysAgo(-2), reason: '合同到期', version: first.version });
    expect(future.statusCode).toBe(400);
    const ended = await a.post(`/api/v1/employment/registrations/${first.id}/terminate`, { endDate: daysAgo(50), reason: '合同到期', version: first.version });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().endDate).toBe(daysAgo(50));
    const again = await a.post(`/api/v1/employment/registrations/${first.id}/terminate`, { endDate: daysAgo(40), reason: 'x', version: ended.json().version });
    expect(again.json().code).toBe('INVALID_STATE');
    // Overlapping the ended job (which ran to 50 days ago) is refused; starting after it is fine.
    expect((await job(p, { startDate: daysAgo(60) })).statusCode).toBe(409);
    expect((await job(p, { startDate: daysAgo(49) })).statusCode).toBe(201);
  });
});

describe(`unemployment registrations and re-employment (${db})`, () => {
  const unemp = (personId: number, extra: Record<string, unknown> = {}) => a.post('/api/v1/employment/unemployment', { personId, registeredOn: daysAgo(60), reason: 'contract_ended', ...extra });

  it('refuses re-employment without an open unemployment registration', async () => {
    const p = await person(a, '赵一');
    const res = await job(p, { reemployment: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().message.en).toContain('no open unemployment registration');
  });

  it('closes the open unemployment registration as re-employed when the person is employed after it', async () => {
    const p = await person(a, '赵二', { flags: { veteran: true } });
    const u = await unemp(p, { groups: ['graduate'], difficulty: true });
    expect(u.statusCode, u.body).toBe(201);
    expect(u.json().groups).toEqual(['graduate', 'veteran']);
    const e = await job(p, { startDate: daysAgo(10), reemployment: true });
    expect(e.statusCode, e.body).toBe(201);
    expect(e.json().closedUnemploymentId).toBe(u.json().id);
    const after = (await a.get(`/api/v1/employment/unemployment/${u.json().id}`)).json();
    expect(after).toMatchObject({ closedOn: daysAgo(10), closedReason: 'reemployed', reemploymentId: e.json().id });
  });

  it('refuses an employment that started before the open unemployment registration and is still running', async () => {
    const p = await person(a, '赵三');
    await unemp(p, { registeredOn: daysAgo(20) });
    const res = await job(p, { startDate: daysAgo(30) });
    expect(res.statusCode).toBe(409);
    expect(res.json().message.zh).toContain('再就业日期不能早于失业登记日期');
    // A past job that ended before the registration is history and is accepted.
    expect((await job(p, { startDate: daysAgo(300), endDate: daysAgo(200) })).statusCode).toBe(201);
  });

  it('refuses unemployment registration while the person has an open employment, a second open registration, and a future date', async () => {
    const p = await person(a, '赵四');
    const e = (await job(p)).json();
    const r1 = await unemp(p, { registeredOn: daysAgo(5) });
    expect(r1.statusCode).toBe(409);
    expect(r1.json().conflictingId).toBe(e.id);
    const q = await person(a, '赵五');
    expect((await unemp(q)).statusCode).toBe(201);
    const dup = await unemp(q, { registeredOn: daysAgo(1) });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message.en).toContain('already has an open unemployment registration');
    const z = await person(a, '赵六');
    expect((await unemp(z, { registeredOn: daysAgo(-1) })).json().fields[0].field).toBe('registeredOn');
  });

  it('records services within the open period only, and closes only for reasons other than re-employment', async () => {
    const p = await person(a, '赵七');
    const u = (await unemp(p, { registeredOn: daysAgo(30) })).json();
    expect((await a.post(`/api/v1/employment/unemployment/${u.id}/services`, { kind: 'guidance', serviceDate: daysAgo(40) })).statusCode).toBe(400);
    const s = await a.post(`/api/v1/employment/unemployment/${u.id}/services`, { kind: 'training_referral', serviceDate: daysAgo(20), note: '推荐电工培训' });
    expect(s.statusCode, s.body).toBe(201);
    const re = await a.post(`/api/v1/employment/unemployment/${u.id}/close`, { closedOn: daysAgo(5), reason: 'reemployed', version: u.version });
    expect(re.statusCode).toBe(400);
    expect(re.json().message.en).toContain('Register the employment');
    const closed = await a.post(`/api/v1/employment/unemployment/${u.id}/close`, { closedOn: daysAgo(5), reason: 'moved_away', version: u.version });
    expect(closed.json()).toMatchObject({ closedOn: daysAgo(5), closedReason: 'moved_away' });
    const detail = (await a.get(`/api/v1/employment/unemployment/${u.id}`)).json();
    expect(detail.services.map((x: { kind: string }) => x.kind)).toEqual(['training_referral']);
  });

  it('recognises employment difficulty with the plan’s groups', async () => {
    const p = await person(a, '赵八', { flags: { disability: true } });
    const u = (await unemp(p)).json();
    const d = await a.put(`/api/v1/employment/unemployment/${u.id}/difficulty`, { difficulty: true, since: daysAgo(10), groups: ['rural_migrant'], version: u.version });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ difficulty: true, difficultySince: daysAgo(10), groups: ['rural_migrant', 'disability'] });
  });
});

describe(`zero-employment household (${db})`, () => {
  const flagOf = async (id: number) => (await a.get(`/api/v1/registry/persons/${id}`)).json().flags.zeroEmploymentHousehold as boolean;

  it('clears the flag for every member when one is employed, and sets it when the last employed member leaves', async () => {
    const hh = `HH-${Date.now()}`;
    const m1 = await person(a, '孙一', { householdId: hh, flags: { zeroEmploymentHousehold: true } });
    const m2 = await person(a, '孙二', { householdId: hh, flags: { zeroEmploymentHousehold: true } });
    const e1 = await job(m1);
    expect(e1.json().householdChanged.sort()).toEqual([m1, m2].sort());
    expect([await flagOf(m1), await flagOf(m2)]).toEqual([false, false]);
    // A second member employed, then the first leaves: one is still employed, no flag.
    const e2 = (await reg({ personId: m2, kind: 'flexible', startDate: daysAgo(20), area: 'urban' })).json();
    const t1 = await a.post(`/api/v1/employment/registrations/${e1.json().id}/terminate`, { endDate: daysAgo(2), reason: '辞职', version: e1.json().version });
    expect(t1.json().householdChanged).toEqual([]);
    expect(await flagOf(m1)).toBe(false);
    // The last employed member leaves: the household is flagged again.
    const t2 = await a.post(`/api/v1/employment/registrations/${e2.id}/terminate`, { endDate: daysAgo(1), reason: '停工', version: e2.version });
    expect(t2.json().householdChanged.sort()).toEqual([m1, m2].sort());
    expect([await flagOf(m1), await flagOf(m2)]).toEqual([true, true]);
    // The change is in the registry history, attributed to the caseworker.
    const hist = (await a.get(`/api/v1/registry/persons/${m2}/history`)).json();
    expect(hist[0]).toMatchObject({ actorName: 'ea', changes: { zeroEmploymentHousehold: { from: false, to: true } } });
  });

  it('leaves persons without a household number alone', async () => {
    const p = await person(a, '孙三', { flags: { zeroEmploymentHousehold: false } });
    const e = (await job(p)).json();
    const ended = await a.post(`/api/v1/employment/registrations/${e.id}/terminate`, { endDate: daysAgo(1), reason: '辞职', version: e.version });
    expect(ended.json().householdChanged).toEqual([]);
    expect(await flagOf(p)).toBe(false);
  });
});

describe(`rural transfers, graduates, layoffs (${db})`, () => {
  it('registers rural labour transfers for rural households only, once per person and day', async () => {
    const urban = await person(a, '周一', { hukouType: 'urban' });
    const rural = await person(a, '周二', { hukouType: 'rural' });
    const bad = await a.post('/api/v1/employment/transfers', { personId: urban, transferDate: daysAgo(5), destination: 'in_province', destinationRegionCode: '460100' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message.zh).toContain('农村户口');
    const ok = await a.post('/api/v1/employment/transfers', { personId: rural, transferDate: daysAgo(5), destination: 'in_province', destinationRegionCode: '460100' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ personName: '周二', regionCode: '469021100' });
    expect((await a.post('/api/v1/employment/transfers', { personId: rural, transferDate: daysAgo(5), destination: 'in_county' })).json().code).toBe('DUPLICATE');
  });

  it('requires stay-in-Hainan for graduates in employment and refuses it for those not in employment', async () => {
    const g = await person(a, '吴一', { birthDate: '2002-03-03' });
    const year = Number(daysAgo(0).slice(0, 4)) - 1;
    const base = { personId: g, graduationYear: year, school: '海南大学', education: 'bachelor', recordedOn: daysAgo(1) };
    expect((await a.post('/api/v1/employment/graduates', { ...base, destination: 'contract' })).json().fields[0].field).toBe('staysInHainan');
    expect((await a.post('/api/v1/employment/graduates', { ...base, destination: 'abroad', staysInHainan: true })).json().fields[0].field).toBe('staysInHainan');
    const ok = await a.post('/api/v1/employment/graduates', { ...base, destination: 'contract', staysInHainan: true });
    expect(ok.statusCode, ok.body).toBe(201);
    const upd = await a.put(`/api/v1/employment/graduates/${ok.json().id}`, { school: '海南大学', education: 'bachelor', destination: 'further_study', recordedOn: daysAgo(0), version: ok.json().version });
    expect(upd.json()).toMatchObject({ destination: 'further_study', staysInHainan: null });
  });

  it('refuses a layoff larger than the staff, marks statutory layoffs (劳动合同法 第41条) and keeps follow-ups', async () => {
    const bad = await a.post('/api/v1/employment/layoffs', { employerId: firm, reportedOn: daysAgo(3), plannedDate: daysAgo(-30), plannedCount: 300, staffCount: 200, reason: '订单下降' });
    expect(bad.json().fields[0].field).toBe('plannedCount');
    const small = await a.post('/api/v1/employment/layoffs', { employerId: firm, reportedOn: daysAgo(3), plannedDate: daysAgo(-30), plannedCount: 5, staffCount: 200, reason: '订单下降' });
    expect(small.json().statutory).toBe(false);
    const big = await a.post('/api/v1/employment/layoffs', { employerId: firm, reportedOn: daysAgo(3), plannedDate: daysAgo(-30), plannedCount: 25, staffCount: 200, reason: '订单下降' });
    expect(big.json()).toMatchObject({ statutory: true, employerName: '定安椰子加工厂', status: 'reported' });
    const f = await a.post(`/api/v1/employment/layoffs/${big.json().id}/followups`, { followupDate: daysAgo(1), kind: 'visit', note: '上门了解安置方案', staffReemployed: 3 });
    expect(f.statusCode, f.body).toBe(201);
    const detail = (await a.get(`/api/v1/employment/layoffs/${big.json().id}`)).json();
    expect(detail.status).toBe('following_up');
    expect(detail.followups).toHaveLength(1);
  });
});

describe(`scope (${db})`, () => {
  it('a county sees only its own registrations and cannot register another county’s people', async () => {
    const p = await person(a, '定安郑一');
    const e = (await job(p)).json();
    const list = (await other.get('/api/v1/employment/registrations?pageSize=200')).json();
    expect(list.items.map((x: { personName: string }) => x.personName)).not.toContain('定安郑一');
    expect((await other.get(`/api/v1/employment/registrations/${e.id}`)).statusCode).toBe(404);
    const foreign = await other.post('/api/v1/employment/registrations', { personId: p, kind: 'flexible', startDate: daysAgo(1), area: 'urban' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields[0].field).toBe('personId');
    expect((await other.post(`/api/v1/employment/registrations/${e.id}/terminate`, { endDate: daysAgo(1), reason: 'x', version: e.version })).statusCode).toBe(404);
    const own = (await a.get('/api/v1/employment/registrations?pageSize=200')).json();
    expect(own.items.map((x: { personName: string }) => x.personName)).toContain('定安郑一');
  });
});
