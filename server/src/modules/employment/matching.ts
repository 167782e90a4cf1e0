// Two-way matching: a seeker's best vacancies and a vacancy's best seekers.
//
// Designed to be indexed, and to return exactly what exhaustive scoring returns:
//
// 1. The pool is split into tiers by what an index can see — occupation (in a desired medium
//    group / in a desired major group only / neither), place (the workplace inside a desired
//    area / in the same county / the same city / a neighbouring unit / elsewhere) and skills
//    (all / some / none of the vacancy's) — each with the best score its rows can reach
//    (scoring.ts, FACTOR_CAPS and scoreBound).
// 2. Tiers are read best bound first, several in one query when the first ones are sparse. The
//    query scores its rows in SQL with the same arithmetic as scoring.ts (`scoreSql…` below:
//    the same IEEE double operations in the same order, Math.round emulated exactly) and
//    returns only its k best (ORDER BY score DESC, id LIMIT k), with the columns the answer
//    shows. Places are compared through lists computed here with scoring.ts's own locationTier
//    over every region code, so the SQL never re-implements the region tree.
// 3. The k returned rows are scored again in JS (scoreValue, the ranking number) and the SQL
//    score must agree (a disagreement is logged and the JS score wins); we stop when the k-th
//    best score beats the bound of every tier left. Ties are broken by id, as exhaustive
//    scoring breaks them.
//
// Seekers carry a derived GIN-indexed `match_keys`: `m:<medium>@<area>` for each desired
// medium group and work area, `j:<major>@<area>` likewise for major groups, and
// `k:<medium>@<skill>` for each desired medium group and skill, so a vacancy's tiers are one GIN
// lookup each (no BitmapAnd over the large posting lists of a popular medium group or skill). Vacancies are read through a btree on
// (status, occ_medium, region_code).
//
// Skills are compared in SQL as stored: every write path stores them normalised
// (profiles.ts cleanSkills, the generator, `normaliseStoredSkills` for rows written before),
// the same normalisation the score applies.
//
// Open vacancies are public job adverts (the public portal shows them), so a seeker's matches
// range over the whole province — neighbouring counties are part of the score. Seekers are
// people: a vacancy's matches list only seekers inside the caller's scope.
import { and, eq, gte, inArray, sql, SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database, Db } from '../../platform/db';
import { compileSql } from '../../platform/db/compile';
import { AppError } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { neighbours } from '../../platform/regions/tree';
import { scopeWhere, systemScope } from '../../platform/scope';
import { assertScoped } from '../../platform/scope/guard';
import { employers, persons } from '../registry';
import { chinaToday, educationCodes } from './codes';
import type { Ctx } from './context';
import { majorOf, mediumOf, nameOfOccupation, occupationNames } from './occupations';
import { CLOSENESS, educationFit, FACTOR_CAPS, LOCATION_VALUE, locationFit, locationTier, normaliseSkill, scoreBound, scoreMatch, scoreValue, seekerFeatures, vacancyFeatures, WEIGHTS, type Geo, type LocationTier, type MatchScore, type SeekerFeatures, type VacancyFeatures } from './scoring';
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

// ---- derived seeker columns -------------------------------------------------------------

/** A seeker's work areas as the score sees them: the desired regions, else the home region. */
export const areasOf = (desiredRegions: readonly string[], homeRegion: string): string[] => [...new Set(desiredRegions.length ? desiredRegions : [homeRegion])];

/** Normalised, distinct, non-empty: the skills as the score compares them. */
export const skillSet = (skills: readonly string[]): string[] => [...new Set(skills.map(normaliseSkill).filter(Boolean))];

/**
 * `m:<medium>@<area>` for each desired medium group × work area, `j:<major>@<area>` for each
 * desired major group × work area, `k:<medium>@<skill>` for each desired medium group × skill.
 */
export function matchKeys(desiredOccupations: readonly string[], desiredRegions: readonly string[], homeRegion: string, skills: readonly string[]): string[] {
  const mediums = [...new Set(desiredOccupations.filter((c) => c.includes('-')).map(mediumOf))];
  const majors = [...new Set(desiredOccupations.map(majorOf))];
  const areas = areasOf(desiredRegions, homeRegion);
  const keys = new Set<string>();
  for (const m of mediums) {
    for (const a of areas) keys.add(`m:${m}@${a}`);
    for (const k of skillSet(skills)) keys.add(`k:${m}@${k}`);
  }
  for (const j of majors) for (const a of areas) keys.add(`j:${j}@${a}`);
  return [...keys].sort();
}

/** The columns candidate generation reads, derived from the profile (every write path stores them). */
export function derivedSeekerColumns(desiredOccupations: readonly string[], desiredRegions: readonly string[], homeRegion: string, skills: readonly string[]) {
  return {
    desiredMediums: [...new Set(desiredOccupations.filter((c) => c.includes('-')).map(mediumOf))].sort(),
    desiredMajors: [...new Set(desiredOccupations.map(majorOf))].sort(),
    matchKeys: matchKeys(desiredOccupations, desiredRegions, homeRegion, skills),
  };
}

