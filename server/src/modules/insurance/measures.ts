// Figures the insurance module contributes to the plan (hainan-hrss-14 专栏 社会保障). All are
// stocks at 31 December, computed from enrolment spells, benefit decisions and the ledger:
//
// - 参保人数 (insured): persons with an enrolment spell covering 31 December (paying or
//   suspended), plus — for the pension schemes — persons drawing a pension of that scheme on
//   that day (参保人数含离退休). Each person counts once, in the region of their latest spell.
// - 缴费人数 (paying): insured at 31 December in the scheme *and* with at least one fee month of
//   that year fully paid in the ledger (net paid ≥ net due > 0).
// - 参保率 (coverage rate): pension-insured ÷ 应参保人数, by household region. The denominator
//   is versioned in the year's parameters (params.ts coverageDenominator: version, minAge):
//   `registry-16plus@1` = persons in the registry aged at least minAge on 31 December and not
//   recorded dead by then; `registry-16plus-students-elsewhere@2` (the default) = the same less
//   those with a full-time study period (在校学生, 国发〔2014〕8号: 年满16周岁非在校学生) or an
//   insurance period in another province (外省参保) standing that day, from the status periods
//   other departments report (statusperiods.ts) — except anyone pension-insured here, who always
//   counts, so the numerator (those of age and alive who are pension-insured: any of the three
//   schemes, or drawing a basic pension) stays a subset of the denominator.
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { MeasureDef } from '../../platform/measures';
import { scopeWhere, systemScope, type Scope } from '../../platform/scope';
import { scopeOn } from './access';
import { insuranceLedger } from './schema';
import { COVERAGE_DENOMINATOR_LATEST, coverageDenominatorDefinitions, defaultParams, type CoverageDenominatorVersion } from './params';
import { type BenefitKind, type InsuranceType } from './types';

type Range = { fromYear: number; toYear: number };
type RecordArgs = { scope: Scope; regionCodes: string[]; year: number; limit: number; offset: number };

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
const years = (r: Range) => sql`(select y.year, make_date(y.year, 12, 31) as d from generate_series(${r.fromYear}::int, ${r.toYear}::int) as y(year))`;

/** Enrolment spells and pension decisions standing on 31 December, one row per person-year, with the region they count in. */
function insuredCte(r: Range, types: readonly InsuranceType[], kinds: readonly BenefitKind[], filter: { enrolments: SQL; decisions: SQL }): SQL {
  const decisions = kinds.length
    ? sql`union all
       select d.person_id, d.region_code, d.start_month as since, ye.year
         from insurance_benefit_decisions d join ${years(r)} ye
           on d.start_month <= ye.d and (d.stopped_from_month is null or d.stopped_from_month > ye.d)
          and (d.end_month is null or d.end_month >= date_trunc('month', ye.d))
        where d.kind in (${list(kinds)}) and ${filter.decisions}`
    : sql``;
  return sql`spells as (
       select en.person_id, en.region_code, en.start_date as since, ye.year
         from insurance_enrolments en join ${years(r)} ye
           on en.start_date <= ye.d and (en.end_date is null or en.end_date >= ye.d)
        where en.insurance_type in (${list(types)}) and ${filter.enrolments}
       ${decisions}),
     insured as (select distinct on (year, person_id) year, person_id, region_code from spells order by year, person_id, since desc)`;
}

/**
 * The same spells without a row per year: each spell (or pension decision) as the range of years
 * [first_y, last_y] whose 31 December it covers, clipped to the range asked. Counting then
 * needs no person-year rows for people with one spell (almost everyone); only people with
 * several spells are expanded per year, to count them once, in their latest spell's region.
 */
