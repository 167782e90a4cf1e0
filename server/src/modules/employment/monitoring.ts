// Dynamic employment monitoring (就业动态监测): figures by region (province → city/county →
// township), by industry and by group, a monthly series, and the supply-demand ratio
// (求人倍率 = vacancies ÷ job seekers) by occupation group and by county. Everything is read
// within the caller's scope and rolled up to the children of the region asked for.
import { and, eq, gte, sql } from 'drizzle-orm';
import { rows } from '../../platform/db';
import { assertRegionInScope, regionFilter, regionInScope, scopeWhere } from '../../platform/scope';
import { employers } from '../registry';
import { difficultyGroups, employedDestinations, placedDestinations } from './codes';
import type { Ctx } from './context';
import { groupName, mediumGroups } from './occupations';
import { employmentRegistrations as er, graduateDestinations as gd, jobSeekers, jobVacancies, layoffReports as lr, ruralTransfers as rt, unemploymentRegistrations as ur } from './schema';

export type Figures = {
  newUrbanJobs: number;
  registeredUnemployed: number;
  reemployed: number;
  difficultReemployed: number;
  ruralTransfers: number;
  flexibleEmployment: number;
  graduates: number;
  graduatesPlaced: number;
  graduatesEmployed: number;
  graduatesStaying: number;
  layoffPlanned: number;
};

const zero = (): Figures => ({ newUrbanJobs: 0, registeredUnemployed: 0, reemployed: 0, difficultReemployed: 0, ruralTransfers: 0, flexibleEmployment: 0, graduates: 0, graduatesPlaced: 0, graduatesEmployed: 0, graduatesStaying: 0, layoffPlanned: 0 });

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 100 : null);

/** The root of the visible tree when no region is asked for: the province. */
function rootOf(ctx: Ctx): string {
  return ctx.platform.regions.rows().find((r) => r.parentCode === null)?.code ?? '460000';
}

/** Which child of `parent` a code rolls up to (itself when it is the parent). */
export function childUnder(ctx: Ctx, parent: string, code: string): string | null {
  const path = ctx.platform.regions.index.path(ctx.platform.regions.index.resolveCurrent(code) ?? code);
  const i = path.indexOf(parent);
  if (i < 0) return null;
  const child = path[i + 1] ?? parent;
  // 省直辖县级行政区划 (469000) is a grouping, not a government: show its counties instead.
  return ctx.platform.regions.index.get(child)?.kind === 'grouping' ? (path[i + 2] ?? child) : child;
}

