// Two-way matching: a seeker's best vacancies and a vacancy's best seekers.
//
// Designed to be indexed: the pool is split three ways by what an index can see — occupation
// (in a desired medium group / in a desired major group only / neither), place (in a plan unit
// of the desired areas / a neighbouring unit only / elsewhere; a seeker's area_units hold both,
// so from the vacancy's side it is in / out) and skills (overlap or none listed / no overlap).
// Every combination is a candidate tier with the best score its rows can reach (scoring.ts,
// FACTOR_CAPS); tiers are fetched best bound first and scored exactly with scoring.ts, and we
// stop when the k-th best score already beats the bound of every tier left. The result equals
// exhaustive scoring (ties broken by id) while usually touching only the first tier. Ranking
// uses the numeric score; reasons and names are built for the k returned rows only.
//
// Skills are compared in SQL as stored: every write path stores them normalised
// (profiles.ts cleanSkills, the generator), the same normalisation the score applies.
//
// Open vacancies are public job adverts (the public portal shows them), so a seeker's matches
// range over the whole province — neighbouring counties are part of the score. Seekers are
// people: a vacancy's matches list only seekers inside the caller's scope.
import { and, eq, gte, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { neighbours } from '../../platform/regions/tree';
import { scopeWhere, systemScope } from '../../platform/scope';
import { employers, persons } from '../registry';
import { chinaToday } from './codes';
import type { Ctx } from './context';
import { majorOf, mediumOf, nameOfOccupation, occupationNames } from './occupations';
import { FACTOR_CAPS, normaliseSkill, scoreBound, scoreMatch, scoreValue, seekerFeatures, vacancyFeatures, type Geo, type MatchScore, type SeekerFeatures, type VacancyFeatures } from './scoring';
import { jobSeekers, jobVacancies } from './schema';

export function geoOf(platform: Platform): Geo {
  const ix = platform.regions.index;
  return {
    isWithin: (c, a) => ix.isWithin(c, a),
    countyOf: (c) => ix.countyOf(c),
    planUnitOf: (c) => ix.planUnitOf(c),
    neighbours: (u) => neighbours(u),
    name: (c) => platform.regions.name(c),
  };
}

/** Plan units the areas touch: their own, or all units below a city or the province. */
export function ownUnits(platform: Platform, areas: readonly string[]): string[] {
  const ix = platform.regions.index;
  const units = new Set<string>();
  for (const a of areas) {
    const own = ix.planUnitOf(a);
    const mine = own ? [own] : ix.descendants(a, { includeSelf: true, currentOnly: true }).map((r) => ix.planUnitOf(r.code)).filter((u): u is string => !!u);
    for (const u of mine) units.add(u);
  }
  return [...units].sort();
}

/** Plan units an area touches (itself, or all units below a city/province) plus their neighbours. */
export function areaUnits(platform: Platform, areas: readonly string[]): string[] {
  const units = new Set<string>();
  for (const u of ownUnits(platform, areas)) {
    units.add(u);
    for (const n of neighbours(u)) units.add(n);
  }
  return [...units].sort();
}

export function derivedSeekerColumns(platform: Platform, desiredOccupations: readonly string[], desiredRegions: readonly string[], homeRegion: string) {
  return {
    desiredMediums: [...new Set(desiredOccupations.filter((c) => c.includes('-')).map(mediumOf))].sort(),
    desiredMajors: [...new Set(desiredOccupations.map(majorOf))].sort(),
    areaUnits: areaUnits(platform, desiredRegions.length ? desiredRegions : [homeRegion]),
  };
}

// ---- the tiered top-k ------------------------------------------------------------------

export type Candidate<T> = { id: number; row: T };
export type Tier<T> = { name: string; fetch(): Promise<Candidate<T>[]>; /** best score anything in later tiers can reach */ boundAfter: number };
export type Ranked<T> = Candidate<T> & { score: number };

const byRank = <T>(a: Ranked<T>, b: Ranked<T>) => b.score - a.score || a.id - b.id;

/**
 * Exact top-k over tiers that partition the pool, stopping as soon as later tiers cannot enter
 * it. While fewer than k rows have been found, the next tiers are fetched together (2, then 4,
 * …, concurrently): a sparse pool then costs a few round trips, not one per tier.
 */
export async function tieredTopK<T>(k: number, tiers: Tier<T>[], score: (row: T) => number): Promise<{ items: Ranked<T>[]; scanned: number; tiersUsed: string[] }> {
  let ranked: Ranked<T>[] = [];
  let scanned = 0;
  const used: string[] = [];
  let batch = 1;
  for (let i = 0; i < tiers.length; ) {
    const group = tiers.slice(i, i + batch);
    i += group.length;
    used.push(...group.map((t) => t.name));
    for (const rows of await Promise.all(group.map((t) => t.fetch()))) {
      scanned += rows.length;
      for (const c of rows) ranked.push({ ...c, score: score(c.row) });
    }
    ranked.sort(byRank);
    ranked = ranked.slice(0, k);
    if (ranked.length >= k && ranked[k - 1].score > group[group.length - 1].boundAfter) break;
    if (ranked.length < k) batch *= 2;
  }
  return { items: ranked, scanned, tiersUsed: used };
}

/** One way of splitting the pool: options that partition it, each with the cap of its factor (FACTOR_CAPS). */
type Split = { name: string; where: SQL | undefined; cap: number }[];

/** Every combination of the splits' options as a tier, best bound first; `boundAfter` is the best bound of the tiers after it. */
export function tiersOf<T>(splits: { occupation: Split; location: Split; skills: Split }, fetch: (where: SQL | undefined) => Promise<Candidate<T>[]>, opts: { firstTwoTogether?: boolean } = {}): Tier<T>[] {
  const combos: { name: string; where: SQL | undefined; bound: number }[] = [];
  for (const o of splits.occupation)
    for (const l of splits.location)
      for (const k of splits.skills) combos.push({ name: `${o.name}/${l.name}/${k.name}`, where: and(o.where, l.where, k.where), bound: scoreBound({ occupation: o.cap, location: l.cap, skills: k.cap }) });
  combos.sort((a, b) => b.bound - a.bound);
  // The best two in one query where the second is small (a seeker's own and neighbouring units):
  // the first alone rarely fills the top k, and a round trip costs more than the extra rows.
  if (opts.firstTwoTogether && combos.length > 2) combos.splice(0, 2, { name: `${combos[0].name}+${combos[1].name}`, where: or(combos[0].where, combos[1].where), bound: combos[0].bound });
  return combos.map((c, i) => ({ name: c.name, fetch: () => fetch(c.where), boundAfter: combos[i + 1]?.bound ?? -Infinity }));
}

const textArray = (xs: readonly string[]) => sql`array[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]`;
const overlaps = (col: AnyPgColumn, xs: readonly string[]) => (xs.length ? sql`${col} && ${textArray(xs)}` : sql`false`);
const not = (x: SQL) => sql`not (${x})`;

// ---- pools ---------------------------------------------------------------------------

export type VacancyRow = VacancyFeatures & { id: number; title: string; employerId: number; employerName: string; planUnit: string; occMedium: string; occMajor: string; headcount: number; filled: number; expiresOn: string };

function vacancyPoolQuery(db: Db, where: SQL) {
  const v = jobVacancies;
  return db
    .select({
      id: v.id,
      title: v.title,
      employerId: v.employerId,
      employerName: employers.name,
      occupationCode: v.occupationCode,
      occMedium: v.occMedium,
      occMajor: v.occMajor,
      skills: v.skills,
      regionCode: v.regionCode,
      planUnit: v.planUnit,
      salaryMin: v.salaryMin,
      salaryMax: v.salaryMax,
      education: v.education,
      headcount: v.headcount,
      filled: v.filled,
      expiresOn: v.expiresOn,
    })
    .from(v)
    .innerJoin(employers, eq(employers.id, v.employerId))
    .where(where);
}

/** What the score reads of a vacancy: no join, nothing else. */
function vacancyCandidates(db: Db, where: SQL) {
  const v = jobVacancies;
  return db.select({ id: v.id, occupationCode: v.occupationCode, skills: v.skills, regionCode: v.regionCode, salaryMin: v.salaryMin, salaryMax: v.salaryMax, education: v.education }).from(v).where(where);
}

/** Open, unexpired vacancies: public adverts, read as system work. */
const openVacancy = (today: string) => and(eq(jobVacancies.status, 'open'), gte(jobVacancies.expiresOn, today), systemScope())!;

export type SeekerRow = SeekerFeatures & { id: number; personId: number; name: string; idMasked: string; regionCode: string; desiredMediums: string[]; desiredMajors: string[]; areaUnits: string[]; availableFrom: string | null; status: 'active' | 'paused' | 'closed' };

function seekerPoolQuery(db: Db, where: SQL) {
  const s = jobSeekers;
  // Only scored fields and what a caseworker needs to identify the person: never gender, birth date, hukou, flags.
  return db
    .select({
      id: s.id,
      personId: s.personId,
      name: persons.name,
      idMasked: persons.idMasked,
      regionCode: s.regionCode,
      desiredOccupations: s.desiredOccupations,
      desiredMediums: s.desiredMediums,
      desiredMajors: s.desiredMajors,
      areaUnits: s.areaUnits,
      skills: s.skills,
      desiredRegions: s.desiredRegions,
      salaryMin: s.salaryMin,
      education: s.education,
      availableFrom: s.availableFrom,
      status: s.status,
    })
    .from(s)
    .innerJoin(persons, eq(persons.id, s.personId))
    .where(where);
}

const toSeekerRow = (r: Awaited<ReturnType<typeof seekerPoolQuery>>[number]): SeekerRow => ({ ...r, homeRegion: r.regionCode });

/** What the score reads of a seeker: no join to persons, nothing else. */
function seekerCandidates(db: Db, where: SQL) {
  const s = jobSeekers;
  return db.select({ id: s.id, desiredOccupations: s.desiredOccupations, skills: s.skills, desiredRegions: s.desiredRegions, homeRegion: s.regionCode, salaryMin: s.salaryMin, education: s.education }).from(s).where(where);
}

export function vacancyTiers(platform: Platform, seeker: Pick<SeekerRow, 'desiredMediums' | 'desiredMajors' | 'desiredRegions' | 'homeRegion' | 'skills'>, today: string): Tier<VacancyFeatures>[] {
  const v = jobVacancies;
  const open = openVacancy(today);
  const M = seeker.desiredMediums;
  const J = seeker.desiredMajors;
  const own = ownUnits(platform, seeker.desiredRegions.length ? seeker.desiredRegions : [seeker.homeRegion]);
  const near = [...new Set(own.flatMap((u) => neighbours(u)))].filter((u) => !own.includes(u));
  const S = [...new Set(seeker.skills.map(normaliseSkill))];
  const C = FACTOR_CAPS;
  const occupation: Split = [
    ...(M.length ? [{ name: 'medium', where: inArray(v.occMedium, M), cap: C.occupation.medium }] : []),
    ...(J.length ? [{ name: 'major', where: and(inArray(v.occMajor, J), M.length ? notInArray(v.occMedium, M) : undefined), cap: C.occupation.major }] : []),
    { name: 'other', where: J.length ? notInArray(v.occMajor, J) : undefined, cap: C.occupation.none },
  ];
  const location: Split = [
    ...(own.length ? [{ name: 'area', where: inArray(v.planUnit, own), cap: C.location.own }] : []),
    ...(near.length ? [{ name: 'near', where: inArray(v.planUnit, near), cap: C.location.neighbour }] : []),
    { name: 'far', where: own.length + near.length ? notInArray(v.planUnit, [...own, ...near]) : undefined, cap: C.location.outside },
  ];
  const listsNone = sql`cardinality(${v.skills}) = 0`;
  const skills: Split = [
    { name: 'skills', where: sql`(${listsNone} or ${overlaps(v.skills, S)})`, cap: C.skills.overlap },
    { name: 'noskills', where: sql`(not ${listsNone} and ${not(overlaps(v.skills, S))})`, cap: C.skills.none },
  ];
  return tiersOf({ occupation, location, skills }, async (where) => (await vacancyCandidates(platform.db, and(open, where)!)).map((r) => ({ id: r.id, row: r })), { firstTwoTogether: true });
}

export function seekerTiers(ctx: Ctx, vacancy: Pick<VacancyRow, 'occMedium' | 'occMajor' | 'planUnit' | 'skills'>): Tier<SeekerFeatures>[] {
  const s = jobSeekers;
  const base = and(eq(s.status, 'active'), scopeWhere(ctx.caller.scope, s))!;
  const has = (col: AnyPgColumn, v: string) => sql`${col} @> array[${v}]::text[]`;
  const inMedium = has(s.desiredMediums, vacancy.occMedium);
  const inMajor = has(s.desiredMajors, vacancy.occMajor);
  const inArea = has(s.areaUnits, vacancy.planUnit);
  const K = [...new Set(vacancy.skills.map(normaliseSkill))];
  const C = FACTOR_CAPS;
  const occupation: Split = [
    { name: 'medium', where: inMedium, cap: C.occupation.medium },
    { name: 'major', where: and(inMajor, not(inMedium)), cap: C.occupation.major },
    { name: 'other', where: and(not(inMajor), not(inMedium)), cap: C.occupation.none },
  ];
  // area_units holds the units of the desired areas and their neighbours: in them ≤ 1, elsewhere ≤ 0.2.
  const location: Split = [
    { name: 'area', where: inArea, cap: C.location.own },
    { name: 'far', where: not(inArea), cap: C.location.outside },
  ];
  // A vacancy listing no skills covers everyone fully: no split.
  const skills: Split = K.length
    ? [
        { name: 'skills', where: overlaps(s.skills, K), cap: C.skills.overlap },
        { name: 'noskills', where: not(overlaps(s.skills, K)), cap: C.skills.none },
      ]
    : [{ name: 'any', where: undefined, cap: C.skills.overlap }];
  return tiersOf({ occupation, location, skills }, async (where) => (await seekerCandidates(ctx.platform.db, and(base, where)!)).map((r) => ({ id: r.id, row: r })));
}

// ---- entry points ----------------------------------------------------------------------

export async function seekerRow(ctx: Ctx, seekerId: number): Promise<SeekerRow> {
  const [r] = await seekerPoolQuery(ctx.platform.db, and(eq(jobSeekers.id, seekerId), scopeWhere(ctx.caller.scope, jobSeekers))!);
  if (!r) throw new AppError('NOT_FOUND');
  return toSeekerRow(r);
}

/** A vacancy as matching sees it: open ones are public; others only within the caller's scope. */
export async function vacancyRow(ctx: Ctx, vacancyId: number, today = chinaToday()): Promise<VacancyRow> {
  const [pub] = await vacancyPoolQuery(ctx.platform.db, and(eq(jobVacancies.id, vacancyId), openVacancy(today))!);
  if (pub) return pub;
  const [own] = await vacancyPoolQuery(ctx.platform.db, and(eq(jobVacancies.id, vacancyId), scopeWhere(ctx.caller.scope, jobVacancies))!);
  if (!own) throw new AppError('NOT_FOUND');
  return own;
}

export type VacancyMatch = { vacancyId: number; title: string; employerId: number; employerName: string; occupationCode: string; occupationName: string | null; regionCode: string; regionName: string | null; salaryMin: number; salaryMax: number; expiresOn: string } & MatchScore;
export type SeekerMatch = { seekerId: number; personId: number; name: string; idNumberMasked: string; regionCode: string; regionName: string | null; availableFrom: string | null } & MatchScore;

export async function matchVacanciesForSeeker(ctx: Ctx, seekerId: number, k = 20, opts: { exhaustive?: boolean; today?: string } = {}) {
  const seeker = await seekerRow(ctx, seekerId);
  const { platform } = ctx;
  const geo = geoOf(platform);
  const features = seekerFeatures(seeker);
  const today = opts.today ?? chinaToday();
  const tiers: Tier<VacancyFeatures>[] = opts.exhaustive
    ? [{ name: 'all', fetch: async () => (await vacancyCandidates(platform.db, openVacancy(today))).map((r) => ({ id: r.id, row: r })), boundAfter: -Infinity }]
    : vacancyTiers(platform, seeker, today);
  const r = await tieredTopK(k, tiers, (v) => scoreValue(features, vacancyFeatures(v), geo));
  const names = await occupationNames(platform.db);
  const occName = (c: string) => nameOfOccupation(names, c);
  const rows = r.items.length ? new Map((await vacancyPoolQuery(platform.db, and(inArray(jobVacancies.id, r.items.map((x) => x.id)), systemScope())!)).map((v) => [v.id, v])) : new Map<number, VacancyRow>();
  const items: VacancyMatch[] = r.items.map(({ id }) => {
    const v = rows.get(id)!;
    return {
      vacancyId: v.id,
      title: v.title,
      employerId: v.employerId,
      employerName: v.employerName,
      occupationCode: v.occupationCode,
      occupationName: occName(v.occupationCode),
      regionCode: v.regionCode,
      regionName: platform.regions.name(v.regionCode),
      salaryMin: v.salaryMin,
      salaryMax: v.salaryMax,
      expiresOn: v.expiresOn,
      ...scoreMatch(features, vacancyFeatures(v), geo, occName),
    };
  });
  return { items, scanned: r.scanned, tiersUsed: r.tiersUsed };
}

export async function matchSeekersForVacancy(ctx: Ctx, vacancyId: number, k = 20, opts: { exhaustive?: boolean } = {}) {
  const vacancy = await vacancyRow(ctx, vacancyId);
  const { platform } = ctx;
  const geo = geoOf(platform);
  const vf = vacancyFeatures(vacancy);
  const tiers: Tier<SeekerFeatures>[] = opts.exhaustive
    ? [{ name: 'all', fetch: async () => (await seekerCandidates(platform.db, and(eq(jobSeekers.status, 'active'), scopeWhere(ctx.caller.scope, jobSeekers))!)).map((r) => ({ id: r.id, row: r })), boundAfter: -Infinity }]
    : seekerTiers(ctx, vacancy);
  const r = await tieredTopK(k, tiers, (s) => scoreValue(seekerFeatures(s), vf, geo));
  const names = await occupationNames(platform.db);
  const occName = (c: string) => nameOfOccupation(names, c);
  const rows = r.items.length ? new Map((await seekerPoolQuery(platform.db, and(inArray(jobSeekers.id, r.items.map((x) => x.id)), scopeWhere(ctx.caller.scope, jobSeekers))!)).map((x) => [x.id, toSeekerRow(x)])) : new Map<number, SeekerRow>();
  const items: SeekerMatch[] = r.items.map(({ id }) => {
    const s = rows.get(id)!;
    return {
      seekerId: s.id,
      personId: s.personId,
      name: s.name,
      idNumberMasked: s.idMasked,
      regionCode: s.regionCode,
      regionName: platform.regions.name(s.regionCode),
      availableFrom: s.availableFrom,
      ...scoreMatch(seekerFeatures(s), vf, geo, occName),
    };
  });
  return { items, scanned: r.scanned, tiersUsed: r.tiersUsed };
}

/** The score of one pair, with reasons (for a referral's snapshot or a detail view). */
export async function scorePair(ctx: Ctx, seekerId: number, vacancyId: number): Promise<MatchScore> {
  const [s, v] = await Promise.all([seekerRow(ctx, seekerId), vacancyRow(ctx, vacancyId)]);
  const names = await occupationNames(ctx.platform.db);
  return scoreMatch(seekerFeatures(s), vacancyFeatures(v), geoOf(ctx.platform), (c) => nameOfOccupation(names, c));
}