function spansCte(r: Range, types: readonly InsuranceType[], kinds: readonly BenefitKind[]): SQL {
  // A date covers 31 December of its own year only when it is that day.
  const lastYearOn = (col: SQL) => sql`(extract(year from ${col})::int - case when ${col} = make_date(extract(year from ${col})::int, 12, 31) then 0 else 1 end)`;
  const decisions = kinds.length
    ? sql`union all
       select d.person_id, d.region_code, d.start_month as since,
              greatest(extract(year from d.start_month)::int, ${r.fromYear}::int) as first_y,
              least(${r.toYear}::int,
                    coalesce(extract(year from d.stopped_from_month)::int - 1, ${r.toYear}::int),
                    coalesce(extract(year from d.end_month)::int - case when extract(month from d.end_month) = 12 then 0 else 1 end, ${r.toYear}::int)) as last_y
         from insurance_benefit_decisions d
        where d.kind in (${list(kinds)}) and ${systemScope()}`
    : sql``;
  return sql`spells as (
       select en.person_id, en.region_code, en.start_date as since,
              greatest(extract(year from en.start_date)::int, ${r.fromYear}::int) as first_y,
              least(${r.toYear}::int, coalesce(${lastYearOn(sql`en.end_date`)}, ${r.toYear}::int)) as last_y
         from insurance_enrolments en
        where en.insurance_type in (${list(types)}) and ${systemScope()}
       ${decisions}),
     spans as (select * from spells where first_y <= last_y),
     multi as (select person_id from spans group by person_id having count(*) > 1),
     year_list as (select y.year from generate_series(${r.fromYear}::int, ${r.toYear}::int) as y(year))`;
}

/** Persons insured at year end who fully paid at least one fee month of that year. */
function payingCte(r: Range, types: readonly InsuranceType[], filter: { enrolments: SQL; ledger: SQL }): SQL {
  return sql`${insuredCte(r, types, [], { enrolments: filter.enrolments, decisions: sql`false` })},
     months as (
       select person_id, extract(year from fee_month)::int as year,
              coalesce(sum(employer_fen + personal_fen) filter (where side = 'paid'), 0) as paid,
              coalesce(sum(employer_fen + personal_fen) filter (where side = 'due'), 0) as due
         from insurance_ledger
        where insurance_type in (${list(types)}) and fee_month >= make_date(${r.fromYear}::int, 1, 1) and fee_month < make_date(${r.toYear}::int + 1, 1, 1)
          and ${filter.ledger}
        group by person_id, insurance_type, fee_month),
     paid_years as (select distinct person_id, year from months where paid > 0 and paid >= due),
     -- A hash join, not a correlated EXISTS per person-year (which does not scale).
     flagged as (
       select i.year, i.person_id, i.region_code, (py.person_id is not null) as paying
         from insured i left join paid_years py on py.person_id = i.person_id and py.year = i.year),
     paying as (select year, person_id, region_code from flagged where paying)`;
}

function insuredMeasure(key: string, zh: string, en: string, types: readonly InsuranceType[], kinds: readonly BenefitKind[], definition: { zh: string; en: string }): MeasureDef {
  return {
    key,
    name: { zh, en },
    unit: '人',
    kind: 'count',
    time: 'stock',
    definition,
    sql: (r) => sql`with ${spansCte(r, types, kinds)},
      single as (
        select s.region_code, s.first_y, s.last_y, count(*)::int as n from spans s
         where not exists (select 1 from multi m where m.person_id = s.person_id)
         group by s.region_code, s.first_y, s.last_y),
      multi_years as (
        select distinct on (y.year, s.person_id) y.year, s.region_code
          from spans s join multi m on m.person_id = s.person_id join year_list y on y.year between s.first_y and s.last_y
         order by y.year, s.person_id, s.since desc),
      counts as (
        select sg.region_code, y.year, sg.n from single sg join year_list y on y.year between sg.first_y and sg.last_y
        union all select region_code, year, 1 from multi_years)
      select region_code, year as period, sum(n)::int as value from counts group by region_code, year`,
    records: (a: RecordArgs) => sql`with ${insuredCte({ fromYear: a.year, toYear: a.year }, types, kinds, {
      enrolments: and(scopeOn(a.scope, 'en'), inArray(sql`en.region_code`, a.regionCodes.length ? a.regionCodes : ['']))!,
      decisions: and(scopeOn(a.scope, 'd'), inArray(sql`d.region_code`, a.regionCodes.length ? a.regionCodes : ['']))!,
    })}
      select i.person_id as id, p.name as label, p.id_masked as "idNumberMasked", i.region_code as "regionCode"
        from insured i join persons p on p.id = i.person_id
       where i.region_code in (${list(a.regionCodes.length ? a.regionCodes : [''])})
       order by i.person_id limit ${a.limit} offset ${a.offset}`,
  };
}

