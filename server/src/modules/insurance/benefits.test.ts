// Rules of benefits and stop events: decisions store inputs, rule version and clause and
// match the pure rule; one basic pension at a time; the unemployment benefit needs the
// employment module's open registration; payments are monthly and idempotent; a death stops
// benefits from the month after and opens a recovery case with the overpaid amount; an
// imprisonment suspends and a release resumes; eligibility authentication lists the due.
import ExcelJS from '../../platform/imports/exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { employeePension } from './benefit-rules';
import { person, upload, type TestPerson } from './fixture.test-helper';
import { defaultParams } from './params';

let t: TestApp;
let boss: Agent;
let far: Agent;
const region = '469021100';

async function seedMonths(p: TestPerson, type: string, from: string, to: string, baseFen: number, opts: { periodMonths?: number; interval?: string; paid?: boolean } = {}) {
  const rate = type === 'enterprise_pension' ? [1600, 800] : type === 'unemployment' ? [50, 50] : type === 'work_injury' ? [40, 0] : [0, 10000];
  await t.database.query(
    `insert into insurance_ledger (person_id, insurance_type, fee_month, period_months, event, side, base_fen, employer_rate_bp, personal_rate_bp, employer_fen, personal_fen, account_fen, value_date, region_code, source)
     select $1::bigint, $2::text, m::date, $7::int, e.event, e.side, case when e.side = 'due' then $5::bigint else 0 end, $8::int, $9::int,
            round($5::bigint * $8::int / 10000.0), round($5::bigint * $9::int / 10000.0),
            case when e.side = 'paid' and $2::text in ('enterprise_pension', 'resident_pension') then round($5::bigint * $9::int / 10000.0) else 0 end,
            m::date, $6::text, 'generator'
       from generate_series($3::date, $4::date, $10::interval) m
       cross join (values ('assessed', 'due'), ('received', 'paid')) e(event, side)
      where e.side = 'due' or $11::boolean`,
    [p.id, type, from, to, baseFen, region, opts.periodMonths ?? 1, rate[0], rate[1], opts.interval ?? '1 month', opts.paid ?? true],
  );
}

