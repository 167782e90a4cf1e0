import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { agentFor, testApp, TEST_PASSWORD, type TestApp } from '../../../test/app';
import { sessions, users } from '../schema';
import { totpAt, currentStep } from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await t.user('clerk', '469021', ['caseworker']);
  await t.user('fresh', '469021', ['caseworker'], { mustChangePassword: true });
  await t.user('sys', '460000', ['sysadmin']);
  await t.user('sec', '460000', ['secadmin']);
  await t.user('aud', '460000', ['auditadmin']);
});
afterAll(async () => t.close());

// An administrator agent past the TOTP step (TOTP itself is tested above).
const mk = async (u: string) => {
  await t.platform.db.update(users).set({ totpEnabled: false }).where(eq(users.username, u));
  const a = await t.login(u);
  await t.platform.db.update(users).set({ totpEnabled: true }).where(eq(users.username, u));
  return a;
};

const login = (username: string, password: string, totp?: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });

describe(`sign-in and sessions (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('a wrong password and an unknown user get the same BAD_CREDENTIALS answer in Chinese and English', async () => {
    const a = await login('clerk', 'Wrong#Pass1');
    const b = await login('nobody', 'Wrong#Pass1');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().code).toBe('BAD_CREDENTIALS');
    expect(b.json().message).toEqual({ zh: '用户名或密码错误', en: 'Wrong username or password' });
    expect(a.headers['content-type']).toContain('application/problem+json');
    expect(a.json().requestId).toBe(a.headers['x-request-id']);
  });

  it('five failures lock the account for 15 minutes, even against the right password', async () => {
    await t.user('victim', '469021', ['caseworker']);
    for (let i = 0; i < 4; i++) expect((await login('victim', 'Wrong#Pass1')).json().code).toBe('BAD_CREDENTIALS');
    const fifth = await login('victim', 'Wrong#Pass1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const right = await login('victim', TEST_PASSWORD);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
    const [u] = await t.platform.db.select().from(users).where(eq(users.username, 'victim'));
    const minutes = (u.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it('an initial password must be changed before any other API answers; the new one must meet the policy', async () => {
    const agent = await t.login('fresh');
    expect((await agent.get('/api/v1/registry/persons')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const me = (await agent.get('/api/v1/auth/me')).json();
    expect(me.mustChangePassword).toBe(true);
    const weak = await agent.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'abcdefgh' });
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    const ok = await agent.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'New#Pass2026' });
    expect(ok.statusCode).toBe(204);
    expect((await agent.get('/api/v1/registry/persons')).statusCode).toBe(200);
  });

  it('a password older than 90 days must be changed', async () => {
    await t.user('old', '469021', ['caseworker']);
    await t.platform.db.update(users).set({ passwordChangedAt: new Date(Date.now() - 91 * 86_400_000) }).where(eq(users.username, 'old'));
    const agent = await t.login('old');
    expect((await agent.get('/api/v1/auth/me')).json().passwordExpired).toBe(true);
    expect((await agent.get('/api/v1/registry/persons')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('a state-changing request without the CSRF header is refused', async () => {
    const agent = await t.login('clerk');
    const res = await agent.raw({ method: 'POST', url: '/api/v1/registry/persons', payload: {}, headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
  });

  it('a session idle for more than 30 minutes has expired, though its row was just served from memory', async () => {
    const agent = await t.login('clerk');
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 31 * 60_000);
      const res = await agent.get('/api/v1/auth/me');
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('SESSION_EXPIRED');
    } finally {
      vi.useRealTimers();
    }
    const [s] = await t.platform.db.select().from(sessions).where(eq(sessions.endReason, 'idle_timeout'));
    expect(s?.endedAt).not.toBeNull();
  });

  it('signing out ends the session at once, though its row was just served from memory', async () => {
    const agent = await t.login('clerk');
    expect((await agent.get('/api/v1/registry/persons')).statusCode).toBe(200);
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    const after = await agent.get('/api/v1/registry/persons');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('a role taken away and an account disabled by the administrator take effect on the next request', async () => {
    const id = await t.user('moved', '469021', ['caseworker']);
    const moved = await t.login('moved');
    expect((await moved.get('/api/v1/registry/persons')).statusCode).toBe(200);
    await t.platform.db.update(users).set({ totpEnabled: true, totpSecret: null }).where(eq(users.username, 'sys'));
    const sys = await mk('sys');
    const put = await sys.put(`/api/v1/admin/users/${id}`, { roleIds: [] });
    expect(put.statusCode, put.body).toBe(200);
    expect((await moved.get('/api/v1/registry/persons')).json().code).toBe('FORBIDDEN');
    expect((await sys.put(`/api/v1/admin/users/${id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await moved.get('/api/v1/auth/me')).statusCode).toBe(401);
    // sys enrols TOTP for real in the next test.
    await t.platform.db.update(users).set({ totpEnabled: false, totpSecret: null }).where(eq(users.username, 'sys'));
  });

  it('administrators must enrol TOTP, and then sign in with password and one-time code', async () => {
    const agent = await t.login('sys');
    expect((await agent.get('/api/v1/admin/users')).json().code).toBe('MFA_ENROLMENT_REQUIRED');
    const { secret } = (await agent.post('/api/v1/auth/totp/setup')).json();
    expect((await agent.post('/api/v1/auth/totp/enable', { code: '000000' === totpAt(secret, currentStep()) ? '111111' : '000000' })).json().code).toBe('BAD_TOTP');
    expect((await agent.post('/api/v1/auth/totp/enable', { code: totpAt(secret, currentStep()) })).statusCode).toBe(204);
    expect((await agent.get('/api/v1/admin/users')).statusCode).toBe(200);
    expect((await login('sys', TEST_PASSWORD)).json().code).toBe('MFA_REQUIRED');
    // The enrolment code's step cannot be replayed; the next step's code works.
    const next = await login('sys', TEST_PASSWORD, totpAt(secret, currentStep() + 1));
    expect(next.statusCode).toBe(200);
    expect((await login('sys', TEST_PASSWORD, totpAt(secret, currentStep() + 1))).json().code).toBe('BAD_TOTP');
  });

  it('three separate administrators: the system admin cannot read the audit log; only the auditor can', async () => {
    for (const u of ['sys', 'sec', 'aud']) await t.platform.db.update(users).set({ totpEnabled: true, totpSecret: null }).where(eq(users.username, u));
    const sys = await mk('sys');
    const sec = await mk('sec');
    const aud = await mk('aud');
    expect((await sys.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await sec.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await aud.get('/api/v1/audit')).statusCode).toBe(200);
    expect((await aud.get('/api/v1/admin/users')).statusCode).toBe(403);
    expect((await sys.get('/api/v1/admin/permissions')).statusCode).toBe(403);
    expect((await sec.get('/api/v1/admin/permissions')).statusCode).toBe(200);
    // no route can delete or change audit entries
    const { registeredRoutes } = await import('../http/server');
    const auditWrites = registeredRoutes(t.app).filter((r) => r.url.startsWith('/api/v1/audit') && ['PUT', 'DELETE', 'PATCH'].includes(r.method));
    expect(auditWrites).toEqual([]);
  });

  it('the security admin can force a user out; the next request of that session is refused', async () => {
    const clerk = await t.login('clerk');
    expect((await clerk.get('/api/v1/auth/me')).statusCode).toBe(200); // its row is now in memory
    const sec = await mk('sec');
    const list = (await sec.get('/api/v1/admin/sessions')).json() as { id: string; username: string }[];
    const target = list.find((s) => s.username === 'clerk')!;
    expect((await sec.del(`/api/v1/admin/sessions/${target.id}`)).statusCode).toBe(204);
    expect((await clerk.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('responses carry security headers and no stack traces', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.body).not.toContain('at ');
    const bad = agentFor(t.app, 'x', { renshe_sid: 'garbage' });
    expect((await bad.get('/api/v1/auth/me')).json().code).toBe('UNAUTHENTICATED');
  });

  it('sign-ins are in the login log with their outcome', async () => {
    const sec = await mk('sec');
    const log = (await sec.get('/api/v1/admin/login-logs?username=victim&pageSize=50')).json();
    const outcomes = log.items.map((l: { outcome: string }) => l.outcome);
    expect(outcomes).toContain('bad_password_locked');
    expect(outcomes).toContain('locked');
  });
});
