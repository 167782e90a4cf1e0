// Employment endpoints (server/src/modules/employment): registrations, unemployment, transfers,
// graduates, layoffs, seekers, vacancies, matches, placements, monitoring, warnings.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Localized } from '../../app/i18n';

export type Labelled = { code: string; zh: string; en: string };
export type OccupationGroup = { code: string; name: string; level: string; parentCode: string | null };
export type EmploymentCodes = {
  employmentKinds: Labelled[];
  difficultyGroups: Labelled[];
  unemploymentReasons: Labelled[];
  closeReasons: Labelled[];
  serviceKinds: Labelled[];
  educationLevels: Labelled[];
  graduateDestinations: Labelled[];
  occupationGroups: { major: OccupationGroup[]; medium: OccupationGroup[] };
};

export function useEmploymentCodes() {
  return useQuery({ queryKey: ['employment', 'codes'], queryFn: ({ signal }) => api.get<EmploymentCodes>('/employment/codes', undefined, signal), staleTime: 60 * 60_000 });
}

export type Employment = {
  id: number;
  personId: number;
  personName: string;
  idNumberMasked: string;
  employerId: number | null;
  employerName: string | null;
  kind: 'employee' | 'self_employed' | 'flexible' | 'public_welfare';
  startDate: string;
  endDate: string | null;
  terminationReason: string | null;
  area: 'urban' | 'rural';
  newUrban: boolean;
  occupationCode: string | null;
  occupationName: string | null;
  hasContract: boolean;
  regionCode: string;
  regionName: string | null;
  source: string;
  version: number;
};

export type Unemployment = {
  id: number;
  personId: number;
  personName: string;
  idNumberMasked: string;
  regionCode: string;
  regionName: string | null;
  registeredOn: string;
  urban: boolean;
  reason: string;
  difficulty: boolean;
  difficultySince: string | null;
  groups: string[];
  closedOn: string | null;
  closedReason: string | null;
  reemploymentId: number | null;
  version: number;
  services?: { id: number; kind: string; serviceDate: string; note: string | null }[];
};

export type Transfer = { id: number; personName: string; idNumberMasked: string; regionName: string | null; transferDate: string; destination: string; destinationRegionCode: string | null; industry: string | null; occupationCode: string | null };
export type Graduate = { id: number; personName: string; idNumberMasked: string; regionName: string | null; graduationYear: number; school: string; education: string; destination: string; staysInHainan: boolean | null; recordedOn: string; version: number };
export type Layoff = {
  id: number;
  employerId: number;
  employerName: string;
  regionCode: string;
  regionName: string | null;
  reportedOn: string;
  plannedDate: string;
  plannedCount: number;
  staffCount: number;
  reason: string;
  status: 'reported' | 'following_up' | 'closed';
  statutory: boolean;
  version: number;
  followups?: { id: number; followupDate: string; kind: string; note: string; staffReemployed: number | null; actorName: string }[];
};

export type Seeker = {
  id: number;
  personId: number;
  name: string;
  idNumberMasked: string;
  regionCode: string;
  regionName: string | null;
  desiredOccupations: string[];
  skills: string[];
  desiredRegions: string[];
  salaryMin: number | null;
  education: string;
  availableFrom: string | null;
  groups: string[];
  status: 'active' | 'paused' | 'closed';
  updatedAt: string;
  version: number;
};

export type Vacancy = {
  id: number;
  employerId: number;
  employerName: string;
  title: string;
  occupationCode: string;
  occupationName: string | null;
  skills: string[];
  regionCode: string;
  regionName: string | null;
  salaryMin: number;
  salaryMax: number;
  education: string;
  headcount: number;
  filled: number;
  expiresOn: string;
  description: string;
  status: 'open' | 'filled' | 'closed' | 'expired';
  version: number;
};

