// Endpoints of employment on the signed-in portal (server routes-portal-accounts.ts):
// /portal/jobs/* for a job seeker's account, /portal/recruit/* for an employer's.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { Placement, Scored, Seeker, VacancyMatch } from '../api';

export type OwnProfile = Omit<Seeker, 'groups'>;
export type PortalMatch = VacancyMatch & { applied: Placement['status'] | null };
export type OwnPlacement = Omit<Placement, 'personId' | 'personName'>;
export type ProfileView = { id: number; viewerKind: 'employer' | 'office'; viewer: string; vacancyId: number | null; vacancyTitle: string | null; viewedAt: string };

/** What an employer may see of a job seeker: masked, no ID number, phone, gender, ethnicity, hukou or disability. */
export type CandidateSummary = { seekerId: number; maskedName: string; ageBand: string; countyName: string | null; education: string; skills: string[]; desiredOccupations: { code: string; name: string | null }[]; availableFrom: string | null };
export type Candidate = CandidateSummary & Scored;
export type CandidateCard = Candidate & { placementId: number | null; placementStatus: Placement['status'] | null };
export type ReceivedApplication = OwnPlacement & { maskedName: string; candidate: CandidateSummary | null };

/** Query keys of the portal pages, invalidated together after a write. */
export const jobsKey = ['portal', 'jobs'] as const;
export const recruitKey = ['portal', 'recruit'] as const;

export function useOwnProfile() {
  return useQuery({ queryKey: [...jobsKey, 'profile'], queryFn: ({ signal }) => api.get<{ profile: OwnProfile | null }>('/portal/jobs/profile', undefined, signal) });
}
