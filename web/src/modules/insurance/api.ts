// Insurance endpoints (server/src/modules/insurance): enrolment, ledger, arrears, benefits,
// stop events, supervision, transfers, coverage.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { ApiResponse } from '../../api/types';

export type Labelled = { code: string; zh: string; en: string };
export type InsuranceCodes = {
  insuranceTypes: Labelled[];
  enrolmentStatuses: Labelled[];
  workerForms: Labelled[];
  ledgerEvents: Labelled[];
  benefitKinds: Labelled[];
  lifeEvents: Labelled[];
  lifeSignals: Labelled[];
  statusPeriods: Labelled[];
  dataSources: Labelled[];
};

export function useInsuranceCodes() {
  return useQuery({ queryKey: ['insurance', 'codes'], queryFn: ({ signal }) => api.get<InsuranceCodes>('/insurance/codes', undefined, signal), staleTime: 60 * 60_000 });
}

export function label(list: Labelled[] | undefined, code: string | null | undefined, lang: 'zh' | 'en'): string {
  if (!code) return '—';
  return list?.find((x) => x.code === code)?.[lang] ?? code;
}

/** Integer fen → "1,234.56". */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export const month = (d: string | null | undefined) => (d ? d.slice(0, 7) : '—');

export type Enrolment = ApiResponse<'/api/v1/insurance/enrolments'>['items'][number];

export type TypeSummary = PersonRecord['summary'][number];
export type PersonRecord = ApiResponse<'/api/v1/insurance/persons/{id}'>;
export type MonthLine = ApiResponse<'/api/v1/insurance/persons/{id}/ledger'>['months'][number];
export type Entry = ApiResponse<'/api/v1/insurance/persons/{id}/ledger'>['entries'][number];

export type Step = { zh: string; en: string; value?: string | number };
export type Decision = {
  id: number;
  personId: number;
  personName?: string;
  idNumberMasked?: string;
  kind: string;
  kindName: string;
  status: string;
  startMonth: string;
  endMonth: string | null;
  monthlyFen: number;
  lumpSumFen: number;
  inputs: Record<string, unknown>;
  explanation: Step[];
  ruleKey: string;
  ruleVersion: string;
  clause: string;
  paramsVersion: string;
  registrationRef: string | null;
  registrationVerified: boolean | null;
  stoppedFromMonth: string | null;
  stopReason: string | null;
  regionCode: string;
  regionName: string | null;
  decidedAt: string;
  version: number;
  payments?: { id: number; payMonth: string; amountFen: number; paidOn: string }[];
};

export type LifeEvent = {
  id: number;
  personId: number;
  personName: string;
  idNumberMasked: string;
  kind: string;
  kindName: string;
  occurredOn: string;
  knownOn: string;
  recordedAt: string;
  source: string;
  sourceRef: string;
  supersedesId: number | null;
  regionCode: string;
  reportWorkingDays: number;
  reportedLate: boolean;
};

export type Recovery = {
  id: number;
  personId: number;
  personName: string;
  idNumberMasked: string;
  decisionId: number;
  reason: string;
  amountFen: number;
  months: { month: string; amountFen: number }[];
  status: 'open' | 'recovered' | 'written_off';
  recoveredFen: number;
  note: string | null;
  openedAt: string;
  regionName: string | null;
  version: number;
};

export type PersonBenefits = { benefits: Decision[]; lifeEvents: LifeEvent[]; recoveries: Recovery[] };
export type Authentication = { asOf: string; threshold: number; score: number; due: boolean; evidence: { kind: string; observedOn: string; ageDays: number; weight: number; contribution: number }[] };

export type RegisteredEmployer = { employerId: number; name: string; uscc: string; types: string[]; workInjuryClass: number; registeredOn: string; status: string; staff: number; regionCode: string; regionName: string | null };
export type EmployerMonth = { feeMonth: string; persons: number; baseFen: number; dueFen: number; paidFen: number; arrearsFen: number; paymentDueDate: string; lateFeeFen: number };
export type ArrearsLine = EmployerMonth & { employerId: number; employerName: string; regionCode: string; noticeDueDate: string; noticeId: number | null; noticeIssuedOn: string | null };
export type Notice = { id: number; employerId: number; feeMonth: string; paymentDueDate: string; noticeDueDate: string; issuedOn: string; onTime: boolean; arrearsFen: number; lateFeeFen: number; persons: number };
export type EmployerView = {
  employer: { id: number; name: string; uscc: string; regionCode: string; regionName: string | null };
  registration: { types: string[]; workInjuryClass: number; registeredOn: string; status: string; version: number } | null;
  staff: Enrolment[];
  months: EmployerMonth[];
  arrears: ArrearsLine[];
  notices: Notice[];
};
export type DeclarationLine = { personId: number; personName: string; idNumberMasked: string; insuranceType: string; insuranceTypeName: string; baseFen: number; dueFen: number; paidFen: number };

export type Hit = {
  id: number;
  ruleKey: string;
  ruleVersion: string;
  ruleName: string;
  subjectKey: string;
  personId: number | null;
  personName: string | null;
  employerId: number | null;
  employerName: string | null;
  regionCode: string;
  regionName: string | null;
  amountFen: number;
  evidence: Record<string, unknown>;
  detectedAt: string;
  status: 'open' | 'confirmed' | 'dismissed' | 'closed';
  resolution: string | null;
  version: number;
};
export type Rule = { key: string; version: string; name: { zh: string; en: string }; description: { zh: string; en: string }; basis: string; cron: string };

export type Leg = { leg: string; zh: string; en: string; ours: boolean; startedOn: string; dueOn: string; doneOn: string | null; elapsedWorkingDays: number; limitWorkingDays: number; state: 'running' | 'overdue' | 'done_on_time' | 'done_late' };
export type Transfer = {
  id: number;
  personId: number;
  personName?: string;
  idNumberMasked?: string;
  insuranceType: string;
  direction: 'in' | 'out';
  fromRegion: string;
  toRegion: string;
  status: string;
  next: string[];
  certificateIssuedOn: string | null;
  appliedOn: string | null;
  letterSentOn: string | null;
  sheetSentOn: string | null;
  completedOn: string | null;
  legs: Leg[];
  declaredAmountFen: number | null;
  computedAmountFen: number | null;
  differenceFen: number | null;
  computation: { accountFen: number; pooledFen: number; totalFen: number; perYear: { year: number; wageFen: number; pooledFen: number }[] } | null;
  regionName: string | null;
  version: number;
  history?: { fromStatus: string | null; toStatus: string; on: string; actorName: string }[];
};

export type CoverageLine = { regionCode: string; regionName: string | null; population: number; insured: number; gaps: number; rate: number | null };
export type Coverage = { asOf: string; regionCode: string; regionName: string | null; denominatorVersion: string; minAge: number; total: Omit<CoverageLine, 'regionCode' | 'regionName'>; lines: CoverageLine[] };
/** A study (在校学生) or other-province insurance (外省参保) period, as currently known (from the server's schema). */
export type StatusPeriod = ApiResponse<'/api/v1/insurance/status-periods'>['items'][number];
export type Gap = { id: number; name: string; idNumberMasked: string; gender: string; birthDate: string; hukouType: string; regionCode: string; regionName: string | null };
