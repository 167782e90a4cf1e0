// Measures this module contributes to plan indicators (keys as the plan YAML names them).
// SQL rules (platform/measures): one row per (region_code, period) at the region the records
// carry; counts return `value`, ratios `numerator` and `denominator` (the engine takes the
// ratio of sums up the tree); system scope; each has a scoped `records` drill-down.
//
// Regions: employment and unemployment registrations, transfers and graduates carry the
// person's region; a person counted in two regions in one year is counted in both (rare).
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { inMeasureRegions, type MeasureDef } from '../../platform/measures';
import { scopeWhere, systemScope, type Scope } from '../../platform/scope';
import { persons } from '../registry';
import { employedDestinations, placedDestinations } from './codes';
import { employmentRegistrations as er, graduateDestinations as gd, ruralTransfers as rt, unemploymentRegistrations as ur } from './schema';

const yearStart = (y: number) => `${y}-01-01`;
const yearEnd = (y: number) => `${y}-12-31`;
const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

type RecordsArgs = { scope: Scope; regionCodes: string[]; year: number; limit: number; offset: number };

/** Scoped drill-down over one table joined to persons for a label. */
function records(table: typeof er | typeof ur | typeof rt | typeof gd, select: SQL, when: SQL, a: RecordsArgs): SQL {
  return sql`select ${select}, ${persons.name} as label, ${table.regionCode} as region_code
    from ${table} join ${persons} on ${persons.id} = ${table.personId}
    where ${and(scopeWhere(a.scope, table), inArray(table.regionCode, a.regionCodes.length ? a.regionCodes : ['']), when)}
    order by ${table.id} limit ${a.limit} offset ${a.offset}`;
}

/** 城镇新增就业人数: persons with a new urban employment starting in the year. */
export const newUrbanJobs: MeasureDef = {
  key: 'employment.newUrbanJobs',
  name: { zh: '城镇新增就业人数', en: 'New urban jobs' },
  unit: '人',
  kind: 'count',
  time: 'flow',
  definition: {
    zh: '当年开始、标记为城镇新增就业的城镇就业登记人数（同一人一年内在同一地区只计一次），按人员所在地区统计',
    en: 'Persons with an urban employment registration flagged as new urban employment that started in the year (once per person, year and region), by the person’s region',
  },
  sql: ({ fromYear, toYear }) => sql`
    select ${er.regionCode} as region_code, extract(year from ${er.startDate})::int as period, count(distinct ${er.personId})::int as value
    from ${er}
    where ${er.newUrban} and ${er.area} = 'urban' and ${er.startDate} between ${yearStart(fromYear)} and ${yearEnd(toYear)} and ${systemScope()}
    group by 1, 2`,
  records: (a) => records(er, sql`${er.id} as id, ${er.startDate} as date, ${er.kind} as kind`, sql`${er.newUrban} and ${er.area} = 'urban' and ${er.startDate} between ${yearStart(a.year)} and ${yearEnd(a.year)}`, a),
};

const unemployedAtYearEnd = (fromYear: number, toYear: number) => sql`
  select ${ur.regionCode} as region_code, y as period, count(*)::int as n
  from generate_series(${fromYear}::int, ${toYear}::int) as y
  join ${ur} on ${ur.urban} and ${ur.registeredOn} <= make_date(y, 12, 31) and (${ur.closedOn} is null or ${ur.closedOn} > make_date(y, 12, 31))
  where ${systemScope()}
  group by 1, 2`;

/** 城镇登记失业率 = registered urban unemployed ÷ (urban employed + registered urban unemployed), at year end. */
export const registeredUnemploymentRate: MeasureDef = {
  key: 'employment.registeredUnemploymentRate',
  name: { zh: '城镇登记失业率', en: 'Registered urban unemployment rate' },
  unit: '%',
  kind: 'ratio',
  time: 'stock',
  definition: {
    zh: '年末城镇登记失业人数 ÷（年末城镇就业登记在岗人数 + 年末城镇登记失业人数）',
    en: 'Registered urban unemployed at year end ÷ (persons in open urban employment registrations at year end + registered urban unemployed)',
  },
  // The full join keeps PostgreSQL from pushing a refreshed region into either side, so each
  // side narrows itself (inMeasureRegions: everything on a full computation).
  sql: (range) => sql`
    with u as (select * from (${unemployedAtYearEnd(range.fromYear, range.toYear)}) x where ${inMeasureRegions(range, sql`x.region_code`)}),
    e as (
      select ${er.regionCode} as region_code, y as period, count(distinct ${er.personId})::int as n
      from generate_series(${range.fromYear}::int, ${range.toYear}::int) as y
      join ${er} on ${er.area} = 'urban' and ${er.startDate} <= make_date(y, 12, 31) and (${er.endDate} is null or ${er.endDate} >= make_date(y, 12, 31))
      where ${systemScope()} and ${inMeasureRegions(range, er.regionCode)}
      group by 1, 2)
    select coalesce(u.region_code, e.region_code) as region_code, coalesce(u.period, e.period) as period,
           coalesce(u.n, 0) as numerator, coalesce(u.n, 0) + coalesce(e.n, 0) as denominator
    from u full join e on u.region_code = e.region_code and u.period = e.period`,
  records: (a) =>
    records(ur, sql`${ur.id} as id, ${ur.registeredOn} as date, 'unemployed' as kind`, sql`${ur.urban} and ${ur.registeredOn} <= ${yearEnd(a.year)} and (${ur.closedOn} is null or ${ur.closedOn} > ${yearEnd(a.year)})`, a),
};

