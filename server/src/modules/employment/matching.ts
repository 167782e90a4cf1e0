// Two-way matching: a seeker's best vacancies and a vacancy's best seekers.
//
// Designed to be indexed: candidates come in tiers that partition the pool, each fetched by
// an index (vacancies: (status, occ_medium), (status, occ_major), (status, plan_unit);
// seekers: GIN on desired_mediums, desired_majors, area_units), then scored exactly with
// scoring.ts. After each tier we stop when the k-th best score already beats the best score
// anything in the remaining tiers could reach (TIER_BOUNDS), so the result equals exhaustive
// scoring (ties broken by id) while usually touching only the first tier.
//
// Open vacancies are public job adverts (the public portal shows them), so a seeker's matches
// range over the whole province — neighbouring counties are part of the score. Seekers are
// people: a vacancy's matches list only seekers inside the caller's scope.
import { and, eq, gte, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
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
import { scoreMatch, seekerFeatures, TIER_BOUNDS, vacancyFeatures, type Geo, type MatchScore, type SeekerFeatures, type VacancyFeatures } from './scoring';
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

/** Plan units an area touches (itself, or all units below a city/province) plus their neighbours. */
export function areaUnits(platform: Platform, areas: readonly string[]): string[] {
  const ix = platform.regions.index;
  const units = new Set<string>();
  for (const a of areas) {
    const own = ix.planUnitOf(a);
    const mine = own ? [own] : ix.descendants(a, { includeSelf: true, currentOnly: true }).map((r) => ix.planUnitOf(r.code)).filter((u): u is string => !!u);
    for (const u of mine) {
      units.add(u);
      for (const n of neighbours(u)) units.add(n);
    }
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
export type Ranked<T> = Candidate<T> & { match: MatchScore };

const byRank = <T>(a: Ranked<T>, b: Ranked<T>) => b.match.score - a.match.score || a.id - b.id;

/** Exact top-k over tiers that partition the pool, stopping as soon as later tiers cannot enter it. */
export async function tieredTopK<T>(k: number, tiers: Tier<T>[], score: (row: T) => MatchScore): Promise<{ items: Ranked<T>[]; scanned: number; tiersUsed: string[] }> {
  const ranked: Ranked<T>[] = [];
  const used: string[] = [];
  for (const tier of tiers) {
    used.push(tier.name);
    for (const c of await tier.fetch()) ranked.push({ ...c, match: score(c.row) });
    ranked.sort(byRank);
    if (ranked.length >= k && ranked[k - 1].match.score > tier.boundAfter) break;
  }
  return { items: ranked.slice(0, k), scanned: ranked.length, tiersUsed: used };
}

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

/** Open, unexpired vacancies: public adverts, read as system work. */
const openVacancy = (today: string) => and(eq(jobVacancies.status, 'open'), gte(jobVacancies.expiresOn, today), systemScope())!;

export type SeekerRow = SeekerFeatures & { id: number; personId: number; name: string; idMasked: string; regionCode: string; desiredMediums: string[]; desiredMajors: string[]; areaUnits: string[]; availableFrom: string | null };

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
    })
    .from(s)
    .innerJoin(persons, eq(persons.id, s.personId))
    .where(where);
}

const toSeekerRow = (r: Awaited<ReturnType<typeof seekerPoolQuery>>[number]): SeekerRow => ({ ...r, homeRegion: r.regionCode });

export function vacancyTiers(db: Db, seeker: Pick<SeekerRow, 'desiredMediums' | 'desiredMajors' | 'areaUnits'>, today: string): Tier<VacancyRow>[] {
  const v = jobVacancies;
  const open = openVacancy(today);
  const fetch = (cond: SQL | undefined) => async () => (await vacancyPoolQuery(db, and(open, cond)!)).map((r) => ({ id: r.id, row: r }));
  const M = seeker.desiredMediums;
  const J = seeker.desiredMajors;
  const U = seeker.areaUnits;
  return [
    { name: 'medium', fetch: fetch(inArray(v.occMedium, M)), boundAfter: TIER_BOUNDS.outsideMedium },
    { name: 'major', fetch: fetch(and(inArray(v.occMajor, J), notInArray(v.occMedium, M))), boundAfter: TIER_BOUNDS.outsideMajor },
    { name: 'area', fetch: fetch(and(inArray(v.planUnit, U), notInArray(v.occMajor, J))), boundAfter: TIER_BOUNDS.outsideArea },
    { name: 'rest', fetch: fetch(and(notInArray(v.planUnit, U), notInArray(v.occMajor, J))), boundAfter: -Infinity },
  ];
}

