// The employment module's part of the synthetic-province generator (issue 6): employment and
// unemployment registrations, rural transfers and graduates for the registry's persons, plus
// a few seekers, vacancies and layoff reports for the demo. Synthetic data, labelled as such.
//
// Calibration (reference/calibration/hainan-2020.json): the 2020 province figures equal the
// 14th plan's 2020 base × scale — 城镇新增就业 14.4万, 农村劳动力转移 14.6万, 城镇登记失业再就业
// 7.92万, 城镇登记失业率 2.78% — and other years drift by 2% a year from them (an assumption,
// logged). Counties do not move alike: from 2021 each county's share of the new jobs and rural
// transfers grows or shrinks at its own pace (a seeded rate; three counties lag, losing 3–6% a
// year), so that the evaluation finds counties behind while the province keeps its course.
// Counts are exact by construction (selection sampling: exactly k of n, per county), not drawn:
// - urban persons of working age get one role each, drawn without replacement in exact
//   numbers: employed before the first year (a stable stock), first job in year y (the
//   new urban jobs not from re-employment), or registered unemployed in year y;
// - unemployment is a queue: each year the oldest open registrations leave, R_y of them by
//   re-employment (an employment registration that day, counted in new urban jobs) and the
//   rest for other reasons, leaving exactly U_y open at year end, where U_y is set so that
//   U ÷ (E + U) is the registered rate with E the urban employed at year end;
// - rural persons of working age are drawn T_y a year for transfers; persons born 23 years
//   before are drawn G_y a year as graduates (destinations and 留琼 by chance: not calibrated).
// The contradiction rules hold: nobody is registered unemployed while employed, nobody has two
// open employments, re-employment starts on the day its registration closes.
import { and, asc, gt, sql } from 'drizzle-orm';
import { rows } from '../../platform/db';
import type { GenerateContext, GeneratorPart } from '../../platform/module';
import { apportion } from '../../platform/generate';
import { systemScope } from '../../platform/scope';
import { employers, persons } from '../registry';
import { addDays, chinaToday } from './codes';
import { derivedSeekerColumns } from './matching';
import { majorOf, mediumOf } from './occupations';
import { vacancyDedupeKey } from './profiles';

export const BASE_2020 = { newUrbanJobs: 144_000, reemployed: 79_200, ruralTransfer: 146_000, registeredRate: 0.0278, graduates: 65_000 } as const;
const DRIFT = 0.02;
/** Registrations closed for other reasons (moved, retired, …) per re-employment. */
const OTHER_CLOSURES = 0.25;
/** Share of eligible urban persons employed before the first generated year. */
const STABLE_SHARE = 0.35;

/** GB/T 4754 section → a medium group of the 2022 classification where such staff mostly work. */
const INDUSTRY_MEDIUM: Record<string, string[]> = {
  A: ['5-01', '5-05'], B: ['6-16'], C: ['6-02', '6-14', '6-31'], D: ['6-28', '4-11'], E: ['6-29', '2-02'], F: ['4-01'], G: ['4-02'], H: ['4-03'], I: ['4-04', '2-02'],
  J: ['4-05', '2-06'], K: ['4-06'], L: ['4-07'], M: ['2-02', '4-08'], N: ['4-09'], O: ['4-10', '4-12'], P: ['2-08', '4-13'], Q: ['2-05', '4-14'], R: ['4-13', '2-09'], S: ['3-01'], T: ['3-99'],
};
const SKILLS = ['驾驶', '电工', '焊工', '烹饪', '客房服务', '收银', '电脑操作', '英语', '护理', '育婴', '销售', '仓储管理', '叉车', '农机操作', '热带作物种植', '导游', '会计', 'excel'];
const REASONS = [['contract_ended', 4], ['dismissed', 2], ['resigned', 3], ['business_closed', 1], ['graduate', 1], ['other', 1]] as const;

type Role = { key: string; left: number };
type UnemployedPerson = { personId: number; region: string; year: number; groups: string[]; registeredOn?: string; closedOn?: string; reason?: 'reemployed' | 'moved_away' | 'retired' | 'deregistered' };