/** Registered urban unemployed at year end (the numerator above, as a figure of its own). */
export const registeredUnemployed: MeasureDef = {
  key: 'employment.registeredUnemployed',
  name: { zh: '城镇登记失业人数', en: 'Registered urban unemployed' },
  unit: '人',
  kind: 'count',
  time: 'stock',
  definition: { zh: '年末未结束的城镇失业登记人数', en: 'Open urban unemployment registrations at year end' },
  sql: ({ fromYear, toYear }) => sql`select region_code, period, n as value from (${unemployedAtYearEnd(fromYear, toYear)}) s`,
  records: registeredUnemploymentRate.records,
};

/** 农村劳动力转移就业: persons transferred in the year. */
export const ruralLabourTransfer: MeasureDef = {
  key: 'employment.ruralLabourTransfer',
  name: { zh: '农村劳动力转移就业人数', en: 'Rural labour transferred to employment' },
  unit: '人',
  kind: 'count',
  time: 'flow',
  definition: { zh: '当年登记转移就业的农村劳动力人数（同一人一年只计一次），按户籍地区统计', en: 'Rural labourers registered as transferred to employment in the year (once per person), by home region' },
  sql: ({ fromYear, toYear }) => sql`
    select ${rt.regionCode} as region_code, extract(year from ${rt.transferDate})::int as period, count(distinct ${rt.personId})::int as value
    from ${rt}
    where ${rt.transferDate} between ${yearStart(fromYear)} and ${yearEnd(toYear)} and ${systemScope()}
    group by 1, 2`,
  records: (a) => records(rt, sql`${rt.id} as id, ${rt.transferDate} as date, ${rt.destination} as kind`, sql`${rt.transferDate} between ${yearStart(a.year)} and ${yearEnd(a.year)}`, a),
};

const reemployedSql = (difficultOnly: boolean) => ({ fromYear, toYear }: { fromYear: number; toYear: number }) => sql`
  select ${ur.regionCode} as region_code, extract(year from ${ur.closedOn})::int as period, count(*)::int as value
  from ${ur}
  where ${ur.closedReason} = 'reemployed' and ${ur.urban} ${difficultOnly ? sql`and ${ur.difficulty}` : sql``}
    and ${ur.closedOn} between ${yearStart(fromYear)} and ${yearEnd(toYear)} and ${systemScope()}
  group by 1, 2`;

const reemployedRecords = (difficultOnly: boolean) => (a: RecordsArgs) =>
  records(ur, sql`${ur.id} as id, ${ur.closedOn} as date, ${ur.reemploymentId} as employment_id`, sql`${ur.closedReason} = 'reemployed' and ${ur.urban} ${difficultOnly ? sql`and ${ur.difficulty}` : sql``} and ${ur.closedOn} between ${yearStart(a.year)} and ${yearEnd(a.year)}`, a);

/** 城镇登记失业人员再就业人数. */
export const unemployedReemployed: MeasureDef = {
  key: 'employment.unemployedReemployed',
  name: { zh: '城镇登记失业人员再就业人数', en: 'Registered unemployed re-employed' },
  unit: '人',
  kind: 'count',
  time: 'flow',
  definition: { zh: '当年因再就业而结束的城镇失业登记数（每次再就业都有对应的就业登记）', en: 'Urban unemployment registrations closed by re-employment in the year (each backed by an employment registration)' },
  sql: reemployedSql(false),
  records: reemployedRecords(false),
};

