// Rules of matching on a database: indexed (tiered) matching returns what exhaustive scoring
// returns (recall@20 ≥ 0.99 on a synthetic set; the scores are compared too), the score computed
// in SQL equals scoring.ts's for every pair, the migration derives match_keys as writes do,
// protected attributes never change a score, matches explain themselves, vacancies are
// de-duplicated, views are logged, referrals count as services, a hire registers the employment,
// a county only matches its own seekers, and skills stored before normalisation are rewritten once.
import { readFileSync } from 'node:fs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { migrationsFolder } from '../../platform/db';
import { scopeWhere, systemScope } from '../../platform/scope';
import { employers, persons } from '../registry';
import { compileSql, derivedSeekerColumns, geoOf, matchKeys, seekerTiers, vacancyTiers, matchSeekersForVacancy, matchVacanciesForSeeker, placesForSeeker, placesForVacancy, scoreSqlForSeeker, scoreSqlForVacancy, topSeekers, topVacancies } from './matching';
import { normaliseStoredSkills } from './profiles';
import { scoreValue, seekerFeatures, vacancyFeatures } from './scoring';
import { majorOf, mediumGroups, mediumOf } from './occupations';
import { daysAgo, employer, person } from './fixture.test-helper';
import { jobSeekers, jobVacancies } from './schema';
import { chinaToday, educationCodes } from './codes';
import type { Ctx } from './context';
import type { Caller } from '../../platform/auth/service';

let t: TestApp;
let a: Agent; // 定安 caseworker
let b: Agent; // 屯昌 caseworker
let prov: Agent; // province supervisor
const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';

beforeAll(async () => {
  t = await testApp();
  await t.user('ma', '469021', ['caseworker']);
  await t.user('mb', '469022', ['caseworker']);
  await t.user('mp', '460000', ['supervisor']);
  a = await t.login('ma');
  b = await t.login('mb');
  prov = await t.login('mp');
});
afterAll(async () => t.close());