function payingMeasure(key: string, zh: string, en: string, types: readonly InsuranceType[], definition: { zh: string; en: string }): MeasureDef {
  return {
    key,
    name: { zh, en },
    unit: '人',
    kind: 'count',
    time: 'stock',
    definition,
    // Regions with insured people but nobody paying get a 0 (records exist), not a missing figure.
    sql: (r) => sql`with ${payingCte(r, types, { enrolments: systemScope(), ledger: systemScope() })}
      select region_code, year as period, count(*) filter (where paying)::int as value from flagged group by region_code, year`,
    records: (a: RecordArgs) => sql`with ${payingCte({ fromYear: a.year, toYear: a.year }, types, {
      enrolments: and(scopeOn(a.scope, 'en'), inArray(sql`en.region_code`, a.regionCodes.length ? a.regionCodes : ['']))!,
      ledger: scopeWhere(a.scope, insuranceLedger),
    })}
      select i.person_id as id, p.name as label, p.id_masked as "idNumberMasked", i.region_code as "regionCode"
        from paying i join persons p on p.id = i.person_id
       order by i.person_id limit ${a.limit} offset ${a.offset}`,
  };
}

const PENSION_TYPES = ['enterprise_pension', 'institution_pension', 'resident_pension'] as const;
const PENSION_KINDS = ['enterprise_pension', 'institution_pension', 'resident_pension'] as const;

const insuredDef = (zh: string, en: string) => ({
  zh: `年末${zh}参保人数：12月31日参保登记有效（缴费或暂停缴费）的人数${zh.includes('养老') ? '，加当日领取该险种养老金的人数（含离退休）' : ''}；每人只计一次，计入其最近参保地`,
  en: `People insured in ${en} on 31 December (paying or suspended)${en.includes('pension') ? ', plus those drawing that pension on that day (incl. retirees)' : ''}; each person once, in the region of their latest enrolment`,
});
const payingDef = (zh: string, en: string) => ({
  zh: `年末${zh}缴费人数：12月31日参保登记有效，且当年至少有一个费款所属月足额实缴（台账实缴 ≥ 应缴 > 0）的人数`,
  en: `People insured in ${en} on 31 December with at least one fee month of the year fully paid in the ledger (net paid ≥ net due > 0)`,
});

export const pensionInsured = insuredMeasure('insurance.pensionInsured', '基本养老保险参保人数', 'People with basic pension insurance', PENSION_TYPES, PENSION_KINDS, {
  zh: '年末参加企业职工、机关事业单位或城乡居民基本养老保险（登记有效或领取养老金）的人数，每人只计一次',
  en: 'People on 31 December enrolled in, or drawing a pension from, any of the enterprise, public-institution or resident basic pension schemes; each person once',
});
export const enterprisePensionInsured = insuredMeasure('insurance.enterprisePensionInsured', '企业职工基本养老保险参保（含离退休）人数', "People with enterprise employees' basic pension insurance (incl. retirees)", ['enterprise_pension'], ['enterprise_pension'], insuredDef('企业职工基本养老保险', "the enterprise employees' pension"));
export const residentPensionInsured = insuredMeasure('insurance.residentPensionInsured', '城乡居民基本养老保险参保人数', "People with urban and rural residents' basic pension insurance", ['resident_pension'], ['resident_pension'], insuredDef('城乡居民基本养老保险', "the residents' pension"));
export const unemploymentInsured = insuredMeasure('insurance.unemploymentInsured', '失业保险参保人数', 'People insured against unemployment', ['unemployment'], [], insuredDef('失业保险', 'unemployment insurance'));
export const workInjuryInsured = insuredMeasure('insurance.workInjuryInsured', '工伤保险参保人数', 'People insured against work injury', ['work_injury'], [], insuredDef('工伤保险', 'work-injury insurance'));