// ---- places: region codes by the location factor they give ---------------------------------

/** Region codes by location tier; the tiers below 'neighbour' are left to the same-province rule. */
export type Places = Record<'inside' | 'county' | 'city' | 'neighbour', string[]>;
const LISTED = ['inside', 'county', 'city', 'neighbour'] as const;

const codesCache = new WeakMap<Platform, string[]>();
const allCodes = (platform: Platform): string[] => {
  let c = codesCache.get(platform);
  if (!c) codesCache.set(platform, (c = platform.regions.index.all().map((r) => r.code)));
  return c;
};

function placesBy(codes: readonly string[], tierOf: (code: string) => LocationTier): Places {
  const out: Places = { inside: [], county: [], city: [], neighbour: [] };
  for (const c of codes) {
    const t = tierOf(c);
    if (t !== 'province' && t !== 'none') out[t].push(c);
  }
  return out;
}

const placeCache = new WeakMap<Platform, Map<string, Places>>();
function cachedPlaces(platform: Platform, key: string, make: () => Places): Places {
  let m = placeCache.get(platform);
  if (!m) placeCache.set(platform, (m = new Map()));
  let p = m.get(key);
  if (!p) {
    if (m.size >= 5_000) m.clear();
    m.set(key, (p = make()));
  }
  return p;
}

/** Seeker side: every region code a vacancy may sit in, by the tier it gives this seeker (scoring.ts locationFit). */
export function placesForSeeker(platform: Platform, s: Pick<SeekerFeatures, 'desiredRegions' | 'homeRegion'>): Places {
  const areas = areasOf(s.desiredRegions, s.homeRegion);
  const geo = geoOf(platform);
  return cachedPlaces(platform, `s:${areas.join(',')}`, () => placesBy(allCodes(platform), (r) => locationFit(geo, { desiredRegions: areas, homeRegion: areas[0] }, r).tier));
}

/** Vacancy side: every region code a seeker's area may be, by the tier it gives this workplace (scoring.ts locationTier). */
export function placesForVacancy(platform: Platform, regionCode: string): Places {
  const geo = geoOf(platform);
  return cachedPlaces(platform, `v:${regionCode}`, () => placesBy(allCodes(platform), (a) => locationTier(geo, a, regionCode)));
}

// ---- the score in SQL ----------------------------------------------------------------------
//
// The same arithmetic as scoring.ts, in IEEE doubles (float8) in the same order:
// 100 × ((((0.35·occ + 0.25·skills) + 0.20·location) + 0.12·salary) + 0.08·education), rounded
// to hundredths with Math.round's rule (ceil, minus one when ceil − 0.5 > x: half up, exact).
// Each factor takes the values scoring.ts gives it, from lists scoring.ts's own functions
// computed (places, education levels), so the tree and tables are never re-implemented here.

/** A PostgreSQL array literal (every element quoted), passed as one parameter. */
const pgArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
const arr = (xs: readonly string[]) => sql`${pgArray(xs)}::text[]`;
const f8 = (x: number) => sql.raw(`${x}::float8`);
/**
 * The same array, known to the planner only when the query runs (an uncorrelated subquery): it
 * then does not estimate a tier's list element by element — 7.5 ms of planning for a
 * neighbouring city's hundred codes, more than the query — and the index reads it all the same.
 */
const runtime = (xs: readonly string[]) => sql`array(select unnest(${arr(xs)}))`;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const W = WEIGHTS;

function weighted(occ: SQL, skills: SQL, loc: SQL, salary: SQL, edu: SQL): SQL {
  return sql`${f8(100)} * (((((${f8(W.occupation)} * (${occ})) + ${f8(W.skills)} * (${skills})) + ${f8(W.location)} * (${loc})) + ${f8(W.salary)} * (${salary})) + ${f8(W.education)} * (${edu}))`;
}
/** round2 of a float8 column `raw`, as Math.round(raw × 100) / 100. */
const ROUNDED = sql.raw(`(ceil(raw * 100::float8) - case when ceil(raw * 100::float8) - 0.5::float8 > raw * 100::float8 then 1 else 0 end) / 100::float8`);

const segs = (c: string) => c.split('-');
const educationCase = (col: AnyPgColumn, fit: (e: (typeof educationCodes)[number]) => number) => {
  const one = educationCodes.filter((e) => fit(e) === 1);
  const half = educationCodes.filter((e) => fit(e) === 0.5);
  return sql`case when ${col} = any(${arr(one)}) then ${f8(1)} when ${col} = any(${arr(half)}) then ${f8(0.5)} else ${f8(0)} end`;
};
const placeCase = (has: (codes: string[]) => SQL, places: Places, sameProvince: SQL) =>
  sql`case ${sql.join(
    LISTED.map((t) => sql`when ${has(places[t])} then ${f8(LOCATION_VALUE[t])}`),
    sql` `,
  )} when ${sameProvince} then ${f8(LOCATION_VALUE.province)} else ${f8(0)} end`;

