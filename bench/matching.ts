// 3. Matching (issue 4): with 200,000 open vacancies and 1,000,000 seekers (× the bench's
// --scale), a seeker's top 20 vacancies in p99 ≤ 20 ms and a vacancy's top 20 seekers in
// p99 ≤ 50 ms on PostgreSQL, through the employment module's own entry points
// (matchVacanciesForSeeker / matchSeekersForVacancy). The baseline is the same scoring run
// exhaustively over every candidate (`exhaustive: true`), on a smaller sample: the line
// reports the speed-up against it and recall@20 (target ≥ 0.99).
//
// The employment generator part makes a few seekers (the open unemployment registrations) and
// vacancies (30,000 × scale); this tops the pools up to the sizes by COPY: seekers for
// persons without a profile, vacancies for random employers, with occupations over all 79
// medium groups (some far more common than others), skills, pay, education and work areas.
//
// Standalone: `npx tsx bench/matching.ts [--scale 0.05] [--province-scale P] [--pglite] [--keep] [--reuse] [--db NAME]`
// creates and drops its own database renshe_bench_match (or NAME; PGlite: a temporary folder),
// generates the province (registry and employment parts only) at P (default: the scale; the seekers need that many persons:
// 1,000,000 seekers need P ≥ 0.1) and prints the line.
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import { callerOfUser, type Caller } from '../server/src/platform/auth/service';
import type { Database } from '../server/src/platform/db';
import { copyRowsInto } from '../server/src/platform/generate/copy';
import { rngOf, seededStream, type Rng } from '../server/src/platform/generate';
import type { Platform } from '../server/src/platform/kernel';
import { users } from '../server/src/platform/schema';
import { createUser, ensureOrg } from '../server/src/platform/seed';
import { SYSTEM_SCOPE_MARKER } from '../server/src/platform/scope';
import { matchSeekersForVacancy, matchVacanciesForSeeker } from '../server/src/modules/employment';
import { derivedSeekerColumns } from '../server/src/modules/employment/matching';
import { mediumGroups } from '../server/src/modules/employment/occupations';
import { argValue, fmt, type Line } from './lib';

export type MatchingDeps = { database: Database; platform: Platform; log: (s: string) => void; scale: number; seed: number; samples?: number; exhaustiveSamples?: number };

const FULL = { vacancies: 200_000, seekers: 1_000_000 } as const;
const K = 20;
const TARGET = { seekerP99: 20, vacancyP99: 50, recall: 0.99 } as const;
const SKILLS = ['驾驶', '电工', '焊工', '烹饪', '客房服务', '收银', '电脑操作', '英语', '护理', '育婴', '销售', '仓储管理', '叉车', '农机操作', '热带作物种植', '导游', '会计', 'excel', '普通话', '短视频运营', '直播带货', '数控车床', '汽车维修', '美容美发', '保洁', '保安', '物业管理', '电子商务', '平面设计', '编程', '数据分析', '外贸', '酒店前台', '调酒', '潜水教练', '游艇驾驶', '冷链物流', '水产养殖', '橡胶割胶', '家政服务'];
const EDUCATION = ['junior', 'senior', 'vocational', 'junior_college', 'bachelor', 'master'] as const;
const REQUIRED = ['none', 'junior', 'senior', 'vocational', 'junior_college', 'bachelor'] as const;

/** Medium groups with uneven popularity (service and production jobs far more common than 军队人员). */
function occupationPicker(rng: Rng): () => string {
  const codes = mediumGroups.map((g) => g.code).filter((c) => !c.startsWith('7'));
  const weights = codes.map((c, i) => (['4', '6'].includes(c[0]) ? 3 : c[0] === '2' ? 2 : 1) / (1 + (i % 7)));
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let u = rng.next() * total;
    for (let i = 0; i < codes.length; i++) if ((u -= weights[i]) < 0) return codes[i];
    return codes[codes.length - 1];
  };
}

/** Between min and max distinct values of `from` (fewer when it has fewer). */
const pickSome = (rng: Rng, from: readonly string[], min: number, max: number) => {
  const n = Math.min(rng.int(min, max), new Set(from).size);
  const out = new Set<string>();
  while (out.size < n) out.add(rng.pick(from));
  return [...out];
};
const arr = (xs: readonly string[]) => `{${xs.join(',')}}`;

