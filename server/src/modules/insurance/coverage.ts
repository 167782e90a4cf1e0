// 全民参保 / 扩面: who of working age has no enrolment at all (the coverage-gap list), and a
// dashboard of pension coverage by region. Both are by household region, scoped, and follow the
// year's denominator version (params.ts coverageDenominator): under
// `registry-16plus-students-elsewhere@2` people with a study or other-province insurance period
// standing on the day (statusperiods.ts) are not 应参保 here — off the gap list, and out of the
// dashboard's population unless they are pension-insured here.
import { sql } from 'drizzle-orm';
import { num, rows } from '../../platform/db';
import { regionFilter, scopeWhere } from '../../platform/scope';
import { persons } from '../registry';
import type { Ctx } from './access';
import { todayIso } from './calendar';
import { standingPeriodSql } from './measures';
import { paramsFor, type Params } from './params';

const ymd = (d: string) => sql`${d}::date`;

/** Whether the denominator version in force leaves out people with a standing status period. */
const exemptsPeriods = (p: Params) => p.coverageDenominator.version === 'registry-16plus-students-elsewhere@2';

/** A study or other-province insurance period of the person stands on `asOf`. */
function inStatusPeriod(asOf: string) {
  return sql`exists (select 1 from insurance_status_periods sp where sp.person_id = persons.id and ${standingPeriodSql('sp', ymd(asOf))})`;
}

/** Conditions of a working-age person with no open enrolment and no pension, alive, on `asOf` (and, under version 2, in no status period). */
function gapWhere(asOf: string, from: number, to: number, exempt: boolean) {
  return sql`persons.birth_date <= (${ymd(asOf)} - make_interval(years => ${from}::int))::date
    and persons.birth_date > (${ymd(asOf)} - make_interval(years => ${to}::int + 1))::date
    and not exists (select 1 from insurance_enrolments en where en.person_id = persons.id and en.start_date <= ${ymd(asOf)} and (en.end_date is null or en.end_date >= ${ymd(asOf)}))
    and not exists (select 1 from insurance_benefit_decisions d where d.person_id = persons.id and d.status in ('active', 'suspended'))
    and not exists (select 1 from insurance_life_events le where le.person_id = persons.id and le.kind = 'death')
    ${exempt ? sql`and not ${inStatusPeriod(asOf)}` : sql``}`;
}

