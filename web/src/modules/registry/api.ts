// Registry endpoints (docs/API-CONTRACT.md § Registry): persons and employers.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Localized } from '../../app/i18n';

export type PersonFlags = {
  disability: boolean; // 残疾人
  veteran: boolean; // 退役军人
  zeroEmploymentHousehold: boolean; // 零就业家庭
  lowIncomeHousehold: boolean; // 低保家庭
};
export const flagKeys = ['disability', 'veteran', 'zeroEmploymentHousehold', 'lowIncomeHousehold'] as const;
export type FlagKey = (typeof flagKeys)[number];

export type HukouType = 'urban' | 'rural';
export type Gender = 'M' | 'F';

export type PersonListItem = {
  id: number;
  name: string;
  idNumberMasked: string;
  gender: Gender;
  birthDate: string;
  hukouType: HukouType;
  regionCode: string;
  regionName: string | null;
  phoneMasked: string | null;
  householdId?: string | null;
  flags: PersonFlags;
  updatedAt: string;
};

export type Person = PersonListItem & { version: number; createdAt: string; createdBy?: string | number | null };

export type PersonCreate = {
  idNumber: string;
  name: string;
  hukouType: HukouType;
  regionCode: string;
  phone?: string | null;
  householdId?: string | null;
  flags: PersonFlags;
};
export type PersonUpdate = Partial<Omit<PersonCreate, 'idNumber'>> & { version: number };

export type Employer = {
  id: number;
  uscc: string;
  name: string;
  industry: string;
  industryName: string;
  ownership: string;
  ownershipName?: string;
  size: string;
  sizeName?: string;
  regionCode: string;
  regionName: string | null;
  updatedAt: string;
  createdAt?: string;
  version: number;
};
export type EmployerCreate = { uscc: string; name: string; industry: string; ownership: string; size: string; regionCode: string };
export type EmployerUpdate = Partial<Omit<EmployerCreate, 'uscc'>> & { version: number };

/** The server may accept a record and still warn (e.g. a USCC whose check character fails). */
export type FieldWarning = { field: string } & Localized;

export type HistoryEntry = {
  at: string;
  actorName: string;
  action: string;
  changes: Record<string, { from: unknown; to: unknown }>;
};

export type Code = { code: string; name: string };
export type RegistryCodes = { industries: Code[]; ownerships: Code[]; sizes: Code[] };

export const registryKeys = {
  person: (id: number) => ['registry', 'person', id] as const,
  personHistory: (id: number) => ['registry', 'person', id, 'history'] as const,
  employer: (id: number) => ['registry', 'employer', id] as const,
  employerHistory: (id: number) => ['registry', 'employer', id, 'history'] as const,
  codes: ['registry', 'codes'] as const,
};

export function usePerson(id: number, enabled = true) {
  return useQuery({
    queryKey: registryKeys.person(id),
    queryFn: ({ signal }) => api.get<Person>(`/registry/persons/${id}`, undefined, signal),
    enabled,
    // Each read of a person's detail is audited; do not re-read behind the user's back.
    staleTime: Infinity,
  });
}

export function usePersonHistory(id: number) {
  return useQuery({
    queryKey: registryKeys.personHistory(id),
    queryFn: ({ signal }) => api.get<HistoryEntry[]>(`/registry/persons/${id}/history`, undefined, signal),
  });
}

export function useEmployer(id: number, enabled = true) {
  return useQuery({
    queryKey: registryKeys.employer(id),
    queryFn: ({ signal }) => api.get<Employer>(`/registry/employers/${id}`, undefined, signal),
    enabled,
  });
}

export function useEmployerHistory(id: number) {
  return useQuery({
    queryKey: registryKeys.employerHistory(id),
    queryFn: ({ signal }) => api.get<HistoryEntry[]>(`/registry/employers/${id}/history`, undefined, signal),
  });
}

export function useRegistryCodes() {
  return useQuery({
    queryKey: registryKeys.codes,
    queryFn: ({ signal }) => api.get<RegistryCodes>('/registry/codes', undefined, signal),
    staleTime: Infinity,
  });
}
