// The insurance generator part: on a small synthetic province the 2020 insurance counts equal
// the plan's base × scale, the records keep the rules the measures and decisions rely on, the
// fund-supervision rules find the planted cases, and the same seed writes the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app';
import { generate } from '../../platform/generate';
import { rollUp, runMeasureSql } from '../../platform/measures/engine';
import { employmentModule, findOpenUnemploymentRegistration } from '../employment';
import { registryModule } from '../registry';
import { statutoryRetirementMonth, unemploymentBenefit, workInjuryBenefit, type UnemploymentInput, type WorkInjuryInput } from './benefit-rules';
import { NO_SIGNAL_SHARE, WORK_INJURY_RATE } from './generate-benefits';
import { authenticationScore } from './lifeevents';
import { transferAmountFromLedger } from './transfer';
import { ACTIVE, insuranceGenerator, pensionStartMonth, PENSIONERS, TYPE_TARGETS } from './generate';
import { COVERAGE_RATE_2020 } from './generate-periods';
import { insuranceMeasures } from './measures';
import { baseBand, defaultParams } from './params';
import { employerContributionDrops, runSupervision } from './supervision';

const SCALE = 0.002;
const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';
let t: TestApp;
let again: TestApp;
const parts = [registryModule.generator!, employmentModule.generator!, insuranceGenerator];

beforeAll(async () => {
  [t, again] = await Promise.all([testApp(), testApp()]);
  await generate({ platform: t.platform, parts, scale: SCALE, seed: 7, fromYear: 2016, toYear: 2025, out: () => {} });
  await generate({ platform: again.platform, parts, scale: SCALE, seed: 7, fromYear: 2016, toYear: 2025, out: () => {} });
}, 900_000);
afterAll(async () => Promise.all([t.close(), again.close()]));

async function province(key: string, year: number): Promise<number> {
  const m = insuranceMeasures.find((x) => x.key === key)!;
  const r = await runMeasureSql(t.platform.db, m, [year]);
  return rollUp(m, r, t.platform.regions.index, [year]).figures.find((f) => f.regionCode === '460000')!.value!;
}

const q = <T>(text: string) => t.database.query<T>(text);

describe('pension start month', () => {
  it('is the month statutoryRetirementMonth gives (men 60, women cadres 55, women workers 50, raised from 2025)', () => {
    for (const birth of ['1955-03-10', '1964-12-01', '1966-01-15', '1970-06-30', '1975-02-01', '1980-11-11']) {
      const [y, m] = birth.split('-').map(Number);
      for (const group of ['male', 'female_cadre', 'female_worker'] as const) {
        const mi = pensionStartMonth(y * 12 + m - 1, group);
        const expected = statutoryRetirementMonth(birth, group).month;
        expect(`${Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}-01`).toBe(expected);
      }
    }
  });
});

