// Builds the Fastify app from the platform and the modules.
import pino, { type Logger } from 'pino';
import { authRoutes } from './platform/auth/routes';
import { adminRoutes } from './platform/admin/routes';
import { auditRoutes } from './platform/audit/routes';
import type { Config } from './platform/config';
import { fieldCrypto, loadKeyRing, type KeyRing } from './platform/crypto';
import { migrationStatus, type Database } from './platform/db';
import { createHttp } from './platform/http/server';
import type { ZApp } from './platform/http/types';
import { failInterruptedJobs, importRegistry } from './platform/imports';
import { importRoutes } from './platform/imports/routes';
import { auditFor, type Platform } from './platform/kernel';
import { loadRegions, regionService, seedRegions } from './platform/regions/service';
import { regionRoutes } from './platform/regions/routes';
import { issueActivation } from './platform/portal';
import { portalAuthRoutes } from './platform/portal/routes';
import { registerScopedTable } from './platform/scope';
import { registerMeasure } from './platform/measures';
import { seedRoles } from './platform/seed';
import { modules } from './modules';

export type BuildOptions = { config: Config; database: Database; keyRing?: KeyRing; logger?: Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    // Personal data and secrets never reach the log.
    redact: {
      paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.newPassword', '*.currentPassword', '*.idNumber', '*.phone', '*.totp'],
      censor: '[redacted]',
    },
  });
}

for (const m of modules) {
  for (const t of m.scopedTables) registerScopedTable(t);
  for (const def of m.measures ?? []) registerMeasure(def);
}

/** Permissions the modules add to built-in roles. */
export function moduleGrants(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of modules) for (const [role, perms] of Object.entries(m.grants ?? {})) (out[role] ??= []).push(...perms);
  return out;
}

/** Prepares the database (regions, roles) and the platform services. */
export async function buildPlatform(opts: BuildOptions): Promise<Platform> {
  const { config, database } = opts;
  const log = opts.logger ?? createLogger(config.logLevel);
  let regionRows = await loadRegions(database.db);
  if (regionRows.length === 0) regionRows = await seedRegions(database.db);
  await seedRoles(database.db, moduleGrants());
  const crypto = fieldCrypto(opts.keyRing ?? loadKeyRing({ keyFile: config.keyFile }));
  const regions = regionService(regionRows);
  const platform: Platform = {
    config,
    database,
    db: database.db,
    crypto,
    regions,
    log,
    imports: importRegistry(),
    audit: auditFor(database.db),
    portal: { issue: (input) => issueActivation({ db: database.db, crypto, expand: regions.expand }, input) },
  };
  for (const m of modules) for (const imp of m.importers?.(platform) ?? []) platform.imports.register(imp);
  await failInterruptedJobs(database.db);
  return platform;
}

export async function buildApp(opts: BuildOptions): Promise<{ app: ZApp; platform: Platform }> {
  const platform = await buildPlatform(opts);
  const authDeps = { db: platform.db, crypto: platform.crypto, expand: platform.regions.expand };
  const app = await createHttp({
    logger: platform.log,
    webDist: opts.config.webDist,
    authDeps,
    onGuardDenied: async (req, code) => {
      await platform.audit(req, { action: `${req.method} ${req.routeOptions.url}`, outcome: 'denied', detail: { code } });
    },
  });

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      const m = await migrationStatus(platform.database);
      const ready = m.applied >= m.shipped;
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'migrations pending', database: platform.database.kind, migrations: m });
    } catch (e) {
      return reply.code(503).send({ status: 'database unreachable', error: (e as Error).message });
    }
  });

  await app.register(
    async (api) => {
      const z = api as unknown as ZApp;
      await authRoutes(z, platform, authDeps);
      await portalAuthRoutes(z, platform, authDeps);
      await adminRoutes(z, platform);
      await auditRoutes(z, platform);
      await regionRoutes(z, platform);
      await importRoutes(z, platform);
      for (const m of modules) await m.routes(z, platform);
    },
    { prefix: '/api/v1' },
  );
  await app.ready();
  return { app, platform };
}