/** The score of each open vacancy (columns of employment_vacancies) for this seeker. */
export function scoreSqlForSeeker(s: SeekerFeatures, places: Places): SQL {
  const v = jobVacancies;
  const D = [...new Set(s.desiredOccupations)];
  const level = (n: number) => [...new Set(D.filter((d) => segs(d).length >= n).map((d) => segs(d).slice(0, n).join('-')))];
  // Vacancy codes are N-NN-NN-NN (occupations.ts CODE_RE): left(code, 7) is its minor group.
  const occ = sql`case when ${v.occupationCode} = any(${arr(D)}) then ${f8(1)} when left(${v.occupationCode}, 7) = any(${arr(level(3))}) then ${f8(CLOSENESS[3])} when ${v.occMedium} = any(${arr(level(2))}) then ${f8(CLOSENESS[2])} when ${v.occMajor} = any(${arr(level(1))}) then ${f8(CLOSENESS[1])} else ${f8(0)} end`;
  const S = skillSet(s.skills);
  const have = S.length ? sql.join(S.map((k) => sql`(${v.skills} @> array[${k}]::text[])::int`), sql` + `) : sql`0`;
  const skills = sql`case when cardinality(${v.skills}) = 0 then ${f8(1)} else (${have})::float8 / cardinality(${v.skills}) end`;
  const prefixes = [...new Set(areasOf(s.desiredRegions, s.homeRegion).map((a) => a.slice(0, 2)))];
  const loc = placeCase((codes) => sql`${v.regionCode} = any(${arr(codes)})`, places, sql`left(${v.regionCode}, 2) = any(${arr(prefixes)})`);
  const E = s.salaryMin;
  const salary = E === null || E <= 0 ? f8(1) : sql`case when ${v.salaryMax} >= ${E}::bigint then ${f8(1)} else greatest(${f8(0)}, ${f8(1)} - (${E}::bigint - ${v.salaryMax})::float8 / (${f8(0.5)} * ${E}::bigint)) end`;
  const edu = educationCase(v.education, (need) => educationFit(s.education, need));
  return weighted(occ, skills, loc, salary, edu);
}

const seekerAreas = () => sql`(case when cardinality(${jobSeekers.desiredRegions}) > 0 then ${jobSeekers.desiredRegions} else array[${jobSeekers.regionCode}] end)`;

/** The score of each seeker (columns of employment_seekers) for this vacancy. */
export function scoreSqlForVacancy(vac: VacancyFeatures, places: Places): SQL {
  const s = jobSeekers;
  const c = vac.occupationCode;
  const p = segs(c);
  const desiredList = sql`(',' || array_to_string(${s.desiredOccupations}, ',') || ',')`;
  const minor = p.length >= 3 ? likeEscape(p.slice(0, 3).join('-')) : null;
  const occ = sql`case when ${s.desiredOccupations} @> array[${c}]::text[] then ${f8(1)} ${minor ? sql`when ${desiredList} like ${`%,${minor},%`} or ${desiredList} like ${`%,${minor}-%`} then ${f8(CLOSENESS[3])} ` : sql``}when ${s.desiredMediums} @> array[${p.slice(0, 2).join('-')}]::text[] then ${f8(CLOSENESS[2])} when ${s.desiredMajors} @> array[${p[0]}]::text[] then ${f8(CLOSENESS[1])} else ${f8(0)} end`;
  const K = skillSet(vac.skills);
  const skills = K.length ? sql`(${sql.join(K.map((k) => sql`(${s.skills} @> array[${k}]::text[])::int`), sql` + `)})::float8 / ${K.length}::float8` : f8(1);
  const areas = seekerAreas();
  const loc = placeCase((codes) => sql`${areas} && ${arr(codes)}`, places, sql`(',' || array_to_string(${areas}, ',')) like ${`%,${likeEscape(vac.regionCode.slice(0, 2))}%`}`);
  const max = vac.salaryMax;
  const salary = sql`case when ${s.salaryMin} is null or ${s.salaryMin} <= 0 or ${max}::bigint >= ${s.salaryMin} then ${f8(1)} else greatest(${f8(0)}, ${f8(1)} - (${s.salaryMin}::bigint - ${max}::bigint)::float8 / (${f8(0.5)} * ${s.salaryMin})) end`;
  const edu = educationCase(s.education, (have) => educationFit(have, vac.education));
  return weighted(occ, skills, loc, salary, edu);
}

// ---- the tiered top-k ------------------------------------------------------------------

/**
 * `heavy`: its rows are found by a whole group (or by no index at all), so its query may be costed
 * high; `rare`: it needs a seeker to hold two or more given skills (a GIN lookup), so it holds
 * few rows wherever it is.
 */
