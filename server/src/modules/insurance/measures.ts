// Figures the insurance module contributes to the plan (hainan-hrss-14 专栏 社会保障). All are
// stocks at 31 December, computed from enrolment spells, benefit decisions and the ledger:
//
// - 参保人数 (insured): persons with an enrolment spell covering 31 December (paying or
//   suspended), plus — for the pension schemes — persons drawing a pension of that scheme on
//   that day (参保人数含离退休). Each person counts once, in the region of their latest spell.
// - 缴费人数 (paying): insured at 31 December in the scheme *and* with at least one fee month of
//   that year fully paid in the ledger (net paid ≥ net due > 0).
// - 参保率 (coverage rate, versioned denominator `registry-16plus@1`): persons in the registry
//   aged at least `minAge` (parameter, default 16) on 31 December and not recorded dead by then,
//   by household region; numerator: those of them pension-insured (any of the three schemes,
//   or drawing a basic pension). Full-time students should be deducted (国发〔2014〕8号: 年满16周岁
//   非在校学生) but no student source exists yet, so none are: the rate is understated by the
//   student share. The version and minimum age live in the year's parameters.
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { MeasureDef } from '../../platform/measures';
import { scopeWhere, systemScope, type Scope } from '../../platform/scope';
import { scopeOn } from './access';
import { insuranceLedger } from './schema';
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
     flagged as (
       select i.year, i.person_id, i.region_code,
              exists (select 1 from months m where m.person_id = i.person_id and m.year = i.year and m.paid > 0 and m.paid >= m.due) as paying
         from insured i),
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
    sql: (r) => sql`with ${insuredCte(r, types, kinds, { enrolments: systemScope(), decisions: systemScope() })}
      select region_code, year as period, count(*)::int as value from insured group by region_code, year`,
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

/** The coverage-rate population: registry persons old enough on 31 December and alive then. */
function coverageCte(r: Range, persons: SQL): SQL {
  return sql`${insuredCte(r, PENSION_TYPES, PENSION_KINDS, { enrolments: systemScope(), decisions: systemScope() })},
     minage as (
       select ye.year, ye.d, coalesce((select (ip.params -> 'coverageDenominator' ->> 'minAge')::int from insurance_parameters ip where ip.year = ye.year order by ip.version desc limit 1), 16) as min_age
         from ${years(r)} ye),
     population as (
       select m.year, p.id as person_id, p.region_code
         from persons p join minage m on p.birth_date <= (m.d - make_interval(years => m.min_age))::date
        where ${persons}
          and not exists (select 1 from insurance_life_events le where le.person_id = p.id and le.kind = 'death' and le.occurred_on <= m.d))`;
}

export const pensionCoverageRate: MeasureDef = {
  key: 'insurance.pensionCoverageRate',
  name: { zh: '基本养老保险参保率', en: 'Basic pension insurance coverage rate' },
  unit: '%',
  kind: 'ratio',
  time: 'stock',
  definition: {
    zh: '基本养老保险参保人数 ÷ 应参保人数 × 100%。应参保人数口径 registry-16plus@1：人员库中12月31日年满16周岁（年度参数 minAge）且无死亡记录的人数，按户籍地区统计；在校学生应扣除但尚无数据来源，暂未扣除。分子为其中参加任一基本养老保险或领取基本养老金的人数。',
    en: 'Pension-insured ÷ people who should be insured × 100%. Denominator version registry-16plus@1: registry persons aged 16+ (parameter minAge) on 31 December with no recorded death, by household region; students should be deducted but no source exists yet. Numerator: those of them in any basic pension scheme or drawing a basic pension.',
  },
  sql: (r) => sql`with ${coverageCte(r, systemScope())}
    select pop.region_code, pop.year as period,
           count(*) filter (where exists (select 1 from insured i where i.person_id = pop.person_id and i.year = pop.year))::int as numerator,
           count(*)::int as denominator
      from population pop group by pop.region_code, pop.year`,
  records: (a: RecordArgs) => sql`with ${coverageCte({ fromYear: a.year, toYear: a.year }, sql`${scopeOn(a.scope, 'p')} and p.region_code in (${list(a.regionCodes.length ? a.regionCodes : [''])})`)}
    select pop.person_id as id, p.name as label, p.id_masked as "idNumberMasked", pop.region_code as "regionCode",
           exists (select 1 from insured i where i.person_id = pop.person_id and i.year = pop.year) as insured
      from population pop join persons p on p.id = pop.person_id
     order by insured, pop.person_id limit ${a.limit} offset ${a.offset}`,
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
