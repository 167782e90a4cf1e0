// Lines 2 (indicators), 2b (incremental refresh) and 4 (API, with 5's server memory) alone,
// on a database of their own, for tuning the plan engine and the list endpoint:
//
//   npx tsx bench/engine.ts [--scale 0.05] [--seed 1] [--only indicators,refresh,api]
//                           [--seconds 10] [--pglite] [--keep] [--reuse]
//
// PostgreSQL (127.0.0.1:5432, or BENCH_PG_URL) database renshe_bench_engine, created and
// dropped (PGlite: a temporary folder); the province is generated with every module's part, as
// `npm run bench` does. --keep leaves the database behind and --reuse measures on it again
// without generating. The figures are the same functions `npm run bench` reports.
import { eq } from 'drizzle-orm';
import { users } from '../server/src/platform/schema';
import { createUser, ensureOrg } from '../server/src/platform/seed';
import { apiAndMemoryLines } from './api';
import { argValue, printTable, type Line } from './lib';
import { indicatorsLine } from './lines';
import { refreshLine } from './refresh';
import { standaloneDatabase, type Standalone } from './standalone';

const argv = process.argv.slice(2);
const scale = Number(argValue(argv, 'scale') ?? 0.05);
const seed = Number(argValue(argv, 'seed') ?? 1);
const loadSeconds = Number(argValue(argv, 'seconds') ?? 10);
const only = new Set((argValue(argv, 'only') ?? 'indicators,refresh,api').split(','));
const PASSWORD = 'Bench#Pass2026';
const log = (l: string) => console.log(l);
const lines: Line[] = [];
let code = 0;
let bench: Standalone | null = null;
try {
  bench = await standaloneDatabase(argv, { name: 'engine', scale, seed, log });
  const { database, platform, childEnv, label } = bench;
  log(`plan engine and API benchmark — ${label}, scale ${scale}, seed ${seed}`);
  const [existing] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'bench_dingan'));
  if (!existing) {
    const org = await ensureOrg(database.db, '定安县人力资源和社会保障局（基准测试）', '469021');
    await createUser(database.db, { username: 'bench_dingan', displayName: '基准测试定安', orgId: org, roleKeys: ['caseworker'], password: PASSWORD, mustChangePassword: false });
  }
  if (only.has('indicators')) lines.push(await indicatorsLine({ database, platform, log }));
  if (only.has('refresh')) lines.push(await refreshLine({ database, platform, log }));
  await database.close(); // PGlite is single-process: the server child opens it next
  if (only.has('api')) lines.push(...(await apiAndMemoryLines({ childEnv, listUser: 'bench_dingan', listRegion: '469021', password: PASSWORD, loadSeconds, log })));
  log(`\n${printTable(lines)}\n`);
  log(JSON.stringify(lines.map((l) => ({ key: l.key, figures: l.figures })), null, 1));
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  await bench?.dispose();
}
process.exit(code);