/** A deterministic PRNG (mulberry32). */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe(`recall of indexed matching against exhaustive scoring (${db})`, () => {
  const stats = { seekerRecall: 0, vacancyRecall: 0, seekerScanned: 0, vacancyScanned: 0, vacancies: 0, seekers: 0 };

  beforeAll(async () => {
    const rnd = prng(20260501);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const { platform } = t;
    const townships = platform.regions.rows().filter((r) => r.level === 'township' && !r.validTo).map((r) => r.code);
    const areas = [...townships, '469021', '469022', '460100', '460200', '469005', '460000'];
    // A few medium groups with synthetic minor groups and occupations (codes shaped like the 大典's; not real titles).
    const mediums = mediumGroups.filter((g) => ['2-02', '2-05', '4-01', '4-03', '4-02', '4-10', '6-01', '6-29', '5-01'].includes(g.code)).map((g) => g.code);
    const occ = () => `${pick(mediums)}-0${1 + Math.floor(rnd() * 3)}-0${1 + Math.floor(rnd() * 4)}`;
    const skillPool = ['电工', '焊工', '驾驶', '英语', 'excel', '烹饪', '护理', '销售', '客服', 'python', '会计', '叉车', '育婴', '园艺', '导游'];
    const skills = (n: number) => [...new Set(Array.from({ length: n }, () => pick(skillPool)))];

    const [emp] = await platform.db.insert(employers).values({ uscc: '91460000MA5TRECALL', name: '合成单位', industry: 'H', ownership: 'private', size: 'small', regionCode: '469021' }).returning();
    const vacancies = Array.from({ length: 400 }, (_, i) => {
      const code = rnd() < 0.85 ? occ() : pick(mediums);
      const region = pick(townships);
      const min = 200_000 + Math.floor(rnd() * 600_000);
      return {
        employerId: emp.id,
        regionCode: region,
        planUnit: platform.regions.index.planUnitOf(region)!,
        title: `合成岗位${i}`,
        occupationCode: code,
        occMedium: mediumOf(code),
        occMajor: majorOf(code),
        skills: skills(Math.floor(rnd() * 4)),
        salaryMin: min,
        salaryMax: min + Math.floor(rnd() * 400_000),
        education: pick(educationCodes),
        headcount: 1 + Math.floor(rnd() * 5),
        expiresOn: daysAgo(-30),
        dedupeKey: `recall-${i}`,
        // A few closed or expired ones must never be matched.
        status: (i % 37 === 0 ? 'closed' : 'open') as 'open' | 'closed',
      };
    });
    vacancies[5].expiresOn = daysAgo(3);
    await platform.db.insert(jobVacancies).values(vacancies);

    const people = Array.from({ length: 200 }, (_, i) => ({
      idCipher: 'x',
      idHash: `recall-${i}`,
      idMasked: '469***0000',
      name: `合成${i}`,
      gender: (i % 2 ? 'M' : 'F') as 'M' | 'F',
      birthDate: '1990-01-01',
      hukouType: 'urban' as const,
      regionCode: pick(townships),
    }));
    const ps = await platform.db.insert(persons).values(people).returning({ id: persons.id, regionCode: persons.regionCode });
    const seekers = ps.map((p, i) => {
      const seekerSkills = skills(Math.floor(rnd() * 5));
      const desired = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
        const c = occ();
        const depth = rnd();
        return depth < 0.6 ? c : depth < 0.8 ? c.slice(0, 7) : depth < 0.95 ? c.slice(0, 4) : c.slice(0, 1);
      });
      const desiredRegions = rnd() < 0.5 ? [] : Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => pick(areas));
      return {
        personId: p.id,
        regionCode: p.regionCode,
        desiredOccupations: desired,
        skills: seekerSkills,
        desiredRegions,
        salaryMin: rnd() < 0.2 ? null : 200_000 + Math.floor(rnd() * 700_000),
        education: pick(educationCodes),
        availableFrom: null,
        status: (i % 41 === 0 ? 'paused' : 'active') as 'active' | 'paused',
        ...derivedSeekerColumns(desired, desiredRegions, p.regionCode, seekerSkills),
      };
    });
    await platform.db.insert(jobSeekers).values(seekers);
  });

  it('scores every pair in SQL exactly as scoring.ts does, in both directions', async () => {
    const { platform } = t;
    const geo = geoOf(platform);
    const vs = await platform.db.select().from(jobVacancies).where(systemScope());
    const ss = (await platform.db.select().from(jobSeekers).where(systemScope())).map((s) => ({ ...s, homeRegion: s.regionCode }));
    // A few pays on the rounding edges: shortfalls that make the salary term end in …5 before rounding.
    ss[0].salaryMin = 800_000;
    ss[1].salaryMin = 333_333;
    let pairs = 0;
    for (const s of ss.slice(0, 50)) {
      const f = seekerFeatures(s);
      const got = await topVacancies(platform.database, scoreSqlForSeeker(f, placesForSeeker(platform, f)), systemScope(), [undefined], 10_000);
      expect(got.rows).toHaveLength(vs.length);
      for (const r of got.rows) expect([r.id, r.sqlScore]).toEqual([r.id, scoreValue(f, vacancyFeatures(r.row), geo)]);
      pairs += got.rows.length;
    }
    for (const v of vs.slice(0, 50)) {
      const f = vacancyFeatures(v);
      const got = await topSeekers(platform.database, scoreSqlForVacancy(f, placesForVacancy(platform, f.regionCode)), systemScope(), [undefined], 10_000);
      expect(got.rows).toHaveLength(ss.length);
      for (const r of got.rows) expect([r.id, r.sqlScore]).toEqual([r.id, scoreValue(seekerFeatures(r.row), f, geo)]);
      pairs += got.rows.length;
    }
    expect(pairs).toBe(50 * vs.length + 50 * ss.length);
  });

  it('compiles the tier queries to the text and parameters drizzle’s own builder gives', async () => {
    // compileSql replaces drizzle's builder for the tier queries only because it is faster; it must say the same.
    const { platform } = t;
    const dialect = new PgDialect();
    const scope = { all: false, regionCodes: new Set(['460000', '469001', 'a"b']), selfUserId: 7, kind: 'custom' as const };
    const vs = await platform.db.select().from(jobVacancies).where(systemScope());
    const ss = (await platform.db.select().from(jobSeekers).where(systemScope())).map((s) => ({ ...s, homeRegion: s.regionCode }));
    let compared = 0;
    for (const v of vs.slice(0, 25)) {
      const f = vacancyFeatures(v);
      const tiers = seekerTiers(platform, f);
      const q = sql`select ${scoreSqlForVacancy(f, placesForVacancy(platform, f.regionCode))} from employment_seekers where ${sql.join(tiers.map((x) => x.where ?? sql`true`), sql` or `)} and ${scopeWhere(scope, jobSeekers)} and ${inArray(jobSeekers.id, [1, 2, 3])} and ${eq(jobSeekers.salaryMin, 5)} limit ${20}`;
      const d = dialect.sqlToQuery(q);
      expect(compileSql(q)).toEqual({ text: d.sql, params: d.params });
      compared++;
    }
    for (const s of ss.slice(0, 25)) {
      const f = seekerFeatures(s);
      const tiers = vacancyTiers(platform, f);
      const q = sql`select ${scoreSqlForSeeker(f, placesForSeeker(platform, f))} from employment_vacancies where ${sql.join(tiers.map((x) => x.where ?? sql`true`), sql` or `)} and ${eq(jobVacancies.status, 'open')} and ${systemScope()}`;
      const d = dialect.sqlToQuery(q);
      expect(compileSql(q)).toEqual({ text: d.sql, params: d.params });
      compared++;
    }
    expect(compared).toBe(50);
    expect(() => compileSql(sql`select ${{ an: 'object' }}`)).toThrow();
  });

  it('derives match_keys in the migration’s backfill exactly as on every write', async () => {
    const { platform } = t;
    const migration = readFileSync(`${migrationsFolder}/0008_matching_keys.sql`, 'utf8');
    const backfill = migration.split('--> statement-breakpoint').map((x) => x.replace(/^(\s*--[^\n]*\n)*/, '').trim()).find((x) => x.startsWith('UPDATE'))!;
    const before = await platform.db.select({ id: jobSeekers.id, keys: jobSeekers.matchKeys }).from(jobSeekers).where(systemScope());
    await platform.db.execute(sql.raw(backfill));
    const after = await platform.db.select().from(jobSeekers).where(systemScope());
    expect(after.length).toBeGreaterThan(100);
    const sorted = (xs: string[]) => [...xs].sort();
    for (const s of after) expect(sorted(s.matchKeys)).toEqual(sorted(matchKeys(s.desiredOccupations, s.desiredRegions, s.regionCode, s.skills)));
    expect(new Map(after.map((s) => [s.id, sorted(s.matchKeys)]))).toEqual(new Map(before.map((s) => [s.id, sorted(s.keys)])));
    expect(after.find((s) => s.id === before[0].id)?.matchKeys.some((k) => k.startsWith('j:'))).toBe(true);
  });

  const provinceCtx = async (): Promise<Ctx> => {
    const me = (await prov.get('/api/v1/auth/me')).json();
    return { platform: t.platform, caller: { userId: me.id, username: me.username, scope: { all: true, regionCodes: new Set(), selfUserId: null, kind: 'all' } } as unknown as Caller };
  };

  it('a seeker’s top 20 vacancies from candidate tiers equal exhaustive scoring (recall@20 ≥ 0.99) and skip closed or expired ones', async () => {
    const c = await provinceCtx();
    const ids = (await t.platform.db.select({ id: jobSeekers.id }).from(jobSeekers).where((await import('../../platform/scope')).systemScope())).map((r) => r.id).slice(0, 80);
    let hits = 0;
    let total = 0;
    for (const id of ids) {
      const fast = await matchVacanciesForSeeker(c, id, 20);
      const full = await matchVacanciesForSeeker(c, id, 20, { exhaustive: true });
      const want = new Set(full.items.map((x) => x.vacancyId));
      hits += fast.items.filter((x) => want.has(x.vacancyId)).length;
      total += want.size;
      expect(fast.items.map((x) => x.score)).toEqual(full.items.map((x) => x.score));
      stats.seekerScanned += fast.scanned;
      stats.vacancies = full.scanned;
      for (const x of full.items) expect(x.title).not.toMatch(/^合成岗位(0|5|37|74)$/);
    }
    stats.seekerRecall = hits / total;
    expect(stats.seekerRecall).toBeGreaterThanOrEqual(0.99);
    console.log(`[matching] seeker→vacancies recall@20 = ${stats.seekerRecall.toFixed(4)} over ${ids.length} seekers; scanned ${(stats.seekerScanned / ids.length).toFixed(0)} of ${stats.vacancies} open vacancies on average`);
  });

  it('a vacancy’s top 20 seekers from candidate tiers equal exhaustive scoring (recall@20 ≥ 0.99) and skip paused seekers', async () => {
    const c = await provinceCtx();
    const ids = (await t.platform.db.select({ id: jobVacancies.id, status: jobVacancies.status }).from(jobVacancies).where((await import('../../platform/scope')).systemScope()))
      .filter((v) => v.status === 'open')
      .map((v) => v.id)
      .slice(0, 80);
    let hits = 0;
    let total = 0;
    for (const id of ids) {
      const fast = await matchSeekersForVacancy(c, id, 20);
      const full = await matchSeekersForVacancy(c, id, 20, { exhaustive: true });
      const want = new Set(full.items.map((x) => x.seekerId));
      hits += fast.items.filter((x) => want.has(x.seekerId)).length;
      total += want.size;
      expect(fast.items.map((x) => x.score)).toEqual(full.items.map((x) => x.score));
      stats.vacancyScanned += fast.scanned;
      stats.seekers = full.scanned;
    }
    stats.vacancyRecall = hits / total;
    expect(stats.vacancyRecall).toBeGreaterThanOrEqual(0.99);
    expect(stats.seekers).toBe(200 - Math.ceil(200 / 41)); // paused seekers are never matched
    console.log(`[matching] vacancy→seekers recall@20 = ${stats.vacancyRecall.toFixed(4)} over ${ids.length} vacancies; scanned ${(stats.vacancyScanned / ids.length).toFixed(0)} of ${stats.seekers} active seekers on average`);
  });

  it('a vacancy’s top 20 seekers for a caller who sees some regions only equal exhaustive scoring within that scope', async () => {
    // Batches of several tiers apply the caller's scope once, over their union: the answer must not change.
    const { platform } = t;
    const me = (await prov.get('/api/v1/auth/me')).json();
    const regions = [...new Set((await platform.db.select({ r: jobSeekers.regionCode }).from(jobSeekers).where(systemScope())).map((x) => x.r))].sort();
    const seen = new Set(regions.filter((_, i) => i % 2 === 0));
    const c: Ctx = { platform, caller: { userId: me.id, username: me.username, scope: { all: false, regionCodes: seen, selfUserId: null, kind: 'custom' } } as unknown as Caller };
    const ids = (await platform.db.select({ id: jobVacancies.id, status: jobVacancies.status, expiresOn: jobVacancies.expiresOn }).from(jobVacancies).where(systemScope()))
      .filter((v) => v.status === 'open' && v.expiresOn >= chinaToday())
      .map((v) => v.id)
      .slice(0, 40);
    let multi = 0;
    for (const id of ids) {
      const fast = await matchSeekersForVacancy(c, id, 20);
      const full = await matchSeekersForVacancy(c, id, 20, { exhaustive: true });
      expect(fast.items.map((x) => [x.seekerId, x.score])).toEqual(full.items.map((x) => [x.seekerId, x.score]));
      for (const x of fast.items) expect(seen.has(x.regionCode)).toBe(true);
      if (fast.tiersUsed.some((n) => n.includes('…'))) multi++;
    }
    expect(multi).toBeGreaterThan(0);
    // The seeker read checks the same scope (as a column of the row found by id): outside it, not found.
    const some = await platform.db.select({ id: jobSeekers.id, r: jobSeekers.regionCode }).from(jobSeekers).where(systemScope());
    const outside = some.find((x) => !seen.has(x.r))!;
    const inside = some.find((x) => seen.has(x.r))!;
    await expect(matchVacanciesForSeeker(c, outside.id, 20)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await matchVacanciesForSeeker(c, inside.id, 20)).items.length).toBeGreaterThan(0);
  });
});

