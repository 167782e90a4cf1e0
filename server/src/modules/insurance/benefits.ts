// Benefit decisions and monthly payments. Each decision gathers its inputs from the ledger and
// the registry, applies a versioned rule (benefit-rules.ts) and stores inputs, steps, rule
// version, clause and parameter version. Payments are appended by a monthly run; a stop
// event (lifeevents.ts) stops or suspends decisions and opens the recovery case.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { num, rows } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { assertRegionInScope, regionFilter, scopeWhere, systemScope, type Scope } from '../../platform/scope';
import { findOpenUnemploymentRegistration } from '../employment';
import { persons } from '../registry';
import { personInScope, type Ctx, type PersonRef } from './access';
import {
  employeePension,
  INSTITUTION_PENSION_RULE,
  PENSION_RULE,
  RESIDENT_PENSION_RULE,
  residentPension,
  UNEMPLOYMENT_RULE,
  unemploymentBenefit,
  WORK_INJURY_RULE,
  workInjuryBenefit,
  type RetirementGroup,
  type RuleResult,
} from './benefit-rules';
import { todayIso } from './calendar';
import { isContributedMonth, personMonthsSystem } from './ledger';
import { loadParams, paramsFor } from './params';
import { insuranceBenefitDecisions, insuranceBenefitPayments, insuranceEnrolments, insuranceLifeEvents } from './schema';
import { addMonths, benefitKindLabels, pensionBenefitKinds, type BenefitKind, type InsuranceType } from './types';

type DecisionRow = typeof insuranceBenefitDecisions.$inferSelect;
const q = (p: Platform) => p.database.query.bind(p.database) as <T>(text: string, params?: unknown[]) => Promise<T[]>;

export type ContributionFacts = { contributionMonths: number; accountFen: number; averageIndex: number; months: { feeMonth: string; baseFen: number }[] };

/** What the ledger says about a person's contributions to one type (system read: the caller already holds the person). */
export async function contributionFacts(platform: Platform, personId: number, type: InsuranceType): Promise<ContributionFacts> {
  const lines = await personMonthsSystem({ platform }, personId, { type });
  const contributed = lines.filter(isContributedMonth);
  const params = await loadParams(q(platform), [...new Set(contributed.map((m) => Number(m.feeMonth.slice(0, 4))))]);
  let indexSum = 0;
  let indexed = 0;
  for (const m of contributed) {
    if (m.baseFen <= 0 || m.periodMonths !== 1) continue;
    indexSum += m.baseFen / params.get(Number(m.feeMonth.slice(0, 4)))!.params.avgMonthlyWageFen;
    indexed++;
  }
  return {
    contributionMonths: contributed.reduce((a, m) => a + m.periodMonths, 0),
    accountFen: lines.reduce((a, m) => a + m.accountFen, 0),
    averageIndex: indexed ? indexSum / indexed : 0,
    months: contributed.map((m) => ({ feeMonth: m.feeMonth, baseFen: m.baseFen })),
  };
}

async function assertAlive(platform: Platform, personId: number) {
  const [d] = await platform.db
    .select({ id: insuranceLifeEvents.id })
    .from(insuranceLifeEvents)
    .where(and(eq(insuranceLifeEvents.personId, personId), eq(insuranceLifeEvents.kind, 'death'), systemScope()))
    .limit(1);
  if (d) throw new AppError('INVALID_STATE', { zh: '该人员已有死亡记录', en: 'A death is recorded for this person' });
}

async function openDecisions(platform: Platform, personId: number, kinds: readonly BenefitKind[]) {
  return platform.db
    .select({ id: insuranceBenefitDecisions.id, kind: insuranceBenefitDecisions.kind })
    .from(insuranceBenefitDecisions)
    .where(and(eq(insuranceBenefitDecisions.personId, personId), inArray(insuranceBenefitDecisions.kind, [...kinds]), inArray(insuranceBenefitDecisions.status, ['active', 'suspended']), systemScope()));
}

