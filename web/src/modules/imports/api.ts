// Import endpoints (docs/API-CONTRACT.md § Imports).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { ApiResponse } from '../../api/types';

export type ImportMode = ImportJob['mode'];
export type ImportStatus = ImportJob['status'];

export type ImportJob = ApiResponse<'/api/v1/imports/jobs/{id}'>;

/** A kind the caller may import (GET /imports/kinds). */
export type ImportKind = ApiResponse<'/api/v1/imports/kinds'>[number];

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
    queryFn: ({ signal }) => api.get<ImportKind[]>('/imports/kinds', undefined, signal),
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
