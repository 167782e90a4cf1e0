// Rules of transfers (转移接续): a state machine in order, each leg after the application due
// within 15 Chinese working days (holidays and make-up days counted as the State Council set
// them), and an amount computed independently — account balance plus 12% of each year's
// contribution wage since 1998 — compared with the other office's record sheet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { person, type TestPerson } from './fixture.test-helper';

let t: TestApp;
let clerk: Agent;
let far: Agent;
let leaver: TestPerson;
let arriver: TestPerson;

beforeAll(async () => {
  t = await testApp();
  await t.user('tr-clerk', '469021', ['caseworker']);
  await t.user('tr-far', '469022', ['caseworker']);
  clerk = await t.login('tr-clerk');
  far = await t.login('tr-far');
  leaver = await person(clerk, '转出甲');
  arriver = await person(clerk, '转入乙');
  // 24 paid months in Hainan, 2019–2020, base 5,000 yuan: account 8% = 400 yuan a month.
  await t.database.query(
    `insert into insurance_ledger (person_id, insurance_type, fee_month, event, side, base_fen, employer_fen, personal_fen, account_fen, value_date, region_code, source)
     select $1::bigint, 'enterprise_pension', m::date, e.event, e.side, case when e.side = 'due' then 500000 else 0 end, 80000, 40000,
            case when e.side = 'paid' then 40000 else 0 end, m::date, '469021100', 'generator'
       from generate_series('2019-01-01'::date, '2020-12-01'::date, interval '1 month') m
       cross join (values ('declared', 'due'), ('received', 'paid')) e(event, side)`,
    [leaver.id],
  );
});
afterAll(async () => t.close());