/** The paying region: the person's latest spell in that type, else their household region. */
async function payingRegion(ctx: Ctx, person: PersonRef, type: InsuranceType): Promise<string> {
  const [en] = await ctx.platform.db
    .select({ regionCode: insuranceEnrolments.regionCode })
    .from(insuranceEnrolments)
    .where(and(eq(insuranceEnrolments.personId, person.id), eq(insuranceEnrolments.insuranceType, type), systemScope()))
    .orderBy(desc(insuranceEnrolments.startDate))
    .limit(1);
  const region = en?.regionCode ?? person.regionCode;
  assertRegionInScope(ctx.caller.scope, region);
  return region;
}

type Decided = { result: RuleResult; rule: { key: string; version: string; clause: string }; paramsVersion: string; inputs: Record<string, unknown> };

function refuseUnlessEligible(d: Decided) {
  if (!d.result.eligible) {
    throw new AppError('VALIDATION', { zh: d.result.refusal!.zh, en: d.result.refusal!.en, steps: d.result.steps, rule: d.rule });
  }
}

async function insertDecision(ctx: Ctx, personId: number, regionCode: string, kind: BenefitKind, startMonth: string, d: Decided, extra: Partial<typeof insuranceBenefitDecisions.$inferInsert> = {}) {
  const [row] = await ctx.platform.db
    .insert(insuranceBenefitDecisions)
    .values({
      personId,
      regionCode,
      kind,
      status: 'active',
      startMonth,
      monthlyFen: d.result.monthlyFen,
      lumpSumFen: d.result.lumpSumFen,
      inputs: d.inputs,
      explanation: d.result.steps,
      ruleKey: d.rule.key,
      ruleVersion: d.rule.version,
      clause: d.rule.clause,
      paramsVersion: d.paramsVersion,
      decidedBy: ctx.caller.userId,
      ...extra,
    })
    .returning();
  return row;
}

export type PensionInput = { personId: number; kind: 'enterprise_pension' | 'institution_pension' | 'resident_pension'; startMonth: string; group?: RetirementGroup; dryRun?: boolean };

/** 养老金核定. Refused when another basic pension is being paid (one pension at a time). */
export async function decidePension(ctx: Ctx, input: PensionInput) {
  const person = await personInScope(ctx, input.personId);
  await assertAlive(ctx.platform, person.id);
  const open = await openDecisions(ctx.platform, person.id, pensionBenefitKinds);
  if (open.length) {
    throw new AppError('CONFLICT', { zh: `已在领取${benefitKindLabels[open[0].kind].zh}，基本养老金只能领取一种`, en: `Already drawing the ${benefitKindLabels[open[0].kind].en}: one basic pension only` });
  }
  const year = Number(input.startMonth.slice(0, 4));
  const [cur, prev] = await Promise.all([paramsFor(q(ctx.platform), year), paramsFor(q(ctx.platform), year - 1)]);
  const facts = await contributionFacts(ctx.platform, person.id, input.kind);
  let decided: Decided;
  if (input.kind === 'resident_pension') {
    const inputs = { birthDate: person.birthDate, startMonth: input.startMonth, contributionMonths: facts.contributionMonths, accountFen: facts.accountFen, basicPensionFen: cur.params.residentBasicPensionFen, minMonths: 180 };
    decided = { result: residentPension(inputs), rule: RESIDENT_PENSION_RULE, paramsVersion: cur.version, inputs };
  } else {
    const group: RetirementGroup = input.group ?? (person.gender === 'M' ? 'male' : 'female_worker');
    const inputs = {
      birthDate: person.birthDate,
      group,
      startMonth: input.startMonth,
      contributionMonths: facts.contributionMonths,
      averageIndex: Math.round(facts.averageIndex * 10000) / 10000,
      accountFen: facts.accountFen,
      pensionBaseFen: prev.params.avgMonthlyWageFen,
      minMonths: cur.params.pensionMinMonths,
    };
    decided = { result: employeePension(inputs), rule: input.kind === 'enterprise_pension' ? PENSION_RULE : INSTITUTION_PENSION_RULE, paramsVersion: `${cur.version}+${prev.version}`, inputs };
  }
  if (input.dryRun) return { decision: null, ...decided };
  refuseUnlessEligible(decided);
  const region = await payingRegion(ctx, person, input.kind);
  return { decision: await insertDecision(ctx, person.id, region, input.kind, input.startMonth, decided), ...decided };
}

