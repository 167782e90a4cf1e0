// Rules of the insurance measures: year-end stocks from enrolment spells, pension decisions and
// the ledger; each person counted once; the coverage rate a ratio of sums over registry persons
// of age, under the denominator version of the year (v2, the default, leaves out people in a
// study or other-province insurance period unless insured here; v1 does not); drill-down
// records scoped; the coverage-gap list and dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { rollUp, runMeasureSql } from '../../platform/measures/engine';
import { rows } from '../../platform/db';
import { declarationXlsx, hire, insuredEmployer, periodsXlsx, person, upload, type TestPerson } from './fixture.test-helper';
import { insuranceMeasures } from './measures';

let t: TestApp;
let clerk: Agent;
let far: Agent;
const P: Record<string, TestPerson> = {};

async function figures(key: string, years = [2023, 2024, 2025]) {
  const def = insuranceMeasures.find((m) => m.key === key)!;
  const r = await runMeasureSql(t.platform.db, def, years);
  const { figures: f } = rollUp(def, r, t.platform.regions.index, years);
  const at = (region: string, year: number) => f.find((x) => x.regionCode === region && x.year === year)!;
  return { at, value: (region: string, year: number) => at(region, year).value };
}

beforeAll(async () => {
  t = await testApp();
  await t.user('m-clerk', '469021', ['caseworker']);
  await t.user('m-far', '469022', ['caseworker']);
  clerk = await t.login('m-clerk');
  far = await t.login('m-far');
  const e = await insuredEmployer(clerk, '定安统计厂');
  P.a = await person(clerk, '统计甲', { birthDate: '1980-01-01' }); // enterprise 2024-, paid 2025-03
  P.b = await person(clerk, '统计乙', { birthDate: '1981-01-01' }); // enterprise 2024-01 … 2025-06
  P.c = await person(clerk, '统计丙', { birthDate: '1970-01-01' }); // resident 2025-, paid 2025
  P.d = await person(clerk, '统计丁', { birthDate: '1955-01-01' }); // enterprise pensioner since 2020
  P.f = await person(clerk, '统计己', { birthDate: '2005-06-01' }); // of age, never insured
  P.g = await person(clerk, '统计庚', { birthDate: '2015-01-01' }); // a child
  P.h = await person(clerk, '统计辛', { birthDate: '1960-01-01' }); // dies 2025-05, insured before
  P.x = await person(far, '统计壬', { region: '469022100', birthDate: '1990-01-01' }); // another county, unemployment only
  P.m = await person(clerk, '统计癸', { birthDate: '1975-01-01' }); // resident 2023–2024, then enterprise from 2025: two spells
  await hire(clerk, e.id, P.a.id, '2024-01-01');
  await hire(clerk, e.id, P.b.id, '2024-01-01');
  await hire(clerk, e.id, P.h.id, '2024-01-01');
  expect((await clerk.post(`/api/v1/insurance/employers/${e.id}/staff/remove`, { personId: P.b.id, endDate: '2025-06-30' })).statusCode).toBe(200);
  const job = await upload(clerk, 'contributions', await declarationXlsx([
    { uscc: e.uscc, feeMonth: '2025-03', idNumber: P.a.idNumber, name: P.a.name, base: '6000' },
    { uscc: e.uscc, feeMonth: '2025-03', idNumber: P.b.idNumber, name: P.b.name, base: '6000' },
  ]));
  expect(job.status, JSON.stringify(job.message)).toBe('succeeded');
  expect((await clerk.post(`/api/v1/insurance/employers/${e.id}/payments`, { feeMonth: '2025-03', paidOn: '2025-04-10', paymentRef: 'M-1' })).statusCode).toBe(200);
  const res = (await clerk.post('/api/v1/insurance/enrolments', { personId: P.c.id, insuranceType: 'resident_pension', startDate: '2025-01-01' })).json();
  expect((await clerk.post(`/api/v1/insurance/enrolments/${res.id}/contributions`, { feeMonth: '2025-01', levelFen: 30_000, paidOn: '2025-02-01' })).statusCode).toBe(201);
  const mres = (await clerk.post('/api/v1/insurance/enrolments', { personId: P.m.id, insuranceType: 'resident_pension', startDate: '2023-01-01' })).json();
  expect((await clerk.post(`/api/v1/insurance/enrolments/${mres.id}/status`, { action: 'terminate', date: '2024-12-31', version: mres.version })).statusCode).toBe(200);
  await hire(clerk, e.id, P.m.id, '2025-01-01');
  const fe = await insuredEmployer(far, '屯昌统计厂', '469022100', ['unemployment', 'work_injury']);
  await hire(far, fe.id, P.x.id, '2025-02-01');
  await t.database.query(
    `insert into insurance_benefit_decisions (person_id, region_code, kind, status, start_month, monthly_fen, inputs, explanation, rule_key, rule_version, clause, params_version)
     values ($1, '469021100', 'enterprise_pension', 'active', '2020-02-01', 300000, '{}', '[]', 'test', 'test', 'test', 'test')`,
    [P.d.id],
  );
  await t.database.query(
    `insert into insurance_life_events (person_id, region_code, kind, occurred_on, known_on, source, source_ref) values ($1, '469021100', 'death', '2025-05-10', '2025-05-20', 'civil_affairs', 'D-1')`,
    [P.h.id],
  );
  // Status periods: f a student from September 2023 (first reported open, then the graduation in
  // June 2025 under the same reference); b insured in Guangdong after leaving in June 2025; a
  // also reported insured in Guangdong in 2025 while insured here (counts: insured here).
  const periods = async (rows: string[][]) => expect((await upload(clerk, 'status-periods', await periodsXlsx(rows))).status).toBe('succeeded');
  await periods([
    [P.f.idNumber, P.f.name, '在校学生', '2023-09-01', '', '海南中学', '2023-10-01', '教育', 'XJ-F'],
    [P.b.idNumber, P.b.name, '外省参保', '2025-07-01', '', '广东省', '2025-08-01', '全国社保平台', 'QG-B'],
    [P.a.idNumber, P.a.name, '外省参保', '2025-01-01', '', '广东省', '2025-08-01', '全国社保平台', 'QG-A'],
  ]);
  await periods([[P.f.idNumber, P.f.name, '在校学生', '2023-09-01', '2025-06-30', '海南中学', '2025-07-10', '教育', 'XJ-F']]);
});

