// Rules of the contribution ledger: entries are immutable (a trigger refuses UPDATE, DELETE
// and TRUNCATE), balances are derived from the entries, corrections are reversing entries,
// payments are idempotent by voucher, and arrears carry a daily late fee and a notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { declarationXlsx, hire, insuredEmployer, monthsAgo, person, upload, type TestEmployer, type TestPerson } from './fixture.test-helper';
import { lateFeeFen, paymentDueDate } from './ledger';

let t: TestApp;
let clerk: Agent;
let e: TestEmployer;
let p: TestPerson;
const [m3, m2, m1] = [monthsAgo(3), monthsAgo(2), monthsAgo(1)];

type Summary = { insuranceType: string; contributionMonths: number; accountFen: number; arrearsFen: number; arrearsMonths: number };
const summaryOf = async (personId: number, type = 'enterprise_pension'): Promise<Summary> =>
  (await clerk.get(`/api/v1/insurance/persons/${personId}`)).json().summary.find((s: Summary) => s.insuranceType === type);

beforeAll(async () => {
  t = await testApp();
  await t.user('ledger-clerk', '469021', ['caseworker']);
  clerk = await t.login('ledger-clerk');
  e = await insuredEmployer(clerk, '定安台账厂');
  p = await person(clerk, '台账甲');
  await hire(clerk, e.id, p.id, '2024-01-01');
  const job = await upload(clerk, 'contributions', await declarationXlsx([m3, m2, m1].map((m) => ({ uscc: e.uscc, feeMonth: m, idNumber: p.idNumber, name: p.name, base: '6000' }))));
  expect(job.status, JSON.stringify(job.message)).toBe('succeeded');
  expect(job.inserted).toBe(9);
});
afterAll(async () => t.close());