export const involuntaryReasons = ['dismissed', 'contract_expired', 'employer_closed', 'other_involuntary'] as const;
export type SeparationReason = (typeof involuntaryReasons)[number] | 'resigned';

export type UnemploymentInput = { personId: number; startMonth: string; separationReason: SeparationReason; dryRun?: boolean };

/**
 * 失业保险金核定. The unemployment registration comes from the employment module
 * (`findOpenUnemploymentRegistration`); its id is stored on the decision as the reference.
 */
export async function decideUnemploymentBenefit(ctx: Ctx, input: UnemploymentInput) {
  const person = await personInScope(ctx, input.personId);
  await assertAlive(ctx.platform, person.id);
  const open = await openDecisions(ctx.platform, person.id, ['unemployment_benefit', ...pensionBenefitKinds]);
  if (open.length) {
    throw new AppError('CONFLICT', {
      zh: open[0].kind === 'unemployment_benefit' ? '已在领取失业保险金' : '已领取基本养老金，不能领取失业保险金（失业保险条例 第十五条）',
      en: open[0].kind === 'unemployment_benefit' ? 'Already drawing unemployment benefit' : 'Drawing a basic pension: no unemployment benefit (art. 15)',
    });
  }
  const p = await paramsFor(q(ctx.platform), Number(input.startMonth.slice(0, 4)));
  const facts = await contributionFacts(ctx.platform, person.id, 'unemployment');
  const registration = await findOpenUnemploymentRegistration(ctx.platform, person.id);
  const inputs = {
    contributionMonths: facts.contributionMonths,
    involuntary: (involuntaryReasons as readonly string[]).includes(input.separationReason),
    separationReason: input.separationReason,
    registered: !!registration,
    registrationId: registration?.id ?? null,
    registeredOn: registration?.registeredOn ?? null,
    minWageFen: p.params.minMonthlyWageFen,
    pct: p.params.unemploymentBenefitPct,
  };
  const decided: Decided = { result: unemploymentBenefit(inputs), rule: UNEMPLOYMENT_RULE, paramsVersion: p.version, inputs };
  if (input.dryRun) return { decision: null, ...decided };
  refuseUnlessEligible(decided);
  const region = await payingRegion(ctx, person, 'unemployment');
  const decision = await insertDecision(ctx, person.id, region, 'unemployment_benefit', input.startMonth, decided, {
    endMonth: addMonths(input.startMonth, decided.result.months! - 1),
    registrationRef: registration ? String(registration.id) : null,
    registrationVerified: !!registration,
  });
  return { decision, ...decided };
}

export type WorkInjuryDecisionInput = { personId: number; injuryDate: string; grade: number; startMonth: string; ownWageFen?: number; dryRun?: boolean };