export const urbanWorkerPensionPaying = payingMeasure('insurance.urbanWorkerPensionPaying', '城镇职工基本养老保险缴费人数', 'Urban workers paying basic pension contributions', ['enterprise_pension', 'institution_pension'], payingDef('城镇职工基本养老保险（企业职工与机关事业单位）', "the urban workers' pension (enterprise and public institution schemes)"));
export const residentPensionPaying = payingMeasure('insurance.residentPensionPaying', '城乡居民基本养老保险缴费人数', 'Urban and rural residents paying basic pension contributions', ['resident_pension'], payingDef('城乡居民基本养老保险', "the residents' pension"));
export const unemploymentPaying = payingMeasure('insurance.unemploymentPaying', '失业保险缴费人数', 'People paying unemployment insurance contributions', ['unemployment'], payingDef('失业保险', 'unemployment insurance'));
export const workInjuryPaying = payingMeasure('insurance.workInjuryPaying', '工伤保险缴费人数', 'People paying work-injury insurance contributions', ['work_injury'], payingDef('工伤保险', 'work-injury insurance'));

const V2: CoverageDenominatorVersion = 'registry-16plus-students-elsewhere@2';

/**
 * The coverage settings of each year: the minimum age and whether the denominator is version 2,
 * from the latest saved parameters of the year, else the defaults (params.ts).
 */
function settingsOf(r: Range): SQL {
  const defaults: SQL[] = [];
  for (let y = r.fromYear; y <= r.toYear; y++) {
    const d = defaultParams(y).coverageDenominator;
    defaults.push(sql`(${y}::int, ${d.minAge}::int, ${d.version}::text)`);
  }
  return sql`(select d.year, coalesce((sp.params -> 'coverageDenominator' ->> 'minAge')::int, d.min_age) as min_age,
            coalesce(sp.params -> 'coverageDenominator' ->> 'version', d.version) = ${V2} as v2
       from (values ${sql.join(defaults, sql`, `)}) as d(year, min_age, version)
       left join lateral (select ip.params from insurance_parameters ip where ip.year = d.year order by ip.version desc limit 1) sp on true)`;
}
/** Status periods as currently known (rows no later report supersedes), standing on 31 December of `d`. */
export function standingPeriodSql(alias: string, d: SQL): SQL {
  const a = sql.raw(alias);
  return sql`${a}.starts_on <= ${d} and (${a}.ends_on is null or ${a}.ends_on >= ${d})
    and not exists (select 1 from insurance_status_periods nx where nx.supersedes_id = ${a}.id)`;
}

/**
 * The coverage rate without a row per person and year: persons are first counted by household
 * region, birth year and death year (someone born in year b is of age on 31 December of every
 * year ≥ b + minAge; someone who died in year d is not counted from year d on), and only the
 * insured person-years are joined to their person. Version 2 deducts the people with a status
 * period standing on 31 December the same way — periods as ranges of years, counted by cohort,
 * expanded per year only for people with several periods — and adds back those of them who are
 * pension-insured that year (people in both sets only, joined on the person).
 */
