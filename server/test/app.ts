// An app on a fresh test database, and signed-in agents that carry cookies and the CSRF
// header like a browser does. Requests go through app.inject (no socket).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { newKeyRing } from '../src/platform/crypto';
import type { Database } from '../src/platform/db';
import type { ZApp } from '../src/platform/http/types';
import type { Platform } from '../src/platform/kernel';
import { createUser, ensureOrg } from '../src/platform/seed';
import { testDatabase } from './db';

export const TEST_PASSWORD = 'Test#Pass2026';

export type Agent = {
  username: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
  raw(opts: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
};

export type TestApp = {
  app: ZApp;
  platform: Platform;
  database: Database & { label: string };
  /** Creates a user at a region with roles; password TEST_PASSWORD, no forced change. */
  user(username: string, regionCode: string, roles: string[], opts?: { mustChangePassword?: boolean }): Promise<number>;
  login(username: string, password?: string, totp?: string): Promise<Agent>;
  /** Activates a portal account with a code a staff member issued; the agent is signed in. */
  activatePortal(kind: 'person' | 'employer', identifier: string, code: string, password?: string): Promise<Agent>;
  close(): Promise<void>;
};

export async function testApp(): Promise<TestApp> {
  const database = await testDatabase();
  const config = { ...loadConfig({ RENSHE_DATA_DIR: mkdtempSync(join(tmpdir(), 'renshe-test-')) }), webDist: '/nonexistent' };
  const { app, platform } = await buildApp({ config, database, keyRing: newKeyRing(), logger: pino({ level: 'silent' }) });
  return {
    app,
    platform,
    database,
    async user(username, regionCode, roles, opts) {
      const orgId = await ensureOrg(database.db, `${platform.regions.name(regionCode)}（${regionCode}）测试机构`, regionCode);
      return createUser(database.db, { username, displayName: username, orgId, roleKeys: roles, password: TEST_PASSWORD, mustChangePassword: opts?.mustChangePassword ?? false });
    },
    async login(username, password = TEST_PASSWORD, totp) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
      return agentFor(app, username, cookies);
    },
    async activatePortal(kind, identifier, code, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/portal/auth/activate', payload: { kind, identifier, code, password } });
      if (res.statusCode !== 200) throw new Error(`activation of ${kind} failed: ${res.statusCode} ${res.body}`);
      const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
      return agentFor(app, `${kind}:${identifier}`, cookies);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function agentFor(app: ZApp, username: string, cookies: Record<string, string>): Agent {
  const raw: Agent['raw'] = (o) =>
    app.inject({
      method: o.method,
      url: o.url,
      payload: o.payload as never,
      cookies,
      headers: { ...(o.method === 'GET' ? {} : { 'x-csrf-token': cookies.renshe_csrf ?? '' }), ...o.headers },
    });
  return {
    username,
    raw,
    get: (url) => raw({ method: 'GET', url }),
    post: (url, body) => raw({ method: 'POST', url, payload: body ?? {} }),
    put: (url, body) => raw({ method: 'PUT', url, payload: body ?? {} }),
    del: (url) => raw({ method: 'DELETE', url }),
  };
}