/** 工伤待遇核定: the lump-sum grant, and for grades 1–4 the monthly disability allowance. */
export async function decideWorkInjury(ctx: Ctx, input: WorkInjuryDecisionInput) {
  const person = await personInScope(ctx, input.personId);
  await assertAlive(ctx.platform, person.id);
  const p = await paramsFor(q(ctx.platform), Number(input.injuryDate.slice(0, 4)));
  // 本人工资: the mean work-injury base of the 12 fee months before the injury month (第64条).
  const injuryMonth = `${input.injuryDate.slice(0, 7)}-01`;
  const lines = (await personMonthsSystem({ platform: ctx.platform }, person.id, { type: 'work_injury' })).filter((m) => m.feeMonth < injuryMonth && m.feeMonth >= addMonths(injuryMonth, -12) && m.baseFen > 0);
  const fromLedger = lines.length ? Math.round(lines.reduce((a, m) => a + m.baseFen, 0) / lines.length) : null;
  const own = input.ownWageFen ?? fromLedger;
  if (!own) throw new AppError('VALIDATION', { zh: '受伤前12个月无工伤保险缴费基数，请填写本人工资', en: 'No work-injury base in the 12 months before the injury: give ownWageFen' });
  const inputs = { grade: input.grade, injuryDate: input.injuryDate, ownWageFen: own, ownWageSource: input.ownWageFen ? 'entered' : `ledger: ${lines.length} months`, avgWageFen: p.params.avgMonthlyWageFen, minWageFen: p.params.minMonthlyWageFen, lumpSumMonths: p.params.workInjuryLumpSumMonths, allowancePct: p.params.workInjuryAllowancePct };
  const decided: Decided = { result: workInjuryBenefit(inputs), rule: WORK_INJURY_RULE, paramsVersion: p.version, inputs };
  if (input.dryRun) return { decisions: [], ...decided };
  refuseUnlessEligible(decided);
  const region = await payingRegion(ctx, person, 'work_injury');
  const decisions: DecisionRow[] = [];
  decisions.push(await insertDecision(ctx, person.id, region, 'work_injury_lump_sum', input.startMonth, { ...decided, result: { ...decided.result, monthlyFen: 0 } }, { endMonth: input.startMonth }));
  if (decided.result.monthlyFen > 0) decisions.push(await insertDecision(ctx, person.id, region, 'work_injury_allowance', input.startMonth, { ...decided, result: { ...decided.result, lumpSumFen: 0 } }));
  return { decisions, ...decided };
}

/**
 * The monthly payment run: one payment per active decision covering the month (a lump sum in
 * its start month). Idempotent: (decision, month) is unique. Returns payments made.
 */
export async function runPayments(platform: Platform, month: string, paidOn: string, scope: Scope | null): Promise<{ payments: number; amountFen: number }> {
  const where: SQL = scope ? scopeWhere(scope, { regionCode: sql.raw('d.region_code') as never }) : systemScope();
  const [r] = await rows<{ n: number; total: number | string }>(
    platform.db,
    sql`with ins as (
          insert into insurance_benefit_payments (decision_id, person_id, region_code, kind, pay_month, amount_fen, paid_on)
          select d.id, d.person_id, d.region_code, d.kind, ${month}::date,
                 case when d.kind = 'work_injury_lump_sum' then d.lump_sum_fen else d.monthly_fen end, ${paidOn}::date
            from insurance_benefit_decisions d
           where d.status = 'active' and d.start_month <= ${month}::date and (d.end_month is null or d.end_month >= ${month}::date)
             and (d.stopped_from_month is null or d.stopped_from_month > ${month}::date)
             and (d.kind <> 'work_injury_lump_sum' or d.start_month = ${month}::date)
             and ${where}
          on conflict (decision_id, pay_month) do nothing
          returning amount_fen)
        select count(*)::int as n, coalesce(sum(amount_fen), 0)::bigint as total from ins`,
  );
  return { payments: num(r.n), amountFen: num(r.total) };
}