export type Tier = { name: string; where: SQL | undefined; bound: number; heavy?: boolean; rare?: boolean };
export type Ranked<T> = { id: number; row: T; score: number };
/** One query over the union of some tiers: its k best by the SQL score, and how many rows it scored. */
export type TierFetch<T> = (wheres: (SQL | undefined)[], k: number, heavy: boolean) => Promise<{ rows: { id: number; row: T; sqlScore: number }[]; scored: number }>;

const byRank = <T>(a: Ranked<T>, b: Ranked<T>) => b.score - a.score || a.id - b.id;

/**
 * Exact top-k over tiers that partition the pool (best bound first), stopping as soon as the
 * tiers left cannot enter it. Each query reads a batch of tiers (the first `first` together) and
 * returns its k best; while the batches are sparse (few rows scored) the next batch triples, so
 * a sparse pool costs a few round trips, not one per tier (at most eight arms a query: planning
 * grows with them); after a dense one it is one tier. The ranking number is scoring.ts's (JS); the SQL score
 * only chooses the rows, and must equal it.
 */
export async function tieredTopK<T>(k: number, tiers: Tier[], fetch: TierFetch<T>, score: (row: T) => number, onMismatch: (id: number, sqlScore: number, score: number) => void = () => {}, first = 1): Promise<{ items: Ranked<T>[]; scanned: number; tiersUsed: string[]; queries: number }> {
  let ranked: Ranked<T>[] = [];
  let scanned = 0;
  let queries = 0;
  const used: string[] = [];
  let batch = Math.max(1, first);
  // Where some tiers are rare, a batch takes at most one tier that is not: the rare ones are
  // nearly free to add, a common one is a whole place's seekers.
  const rareOnes = tiers.some((t) => t.rare);
  for (let i = 0; i < tiers.length; ) {
    const group: Tier[] = [];
    while (i < tiers.length && group.length < batch) {
      const t = tiers[i];
      if (rareOnes && !t.rare && group.some((g) => !g.rare)) break;
      // Nor are heavy and light tiers mixed: a light batch stays cheap, and runs without a transaction.
      if (group.length && !!t.heavy !== !!group[0].heavy) break;
      group.push(t);
      i++;
    }
    used.push(group.length > 1 ? `${group[0].name}…${group[group.length - 1].name}` : group[0].name);
    const r = await fetch(group.map((t) => t.where), k, group.some((t) => t.heavy));
    queries++;
    scanned += r.scored;
    for (const x of r.rows) {
      const js = score(x.row);
      if (js !== x.sqlScore) onMismatch(x.id, x.sqlScore, js);
      ranked.push({ id: x.id, row: x.row, score: js });
    }
    ranked.sort(byRank);
    ranked = ranked.slice(0, k);
    const boundAfter = tiers[i]?.bound ?? -Infinity;
    if (ranked.length >= k && ranked[k - 1].score > boundAfter) break;
    batch = r.scored < 300 ? Math.min(batch * 3, 8) : 1;
  }
  return { items: ranked, scanned, tiersUsed: used, queries };
}

/** One way of splitting the pool: options that partition it, each with the cap of its factor (FACTOR_CAPS). */
type Split = { name: string; where: SQL | undefined; cap: number; rare?: boolean }[];

/** Every combination of the three splits as a tier, best bound first (stable: occupation, place, skills). */
export function tiersOf(occupation: Split, location: (occupation: string) => Split, skills: (occupation: string) => Split): Tier[] {
  const out: Tier[] = [];
  for (const o of occupation)
    for (const l of location(o.name))
      for (const s of skills(o.name)) {
        const where = [o.where, l.where, s.where].filter((w): w is SQL => !!w);
        // + 0.01: a row's rounded score may round up where the bound, summed in another order, rounds down.
        out.push({ name: `${o.name}/${l.name}/${s.name}`, where: where.length ? and(...where) : undefined, bound: scoreBound({ occupation: o.cap, location: l.cap, skills: s.cap }) + 0.01, heavy: !s.rare && (o.name === 'other' || l.name === 'far'), rare: !!s.rare });
      }
  return out.sort((a, b) => b.bound - a.bound);
}

const not = (x: SQL) => sql`not (${x})`;
/** Every c-element subset of xs (xs is small: at most four skills). */
const subsets = <X>(xs: readonly X[], c: number): X[][] => (c === 0 ? [[]] : xs.flatMap((x, i) => subsets(xs.slice(i + 1), c - 1).map((rest) => [x, ...rest])));
const C = FACTOR_CAPS;