const iso = (y: number, dayOfYear: number) => addDays(`${y}-01-01`, dayOfYear);

export const employmentGenerator: GeneratorPart = {
  name: 'employment',
  after: ['registry'],
  async run(ctx: GenerateContext) {
    const { platform, scale, fromYear, toYear } = ctx;
    const db = platform.db;
    const today = chinaToday();
    const lastDay = (y: number) => (`${y}-12-31` < today ? `${y}-12-31` : today);
    const span = (y: number) => Math.max(0, (Date.parse(lastDay(y)) - Date.parse(`${y}-01-01`)) / 86_400_000);
    const years: number[] = [];
    for (let y = fromYear; y <= toYear; y++) if (`${y}-01-01` <= today) years.push(y);
    const drift = (base: number, y: number) => Math.round(base * scale * (1 + DRIFT * (y - 2020)));
    ctx.log(`2020 figures = plan base × ${scale}; other years drift ${DRIFT * 100}% a year from 2020 (synthetic assumption)`);

    // ---- pools, per county ---------------------------------------------------------------
    const bornFrom = `${fromYear - 50}-01-01`;
    const bornTo = `${toYear - 20}-12-31`;
    const ix = platform.regions.index;
    const countyOf = (c: string) => ix.countyOf(c) ?? ix.planUnitOf(c) ?? c;
    const poolRows = await rows<{ region: string; urban: number; rural: number }>(db, sql`
      select ${persons.regionCode} as region, count(*) filter (where ${persons.hukouType} = 'urban')::int as urban, count(*) filter (where ${persons.hukouType} = 'rural')::int as rural
      from ${persons} where ${persons.birthDate} between ${bornFrom} and ${bornTo} and ${systemScope()} group by 1`);
    const pools = new Map<string, { urban: number; rural: number }>();
    for (const r of poolRows) {
      const c = countyOf(r.region);
      const cur = pools.get(c) ?? { urban: 0, rural: 0 };
      cur.urban += Number(r.urban);
      cur.rural += Number(r.rural);
      pools.set(c, cur);
    }
    const counties = [...pools.keys()].sort();
    const urbanPool = counties.reduce((a, c) => a + pools.get(c)!.urban, 0);
    const ruralPool = counties.reduce((a, c) => a + pools.get(c)!.rural, 0);
    const byBirthYear = new Map((await rows<{ y: number; n: number }>(db, sql`select extract(year from ${persons.birthDate})::int as y, count(*)::int as n from ${persons} where ${systemScope()} group by 1`)).map((r) => [Number(r.y), Number(r.n)]));

    // Each county's pace after 2020: most grow 0–4% a year, three lag at −3 to −6%.
    const paceRng = ctx.rng('employment/pace');
    const lagging = new Set<string>();
    while (lagging.size < Math.min(3, counties.length)) lagging.add(counties[Math.floor(paceRng.next() * counties.length)]);
    const growth = new Map(counties.map((c) => [c, lagging.has(c) ? -0.03 - 0.03 * paceRng.next() : 0.04 * paceRng.next()]));
    const pace = (c: string, y: number) => (y <= 2020 ? 1 : (1 + growth.get(c)!) ** (y - 2020));
    ctx.log(`counties lagging after 2020: ${[...lagging].sort().map((c) => `${platform.regions.name(c) ?? c} (${(growth.get(c)! * 100).toFixed(1)}%/yr)`).join(', ')}`);
    /** A province count split over counties by their pool, weighted by their pace in year y. */
    const split = (total: number, pool: 'urban' | 'rural', y: number | null) =>
      new Map(apportion(total, counties.map((c) => pools.get(c)![pool] * (y === null ? 1 : pace(c, y)))).map((n, i) => [counties[i], n]));

    // ---- how many of each, by year ------------------------------------------------------
    const R = new Map(years.map((y) => [y, drift(BASE_2020.reemployed, y)]));
    const F = new Map(years.map((y) => [y, Math.max(0, drift(BASE_2020.newUrbanJobs, y) - R.get(y)!)]));
    const T = new Map(years.map((y) => [y, Math.min(ruralPool, drift(BASE_2020.ruralTransfer, y))]));
    const G = new Map(years.map((y) => [y, Math.min(byBirthYear.get(y - 23) ?? 0, drift(BASE_2020.graduates, y))]));
    const C = new Map(years.map((y) => [y, Math.round(R.get(y)! * OTHER_CLOSURES)]));
    const ratio = BASE_2020.registeredRate / (1 - BASE_2020.registeredRate);
    const plan = (e0: number) => {
      let e = e0;
      const U = new Map<number, number>([[fromYear - 1, Math.round(e0 * ratio)]]);
      const I = new Map<number, number>();
      let prev = U.get(fromYear - 1)!;
      for (const y of years) {
        e += F.get(y)! + R.get(y)!;
        const u = Math.round(e * ratio);
        U.set(y, u);
        I.set(y, Math.max(0, R.get(y)! + C.get(y)! + u - prev));
        prev = u;
      }
      const needed = e0 + [...F.values()].reduce((a, b) => a + b, 0) + U.get(fromYear - 1)! + [...I.values()].reduce((a, b) => a + b, 0);
      return { U, I, needed };
    };
    let e0 = Math.floor(urbanPool * STABLE_SHARE);
    let p = plan(e0);
    while (p.needed > urbanPool * 0.95 && e0 > 0) {
      e0 = Math.max(0, e0 - Math.ceil((p.needed - urbanPool * 0.95) / (1 + ratio)));
      p = plan(e0);
    }
    if (p.needed > urbanPool) ctx.log(`only ${urbanPool} urban persons of working age for ${p.needed} roles; figures will fall short`);
    const province: { key: string; total: number; y: number | null }[] = [
      { key: 'E0', total: e0, y: null },
      ...years.map((y) => ({ key: `F${y}`, total: F.get(y)!, y })),
      { key: `U${fromYear - 1}`, total: p.U.get(fromYear - 1)!, y: null },
      ...years.map((y) => ({ key: `U${y}`, total: p.I.get(y)!, y: null })),
    ];
    const countyRoles = new Map<string, Role[]>(counties.map((c) => [c, []]));
    for (const r of province) for (const [c, n] of split(r.total, 'urban', r.y)) countyRoles.get(c)!.push({ key: r.key, left: n });
    for (const c of counties) {
      const need = countyRoles.get(c)!.reduce((a, r) => a + r.left, 0);
      if (need > pools.get(c)!.urban) ctx.log(`${c}: ${need} roles for ${pools.get(c)!.urban} urban persons of working age; its figures will fall short`);
    }

    // ---- employers by county (employee jobs go to an employer near home) ----------------------
    const firms = await db.select({ id: employers.id, region: employers.regionCode, industry: employers.industry }).from(employers).where(systemScope());
    const firmsByCounty = new Map<string, typeof firms>();
    for (const f of firms) {
      const k = countyOf(f.region);
      const list = firmsByCounty.get(k);
      if (list) list.push(f);
      else firmsByCounty.set(k, [f]);
    }
    const rng = ctx.rng('employment');
    const pickFirm = (region: string) => {
      const list = firmsByCounty.get(countyOf(region)) ?? firms;
      return list.length ? rng.pick(list) : null;
    };
    const job = (personId: number, region: string, start: string, kindRoll: number, at: Date): unknown[] => {
      const firm = kindRoll < 0.8 ? pickFirm(region) : null;
      const kind = firm ? 'employee' : kindRoll < 0.95 ? 'flexible' : 'self_employed';
      const occ = firm ? rng.pick(INDUSTRY_MEDIUM[firm.industry] ?? ['4-99']) : rng.pick(['4-10', '4-01', '4-02', '4-03']);
      return [personId, firm?.id ?? null, kind, start, null, null, 'urban', true, occ, kind === 'employee', region, 'import', at, at];
    };
    const empCols = ['person_id', 'employer_id', 'kind', 'start_date', 'end_date', 'termination_reason', 'area', 'new_urban', 'occupation_code', 'has_contract', 'region_code', 'source', 'created_at', 'updated_at'];

    // ---- one pass over the persons ---------------------------------------------------------
    const urbanLeft = new Map(counties.map((c) => [c, pools.get(c)!.urban]));
    let urbanDone = 0;
    const transfersBy = new Map(years.map((y) => [y, split(T.get(y)!, 'rural', y)]));
    const ruralDraw = new Map(counties.map((c) => [c, years.map((y) => ({ y, left: transfersBy.get(y)!.get(c)!, of: pools.get(c)!.rural }))]));
    const gradDraw = new Map(years.map((y) => [y - 23, { y, left: G.get(y)!, of: byBirthYear.get(y - 23) ?? 0 }]));
    const unemployed: UnemployedPerson[] = [];
    const counts = { jobs: 0, transfers: 0, graduates: 0 };
    const stats = { E0: 0 };
    const CHUNK = 50_000;
    let last = 0;
    const placed = ['contract', 'contract', 'contract', 'flexible', 'self_employed', 'grassroots_project', 'military', 'research_assistant', 'further_study', 'abroad'] as const;
    for (;;) {
      const batch = await db
        .select({ id: persons.id, region: persons.regionCode, hukou: persons.hukouType, birth: persons.birthDate, veteran: persons.veteran, disability: persons.disability, zero: persons.zeroEmploymentHousehold })
        .from(persons)
        .where(and(gt(persons.id, last), systemScope()))
        .orderBy(asc(persons.id))
        .limit(CHUNK);
      if (!batch.length) break;
      last = batch[batch.length - 1].id;
      const jobs: unknown[][] = [];
      const transfers: unknown[][] = [];
      const grads: unknown[][] = [];
      for (const person of batch) {
        const eligible = person.birth >= bornFrom && person.birth <= bornTo;
        const county = countyOf(person.region);
        if (eligible && person.hukou === 'urban') {
          // Exactly k of n for each of the county's roles: role r with probability left_r ÷ persons left.
          const left = urbanLeft.get(county)!;
          let u = rng.next() * left;
          urbanLeft.set(county, left - 1);
          urbanDone++;
          for (const r of countyRoles.get(county)!) {
            if (u < r.left) {
              r.left--;
              if (r.key === 'E0') {
                const y = fromYear - 1 - rng.int(0, 9);
                const start = iso(y, rng.int(0, 364));
                jobs.push(job(person.id, person.region, start, rng.next(), new Date(`${start}T09:00:00+08:00`)));
                stats.E0++;
              } else if (r.key.startsWith('F')) {
                const y = Number(r.key.slice(1));
                const start = iso(y, rng.int(0, Math.floor(span(y))));
                jobs.push(job(person.id, person.region, start, rng.next(), new Date(`${start}T09:00:00+08:00`)));
              } else {
                const groups = [...(person.veteran ? ['veteran'] : []), ...(person.disability ? ['disability'] : []), ...(person.zero ? ['zero_employment_household'] : [])];
                unemployed.push({ personId: person.id, region: person.region, year: Number(r.key.slice(1)), groups });
              }
              break;
            }
            u -= r.left;
          }
        } else if (eligible && person.hukou === 'rural') {
          for (const d of ruralDraw.get(county)!) {
            if (d.of > 0 && rng.next() * d.of < d.left) {
              d.left--;
              const date = iso(d.y, rng.int(0, Math.floor(span(d.y))));
              const dest = rng.pick(['in_county', 'in_province', 'in_province', 'out_of_province'] as const);
              transfers.push([person.id, person.region, date, dest, dest === 'in_province' ? rng.pick(['460100', '460200', '469005', '469006']) : null, rng.pick(['E', 'H', 'C', 'G', 'O']), null, new Date(`${date}T10:00:00+08:00`)]);
            }
            d.of--;
          }
        }
        const by = Number(person.birth.slice(0, 4));
        const g = gradDraw.get(by);
        if (g && g.of > 0) {
          if (rng.next() * g.of < g.left) {
            g.left--;
            const dest = rng.chance(0.15) ? rng.pick(['seeking', 'not_seeking'] as const) : rng.pick(placed);
            const employed = !['seeking', 'not_seeking', 'further_study', 'abroad'].includes(dest);
            const recorded = `${g.y}-09-01` < today ? `${g.y}-09-01` : today;
            grads.push([person.id, person.region, g.y, rng.pick(['海南大学', '海南师范大学', '海南医学院', '海南热带海洋学院', '琼台师范学院', '海口经济学院']), rng.pick(['junior_college', 'bachelor', 'bachelor', 'master']), dest, employed ? rng.chance(0.55) : null, recorded, new Date(`${recorded}T10:00:00+08:00`)]);
          }
          g.of--;
        }
      }
      counts.jobs += await ctx.copyRows('employment_registrations', empCols, jobs);
      counts.transfers += await ctx.copyRows('employment_rural_transfers', ['person_id', 'region_code', 'transfer_date', 'destination', 'destination_region_code', 'industry', 'occupation_code', 'created_at'], transfers);
      counts.graduates += await ctx.copyRows('employment_graduates', ['person_id', 'region_code', 'graduation_year', 'school', 'education', 'destination', 'stays_in_hainan', 'recorded_on', 'created_at'], grads);
      ctx.progress('employment persons', urbanDone, urbanPool);
    }

    // ---- the unemployment queue ---------------------------------------------------------------
    const byYear = new Map<number, UnemployedPerson[]>();
    for (const u of unemployed) {
      const ys = u.year < fromYear ? fromYear - 1 : u.year;
      u.registeredOn = iso(ys, rng.int(0, ys < fromYear ? 364 : Math.floor(span(ys))));
      const list = byYear.get(ys);
      if (list) list.push(u);
      else byYear.set(ys, [u]);
    }
    const open: UnemployedPerson[] = (byYear.get(fromYear - 1) ?? []).sort((a, b) => a.registeredOn!.localeCompare(b.registeredOn!));
    const reemploymentJobs: unknown[][] = [];
    for (const y of years) {
      for (const u of (byYear.get(y) ?? []).sort((a, b) => a.registeredOn!.localeCompare(b.registeredOn!))) open.push(u);
      const exits = Math.min(open.length, R.get(y)! + C.get(y)!);
      const leaving = open.splice(0, exits);
      let reLeft = Math.min(R.get(y)!, leaving.length);
      leaving.forEach((u, i) => {
        const from = u.registeredOn! > `${y}-01-01` ? u.registeredOn! : `${y}-01-01`;
        const days = Math.max(0, (Date.parse(lastDay(y)) - Date.parse(from)) / 86_400_000);
        u.closedOn = addDays(from, rng.int(0, Math.floor(days)));
        const re = rng.next() * (leaving.length - i) < reLeft;
        if (re) {
          reLeft--;
          u.reason = 'reemployed';
          reemploymentJobs.push(job(u.personId, u.region, u.closedOn, rng.next(), new Date(`${u.closedOn}T09:00:00+08:00`)));
        } else u.reason = rng.pick(['moved_away', 'retired', 'deregistered'] as const);
      });
    }
    const unempCols = ['person_id', 'region_code', 'registered_on', 'urban', 'reason', 'difficulty', 'difficulty_since', 'groups', 'closed_on', 'closed_reason', 'created_at', 'updated_at'];
    const reasonOf = (() => {
      const bag = REASONS.flatMap(([r, w]) => Array.from({ length: w }, () => r));
      return () => rng.pick(bag);
    })();
    const unempRows = function* () {
      for (const u of unemployed) {
        const difficulty = u.groups.length > 0 || rng.chance(0.1);
        const at = new Date(`${u.registeredOn}T09:00:00+08:00`);
        yield [u.personId, u.region, u.registeredOn, true, reasonOf(), difficulty, difficulty ? u.registeredOn : null, `{${u.groups.join(',')}}`, u.closedOn ?? null, u.reason ?? null, at, at];
      }
    };
    const nUnemp = await ctx.copyRows('employment_unemployment', unempCols, unempRows(), { total: unemployed.length, label: 'unemployment registrations' });
    counts.jobs += await ctx.copyRows('employment_registrations', empCols, reemploymentJobs);
    await rows(db, sql`
      update employment_unemployment u set reemployment_id = e.id
      from employment_registrations e
      where u.closed_reason = 'reemployed' and u.reemployment_id is null and e.person_id = u.person_id and e.start_date = u.closed_on and ${systemScope()}`);

    // ---- demo: seekers (the open registrations), vacancies and layoff reports -------------------
    const seekerRows = function* () {
      for (const u of open) {
        const desired = [rng.pick(Object.values(INDUSTRY_MEDIUM).flat())];
        if (rng.chance(0.4)) desired.push(rng.pick(Object.values(INDUSTRY_MEDIUM).flat()));
        const uniq = [...new Set(desired)];
        const skills = [...new Set([rng.pick(SKILLS), rng.pick(SKILLS)])];
        const d = derivedSeekerColumns(uniq, [], u.region, skills);
        yield [u.personId, u.region, `{${uniq.join(',')}}`, `{${d.desiredMediums.join(',')}}`, `{${d.desiredMajors.join(',')}}`, `{${skills.join(',')}}`, '{}', `{${d.matchKeys.join(',')}}`, rng.int(25, 70) * 10_000, rng.pick(['junior', 'senior', 'vocational', 'junior_college', 'bachelor']), null, `{${u.groups.join(',')}}`, 'active'];
      }
    };
    const nSeekers = await ctx.copyRows('employment_seekers', ['person_id', 'region_code', 'desired_occupations', 'desired_mediums', 'desired_majors', 'skills', 'desired_regions', 'match_keys', 'salary_min', 'education', 'available_from', 'groups', 'status'], seekerRows());
    const nVacancies = Math.min(firms.length, Math.max(1, Math.round(30_000 * scale)));
    const vacancyRows = function* () {
      const seen = new Set<string>();
      for (let i = 0; i < nVacancies; i++) {
        const f = rng.pick(firms);
        const occ = rng.pick(INDUSTRY_MEDIUM[f.industry] ?? ['4-99']);
        const title = `${rng.pick(['普工', '技术员', '服务员', '操作工', '业务员', '主管', '专员', '助理'])}`;
        const key = vacancyDedupeKey(f.id, occ, title, f.region);
        if (seen.has(key)) continue;
        seen.add(key);
        const min = rng.int(25, 60) * 10_000;
        yield [f.id, f.region, ix.planUnitOf(f.region) ?? f.region, title, occ, mediumOf(occ), majorOf(occ), `{${[rng.pick(SKILLS)].join(',')}}`, min, min + rng.int(5, 40) * 10_000, rng.pick(['none', 'junior', 'senior', 'junior_college']), rng.int(1, 5), 0, addDays(today, rng.int(15, 120)), '', key, 'open'];
      }
    };
    const nVac = await ctx.copyRows('employment_vacancies', ['employer_id', 'region_code', 'plan_unit', 'title', 'occupation_code', 'occ_medium', 'occ_major', 'skills', 'salary_min', 'salary_max', 'education', 'headcount', 'filled', 'expires_on', 'description', 'dedupe_key', 'status'], vacancyRows());
    const nLayoffs = Math.min(firms.length, Math.max(1, Math.round(400 * scale)));
    const layoffRows = function* () {
      for (let i = 0; i < nLayoffs; i++) {
        const f = rng.pick(firms);
        const staff = rng.int(30, 600);
        const reported = addDays(today, -rng.int(1, 60));
        yield [f.id, f.region, reported, addDays(reported, rng.int(10, 45)), Math.max(1, Math.round(staff * rng.int(5, 30) / 100)), staff, rng.pick(['订单下降', '经营调整', '搬迁', '季节性停产']), 'reported'];
      }
    };
    const nLay = await ctx.copyRows('employment_layoff_reports', ['employer_id', 'region_code', 'reported_on', 'planned_date', 'planned_count', 'staff_count', 'reason', 'status'], layoffRows());
    ctx.log(`${counts.jobs} employment registrations (${stats.E0} before ${fromYear}), ${nUnemp} unemployment registrations (${open.length} open), ${counts.transfers} transfers, ${counts.graduates} graduates, ${nSeekers} seekers, ${nVac} vacancies, ${nLay} layoff reports`);
  },
};
