// Lines 4 (API) and 5 (server memory) of `npm run bench`: the real server (bench/server.ts) as
// a child process on the benchmark's database, loaded by autocannon on loopback.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { fmt, rssMiB, rssSampler, startChild, type Line } from './lib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`bench login ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export type ApiDeps = {
  /** Environment of the server child: the benchmark's DATABASE_URL / RENSHE_DATA_DIR. */
  childEnv: NodeJS.ProcessEnv;
  /** A county caseworker's account on that database, and its password. */
  listUser: string;
  listRegion: string;
  password: string;
  loadSeconds: number;
  log: (s: string) => void;
};

/**
 * 4. API: the persons list as a county caseworker (session, permission, scope, capped count,
 * audit) under autocannon, against /healthz of the same server process; 5. the server's RSS
 * idle and under that load, against a bare Fastify process.
 */
export async function apiAndMemoryLines({ childEnv, listUser, listRegion, password, loadSeconds, log }: ApiDeps): Promise<Line[]> {
  const tsx = ['--import', 'tsx'];
  // Baseline for memory: a bare Fastify process with one route.
  const bare = await startChild(
    process.execPath,
    ['--input-type=module', '-e', "import Fastify from 'fastify'; const app = Fastify(); app.get('/', async () => ({ ok: true })); await app.listen({ port: 0, host: '127.0.0.1' }); console.log('ready');"],
    { cwd: root, env: process.env, ready: /^ready$/, timeoutMs: 30_000 },
  );
  await new Promise((r) => setTimeout(r, 1000));
  const bareRss = rssMiB(bare.proc.pid!);
  await bare.stop();

  const server = await startChild(process.execPath, [...tsx, join(root, 'bench/server.ts')], { cwd: root, env: childEnv, ready: /"ready":true/, timeoutMs: 120_000 });
  const { port } = JSON.parse(server.line) as { port: number };
  const base = `http://127.0.0.1:${port}`;
  try {
    const cookie = await login(base, listUser, password);
    const listUrl = `${base}/api/v1/registry/persons?page=1&pageSize=20`;
    const check = await fetch(listUrl, { headers: { cookie } });
    const body = (await check.json()) as { total?: number; items?: unknown[] };
    if (check.status !== 200 || !body.items?.length) throw new Error(`list endpoint answered ${check.status}: ${JSON.stringify(body).slice(0, 300)}`);
    // Warm up both routes (JIT, connection pools, caches), then let the process settle.
    await autocannon({ url: `${base}/healthz`, connections: 4, duration: 2 });
    await autocannon({ url: listUrl, connections: 4, duration: 2, headers: { cookie } });
    await new Promise((r) => setTimeout(r, 2000));
    const idleRss = rssMiB(server.proc.pid!);

    const conns = 10;
    const bareRun = await autocannon({ url: `${base}/healthz`, connections: conns, duration: loadSeconds });
    const sampler = rssSampler(server.proc.pid!);
    const listRun = await autocannon({ url: listUrl, connections: conns, duration: loadSeconds, headers: { cookie } });
    const loadRss = sampler.stop();
    const paced = await autocannon({ url: listUrl, connections: conns, duration: loadSeconds, overallRate: 500, headers: { cookie } });
    const ratio = listRun.requests.average / bareRun.requests.average;
    const pacedRate = paced.requests.total / paced.duration;
    const errors = listRun.errors + listRun.non2xx + paced.errors + paced.non2xx;
    const apiMet = ratio >= 0.4 && paced.latency.p99 <= 50 && pacedRate >= 475 && errors === 0;
    log(`  API: list ${fmt(listRun.requests.average)} req/s p99 ${listRun.latency.p99} ms; bare ${fmt(bareRun.requests.average)} req/s; at 500 req/s p99 ${paced.latency.p99} ms`);
    return [
      {
        key: 'api',
        name: 'API list persons (auth, scope, audit)',
        measured: `${fmt(listRun.requests.average)} req/s, p99 ${listRun.latency.p99} ms; at 500 req/s: p99 ${paced.latency.p99} ms (${fmt(pacedRate)} req/s served)`,
        baseline: `/healthz ${fmt(bareRun.requests.average)} req/s, p99 ${bareRun.latency.p99} ms`,
        ratio,
        target: '≥ 0.4; p99 ≤ 50 ms at 500 req/s',
        met: apiMet,
        figures: {
          user: `${listUser} (${listRegion})`,
          totalVisible: body.total,
          connections: conns,
          seconds: loadSeconds,
          list: { rps: listRun.requests.average, p50: listRun.latency.p50, p99: listRun.latency.p99, errors: listRun.errors, non2xx: listRun.non2xx },
          bare: { rps: bareRun.requests.average, p50: bareRun.latency.p50, p99: bareRun.latency.p99 },
          paced500: { rps: pacedRate, p50: paced.latency.p50, p99: paced.latency.p99, errors: paced.errors, non2xx: paced.non2xx },
        },
        note: errors ? `${errors} errors or non-2xx answers under load` : undefined,
      },
      {
        key: 'memory.server',
        name: 'memory: server RSS',
        measured: `idle ${idleRss} MiB, under load ${loadRss} MiB`,
        baseline: `bare Fastify ${bareRss} MiB`,
        ratio: idleRss && bareRss ? idleRss / bareRss : null,
        target: '— (reported)',
        met: null,
        figures: { idleMiB: idleRss, loadMiB: loadRss, bareFastifyMiB: bareRss },
        note: 'ratio = idle server RSS ÷ bare Fastify RSS (lower is better)',
      },
    ];
  } finally {
    await server.stop();
  }
}