/** Place options: inside / same county / same city / neighbouring unit (each listed), elsewhere. */
function placeSplit(places: Places, has: (codes: string[]) => SQL, anywhere: SQL | undefined): Split {
  const out: Split = [];
  const before: SQL[] = [];
  for (const t of LISTED) {
    if (!places[t].length) continue;
    const here = has(places[t]);
    out.push({ name: t, where: and(here, ...before.map(not)), cap: C.location[t] });
    before.push(here);
  }
  out.push({ name: 'far', where: and(anywhere, ...before.map(not)), cap: C.location.outside });
  return out;
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

/** What the score reads of a vacancy: no join, nothing else (exhaustive scoring). */
function vacancyCandidates(db: Db, where: SQL) {
  const v = jobVacancies;
  return db.select({ id: v.id, occupationCode: v.occupationCode, skills: v.skills, regionCode: v.regionCode, salaryMin: v.salaryMin, salaryMax: v.salaryMax, education: v.education }).from(v).where(where);
}

/** Open, unexpired vacancies: public adverts, read as system work. */
const openVacancy = (today: string) => and(eq(jobVacancies.status, 'open'), gte(jobVacancies.expiresOn, today), systemScope())!;

export type SeekerRow = SeekerFeatures & { id: number; personId: number; name: string; idMasked: string; regionCode: string; desiredMediums: string[]; desiredMajors: string[]; availableFrom: string | null; status: 'active' | 'paused' | 'closed' };

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

/** What the score reads of a seeker: no join to persons, nothing else (exhaustive scoring). */
function seekerCandidates(db: Db, where: SQL) {
  const s = jobSeekers;
  return db.select({ id: s.id, desiredOccupations: s.desiredOccupations, skills: s.skills, desiredRegions: s.desiredRegions, homeRegion: s.regionCode, salaryMin: s.salaryMin, education: s.education }).from(s).where(where);
}

/**
 * The k best rows by the SQL score over a union of tiers, and how many rows it scored. Each tier
 * is its own arm of a UNION ALL (planned alone, so each uses its index; one OR over all of them
 * ends in a sequential scan) reading the scored columns; the union is named after the table, so
 * the score expression (written against the table's columns) is planned once, over it, and
 * evaluated once per row (OFFSET 0 keeps it from being merged into the outer query, which would
 * repeat it).
 *
 * `base` goes into each arm, except with `once`: then it filters their union (OFFSET 0: not
 * pushed back into the arms). A vacancy's light batches of several arms take the caller's scope
 * so: their arms are GIN lookups by group, place or skill keys, where the scope is only a filter
 * on the rows read anyway, and the planner estimates a scope's list code by code in every arm it
 * sits in (a province's 305 codes in eight arms: 13–40 ms of planning for 3–15 ms of execution).
 * A heavy batch keeps it in its arm (a county's scope lets the planner read its rows by region),
 * and so does a seeker's side (the vacancies' index leads with status).
 */
const topCte = (table: string, columns: string[], baseColumns: string[], raw: SQL, base: SQL, wheres: (SQL | undefined)[], k: number, once: boolean) => {
  const T = sql.raw(`"${table}"`);
  const cols = sql.raw(['id', ...columns, ...(once ? baseColumns : [])].map((c) => `"${table}"."${c}"`).join(', '));
  const arms = sql.join(
    wheres.map((w) => sql`select ${cols} from ${T} where ${once ? (w ?? sql`true`) : w ? and(base, w) : base}`),
    sql` union all `,
  );
  const pool = once ? sql`(select * from (${arms}) ${T} offset 0) ${T} where ${base}` : sql`(${arms}) ${T}`;
  return sql`with top as (
    select id, ${ROUNDED} as score, (count(*) over ())::int as scored
    from (select ${sql.raw(`"${table}"."id"`)} as id, ${raw} as raw from ${pool} offset 0) scored_rows
    order by score desc, id limit ${k}
  )`;
};
/**
 * current_schema() is parallel-unsafe, so a query that names it is never planned with workers:
 * starting them costs more than these queries (milliseconds, far more on a busy machine).
 */
const NO_WORKERS = sql.raw('current_schema() as no_workers');
const VACANCY_SCORED = ['occupation_code', 'occ_medium', 'occ_major', 'skills', 'region_code', 'salary_max', 'education'];
const SEEKER_SCORED = ['desired_occupations', 'desired_mediums', 'desired_majors', 'skills', 'desired_regions', 'region_code', 'salary_min', 'education'];
/** What a seeker's `base` reads besides the scored columns (active, in the caller's scope, own rows for a "self" scope). */
const SEEKER_BASE = ['status', 'created_by'];

export { compileSql };

/**
 * Runs a tier query (or the seeker read) as compiled text (the scope guard checks it as it checks drizzle's). A heavy
 * batch (a rare group read to its end) runs in a transaction without JIT compilation: it is
 * costed high enough to trigger it, and compiling costs far more than the query (seconds were
 * seen). The others run as they are (three round trips fewer): they are costed far below JIT.
 */
async function runCompiled<R>(database: Database, query: SQL, heavy: boolean): Promise<R[]> {
  const { text, params } = compileSql(query);
  assertScoped(text);
  // PGlite has neither JIT nor workers.
  if (!heavy || !database.pool) return database.query<R>(text, params);
  // Three round trips (the settings ride with BEGIN), not four.
  const c = await database.pool.connect();
  try {
    await c.query('begin; set local jit = off; set local max_parallel_workers_per_gather = 0');
    const r = await c.query(text, params);
    await c.query('commit');
    return r.rows as R[];
  } catch (e) {
    await c.query('rollback').catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

type Shown<R> = R & { id: number; score: number; scored: number };
const scoredOf = (rs: { scored: number }[]) => (rs.length ? Number(rs[0].scored) : 0);

/** Seeker side: the k best open vacancies under `base` and any of `wheres`, with the columns the answer shows (exported for the tests). */
export async function topVacancies(database: Database, raw: SQL, base: SQL, wheres: (SQL | undefined)[], k: number, heavy = false) {
  const got = await runCompiled<Shown<VacancyRow>>(
    database,
    sql`${topCte('employment_vacancies', VACANCY_SCORED, [], raw, base, wheres, k, false)}
    select v.id, v.title, v.employer_id as "employerId", e.name as "employerName", v.occupation_code as "occupationCode", v.occ_medium as "occMedium", v.occ_major as "occMajor",
      v.skills, v.region_code as "regionCode", v.plan_unit as "planUnit", v.salary_min as "salaryMin", v.salary_max as "salaryMax", v.education, v.headcount, v.filled,
      v.expires_on::text as "expiresOn", top.score, top.scored, ${NO_WORKERS}
    from top join employment_vacancies v on v.id = top.id join employers e on e.id = v.employer_id
    order by top.score desc, top.id`,
    heavy,
  );
  return { rows: got.map((r) => ({ id: Number(r.id), row: { ...r, id: Number(r.id), employerId: Number(r.employerId) } as VacancyRow, sqlScore: Number(r.score) })), scored: scoredOf(got) };
}

/** Vacancy side: the k best seekers under `base` (which carries the caller's scope) and any of `wheres`, with the columns the answer shows (exported for the tests). */
export async function topSeekers(database: Database, raw: SQL, base: SQL, wheres: (SQL | undefined)[], k: number, heavy = false) {
  const got = await runCompiled<Shown<Omit<SeekerRow, 'homeRegion'>>>(
    database,
    sql`${topCte('employment_seekers', SEEKER_SCORED, SEEKER_BASE, raw, base, wheres, k, wheres.length > 1 && !heavy)}
    select ${seekerShown('s')}, top.score, top.scored, ${NO_WORKERS}
    from top join employment_seekers s on s.id = top.id join persons p on p.id = s.person_id
    order by top.score desc, top.id`,
    heavy,
  );
  return { rows: got.map((r) => ({ id: Number(r.id), row: shownSeeker(r), sqlScore: Number(r.score) })), scored: scoredOf(got) };
}

/** What a seeker's match shows, of `employment_seekers` (named `s`) joined to `persons p`: only scored fields and what a caseworker needs to identify the person. */
const seekerShown = (s: string) =>
  sql.raw(`${s}.id, ${s}.person_id as "personId", p.name, p.id_masked as "idMasked", ${s}.region_code as "regionCode", ${s}.desired_occupations as "desiredOccupations",
      ${s}.desired_mediums as "desiredMediums", ${s}.desired_majors as "desiredMajors", ${s}.skills, ${s}.desired_regions as "desiredRegions", ${s}.salary_min as "salaryMin",
      ${s}.education, ${s}.available_from::text as "availableFrom", ${s}.status`);
const shownSeeker = (r: Omit<SeekerRow, 'homeRegion'>): SeekerRow => ({ ...r, id: Number(r.id), personId: Number(r.personId), homeRegion: r.regionCode });

// ---- tiers ---------------------------------------------------------------------------------

/** A seeker's tiers over the open vacancies. */
export function vacancyTiers(platform: Platform, seeker: SeekerFeatures): Tier[] {
  const v = jobVacancies;
  const D = [...new Set(seeker.desiredOccupations)];
  // A desired code without a medium group (a bare major, '4') matches a vacancy coded '4' exactly, and mediumOf('4') is '4'.
  const M = [...new Set([...D.filter((c) => c.includes('-')).map(mediumOf), ...D.filter((c) => !c.includes('-'))])];
  const J = [...new Set(D.map(majorOf))];
  const inM = sql`${v.occMedium} = any(${arr(M)})`;
  const inJ = sql`${v.occMajor} = any(${arr(J)})`;
  const occupation: Split = [
    ...(M.length ? [{ name: 'medium', where: inM, cap: C.occupation.medium }] : []),
    ...(J.length ? [{ name: 'major', where: M.length ? and(inJ, not(inM)) : inJ, cap: C.occupation.major }] : []),
    { name: 'other', where: J.length ? not(inJ) : undefined, cap: C.occupation.none },
  ];
  const places = placesForSeeker(platform, seeker);
  const location = placeSplit(places, (codes) => sql`${v.regionCode} = any(${runtime(codes)})`, undefined);
  const S = skillSet(seeker.skills);
  const n = sql`cardinality(${v.skills})`;
  const covered = sql`${v.skills} <@ ${arr(S)}`;
  const overlap = sql`${v.skills} && ${arr(S)}`;
  // Partly covered: at most (n − 1)/n of n ≤ 3 listed skills, so ≤ 2/3; more than 3 listed are capped at 1 with the covered ones.
  const skills: Split = S.length
    ? [
        { name: 'all', where: sql`(${covered} or (${n} > 3 and ${overlap}))`, cap: C.skills.all },
        { name: 'some', where: sql`(${overlap} and not ${covered} and ${n} <= 3)`, cap: C.skills.some(3) },
        { name: 'none', where: sql`not ${overlap} and ${n} > 0`, cap: C.skills.none },
      ]
    : [
        { name: 'all', where: sql`${n} = 0`, cap: C.skills.all },
        { name: 'none', where: sql`${n} > 0`, cap: C.skills.none },
      ];
  return tiersOf(occupation, () => location, () => skills);
}

/** A vacancy's tiers over the active seekers (the caller's scope is added by the caller). */
export function seekerTiers(platform: Platform, vacancy: VacancyFeatures): Tier[] {
  const s = jobSeekers;
  const c = vacancy.occupationCode;
  // Vacancies are coded to at least a medium group (profiles.ts checkVacancyFields); anything else is scored whole.
  if (!c.includes('-')) return [{ name: 'all', where: undefined, bound: -Infinity, heavy: true }];
  const m = mediumOf(c);
  const j = majorOf(c);
  const has = (col: AnyPgColumn, x: string) => sql`${col} @> array[${x}]::text[]`;
  const inMedium = has(s.desiredMediums, m);
  const inMajor = has(s.desiredMajors, j);
  // The place options say the group too (an m: or j: key is only there for a desired group), so
  // the medium and major options add only what the keys cannot say.
  const occupation: Split = [
    { name: 'medium', where: undefined, cap: C.occupation.medium },
    { name: 'major', where: not(inMedium), cap: C.occupation.major },
    { name: 'other', where: not(inMajor), cap: C.occupation.none },
  ];
  const places = placesForVacancy(platform, vacancy.regionCode);
  // Place key lists (up to a hundred keys) reach the planner at run time, as on the seeker side;
  // skill keys (a few) as constants, so it knows how few seekers hold them and reads only them.
  const keys = (prefix: string, xs: readonly string[]) => {
    const ks = xs.map((x) => `${prefix}:${prefix === 'j' ? j : m}@${x}`);
    return prefix === 'k' ? arr(ks) : runtime(ks);
  };
  const areas = seekerAreas();
  // In the seeker's medium (major) group the place is one GIN lookup on match_keys, and so are
  // the skills in the medium group; elsewhere they are plain filters.
  const medium = (o: string) => o === 'medium';
  const location = (o: string) =>
    o === 'other'
      ? placeSplit(places, (codes) => sql`${areas} && ${arr(codes)}`, undefined)
      : placeSplit(places, (codes) => sql`${s.matchKeys} && ${keys(medium(o) ? 'm' : 'j', codes)}`, medium(o) ? inMedium : inMajor);
  const K = skillSet(vacancy.skills);
  const hasAll = (o: string, xs: readonly string[]) => (medium(o) ? sql`${s.matchKeys} @> ${keys('k', xs)}` : sql`${s.skills} @> ${arr(xs)}`);
  const hasAny = (o: string) => (medium(o) ? sql`${s.matchKeys} && ${keys('k', K)}` : sql`${s.skills} && ${arr(K)}`);
  // At least c of the n skills: one of the c-subsets contained (each a GIN lookup).
  const atLeast = (o: string, c: number) => (c === 1 ? hasAny(o) : sql`(${sql.join(subsets(K, c).map((x) => hasAll(o, x)), sql` or `)})`);
  const skills = (o: string): Split => {
    if (!K.length) return [{ name: 'any', where: undefined, cap: C.skills.all }];
    const n = K.length;
    // Up to four skills the options are "exactly c of n" (cap c/n); beyond, all / some / none.
    if (n <= 4)
      return Array.from({ length: n + 1 }, (_, i) => n - i).map((c) => ({
        name: `${c}of${n}`,
        where: c === n ? hasAll(o, K) : c === 0 ? not(hasAny(o)) : and(atLeast(o, c), not(atLeast(o, c + 1))),
        cap: c / n,
        rare: c >= 2,
      }));
    return [
      { name: 'all', where: hasAll(o, K), cap: C.skills.all, rare: true },
      { name: 'some', where: and(hasAny(o), not(hasAll(o, K))), cap: C.skills.some(n) },
      { name: 'none', where: not(hasAny(o)), cap: C.skills.none },
    ];
  };
  return tiersOf(occupation, location, skills);
}

// ---- entry points ----------------------------------------------------------------------

export async function seekerRow(ctx: Ctx, seekerId: number): Promise<SeekerRow> {
  // The scope is read as a column of the row found by id rather than as a WHERE condition: the
  // planner estimates a condition's list code by code (0.6–1 ms for a province's 305 codes, ten
  // times the lookup), never a column's. A seeker outside it is not found, as before.
  // Compiled as the tier queries are: drizzle's builder took a millisecond over the scope's list.
  const [r] = await runCompiled<Omit<SeekerRow, 'homeRegion'> & { visible: boolean | null }>(
    ctx.platform.database,
    sql`select ${seekerShown('employment_seekers')}, (${scopeWhere(ctx.caller.scope, jobSeekers)}) as visible
    from employment_seekers join persons p on p.id = employment_seekers.person_id where employment_seekers.id = ${seekerId}`,
    false,
  );
  if (!r || r.visible !== true) throw new AppError('NOT_FOUND');
  const { visible: _visible, ...row } = r;
  return shownSeeker(row);
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

const mismatchLogger = (platform: Platform, what: string) => (id: number, sqlScore: number, score: number) => platform.log.warn({ what, id, sqlScore, score }, 'matching: the SQL score differs from scoring.ts; the JS score is used');

export async function matchVacanciesForSeeker(ctx: Ctx, seekerId: number, k = 20, opts: { exhaustive?: boolean; today?: string } = {}) {
  const { platform } = ctx;
  const namesP = occupationNames(platform.db); // cached; read alongside the tiers when it is not
  namesP.catch(() => undefined); // awaited below; not an unhandled rejection if the seeker is refused first
  const seeker = await seekerRow(ctx, seekerId);
  const geo = geoOf(platform);
  const features = seekerFeatures(seeker);
  const today = opts.today ?? chinaToday();
  const rank = (v: VacancyFeatures) => scoreValue(features, vacancyFeatures(v), geo);
  let r: { items: Ranked<VacancyFeatures>[]; scanned: number; tiersUsed: string[] };
  if (opts.exhaustive) {
    // The baseline: every open vacancy, fetched and scored by scoring.ts.
    const all = (await vacancyCandidates(platform.db, openVacancy(today))).map((v) => ({ id: v.id, row: v as VacancyFeatures, score: rank(v) }));
    r = { items: all.sort(byRank).slice(0, k), scanned: all.length, tiersUsed: ['all'] };
  } else {
    const raw = scoreSqlForSeeker(features, placesForSeeker(platform, features));
    // Vacancies are far fewer than seekers: the first query reads the two best tiers.
    r = await tieredTopK<VacancyRow>(k, vacancyTiers(platform, features), (wheres, lim, heavy) => topVacancies(platform.database, raw, openVacancy(today), wheres, lim, heavy), rank, mismatchLogger(platform, 'vacancy'), 2);
  }
  const names = await namesP;
  const occName = (c: string) => nameOfOccupation(names, c);
  const shown = opts.exhaustive && r.items.length ? new Map((await vacancyPoolQuery(platform.db, and(inArray(jobVacancies.id, r.items.map((x) => x.id)), systemScope())!)).map((v) => [v.id, v])) : null;
  const items: VacancyMatch[] = r.items.map((x) => {
    const v = (shown?.get(x.id) ?? x.row) as VacancyRow;
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
  const { platform } = ctx;
  const namesP = occupationNames(platform.db);
  namesP.catch(() => undefined);
  const vacancy = await vacancyRow(ctx, vacancyId);
  const geo = geoOf(platform);
  const vf = vacancyFeatures(vacancy);
  const base = and(eq(jobSeekers.status, 'active'), scopeWhere(ctx.caller.scope, jobSeekers))!;
  const rank = (s: SeekerFeatures) => scoreValue(seekerFeatures(s), vf, geo);
  let r: { items: Ranked<SeekerFeatures>[]; scanned: number; tiersUsed: string[] };
  if (opts.exhaustive) {
    const all = (await seekerCandidates(platform.db, base)).map((s) => ({ id: s.id, row: s as SeekerFeatures, score: rank(s) }));
    r = { items: all.sort(byRank).slice(0, k), scanned: all.length, tiersUsed: ['all'] };
  } else {
    const raw = scoreSqlForVacancy(vf, placesForVacancy(platform, vf.regionCode));
    const tiers = seekerTiers(platform, vf);
    // The first query reads the leading tiers that need two or more of the vacancy's skills (they
    // hold few seekers) and the one after them; a vacancy asking no such thing starts with one.
    const rare = tiers.findIndex((t) => !t.rare || t.heavy);
    const first = Math.min(8, (rare < 0 ? tiers.length : rare) + 1);
    r = await tieredTopK<SeekerRow>(k, tiers, (wheres, lim, heavy) => topSeekers(platform.database, raw, base, wheres, lim, heavy), rank, mismatchLogger(platform, 'seeker'), first);
  }
  const names = await namesP;
  const occName = (c: string) => nameOfOccupation(names, c);
  const shown = opts.exhaustive && r.items.length ? new Map((await seekerPoolQuery(platform.db, and(inArray(jobSeekers.id, r.items.map((x) => x.id)), scopeWhere(ctx.caller.scope, jobSeekers))!)).map((x) => [x.id, toSeekerRow(x)])) : null;
  const items: SeekerMatch[] = r.items.map((x) => {
    const s = (shown?.get(x.id) ?? x.row) as SeekerRow;
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