function coverageRateSql(r: Range): SQL {
  const lastYearOn = (col: SQL) => sql`(extract(year from ${col})::int - case when ${col} = make_date(extract(year from ${col})::int, 12, 31) then 0 else 1 end)`;
  const ofAge = (alias: string) => sql.raw(`${alias}.by <= m.year - m.min_age and (${alias}.dy is null or ${alias}.dy > m.year)`);
  return sql`with ${spansCte(r, PENSION_TYPES, PENSION_KINDS)},
     minage as ${settingsOf(r)},
     deaths as (select person_id, extract(year from min(occurred_on))::int as dy from insurance_life_events where kind = 'death' and ${systemScope()} group by person_id),
     cohorts as (
       select p.region_code, extract(year from p.birth_date)::int as by, d.dy, count(*)::int as n
         from persons p left join deaths d on d.person_id = p.id
        where ${systemScope()}
        group by p.region_code, extract(year from p.birth_date), d.dy),
     den as (
       select c.region_code, m.year, sum(c.n)::int as denominator
         from cohorts c join minage m on c.by <= m.year - m.min_age and (c.dy is null or c.dy > m.year)
        group by c.region_code, m.year),
     pspans as (
       select s.person_id, s.first_y, s.last_y, p.region_code as hukou, extract(year from p.birth_date)::int as by, d.dy
         from spans s join persons p on p.id = s.person_id left join deaths d on d.person_id = s.person_id),
     num_single as (
       select ps.hukou, ps.by, ps.dy, ps.first_y, ps.last_y, count(*)::int as n from pspans ps
        where not exists (select 1 from multi mu where mu.person_id = ps.person_id)
        group by ps.hukou, ps.by, ps.dy, ps.first_y, ps.last_y),
     num_multi as (
       select distinct y.year, ps.person_id, ps.hukou, ps.by, ps.dy
         from pspans ps join multi mu on mu.person_id = ps.person_id join year_list y on y.year between ps.first_y and ps.last_y),
     num as (
       select ns.hukou as region_code, m.year, ns.n from num_single ns
         join minage m on m.year between ns.first_y and ns.last_y and ${ofAge('ns')}
       union all
       select nm.hukou, nm.year, 1 from num_multi nm join minage m on m.year = nm.year and ${ofAge('nm')}),
     num_total as (select region_code, year, sum(n)::int as numerator from num group by region_code, year),
     xspans as (
       select sp.person_id, greatest(extract(year from sp.starts_on)::int, ${r.fromYear}::int) as first_y,
              least(${r.toYear}::int, coalesce(${lastYearOn(sql`sp.ends_on`)}, ${r.toYear}::int)) as last_y
         from insurance_status_periods sp
        where ${systemScope()} and sp.kind in ('student', 'insured_elsewhere')
          and not exists (select 1 from insurance_status_periods nx where nx.supersedes_id = sp.id)),
     xp as (
       select x.person_id, x.first_y, x.last_y, p.region_code as hukou, extract(year from p.birth_date)::int as by, d.dy
         from xspans x join persons p on p.id = x.person_id left join deaths d on d.person_id = x.person_id
        where x.first_y <= x.last_y),
     xmulti as (select person_id from xp group by person_id having count(*) > 1),
     x_single as (
       select xp.hukou, xp.by, xp.dy, xp.first_y, xp.last_y, count(*)::int as n from xp
        where not exists (select 1 from xmulti mu where mu.person_id = xp.person_id)
        group by xp.hukou, xp.by, xp.dy, xp.first_y, xp.last_y),
     x_multi as (
       select distinct y.year, xp.person_id, xp.hukou, xp.by, xp.dy
         from xp join xmulti mu on mu.person_id = xp.person_id join year_list y on y.year between xp.first_y and xp.last_y),
     -- The people in both sets first (a hash join on the person), then their common years.
     x_both as materialized (
       select xp.person_id, xp.hukou, xp.by, xp.dy, greatest(xp.first_y, s.first_y) as a, least(xp.last_y, s.last_y) as b
         from xp join spans s on s.person_id = xp.person_id),
     x_insured as (
       select distinct y.year, xb.person_id, xb.hukou, xb.by, xb.dy
         from x_both xb join year_list y on y.year between xb.a and xb.b),
     excl as (
       select xs.hukou as region_code, m.year, xs.n from x_single xs
         join minage m on m.v2 and m.year between xs.first_y and xs.last_y and ${ofAge('xs')}
       union all
       select xm.hukou, xm.year, 1 from x_multi xm join minage m on m.v2 and m.year = xm.year and ${ofAge('xm')}
       union all
       select xi.hukou, xi.year, -1 from x_insured xi join minage m on m.v2 and m.year = xi.year and ${ofAge('xi')}),
     excl_total as (select region_code, year, sum(n)::int as excluded from excl group by region_code, year)
    select den.region_code, den.year as period, coalesce(nt.numerator, 0)::int as numerator, (den.denominator - coalesce(ex.excluded, 0))::int as denominator
      from den left join num_total nt on nt.region_code = den.region_code and nt.year = den.year
      left join excl_total ex on ex.region_code = den.region_code and ex.year = den.year`;
}

