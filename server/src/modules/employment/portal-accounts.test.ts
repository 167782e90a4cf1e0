// Employment on the signed-in portal: a seeker account keeps its own profile, sees its matches
// with reasons, applies (refused with reasons when it cannot) and sees outcomes and who viewed
// it; an employer account posts and closes its own vacancies with the staff checks, sees masked
// candidates with reasons (opening one is a view the seeker sees), and records outcomes — a hire
// registers the employment. Each account reaches only its own records (a second account of
// each kind proves it), and every read of personal data is audited.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { auditLog, users } from '../../platform/schema';
import { systemScope } from '../../platform/scope';
import { daysAgo, employerWithUscc, personWithId } from './fixture.test-helper';
import { ageBand } from './portal-accounts';
import { employmentRegistrations, jobVacancies } from './schema';

const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';
let t: TestApp;
let staff: Agent; // 定安 caseworker
let staffB: Agent; // 屯昌 caseworker
let seekerA: Agent;
let seekerB: Agent;
let firmA: Agent;
let firmB: Agent;
const ids = { personA: 0, personB: 0, firmA: 0, firmB: 0, seekerA: 0, seekerB: 0, v1: 0, vClosed: 0, vExpired: 0, vB: 0, placement: 0 };
let idNumberA = '';

const profile = { desiredOccupations: ['4-03'], skills: ['烹饪'], desiredRegions: ['469021'], salaryMin: 400000, education: 'senior', availableFrom: null };
const vacancy = (title: string, extra: Record<string, unknown> = {}) => ({ title, occupationCode: '4-03', skills: ['烹饪', '面点'], regionCode: null, salaryMin: 350000, salaryMax: 500000, education: 'junior', headcount: 1, expiresOn: daysAgo(-30), description: '包住', ...extra });

async function activate(kind: 'person' | 'employer', subjectId: number, identifier: string, by: Agent): Promise<Agent> {
  const r = await by.post(`/api/v1/registry/${kind === 'person' ? 'persons' : 'employers'}/${subjectId}/portal-activation`);
  expect(r.statusCode, r.body).toBe(200);
  return t.activatePortal(kind, identifier, r.json().code);
}

async function userIdOf(kind: 'person' | 'employer', subjectId: number): Promise<number> {
  const [u] = await t.platform.db.select({ id: users.id }).from(users).where(and(eq(users.kind, kind), eq(users.subjectId, subjectId)));
  return u.id;
}

beforeAll(async () => {
  t = await testApp();
  await t.user('pe_dingan', '469021', ['caseworker']);
  await t.user('pe_tunchang', '469022', ['caseworker']);
  staff = await t.login('pe_dingan');
  staffB = await t.login('pe_tunchang');
  const a = await personWithId(staff, '王小明', { region: '469021100', birthDate: '1990-05-05', flags: { disability: true } });
  const b = await personWithId(staffB, '李四', { region: '469022100', birthDate: '2001-01-01' });
  ids.personA = a.id;
  ids.personB = b.id;
  idNumberA = a.idNumber;
  const fa = await employerWithUscc(staff, '定安椰林食品有限公司', '469021100');
  const fb = await employerWithUscc(staffB, '屯昌黑猪养殖有限公司', '469022100');
  ids.firmA = fa.id;
  ids.firmB = fb.id;
  seekerA = await activate('person', a.id, a.idNumber, staff);
  seekerB = await activate('person', b.id, b.idNumber, staffB);
  firmA = await activate('employer', fa.id, fa.uscc, staff);
  firmB = await activate('employer', fb.id, fb.uscc, staffB);
});
afterAll(async () => t.close());

