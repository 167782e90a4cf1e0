// Sign-in, sign-out, the caller's profile, password change and TOTP enrolment.
import { z } from 'zod';
import type { ZApp } from '../http/types';
import { callerOf } from '../http/util';
import type { Platform } from '../kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, changePassword, enableTotp, login, logout, setupTotp, type AuthDeps, type Caller, type LoginResult } from './service';
import { AppError } from '../errors';

export const SESSION_COOKIE = 'renshe_sid';
export const CSRF_COOKIE = 'renshe_csrf';

const ZMe = z.object({
  id: z.number(),
  kind: z.enum(['staff', 'person', 'employer']),
  subjectId: z.number().nullable(),
  username: z.string(),
  displayName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  orgId: z.number(),
  orgName: z.string(),
  roles: z.array(z.object({ key: z.string(), name: z.string() })),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  passwordExpired: z.boolean(),
  mfaEnabled: z.boolean(),
  mfaRequired: z.boolean(),
  scope: z.object({ kind: z.string(), regionCodes: z.array(z.string()) }),
});

export type Me = z.infer<typeof ZMe>;
export { ZMe };

export function meOf(c: Caller, platform: Platform): z.infer<typeof ZMe> {
  return {
    id: c.userId,
    kind: c.kind,
    subjectId: c.subjectId,
    username: c.username,
    displayName: c.displayName,
    regionCode: c.regionCode,
    regionName: platform.regions.name(c.regionCode),
    orgId: c.orgId,
    orgName: c.orgName,
    roles: c.roles.map((r) => ({ key: r.key, name: r.name })),
    permissions: [...c.permissions].sort(),
    mustChangePassword: c.mustChangePassword,
    passwordExpired: c.passwordExpired,
    mfaEnabled: c.mfaEnabled,
    mfaRequired: c.mfaRequired,
    scope: { kind: c.scope.kind, regionCodes: c.scope.all ? [] : [...c.scope.regionCodes] },
  };
}

/** Runs a sign-in; a refusal (other than "enter your one-time code") is audited with its code. */
export async function auditedSignIn<T>(platform: Platform, req: FastifyRequest, actorName: string, action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.code !== 'MFA_REQUIRED') {
      await platform.audit(req, { actorId: null, actorName, action, outcome: 'failure', detail: { code: e.code } });
    }
    throw e;
  }
}

/** Sets the session and CSRF cookies of a new session, audits the sign-in, returns the caller. */
export async function startSession(platform: Platform, deps: AuthDeps, req: FastifyRequest, reply: FastifyReply, result: LoginResult, action = 'auth.login'): Promise<Caller> {
  const cookieOpts = { path: '/', sameSite: 'strict' as const, secure: platform.config.secureCookies };
  reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOpts, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieOpts, httpOnly: false });
  const caller = await authenticate(deps, result.token, { remember: false });
  req.caller = caller;
  await platform.audit(req, { action, outcome: 'success' });
  return caller;
}

export async function authRoutes(app: ZApp, platform: Platform, deps: AuthDeps): Promise<void> {

  app.post('/auth/login', {
    // Per account and address: guessing is slowed without locking out a whole office behind one NAT.
    config: {
      public: true,
      rateLimit: {
        max: 20,
        timeWindow: '1 minute',
        hook: 'preHandler',
        keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
      },
    },
    schema: {
      tags: ['auth'],
      summary: '登录 Sign in',
      body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128), totp: z.string().max(8).optional() }),
      response: { 200: z.object({ me: ZMe }) },
    },
    handler: async (req, reply) => {
      const result = await auditedSignIn(platform, req, req.body.username, 'auth.login', () => login(deps, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }));
      return { me: meOf(await startSession(platform, deps, req, reply, result), platform) };
    },
  });

  app.post('/auth/logout', {
    config: { permission: 'authenticated', allowPending: true, portal: 'any' },
    schema: { tags: ['auth'], summary: '退出 Sign out' },
    handler: async (req, reply) => {
      const c = callerOf(req);
      await logout(platform.db, c.sessionId);
      await platform.audit(req, { action: 'auth.logout', outcome: 'success' });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  });

  app.get('/auth/me', {
    config: { permission: 'authenticated', allowPending: true, portal: 'any' },
    schema: { tags: ['auth'], summary: '当前用户 Who am I', response: { 200: ZMe } },
    handler: async (req) => meOf(callerOf(req), platform),
  });

  app.post('/auth/password', {
    config: { permission: 'authenticated', allowPending: true, portal: 'any' },
    schema: { tags: ['auth'], summary: '修改密码 Change password', body: z.object({ currentPassword: z.string().max(128), newPassword: z.string().max(128) }) },
    handler: async (req, reply) => {
      const c = callerOf(req);
      try {
        await changePassword(deps, c.userId, req.body.currentPassword, req.body.newPassword);
      } catch (e) {
        await platform.audit(req, { action: 'auth.password.change', targetType: 'user', targetId: c.userId, outcome: 'failure', detail: { code: (e as AppError).code } });
        throw e;
      }
      await platform.audit(req, { action: 'auth.password.change', targetType: 'user', targetId: c.userId, outcome: 'success' });
      return reply.code(204).send();
    },
  });

  app.post('/auth/totp/setup', {
    config: { permission: 'authenticated', allowPending: true },
    schema: { tags: ['auth'], summary: '生成动态口令密钥 Start TOTP enrolment', response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }) } },
    handler: async (req) => {
      const c = callerOf(req);
      return setupTotp(deps, c.userId, c.username);
    },
  });

  app.post('/auth/totp/enable', {
    config: { permission: 'authenticated', allowPending: true },
    schema: { tags: ['auth'], summary: '启用动态口令 Confirm TOTP enrolment', body: z.object({ code: z.string().regex(/^\d{6}$/) }) },
    handler: async (req, reply) => {
      const c = callerOf(req);
      await enableTotp(deps, c.userId, req.body.code);
      await platform.audit(req, { action: 'auth.totp.enable', targetType: 'user', targetId: c.userId, outcome: 'success' });
      return reply.code(204).send();
    },
  });
}