export function seekerTiers(ctx: Ctx, vacancy: Pick<VacancyRow, 'occMedium' | 'occMajor' | 'planUnit'>): Tier<SeekerRow>[] {
  const s = jobSeekers;
  const base = and(eq(s.status, 'active'), scopeWhere(ctx.caller.scope, s))!;
  const has = (col: AnyPgColumn, v: string) => sql`${col} @> array[${v}]::text[]`;
  const not = (x: SQL) => sql`not (${x})`;
  const fetch = (cond: SQL) => async () => (await seekerPoolQuery(ctx.platform.db, and(base, cond)!)).map((r) => ({ id: r.id, row: toSeekerRow(r) }));
  const inMedium = has(s.desiredMediums, vacancy.occMedium);
  const inMajor = has(s.desiredMajors, vacancy.occMajor);
  const inArea = has(s.areaUnits, vacancy.planUnit);
  return [
    { name: 'medium', fetch: fetch(inMedium), boundAfter: TIER_BOUNDS.outsideMedium },
    { name: 'major', fetch: fetch(and(inMajor, not(inMedium))!), boundAfter: TIER_BOUNDS.outsideMajor },
    { name: 'area', fetch: fetch(and(inArea, not(inMajor))!), boundAfter: TIER_BOUNDS.outsideArea },
    { name: 'rest', fetch: fetch(and(not(inArea), not(inMajor))!), boundAfter: -Infinity },
  ];
}

// ---- entry points ----------------------------------------------------------------------

export async function seekerRow(ctx: Ctx, seekerId: number): Promise<SeekerRow & { status: string }> {
  const [r] = await seekerPoolQuery(ctx.platform.db, and(eq(jobSeekers.id, seekerId), scopeWhere(ctx.caller.scope, jobSeekers))!);
  if (!r) throw new AppError('NOT_FOUND');
  const [st] = await ctx.platform.db.select({ status: jobSeekers.status }).from(jobSeekers).where(and(eq(jobSeekers.id, seekerId), scopeWhere(ctx.caller.scope, jobSeekers)));
  return { ...toSeekerRow(r), status: st.status };
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
  const names = await occupationNames(platform.db);
  const occName = (c: string) => nameOfOccupation(names, c);
  const features = seekerFeatures(seeker);
  const today = opts.today ?? chinaToday();
  const tiers: Tier<VacancyRow>[] = opts.exhaustive
    ? [{ name: 'all', fetch: async () => (await vacancyPoolQuery(platform.db, openVacancy(today))).map((r) => ({ id: r.id, row: r })), boundAfter: -Infinity }]
    : vacancyTiers(platform.db, seeker, today);
  const r = await tieredTopK(k, tiers, (v) => scoreMatch(features, vacancyFeatures(v), geo, occName));
  const items: VacancyMatch[] = r.items.map(({ row: v, match }) => ({
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
    ...match,
  }));
  return { items, scanned: r.scanned, tiersUsed: r.tiersUsed };
}

export async function matchSeekersForVacancy(ctx: Ctx, vacancyId: number, k = 20, opts: { exhaustive?: boolean } = {}) {
  const vacancy = await vacancyRow(ctx, vacancyId);
  const { platform } = ctx;
  const geo = geoOf(platform);
  const names = await occupationNames(platform.db);
  const occName = (c: string) => nameOfOccupation(names, c);
  const vf = vacancyFeatures(vacancy);
  const tiers: Tier<SeekerRow>[] = opts.exhaustive
    ? [{ name: 'all', fetch: async () => (await seekerPoolQuery(platform.db, and(eq(jobSeekers.status, 'active'), scopeWhere(ctx.caller.scope, jobSeekers))!)).map((r) => ({ id: r.id, row: toSeekerRow(r) })), boundAfter: -Infinity }]
    : seekerTiers(ctx, vacancy);
  const r = await tieredTopK(k, tiers, (s) => scoreMatch(seekerFeatures(s), vf, geo, occName));
  const items: SeekerMatch[] = r.items.map(({ row: s, match }) => ({
    seekerId: s.id,
    personId: s.personId,
    name: s.name,
    idNumberMasked: s.idMasked,
    regionCode: s.regionCode,
    regionName: platform.regions.name(s.regionCode),
    availableFrom: s.availableFrom,
    ...match,
  }));
  return { items, scanned: r.scanned, tiersUsed: r.tiersUsed };
}

/** The score of one pair, with reasons (for a referral's snapshot or a detail view). */
export async function scorePair(ctx: Ctx, seekerId: number, vacancyId: number): Promise<MatchScore> {
  const [s, v] = await Promise.all([seekerRow(ctx, seekerId), vacancyRow(ctx, vacancyId)]);
  const names = await occupationNames(ctx.platform.db);
  return scoreMatch(seekerFeatures(s), vacancyFeatures(v), geoOf(ctx.platform), (c) => nameOfOccupation(names, c));
}
