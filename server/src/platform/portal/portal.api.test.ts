// Portal accounts: codes issued by staff in scope, activation, sign-in, and the wall between
// portal accounts and staff functions.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEST_PASSWORD, type Agent, type TestApp } from '../../../test/app';
import { auditLog, portalActivations, users } from '../schema';
import { makeResidentId, makeUscc } from '../validate';

let t: TestApp;
let dingan: Agent;
let tunchang: Agent;
const idA = makeResidentId('469021', '1966-03-04', 311);
const idB = makeResidentId('469021', '1970-07-07', 312);
const uscc = makeUscc('91469021MA5T00P0X');
let personA = 0;
let personB = 0;
let employer = 0;

beforeAll(async () => {
  t = await testApp();
  await t.user('pa_dingan', '469021', ['caseworker']);
  await t.user('pa_tunchang', '469022', ['caseworker']);
  dingan = await t.login('pa_dingan');
  tunchang = await t.login('pa_tunchang');
  personA = (await dingan.post('/api/v1/registry/persons', { idNumber: idA, name: '王小明', hukouType: 'rural', regionCode: '469021100' })).json().id;
  personB = (await dingan.post('/api/v1/registry/persons', { idNumber: idB, name: '李四', hukouType: 'urban', regionCode: '469021100' })).json().id;
  const e = await dingan.post('/api/v1/registry/employers', { uscc, name: '定安椰林食品有限公司', regionCode: '469021', industry: 'C', ownership: 'private', size: 'small' });
  expect(e.statusCode, e.body).toBe(201);
  employer = e.json().id;
});
afterAll(async () => t.close());

const activate = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/portal/auth/activate', payload: body });
const portalLogin = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/portal/auth/login', payload: body });

describe(`portal accounts (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('only staff whose scope holds the person may issue a code; the code is shown once and stored as a hash', async () => {
    expect((await tunchang.post(`/api/v1/registry/persons/${personA}/portal-activation`)).statusCode).toBe(404);
    const r = await dingan.post(`/api/v1/registry/persons/${personA}/portal-activation`);
    expect(r.statusCode).toBe(200);
    const { code, displayName, accountExists } = r.json();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(displayName).toBe('王**');
    expect(accountExists).toBe(false);
    const rows = await t.platform.db.select().from(portalActivations).where(eq(portalActivations.subjectId, personA));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(idA);
  });

  it('a wrong code counts down and the fifth voids it; a new code revokes the old', async () => {
    const first = (await dingan.post(`/api/v1/registry/persons/${personB}/portal-activation`)).json().code as string;
    const second = (await dingan.post(`/api/v1/registry/persons/${personB}/portal-activation`)).json().code as string;
    // The first code was replaced by the second.
    expect((await activate({ kind: 'person', identifier: idB, code: first, password: TEST_PASSWORD })).json().message.zh).toMatch(/激活码(错误|无效)/);
    const tries: string[] = [];
    for (let i = 0; i < 4; i++) tries.push((await activate({ kind: 'person', identifier: idB, code: 'ZZZZZZZZ', password: TEST_PASSWORD })).json().message.zh);
    expect(tries[3]).toContain('激活码无效、已使用或已过期');
    expect(tries[0]).toMatch(/还可尝试 [0-9] 次/);
    // Voided: even the right code no longer works.
    const late = await activate({ kind: 'person', identifier: idB, code: second, password: TEST_PASSWORD });
    expect(late.statusCode).toBe(400);
    expect(late.json().message.en).toContain('wrong, used or expired');
  });

  it('activation checks the identifier and the password policy before the code', async () => {
    const badId = await activate({ kind: 'person', identifier: idA.slice(0, 17) + (idA[17] === '1' ? '2' : '1'), code: 'ABCDEFGH', password: TEST_PASSWORD });
    expect(badId.json().fields[0]).toMatchObject({ field: 'identifier', zh: '校验位错误' });
    const weak = await activate({ kind: 'person', identifier: idA, code: 'ABCDEFGH', password: 'short' });
    expect(weak.json().code).toBe('PASSWORD_POLICY');
  });

  it('a citizen activates, is signed in as their person, signs in again by ID number, and the code cannot be used twice', async () => {
    const code = (await dingan.post(`/api/v1/registry/persons/${personA}/portal-activation`)).json().code as string;
    const a = await t.activatePortal('person', idA.toLowerCase(), code);
    const me = (await a.get('/api/v1/auth/me')).json();
    expect(me).toMatchObject({ kind: 'person', subjectId: personA, displayName: '王**', permissions: [], mustChangePassword: false });
    expect(me.username).not.toContain(idA);
    expect((await activate({ kind: 'person', identifier: idA, code, password: TEST_PASSWORD })).statusCode).toBe(400);
    const again = await portalLogin({ kind: 'person', identifier: idA, password: TEST_PASSWORD });
    expect(again.statusCode).toBe(200);
    expect(again.json().me.subjectId).toBe(personA);
    const wrong = await portalLogin({ kind: 'person', identifier: idA, password: 'Wrong#Pass9' });
    expect(wrong.json()).toMatchObject({ code: 'BAD_CREDENTIALS', message: { zh: '证件号码或密码错误' } });
    // Sign-out ends the portal session like a staff one.
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
    const audit = await t.platform.db.select().from(auditLog).where(eq(auditLog.action, 'portal.activate'));
    expect(audit.some((e) => e.outcome === 'success')).toBe(true);
  });

  it('a portal account cannot reach any staff function, and staff cannot reach portal-only routes', async () => {
    const code = (await dingan.post(`/api/v1/registry/employers/${employer}/portal-activation`)).json().code as string;
    const e = await t.activatePortal('employer', uscc, code);
    expect((await e.get('/api/v1/auth/me')).json()).toMatchObject({ kind: 'employer', subjectId: employer, displayName: '定安椰林食品有限公司' });
    for (const url of ['/api/v1/registry/persons', `/api/v1/registry/employers/${employer}`, '/api/v1/regions', '/api/v1/admin/users']) {
      const r = await e.get(url);
      expect(r.statusCode, url).toBe(403);
      expect(r.json().message.zh).toBe('网上服务账户不能使用工作人员功能');
    }
    // Staff user lists do not show portal accounts.
    await t.user('pa_admin', '460000', ['sysadmin']);
    const admin = await t.login('pa_admin');
    // Administrators must have enrolled TOTP (tested in auth); mark it enrolled after sign-in.
    await t.platform.db.update(users).set({ totpEnabled: true }).where(eq(users.username, 'pa_admin'));
    const listed = (await admin.get('/api/v1/admin/users?pageSize=200')).json();
    expect(listed.items.map((u: { username: string }) => u.username)).toContain('pa_dingan');
    expect(listed.items.some((u: { username: string }) => u.username.startsWith('employer:') || u.username.startsWith('person:'))).toBe(false);
  });

  it('re-issuing a code to an existing account resets its password (the forgotten-password path)', async () => {
    const code = (await dingan.post(`/api/v1/registry/persons/${personA}/portal-activation`)).json();
    expect(code.accountExists).toBe(true);
    await t.activatePortal('person', idA, code.code, 'New#Pass2027');
    expect((await portalLogin({ kind: 'person', identifier: idA, password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await portalLogin({ kind: 'person', identifier: idA, password: 'New#Pass2027' })).statusCode).toBe(200);
    const rows = await t.platform.db.select().from(users).where(eq(users.subjectId, personA));
    expect(rows.filter((u) => u.kind === 'person')).toHaveLength(1);
  });
});