/** The drill-down: the people of age in the chosen regions, insured or not (a small, scoped set); under version 2 without those exempt. */
function coverageRecordsSql(a: RecordArgs): SQL {
  const r = { fromYear: a.year, toYear: a.year };
  return sql`with ${insuredCte(r, PENSION_TYPES, PENSION_KINDS, { enrolments: systemScope(), decisions: systemScope() })},
     minage as ${settingsOf(r)}
    select p.id, p.name as label, p.id_masked as "idNumberMasked", p.region_code as "regionCode", (i.person_id is not null) as insured
      from persons p join minage m on extract(year from p.birth_date)::int <= m.year - m.min_age
      left join insured i on i.person_id = p.id and i.year = m.year
     where ${scopeOn(a.scope, 'p')} and p.region_code in (${list(a.regionCodes.length ? a.regionCodes : [''])})
       and not exists (select 1 from insurance_life_events le where le.person_id = p.id and le.kind = 'death' and extract(year from le.occurred_on)::int <= m.year)
       and not (m.v2 and i.person_id is null and exists (
             select 1 from insurance_status_periods sp where sp.person_id = p.id and ${standingPeriodSql('sp', sql`make_date(m.year, 12, 31)`)}))
     order by insured, p.id limit ${a.limit} offset ${a.offset}`;
}

export const pensionCoverageRate: MeasureDef = {
  key: 'insurance.pensionCoverageRate',
  name: { zh: '基本养老保险参保率', en: 'Basic pension insurance coverage rate' },
  unit: '%',
  kind: 'ratio',
  time: 'stock',
  definition: {
    zh: `基本养老保险参保人数 ÷ 应参保人数 × 100%，按户籍地区统计。应参保人数口径按年度参数（coverageDenominator.version）取用，现行默认 ${COVERAGE_DENOMINATOR_LATEST}：${coverageDenominatorDefinitions[COVERAGE_DENOMINATOR_LATEST].zh}；此前口径 registry-16plus@1：${coverageDenominatorDefinitions['registry-16plus@1'].zh}。分子为应参保人员中参加任一基本养老保险或领取基本养老金的人数。`,
    en: `Pension-insured ÷ people who should be insured × 100%, by household region. The denominator follows the year's parameters (coverageDenominator.version); default ${COVERAGE_DENOMINATOR_LATEST}: ${coverageDenominatorDefinitions[COVERAGE_DENOMINATOR_LATEST].en}; earlier registry-16plus@1: ${coverageDenominatorDefinitions['registry-16plus@1'].en}. Numerator: those of them in any basic pension scheme or drawing a basic pension.`,
  },
  sql: coverageRateSql,
  records: coverageRecordsSql,
};

export const insuranceMeasures: MeasureDef[] = [
  pensionInsured,
  pensionCoverageRate,
  urbanWorkerPensionPaying,
  residentPensionPaying,
  unemploymentInsured,
  unemploymentPaying,
  workInjuryInsured,
  workInjuryPaying,
  enterprisePensionInsured,
  residentPensionInsured,
];