/** 就业困难人员再就业人数. */
export const difficultReemployed: MeasureDef = {
  key: 'employment.difficultReemployed',
  name: { zh: '就业困难人员再就业人数', en: 'Hard-to-employ persons re-employed' },
  unit: '人',
  kind: 'count',
  time: 'flow',
  definition: { zh: '当年实现再就业的已认定就业困难人员数', en: 'Recognised hard-to-employ persons re-employed in the year' },
  sql: reemployedSql(true),
  records: reemployedRecords(true),
};

const inList = (col: SQL | typeof gd.destination, xs: readonly string[]) => sql`${col} in (${list(xs)})`;

/** 应届高校毕业生就业去向落实率 (cohort of the graduation year). */
export const graduateDestinationRate: MeasureDef = {
  key: 'employment.graduateDestinationRate',
  name: { zh: '高校毕业生就业去向落实率', en: 'Graduates’ destination rate' },
  unit: '%',
  kind: 'ratio',
  time: 'flow',
  definition: {
    zh: '当届毕业生中去向已落实（签约、科研助理、参军、基层项目、创业、灵活就业、升学、出国出境）的比例，按毕业年份',
    en: 'Share of the year’s graduates with a destination (contract, research assistant, army, grassroots programme, self-employed, flexible, further study, abroad), by graduation year',
  },
  sql: ({ fromYear, toYear }) => sql`
    select ${gd.regionCode} as region_code, ${gd.graduationYear} as period,
           count(*) filter (where ${inList(gd.destination, placedDestinations)})::int as numerator, count(*)::int as denominator
    from ${gd}
    where ${gd.graduationYear} between ${fromYear} and ${toYear} and ${systemScope()}
    group by 1, 2`,
  records: (a) => records(gd, sql`${gd.id} as id, ${gd.recordedOn} as date, ${gd.destination} as kind`, sql`${gd.graduationYear} = ${a.year}`, a),
};

/** 留在海南就业比重: of the year's graduates in employment, those working in Hainan. */
export const graduateStayInHainanShare: MeasureDef = {
  key: 'employment.graduateStayInHainanShare',
  name: { zh: '高校毕业生留琼就业比重', en: 'Share of employed graduates staying in Hainan' },
  unit: '%',
  kind: 'ratio',
  time: 'flow',
  definition: {
    zh: '当届已就业（不含升学、出国出境）毕业生中留在海南就业的比例',
    en: 'Of the year’s graduates in employment (excluding further study and abroad), the share working in Hainan',
  },
  sql: ({ fromYear, toYear }) => sql`
    select ${gd.regionCode} as region_code, ${gd.graduationYear} as period,
           count(*) filter (where ${gd.staysInHainan})::int as numerator, count(*)::int as denominator
    from ${gd}
    where ${inList(gd.destination, employedDestinations)} and ${gd.graduationYear} between ${fromYear} and ${toYear} and ${systemScope()}
    group by 1, 2`,
  records: (a) => records(gd, sql`${gd.id} as id, ${gd.recordedOn} as date, ${gd.destination} as kind`, sql`${gd.graduationYear} = ${a.year} and ${inList(gd.destination, employedDestinations)}`, a),
};

/** 灵活就业: new flexible employment registrations in the year. */
export const flexibleEmployment: MeasureDef = {
  key: 'employment.flexibleEmployment',
  name: { zh: '新增灵活就业人数', en: 'New flexible employment' },
  unit: '人',
  kind: 'count',
  time: 'flow',
  definition: { zh: '当年开始的灵活就业登记人数', en: 'Persons with a flexible employment registration starting in the year' },
  sql: ({ fromYear, toYear }) => sql`
    select ${er.regionCode} as region_code, extract(year from ${er.startDate})::int as period, count(distinct ${er.personId})::int as value
    from ${er}
    where ${er.kind} = 'flexible' and ${er.startDate} between ${yearStart(fromYear)} and ${yearEnd(toYear)} and ${systemScope()}
    group by 1, 2`,
  records: (a) => records(er, sql`${er.id} as id, ${er.startDate} as date, ${er.kind} as kind`, sql`${er.kind} = 'flexible' and ${er.startDate} between ${yearStart(a.year)} and ${yearEnd(a.year)}`, a),
};

export const employmentMeasures: MeasureDef[] = [
  newUrbanJobs,
  registeredUnemploymentRate,
  registeredUnemployed,
  ruralLabourTransfer,
  unemployedReemployed,
  difficultReemployed,
  graduateDestinationRate,
  graduateStayInHainanShare,
  flexibleEmployment,
];