export async function dashboard(ctx: Ctx, q: { regionCode?: string; year: number }) {
  const region = q.regionCode ?? (ctx.caller.scope.all || regionInScope(ctx.caller.scope, rootOf(ctx)) ? rootOf(ctx) : ctx.caller.regionCode);
  if (q.regionCode) assertRegionInScope(ctx.caller.scope, q.regionCode);
  const { scope } = ctx.caller;
  const expand = ctx.platform.regions.expand;
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  const f = <T extends { regionCode: import('drizzle-orm/pg-core').AnyPgColumn }>(t: T) => and(scopeWhere(scope, t as never), regionFilter(scope, region, t.regionCode, expand))!;
  const db = ctx.platform.db;
  const yearEnd = to;

  const [emp, unemp, reemp, tr, grads, lay] = await Promise.all([
    rows<{ region_code: string; new_urban: number; flexible: number }>(db, sql`
      select ${er.regionCode} as region_code,
        count(distinct ${er.personId}) filter (where ${er.newUrban} and ${er.area} = 'urban')::int as new_urban,
        count(distinct ${er.personId}) filter (where ${er.kind} = 'flexible')::int as flexible
      from ${er} where ${f(er)} and ${er.startDate} between ${from} and ${to} group by 1`),
    rows<{ region_code: string; n: number }>(db, sql`
      select ${ur.regionCode} as region_code, count(*)::int as n from ${ur}
      where ${f(ur)} and ${ur.urban} and ${ur.registeredOn} <= ${yearEnd} and (${ur.closedOn} is null or ${ur.closedOn} > ${yearEnd}) group by 1`),
    rows<{ region_code: string; n: number; d: number }>(db, sql`
      select ${ur.regionCode} as region_code, count(*)::int as n, count(*) filter (where ${ur.difficulty})::int as d from ${ur}
      where ${f(ur)} and ${ur.closedReason} = 'reemployed' and ${ur.closedOn} between ${from} and ${to} group by 1`),
    rows<{ region_code: string; n: number }>(db, sql`
      select ${rt.regionCode} as region_code, count(distinct ${rt.personId})::int as n from ${rt} where ${f(rt)} and ${rt.transferDate} between ${from} and ${to} group by 1`),
    rows<{ region_code: string; n: number; placed: number; employed: number; staying: number }>(db, sql`
      select ${gd.regionCode} as region_code, count(*)::int as n,
        count(*) filter (where ${gd.destination} in (${sql.join(placedDestinations.map((d) => sql`${d}`), sql`, `)}))::int as placed,
        count(*) filter (where ${gd.destination} in (${sql.join(employedDestinations.map((d) => sql`${d}`), sql`, `)}))::int as employed,
        count(*) filter (where ${gd.staysInHainan})::int as staying
      from ${gd} where ${f(gd)} and ${gd.graduationYear} = ${q.year} group by 1`),
    rows<{ region_code: string; n: number }>(db, sql`
      select ${lr.regionCode} as region_code, sum(${lr.plannedCount})::int as n from ${lr} where ${f(lr)} and ${lr.status} <> 'closed' and ${lr.plannedDate} between ${from} and ${to} group by 1`),
  ]);

  const byChild = new Map<string, Figures>();
  const add = (code: string, fn: (x: Figures) => void) => {
    const c = childUnder(ctx, region, code);
    if (!c) return;
    const x = byChild.get(c) ?? zero();
    fn(x);
    byChild.set(c, x);
  };
  for (const r of emp) add(r.region_code, (x) => ((x.newUrbanJobs += Number(r.new_urban)), (x.flexibleEmployment += Number(r.flexible))));
  for (const r of unemp) add(r.region_code, (x) => (x.registeredUnemployed += Number(r.n)));
  for (const r of reemp) add(r.region_code, (x) => ((x.reemployed += Number(r.n)), (x.difficultReemployed += Number(r.d))));
  for (const r of tr) add(r.region_code, (x) => (x.ruralTransfers += Number(r.n)));
  for (const r of grads) add(r.region_code, (x) => ((x.graduates += Number(r.n)), (x.graduatesPlaced += Number(r.placed)), (x.graduatesEmployed += Number(r.employed)), (x.graduatesStaying += Number(r.staying))));
  for (const r of lay) add(r.region_code, (x) => (x.layoffPlanned += Number(r.n)));

  const total = zero();
  for (const x of byChild.values()) for (const k of Object.keys(total) as (keyof Figures)[]) total[k] += x[k];
  const withRates = (x: Figures) => ({ ...x, graduateDestinationRate: rate(x.graduatesPlaced, x.graduates), graduateStayShare: rate(x.graduatesStaying, x.graduatesEmployed) });
  const regions = [...byChild.entries()]
    .map(([code, x]) => ({ code, name: ctx.platform.regions.name(code), ...withRates(x) }))
    .sort((a, b) => a.code.localeCompare(b.code));

  // By industry (GB/T 4754 section of the employer): new employment and planned layoffs.
  const ind = await rows<{ industry: string; jobs: number }>(db, sql`
    select ${employers.industry} as industry, count(distinct ${er.personId})::int as jobs
    from ${er} join ${employers} on ${employers.id} = ${er.employerId}
    where ${f(er)} and ${er.startDate} between ${from} and ${to} group by 1`);
  const indLay = await rows<{ industry: string; n: number }>(db, sql`
    select ${employers.industry} as industry, sum(${lr.plannedCount})::int as n
    from ${lr} join ${employers} on ${employers.id} = ${lr.employerId}
    where ${f(lr)} and ${lr.status} <> 'closed' and ${lr.plannedDate} between ${from} and ${to} group by 1`);
  // Section letters only; names come from GET /registry/codes.
  const byIndustry = [...new Set([...ind.map((r) => r.industry), ...indLay.map((r) => r.industry)])]
    .sort()
    .map((code) => ({ code, newJobs: Number(ind.find((r) => r.industry === code)?.jobs ?? 0), layoffPlanned: Number(indLay.find((r) => r.industry === code)?.n ?? 0) }));

  // By the plan's groups: registered unemployed at year end and re-employed in the year.
  const grp = await rows<{ g: string; unemployed: number; reemployed: number }>(db, sql`
    select g, count(*) filter (where ${ur.registeredOn} <= ${yearEnd} and (${ur.closedOn} is null or ${ur.closedOn} > ${yearEnd}))::int as unemployed,
      count(*) filter (where ${ur.closedReason} = 'reemployed' and ${ur.closedOn} between ${from} and ${to})::int as reemployed
    from ${ur}, unnest(${ur.groups}) as g where ${f(ur)} group by 1`);
  const byGroup = difficultyGroups.map((g) => ({ group: g.code, zh: g.zh, en: g.en, unemployed: Number(grp.find((r) => r.g === g.code)?.unemployed ?? 0), reemployed: Number(grp.find((r) => r.g === g.code)?.reemployed ?? 0) }));

  // Monthly series of the year.
  const monthly = await rows<{ m: number; jobs: number; registered: number; reemployed: number }>(db, sql`
    select m, sum(jobs)::int as jobs, sum(registered)::int as registered, sum(reemployed)::int as reemployed from (
      select extract(month from ${er.startDate})::int as m, count(*) filter (where ${er.newUrban}) as jobs, 0 as registered, 0 as reemployed from ${er} where ${f(er)} and ${er.startDate} between ${from} and ${to} group by 1
      union all select extract(month from ${ur.registeredOn})::int, 0, count(*), 0 from ${ur} where ${f(ur)} and ${ur.registeredOn} between ${from} and ${to} group by 1
      union all select extract(month from ${ur.closedOn})::int, 0, 0, count(*) from ${ur} where ${f(ur)} and ${ur.closedReason} = 'reemployed' and ${ur.closedOn} between ${from} and ${to} group by 1
    ) s group by m order by m`);
  const series = Array.from({ length: 12 }, (_, i) => {
    const r = monthly.find((x) => Number(x.m) === i + 1);
    return { month: i + 1, newUrbanJobs: Number(r?.jobs ?? 0), unemploymentRegistered: Number(r?.registered ?? 0), reemployed: Number(r?.reemployed ?? 0) };
  });

  return { regionCode: region, regionName: ctx.platform.regions.name(region), year: q.year, total: withRates(total), regions, byIndustry, byGroup, monthly: series };
}

