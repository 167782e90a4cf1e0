// Figures the registry contributes to plan indicators. They prove the measure engine now
// (counts, and a ratio of sums); later modules add the plan's own measures.
//
// All are stocks: what stands at the end of each year, by the time a record was created
// (the registry keeps no end date, so a person counts from registration on).
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { MeasureDef } from '../../platform/measures';
import { systemScope, scopeWhere } from '../../platform/scope';
import { employers, persons } from './schema';

const years = (r: { fromYear: number; toYear: number }) => sql`generate_series(${r.fromYear}::int, ${r.toYear}::int) as y(year)`;
// Records created before 1 January of the next year stand at this year's end.
const byYearEnd = (col: SQL | typeof persons.createdAt) => sql`${col} < make_date(y.year + 1, 1, 1)`;

function personRecords(extra: SQL | undefined) {
  return (args: { scope: Parameters<typeof scopeWhere>[0]; regionCodes: string[]; year: number; limit: number; offset: number }): SQL =>
    sql`select ${persons.id} as id, ${persons.name} as label, ${persons.idMasked} as "idNumberMasked", ${persons.hukouType} as "hukouType",
          ${persons.regionCode} as "regionCode", ${persons.createdAt} as "createdAt"
        from ${persons}
        where ${and(
          scopeWhere(args.scope, persons),
          inArray(persons.regionCode, args.regionCodes.length ? args.regionCodes : ['']),
          sql`${persons.createdAt} < make_date(${args.year}::int + 1, 1, 1)`,
          extra,
        )}
        order by ${persons.id}
        limit ${args.limit} offset ${args.offset}`;
}

/** 登记人员数: persons in the registry at year end, by household region. */
export const registeredPersons: MeasureDef = {
  key: 'registry.registeredPersons',
  name: { zh: '登记人员数', en: 'Registered persons' },
  unit: '人',
  kind: 'count',
  time: 'stock',
  definition: {
    zh: '年末在人员基础信息库中登记的人数（按户籍地区统计，登记之日起计入）',
    en: 'Persons registered in the master registry at year end, by household region (counted from registration)',
  },
  sql: (r) => sql`select p.region_code, y.year as period, count(*)::int as value
    from ${persons} p cross join ${years(r)}
    where ${byYearEnd(sql`p.created_at`)} and ${systemScope()}
    group by p.region_code, y.year`,
  records: personRecords(undefined),
};

/** 城镇户籍登记人员数. */
export const urbanHukouPersons: MeasureDef = {
  key: 'registry.urbanHukouPersons',
  name: { zh: '城镇户籍登记人员数', en: 'Registered persons with urban hukou' },
  unit: '人',
  kind: 'count',
  time: 'stock',
  definition: { zh: '年末登记人员中户口性质为城镇的人数', en: 'Registered persons with urban hukou at year end' },
  sql: (r) => sql`select p.region_code, y.year as period, count(*)::int as value
    from ${persons} p cross join ${years(r)}
    where p.hukou_type = 'urban' and ${byYearEnd(sql`p.created_at`)} and ${systemScope()}
    group by p.region_code, y.year`,
  records: personRecords(sql`${persons.hukouType} = 'urban'`),
};

/** 城镇户籍人员占比: a ratio measure, rolled up as Σ urban ÷ Σ all at every level. */
export const urbanHukouShare: MeasureDef = {
  key: 'registry.urbanHukouShare',
  name: { zh: '城镇户籍人员占比', en: 'Share of registered persons with urban hukou' },
  unit: '%',
  kind: 'ratio',
  time: 'stock',
  definition: {
    zh: '城镇户籍登记人员数 ÷ 登记人员数 × 100%（各级均为分子之和除以分母之和）',
    en: 'Urban-hukou registered persons ÷ registered persons × 100% (at every level the sum of numerators over the sum of denominators)',
  },
  sql: (r) => sql`select p.region_code, y.year as period,
      count(*) filter (where p.hukou_type = 'urban')::int as numerator, count(*)::int as denominator
    from ${persons} p cross join ${years(r)}
    where ${byYearEnd(sql`p.created_at`)} and ${systemScope()}
    group by p.region_code, y.year`,
  records: personRecords(undefined),
};

/** 登记用人单位数. */
export const registeredEmployers: MeasureDef = {
  key: 'registry.registeredEmployers',
  name: { zh: '登记用人单位数', en: 'Registered employers' },
  unit: '户',
  kind: 'count',
  time: 'stock',
  definition: { zh: '年末在用人单位基础信息库中登记的单位数（按所在地区）', en: 'Employers registered at year end, by location' },
  sql: (r) => sql`select e.region_code, y.year as period, count(*)::int as value
    from ${employers} e cross join ${years(r)}
    where ${byYearEnd(sql`e.created_at`)} and ${systemScope()}
    group by e.region_code, y.year`,
  records: (args) => sql`select ${employers.id} as id, ${employers.name} as label, ${employers.uscc} as uscc,
        ${employers.regionCode} as "regionCode", ${employers.createdAt} as "createdAt"
      from ${employers}
      where ${and(
        scopeWhere(args.scope, employers),
        inArray(employers.regionCode, args.regionCodes.length ? args.regionCodes : ['']),
        sql`${employers.createdAt} < make_date(${args.year}::int + 1, 1, 1)`,
      )}
      order by ${employers.id}
      limit ${args.limit} offset ${args.offset}`,
};

export const registryMeasures: MeasureDef[] = [registeredPersons, urbanHukouPersons, urbanHukouShare, registeredEmployers];
