// The insurance generator's second half: what follows from the spells, the ledger and the
// pensions written by generate.ts — unemployment benefits (linked to the employment module's
// unemployment registrations), work-injury benefits, life signals for the eligibility-
// authentication score, transfers of insurance relations, and arrears notices. Each benefit
// decision is made by the same rule function a caseworker's decision uses, and stores its
// inputs, rule version, clause and parameter version.
//
// Candidates are drawn set-based in SQL with a hash of the person and the seed
// (`hashint8extended`), not from the JS random stream: the same seed gives the same rows, and
// the draw does not depend on how many rows came before. Life signals are written inside the
// database (INSERT … SELECT … generate_series); the few thousand decisions, payments and
// transfers a province has go in by COPY.
//
// ASSUMPTIONS (rates per year, at any scale; no Hainan source gives them):
//   - unemployment benefit: every insured employee whose unemployment cover ended (减员) in the
//     last 24 months (the longest term) and who holds an open unemployment registration claims; without a
//     registration there is no benefit (失业保险条例 第十四条第三项), so the decision is not made;
//   - work injury: 2 disability-graded injuries per 1,000 work-injury insured a year; grades
//     1–4: 4%, 5–6: 8%, 7–10: 88%; the decision 3 months after the injury (appraisal);
//   - transfers: 0.4% of enterprise-pension employees a year, out for those who stopped paying,
//     in for the others; each leg takes 3–20 working days; 3% are rejected;
//   - life signals: a living pensioner has 3–10 signals over the last 300 days; 6% have them
//     only more than two years back (no evidence: due for self-authentication).
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db';
import type { GenerateContext } from '../../platform/module';
import { systemScope } from '../../platform/scope';
import { openUnemploymentRegistrationsOf } from '../employment';
import { issueDueNotices } from './arrears';
import { UNEMPLOYMENT_RULE, unemploymentBenefit, WORK_INJURY_RULE, workInjuryBenefit } from './benefit-rules';
import { addDays, addWorkingDays, chineseWorkingDays } from './calendar';
import { insuranceTransferEvents } from './schema';
import { loadParams, type Params } from './params';
import { transferAmount, transferAmountFromLedger, type TransferStatus } from './transfer';
import { addMonths, lifeSignalKinds, type LifeSignalKind } from './types';

export const WORK_INJURY_RATE = 0.002;
export const TRANSFER_RATE = 0.004;
export const NO_SIGNAL_SHARE = 0.06;
const SIGNAL_SOURCE: Record<LifeSignalKind, string> = {
  medical_settlement: 'medical_insurance',
  benefit_collection: 'manual',
  service_visit: 'manual',
  card_use: 'transport',
  travel: 'transport',
  self_auth: 'manual',
};
/** Offices outside Hainan that transfers come from or go to (GB/T 2260 codes). */
const OTHER_OFFICES = ['440100', '440300', '430100', '450100', '510100', '360100', '110000', '310000', '420100', '350200'];

export type BenefitsInput = {
  /** Ids above these were written by this run (the generator appends to what is there). */
  enrolBase: number;
  decisionBase: number;
  /** 'YYYY-MM-01' of the last generated fee month, and the first month of the payment window. */
  lastMonth: string;
  windowFrom: string;
  /** Registry ids of the employers the generator left in arrears for the last month. */
  arrearsEmployers: number[];
};

export type BenefitsSummary = {
  unemploymentCandidates: number;
  unemploymentDecisions: number;
  workInjuryDecisions: number;
  benefitPayments: number;
  lifeSignals: number;
  transfers: number;
  arrearsNotices: number;
};

const lastDayOf = (month: string) => addDays(addMonths(month, 1), -1);
const monthsFrom = (a: string, b: string) => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