/** Pins the coverage denominator of the given years to version 1 (a saved parameter version), for the length of `run`. */
async function underV1<T>(years: number[], run: () => Promise<T>): Promise<T> {
  for (const y of years) {
    await t.database.query(`insert into insurance_parameters (year, version, params, note) values ($1, 1, $2::jsonb, 'test')`, [y, JSON.stringify({ coverageDenominator: { version: 'registry-16plus@1', minAge: 16 } })]);
  }
  try {
    return await run();
  } finally {
    await t.database.query(`delete from insurance_parameters where note = 'test'`);
  }
}
afterAll(async () => t.close());

describe(`insurance measures (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('every measure key the plan uses is registered', async () => {
    const { modules } = await import('../../modules');
    const keys = modules.find((m) => m.name === 'insurance')!.measures!.map((m) => m.key).sort();
    expect(keys).toEqual(
      [
        'insurance.enterprisePensionInsured',
        'insurance.pensionCoverageRate',
        'insurance.pensionInsured',
        'insurance.residentPensionInsured',
        'insurance.residentPensionPaying',
        'insurance.unemploymentInsured',
        'insurance.unemploymentPaying',
        'insurance.urbanWorkerPensionPaying',
        'insurance.workInjuryInsured',
        'insurance.workInjuryPaying',
      ].sort(),
    );
  });

  it('insured at year end: open spells on 31 December plus pensioners, each person once', async () => {
    const ent = await figures('insurance.enterprisePensionInsured');
    // 2024: a, b, h enrolled + d drawing a pension; 2025: b left in June, h's spell is still open (death not yet processed into the spell), m joined.
    expect(ent.value('469021100', 2024)).toBe(4);
    expect(ent.value('469021100', 2025)).toBe(4);
    const pension = await figures('insurance.pensionInsured');
    // m counts once a year through two spells: resident in 2023–2024 (ended on 31 December 2024), enterprise from 2025.
    expect([pension.value('469021100', 2023), pension.value('469021100', 2024), pension.value('469021100', 2025)]).toEqual([2, 5, 5]);
    expect(pension.value('469021', 2025)).toBe(5);
    expect(pension.value('460000', 2025)).toBe(5);
    const resident = await figures('insurance.residentPensionInsured', [2023, 2024, 2025]);
    expect([resident.value('469021100', 2023), resident.value('469021100', 2024), resident.value('469021100', 2025)]).toEqual([1, 1, 1]);
    const unemp = await figures('insurance.unemploymentInsured');
    expect([unemp.value('469021100', 2025), unemp.value('469022100', 2025), unemp.value('460000', 2025), unemp.value('469022100', 2024)]).toEqual([3, 1, 4, 0]);
  });

  it('paying at year end: insured on 31 December with a fully paid fee month that year', async () => {
    const urban = await figures('insurance.urbanWorkerPensionPaying');
    // a paid 2025-03 and is insured at year end; b paid but left; h declared nothing.
    expect([urban.value('469021100', 2024), urban.value('469021100', 2025)]).toEqual([0, 1]);
    expect((await figures('insurance.residentPensionPaying')).value('469021100', 2025)).toBe(1);
    expect((await figures('insurance.unemploymentPaying')).value('460000', 2025)).toBe(1);
    expect((await figures('insurance.workInjuryPaying')).value('469022100', 2025)).toBe(0);
  });

  it('coverage rate v1 (registry-16plus@1): insured ÷ registry persons aged 16+ and alive, a ratio of sums', async () => {
    await underV1([2024, 2025], async () => {
      const rate = await figures('insurance.pensionCoverageRate');
      // 定城镇 2025: of age and alive a b c d f m (h died in May, g is a child) → insured a, c, d, m.
      expect(rate.at('469021100', 2025)).toMatchObject({ numerator: 4, denominator: 6 });
      // 2024: of age a b c d f h m (f turned 19, c not yet insured) → insured a b d h m.
      expect(rate.at('469021100', 2024)).toMatchObject({ numerator: 5, denominator: 7 });
      // The province adds 屯昌's person (of age, not pension-insured): 4 / 7, not an average of rates.
      expect(rate.at('460000', 2025)).toMatchObject({ numerator: 4, denominator: 7 });
      expect(rate.value('460000', 2025)).toBeCloseTo(400 / 7, 6);
    });
  });

  it('coverage rate v2 (the default): people in a study or other-province period on 31 December are not 应参保, unless insured here', async () => {
    const rate = await figures('insurance.pensionCoverageRate');
    // 2025: b is insured in Guangdong since July → out; a is too, but insured here → stays; f graduated in June (the later report supersedes the open one) → in.
    expect(rate.at('469021100', 2025)).toMatchObject({ numerator: 4, denominator: 5 });
    // 2024: f was a student on 31 December → out.
    expect(rate.at('469021100', 2024)).toMatchObject({ numerator: 5, denominator: 6 });
    // 2023: of age a b c d f h m, f a student → 6; insured d and m.
    expect(rate.at('469021100', 2023)).toMatchObject({ numerator: 2, denominator: 6 });
    expect(rate.at('460000', 2025)).toMatchObject({ numerator: 4, denominator: 6 });
    // The numerator stays a subset of the denominator everywhere.
    for (const y of [2023, 2024, 2025]) for (const r of ['469021100', '469022100', '460000']) expect(rate.at(r, y).numerator!).toBeLessThanOrEqual(rate.at(r, y).denominator!);
    const def = insuranceMeasures.find((m) => m.key === 'insurance.pensionCoverageRate')!;
    expect(def.definition.zh).toContain('registry-16plus-students-elsewhere@2');
    expect(def.definition.en).toContain('registry-16plus-students-elsewhere@2');
  });

  it('drill-down records are scoped: another county sees none of these people', async () => {
    const def = insuranceMeasures.find((m) => m.key === 'insurance.pensionInsured')!;
    const callerScope = (codes: string[]) => ({ all: false, regionCodes: new Set(t.platform.regions.expand(codes[0])), selfUserId: null, kind: 'region_and_below' as const });
    const own = await rows<{ label: string }>(t.platform.db, def.records!({ scope: callerScope(['469021']), regionCodes: ['469021100'], year: 2025, limit: 50, offset: 0 }));
    expect(own.map((r) => r.label).sort()).toEqual(['统计丙', '统计丁', '统计甲', '统计辛', '统计癸'].sort());
    const foreign = await rows<{ label: string }>(t.platform.db, def.records!({ scope: callerScope(['469022']), regionCodes: ['469021100'], year: 2025, limit: 50, offset: 0 }));
    expect(foreign).toEqual([]);
    const rateDef = insuranceMeasures.find((m) => m.key === 'insurance.pensionCoverageRate')!;
    const pop = async () => (await rows<{ label: string; insured: boolean }>(t.platform.db, rateDef.records!({ scope: callerScope(['469021']), regionCodes: ['469021100'], year: 2025, limit: 50, offset: 0 }))).filter((r) => !r.insured).map((r) => r.label).sort();
    // v2: b, insured in Guangdong, is not among the uninsured people of age; under v1 he is.
    expect(await pop()).toEqual(['统计己']);
    expect(await underV1([2025], pop)).toEqual(['统计乙', '统计己'].sort());
  });

  it('the coverage-gap list names working-age people with no enrolment and no standing status period; the dashboard sums by region', async () => {
    const gaps = (await clerk.get('/api/v1/insurance/coverage/gaps?pageSize=100')).json();
    const names = gaps.items.map((x: { name: string }) => x.name);
    expect(names).toContain('统计己'); // graduated in 2025
    expect(names).not.toContain('统计乙'); // insured in another province (v2)
    expect(names).not.toContain('统计甲');
    expect(names).not.toContain('统计庚'); // a child
    expect(names).not.toContain('统计丁'); // a pensioner
    expect(names).not.toContain('统计辛'); // dead
    expect(names).not.toContain('统计壬'); // another county
    const dash = (await clerk.get('/api/v1/insurance/coverage/summary?regionCode=469021')).json();
    expect(dash.denominatorVersion).toBe('registry-16plus-students-elsewhere@2');
    expect(dash.lines.find((l: { regionCode: string }) => l.regionCode === '469021100')).toMatchObject({ population: 5, insured: 4, gaps: 1, rate: 80 });
    expect((await far.get('/api/v1/insurance/coverage/summary?regionCode=469021')).json().code).toBe('OUT_OF_SCOPE');
    // Under v1 (saved for this year) b is 应参保 again: on the list and in the population.
    const year = Number(gaps.asOf.slice(0, 4));
    await underV1([year], async () => {
      expect((await clerk.get('/api/v1/insurance/coverage/gaps?pageSize=100')).json().items.map((x: { name: string }) => x.name)).toContain('统计乙');
      const v1 = (await clerk.get('/api/v1/insurance/coverage/summary?regionCode=469021')).json();
      expect(v1.denominatorVersion).toBe('registry-16plus@1');
      expect(v1.lines.find((l: { regionCode: string }) => l.regionCode === '469021100')).toMatchObject({ population: 6, insured: 4, gaps: 2, rate: 66.67 });
    });
  });
});