describe(`matching through the API (${db})`, () => {
  let firm: number;
  let farFirm: number;
  let vac: { id: number; version: number };

  beforeAll(async () => {
    firm = await employer(a, '定安酒店', '469021100', 'H');
    farFirm = await employer(b, '屯昌酒店', '469022100', 'H');
    const res = await a.post('/api/v1/employment/vacancies', { employerId: firm, title: '中式烹调师', occupationCode: '4-03-02', skills: ['烹饪', '食品安全'], salaryMin: 400_000, salaryMax: 600_000, education: 'junior', headcount: 1, expiresOn: daysAgo(-30) });
    expect(res.statusCode, res.body).toBe(201);
    vac = res.json();
  });

  it('refuses a duplicate of an open vacancy (same employer, occupation, title and place)', async () => {
    const dup = await a.post('/api/v1/employment/vacancies', { employerId: firm, title: ' 中式 烹调师 ', occupationCode: '4-03-02', skills: [], salaryMin: 400_000, salaryMax: 500_000, education: 'none', headcount: 2, expiresOn: daysAgo(-10) });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', existingId: vac.id });
    const bad = await a.post('/api/v1/employment/vacancies', { employerId: firm, title: '服务员', occupationCode: '4', skills: [], salaryMin: 500_000, salaryMax: 400_000, education: 'none', headcount: 0, expiresOn: daysAgo(1) });
    expect(bad.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['expiresOn', 'headcount', 'occupationCode', 'salaryMax']);
  });

  it('gives identical scores to two seekers who differ only in gender, age, hukou, disability and veteran status', async () => {
    const p1 = await person(a, '甲求职', { female: true, birthDate: '1965-01-01', hukouType: 'rural', flags: { disability: true, veteran: true } });
    const p2 = await person(a, '乙求职', { female: false, birthDate: '2001-09-09', hukouType: 'urban' });
    const profile = { desiredOccupations: ['4-03-02-01'], skills: ['烹饪'], desiredRegions: [], salaryMin: 500_000, education: 'senior', availableFrom: null };
    const s1 = (await a.post('/api/v1/employment/seekers', { personId: p1, ...profile, groups: ['rural_migrant'] })).json();
    const s2 = (await a.post('/api/v1/employment/seekers', { personId: p2, ...profile })).json();
    expect(s1.groups).toEqual(['rural_migrant', 'veteran', 'disability']);
    const m = (await a.get(`/api/v1/employment/vacancies/${vac.id}/matches`)).json();
    const score = (id: number) => m.items.find((x: { seekerId: number }) => x.seekerId === id)?.score;
    expect(score(s1.id)).toBeDefined();
    expect(score(s1.id)).toBe(score(s2.id));
    const m1 = (await a.get(`/api/v1/employment/seekers/${s1.id}/matches`)).json();
    const m2 = (await a.get(`/api/v1/employment/seekers/${s2.id}/matches`)).json();
    expect(m1.items.map((x: { vacancyId: number; score: number }) => [x.vacancyId, x.score])).toEqual(m2.items.map((x: { vacancyId: number; score: number }) => [x.vacancyId, x.score]));
    // The reasons name the factors, and what would raise the match.
    const top = m1.items.find((x: { vacancyId: number }) => x.vacancyId === vac.id);
    expect(top.reasons.map((r: { factor: string }) => r.factor)).toEqual(['occupation', 'skills', 'location', 'salary', 'education']);
    expect(top.improve.map((i: { factor: string }) => i.factor)).toContain('skills');
    expect(top.improve.find((i: { factor: string }) => i.factor === 'skills').zh).toContain('食品安全');
  });

  it('lets seekers see who viewed their profile, and from which vacancy', async () => {
    const p = await person(a, '丙求职');
    const s = (await a.post('/api/v1/employment/seekers', { personId: p, desiredOccupations: ['4-03'], skills: [], desiredRegions: ['469021'], salaryMin: null, education: 'junior', availableFrom: daysAgo(-5) })).json();
    expect((await prov.get(`/api/v1/employment/seekers/${s.id}?vacancyId=${vac.id}`)).statusCode).toBe(200);
    const views = (await a.get(`/api/v1/employment/seekers/${s.id}/views`)).json();
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ viewerName: 'mp', vacancyId: vac.id, vacancyTitle: '中式烹调师' });
  });

  it('counts a referral of a registered unemployed person as a job introduction, and a hire registers the employment, closes the unemployment and fills the vacancy', async () => {
    const p = await person(a, '丁求职');
    const u = (await a.post('/api/v1/employment/unemployment', { personId: p, registeredOn: daysAgo(40), reason: 'dismissed' })).json();
    const s = (await a.post('/api/v1/employment/seekers', { personId: p, desiredOccupations: ['4-03-02-01'], skills: ['烹饪', '食品安全'], desiredRegions: [], salaryMin: 450_000, education: 'senior', availableFrom: null })).json();
    const ref = await a.post('/api/v1/employment/placements', { kind: 'referral', seekerId: s.id, vacancyId: vac.id });
    expect(ref.statusCode, ref.body).toBe(201);
    expect(ref.json()).toMatchObject({ status: 'applied', personName: '丁求职', vacancyTitle: '中式烹调师' });
    expect(ref.json().score).toBeGreaterThan(90);
    const svc = (await a.get(`/api/v1/employment/unemployment/${u.id}`)).json().services;
    expect(svc.map((x: { kind: string }) => x.kind)).toEqual(['job_introduction']);
    expect((await a.post('/api/v1/employment/placements', { kind: 'referral', seekerId: s.id, vacancyId: vac.id })).json().code).toBe('DUPLICATE');

    const hired = await a.post(`/api/v1/employment/placements/${ref.json().id}/outcome`, { status: 'hired', outcomeDate: daysAgo(2), version: ref.json().version });
    expect(hired.statusCode, hired.body).toBe(200);
    const employmentId = hired.json().employmentId;
    const e = (await a.get(`/api/v1/employment/registrations/${employmentId}`)).json();
    expect(e).toMatchObject({ personId: p, employerId: firm, kind: 'employee', startDate: daysAgo(2), source: 'referral', occupationCode: '4-03-02' });
    expect((await a.get(`/api/v1/employment/unemployment/${u.id}`)).json()).toMatchObject({ closedReason: 'reemployed', reemploymentId: employmentId });
    expect((await a.get(`/api/v1/employment/vacancies/${vac.id}`)).json()).toMatchObject({ filled: 1, status: 'filled' });
    // A final outcome is final.
    expect((await a.post(`/api/v1/employment/placements/${ref.json().id}/outcome`, { status: 'rejected', outcomeDate: daysAgo(1), version: hired.json().version })).json().code).toBe('INVALID_STATE');
  });

  it('refuses a hire that contradicts an open exclusive employment, and changes nothing', async () => {
    const v2 = (await a.post('/api/v1/employment/vacancies', { employerId: firm, title: '客房服务员', occupationCode: '4-03-01', skills: [], salaryMin: 300_000, salaryMax: 400_000, education: 'none', headcount: 3, expiresOn: daysAgo(-30) })).json();
    const p = await person(a, '戊求职');
    const other = await employer(a, '定安超市', '469021100', 'F');
    await a.post('/api/v1/employment/registrations', { personId: p, employerId: other, kind: 'employee', startDate: daysAgo(100), area: 'urban' });
    const s = (await a.post('/api/v1/employment/seekers', { personId: p, desiredOccupations: ['4-03-01'], skills: [], desiredRegions: [], salaryMin: null, education: 'junior', availableFrom: null })).json();
    const app = (await a.post('/api/v1/employment/placements', { kind: 'application', seekerId: s.id, vacancyId: v2.id })).json();
    const hire = await a.post(`/api/v1/employment/placements/${app.id}/outcome`, { status: 'hired', outcomeDate: daysAgo(1), version: app.version });
    expect(hire.statusCode).toBe(409);
    expect((await a.get(`/api/v1/employment/vacancies/${v2.id}`)).json()).toMatchObject({ filled: 0, status: 'open' });
    expect((await a.get(`/api/v1/employment/placements?seekerId=${s.id}`)).json().items[0].status).toBe('applied');
  });

  it('matches a county’s vacancy only with that county’s seekers, and hides other counties’ seekers and vacancies', async () => {
    const far = await person(b, '屯昌求职', { region: '469022100' });
    const fs = (await b.post('/api/v1/employment/seekers', { personId: far, desiredOccupations: ['4-03-02-01'], skills: ['烹饪', '食品安全'], desiredRegions: ['469021'], salaryMin: 400_000, education: 'senior', availableFrom: null })).json();
    const fv = (await b.post('/api/v1/employment/vacancies', { employerId: farFirm, title: '厨师', occupationCode: '4-03-02', skills: [], salaryMin: 400_000, salaryMax: 700_000, education: 'none', headcount: 2, expiresOn: daysAgo(-20) })).json();
    const v3 = (await a.post('/api/v1/employment/vacancies', { employerId: firm, title: '面点师', occupationCode: '4-03-02', skills: ['烹饪'], salaryMin: 400_000, salaryMax: 600_000, education: 'none', headcount: 1, expiresOn: daysAgo(-30) })).json();
    const names = (await a.get(`/api/v1/employment/vacancies/${v3.id}/matches?limit=100`)).json().items.map((x: { name: string }) => x.name);
    expect(names).not.toContain('屯昌求职');
    expect(names.length).toBeGreaterThan(0);
    expect((await a.get(`/api/v1/employment/seekers/${fs.id}`)).statusCode).toBe(404);
    expect((await a.get(`/api/v1/employment/seekers/${fs.id}/matches`)).statusCode).toBe(404);
    expect((await a.get(`/api/v1/employment/vacancies/${fv.id}`)).statusCode).toBe(404);
    // Open vacancies are public adverts: a 屯昌 seeker wanting 定安 is matched with 定安's vacancy.
    const theirs = (await b.get(`/api/v1/employment/seekers/${fs.id}/matches`)).json().items.map((x: { vacancyId: number }) => x.vacancyId);
    expect(theirs).toContain(v3.id);
  });

  it('reports fairness by group from exposures and hires', async () => {
    const r = (await a.get('/api/v1/employment/fairness')).json();
    expect(r.groups.map((g: { group: string }) => g.group)).toEqual(['graduate', 'rural_migrant', 'veteran', 'disability', 'zero_employment_household']);
    const vet = r.groups.find((g: { group: string }) => g.group === 'veteran');
    expect(vet.seekers).toBe(1);
    expect(r.all.seekers).toBeGreaterThanOrEqual(5);
  });
});