export type Reason = { factor: string; weight: number; value: number; points: number } & Localized;
export type Improvement = { factor: string; gain: number } & Localized;
export type Scored = { score: number; reasons: Reason[]; improve: Improvement[] };
export type VacancyMatch = Scored & { vacancyId: number; title: string; employerName: string; occupationCode: string; occupationName: string | null; regionName: string | null; salaryMin: number; salaryMax: number; expiresOn: string };
export type SeekerMatch = Scored & { seekerId: number; personId: number; name: string; idNumberMasked: string; regionName: string | null; availableFrom: string | null };
export type Matches<T> = { items: T[]; scanned: number; tiersUsed: string[] };

export type Placement = {
  id: number;
  kind: 'recommendation' | 'application' | 'referral';
  seekerId: number;
  personId: number;
  personName: string;
  vacancyId: number;
  vacancyTitle: string;
  employerName: string;
  score: number;
  status: 'proposed' | 'applied' | 'interview' | 'hired' | 'rejected' | 'withdrawn';
  outcomeDate: string | null;
  employmentId: number | null;
  note: string | null;
  createdAt: string;
  version: number;
};

export type Formula = { weights: Record<string, number> } & Localized;

export function useFormula() {
  return useQuery({ queryKey: ['employment', 'formula'], queryFn: ({ signal }) => api.get<Formula>('/employment/matching/formula', undefined, signal), staleTime: 60 * 60_000 });
}

export type Warning = {
  id: number;
  ruleKey: 'unemployed_growth' | 'layoff_reports' | 'contribution_stops';
  ruleVersion: number;
  regionCode: string;
  regionName: string | null;
  asOf: string;
  level: 'yellow' | 'orange' | 'red';
  evidence: { summary: Localized; figures: Record<string, number>; records: { type: string; id: number; label: string; details?: Record<string, string | number> }[] };
  status: 'open' | 'acknowledged' | 'closed';
  ownerName: string | null;
  updatedAt: string;
  version: number;
  followups?: { id: number; at: string; actorName: string; action: string; note: string }[];
};

export type WarningRule = { id: number; key: string; version: number; name: string; params: Record<string, number>; regionParams: Record<string, Record<string, number>>; active: boolean; createdAt: string };

export type Figures = {
  newUrbanJobs: number;
  registeredUnemployed: number;
  reemployed: number;
  difficultReemployed: number;
  ruralTransfers: number;
  flexibleEmployment: number;
  graduates: number;
  layoffPlanned: number;
  graduateDestinationRate: number | null;
  graduateStayShare: number | null;
};
export type Dashboard = {
  regionCode: string;
  regionName: string | null;
  year: number;
  total: Figures;
  regions: (Figures & { code: string; name: string | null })[];
  byIndustry: { code: string; newJobs: number; layoffPlanned: number }[];
  byGroup: ({ group: string; unemployed: number; reemployed: number } & Localized)[];
  monthly: { month: number; newUrbanJobs: number; unemploymentRegistered: number; reemployed: number }[];
};
export type SupplyDemand = { by: string; rows: { code: string; name: string | null; vacancies: number; seekers: number; ratio: number | null }[]; total: { vacancies: number; seekers: number; ratio: number | null } };

export type Fairness = {
  definition: Localized;
  all: { seekers: number; exposedShare: number | null; hireRate: number | null };
  groups: ({ group: string; seekers: number; exposedShare: number | null; exposuresPerSeeker: number | null; hireRate: number | null; exposureRatio: number | null; hireRatio: number | null; flagged: boolean; others: { seekers: number; exposedShare: number | null; hireRate: number | null } } & Localized)[];
};

/** Money is integer fen on the wire; forms and tables show yuan. */
export const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 0 })}`);
export const toFen = (yuanValue: number | null | undefined): number | null => (yuanValue === null || yuanValue === undefined ? null : Math.round(yuanValue * 100));

export const label = (list: Labelled[] | undefined, code: string | null | undefined, lang: 'zh' | 'en'): string => {
  const hit = list?.find((x) => x.code === code);
  return hit ? hit[lang] : (code ?? '—');
};
