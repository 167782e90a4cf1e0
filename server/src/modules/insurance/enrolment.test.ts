// Rules of enrolment (参保登记): employer registration, staff additions and removals, one open
// spell per person and type, one basic pension scheme at a time, individual enrolment of
// new-employment-form workers, status changes with history, and region scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { employer, hire, insuredEmployer, person } from './fixture.test-helper';

let t: TestApp;
let dingan: Agent;
let tunchang: Agent;
let analyst: Agent;

beforeAll(async () => {
  t = await testApp();
  await t.user('ins-dingan', '469021', ['caseworker']);
  await t.user('ins-tunchang', '469022', ['caseworker']);
  await t.user('ins-analyst', '469021', ['analyst']);
  dingan = await t.login('ins-dingan');
  tunchang = await t.login('ins-tunchang');
  analyst = await t.login('ins-analyst');
});
afterAll(async () => t.close());

describe(`enrolment (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('an employer registers for employee schemes only, and not for both pension schemes', async () => {
    const e = await employer(dingan, '定安登记测试厂');
    const resident = await dingan.post(`/api/v1/insurance/employers/${e.id}/registration`, { types: ['resident_pension'], registeredOn: '2024-01-01' });
    expect(resident.statusCode).toBe(400);
    const both = await dingan.post(`/api/v1/insurance/employers/${e.id}/registration`, { types: ['enterprise_pension', 'institution_pension'], registeredOn: '2024-01-01' });
    expect(both.statusCode).toBe(400);
    const ok = await dingan.post(`/api/v1/insurance/employers/${e.id}/registration`, { types: ['enterprise_pension', 'unemployment'], registeredOn: '2024-01-01' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().types).toEqual(['enterprise_pension', 'unemployment']);
  });

  it('adding staff (增员) enrols the person in each registered type, in the employer’s region, with history', async () => {
    const e = await insuredEmployer(dingan, '定安增员厂', '469021101');
    const p = await person(dingan, '增员甲');
    const res = await dingan.post(`/api/v1/insurance/employers/${e.id}/staff`, { personId: p.id, startDate: '2024-03-01' });
    expect(res.statusCode, res.body).toBe(201);
    const rows = res.json();
    expect(rows.map((r: { insuranceType: string }) => r.insuranceType).sort()).toEqual(['enterprise_pension', 'unemployment', 'work_injury']);
    expect(rows.every((r: { regionCode: string; status: string; employerId: number }) => r.regionCode === '469021101' && r.status === 'paying' && r.employerId === e.id)).toBe(true);
    const h = (await dingan.get(`/api/v1/insurance/enrolments/${rows[0].id}/history`)).json();
    expect(h).toMatchObject([{ action: 'enrol', toStatus: 'paying', effectiveDate: '2024-03-01', actorName: 'ins-dingan' }]);
  });

  it('a person has one open spell per type: a second employer is refused until the first removes them, without naming it', async () => {
    const a = await insuredEmployer(dingan, '定安甲厂');
    const b = await insuredEmployer(dingan, '定安乙厂');
    const p = await person(dingan, '两家丙');
    await hire(dingan, a.id, p.id);
    const second = await dingan.post(`/api/v1/insurance/employers/${b.id}/staff`, { personId: p.id, startDate: '2024-06-01' });
    expect(second.statusCode).toBe(409);
    expect(second.json().message.zh).toContain('请原单位先办理减员');
    expect(second.body).not.toContain('定安甲厂');
    const removed = await dingan.post(`/api/v1/insurance/employers/${a.id}/staff/remove`, { personId: p.id, endDate: '2024-05-31', reason: '辞职' });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().every((r: { status: string; endDate: string }) => r.status === 'terminated' && r.endDate === '2024-05-31')).toBe(true);
    const again = await dingan.post(`/api/v1/insurance/employers/${b.id}/staff`, { personId: p.id, startDate: '2024-06-01' });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('one basic pension scheme at a time: a resident-pension member is not enrolled in the enterprise scheme', async () => {
    const p = await person(dingan, '居民丁');
    const r = await dingan.post('/api/v1/insurance/enrolments', { personId: p.id, insuranceType: 'resident_pension', startDate: '2023-01-01' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ workerForm: 'resident', employerId: null, regionCode: '469021100' });
    const e = await insuredEmployer(dingan, '定安丁厂');
    const hire2 = await dingan.post(`/api/v1/insurance/employers/${e.id}/staff`, { personId: p.id, types: ['enterprise_pension'], startDate: '2024-01-01' });
    expect(hire2.statusCode).toBe(409);
    expect(hire2.json()).toMatchObject({ code: 'CONFLICT', enrolmentType: 'resident_pension' });
  });

  it('new-employment-form workers enrol individually in the enterprise pension; employer-only types are refused', async () => {
    const p = await person(dingan, '骑手戊');
    const ok = await dingan.post('/api/v1/insurance/enrolments', { personId: p.id, insuranceType: 'enterprise_pension', workerForm: 'new_form', startDate: '2024-02-01' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ workerForm: 'new_form', employerId: null });
    const unemp = await dingan.post('/api/v1/insurance/enrolments', { personId: p.id, insuranceType: 'unemployment', startDate: '2024-02-01' });
    expect(unemp.statusCode).toBe(400);
    expect(unemp.json().message.zh).toContain('须由用人单位');
    const child = await person(dingan, '少年己', { birthDate: '2015-01-01' });
    const young = await dingan.post('/api/v1/insurance/enrolments', { personId: child.id, insuranceType: 'resident_pension', startDate: '2024-02-01' });
    expect(young.statusCode).toBe(400);
    expect(young.json().message.zh).toContain('16');
  });

  it('status moves paying → suspended → paying → terminated; other moves and stale versions are refused', async () => {
    const p = await person(dingan, '状态庚');
    const en = (await dingan.post('/api/v1/insurance/enrolments', { personId: p.id, insuranceType: 'enterprise_pension', workerForm: 'flexible', startDate: '2022-01-01' })).json();
    const resumeFirst = await dingan.post(`/api/v1/insurance/enrolments/${en.id}/status`, { action: 'resume', date: '2023-01-01', version: en.version });
    expect(resumeFirst.statusCode).toBe(409);
    expect(resumeFirst.json().code).toBe('INVALID_STATE');
    const s = await dingan.post(`/api/v1/insurance/enrolments/${en.id}/status`, { action: 'suspend', date: '2023-01-01', reason: '中断缴费', version: en.version });
    expect(s.json()).toMatchObject({ status: 'suspended', version: 2 });
    const stale = await dingan.post(`/api/v1/insurance/enrolments/${en.id}/status`, { action: 'resume', date: '2023-06-01', version: 1 });
    expect(stale.json().code).toBe('STALE_VERSION');
    await dingan.post(`/api/v1/insurance/enrolments/${en.id}/status`, { action: 'resume', date: '2023-06-01', version: 2 });
    const end = await dingan.post(`/api/v1/insurance/enrolments/${en.id}/status`, { action: 'terminate', date: '2024-01-31', version: 3 });
    expect(end.json()).toMatchObject({ status: 'terminated', endDate: '2024-01-31' });
    const h = (await dingan.get(`/api/v1/insurance/enrolments/${en.id}/history`)).json();
    expect(h.map((x: { action: string }) => x.action)).toEqual(['enrol', 'suspend', 'resume', 'terminate']);
  });

  it('an employer hires someone registered in another county by resident ID and matching name only', async () => {
    const far = await person(tunchang, '屯昌辛', { region: '469022100' });
    const e = await insuredEmployer(dingan, '定安辛厂');
    const wrong = await dingan.post(`/api/v1/insurance/employers/${e.id}/staff`, { idNumber: far.idNumber, name: '别人', startDate: '2024-01-01' });
    expect(wrong.statusCode).toBe(404);
    const byId = await dingan.post(`/api/v1/insurance/employers/${e.id}/staff`, { personId: far.id, startDate: '2024-01-01' });
    expect(byId.statusCode).toBe(404);
    const ok = await dingan.post(`/api/v1/insurance/employers/${e.id}/staff`, { idNumber: far.idNumber, name: '屯昌辛', startDate: '2024-01-01' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()[0]).toMatchObject({ regionCode: '469021100', personName: null });
    // The enrolment is 定安's (the employer's region), the person record stays 屯昌's.
    const staff = (await dingan.get(`/api/v1/insurance/enrolments?employerId=${e.id}`)).json();
    expect(staff.items.map((x: { personName: string }) => x.personName)).toContain('屯昌辛');
    expect((await dingan.get(`/api/v1/insurance/persons/${far.id}`)).statusCode).toBe(404);
    expect((await tunchang.get(`/api/v1/insurance/persons/${far.id}`)).json().enrolments.length).toBe(3);
  });

  it('another county sees none of it: lists are empty, records and employers answer 404, writes are refused', async () => {
    const e = await insuredEmployer(dingan, '定安保密厂');
    const p = await person(dingan, '保密壬');
    const [enrolmentId] = await hire(dingan, e.id, p.id);
    const list = (await tunchang.get('/api/v1/insurance/enrolments?pageSize=200')).json();
    expect(list.items.map((x: { personName: string }) => x.personName)).not.toContain('保密壬');
    expect((await tunchang.get(`/api/v1/insurance/persons/${p.id}`)).statusCode).toBe(404);
    expect((await tunchang.get(`/api/v1/insurance/employers/${e.id}`)).statusCode).toBe(404);
    expect((await tunchang.get(`/api/v1/insurance/enrolments/${enrolmentId}/history`)).statusCode).toBe(404);
    const w = await tunchang.post(`/api/v1/insurance/enrolments/${enrolmentId}/status`, { action: 'terminate', date: '2024-12-31', version: 1 });
    expect(w.statusCode).toBe(404);
    const employers = (await tunchang.get('/api/v1/insurance/employers')).json();
    expect(employers.items.map((x: { name: string }) => x.name)).not.toContain('定安保密厂');
    const filter = await tunchang.get('/api/v1/insurance/enrolments?regionCode=469021');
    expect(filter.json().code).toBe('OUT_OF_SCOPE');
  });

  it('reading a person’s record is audited; an analyst reads but may not enrol', async () => {
    const p = await person(dingan, '审计癸');
    const r = await analyst.get(`/api/v1/insurance/persons/${p.id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().person).toMatchObject({ name: '审计癸', idNumberMasked: expect.stringMatching(/^\d{3}\*+\d{3}[\dX]$/) });
    const [a] = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'insurance.person.read' and target_id = $1`, [String(p.id)]);
    expect(Number(a.n)).toBe(1);
    const w = await analyst.post('/api/v1/insurance/enrolments', { personId: p.id, insuranceType: 'resident_pension', startDate: '2024-01-01' });
    expect(w.statusCode).toBe(403);
  });
});