async function pay(month: string) {
  const r = await boss.post('/api/v1/insurance/benefits/payment-runs', { month, paidOn: `${month}-10` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

beforeAll(async () => {
  t = await testApp();
  await t.user('ben-boss', '469021', ['supervisor']);
  await t.user('ben-far', '469022', ['supervisor']);
  boss = await t.login('ben-boss');
  far = await t.login('ben-far');
});
afterAll(async () => t.close());

describe(`benefits and stop events (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  let pensioner: TestPerson;
  let decisionId: number;
  let monthly: number;

  it('a pension decision applies 国发〔2005〕38号 to the ledger and stores inputs, steps, rule version and clause', async () => {
    pensioner = await person(boss, '养老甲', { birthDate: '1963-03-15' });
    await seedMonths(pensioner, 'enterprise_pension', '2008-01-01', '2022-12-01', 600_000);
    const dry = await boss.post('/api/v1/insurance/benefits/pension', { personId: pensioner.id, kind: 'enterprise_pension', startMonth: '2023-04', dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().decision).toBeNull();
    const r = await boss.post('/api/v1/insurance/benefits/pension', { personId: pensioner.id, kind: 'enterprise_pension', startMonth: '2023-04' });
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json().decision;
    let idx = 0;
    for (let y = 2008; y <= 2022; y++) idx += 600_000 / defaultParams(y).avgMonthlyWageFen;
    const averageIndex = Math.round((idx / 15) * 10000) / 10000;
    const expected = employeePension({ birthDate: '1963-03-15', group: 'male', startMonth: '2023-04-01', contributionMonths: 180, averageIndex, accountFen: 180 * 48_000, pensionBaseFen: defaultParams(2022).avgMonthlyWageFen, minMonths: 180 });
    expect(expected.eligible).toBe(true);
    expect(d).toMatchObject({ kind: 'enterprise_pension', status: 'active', monthlyFen: expected.monthlyFen, ruleKey: 'pension.enterprise', ruleVersion: '2025.1', paramsVersion: '2023.default+2022.default' });
    expect(d.clause).toContain('国发〔2005〕38号');
    expect(d.inputs).toMatchObject({ contributionMonths: 180, accountFen: 8_640_000, averageIndex, pensionBaseFen: 660_000 });
    expect(d.explanation.map((s: { zh: string }) => s.zh).join('|')).toContain('计发月数 139');
    expect(dry.json().monthlyFen).toBe(d.monthlyFen);
    decisionId = d.id;
    monthly = d.monthlyFen;
  });

  it('one basic pension at a time; too few months or too young is refused with the steps that show why', async () => {
    const again = await boss.post('/api/v1/insurance/benefits/pension', { personId: pensioner.id, kind: 'resident_pension', startMonth: '2024-01' });
    expect(again.statusCode).toBe(409);
    const short = await person(boss, '养老乙', { birthDate: '1960-02-01' });
    await seedMonths(short, 'enterprise_pension', '2015-01-01', '2022-12-01', 600_000);
    const r = await boss.post('/api/v1/insurance/benefits/pension', { personId: short.id, kind: 'enterprise_pension', startMonth: '2023-01' });
    expect(r.statusCode).toBe(400);
    expect(r.json().message.zh).toContain('累计缴费不足 180 个月');
    expect(r.json().steps.find((s: { en: string }) => s.en === 'Contribution months').value).toBe(96);
    const young = await person(boss, '养老丙', { birthDate: '1970-06-01' });
    await seedMonths(young, 'enterprise_pension', '2005-01-01', '2022-12-01', 600_000);
    const y = await boss.post('/api/v1/insurance/benefits/pension', { personId: young.id, kind: 'enterprise_pension', startMonth: '2026-01' });
    expect(y.json().message.zh).toContain('未达到法定退休年龄');
  });

  it('monthly payments: one per decision and month, a rerun pays nothing twice', async () => {
    for (const m of ['2026-08', '2026-09', '2026-10']) expect((await pay(m)).payments).toBeGreaterThanOrEqual(1);
    expect(await pay('2026-10')).toEqual({ payments: 0, amountFen: 0 });
    const detail = (await boss.get(`/api/v1/insurance/benefits/${decisionId}`)).json();
    expect(detail.payments.map((p: { payMonth: string; amountFen: number }) => [p.payMonth, p.amountFen])).toEqual([
      ['2026-08-01', monthly],
      ['2026-09-01', monthly],
      ['2026-10-01', monthly],
    ]);
    await expect(t.database.query(`update insurance_benefit_payments set amount_fen = 0 where decision_id = $1 /*scope:system*/`, [decisionId])).rejects.toThrow(/append-only/);
    await expect(t.database.query(`delete from insurance_benefit_payments where decision_id = $1 /*scope:system*/`, [decisionId])).rejects.toThrow(/append-only/);
  });

  it('a death stops benefits from the month after and opens a recovery case for what was paid since', async () => {
    const r = await boss.post('/api/v1/insurance/life-events', { personId: pensioner.id, kind: 'death', occurredOn: '2026-08-20', knownOn: '2026-10-26', source: 'civil_affairs', sourceRef: 'MZ-001' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ decisionsStopped: 1, recoveryCases: [{ decisionId, amountFen: 2 * monthly }] });
    const d = (await boss.get(`/api/v1/insurance/benefits/${decisionId}`)).json().decision;
    expect(d).toMatchObject({ status: 'stopped', stoppedFromMonth: '2026-09-01', stopReason: 'death' });
    const rec = (await boss.get('/api/v1/insurance/recoveries?status=open')).json().items.find((c: { decisionId: number }) => c.decisionId === decisionId);
    expect(rec.months.map((m: { month: string }) => m.month)).toEqual(['2026-09-01', '2026-10-01']);
    expect(await pay('2026-11')).toMatchObject({ payments: 0 });
    const dup = await boss.post('/api/v1/insurance/life-events', { personId: pensioner.id, kind: 'death', occurredOn: '2026-08-20', source: 'civil_affairs', sourceRef: 'MZ-001' });
    expect(dup.json().code).toBe('DUPLICATE');
    // The report took more than 20 working days (Mid-Autumn and National Day holidays do not count).
    const ev = (await boss.get('/api/v1/insurance/life-events?kind=death')).json().items.find((e: { sourceRef: string }) => e.sourceRef === 'MZ-001');
    expect(ev).toMatchObject({ reportedLate: true });
    expect(ev.reportWorkingDays).toBeGreaterThan(20);
    // Both lists name people (deaths, debts): each read is in the audit log with what was asked.
    const audited = await t.database.query<{ action: string; detail: { query: Record<string, string>; returned: number } }>(
      `select action, detail from audit_log where action in ('insurance.life_event.list', 'insurance.recovery.list') order by seq`,
    );
    expect(audited.map((a) => [a.action, a.detail.query])).toEqual([
      ['insurance.recovery.list', { status: 'open', page: 1, pageSize: 20 }],
      ['insurance.life_event.list', { kind: 'death', page: 1, pageSize: 20 }],
    ]);
    expect(audited.every((a) => a.detail.returned >= 1)).toBe(true);
  });

  it('the stop-event and recovery lists page, find a person by name or resident ID, and export masked; an ID typed is not audited', async () => {
    const byName = (await boss.get(`/api/v1/insurance/life-events?q=${encodeURIComponent('养老甲')}&page=1&pageSize=1`)).json();
    expect(byName).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect(byName.items.map((e: { personName: string; sourceRef: string }) => [e.personName, e.sourceRef])).toEqual([['养老甲', 'MZ-001']]);
    const byId = (await boss.get(`/api/v1/insurance/recoveries?q=${pensioner.idNumber}`)).json();
    expect(byId.items.map((c: { decisionId: number; status: string }) => [c.decisionId, c.status])).toEqual([[decisionId, 'open']]);
    expect((await boss.get(`/api/v1/insurance/recoveries?q=${encodeURIComponent('无此人')}`)).json()).toMatchObject({ items: [], total: 0 });
    const res = await boss.get(`/api/v1/insurance/recoveries/export?q=${pensioner.idNumber}`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const ws = book.worksheets[0];
    expect(ws.rowCount).toBe(2);
    const row = ws.getRow(2).values as unknown[];
    expect(row.slice(1, 8)).toEqual(['养老甲', byId.items[0].idNumberMasked, '死亡', '2026-09、2026-10', (2 * monthly / 100).toFixed(2), '0.00', '追回中']);
    expect(String(row[2])).not.toContain(pensioner.idNumber.slice(6, 14));
    const events = await boss.get('/api/v1/insurance/life-events/export?kind=death');
    expect(events.statusCode).toBe(200);
    const audited = await t.database.query<{ detail: { query: Record<string, unknown> } }>(`select detail from audit_log where action in ('insurance.recovery.list', 'insurance.recovery.export') and detail->'query'->>'q' is not null order by seq`);
    expect(audited.map((a) => a.detail.query.q)).toEqual(['***', '无此人', '***']);
  });

  it('a later record with an earlier date supersedes the first: the stop moves back and only the extra month is added to recover', async () => {
    const r = await boss.post('/api/v1/insurance/life-events', { personId: pensioner.id, kind: 'death', occurredOn: '2026-07-25', knownOn: '2026-11-02', source: 'police', sourceRef: 'GA-77' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().recoveryCases).toEqual([expect.objectContaining({ decisionId, amountFen: monthly })]);
    const d = (await boss.get(`/api/v1/insurance/benefits/${decisionId}`)).json().decision;
    expect(d.stoppedFromMonth).toBe('2026-08-01');
    const cases = (await boss.get('/api/v1/insurance/recoveries')).json().items.filter((c: { decisionId: number }) => c.decisionId === decisionId);
    expect(cases.reduce((a: number, c: { amountFen: number }) => a + c.amountFen, 0)).toBe(3 * monthly);
    const events = (await boss.get(`/api/v1/insurance/persons/${pensioner.id}/benefits`)).json().lifeEvents;
    const police = events.find((e: { sourceRef: string }) => e.sourceRef === 'GA-77');
    const civil = events.find((e: { sourceRef: string }) => e.sourceRef === 'MZ-001');
    expect(police.supersedesId).toBe(civil.id);
  });

  it('imprisonment suspends the pension from the month after, recovers what was paid, and release resumes it', async () => {
    const w = await person(boss, '居民丁', { birthDate: '1960-01-10', female: true });
    await seedMonths(w, 'resident_pension', '2005-01-01', '2019-01-01', 100_000, { periodMonths: 12, interval: '1 year' });
    const dec = await boss.post('/api/v1/insurance/benefits/pension', { personId: w.id, kind: 'resident_pension', startMonth: '2020-02' });
    expect(dec.statusCode, dec.body).toBe(201);
    expect(dec.json().decision.monthlyFen).toBe(defaultParams(2020).residentBasicPensionFen + Math.round(15 * 100_000 / 139));
    const id = dec.json().decision.id;
    const m = dec.json().decision.monthlyFen;
    await pay('2026-08');
    await pay('2026-09');
    await pay('2026-10');
    const jail = await boss.post('/api/v1/insurance/life-events', { personId: w.id, kind: 'imprisonment', occurredOn: '2026-08-05', source: 'justice', sourceRef: 'SF-1' });
    expect(jail.json()).toMatchObject({ decisionsStopped: 1, recoveryCases: [{ decisionId: id, amountFen: 2 * m }] });
    expect((await boss.get(`/api/v1/insurance/benefits/${id}`)).json().decision).toMatchObject({ status: 'suspended', stoppedFromMonth: '2026-09-01' });
    const out = await boss.post('/api/v1/insurance/life-events', { personId: w.id, kind: 'release', occurredOn: '2026-10-20', source: 'justice', sourceRef: 'SF-2' });
    expect(out.json()).toMatchObject({ decisionsResumed: 1 });
    await pay('2026-11');
    const pays = (await boss.get(`/api/v1/insurance/benefits/${id}`)).json().payments.map((p: { payMonth: string }) => p.payMonth);
    expect(pays).toContain('2026-11-01');
  });

  it('the unemployment benefit needs an open unemployment registration (employment module) and lasts by years contributed', async () => {
    const u = await person(boss, '失业戊');
    await seedMonths(u, 'unemployment', '2020-01-01', '2025-10-01', 600_000); // 70 months
    const without = await boss.post('/api/v1/insurance/benefits/unemployment', { personId: u.id, startMonth: '2026-11', separationReason: 'dismissed' });
    expect(without.statusCode).toBe(400);
    expect(without.json().message.zh).toContain('失业登记');
    const reg = await boss.post('/api/v1/employment/unemployment', { personId: u.id, registeredOn: '2026-10-20', reason: 'dismissed' });
    expect(reg.statusCode, reg.body).toBe(201);
    const resigned = await boss.post('/api/v1/insurance/benefits/unemployment', { personId: u.id, startMonth: '2026-11', separationReason: 'resigned', dryRun: true });
    expect(resigned.json()).toMatchObject({ eligible: false });
    const ok = await boss.post('/api/v1/insurance/benefits/unemployment', { personId: u.id, startMonth: '2026-11', separationReason: 'dismissed' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().decision).toMatchObject({ kind: 'unemployment_benefit', endMonth: '2028-04-01', monthlyFen: Math.round(201_000 * 0.9), registrationRef: String(reg.json().id), registrationVerified: true, clause: '失业保险条例 第十四条、第十七条、第十八条' });
    expect(ok.json().months).toBe(18);
  });

  it('work-injury benefits: own wage from the year’s bases, the grade’s lump sum, and a monthly allowance for grades 1–4', async () => {
    const h = await person(boss, '工伤己');
    await seedMonths(h, 'work_injury', '2025-09-01', '2026-08-01', 500_000, { paid: false });
    const r = await boss.post('/api/v1/insurance/benefits/work-injury', { personId: h.id, injuryDate: '2026-09-03', grade: 3, startMonth: '2026-11' });
    expect(r.statusCode, r.body).toBe(201);
    const kinds = Object.fromEntries(r.json().decisions.map((d: { kind: string; lumpSumFen: number; monthlyFen: number }) => [d.kind, [d.lumpSumFen, d.monthlyFen]]));
    expect(kinds).toEqual({ work_injury_lump_sum: [23 * 500_000, 0], work_injury_allowance: [0, 400_000] });
    expect(r.json().inputs).toMatchObject({ ownWageFen: 500_000, ownWageSource: 'ledger: 12 months' });
  });

  it('a death list imported from civil affairs stops a pensioner automatically; an unknown person refuses the file', async () => {
    const c = await person(boss, '养老庚', { birthDate: '1950-05-05' });
    await seedMonths(c, 'enterprise_pension', '1995-01-01', '2009-12-01', 300_000);
    const d = (await boss.post('/api/v1/insurance/benefits/pension', { personId: c.id, kind: 'enterprise_pension', startMonth: '2015-01' })).json().decision;
    await pay('2026-08');
    await pay('2026-09');
    const book = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('死亡');
      ws.addRow(['身份证号*', '姓名*', '事件类型*', '发生日期*', '报告日期', '数据来源*', '来源编号*']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const bad = await upload(boss, 'life-events', await book([[c.idNumber, c.name, '死亡', '2026-08-03', '2026-08-20', '民政', 'MZ-9'], ['11010519491231002X', '无此人', '死亡', '2026-08-03', '', '民政', 'MZ-10']]));
    expect(bad.status).toBe('failed');
    expect(bad.message!.zh).toContain('未在人员信息中登记');
    expect((await boss.get(`/api/v1/insurance/benefits/${d.id}`)).json().decision.status).toBe('active');
    const good = await upload(boss, 'life-events', await book([[c.idNumber, c.name, '死亡', '2026-08-03', '2026-08-20', '民政', 'MZ-9']]));
    expect(good).toMatchObject({ status: 'succeeded', inserted: 1 });
    expect((await boss.get(`/api/v1/insurance/benefits/${d.id}`)).json().decision).toMatchObject({ status: 'stopped', stoppedFromMonth: '2026-09-01' });
    const rec = (await boss.get('/api/v1/insurance/recoveries')).json().items.find((x: { decisionId: number }) => x.decisionId === d.id);
    expect(rec).toMatchObject({ amountFen: d.monthlyFen, status: 'open' });
    const again = await upload(boss, 'life-events', await book([[c.idNumber, c.name, '死亡', '2026-08-03', '2026-08-20', '民政', 'MZ-9']]));
    expect(again).toMatchObject({ status: 'succeeded', inserted: 0, duplicates: 1 });
    const closed = await boss.post(`/api/v1/insurance/recoveries/${rec.id}/close`, { status: 'recovered', recoveredFen: rec.amountFen, version: rec.version });
    expect(closed.json()).toMatchObject({ status: 'recovered', recoveredFen: rec.amountFen });
  });

  it('eligibility authentication: a pensioner without recent signals is due; fresh signals or a self-authentication clear it', async () => {
    const a = await person(boss, '认证辛', { birthDate: '1950-01-01' });
    await seedMonths(a, 'enterprise_pension', '1990-01-01', '2004-12-01', 300_000);
    expect((await boss.post('/api/v1/insurance/benefits/pension', { personId: a.id, kind: 'enterprise_pension', startMonth: '2012-01' })).statusCode).toBe(201);
    const asOf = '2026-11-20';
    const due = async () => (await boss.get(`/api/v1/insurance/authentication/due?asOf=${asOf}`)).json().items.map((x: { personId: number }) => x.personId);
    expect(await due()).toContain(a.id);
    await t.database.query(`insert into insurance_life_signals (person_id, region_code, kind, observed_on, source, source_ref) values ($1, $2, 'medical_settlement', '2026-11-10', 'medical_insurance', 'YB-1')`, [a.id, region]);
    const mid = (await boss.get(`/api/v1/insurance/persons/${a.id}/authentication?asOf=${asOf}`)).json();
    expect(mid.score).toBeCloseTo(40 * 0.5 ** (10 / 120), 1);
    expect(mid.due).toBe(true);
    await t.database.query(`insert into insurance_life_signals (person_id, region_code, kind, observed_on, source, source_ref) values ($1, $2, 'card_use', '2026-11-15', 'manual', 'CARD-1')`, [a.id, region]);
    expect(await due()).not.toContain(a.id);
    const b = await person(boss, '认证壬', { birthDate: '1950-02-01' });
    await seedMonths(b, 'enterprise_pension', '1990-01-01', '2004-12-01', 300_000);
    await boss.post('/api/v1/insurance/benefits/pension', { personId: b.id, kind: 'enterprise_pension', startMonth: '2012-01' });
    expect(await due()).toContain(b.id);
    expect((await boss.post(`/api/v1/insurance/persons/${b.id}/self-auth`, { on: '2026-11-19' })).statusCode).toBe(201);
    expect(await due()).not.toContain(b.id);
  });

  it('another county sees no decision, recovery or due pensioner of this one and cannot record their death', async () => {
    expect((await far.get(`/api/v1/insurance/benefits/${decisionId}`)).statusCode).toBe(404);
    expect((await far.get('/api/v1/insurance/recoveries')).json()).toMatchObject({ items: [], total: 0 });
    expect((await far.get('/api/v1/insurance/authentication/due')).json().items).toEqual([]);
    expect((await far.get('/api/v1/insurance/benefits')).json().total).toBe(0);
    const p = await person(boss, '越权癸');
    const r = await far.post('/api/v1/insurance/life-events', { personId: p.id, kind: 'death', occurredOn: '2026-01-01', source: 'police', sourceRef: 'X-1' });
    expect(r.statusCode).toBe(404);
    expect((await far.get(`/api/v1/insurance/persons/${pensioner.id}/benefits`)).statusCode).toBe(404);
  });
});
