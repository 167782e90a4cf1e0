// The Fastify instance: request ids, problem+json errors, security headers, cookies,
// CSRF, rate limits, the session/permission guard, OpenAPI, and the built web app.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/routes';
import { authenticate, type AuthDeps } from '../auth/service';
import { AppError, toProblem, type FieldProblem } from '../errors';
import { safeEqualHex } from '../crypto';
import type { PortalKind } from '../schema';
import type { ZApp } from './types';
import './types';

export type HttpOptions = { logger: Logger; webDist?: string; authDeps: AuthDeps; onGuardDenied?: (req: FastifyRequest, code: string) => Promise<void> };

const API = '/api/v1';

export type RouteInfo = { method: string; url: string; config: { public?: boolean; permission?: string; portal?: PortalKind | 'any' } };
const routesOf = new WeakMap<object, RouteInfo[]>();
/** Every /api/v1 route registered on the app (for the route-walking scope test). */
export function registeredRoutes(app: object): RouteInfo[] {
  return routesOf.get(app) ?? [];
}

export async function createHttp(opts: HttpOptions): Promise<ZApp> {
  const app = Fastify({
    loggerInstance: opts.logger,
    genReqId: () => randomUUID(),
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
    // Plugins start in well under a second; the default 10 s limit was hit on a machine
    // running several test suites at once ("Plugin did not start in time: @fastify/cookie").
    pluginTimeout: 60_000,
  }).withTypeProvider<ZodTypeProvider>() as unknown as ZApp;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('caller', null);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes CSS-in-JS style tags; swagger-ui needs inline styles too.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: { maxAge: 31536000, includeSubDomains: true },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart);

  // Every /api/v1 route must say who may call it; a route that does not is a start-up error.
  const routeList: RouteInfo[] = [];
  routesOf.set(app, routeList);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API)) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push({ method, url: route.url, config: (route.config ?? {}) as RouteInfo['config'] });
    const cfg = (route.config ?? {}) as RouteInfo['config'];
    if (!cfg.public && !cfg.permission && !cfg.portal) {
      throw new Error(`route ${route.method} ${route.url} declares none of config.public, config.permission, config.portal`);
    }
  });

  app.addHook('onRequest', async (req) => {
    // Guard the API routes; anything else (static files, the SPA, unknown /api paths) is public.
    if (!req.routeOptions.url?.startsWith(API)) return;
    const cfg = req.routeOptions.config ?? {};
    if (cfg.public) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    const caller = await authenticate(opts.authDeps, token);
    req.caller = caller;
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const sent = String(req.headers['x-csrf-token'] ?? '');
      if (!sent || !safeEqualHex(Buffer.from(sent).toString('hex'), Buffer.from(caller.csrfToken).toString('hex'))) throw new AppError('CSRF');
    }
    if (!cfg.allowPending) {
      if (caller.mustChangePassword || caller.passwordExpired) throw new AppError('PASSWORD_CHANGE_REQUIRED');
      if (caller.mfaRequired && !caller.mfaEnabled) throw new AppError('MFA_ENROLMENT_REQUIRED');
    }
    // Portal accounts reach only the routes declared for their kind; staff only routes with a permission.
    const allowed = caller.kind === 'staff' ? Boolean(cfg.permission) : cfg.portal === caller.kind || cfg.portal === 'any';
    if (!allowed) {
      await opts.onGuardDenied?.(req, 'FORBIDDEN');
      throw new AppError('FORBIDDEN', caller.kind === 'staff' ? { zh: '此功能仅供个人或单位网上账户使用', en: 'This is for portal accounts only' } : { zh: '网上服务账户不能使用工作人员功能', en: 'Portal accounts cannot use staff functions' });
    }
    if (caller.kind === 'staff' && cfg.permission && cfg.permission !== 'authenticated' && !caller.permissions.has(cfg.permission)) {
      await opts.onGuardDenied?.(req, 'FORBIDDEN');
      throw new AppError('FORBIDDEN', { permission: cfg.permission });
    }
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let appErr: AppError;
    if (err instanceof AppError) appErr = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldProblem[] = err.validation.map((v) => {
        const field = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || String(v.params?.issue && (v.params.issue as { path?: unknown[] }).path?.join('.')) || '';
        return { field, zh: `${field || '请求'}：${v.message ?? '格式不正确'}`, en: `${field || 'request'}: ${v.message ?? 'invalid'}` };
      });
      appErr = new AppError('VALIDATION', { fields, zh: fields.map((f) => f.zh).join('；'), en: fields.map((f) => f.en).join('; ') });
    } else if (err.statusCode === 429) appErr = new AppError('RATE_LIMITED');
    else if (err.statusCode === 415 || err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') appErr = new AppError('BAD_REQUEST', { zh: '请求格式不支持', en: 'Unsupported content type' });
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) appErr = new AppError('BAD_REQUEST', { en: err.message });
    else {
      req.log.error({ err }, 'unhandled error');
      appErr = new AppError('INTERNAL');
    }
    if (appErr.status >= 500 && appErr.code !== 'INTERNAL') req.log.error({ err: appErr }, appErr.code);
    return reply.code(appErr.status).type('application/problem+json').send(toProblem(appErr, String(req.id)));
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.code(404).type('application/problem+json').send(toProblem(new AppError('NOT_FOUND', { zh: '接口不存在', en: 'No such endpoint' }), String(req.id)));
    }
    if (opts.webDist && existsSync(`${opts.webDist}/index.html`)) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send('Renshe web app is not built: run `npm run build`.');
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Renshe API 人社开放平台接口', version: '1.0.0', description: 'Problems are application/problem+json with code and message {zh, en}. Non-GET requests need the x-csrf-token header.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Recursive schemas (the region tree) become components; without this the document
    // held a $ref to a component it never defined.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'none' } });
  app.get('/api/docs/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  if (opts.webDist && existsSync(opts.webDist)) {
    await app.register(fastifyStatic, { root: opts.webDist, prefix: '/', wildcard: true, index: ['index.html'], cacheControl: false, setHeaders: (reply, path) => {
      reply.header('cache-control', /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    } });
  }
  return app;
}

export { API, CSRF_COOKIE };