describe(`contribution ledger (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('declared amounts are base × rate in whole fen: 16% + 8% pension, 0.5% + 0.5% unemployment, class-2 work injury 0.4%', async () => {
    const { months } = (await clerk.get(`/api/v1/insurance/persons/${p.id}/ledger?feeMonth=${m3}`)).json();
    const due = Object.fromEntries(months.map((m: { insuranceType: string; dueFen: number }) => [m.insuranceType, m.dueFen]));
    expect(due).toEqual({ enterprise_pension: 144_000, unemployment: 6_000, work_injury: 2_400 });
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE of ledger entries (trigger), whoever asks', async () => {
    await expect(t.database.query(`update insurance_ledger set base_fen = 1 where person_id = $1 /*scope:system*/`, [p.id])).rejects.toThrow(/append-only/);
    await expect(t.database.query(`delete from insurance_ledger where person_id = $1 /*scope:system*/`, [p.id])).rejects.toThrow(/append-only/);
    await expect(t.database.query(`truncate insurance_ledger`)).rejects.toThrow(/append-only/);
    const [{ n }] = await t.database.query<{ n: number }>(`select count(*)::int as n from insurance_ledger where person_id = $1 /*scope:system*/`, [p.id]);
    expect(Number(n)).toBe(9);
  });

  it('balances are derived from the entries: unpaid months are arrears, paid months count and credit 8% to the account', async () => {
    let s = await summaryOf(p.id);
    expect(s).toMatchObject({ contributionMonths: 0, accountFen: 0, arrearsFen: 3 * 144_000, arrearsMonths: 3 });
    for (const m of [m3, m2]) {
      const r = await clerk.post(`/api/v1/insurance/employers/${e.id}/payments`, { feeMonth: m, paidOn: monthsAgo(0) + '-01', paymentRef: `V-${m}` });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ entries: 3, amountFen: 152_400 });
    }
    s = await summaryOf(p.id);
    expect(s).toMatchObject({ contributionMonths: 2, accountFen: 2 * 48_000, arrearsFen: 144_000, arrearsMonths: 1 });
    expect(await summaryOf(p.id, 'unemployment')).toMatchObject({ contributionMonths: 2, accountFen: 0, arrearsFen: 6_000 });
  });

  it('a payment voucher posted twice adds nothing the second time', async () => {
    const again = await clerk.post(`/api/v1/insurance/employers/${e.id}/payments`, { feeMonth: m3, paidOn: monthsAgo(0) + '-01', paymentRef: `V-${m3}` });
    expect(again.json()).toMatchObject({ entries: 0, amountFen: 0 });
    const other = await clerk.post(`/api/v1/insurance/employers/${e.id}/payments`, { feeMonth: m3, paidOn: monthsAgo(0) + '-01', paymentRef: 'V-other' });
    expect(other.json()).toMatchObject({ entries: 0, amountFen: 0 }); // nothing outstanding
    expect((await summaryOf(p.id)).accountFen).toBe(96_000);
  });

  it('a correction is a reversing entry: reversing a payment brings the arrears back; an entry is reversed once; reversals are final', async () => {
    const { entries } = (await clerk.get(`/api/v1/insurance/persons/${p.id}/ledger?insuranceType=enterprise_pension&feeMonth=${m2}`)).json();
    const received = entries.find((x: { side: string }) => x.side === 'paid');
    const rev = await clerk.post(`/api/v1/insurance/ledger/${received.id}/reverse`, { reason: '银行退票' });
    expect(rev.statusCode, rev.body).toBe(201);
    expect(rev.json()).toMatchObject({ event: 'reversed', side: 'paid', reversesId: received.id, employerFen: -received.employerFen, personalFen: -received.personalFen, accountFen: -48_000 });
    expect(await summaryOf(p.id)).toMatchObject({ contributionMonths: 1, accountFen: 48_000, arrearsFen: 2 * 144_000 });
    expect((await clerk.post(`/api/v1/insurance/ledger/${received.id}/reverse`, { reason: '再次' })).json().code).toBe('DUPLICATE');
    expect((await clerk.post(`/api/v1/insurance/ledger/${rev.json().id}/reverse`, { reason: '撤销冲销' })).json().code).toBe('INVALID_STATE');
    // Nothing was changed in place: the original entry is still there, unchanged.
    const after = (await clerk.get(`/api/v1/insurance/persons/${p.id}/ledger?insuranceType=enterprise_pension&feeMonth=${m2}`)).json().entries;
    expect(after.find((x: { id: number }) => x.id === received.id)).toEqual(received);
  });

  it('correcting a declared base reverses the declaration and declares revision 1 inside the legal band only', async () => {
    const { entries } = (await clerk.get(`/api/v1/insurance/persons/${p.id}/ledger?insuranceType=enterprise_pension&feeMonth=${m1}`)).json();
    const declared = entries.find((x: { event: string }) => x.event === 'declared');
    const outside = await clerk.post(`/api/v1/insurance/ledger/${declared.id}/correct`, { baseFen: 100_000, reason: '基数有误' });
    expect(outside.statusCode).toBe(400);
    const ok = await clerk.post(`/api/v1/insurance/ledger/${declared.id}/correct`, { baseFen: 700_000, reason: '基数有误' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().declaration).toMatchObject({ revision: 1, baseFen: 700_000, employerFen: 112_000, personalFen: 56_000 });
    const month = (await clerk.get(`/api/v1/insurance/persons/${p.id}/ledger?insuranceType=enterprise_pension&feeMonth=${m1}`)).json().months[0];
    expect(month).toMatchObject({ baseFen: 700_000, dueFen: 168_000, paidFen: 0, entries: 3 });
  });

  it('a flexible worker’s contribution is assessed on a base inside the band, 20% paid by the person, 8% to the account', async () => {
    const f = await person(clerk, '灵活乙');
    const en = (await clerk.post('/api/v1/insurance/enrolments', { personId: f.id, insuranceType: 'enterprise_pension', workerForm: 'flexible', startDate: '2024-01-01' })).json();
    const low = await clerk.post(`/api/v1/insurance/enrolments/${en.id}/contributions`, { feeMonth: m1, baseFen: 300_000, paidOn: monthsAgo(0) + '-01' });
    expect(low.statusCode).toBe(400);
    expect(low.json().band).toEqual({ floorFen: 450_000, ceilFen: 2_250_000 });
    const ok = await clerk.post(`/api/v1/insurance/enrolments/${en.id}/contributions`, { feeMonth: m1, baseFen: 500_000, paidOn: monthsAgo(0) + '-01' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().assessed).toMatchObject({ event: 'assessed', personalFen: 100_000, employerFen: 0 });
    expect(await summaryOf(f.id)).toMatchObject({ contributionMonths: 1, accountFen: 40_000, arrearsFen: 0 });
    const twice = await clerk.post(`/api/v1/insurance/enrolments/${en.id}/contributions`, { feeMonth: m1, baseFen: 500_000 });
    expect(twice.json().code).toBe('DUPLICATE');
  });

  it('a resident’s annual level counts 12 months and credits the level plus the subsidy to the account', async () => {
    const r = await person(clerk, '居民丙');
    const en = (await clerk.post('/api/v1/insurance/enrolments', { personId: r.id, insuranceType: 'resident_pension', startDate: '2025-01-01' })).json();
    const bad = await clerk.post(`/api/v1/insurance/enrolments/${en.id}/contributions`, { feeMonth: '2026-01', levelFen: 12_345 });
    expect(bad.statusCode).toBe(400);
    const ok = await clerk.post(`/api/v1/insurance/enrolments/${en.id}/contributions`, { feeMonth: '2026-01', levelFen: 50_000, paidOn: '2026-03-01' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await summaryOf(r.id, 'resident_pension')).toMatchObject({ contributionMonths: 12, accountFen: 50_000 + 4_500, arrearsFen: 0 });
  });

  it('late fee: 0.05% of the arrears a day from the day after the due date', () => {
    expect(paymentDueDate('2026-03-01', { paymentDueDay: 15 })).toBe('2026-04-15');
    expect(lateFeeFen(1_000_00, '2026-04-15', '2026-04-25', 0.0005)).toBe(500);
    expect(lateFeeFen(1_000_00, '2026-04-15', '2026-04-15', 0.0005)).toBe(0);
  });

  it('arrears past the due date are listed with the late fee to date and a notice due within 5 working days, issued once', async () => {
    const asOf = monthsAgo(0) + '-25';
    const list = (await clerk.get(`/api/v1/insurance/arrears?asOf=${asOf}`)).json();
    const line = list.find((l: { employerId: number; feeMonth: string }) => l.employerId === e.id && l.feeMonth === `${m2}-01`);
    expect(line).toMatchObject({ arrearsFen: 144_000, paymentDueDate: `${monthsAgo(1)}-15` });
    const days = Math.round((Date.parse(asOf) - Date.parse(line.paymentDueDate)) / 86_400_000);
    expect(line.lateFeeFen).toBe(Math.round(144_000 * 0.0005 * days));
    // m1 falls due on the 15th of this month: with asOf the 25th it is late too; m3 is paid.
    expect(list.filter((l: { employerId: number }) => l.employerId === e.id).map((l: { feeMonth: string }) => l.feeMonth).sort()).toEqual([`${m2}-01`, `${m1}-01`]);
    const n1 = await clerk.post('/api/v1/insurance/arrears/notices', { employerId: e.id, feeMonth: m2 });
    expect(n1.statusCode, n1.body).toBe(201);
    const n2 = await clerk.post('/api/v1/insurance/arrears/notices', { employerId: e.id, feeMonth: m2 });
    expect(n2.json().id).toBe(n1.json().id);
    const paid = await clerk.post('/api/v1/insurance/arrears/notices', { employerId: e.id, feeMonth: m3 });
    expect(paid.json().code).toBe('INVALID_STATE');
  });

  it('the contribution certificate lists months, account and arrears per type from the ledger, with a verification code', async () => {
    const { certificateData } = await import('./certificate');
    const caller = { userId: 1, username: 'x', scope: { all: true, regionCodes: new Set<string>(), selfUserId: null, kind: 'all' } } as never;
    const d = await certificateData({ platform: t.platform, caller }, p.id, '2026-11-28');
    const ent = d.lines.find((l) => l.insuranceType === 'enterprise_pension')!;
    expect(ent).toMatchObject({ contributionMonths: 1, accountFen: 48_000, arrearsFen: 144_000 + 168_000 });
    expect(d.verificationCode).toMatch(/^[0-9A-F]{16}$/);
    const res = await clerk.get(`/api/v1/insurance/persons/${p.id}/certificate`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('the scheduled job issues the notices still due, once', async () => {
    const { issueDueNotices } = await import('./arrears');
    const asOf = monthsAgo(0) + '-25';
    expect(await issueDueNotices(t.platform, asOf)).toBe(1); // m1; m2's notice was issued by hand
    expect(await issueDueNotices(t.platform, asOf)).toBe(0);
    const notices = (await clerk.get('/api/v1/insurance/arrears/notices')).json();
    expect(notices.map((n: { feeMonth: string }) => n.feeMonth).sort()).toEqual([`${m2}-01`, `${m1}-01`]);
  });
});