/** Tops the open vacancies and active seekers up to the targets by COPY; returns the pool sizes. */
async function fillPools(deps: MatchingDeps, want: { vacancies: number; seekers: number }): Promise<{ vacancies: number; seekers: number; addedVacancies: number; addedSeekers: number; seconds: number }> {
  const { database, platform, log } = deps;
  const t0 = performance.now();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const count = async (text: string) => Number((await database.query<{ n: number }>(text))[0].n);
  const openVacancies = () => count(`select count(*)::int as n from employment_vacancies where status = 'open' and expires_on >= '${today}' and ${SYSTEM_SCOPE_MARKER} true`);
  const activeSeekers = () => count(`select count(*)::int as n from employment_seekers where status = 'active' and ${SYSTEM_SCOPE_MARKER} true`);
  const rng = rngOf(seededStream(deps.seed, 'bench/matching'));
  const occupation = occupationPicker(rng);
  const ix = platform.regions.index;
  const units = [...new Set(ix.all().filter((r) => ix.isCurrent(r.code)).map((r) => ix.planUnitOf(r.code)).filter((u): u is string => !!u))];

  const vNeed = Math.max(0, want.vacancies - (await openVacancies()));
  if (vNeed > 0) {
    const firms = await database.query<{ id: number; region_code: string }>(`select id, region_code from employers where ${SYSTEM_SCOPE_MARKER} true order by id`);
    const rowsOf = function* () {
      for (let i = 0; i < vNeed; i++) {
        const f = rng.pick(firms);
        const occ = occupation();
        const min = rng.int(20, 60) * 10_000;
        const title = `${rng.pick(['普工', '技术员', '服务员', '操作工', '业务员', '主管', '专员', '助理', '工程师', '店长'])}（基准${i}）`;
        yield [f.id, f.region_code, ix.planUnitOf(f.region_code) ?? f.region_code, title, occ, occ, occ[0], arr(pickSome(rng, SKILLS, 0, 3)), min, min + rng.int(5, 40) * 10_000, rng.pick(REQUIRED), rng.int(1, 5), 0, `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`, '', `bench:${i}`, 'open'];
      }
    };
    await copyRowsInto(database, 'employment_vacancies', ['employer_id', 'region_code', 'plan_unit', 'title', 'occupation_code', 'occ_medium', 'occ_major', 'skills', 'salary_min', 'salary_max', 'education', 'headcount', 'filled', 'expires_on', 'description', 'dedupe_key', 'status'], rowsOf());
  }

  const sNeed = Math.max(0, want.seekers - (await activeSeekers()));
  if (sNeed > 0) {
    const free = await database.query<{ id: number; region_code: string }>(
      `select p.id, p.region_code from persons p where not exists (select 1 from employment_seekers s where s.person_id = p.id and ${SYSTEM_SCOPE_MARKER} true) and ${SYSTEM_SCOPE_MARKER} true order by p.id`,
    );
    if (free.length < sNeed) log(`  matching: only ${fmt(free.length)} persons without a seeker profile for ${fmt(sNeed)} more seekers (generate a larger province)`);
    const n = Math.min(sNeed, free.length);
    const rowsOf = function* () {
      // Exactly n of the free persons, in id order (selection sampling).
      let left = n;
      for (let i = 0; i < free.length && left > 0; i++) {
        if (rng.next() * (free.length - i) >= left) continue;
        left--;
        const p = free[i];
        const desired = pickSome(rng, [occupation(), occupation(), occupation()], 1, 2);
        const roll = rng.next();
        const regions = roll < 0.7 ? [] : roll < 0.9 ? [ix.countyOf(p.region_code) ?? ix.planUnitOf(p.region_code) ?? p.region_code] : [rng.pick(units)];
        const skills = pickSome(rng, SKILLS, 1, 4);
        const d = derivedSeekerColumns(desired, regions, p.region_code, skills);
        yield [p.id, p.region_code, arr(desired), arr(d.desiredMediums), arr(d.desiredMajors), arr(skills), arr(regions), arr(d.matchKeys), rng.chance(0.15) ? null : rng.int(25, 80) * 10_000, rng.pick(EDUCATION), null, '{}', 'active'];
      }
    };
    await copyRowsInto(database, 'employment_seekers', ['person_id', 'region_code', 'desired_occupations', 'desired_mediums', 'desired_majors', 'skills', 'desired_regions', 'match_keys', 'salary_min', 'education', 'available_from', 'groups', 'status'], rowsOf());
  }
  // Vacuumed, not only analysed: a seeker's tiers are index-only scans of the open vacancies, which
  // need the visibility map that autovacuum keeps in service (and this bench's server may run without it).
  if (database.kind === 'postgres') {
    await database.exec('vacuum (analyze) employment_vacancies'); // alone: VACUUM refuses a multi-statement string (one transaction)
    await database.exec('analyze employment_seekers; analyze persons; analyze employers');
  }
  const vacancies = await openVacancies();
  const seekers = await activeSeekers();
  return { vacancies, seekers, addedVacancies: vNeed, addedSeekers: Math.min(sNeed, seekers), seconds: (performance.now() - t0) / 1000 };
}