export function decisionView(d: DecisionRow, regionName: (c: string) => string | null) {
  return {
    id: d.id,
    personId: d.personId,
    kind: d.kind,
    kindName: benefitKindLabels[d.kind].zh,
    status: d.status,
    startMonth: d.startMonth,
    endMonth: d.endMonth,
    monthlyFen: d.monthlyFen,
    lumpSumFen: d.lumpSumFen,
    inputs: d.inputs,
    explanation: d.explanation,
    ruleKey: d.ruleKey,
    ruleVersion: d.ruleVersion,
    clause: d.clause,
    paramsVersion: d.paramsVersion,
    registrationRef: d.registrationRef,
    registrationVerified: d.registrationVerified,
    stoppedFromMonth: d.stoppedFromMonth,
    stopReason: d.stopReason,
    regionCode: d.regionCode,
    regionName: regionName(d.regionCode),
    decidedAt: d.decidedAt.toISOString(),
    version: d.version,
  };
}

export async function getDecision(ctx: Ctx, id: number) {
  const [d] = await ctx.platform.db.select().from(insuranceBenefitDecisions).where(and(eq(insuranceBenefitDecisions.id, id), scopeWhere(ctx.caller.scope, insuranceBenefitDecisions)));
  if (!d) throw new AppError('NOT_FOUND');
  const payments = await ctx.platform.db
    .select()
    .from(insuranceBenefitPayments)
    .where(and(eq(insuranceBenefitPayments.decisionId, id), systemScope()))
    .orderBy(insuranceBenefitPayments.payMonth);
  return { decision: d, payments: payments.map((p) => ({ id: p.id, payMonth: p.payMonth, amountFen: p.amountFen, paidOn: p.paidOn, regionCode: p.regionCode })) };
}

export async function listDecisions(ctx: Ctx, q: { personId?: number; kind?: BenefitKind; status?: DecisionRow['status']; regionCode?: string; page: number; pageSize: number }) {
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, insuranceBenefitDecisions)];
  if (q.personId) conds.push(eq(insuranceBenefitDecisions.personId, q.personId));
  if (q.kind) conds.push(eq(insuranceBenefitDecisions.kind, q.kind));
  if (q.status) conds.push(eq(insuranceBenefitDecisions.status, q.status));
  conds.push(regionFilter(ctx.caller.scope, q.regionCode, insuranceBenefitDecisions.regionCode, ctx.platform.regions.expand));
  const where = and(...conds);
  const items = await ctx.platform.db
    .select({ d: insuranceBenefitDecisions, name: persons.name, idMasked: persons.idMasked })
    .from(insuranceBenefitDecisions)
    .innerJoin(persons, eq(persons.id, insuranceBenefitDecisions.personId))
    .where(where)
    .orderBy(desc(insuranceBenefitDecisions.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await rows<{ total: number }>(ctx.platform.db, sql`select count(*)::int as total from ${insuranceBenefitDecisions} where ${where}`);
  return { items: items.map((r) => ({ ...decisionView(r.d, ctx.platform.regions.name), personName: r.name, idNumberMasked: r.idMasked })), total: num(total), page: q.page, pageSize: q.pageSize };
}

/** A person's decisions with their payments (the record follows the person; they are already in scope). */
export async function personBenefits(ctx: Ctx, personId: number) {
  const ds = await ctx.platform.db.select().from(insuranceBenefitDecisions).where(and(eq(insuranceBenefitDecisions.personId, personId), systemScope())).orderBy(desc(insuranceBenefitDecisions.startMonth));
  const ps = await ctx.platform.db
    .select()
    .from(insuranceBenefitPayments)
    .where(and(eq(insuranceBenefitPayments.personId, personId), systemScope()))
    .orderBy(insuranceBenefitPayments.payMonth);
  return ds.map((d) => ({
    ...decisionView(d, ctx.platform.regions.name),
    payments: ps.filter((p) => p.decisionId === d.id).map((p) => ({ id: p.id, payMonth: p.payMonth, amountFen: p.amountFen, paidOn: p.paidOn })),
  }));
}

/** Scheduled: this month's payments, system-wide, paid on the 10th. (check) the pay day. */
export async function monthlyPaymentRun(platform: Platform, today = todayIso()) {
  return runPayments(platform, `${today.slice(0, 7)}-01`, `${today.slice(0, 7)}-10`, null);
}