describe(`skills stored before writes normalised them (${db})`, () => {
  it('are rewritten once as every write stores them, with the seeker’s match keys, so matching sees them; a second run changes nothing', async () => {
    const { platform } = t;
    const [emp] = await platform.db.insert(employers).values({ uscc: '91460000MA5TSKILLS', name: '技能规范单位', industry: 'H', ownership: 'private', size: 'small', regionCode: '469021' }).returning();
    const [p] = await platform.db.insert(persons).values({ idCipher: 'x', idHash: 'skills-old', idMasked: '469***0001', name: '旧技能', gender: 'F', birthDate: '1990-01-01', hukouType: 'urban', regionCode: '469021100' }).returning();
    // Written directly, as an old version did: unnormalised skills, and keys derived from them.
    const old = ['Excel', ' excel ', 'ＰＹＴＨＯＮ', '焊工', ''];
    const [s] = await platform.db
      .insert(jobSeekers)
      .values({ personId: p.id, regionCode: p.regionCode, desiredOccupations: ['4-01-02-01'], skills: old, desiredRegions: [], salaryMin: null, education: 'bachelor', availableFrom: null, status: 'active', desiredMediums: ['4-01'], desiredMajors: ['4'], matchKeys: ['m:4-01@469021100', 'j:4@469021100', 'k:4-01@Excel'] })
      .returning();
    const [v] = await platform.db
      .insert(jobVacancies)
      .values({ employerId: emp.id, regionCode: '469021100', planUnit: '469021', title: '旧技能岗位', occupationCode: '4-01-02-01', occMedium: '4-01', occMajor: '4', skills: ['EXCEL', 'Python '], salaryMin: 300_000, salaryMax: 500_000, education: 'none', headcount: 1, expiresOn: daysAgo(-30), dedupeKey: 'skills-old' })
      .returning();

    const first = await normaliseStoredSkills(platform.db, 7);
    expect(first.seekers).toBeGreaterThanOrEqual(1);
    expect(first.vacancies).toBeGreaterThanOrEqual(1);
    const [s2] = await platform.db.select().from(jobSeekers).where(and(eq(jobSeekers.id, s.id), systemScope()));
    const [v2] = await platform.db.select().from(jobVacancies).where(and(eq(jobVacancies.id, v.id), systemScope()));
    expect(s2.skills).toEqual(['excel', 'python', '焊工']);
    expect(s2.matchKeys).toEqual(matchKeys(['4-01-02-01'], [], '469021100', ['excel', 'python', '焊工']));
    expect(s2.version).toBe(s.version + 1);
    expect(v2.skills).toEqual(['excel', 'python']);
    expect(await normaliseStoredSkills(platform.db)).toEqual({ seekers: 0, vacancies: 0 });

    // Matching now finds the seeker through the skills tiers, with both skills covered.
    const c = { platform, caller: { userId: 0, username: 'sys', scope: { all: true, regionCodes: new Set(), selfUserId: null, kind: 'all' } } as unknown as Caller };
    const m = await matchSeekersForVacancy(c, v.id, 300);
    const mine = m.items.find((x) => x.seekerId === s.id);
    expect(mine?.reasons.find((r) => r.factor === 'skills')?.value).toBe(1);
  });
});