describe(`transfers (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  let outId: number;
  let inId: number;

  it('a transfer out runs certificate → application → letter → sheet and funds, with the amount computed from the ledger', async () => {
    const c = await clerk.post('/api/v1/insurance/transfers', { personId: leaver.id, insuranceType: 'enterprise_pension', direction: 'out', otherRegion: '440300', on: '2026-03-02' });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ status: 'certificate_issued', fromRegion: '469021100', toRegion: '440300', next: ['applied', 'rejected', 'cancelled'] });
    outId = c.json().id;
    let v = c.json().version;
    for (const [to, on] of [['applied', '2026-03-05'], ['letter_sent', '2026-03-10'], ['sheet_sent', '2026-03-20']] as const) {
      const r = await clerk.post(`/api/v1/insurance/transfers/${outId}/advance`, { to, on, version: v });
      expect(r.statusCode, r.body).toBe(200);
      v = r.json().version;
    }
    const d = (await clerk.get(`/api/v1/insurance/transfers/${outId}`)).json();
    // 24 × 400 yuan account + 12% × 60,000 yuan wages in each of 2019 and 2020.
    expect(d).toMatchObject({ status: 'sheet_sent', computedAmountFen: 960_000 + 2 * 720_000, declaredAmountFen: 2_400_000, differenceFen: 0 });
    expect(d.computation.perYear).toEqual([
      { year: 2019, wageFen: 6_000_000, pooledFen: 720_000 },
      { year: 2020, wageFen: 6_000_000, pooledFen: 720_000 },
    ]);
    expect(d.legs.map((l: { leg: string; ours: boolean; state: string }) => [l.leg, l.ours, l.state])).toEqual([
      ['letter', false, 'done_on_time'],
      ['sheet', true, 'done_on_time'],
      ['confirm', false, expect.stringMatching(/running|overdue/)],
    ]);
    expect(d.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['certificate_issued', 'applied', 'letter_sent', 'sheet_sent']);
  });

  it('a transfer in: the letter is due 15 working days after the application, the Spring Festival not counted', async () => {
    const c = await clerk.post('/api/v1/insurance/transfers', { personId: arriver.id, insuranceType: 'enterprise_pension', direction: 'in', otherRegion: '110105', on: '2026-02-10' });
    expect(c.statusCode, c.body).toBe(201);
    inId = c.json().id;
    // 2/14 and 2/28 (Saturdays) are make-up working days; 2/15–2/23 are holidays.
    expect(c.json().legs[0]).toMatchObject({ leg: 'letter', ours: true, startedOn: '2026-02-10', dueOn: '2026-03-09', state: 'overdue' });
    const r = await clerk.post(`/api/v1/insurance/transfers/${inId}/advance`, { to: 'letter_sent', on: '2026-03-09', version: 1 });
    expect(r.json().legs[0]).toMatchObject({ state: 'done_on_time', elapsedWorkingDays: 15 });
  });

  it('the other office’s sheet is recomputed from its own figures and the difference shown', async () => {
    const noFigures = await clerk.post(`/api/v1/insurance/transfers/${inId}/advance`, { to: 'sheet_sent', on: '2026-04-30', version: 2 });
    expect(noFigures.statusCode).toBe(400);
    const r = await clerk.post(`/api/v1/insurance/transfers/${inId}/advance`, {
      to: 'sheet_sent',
      on: '2026-04-30',
      version: 2,
      declaredAmountFen: 3_000_000,
      sheetAccountFen: 1_000_000,
      sheetYearlyWages: [{ year: 1997, wageFen: 5_000_000 }, { year: 2000, wageFen: 6_000_000 }, { year: 2001, wageFen: 6_000_000 }],
    });
    expect(r.statusCode, r.body).toBe(200);
    // 1997 is before 1998: not moved. 1,000,000 + 12% × 12,000,000 = 2,440,000; the sheet says 3,000,000.
    expect(r.json()).toMatchObject({ computedAmountFen: 2_440_000, declaredAmountFen: 3_000_000, differenceFen: 560_000 });
    expect(r.json().legs[1]).toMatchObject({ leg: 'sheet', ours: false, state: 'done_late' });
    const done = await clerk.post(`/api/v1/insurance/transfers/${inId}/advance`, { to: 'completed', on: '2026-05-08', version: 3 });
    expect(done.json()).toMatchObject({ status: 'completed', next: [] });
  });

  it('states move in order only, dates never go back, versions guard concurrent changes', async () => {
    expect((await clerk.post(`/api/v1/insurance/transfers/${inId}/advance`, { to: 'cancelled', on: '2026-05-09', version: 4 })).json().code).toBe('INVALID_STATE');
    const p = await person(clerk, '转入丙');
    const c = (await clerk.post('/api/v1/insurance/transfers', { personId: p.id, insuranceType: 'enterprise_pension', direction: 'in', otherRegion: '310101', on: '2026-06-01' })).json();
    expect((await clerk.post(`/api/v1/insurance/transfers/${c.id}/advance`, { to: 'sheet_sent', on: '2026-06-10', version: 1 })).json().code).toBe('INVALID_STATE');
    expect((await clerk.post(`/api/v1/insurance/transfers/${c.id}/advance`, { to: 'letter_sent', on: '2026-05-10', version: 1 })).statusCode).toBe(400);
    expect((await clerk.post(`/api/v1/insurance/transfers/${c.id}/advance`, { to: 'letter_sent', on: '2026-06-10', version: 9 })).json().code).toBe('STALE_VERSION');
    expect((await clerk.post('/api/v1/insurance/transfers', { personId: p.id, insuranceType: 'enterprise_pension', direction: 'in', otherRegion: '310101', on: '2026-06-02' })).statusCode).toBe(409);
    expect((await clerk.post('/api/v1/insurance/transfers', { personId: leaver.id, insuranceType: 'institution_pension', direction: 'out', otherRegion: '469022', on: '2026-06-02' })).statusCode).toBe(400);
    // Its letter leg is ours and long overdue: it is on the overdue list; the completed one is not.
    const overdue = (await clerk.get('/api/v1/insurance/transfers?overdue=true')).json().map((x: { id: number }) => x.id);
    expect(overdue).toContain(c.id);
    expect(overdue).not.toContain(inId);
  });

  it('another county neither sees nor moves these transfers', async () => {
    expect((await far.get(`/api/v1/insurance/transfers/${outId}`)).statusCode).toBe(404);
    expect((await far.post(`/api/v1/insurance/transfers/${outId}/advance`, { to: 'completed', on: '2026-04-01', version: 4 })).statusCode).toBe(404);
    expect((await far.get('/api/v1/insurance/transfers')).json()).toEqual([]);
  });
});
