// Who is signed in, and what they may do. The server decides; the client only hides what
// would be refused anyway.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from './api';

export type ScopeKind = 'all' | 'region' | 'region_and_below' | 'custom' | 'self';

export type Me = {
  id: number;
  /** 'staff' uses the console; 'person' and 'employer' the portal, about `subjectId`. */
  kind: 'staff' | 'person' | 'employer';
  subjectId: number | null;
  username: string;
  displayName: string;
  regionCode: string;
  regionName: string;
  orgId: number | null;
  orgName: string | null;
  roles: { key: string; name: string }[];
  permissions: string[];
  mustChangePassword: boolean;
  passwordExpired: boolean;
  mfaEnabled: boolean;
  /** Admin roles require a one-time code. */
  mfaRequired: boolean;
  scope: { kind: ScopeKind; regionCodes: string[] };
};

/** A permission key, or several of which any one suffices. */
export type PermissionNeed = string | readonly string[];

export const meQueryKey = ['auth', 'me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function needsPasswordChange(me: Me): boolean {
  return me.mustChangePassword || me.passwordExpired;
}

export function needsMfaEnrolment(me: Me): boolean {
  return me.mfaRequired && !me.mfaEnabled;
}

type AuthContextValue = {
  me: Me | null;
  loading: boolean;
  error: unknown;
  /** True when the user holds the permission (or, for a list, any of them). */
  can: (need: PermissionNeed | undefined) => boolean;
  /** Forgets the signed-in user locally (after logout or a 401). */
  forget: () => void;
  refresh: () => Promise<unknown>;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
  const me = query.data ?? null;

  const can = useCallback(
    (need: PermissionNeed | undefined) => {
      if (need === undefined) return true;
      if (!me) return false;
      const needs = typeof need === 'string' ? [need] : need;
      return needs.length === 0 || needs.some((key) => me.permissions.includes(key));
    },
    [me],
  );

  const forget = useCallback(() => {
    // Drop every cached answer: the next user must not see the previous user's data.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, null);
  }, [queryClient]);

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: meQueryKey }), [queryClient]);

  const value = useMemo<AuthContextValue>(
    () => ({ me, loading: query.isPending, error: query.error, can, forget, refresh }),
    [me, query.isPending, query.error, can, forget, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user, for pages that only render inside the guarded layout. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
