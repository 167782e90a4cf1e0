// Starts a real Renshe server for the browser tests: a fresh embedded database in a temp
// folder, users created through the `renshe` CLI first (the server then holds the folder's
// lock), the built web app served by the server itself.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

// Module augmentation needs an interface (declaration merging).
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    baseUrl: string;
    users: Record<string, string>;
  }
}

const root = join(new URL('.', import.meta.url).pathname, '..');

export const E2E_USERS: Record<string, { password: string; role: string; region: string; forceChange: boolean }> = {
  e2e_dingan: { password: 'Init#Dingan2026', role: 'supervisor', region: '469021', forceChange: true },
  e2e_tunchang: { password: 'Init#Tun2026x', role: 'caseworker', region: '469022', forceChange: false },
  e2e_sys: { password: 'Init#Sys2026x', role: 'sysadmin', region: '460000', forceChange: false },
  // plan approval chain: a district of 海口 reports, 海口 reviews, the province approves
  e2e_meilan: { password: 'Init#Meilan2026', role: 'caseworker', region: '460108', forceChange: false },
  e2e_haikou: { password: 'Init#Haikou2026', role: 'supervisor', region: '460100', forceChange: false },
  e2e_prov: { password: 'Init#Prov2026x', role: 'supervisor', region: '460000', forceChange: false },
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(root, 'web/dist/index.html'))) {
    const b = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('web build failed');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'renshe-e2e-'));
  const port = 3900 + Math.floor(Math.random() * 500);
  const env = { ...process.env, RENSHE_DATA_DIR: dataDir, PORT: String(port), RENSHE_DEMO: '0', LOG_LEVEL: 'warn', DATABASE_URL: '' };
  for (const [username, u] of Object.entries(E2E_USERS)) {
    const args = ['server/bin/renshe.mjs', 'users', 'create', '--username', username, '--password', u.password, '--role', u.role, '--region', u.region];
    if (!u.forceChange) args.push('--no-force-change');
    const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`renshe users create ${username}: ${r.stderr}${r.stdout}`);
  }
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout?.on('data', (d) => (log += d));
  server.stderr?.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const r = await fetch(`${baseUrl}/readyz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('users', Object.fromEntries(Object.entries(E2E_USERS).map(([k, v]) => [k, v.password])));
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    if (server.exitCode === null) server.kill('SIGKILL');
  };
}
