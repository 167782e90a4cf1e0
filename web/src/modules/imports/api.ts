// Import endpoints (docs/API-CONTRACT.md § Imports).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Localized } from '../../app/i18n';

export type ImportMode = 'all' | 'good-rows';
export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export type ImportJob = {
  id: string;
  kind: string;
  filename: string;
  status: ImportStatus;
  mode: ImportMode;
  total: number;
  processed: number;
  inserted: number;
  duplicates: number;
  errorCount: number;
  /** Present on the server's answer; older answers imply it from errorCount. */
  hasErrorsFile?: boolean;
  message: Localized | null;
  createdAt: string;
  finishedAt: string | null;
};

/** A kind the caller may import (GET /imports/kinds). */
export type ImportKind = { kind: string } & Localized;

// Used when the server does not list kinds; its permission check still applies.
const knownKinds: ImportKind[] = [
  { kind: 'persons', zh: '人员信息', en: 'Persons' },
  { kind: 'employers', zh: '用人单位', en: 'Employers' },
];

export function isFinished(job: ImportJob): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

export const importKeys = {
  kinds: ['imports', 'kinds'] as const,
  job: (id: string) => ['imports', 'job', id] as const,
};

export function useImportKinds() {
  return useQuery({
    queryKey: importKeys.kinds,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<ImportKind[]>('/imports/kinds', undefined, signal);
      } catch {
        return knownKinds;
      }
    },
    staleTime: 10 * 60_000,
  });
}

/** Polls a job every second until it has finished. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: ({ signal }) => api.get<ImportJob>(`/imports/jobs/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => {
      if (query.state.status === 'error') return false;
      return query.state.data && isFinished(query.state.data) ? false : 1000;
    },
    staleTime: 0,
  });
}