describe(`employment on the portal (${db})`, () => {
  it('a seeker account creates its profile on first save, gets zh/en reasons for bad fields, and updates it by version', async () => {
    expect((await seekerA.get('/api/v1/portal/jobs/profile')).json()).toEqual({ profile: null });
    const bad = await seekerA.put('/api/v1/portal/jobs/profile', { ...profile, desiredOccupations: [], desiredRegions: ['469099'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual(
      expect.arrayContaining([
        { field: 'desiredOccupations', zh: '请至少填写一个求职意向职业', en: 'give at least one desired occupation' },
        { field: 'desiredRegions', zh: '地区代码 469099 不存在', en: 'region 469099 does not exist' },
      ]),
    );
    const created = await seekerA.put('/api/v1/portal/jobs/profile', profile);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ created: true, profile: { personId: ids.personA, name: '王小明', desiredOccupations: ['4-03'], skills: ['烹饪'], salaryMin: 400000, status: 'active', version: 1, regionCode: '469021100' } });
    expect(created.json().profile).not.toHaveProperty('groups');
    ids.seekerA = created.json().profile.id;
    // A form that did not know of the profile must reload (no blind overwrite).
    expect((await seekerA.put('/api/v1/portal/jobs/profile', profile)).json().code).toBe('STALE_VERSION');
    const updated = await seekerA.put('/api/v1/portal/jobs/profile', { ...profile, skills: ['烹饪', '刀工'], version: 1 });
    expect(updated.json()).toMatchObject({ created: false, profile: { id: ids.seekerA, skills: ['烹饪', '刀工'], version: 2 } });
    expect((await seekerA.get('/api/v1/portal/jobs/profile')).json().profile).toMatchObject({ id: ids.seekerA, version: 2 });
    // The second person gets their own profile, not the first one's.
    const b = await seekerB.put('/api/v1/portal/jobs/profile', { ...profile, desiredRegions: [] });
    expect(b.json().profile).toMatchObject({ personId: ids.personB, name: '李四', regionCode: '469022100' });
    ids.seekerB = b.json().profile.id;
    expect(ids.seekerB).not.toBe(ids.seekerA);
  });

  it('an employer account posts vacancies with the staff checks and de-duplication, at its own region or a chosen place, and closes them', async () => {
    const bad = await firmA.post('/api/v1/portal/recruit/vacancies', vacancy('厨', { salaryMax: 100, expiresOn: daysAgo(1) }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['expiresOn', 'salaryMax', 'title']);
    const v1 = await firmA.post('/api/v1/portal/recruit/vacancies', vacancy('中餐厨师'));
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toMatchObject({ employerId: ids.firmA, employerName: '定安椰林食品有限公司', regionCode: '469021100', status: 'open' });
    ids.v1 = v1.json().id;
    const dup = await firmA.post('/api/v1/portal/recruit/vacancies', vacancy('中餐 厨师'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', existingId: ids.v1 });
    ids.vClosed = (await firmA.post('/api/v1/portal/recruit/vacancies', vacancy('面点师'))).json().id;
    const closed = await firmA.post(`/api/v1/portal/recruit/vacancies/${ids.vClosed}/close`, { version: 1 });
    expect(closed.json()).toMatchObject({ status: 'closed', version: 2 });
    expect((await firmA.post(`/api/v1/portal/recruit/vacancies/${ids.vClosed}/close`, { version: 2 })).json().code).toBe('INVALID_STATE');
    ids.vExpired = (await firmA.post('/api/v1/portal/recruit/vacancies', vacancy('烧烤师傅'))).json().id;
    // Past its date but not yet marked by the nightly job.
    await t.platform.db.update(jobVacancies).set({ expiresOn: daysAgo(2) }).where(and(eq(jobVacancies.id, ids.vExpired), systemScope()));
    // Another employer, posting for a workplace in another county (a chosen place).
    const vB = await firmB.post('/api/v1/portal/recruit/vacancies', vacancy('厨房帮工', { regionCode: '469021100' }));
    expect(vB.json()).toMatchObject({ employerId: ids.firmB, regionCode: '469021100' });
    ids.vB = vB.json().id;
    const edited = await firmA.put(`/api/v1/portal/recruit/vacancies/${ids.v1}`, { ...vacancy('中餐厨师'), headcount: 2, version: 1 });
    expect(edited.json()).toMatchObject({ headcount: 2, version: 2 });
    const mine = (await firmA.get('/api/v1/portal/recruit/vacancies')).json();
    expect(mine.items.map((v: { id: number }) => v.id).sort()).toEqual([ids.v1, ids.vClosed, ids.vExpired].sort());
  });

  it('an employer reaches only its own vacancies: another employer’s read, edit, close and candidates answer 404', async () => {
    const theirs = (await firmB.get('/api/v1/portal/recruit/vacancies')).json();
    expect(theirs.items.map((v: { id: number }) => v.id)).toEqual([ids.vB]);
    expect((await firmB.get(`/api/v1/portal/recruit/vacancies/${ids.v1}`)).statusCode).toBe(404);
    expect((await firmB.put(`/api/v1/portal/recruit/vacancies/${ids.v1}`, { ...vacancy('中餐厨师'), version: 2 })).statusCode).toBe(404);
    expect((await firmB.post(`/api/v1/portal/recruit/vacancies/${ids.v1}/close`, { version: 2 })).statusCode).toBe(404);
    expect((await firmB.get(`/api/v1/portal/recruit/vacancies/${ids.v1}/candidates`)).statusCode).toBe(404);
    expect((await firmB.get(`/api/v1/portal/recruit/vacancies/${ids.v1}/candidates/${ids.seekerA}`)).statusCode).toBe(404);
    const [v] = await t.platform.db.select().from(jobVacancies).where(and(eq(jobVacancies.id, ids.v1), systemScope()));
    expect(v).toMatchObject({ status: 'open', version: 2, headcount: 2 });
  });

  it('a seeker’s matches are open, unexpired vacancies only, each with its five reasons and what would raise it', async () => {
    const r = await seekerA.get('/api/v1/portal/jobs/matches');
    expect(r.statusCode, r.body).toBe(200);
    const got = r.json().items as { vacancyId: number; score: number; reasons: { factor: string; points: number }[]; improve: { factor: string; gain: number; zh: string }[]; applied: string | null }[];
    const vacancyIds = got.map((m) => m.vacancyId);
    expect(vacancyIds).toContain(ids.v1);
    expect(vacancyIds).toContain(ids.vB);
    expect(vacancyIds).not.toContain(ids.vClosed);
    expect(vacancyIds).not.toContain(ids.vExpired);
    const m = got.find((x) => x.vacancyId === ids.v1)!;
    expect(m.reasons.map((x) => x.factor)).toEqual(['occupation', 'skills', 'location', 'salary', 'education']);
    // 烹饪 of 烹饪+面点: half the skills → 12.5 of 25 points; 面点 would raise it.
    expect(m.reasons.find((x) => x.factor === 'skills')!.points).toBe(12.5);
    expect(m.improve.find((x) => x.factor === 'skills')).toMatchObject({ gain: 12.5 });
    expect(m.improve.find((x) => x.factor === 'skills')!.zh).toContain('面点');
    expect(m.applied).toBeNull();
    expect(m.score).toBeCloseTo(87.5, 5);
  });

  it('applying: once per vacancy, never to a closed or expired one, always with the reason; no profile, no application', async () => {
    const ok = await seekerA.post('/api/v1/portal/jobs/applications', { vacancyId: ids.v1 });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ vacancyId: ids.v1, status: 'applied', score: 87.5 });
    ids.placement = ok.json().id;
    const again = await seekerA.post('/api/v1/portal/jobs/applications', { vacancyId: ids.v1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DUPLICATE', existingId: ids.placement });
    expect(again.json().message.zh).toMatch(/^您已申请过该岗位/);
    for (const id of [ids.vClosed, ids.vExpired, 999999]) {
      const r = await seekerA.post('/api/v1/portal/jobs/applications', { vacancyId: id });
      expect(r.statusCode, String(id)).toBe(409);
      expect(r.json().code).toBe('INVALID_STATE');
      expect(r.json().message.zh).toMatch(/岗位已关闭、招满或过期/);
    }
    // Paused profiles do not apply.
    const b = (await seekerB.get('/api/v1/portal/jobs/profile')).json().profile;
    await seekerB.put('/api/v1/portal/jobs/profile', { ...profile, desiredRegions: [], status: 'paused', version: b.version });
    const paused = await seekerB.post('/api/v1/portal/jobs/applications', { vacancyId: ids.v1 });
    expect(paused.json()).toMatchObject({ code: 'INVALID_STATE', message: { zh: '您的求职信息已暂停或关闭，请先恢复为“求职中”' } });
    const mine = (await seekerA.get('/api/v1/portal/jobs/applications')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ id: ids.placement, kind: 'application', vacancyTitle: '中餐厨师', employerName: '定安椰林食品有限公司', status: 'applied', outcomeDate: null });
    expect((await seekerA.get('/api/v1/portal/jobs/matches')).json().items.find((x: { vacancyId: number }) => x.vacancyId === ids.v1).applied).toBe('applied');
    // The other person sees none of it.
    expect((await seekerB.get('/api/v1/portal/jobs/applications')).json()).toMatchObject({ items: [], total: 0 });
  });

  it('candidates are masked — no ID number, phone, gender, ethnicity, hukou or disability — and opening one is a view the seeker sees', async () => {
    const r = await firmA.get(`/api/v1/portal/recruit/vacancies/${ids.v1}/candidates`);
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json().items.find((x: { seekerId: number }) => x.seekerId === ids.seekerA);
    expect(c).toMatchObject({ maskedName: '王**', ageBand: ageBand('1990-05-05', daysAgo(0)), countyName: '定安县', education: 'senior', skills: ['烹饪', '刀工'], desiredOccupations: [{ code: '4-03' }] });
    expect(c.reasons).toHaveLength(5);
    expect(Object.keys(c).sort()).toEqual(['ageBand', 'availableFrom', 'countyName', 'desiredOccupations', 'education', 'improve', 'maskedName', 'reasons', 'score', 'seekerId', 'skills']);
    const text = r.body;
    for (const secret of ['王小明', idNumberA, idNumberA.slice(-4), '13800', 'gender', 'hukou', 'disability', 'ethnic', 'personId', 'birth']) expect(text, secret).not.toContain(secret);
    // Listing is not a view; opening a card is.
    expect((await seekerA.get('/api/v1/portal/jobs/views')).json()).toEqual([]);
    const card = await firmA.get(`/api/v1/portal/recruit/vacancies/${ids.v1}/candidates/${ids.seekerA}`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toMatchObject({ seekerId: ids.seekerA, maskedName: '王**', placementId: ids.placement, placementStatus: 'applied', score: 87.5 });
    expect(card.body).not.toContain('王小明');
    // A caseworker opening the profile is a view too, shown by office, not by the caseworker's name.
    expect((await staff.get(`/api/v1/employment/seekers/${ids.seekerA}`)).statusCode).toBe(200);
    const views = (await seekerA.get('/api/v1/portal/jobs/views')).json();
    expect(views).toHaveLength(2);
    expect(views[1]).toMatchObject({ viewerKind: 'employer', viewer: '定安椰林食品有限公司', vacancyId: ids.v1, vacancyTitle: '中餐厨师' });
    expect(views[0]).toMatchObject({ viewerKind: 'office', vacancyId: null });
    expect(views[0].viewer).toContain('定安县');
    expect(JSON.stringify(views)).not.toContain('pe_dingan');
    // The other person's log is their own.
    expect((await seekerB.get('/api/v1/portal/jobs/views')).json()).toEqual([]);
  });

  it('an employer sees applications to its own vacancies only, masked, and a hire registers the employment the seeker then sees', async () => {
    expect((await firmB.get('/api/v1/portal/recruit/applications')).json()).toMatchObject({ items: [], total: 0 });
    expect((await firmB.get(`/api/v1/portal/recruit/applications?vacancyId=${ids.v1}`)).statusCode).toBe(404);
    expect((await firmB.post(`/api/v1/portal/recruit/applications/${ids.placement}/outcome`, { status: 'hired', version: 1 })).statusCode).toBe(404);
    const got = (await firmA.get('/api/v1/portal/recruit/applications')).json();
    expect(got.items).toHaveLength(1);
    expect(got.items[0]).toMatchObject({ id: ids.placement, vacancyId: ids.v1, maskedName: '王**', status: 'applied', candidate: { seekerId: ids.seekerA, education: 'senior' } });
    expect(JSON.stringify(got)).not.toContain('王小明');
    const invite = await firmA.post(`/api/v1/portal/recruit/applications/${ids.placement}/outcome`, { status: 'interview', version: 1 });
    expect(invite.json()).toMatchObject({ status: 'interview', version: 2, employmentId: null });
    const hire = await firmA.post(`/api/v1/portal/recruit/applications/${ids.placement}/outcome`, { status: 'hired', version: 2 });
    expect(hire.statusCode, hire.body).toBe(200);
    const employmentId = hire.json().employmentId as number;
    expect(employmentId).toBeGreaterThan(0);
    const [reg] = await t.platform.db.select().from(employmentRegistrations).where(and(eq(employmentRegistrations.id, employmentId), systemScope()));
    expect(reg).toMatchObject({ personId: ids.personA, employerId: ids.firmA, kind: 'employee', source: 'referral', regionCode: '469021100', occupationCode: '4-03', startDate: daysAgo(0) });
    const [v] = await t.platform.db.select().from(jobVacancies).where(and(eq(jobVacancies.id, ids.v1), systemScope()));
    expect(v.filled).toBe(1);
    // A final outcome is final.
    expect((await firmA.post(`/api/v1/portal/recruit/applications/${ids.placement}/outcome`, { status: 'rejected', version: 3 })).json().code).toBe('INVALID_STATE');
    const mine = (await seekerA.get('/api/v1/portal/jobs/applications')).json();
    expect(mine.items[0]).toMatchObject({ id: ids.placement, status: 'hired', outcomeDate: daysAgo(0) });
  });

  it('portal routes refuse staff and the other kind of account; portal accounts reach no staff employment route', async () => {
    expect((await staff.get('/api/v1/portal/jobs/profile')).statusCode).toBe(403);
    expect((await staff.get('/api/v1/portal/recruit/vacancies')).statusCode).toBe(403);
    expect((await seekerA.get('/api/v1/portal/recruit/vacancies')).statusCode).toBe(403);
    expect((await firmA.get('/api/v1/portal/jobs/profile')).statusCode).toBe(403);
    expect((await firmA.get(`/api/v1/employment/seekers/${ids.seekerA}`)).statusCode).toBe(403);
    expect((await seekerA.get('/api/v1/employment/placements')).statusCode).toBe(403);
    // Reference data for the forms is open to both kinds.
    expect((await seekerA.get('/api/v1/employment/codes')).statusCode).toBe(200);
    expect((await firmA.get('/api/v1/employment/occupations?q=4-03')).json()[0]).toMatchObject({ code: '4-03' });
    expect((await firmA.get('/api/v1/portal/employment/regions')).json().find((r: { code: string }) => r.code === '469021')).toMatchObject({ name: '定安县' });
  });

  it('every read of personal data through the portal leaves an audit entry under the account', async () => {
    const personUser = await userIdOf('person', ids.personA);
    const firmUser = await userIdOf('employer', ids.firmA);
    const actions = async (actorId: number) => new Set((await t.platform.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, actorId))).map((r) => r.action));
    const p = await actions(personUser);
    for (const a of ['employment.portal.profile.read', 'employment.portal.profile.create', 'employment.portal.profile.update', 'employment.portal.matches.read', 'employment.portal.application.create', 'employment.portal.applications.read', 'employment.portal.views.read']) expect(p, a).toContain(a);
    const f = await actions(firmUser);
    for (const a of ['employment.portal.vacancy.create', 'employment.portal.vacancy.update', 'employment.portal.vacancy.close', 'employment.portal.candidates.read', 'employment.portal.candidate.read', 'employment.portal.applications.read', 'employment.portal.placement.outcome']) expect(f, a).toContain(a);
  });
});

describe('age bands', () => {
  it('counts whole years on the day, in ten-year bands', () => {
    expect(ageBand('2002-06-02', '2026-06-01')).toBe('16-24');
    expect(ageBand('2001-06-01', '2026-06-01')).toBe('25-34');
    expect(ageBand('1991-06-02', '2026-06-01')).toBe('25-34');
    expect(ageBand('1990-05-05', '2026-06-01')).toBe('35-44');
    expect(ageBand('1971-06-01', '2026-06-01')).toBe('55+');
  });
});
