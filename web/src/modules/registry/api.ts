// Registry endpoints (docs/API-CONTRACT.md § Registry): persons and employers.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Localized } from '../../app/i18n';
import type { ApiBody, ApiResponse } from '../../api/types';

export type PersonFlags = Person['flags'];
export const flagKeys = ['disability', 'veteran', 'zeroEmploymentHousehold', 'lowIncomeHousehold'] as const;
export type FlagKey = (typeof flagKeys)[number];

export type HukouType = Person['hukouType'];
export type Gender = Person['gender'];

export type PersonListItem = ApiResponse<'/api/v1/registry/persons'>['items'][number];

export type Person = ApiResponse<'/api/v1/registry/persons/{id}'>;

export type PersonCreate = ApiBody<'/api/v1/registry/persons'>;
export type PersonUpdate = ApiBody<'/api/v1/registry/persons/{id}', 'put'>;

export type Employer = ApiResponse<'/api/v1/registry/employers/{id}'>;
export type EmployerCreate = ApiBody<'/api/v1/registry/employers'>;
export type EmployerUpdate = ApiBody<'/api/v1/registry/employers/{id}', 'put'>;

/** The server may accept a record and still warn (e.g. a USCC whose check character fails). */
export type FieldWarning = { field: string } & Localized;

export type HistoryEntry = ApiResponse<'/api/v1/registry/persons/{id}/history'>[number];

export type Code = RegistryCodes['industries'][number];
export type RegistryCodes = ApiResponse<'/api/v1/registry/codes'>;

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
