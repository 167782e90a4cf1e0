// Public portal sign-in: activation with a code from a service window, and sign-in by
// identifier and password. Both slowed per address; the rest of the session is the platform's.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditedSignIn, meOf, startSession, ZMe } from '../auth/routes';
import type { AuthDeps } from '../auth/service';
import type { ZApp } from '../http/types';
import type { Platform } from '../kernel';
import { activate, portalLogin } from './service';

const ZKind = z.enum(['person', 'employer']);
// Per address and identifier, as for staff sign-in: guessing is slowed, a shared NAT is not locked out.
const limit = (max: number) => ({
  max,
  timeWindow: '1 minute',
  hook: 'preHandler' as const,
  keyGenerator: (req: FastifyRequest) => {
    const b = (req.body ?? {}) as { kind?: unknown; identifier?: unknown };
    return `${req.ip}|${String(b.kind ?? '')}|${String(b.identifier ?? '').trim().toUpperCase()}`;
  },
});

export async function portalAuthRoutes(app: ZApp, platform: Platform, deps: AuthDeps): Promise<void> {
  app.post('/portal/auth/activate', {
    config: { public: true, rateLimit: limit(10) },
    schema: {
      tags: ['portal'],
      summary: '激活个人/单位网上账户（或重设密码） Activate a portal account (or reset its password) with a code from a service window',
      body: z.object({ kind: ZKind, identifier: z.string().min(1).max(32), code: z.string().min(4).max(16), password: z.string().min(1).max(128) }),
      response: { 200: z.object({ me: ZMe }) },
    },
    handler: async (req, reply) => {
      const r = await auditedSignIn(platform, req, `${req.body.kind}:activation`, 'portal.activate', () =>
        activate(deps, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }),
      );
      return { me: meOf(await startSession(platform, deps, req, reply, r, 'portal.activate'), platform) };
    },
  });

  app.post('/portal/auth/login', {
    config: { public: true, rateLimit: limit(20) },
    schema: {
      tags: ['portal'],
      summary: '个人/单位网上账户登录 Portal sign-in by resident ID or unified social credit code',
      body: z.object({ kind: ZKind, identifier: z.string().min(1).max(32), password: z.string().min(1).max(128) }),
      response: { 200: z.object({ me: ZMe }) },
    },
    handler: async (req, reply) => {
      const r = await auditedSignIn(platform, req, `${req.body.kind}:login`, 'portal.login', () =>
        portalLogin(deps, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }),
      );
      return { me: meOf(await startSession(platform, deps, req, reply, r, 'portal.login'), platform) };
    },
  });
}