/** 求人倍率 = open positions (headcount not yet filled) ÷ active job seekers, by occupation medium group or by county. */
export async function supplyDemand(ctx: Ctx, q: { regionCode?: string; by: 'occupation' | 'county'; today: string }) {
  const { scope } = ctx.caller;
  const expand = ctx.platform.regions.expand;
  const v = jobVacancies;
  const s = jobSeekers;
  const vWhere = and(scopeWhere(scope, v), regionFilter(scope, q.regionCode, v.regionCode, expand), eq(v.status, 'open'), gte(v.expiresOn, q.today))!;
  const sWhere = and(scopeWhere(scope, s), regionFilter(scope, q.regionCode, s.regionCode, expand), eq(s.status, 'active'))!;
  const db = ctx.platform.db;
  const rowsOut: { code: string; name: string | null; vacancies: number; seekers: number; ratio: number | null }[] = [];
  if (q.by === 'occupation') {
    const vac = await db.select({ key: v.occMedium, n: sql<number>`sum(${v.headcount} - ${v.filled})::int` }).from(v).where(vWhere).groupBy(v.occMedium);
    const sk = await rows<{ key: string; n: number }>(db, sql`select m as key, count(*)::int as n from ${s}, unnest(${s.desiredMediums}) as m where ${sWhere} group by 1`);
    const keys = new Set([...vac.map((r) => r.key), ...sk.map((r) => r.key)]);
    for (const k of keys) {
      const nv = Number(vac.find((r) => r.key === k)?.n ?? 0);
      const ns = Number(sk.find((r) => r.key === k)?.n ?? 0);
      rowsOut.push({ code: k, name: groupName(k) ?? mediumGroups.find((g) => g.code === k)?.name ?? null, vacancies: nv, seekers: ns, ratio: ns ? Math.round((nv / ns) * 100) / 100 : null });
    }
  } else {
    const vac = await db.select({ key: v.regionCode, n: sql<number>`sum(${v.headcount} - ${v.filled})::int` }).from(v).where(vWhere).groupBy(v.regionCode);
    const sk = await db.select({ key: s.regionCode, n: sql<number>`count(*)::int` }).from(s).where(sWhere).groupBy(s.regionCode);
    const ix = ctx.platform.regions.index;
    const county = (c: string) => ix.countyOf(c) ?? ix.planUnitOf(c) ?? c;
    const agg = new Map<string, { v: number; s: number }>();
    for (const r of vac) {
      const k = county(r.key);
      const x = agg.get(k) ?? { v: 0, s: 0 };
      x.v += Number(r.n);
      agg.set(k, x);
    }
    for (const r of sk) {
      const k = county(r.key);
      const x = agg.get(k) ?? { v: 0, s: 0 };
      x.s += Number(r.n);
      agg.set(k, x);
    }
    for (const [k, x] of agg) rowsOut.push({ code: k, name: ctx.platform.regions.name(k), vacancies: x.v, seekers: x.s, ratio: x.s ? Math.round((x.v / x.s) * 100) / 100 : null });
  }
  rowsOut.sort((a, b) => a.code.localeCompare(b.code));
  const tv = rowsOut.reduce((a, r) => a + r.vacancies, 0);
  const ts = q.by === 'county' ? rowsOut.reduce((a, r) => a + r.seekers, 0) : Number((await db.select({ n: sql<number>`count(*)::int` }).from(s).where(sWhere))[0]?.n ?? 0);
  return { by: q.by, rows: rowsOut, total: { vacancies: tv, seekers: ts, ratio: ts ? Math.round((tv / ts) * 100) / 100 : null } };
}