export async function coverageGaps(ctx: Ctx, q: { regionCode?: string; page: number; pageSize: number; asOf?: string }) {
  const asOf = q.asOf ?? todayIso();
  const p = (await paramsFor(ctx.platform.database.query.bind(ctx.platform.database) as never, Number(asOf.slice(0, 4)))).params;
  const region = regionFilter(ctx.caller.scope, q.regionCode, persons.regionCode, ctx.platform.regions.expand);
  const where = sql`${scopeWhere(ctx.caller.scope, persons)} ${region ? sql`and ${region}` : sql``} and ${gapWhere(asOf, p.workingAge.from, p.workingAge.to, exemptsPeriods(p))}`;
  const [items, [{ total }]] = await Promise.all([
    rows<Record<string, unknown>>(
      ctx.platform.db,
      sql`select persons.id, persons.name, persons.id_masked, persons.gender, persons.birth_date::text as birth_date, persons.hukou_type, persons.region_code
            from persons where ${where} order by persons.region_code, persons.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rows<{ total: number }>(ctx.platform.db, sql`select count(*)::int as total from persons where ${where}`),
  ]);
  return {
    items: items.map((r) => ({
      id: num(r.id),
      name: String(r.name),
      idNumberMasked: String(r.id_masked),
      gender: String(r.gender),
      birthDate: String(r.birth_date).slice(0, 10),
      hukouType: String(r.hukou_type),
      regionCode: String(r.region_code),
      regionName: ctx.platform.regions.name(String(r.region_code)),
    })),
    total: num(total),
    page: q.page,
    pageSize: q.pageSize,
    asOf,
    workingAge: p.workingAge,
  };
}

/**
 * Coverage by region on a date, one line per child of `regionCode` (or of the caller's own
 * region): population of age, pension-insured among them, the rate, and the gap count.
 */
export async function coverageSummary(ctx: Ctx, q: { regionCode?: string; asOf?: string }) {
  const asOf = q.asOf ?? todayIso();
  const p = (await paramsFor(ctx.platform.database.query.bind(ctx.platform.database) as never, Number(asOf.slice(0, 4)))).params;
  const root = q.regionCode ?? ctx.caller.regionCode;
  const region = regionFilter(ctx.caller.scope, root, persons.regionCode, ctx.platform.regions.expand);
  const r = await rows<Record<string, unknown>>(
    ctx.platform.db,
    sql`select x.region_code, count(*) filter (where x.insured or not x.exempt)::int as population,
               count(*) filter (where x.insured)::int as insured, count(*) filter (where x.gap)::int as gaps
          from (
            select persons.region_code,
                   (exists (
                       select 1 from insurance_enrolments en where en.person_id = persons.id and en.insurance_type in ('enterprise_pension', 'institution_pension', 'resident_pension')
                          and en.start_date <= ${ymd(asOf)} and (en.end_date is null or en.end_date >= ${ymd(asOf)}))
                     or exists (select 1 from insurance_benefit_decisions d where d.person_id = persons.id and d.kind in ('enterprise_pension', 'institution_pension', 'resident_pension') and d.status in ('active', 'suspended'))) as insured,
                   ${exemptsPeriods(p) ? inStatusPeriod(asOf) : sql`false`} as exempt,
                   (${gapWhere(asOf, p.workingAge.from, p.workingAge.to, exemptsPeriods(p))}) as gap
              from persons
             where ${scopeWhere(ctx.caller.scope, persons)} ${region ? sql`and ${region}` : sql``}
               and persons.birth_date <= (${ymd(asOf)} - make_interval(years => ${p.coverageDenominator.minAge}::int))::date
               and not exists (select 1 from insurance_life_events le where le.person_id = persons.id and le.kind = 'death' and le.occurred_on <= ${ymd(asOf)})) x
         group by x.region_code`,
  );
  const index = ctx.platform.regions.index;
  const children = index.children(root, { currentOnly: true });
  const lineOf = new Map<string, { regionCode: string; regionName: string | null; population: number; insured: number; gaps: number }>();
  const bucket = (code: string) => {
    const chain = index.path(code);
    const i = chain.indexOf(root);
    return i >= 0 && i + 1 < chain.length ? chain[i + 1] : root;
  };
  for (const c of children) lineOf.set(c.code, { regionCode: c.code, regionName: c.name, population: 0, insured: 0, gaps: 0 });
  for (const x of r) {
    const b = bucket(String(x.region_code));
    const line = lineOf.get(b) ?? { regionCode: b, regionName: ctx.platform.regions.name(b), population: 0, insured: 0, gaps: 0 };
    line.population += num(x.population);
    line.insured += num(x.insured);
    line.gaps += num(x.gaps);
    lineOf.set(b, line);
  }
  const lines = [...lineOf.values()].map((l) => ({ ...l, rate: l.population ? Math.round((l.insured / l.population) * 10000) / 100 : null }));
  const total = lines.reduce((a, l) => ({ population: a.population + l.population, insured: a.insured + l.insured, gaps: a.gaps + l.gaps }), { population: 0, insured: 0, gaps: 0 });
  return {
    asOf,
    regionCode: root,
    regionName: ctx.platform.regions.name(root),
    denominatorVersion: p.coverageDenominator.version,
    minAge: p.coverageDenominator.minAge,
    total: { ...total, rate: total.population ? Math.round((total.insured / total.population) * 10000) / 100 : null },
    lines,
  };
}