describe(`insurance generator (${db})`, () => {
  it('reproduces the 2020 base of the plan at the given scale, within 2%', async () => {
    const pensionInsured = Object.values(ACTIVE).reduce((s, a) => s + a.insured[2020], 0) - ACTIVE.wip.insured[2020] + Object.values(PENSIONERS).reduce((s, a) => s + a[2020], 0);
    expect(pensionInsured).toBe(6_301_600); // 630.16万, the plan's base
    const expected: Record<string, number> = {
      'insurance.pensionInsured': 6_301_600,
      'insurance.urbanWorkerPensionPaying': 1_710_000,
      'insurance.residentPensionPaying': 1_930_000,
      'insurance.unemploymentInsured': TYPE_TARGETS.unemployment.insured2020,
      'insurance.unemploymentPaying': TYPE_TARGETS.unemployment.paying2020,
      'insurance.workInjuryInsured': TYPE_TARGETS.work_injury.insured2020,
      'insurance.workInjuryPaying': TYPE_TARGETS.work_injury.paying2020,
    };
    for (const [key, base] of Object.entries(expected)) {
      const v = await province(key, 2020);
      expect(Math.abs(v - base * SCALE) / (base * SCALE), `${key}: ${v} vs ${base * SCALE}`).toBeLessThanOrEqual(0.02);
    }
  });

  it('reproduces the 2020 pension coverage rate of 91% under the default denominator (v2: students and people insured elsewhere left out), not under v1', async () => {
    expect(defaultParams(2020).coverageDenominator.version).toBe('registry-16plus-students-elsewhere@2');
    const v2 = await province('insurance.pensionCoverageRate', 2020);
    expect(Math.abs(v2 - COVERAGE_RATE_2020 * 100) / (COVERAGE_RATE_2020 * 100), `v2 ${v2}`).toBeLessThanOrEqual(0.02);
    await t.database.query(`insert into insurance_parameters (year, version, params, note) values (2020, 1, $1::jsonb, 'test')`, [JSON.stringify({ coverageDenominator: { version: 'registry-16plus@1', minAge: 16 } })]);
    const v1 = await province('insurance.pensionCoverageRate', 2020);
    await t.database.query(`delete from insurance_parameters where note = 'test'`);
    // Version 1 counts every registered person of 16+: the same records give a rate well below.
    expect(v1).toBeLessThan(v2 - 5);
  });

  it('students are mostly 16–24, at school in the stocks assumed, and never enrolled while at school; people insured elsewhere are of working age and not insured here then', async () => {
    const [c] = await q<{ students: number; young: number; enrolled: number; elsewhere: number; working: number; insured_here: number }>(`
      select count(*) filter (where sp.kind = 'student')::int as students,
             count(*) filter (where sp.kind = 'student' and date_part('year', age('2020-12-31', p.birth_date)) between 16 and 24)::int as young,
             count(*) filter (where sp.kind = 'student' and exists (select 1 from insurance_enrolments en where en.person_id = sp.person_id
                and en.insurance_type in ('enterprise_pension', 'institution_pension', 'resident_pension') and en.start_date <= sp.ends_on and (en.end_date is null or en.end_date >= sp.starts_on)))::int as enrolled,
             count(*) filter (where sp.kind = 'insured_elsewhere')::int as elsewhere,
             count(*) filter (where sp.kind = 'insured_elsewhere' and date_part('year', age('2020-12-31', p.birth_date)) between 18 and 59)::int as working,
             count(*) filter (where sp.kind = 'insured_elsewhere' and exists (select 1 from insurance_enrolments en where en.person_id = sp.person_id
                and en.start_date <= '2020-12-31' and (en.end_date is null or en.end_date >= '2020-12-31')))::int as insured_here
        from insurance_status_periods sp join persons p on p.id = sp.person_id
       where sp.starts_on <= '2020-12-31' and (sp.ends_on is null or sp.ends_on >= '2020-12-31') /*scope:system*/`);
    // At school on 31 December 2020: 普通高中 19万 + 中职 10万 + 高校 20万 at scale 1.
    expect(Math.abs(c.students - 490_000 * SCALE)).toBeLessThanOrEqual(490_000 * SCALE * 0.05);
    expect(c.young / c.students).toBeGreaterThan(0.6);
    expect(c.enrolled).toBe(0);
    expect(c.elsewhere).toBeGreaterThan(0);
    expect(c.working).toBe(c.elsewhere);
    expect(c.insured_here).toBe(0);
  });

  it('moves toward the 2025 targets: insured counts grow, and the binding unemployment count stays short of 210万', async () => {
    expect(await province('insurance.pensionInsured', 2025)).toBeGreaterThan(await province('insurance.pensionInsured', 2020));
    expect(await province('insurance.workInjuryPaying', 2025)).toBeGreaterThan(await province('insurance.workInjuryPaying', 2020));
    const unemployed2025 = await province('insurance.unemploymentInsured', 2025);
    expect(unemployed2025).toBeGreaterThan(await province('insurance.unemploymentInsured', 2020));
    expect(unemployed2025).toBeLessThan(2_100_000 * SCALE);
  });

  it('keeps the rules: one open spell per type, one pension scheme at a time, contributions stop before the pension starts', async () => {
    const [c] = await q<{ open2: number; schemes: number; overlap: number; dead: number }>(`
      select (select count(*) from (select person_id, insurance_type from insurance_enrolments where status <> 'terminated' group by 1, 2 having count(*) > 1) x)::int as open2,
             (select count(*) from (select person_id from insurance_enrolments
                where insurance_type in ('enterprise_pension', 'institution_pension', 'resident_pension') and status <> 'terminated'
                group by 1 having count(distinct insurance_type) > 1) x)::int as schemes,
             (select count(*) from insurance_enrolments e join insurance_benefit_decisions d on d.person_id = e.person_id
                where e.insurance_type in ('enterprise_pension', 'institution_pension', 'resident_pension')
                  and (e.end_date is null or e.end_date >= d.start_month) and d.kind = e.insurance_type)::int as overlap,
             (select count(*) from insurance_life_events le join insurance_benefit_decisions d on d.person_id = le.person_id
                where le.kind = 'death' and (d.status <> 'stopped' or d.stopped_from_month <> (date_trunc('month', le.occurred_on) + interval '1 month')::date))::int as dead /*scope:system*/`);
    expect(c).toEqual({ open2: 0, schemes: 0, overlap: 0, dead: 0 });
  });

  it('declares within the legal base band at the year’s rates, except the planted low bases', async () => {
    const p = defaultParams(2025);
    const band = baseBand(p);
    const r = await q<{ declared: number; low: number; high: number; wrong: number }>(`
      select count(*)::int as declared,
             count(*) filter (where base_fen < ${band.floorFen})::int as low,
             count(*) filter (where base_fen > ${band.ceilFen})::int as high,
             count(*) filter (where employer_fen <> round(base_fen * employer_rate_bp / 10000.0) or personal_fen <> round(base_fen * personal_rate_bp / 10000.0)
                               or (insurance_type = 'enterprise_pension' and employer_id is not null and (employer_rate_bp, personal_rate_bp) <> (${p.rates.enterprise_pension.employer}, ${p.rates.enterprise_pension.personal})))::int as wrong
        from insurance_ledger where event = 'declared' and fee_month = '2025-12-01' /*scope:system*/`);
    expect(r[0].declared).toBeGreaterThan(0);
    expect(r[0].low).toBeGreaterThanOrEqual(1);
    expect(r[0].low).toBeLessThan(r[0].declared * 0.01);
    expect({ high: r[0].high, wrong: r[0].wrong }).toEqual({ high: 0, wrong: 0 });
  });

  it('plants cases the fund-supervision rules find, and only those', async () => {
    const runs = await runSupervision(t.platform, { asOf: '2026-01-20' });
    const found = Object.fromEntries(runs.map((r) => [r.rule, r.found]));
    for (const rule of ['paid_after_death', 'paid_while_imprisoned', 'exclusive_pensions', 'benefits_two_regions', 'base_out_of_band']) expect(found[rule], rule).toBeGreaterThanOrEqual(1);
    // Paid after death: every hit is a death that became known only after a payment went out.
    const [late] = await q<{ hits: number; late: number }>(`
      select count(*)::int as hits,
             count(*) filter (where (h.evidence ->> 'knownOn')::date > (select min(p.paid_on) from insurance_benefit_payments p
                                where p.decision_id = (h.evidence ->> 'decisionId')::bigint and p.pay_month > (h.evidence ->> 'deathDate')::date))::int as late
        from insurance_supervision_hits h where h.rule_key = 'paid_after_death' /*scope:system*/`);
    expect(late.hits).toBeGreaterThanOrEqual(1);
    expect(late.hits).toBe(late.late);
    const drops = await employerContributionDrops(t.platform, { month: '2025-12-01' });
    expect(drops.length).toBeGreaterThanOrEqual(1);
    expect(drops.every((d) => d.share >= 0.3 && d.stopped >= 10)).toBe(true);
  });

  it('every benefit decision states its inputs, rule version, clause and parameter version, and its amounts are what the rule gives for those inputs', async () => {
    const d = await q<{ id: number; person_id: number; kind: string; inputs: Record<string, unknown> | string; rule_key: string; rule_version: string; clause: string; params_version: string; monthly_fen: number; lump_sum_fen: number; start_month: string; end_month: string | null; registration_ref: string | null }>(
      `select id, person_id, kind, inputs, rule_key, rule_version, clause, params_version, monthly_fen::float8 as monthly_fen, lump_sum_fen::float8 as lump_sum_fen,
              start_month::text, end_month::text, registration_ref from insurance_benefit_decisions /*scope:system*/`,
    );
    const kinds = new Set(d.map((x) => x.kind));
    for (const k of ['enterprise_pension', 'resident_pension', 'work_injury_lump_sum', 'unemployment_benefit']) expect(kinds.has(k), k).toBe(true);
    const unexplained = d.filter((x) => !x.rule_key || !x.rule_version || !x.clause || !x.params_version || Object.keys(typeof x.inputs === 'string' ? JSON.parse(x.inputs) : x.inputs).length === 0);
    expect(unexplained.map((x) => x.id)).toEqual([]);
    const inputsOf = <T>(x: { inputs: unknown }) => (typeof x.inputs === 'string' ? JSON.parse(x.inputs) : x.inputs) as T;
    for (const x of d.filter((y) => y.kind === 'work_injury_lump_sum' || y.kind === 'work_injury_allowance')) {
      const r = workInjuryBenefit(inputsOf<WorkInjuryInput>(x));
      expect(x.kind === 'work_injury_lump_sum' ? x.lump_sum_fen : x.monthly_fen, `decision ${x.id}`).toBe(x.kind === 'work_injury_lump_sum' ? r.lumpSumFen : r.monthlyFen);
    }
    // Unemployment benefit rests on the person's open unemployment registration (employment module), for the rule's term.
    for (const x of d.filter((y) => y.kind === 'unemployment_benefit')) {
      const reg = await findOpenUnemploymentRegistration(t.platform, Number(x.person_id));
      expect(reg?.id, `decision ${x.id}`).toBe(Number(x.registration_ref));
      const r = unemploymentBenefit(inputsOf<UnemploymentInput>(x));
      const term = (Number(x.end_month!.slice(0, 4)) - Number(x.start_month.slice(0, 4))) * 12 + Number(x.end_month!.slice(5, 7)) - Number(x.start_month.slice(5, 7)) + 1;
      expect({ monthly: x.monthly_fen, term }).toEqual({ monthly: r.monthlyFen, term: r.months });
    }
  });

  it('work-injury decisions come at about 2 per 1,000 insured a year (a lump sum each; an allowance for grades 1–4 only)', async () => {
    const [c] = await q<{ insured: number; lump: number; allowance: number; high_grade: number }>(`
      select (select count(*) from insurance_enrolments where insurance_type = 'work_injury' and status = 'paying')::int as insured,
             (select count(*) from insurance_benefit_decisions where kind = 'work_injury_lump_sum')::int as lump,
             (select count(*) from insurance_benefit_decisions where kind = 'work_injury_allowance')::int as allowance,
             (select count(*) from insurance_benefit_decisions where kind = 'work_injury_lump_sum' and (inputs ->> 'grade')::int <= 4)::int as high_grade /*scope:system*/`);
    // Injuries of the last 12 months whose decision (3 months on) is made by the last month: 9 of 12.
    const expected = c.insured * WORK_INJURY_RATE * 0.75;
    expect(c.lump).toBeGreaterThanOrEqual(1);
    expect(c.lump).toBeLessThan(expected * 3 + 3);
    expect(c.allowance).toBe(c.high_grade);
  });

  it('life signals leave about NO_SIGNAL_SHARE of living pensioners without recent evidence, and those are due for self-authentication', async () => {
    const asOf = '2025-12-31';
    const sig = await q<{ person_id: number; kind: string; observed_on: string | null }>(`
      select d.person_id, s.kind, s.observed_on::text as observed_on
        from (select distinct person_id from insurance_benefit_decisions where status = 'active' and kind in ('enterprise_pension', 'institution_pension', 'resident_pension')) d
        left join insurance_life_signals s on s.person_id = d.person_id /*scope:system*/`);
    const by = new Map<number, { kind: never; observedOn: string }[]>();
    for (const r of sig) {
      const l = by.get(r.person_id) ?? by.set(r.person_id, []).get(r.person_id)!;
      if (r.observed_on) l.push({ kind: r.kind as never, observedOn: r.observed_on });
    }
    const a = defaultParams(2025).authentication;
    let due = 0;
    let noRecent = 0;
    for (const l of by.values()) {
      const s = authenticationScore(l, asOf, a);
      if (s.due) due++;
      if (s.evidence.length === 0) {
        noRecent++;
        expect(s.due).toBe(true);
      }
    }
    expect(by.size).toBeGreaterThan(500);
    expect(noRecent / by.size).toBeGreaterThan(NO_SIGNAL_SHARE * 0.5);
    expect(noRecent / by.size).toBeLessThan(NO_SIGNAL_SHARE * 2);
    expect(due).toBeGreaterThanOrEqual(noRecent);
    expect(due / by.size).toBeLessThan(0.5);
  });

  it('transfers move through their legs in order, on or after the previous date, and an outgoing sheet carries the amount computed from the ledger', async () => {
    const tr = await q<{ id: number; person_id: number; direction: string; status: string; c: string | null; a: string | null; l: string | null; s: string | null; d: string | null; computed: number | null; events: number }>(`
      select t.id, t.person_id, t.direction, t.status, t.certificate_issued_on::text as c, t.applied_on::text as a, t.letter_sent_on::text as l, t.sheet_sent_on::text as s, t.completed_on::text as d,
             t.computed_amount_fen::float8 as computed, (select count(*) from insurance_transfer_events e where e.transfer_id = t.id)::int as events
        from insurance_transfers t /*scope:system*/`);
    expect(tr.length).toBeGreaterThanOrEqual(1);
    for (const x of tr) {
      const dates = [x.c, x.a, x.l, x.s, x.d].filter((v): v is string => v !== null);
      expect([...dates].sort(), `transfer ${x.id}`).toEqual(dates);
      expect(x.events, `transfer ${x.id}`).toBe(dates.length + (x.status === 'rejected' ? 1 : 0));
      if (x.s && x.direction === 'out') {
        const a = await transferAmountFromLedger({ platform: t.platform }, x.person_id, 'enterprise_pension', 12, 1998);
        expect(x.computed).toBe(a.totalFen);
      }
    }
  });

  it('arrears notices: one for each employer left unpaid in December, for what the ledger shows as due and not paid', async () => {
    const n = await q<{ employer_id: number; arrears_fen: number; ledger: number }>(`
      select n.employer_id, n.arrears_fen::float8 as arrears_fen,
             (select sum(employer_fen + personal_fen) filter (where side = 'due') - coalesce(sum(employer_fen + personal_fen) filter (where side = 'paid'), 0)
                from insurance_ledger l where l.employer_id = n.employer_id and l.fee_month = n.fee_month)::float8 as ledger
        from insurance_arrears_notices n where n.fee_month = '2025-12-01' /*scope:system*/`);
    expect(n.length).toBeGreaterThanOrEqual(1);
    for (const x of n) expect(x.arrears_fen).toBe(x.ledger);
  });

  it('writes the same rows for the same seed', async () => {
    const digest = async (a: TestApp) =>
      a.database.query<{ t: string; h: string }>(`
        select 'enrolments' as t, md5(string_agg(concat_ws('|', id, person_id, insurance_type, employer_id, status, start_date, end_date, region_code), ',' order by id)) as h from insurance_enrolments
        union all select 'ledger', md5(string_agg(concat_ws('|', id, person_id, insurance_type, fee_month, period_months, event, base_fen, employer_fen, personal_fen, account_fen, value_date), ',' order by id)) from insurance_ledger
        union all select 'decisions', md5(string_agg(concat_ws('|', id, person_id, kind, status, start_month, monthly_fen, stopped_from_month), ',' order by id)) from insurance_benefit_decisions
        union all select 'payments', md5(string_agg(concat_ws('|', decision_id, pay_month, amount_fen), ',' order by decision_id, pay_month)) from insurance_benefit_payments
        union all select 'life', md5(string_agg(concat_ws('|', id, person_id, kind, occurred_on, known_on), ',' order by id)) from insurance_life_events
        union all select 'periods', md5(string_agg(concat_ws('|', person_id, kind, starts_on, ends_on, place, known_on, source_ref), ',' order by source_ref, starts_on)) from insurance_status_periods
        union all select 'signals', md5(string_agg(concat_ws('|', person_id, kind, observed_on, source_ref), ',' order by source_ref)) from insurance_life_signals
        union all select 'transfers', md5(string_agg(concat_ws('|', id, person_id, direction, status, applied_on, completed_on, computed_amount_fen), ',' order by id)) from insurance_transfers
        union all select 'notices', md5(string_agg(concat_ws('|', employer_id, fee_month, arrears_fen, late_fee_fen), ',' order by employer_id)) from insurance_arrears_notices /*scope:system*/`);
    const [a, b] = await Promise.all([digest(t), digest(again)]);
    expect(a.every((x) => x.h !== null)).toBe(true);
    expect(b).toEqual(a);
  });
});
