// Social insurance tables. Every table about people or employers carries region_code (the
// insuring region: the employer's for employees, the person's for individuals) and is listed in
// the module's scopedTables. The contribution ledger and benefit payments are append-only
// (database triggers, migration insurance_ledger_append_only): balances, contribution months,
// personal accounts and arrears are derived from them, never stored apart.
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { employers, persons } from '../registry';
import type { BenefitKind, BenefitStatus, DataSource, EnrolmentAction, EnrolmentStatus, InsuranceType, LedgerEvent, LedgerSide, LifeEventKind, LifeSignalKind, StatusPeriodKind, WorkerForm } from './types';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();
const ref = (name: string) => bigint(name, { mode: 'number' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/** 单位参保登记: an employer registered for social insurance, with the types it insures staff for. */
export const insuranceEmployerRegistrations = pgTable(
  'insurance_employer_registrations',
  {
    id: id(),
    employerId: ref('employer_id').notNull().references(() => employers.id),
    regionCode: text('region_code').notNull(),
    types: jsonb('types').$type<InsuranceType[]>().notNull(),
    /** Work-injury industry risk class 1–8 (人社部发〔2015〕71号), sets the base rate. */
    workInjuryClass: smallint('work_injury_class').notNull().default(1),
    registeredOn: date('registered_on').notNull(),
    status: text('status').$type<'active' | 'closed'>().notNull().default('active'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('insurance_employer_reg_employer_idx').on(t.employerId), index('insurance_employer_reg_region_idx').on(t.regionCode)],
);

/** 参保登记: one spell of a person in one insurance type (with an employer, or as an individual). */
export const insuranceEnrolments = pgTable(
  'insurance_enrolments',
  {
    id: id(),
    personId: ref('person_id').notNull().references(() => persons.id),
    insuranceType: text('insurance_type').$type<InsuranceType>().notNull(),
    employerId: ref('employer_id').references(() => employers.id),
    workerForm: text('worker_form').$type<WorkerForm>().notNull(),
    status: text('status').$type<EnrolmentStatus>().notNull(),
    startDate: date('start_date').notNull(),
    /** Set when terminated; the spell covers start_date ..= end_date. */
    endDate: date('end_date'),
    regionCode: text('region_code').notNull(),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One open spell per person and type: a second employer means ending the first (减员) first.
    uniqueIndex('insurance_enrolments_open_idx').on(t.personId, t.insuranceType).where(sql`status <> 'terminated'`),
    index('insurance_enrolments_person_idx').on(t.personId),
    index('insurance_enrolments_employer_idx').on(t.employerId, t.status),
    index('insurance_enrolments_region_idx').on(t.regionCode, t.insuranceType),
  ],
);

/** History of every enrolment change (增员, 减员, 暂停, 恢复, 终止). */
export const insuranceEnrolmentEvents = pgTable(
  'insurance_enrolment_events',
  {
    id: id(),
    enrolmentId: ref('enrolment_id').notNull().references(() => insuranceEnrolments.id),
    personId: ref('person_id').notNull(),
    regionCode: text('region_code').notNull(),
    action: text('action').$type<EnrolmentAction>().notNull(),
    effectiveDate: date('effective_date').notNull(),
    fromStatus: text('from_status').$type<EnrolmentStatus>(),
    toStatus: text('to_status').$type<EnrolmentStatus>().notNull(),
    employerId: ref('employer_id'),
    reason: text('reason'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('insurance_enrolment_events_enrolment_idx').on(t.enrolmentId)],
);

/**
 * The contribution ledger: one immutable entry per person × type × fee month (费款所属期) × event.
 * Amounts are signed integer fen: due events (declared, assessed) and paid events (received,
 * back_paid) positive, refunds negative, a reversal the negation of the entry it reverses.
 */
export const insuranceLedger = pgTable(
  'insurance_ledger',
  {
    id: id(),
    personId: ref('person_id').notNull().references(() => persons.id),
    employerId: ref('employer_id').references(() => employers.id),
    insuranceType: text('insurance_type').$type<InsuranceType>().notNull(),
    /** 费款所属期: the first day of the month the contribution is for. */
    feeMonth: date('fee_month').notNull(),
    /** Months the entry covers: 1, or 12 for an annual resident contribution. */
    periodMonths: smallint('period_months').notNull().default(1),
    event: text('event').$type<LedgerEvent>().notNull(),
    side: text('side').$type<LedgerSide>().notNull(),
    baseFen: fen('base_fen').notNull().default(0),
    /** Rates in units of 0.01% (1600 = 16%). */
    employerRateBp: integer('employer_rate_bp').notNull().default(0),
    personalRateBp: integer('personal_rate_bp').notNull().default(0),
    employerFen: fen('employer_fen').notNull().default(0),
    personalFen: fen('personal_fen').notNull().default(0),
    /** Government subsidy (resident scheme), credited to the personal account with the personal part. */
    subsidyFen: fen('subsidy_fen').notNull().default(0),
    /** What this entry credits to the personal account (paid side only). */
    accountFen: fen('account_fen').notNull().default(0),
    /** Money value date of paid entries; declaration date of due entries. */
    valueDate: date('value_date').notNull(),
    reversesId: ref('reverses_id'),
    /** 0 for the first declaration of a month; a correction after a reversal declares revision + 1. */
    revision: smallint('revision').notNull().default(0),
    regionCode: text('region_code').notNull(),
    source: text('source').$type<'declaration' | 'assessment' | 'payment' | 'correction' | 'generator'>().notNull(),
    /** Idempotency key of the source document (payment voucher × person × type × month). */
    sourceRef: text('source_ref'),
    importJobId: text('import_job_id'),
    note: text('note'),
    recordedBy: integer('recorded_by'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    // A re-imported or interrupted declaration file never doubles money.
    uniqueIndex('insurance_ledger_declared_key').on(t.employerId, t.personId, t.insuranceType, t.feeMonth, t.revision).where(sql`event = 'declared'`),
    uniqueIndex('insurance_ledger_reverses_key').on(t.reversesId).where(sql`reverses_id is not null`),
    uniqueIndex('insurance_ledger_source_ref_key').on(t.sourceRef).where(sql`source_ref is not null`),
    index('insurance_ledger_person_idx').on(t.personId, t.insuranceType, t.feeMonth),
    index('insurance_ledger_employer_idx').on(t.employerId, t.feeMonth),
    index('insurance_ledger_region_idx').on(t.regionCode, t.feeMonth),
  ],
);

/** 欠费通知: a notice to an employer for one fee month; the amounts are a snapshot at issue. */
export const insuranceArrearsNotices = pgTable(
  'insurance_arrears_notices',
  {
    id: id(),
    employerId: ref('employer_id').notNull().references(() => employers.id),
    regionCode: text('region_code').notNull(),
    feeMonth: date('fee_month').notNull(),
    paymentDueDate: date('payment_due_date').notNull(),
    /** The notice is due within 5 working days of the payment due date (DOMAIN.md). */
    noticeDueDate: date('notice_due_date').notNull(),
    issuedOn: date('issued_on').notNull(),
    arrearsFen: fen('arrears_fen').notNull(),
    lateFeeFen: fen('late_fee_fen').notNull(),
    lateFeeRate: text('late_fee_rate').notNull(),
    persons: integer('persons').notNull(),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('insurance_arrears_notices_key').on(t.employerId, t.feeMonth), index('insurance_arrears_notices_region_idx').on(t.regionCode)],
);

/** Versioned parameters per year (average wage, base band, rates, late-fee rate, benefit figures). */
export const insuranceParameters = pgTable(
  'insurance_parameters',
  {
    id: id(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('insurance_parameters_year_version_idx').on(t.year, t.version)],
);

/** A benefit decision: what was decided, from which inputs, by which rule version and clause. */
export const insuranceBenefitDecisions = pgTable(
  'insurance_benefit_decisions',
  {
    id: id(),
    personId: ref('person_id').notNull().references(() => persons.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind').$type<BenefitKind>().notNull(),
    status: text('status').$type<BenefitStatus>().notNull(),
    startMonth: date('start_month').notNull(),
    /** Last month of a benefit with a fixed term (unemployment benefit). */
    endMonth: date('end_month'),
    monthlyFen: fen('monthly_fen').notNull().default(0),
    lumpSumFen: fen('lump_sum_fen').notNull().default(0),
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    explanation: jsonb('explanation').$type<{ zh: string; en: string; value?: string | number }[]>().notNull(),
    ruleKey: text('rule_key').notNull(),
    ruleVersion: text('rule_version').notNull(),
    clause: text('clause').notNull(),
    paramsVersion: text('params_version').notNull(),
    /** The employment module's unemployment registration this benefit rests on. */
    registrationRef: text('registration_ref'),
    registrationVerified: boolean('registration_verified'),
    /** First month not paid after a stop or suspension. */
    stoppedFromMonth: date('stopped_from_month'),
    stopReason: text('stop_reason'),
    stopEventId: ref('stop_event_id'),
    decidedBy: integer('decided_by'),
    decidedAt: ts('decided_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('insurance_benefit_decisions_person_idx').on(t.personId), index('insurance_benefit_decisions_region_idx').on(t.regionCode, t.kind, t.status)],
);

/** Benefit payments, one per decision and month; append-only like the ledger. */
export const insuranceBenefitPayments = pgTable(
  'insurance_benefit_payments',
  {
    id: id(),
    decisionId: ref('decision_id').notNull().references(() => insuranceBenefitDecisions.id),
    personId: ref('person_id').notNull(),
    regionCode: text('region_code').notNull(),
    kind: text('kind').$type<BenefitKind>().notNull(),
    payMonth: date('pay_month').notNull(),
    amountFen: fen('amount_fen').notNull(),
    paidOn: date('paid_on').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('insurance_benefit_payments_key').on(t.decisionId, t.payMonth), index('insurance_benefit_payments_person_idx').on(t.personId, t.payMonth)],
);

/**
 * Stop events from other departments, bitemporal: `occurred_on` is when it happened (valid
 * time), `known_on` when the source reported it, `recorded_at` when Renshe learned it. A
 * correction is a new row that supersedes the earlier one; nothing is overwritten.
 */
export const insuranceLifeEvents = pgTable(
  'insurance_life_events',
  {
    id: id(),
    personId: ref('person_id').notNull().references(() => persons.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind').$type<LifeEventKind>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    knownOn: date('known_on').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
    source: text('source').$type<DataSource>().notNull(),
    sourceRef: text('source_ref').notNull(),
    supersedesId: ref('supersedes_id'),
    importJobId: text('import_job_id'),
    recordedBy: integer('recorded_by'),
  },
  (t) => [uniqueIndex('insurance_life_events_source_idx').on(t.source, t.sourceRef), index('insurance_life_events_person_idx').on(t.personId, t.kind)],
);

/**
 * Status periods from other departments (在校学生 from education, 外省参保 from the national
 * platform): while one stands the person is not 应参保 here (the coverage rate's denominator
 * `registry-16plus-students-elsewhere@2`, the 扩面 gap list). Bitemporal like the stop events:
 * `starts_on`..`ends_on` (inclusive; open when null) is valid time, `known_on` when the source
 * reported it, `recorded_at` when Renshe recorded it. A source reports a period under its own
 * reference; a later report under the same reference with other dates (the end became known, a
 * date corrected) is a new row that supersedes the earlier one, and the same report twice is
 * one row. Current knowledge = the rows no other row supersedes.
 */
export const insuranceStatusPeriods = pgTable(
  'insurance_status_periods',
  {
    id: id(),
    personId: ref('person_id').notNull().references(() => persons.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind').$type<StatusPeriodKind>().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    /** The school, or the province or office insured in, as the source gives it. */
    place: text('place'),
    knownOn: date('known_on').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
    source: text('source').$type<DataSource>().notNull(),
    sourceRef: text('source_ref').notNull(),
    supersedesId: ref('supersedes_id'),
    importJobId: text('import_job_id'),
    recordedBy: integer('recorded_by'),
  },
  (t) => [
    unique('insurance_status_periods_report_key').on(t.source, t.sourceRef, t.startsOn, t.endsOn).nullsNotDistinct(),
    index('insurance_status_periods_person_idx').on(t.personId, t.kind),
    index('insurance_status_periods_supersedes_idx').on(t.supersedesId),
    index('insurance_status_periods_region_idx').on(t.regionCode, t.kind),
  ],
);

/** Life signals for eligibility authentication (无感认证): each an observation with a date. */
export const insuranceLifeSignals = pgTable(
  'insurance_life_signals',
  {
    id: id(),
    personId: ref('person_id').notNull().references(() => persons.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind').$type<LifeSignalKind>().notNull(),
    observedOn: date('observed_on').notNull(),
    source: text('source').$type<DataSource>().notNull(),
    sourceRef: text('source_ref').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('insurance_life_signals_source_idx').on(t.source, t.sourceRef), index('insurance_life_signals_person_idx').on(t.personId, t.observedOn)],
);

/** 待遇追回: an overpayment to recover, opened automatically by a stop event or a supervision hit. */
export const insuranceRecoveryCases = pgTable(
  'insurance_recovery_cases',
  {
    id: id(),
    personId: ref('person_id').notNull().references(() => persons.id),
    regionCode: text('region_code').notNull(),
    decisionId: ref('decision_id').notNull().references(() => insuranceBenefitDecisions.id),
    lifeEventId: ref('life_event_id'),
    reason: text('reason').$type<'death' | 'imprisonment' | 'supervision'>().notNull(),
    amountFen: fen('amount_fen').notNull(),
    months: jsonb('months').$type<{ month: string; amountFen: number; paymentId: number }[]>().notNull(),
    status: text('status').$type<'open' | 'recovered' | 'written_off'>().notNull().default('open'),
    recoveredFen: fen('recovered_fen').notNull().default(0),
    note: text('note'),
    openedAt: ts('opened_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
    closedBy: integer('closed_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('insurance_recovery_cases_key').on(t.decisionId, t.lifeEventId), index('insurance_recovery_cases_region_idx').on(t.regionCode, t.status)],
);

/** A fund-supervision rule hit with its evidence, and the follow-up case on it. */
export const insuranceSupervisionHits = pgTable(
  'insurance_supervision_hits',
  {
    id: id(),
    ruleKey: text('rule_key').notNull(),
    ruleVersion: text('rule_version').notNull(),
    /** What was hit, stable across runs (e.g. `death:12:decision:40`), so a rerun adds no duplicate. */
    subjectKey: text('subject_key').notNull(),
    personId: ref('person_id'),
    employerId: ref('employer_id'),
    regionCode: text('region_code').notNull(),
    amountFen: fen('amount_fen').notNull().default(0),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    detectedAt: ts('detected_at').notNull().defaultNow(),
    status: text('status').$type<'open' | 'confirmed' | 'dismissed' | 'closed'>().notNull().default('open'),
    resolution: text('resolution'),
    resolvedBy: integer('resolved_by'),
    resolvedAt: ts('resolved_at'),
    recoveryCaseId: ref('recovery_case_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('insurance_supervision_hits_key').on(t.ruleKey, t.subjectKey), index('insurance_supervision_hits_region_idx').on(t.regionCode, t.status)],
);

/** 转移接续: a transfer of insurance relations; `region_code` is the Hainan office handling it. */
export const insuranceTransfers = pgTable(
  'insurance_transfers',
  {
    id: id(),
    personId: ref('person_id').notNull().references(() => persons.id),
    regionCode: text('region_code').notNull(),
    insuranceType: text('insurance_type').$type<InsuranceType>().notNull(),
    direction: text('direction').$type<'in' | 'out'>().notNull(),
    fromRegion: text('from_region').notNull(),
    toRegion: text('to_region').notNull(),
    status: text('status').$type<'certificate_issued' | 'applied' | 'letter_sent' | 'sheet_sent' | 'completed' | 'rejected' | 'cancelled'>().notNull(),
    certificateIssuedOn: date('certificate_issued_on'),
    appliedOn: date('applied_on'),
    letterSentOn: date('letter_sent_on'),
    sheetSentOn: date('sheet_sent_on'),
    completedOn: date('completed_on'),
    /** The amount on the other office's record sheet (信息表), when there is one. */
    declaredAmountFen: fen('declared_amount_fen'),
    computedAmountFen: fen('computed_amount_fen'),
    computation: jsonb('computation').$type<Record<string, unknown>>(),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('insurance_transfers_person_idx').on(t.personId), index('insurance_transfers_region_idx').on(t.regionCode, t.status)],
);

export const insuranceTransferEvents = pgTable(
  'insurance_transfer_events',
  {
    id: id(),
    transferId: ref('transfer_id').notNull().references(() => insuranceTransfers.id),
    regionCode: text('region_code').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    on: date('on').notNull(),
    note: text('note'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('insurance_transfer_events_transfer_idx').on(t.transferId)],
);