export async function generateBenefits(ctx: GenerateContext, o: BenefitsInput): Promise<BenefitsSummary> {
  const { platform } = ctx;
  const db = platform.db;
  const query = platform.database.query.bind(platform.database) as <T>(text: string, params?: unknown[]) => Promise<T[]>;
  const lastDay = lastDayOf(o.lastMonth);
  const yearFrom = addDays(lastDay, -365);
  // Unemployment benefit lasts up to 24 months: claims whose cover ended in the last two years can still run.
  const claimFrom = addDays(lastDay, -730);
  const years = [...new Set([Number(claimFrom.slice(0, 4)), Number(yearFrom.slice(0, 4)) - 1, Number(yearFrom.slice(0, 4)), Number(lastDay.slice(0, 4))])];
  const params = new Map([...(await loadParams(query, years))].map(([y, p]) => [y, p]));
  const P = (y: number): { params: Params; version: string } => {
    const p = params.get(y) ?? params.get(Math.max(...params.keys()))!;
    return { params: p.params, version: `${y}.v${p.version}` };
  };
  // A uniform draw in [0, 1) from a key and the seed, the same in PostgreSQL and PGlite.
  const salt = (k: number) => ctx.seed * 7919 + k;
  const u = (col: string, k: number) => `((hashint8extended(${col}::bigint, ${salt(k)}) & 1048575)::float8 / 1048576)`;
  const stamp = (day: string) => `${day}T09:00:00+08:00`;

  // ---- unemployment benefit ---------------------------------------------------------------
  const ended = await query<{ person_id: string | number; region_code: string; start_date: string; end_date: string }>(
    `select e.person_id, e.region_code, e.start_date::text, e.end_date::text
       from insurance_enrolments e
      where e.id > $1 and e.insurance_type = 'unemployment' and e.status = 'terminated'
        and e.end_date > $2::date and e.end_date <= $3::date
        and not exists (select 1 from insurance_benefit_decisions d where d.person_id = e.person_id) /*scope:system*/
      order by e.person_id`,
    [o.enrolBase, claimFrom, lastDay],
  );
  const openRegistrations = await openUnemploymentRegistrationsOf(platform, ended.map((c) => Number(c.person_id)));
  type DecisionRow = unknown[];
  const decisions: DecisionRow[] = [];
  const payments: unknown[][] = [];
  const [{ m: decisionMax }] = await rows<{ m: number }>(db, sql`select coalesce(max(id), 0)::bigint as m from insurance_benefit_decisions where ${systemScope()}`);
  let decisionId = Number(decisionMax);
  const pay = (id: number, personId: number, region: string, kind: string, from: string, to: string, amount: number, day: string) => {
    for (let m = from < o.windowFrom ? o.windowFrom : from; m <= to && m <= o.lastMonth; m = addMonths(m, 1)) payments.push([id, personId, region, kind, m, amount, `${m.slice(0, 8)}${day}`]);
  };
  for (const c of ended) {
    const personId = Number(c.person_id);
    const registration = openRegistrations.get(personId);
    if (!registration) continue;
    const separated = addDays(c.end_date, 1);
    const startMonth = addMonths(`${(registration.registeredOn > separated ? registration.registeredOn : separated).slice(0, 7)}-01`, 1);
    if (startMonth > o.lastMonth) continue;
    const p = P(Number(startMonth.slice(0, 4)));
    const inputs = {
      contributionMonths: monthsFrom(c.start_date.slice(0, 7) + '-01', c.end_date.slice(0, 7) + '-01') + 1,
      involuntary: true,
      separationReason: 'contract_expired',
      registered: true,
      registrationId: registration.id,
      registeredOn: registration.registeredOn,
      minWageFen: p.params.minMonthlyWageFen,
      pct: p.params.unemploymentBenefitPct,
    };
    const result = unemploymentBenefit(inputs);
    if (!result.eligible) continue;
    const endMonth = addMonths(startMonth, result.months! - 1);
    const id = ++decisionId;
    const status = endMonth < o.lastMonth ? 'ended' : 'active';
    decisions.push([id, personId, c.region_code, 'unemployment_benefit', status, startMonth, endMonth, result.monthlyFen, 0, JSON.stringify(inputs), JSON.stringify(result.steps), UNEMPLOYMENT_RULE.key, UNEMPLOYMENT_RULE.version, UNEMPLOYMENT_RULE.clause, p.version, String(registration.id), true, stamp(addDays(startMonth, -10))]);
    pay(id, personId, c.region_code, 'unemployment_benefit', startMonth, endMonth, result.monthlyFen, '15');
  }
  const unemploymentDecisions = decisions.length;

  // ---- work injury -------------------------------------------------------------------------
  // At the smallest scales the rate would draw nobody: then 5 of the insured (as the planted cases are at least one).
  const [{ n: wiInsured }] = await query<{ n: number | string }>(
    `select count(*) as n from insurance_enrolments where id > $1 and insurance_type = 'work_injury' and status = 'paying' /*scope:system*/`,
    [o.enrolBase],
  );
  const injuryRate = Math.max(WORK_INJURY_RATE, Math.min(1, 5 / Math.max(1, Number(wiInsured))));
  // The monthly base of the latest paid work-injury entry (the generator's yearly summaries carry it on the paid side).
  const injured = await query<{ person_id: string | number; region_code: string; g: number; d: number; base_fen: string | number | null }>(
    // One pass over the ledger joined to the candidates, not a look-up per candidate: during the
    // generator's load the ledger has no index on person_id (rebuilt when the part ends), and at
    // scale 1 each correlated look-up was a scan of 53 million entries.
    `with cand as (
       select e.person_id, e.region_code, ${u('e.person_id', 2)} as g, ${u('e.person_id', 3)} as d
         from insurance_enrolments e
        where e.id > $1 and e.insurance_type = 'work_injury' and e.status = 'paying' and ${u('e.person_id', 1)} < $2
          and not exists (select 1 from insurance_benefit_decisions d where d.person_id = e.person_id) /*scope:system*/),
     bases as (
       select distinct on (l.person_id) l.person_id, l.base_fen
         from insurance_ledger l join cand c on c.person_id = l.person_id
        where l.insurance_type = 'work_injury' and l.base_fen > 0 /*scope:system*/
        order by l.person_id, l.fee_month desc, l.id desc)
     select c.person_id, c.region_code, c.g, c.d, b.base_fen from cand c left join bases b on b.person_id = c.person_id
      order by c.person_id`,
    [o.enrolBase, injuryRate],
  );
  for (const c of injured) {
    const personId = Number(c.person_id);
    const injuryDate = addDays(lastDay, -Math.floor(c.d * 365));
    const startMonth = addMonths(`${injuryDate.slice(0, 7)}-01`, 3);
    if (startMonth > o.lastMonth) continue; // still being appraised
    const grade = c.g < 0.04 ? 1 + Math.floor((c.g / 0.04) * 4) : c.g < 0.12 ? 5 + Math.floor(((c.g - 0.04) / 0.08) * 2) : 7 + Math.floor(((c.g - 0.12) / 0.88) * 4);
    // 本人工资: decideWorkInjury takes the mean declared work-injury base of the 12 months before
    // the injury; work-injury contributions are generated as paid yearly summaries (no declared
    // months), so the wage is entered, as a caseworker would: the summary's monthly base (read
    // in the candidate query above, not one query per person).
    const own = Number(c.base_fen ?? 0);
    if (!own) continue;
    const p = P(Number(injuryDate.slice(0, 4)));
    const inputs = { grade: Math.min(10, grade), injuryDate, ownWageFen: own, ownWageSource: 'entered', avgWageFen: p.params.avgMonthlyWageFen, minWageFen: p.params.minMonthlyWageFen, lumpSumMonths: p.params.workInjuryLumpSumMonths, allowancePct: p.params.workInjuryAllowancePct };
    const result = workInjuryBenefit(inputs);
    if (!result.eligible) continue;
    const common = [JSON.stringify(inputs), JSON.stringify(result.steps), WORK_INJURY_RULE.key, WORK_INJURY_RULE.version, WORK_INJURY_RULE.clause, p.version, null, null, stamp(addDays(startMonth, -10))];
    const lump = ++decisionId;
    decisions.push([lump, personId, c.region_code, 'work_injury_lump_sum', startMonth < o.lastMonth ? 'ended' : 'active', startMonth, startMonth, 0, result.lumpSumFen, ...common]);
    pay(lump, personId, c.region_code, 'work_injury_lump_sum', startMonth, startMonth, result.lumpSumFen, '20');
    if (result.monthlyFen > 0) {
      const allowance = ++decisionId;
      decisions.push([allowance, personId, c.region_code, 'work_injury_allowance', 'active', startMonth, null, result.monthlyFen, 0, ...common]);
      pay(allowance, personId, c.region_code, 'work_injury_allowance', startMonth, o.lastMonth, result.monthlyFen, '20');
    }
  }
  const nDecisions = await ctx.copyRows(
    'insurance_benefit_decisions',
    ['id', 'person_id', 'region_code', 'kind', 'status', 'start_month', 'end_month', 'monthly_fen', 'lump_sum_fen', 'inputs', 'explanation', 'rule_key', 'rule_version', 'clause', 'params_version', 'registration_ref', 'registration_verified', 'decided_at'],
    decisions,
  );
  await rows(db, sql`select setval(pg_get_serial_sequence('insurance_benefit_decisions', 'id'), greatest((select max(id) from insurance_benefit_decisions where ${systemScope()}), 1))`);
  const nPayments = await ctx.copyRows('insurance_benefit_payments', ['decision_id', 'person_id', 'region_code', 'kind', 'pay_month', 'amount_fen', 'paid_on'], payments);

  // ---- life signals: set-based, inside the database ----------------------------------------
  // Per living pensioner (one row per person, the first decision): 3–10 signals in the last 300
  // days, of kinds and ages drawn from the person's hash; NO_SIGNAL_SHARE of them only older ones.
  const kinds = lifeSignalKinds.filter((k) => k !== 'self_auth');
  const kindList = `array[${kinds.map((k) => `'${k}'`).join(', ')}]`;
  const sourceList = `array[${kinds.map((k) => `'${SIGNAL_SOURCE[k]}'`).join(', ')}]`;
  const [{ n: nSignals }] = await query<{ n: number | string }>(
    `with p as (
       select distinct on (d.person_id) d.person_id, d.region_code, d.id as decision_id
         from insurance_benefit_decisions d
        where d.id > $1 and d.status = 'active' and d.kind in ('enterprise_pension', 'institution_pension', 'resident_pension')
        order by d.person_id, d.id),
     s as (
       select p.person_id, p.region_code, p.decision_id, g,
              ${u('p.person_id', 10)} < $2 as stale,
              ${u('p.person_id * 16 + g', 11)} as k, ${u('p.person_id * 16 + g', 12)} as a
         from p cross join lateral generate_series(1, 3 + floor(${u('p.person_id', 13)} * 8)::int) g),
     ins as (
       insert into insurance_life_signals (person_id, region_code, kind, observed_on, source, source_ref, recorded_at)
       select person_id, region_code, (${kindList})[1 + floor(k * ${kinds.length})::int],
              $3::date - case when stale then 731 + floor(a * 365)::int else floor(a * 300)::int end,
              (${sourceList})[1 + floor(k * ${kinds.length})::int],
              'GEN-S-' || decision_id || '-' || g,
              ($3::date - case when stale then 731 + floor(a * 365)::int else floor(a * 300)::int end + 2)::timestamp at time zone 'Asia/Shanghai'
         from s
       returning 1)
     select count(*) as n from ins`,
    [o.decisionBase, NO_SIGNAL_SHARE, lastDay],
  );

  // ---- transfers of insurance relations ------------------------------------------------------
  const movers = await query<{ person_id: string | number; region_code: string; status: string; a: number; b: number }>(
    `select e.person_id, e.region_code, e.status, ${u('e.person_id', 21)} as a, ${u('e.person_id', 22)} as b
       from insurance_enrolments e
      where e.id > $1 and e.insurance_type = 'enterprise_pension' and e.worker_form = 'employee' and e.status in ('paying', 'suspended')
        and ${u('e.person_id', 20)} < $2 /*scope:system*/
      order by e.person_id`,
    [o.enrolBase, TRANSFER_RATE],
  );
  const cal = chineseWorkingDays;
  const transferRows: unknown[][] = [];
  const transferEvents: unknown[][] = [];
  const [{ m: transferMax }] = await rows<{ m: number }>(db, sql`select coalesce(max(id), 0)::bigint as m from insurance_transfers where ${systemScope()}`);
  let transferId = Number(transferMax);
  for (const m of movers) {
    const personId = Number(m.person_id);
    const direction: 'in' | 'out' = m.status === 'suspended' ? 'out' : 'in';
    const other = OTHER_OFFICES[Math.floor(m.b * OTHER_OFFICES.length)];
    const legs: TransferStatus[] = direction === 'out' ? ['certificate_issued', 'applied', 'letter_sent', 'sheet_sent', 'completed'] : ['applied', 'letter_sent', 'sheet_sent', 'completed'];
    const id = ++transferId;
    const dates: Partial<Record<TransferStatus, string>> = {};
    let on = addDays(lastDay, -Math.floor(m.a * 180));
    let status: TransferStatus = legs[0];
    dates[legs[0]] = on;
    transferEvents.push([id, m.region_code, null, legs[0], on, 'generate', stamp(on)]);
    // Each next leg 3–20 working days later, while that day has come by the last generated day.
    for (let k = 1; k < legs.length; k++) {
      const step = 3 + (Math.floor(m.b * 7919 * (k + 1)) % 18);
      const next = addWorkingDays(cal, on, step);
      if (next > lastDay) break;
      const rejected = k === legs.length - 1 && (m.a * 997) % 1 < 0.03;
      const to: TransferStatus = rejected ? 'rejected' : legs[k];
      transferEvents.push([id, m.region_code, status, to, next, 'generate', stamp(next)]);
      status = to;
      on = next;
      if (rejected) break;
      dates[to] = next;
    }
    let computed: number | null = null;
    let computation: string | null = null;
    let declared: number | null = null;
    if (dates.sheet_sent) {
      const y = Number(dates.sheet_sent.slice(0, 4));
      const pp = P(y).params;
      if (direction === 'out') {
        // Our sheet: the amount from our ledger, as advanceTransfer computes it.
        const a = await transferAmountFromLedger({ platform }, personId, 'enterprise_pension', pp.transfer.pooledPct, pp.transfer.fromYear);
        computed = declared = a.totalFen;
        computation = JSON.stringify({ source: 'ledger', ...a });
      } else {
        // The other office's sheet (synthetic: three years near the average wage), recomputed from its own figures.
        const wages = [3, 2, 1].map((k) => ({ year: y - k, wageFen: Math.round(pp.avgMonthlyWageFen * 12 * (0.7 + m.b)) }));
        const account = Math.round(wages.reduce((s, w) => s + w.wageFen, 0) * 0.08);
        const a = transferAmount(account, wages, pp.transfer.pooledPct, pp.transfer.fromYear);
        computed = declared = a.totalFen;
        computation = JSON.stringify({ source: 'sheet', ...a });
      }
    }
    transferRows.push([
      id, personId, m.region_code, 'enterprise_pension', direction, direction === 'out' ? m.region_code : other, direction === 'out' ? other : m.region_code, status,
      dates.certificate_issued ?? null, dates.applied ?? null, dates.letter_sent ?? null, dates.sheet_sent ?? null, dates.completed ?? null,
      declared, computed, computation, stamp(dates[legs[0]]!), stamp(on),
    ]);
  }
  const nTransfers = await ctx.copyRows(
    'insurance_transfers',
    ['id', 'person_id', 'region_code', 'insurance_type', 'direction', 'from_region', 'to_region', 'status', 'certificate_issued_on', 'applied_on', 'letter_sent_on', 'sheet_sent_on', 'completed_on', 'declared_amount_fen', 'computed_amount_fen', 'computation', 'created_at', 'updated_at'],
    transferRows,
  );
  // Its `on` column is a reserved word, which copyRows does not take: a plain insert (a few rows per transfer).
  for (let k = 0; k < transferEvents.length; k += 1000) {
    await db.insert(insuranceTransferEvents).values(
      transferEvents.slice(k, k + 1000).map(([transferId, regionCode, fromStatus, toStatus, on, actorName, at]) => ({
        transferId: transferId as number,
        regionCode: regionCode as string,
        fromStatus: fromStatus as string | null,
        toStatus: toStatus as string,
        on: on as string,
        actorName: actorName as string,
        at: new Date(at as string),
      })),
    );
  }
  await rows(db, sql`select setval(pg_get_serial_sequence('insurance_transfers', 'id'), greatest(${transferId}::bigint, 1)) ${systemScope()}`);

  // ---- arrears notices: the module's own scheduled issue, for the employers left in arrears ----
  let notices = 0;
  if (o.arrearsEmployers.length) {
    const p = P(Number(o.lastMonth.slice(0, 4))).params;
    const due = `${addMonths(o.lastMonth, 1).slice(0, 8)}${String(p.paymentDueDay).padStart(2, '0')}`;
    // Issued on the third working day after the payment due date (inside the notice window).
    const asOf = addWorkingDays(cal, due, 3);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    if (asOf <= today) notices = await issueDueNotices(platform, asOf, cal, { employerIds: o.arrearsEmployers, feeMonth: o.lastMonth });
  }

  return {
    unemploymentCandidates: ended.length,
    unemploymentDecisions,
    workInjuryDecisions: nDecisions - unemploymentDecisions,
    benefitPayments: nPayments,
    lifeSignals: Number(nSignals),
    transfers: nTransfers,
    arrearsNotices: notices,
  };
}