/** A province supervisor (data scope: the whole province) as a signed-in session of it would be. */
async function provinceCaller(platform: Platform): Promise<Caller> {
  const username = 'bench_matching';
  const [existing] = await platform.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const orgId = await ensureOrg(platform.db, '海南省人力资源和社会保障厅（匹配基准测试）', '460000');
  const id = existing?.id ?? (await createUser(platform.db, { username, displayName: '匹配基准测试', orgId, roleKeys: ['supervisor'], password: 'Bench#Match2026', mustChangePassword: false }));
  return callerOfUser({ db: platform.db, crypto: platform.crypto, expand: platform.regions.expand }, id, 'bench');
}

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

type Direction = { ms: number[]; scanned: number[]; queries: number[]; tiers: Record<string, number>; exhaustiveMs: number[]; indexedMs: number[]; recall: number[]; pool: number };

async function measure(ids: number[], exhaustiveIds: number[], run: (id: number, exhaustive: boolean) => Promise<{ items: { id: number; score: number }[]; scanned: number; tiersUsed: string[] }>, pool: number): Promise<Direction> {
  const d: Direction = { ms: [], scanned: [], queries: [], tiers: {}, exhaustiveMs: [], indexedMs: [], recall: [], pool };
  for (const id of ids.slice(0, 5)) await run(id, false); // warm-up: plans, caches, JIT
  for (const id of ids) {
    const t = performance.now();
    const r = await run(id, false);
    d.ms.push(performance.now() - t);
    d.scanned.push(r.scanned);
    d.queries.push(r.tiersUsed.length);
    const last = r.tiersUsed[r.tiersUsed.length - 1] ?? '—';
    d.tiers[last] = (d.tiers[last] ?? 0) + 1;
  }
  for (const id of exhaustiveIds) {
    let t = performance.now();
    const fast = await run(id, false);
    d.indexedMs.push(performance.now() - t);
    t = performance.now();
    const all = await run(id, true);
    d.exhaustiveMs.push(performance.now() - t);
    // recall@k: the share of the exhaustive top k that the indexed top k holds (both break ties by id).
    const got = new Set(fast.items.map((x) => x.id));
    const hits = all.items.filter((x) => got.has(x.id)).length;
    d.recall.push(all.items.length ? hits / all.items.length : 1);
  }
  return d;
}

