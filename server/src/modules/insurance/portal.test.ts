// The citizen's own record on the portal: their enrolments, contributions and certificate —
// never anyone else's, never reachable by staff through the portal route, every read audited.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { auditLog } from '../../platform/schema';
import { declarationXlsx, hire, insuredEmployer, monthsAgo, person, upload, type TestPerson } from './fixture.test-helper';

let t: TestApp;
let clerk: Agent;
let citizen: Agent;
let other: Agent;
let me: TestPerson;
let neighbour: TestPerson;
const months = [monthsAgo(3), monthsAgo(2), monthsAgo(1)];

beforeAll(async () => {
  t = await testApp();
  await t.user('ip_clerk', '469021', ['caseworker']);
  clerk = await t.login('ip_clerk');
  const e = await insuredEmployer(clerk, '定安门户测试有限公司');
  me = await person(clerk, '陈门户');
  neighbour = await person(clerk, '林邻居');
  await hire(clerk, e.id, me.id, `${months[0]}-01`);
  await hire(clerk, e.id, neighbour.id, `${months[0]}-01`);
  const rows = months.flatMap((m) => [me, neighbour].map((p) => ({ uscc: e.uscc, feeMonth: m, idNumber: p.idNumber, name: p.name, base: p === me ? '6000' : '8000' })));
  const job = await upload(clerk, 'contributions', await declarationXlsx(rows));
  expect(job.status, JSON.stringify(job)).toBe('succeeded');
  const code = async (p: TestPerson) => (await clerk.post(`/api/v1/registry/persons/${p.id}/portal-activation`)).json().code as string;
  citizen = await t.activatePortal('person', me.idNumber, await code(me));
  other = await t.activatePortal('person', neighbour.idNumber, await code(neighbour));
});
afterAll(async () => t.close());

describe(`citizen insurance record on the portal (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('shows the citizen their own enrolments and contribution months, masked ID, and audits the read', async () => {
    const r = await citizen.get('/api/v1/portal/insurance');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.person.name).toBe('陈门户');
    expect(body.person.idNumberMasked).not.toBe(me.idNumber);
    expect(body.enrolments.map((x: { insuranceType: string }) => x.insuranceType).sort()).toEqual(['enterprise_pension', 'unemployment', 'work_injury']);
    expect(body.enrolments.every((x: { personId: number }) => x.personId === me.id)).toBe(true);
    const pension = body.summary.find((s: { insuranceType: string }) => s.insuranceType === 'enterprise_pension');
    // Three declared months on a 6,000 yuan base; the personal account takes 8% of it.
    expect(pension.contributionMonths + pension.arrearsMonths).toBe(3);
    const ledger = (await citizen.get(`/api/v1/portal/insurance/ledger?insuranceType=enterprise_pension`)).json();
    expect(ledger.months.map((m: { feeMonth: string }) => m.feeMonth.slice(0, 7))).toEqual(expect.arrayContaining(months));
    expect(ledger.months.every((m: { baseFen: number }) => m.baseFen === 600_000)).toBe(true);
    const audited = await t.platform.db.select().from(auditLog).where(and(eq(auditLog.action, 'portal.insurance.read'), eq(auditLog.targetId, String(me.id))));
    expect(audited).toHaveLength(1);
  });

  it('answers each citizen about themselves only: the neighbour sees the 8,000 yuan base, not 6,000', async () => {
    const ledger = (await other.get('/api/v1/portal/insurance/ledger?insuranceType=enterprise_pension')).json();
    expect(ledger.months.length).toBeGreaterThan(0);
    expect(ledger.months.every((m: { baseFen: number }) => m.baseFen === 800_000)).toBe(true);
    expect((await other.get('/api/v1/portal/insurance')).json().person.name).toBe('林邻居');
  });

  it('gives the citizen the contribution certificate as a Word file with its verification code audited', async () => {
    const r = await citizen.get('/api/v1/portal/insurance/certificate');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [entry] = await t.platform.db.select().from(auditLog).where(eq(auditLog.action, 'portal.insurance.certificate'));
    expect((entry.detail as { verificationCode: string }).verificationCode).toMatch(/^[0-9A-F]{16}$/);
  });

  it('refuses staff on the portal routes and the citizen on the staff routes of the same record', async () => {
    expect((await clerk.get('/api/v1/portal/insurance')).statusCode).toBe(403);
    expect((await citizen.get(`/api/v1/insurance/persons/${me.id}`)).statusCode).toBe(403);
    expect((await citizen.get(`/api/v1/insurance/persons/${neighbour.id}/certificate`)).statusCode).toBe(403);
  });
});