/** The matching line: two rows (a seeker's vacancies, a vacancy's seekers). */
export async function matchingLines(deps: MatchingDeps): Promise<Line[]> {
  const { database, platform, log, scale, seed } = deps;
  const want = { vacancies: Math.round(FULL.vacancies * scale), seekers: Math.round(FULL.seekers * scale) };
  log(`  matching: pools of ${fmt(want.vacancies)} open vacancies and ${fmt(want.seekers)} seekers (200,000 and 1,000,000 × ${scale})`);
  const pools = await fillPools(deps, want);
  log(`  matching: ${fmt(pools.vacancies)} open vacancies, ${fmt(pools.seekers)} active seekers (${fmt(pools.addedVacancies)} and ${fmt(pools.addedSeekers)} added by COPY in ${fmt(pools.seconds, 1)} s)`);
  const ctx = { platform, caller: await provinceCaller(platform) };
  const rng = rngOf(seededStream(seed, 'bench/matching/sample'));
  const sample = async (table: string, where: string, n: number) => {
    const all = (await database.query<{ id: number }>(`select id from ${table} where ${where} and ${SYSTEM_SCOPE_MARKER} true order by id`)).map((r) => Number(r.id));
    return rng.shuffle(all).slice(0, n);
  };
  const n = deps.samples ?? 200;
  const nx = deps.exhaustiveSamples ?? 20;
  const seekerIds = await sample('employment_seekers', `status = 'active'`, n);
  const vacancyIds = await sample('employment_vacancies', `status = 'open'`, n);

  log(`  matching: ${n} seekers' top ${K} vacancies (and ${nx} exhaustively)…`);
  const s = await measure(seekerIds, seekerIds.slice(0, nx), async (id, exhaustive) => {
    const r = await matchVacanciesForSeeker(ctx, id, K, { exhaustive });
    return { items: r.items.map((x) => ({ id: x.vacancyId, score: x.score })), scanned: r.scanned, tiersUsed: r.tiersUsed };
  }, pools.vacancies);
  log(`  matching: ${n} vacancies' top ${K} seekers (and ${nx} exhaustively)…`);
  const v = await measure(vacancyIds, vacancyIds.slice(0, nx), async (id, exhaustive) => {
    const r = await matchSeekersForVacancy(ctx, id, K, { exhaustive });
    return { items: r.items.map((x) => ({ id: x.seekerId, score: x.score })), scanned: r.scanned, tiersUsed: r.tiersUsed };
  }, pools.seekers);

  const row = (key: string, name: string, d: Direction, p99Target: number, poolName: string): Line => {
    const p50 = quantile(d.ms, 0.5);
    const p99 = quantile(d.ms, 0.99);
    const speedUp = mean(d.exhaustiveMs) / mean(d.indexedMs);
    const recall = mean(d.recall);
    return {
      key,
      name,
      measured: `p50 ${fmt(p50, 1)} ms, p99 ${fmt(p99, 1)} ms (${d.ms.length} samples; ${fmt(mean(d.scanned))} candidates scored on average); recall@${K} ${recall.toFixed(3)}`,
      baseline: `exhaustive over ${fmt(d.pool)} ${poolName}: mean ${fmt(mean(d.exhaustiveMs), 0)} ms (${d.exhaustiveMs.length} samples) vs ${fmt(mean(d.indexedMs), 1)} ms`,
      ratio: speedUp,
      target: `p99 ≤ ${p99Target} ms, recall ≥ ${TARGET.recall}`,
      met: p99 <= p99Target && recall >= TARGET.recall,
      figures: { pool: d.pool, samples: d.ms.length, p50Ms: p50, p90Ms: quantile(d.ms, 0.9), p99Ms: p99, maxMs: Math.max(...d.ms), meanScanned: mean(d.scanned), maxScanned: Math.max(...d.scanned), meanTierQueries: mean(d.queries), maxTierQueries: Math.max(...d.queries), lastTier: d.tiers, exhaustiveSamples: d.exhaustiveMs.length, exhaustiveMeanMs: mean(d.exhaustiveMs), indexedMeanMs: mean(d.indexedMs), speedUp, recallAt20: recall, minRecall: Math.min(...d.recall) },
      note: 'ratio = speed-up over exhaustive scoring (same function, every candidate)',
    };
  };
  return [
    row('matching.seeker', `matching: a seeker's top ${K} vacancies`, s, TARGET.seekerP99, 'open vacancies'),
    row('matching.vacancy', `matching: a vacancy's top ${K} seekers`, v, TARGET.vacancyP99, 'active seekers'),
  ];
}

// ---- standalone ------------------------------------------------------------------------------

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const scale = Number(argValue(argv, 'scale') ?? 0.05);
  const provinceScale = Number(argValue(argv, 'province-scale') ?? scale);
  const seed = Number(argValue(argv, 'seed') ?? 1);
  const { printTable } = await import('./lib');
  const { standaloneDatabase } = await import('./standalone');
  const log = (l: string) => console.log(l);
  let code = 0;
  let bench: Awaited<ReturnType<typeof standaloneDatabase>> | null = null;
  try {
    bench = await standaloneDatabase(argv, { name: 'match', scale: provinceScale, seed, parts: ['registry', 'employment'], log });
    const { database, platform, label } = bench;
    log(`matching benchmark — ${label}, scale ${scale}, province ${provinceScale}, seed ${seed}`);
    const lines = await matchingLines({ database, platform, log, scale, seed, samples: Number(argValue(argv, 'samples') ?? 200), exhaustiveSamples: Number(argValue(argv, 'exhaustive-samples') ?? 20) });
    log(`\n${printTable(lines)}\n`);
    log(JSON.stringify(lines.map((l) => ({ key: l.key, figures: l.figures })), null, 1));
  } catch (e) {
    console.error(e);
    code = 1;
  } finally {
    await bench?.dispose();
  }
  process.exit(code);
}
