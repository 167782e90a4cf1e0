// Administration endpoints (docs/API-CONTRACT.md § Administration): types and queries.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { ScopeKind } from '../../app/auth';
import type { Localized } from '../../app/i18n';

export type Org = { id: number; name: string; regionCode: string; regionName: string | null; parentId: number | null };
export type OrgInput = { name: string; regionCode: string; parentId?: number | null };

export type UserStatus = 'active' | 'disabled';
export type AdminUser = {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  regionCode: string;
  regionName: string | null;
  roles: { id: number; key: string; name: string }[];
  status: UserStatus;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  mfaEnabled: boolean;
};
export type UserCreate = { username: string; displayName: string; orgId: number; roleIds: number[] };
export type UserUpdate = Partial<{ displayName: string; orgId: number; roleIds: number[]; status: UserStatus }>;

export type Role = {
  id: number;
  key: string;
  name: string;
  permissions: string[];
  dataScope: ScopeKind;
  customRegions: string[];
  builtin: boolean;
  requiresMfa: boolean;
};
export type RoleInput = Omit<Role, 'id' | 'builtin'>;

export type Permission = { key: string; zh: string; en: string; group: string };

export type LoginLogEntry = { id: number; at: string; username: string; ip: string | null; userAgent: string | null; outcome: string };

export type Session = {
  id: string;
  /** The session making this request (server extension). */
  current?: boolean;
  userId: number;
  username: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
};

export type AuditEntry = {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  regionCode?: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
  detail: unknown;
};

export type AuditVerifyResult = {
  ok: boolean;
  checked: number;
  lastSeq?: number;
  /** The contract said a string; the server sends { zh, en }. Both are shown. */
  problems: { seq: number; kind: string; message: string | Localized }[];
};

export const adminKeys = {
  orgs: ['admin', 'orgs'] as const,
  roles: ['admin', 'roles'] as const,
  permissions: ['admin', 'permissions'] as const,
};

/** Answers may be a plain array or a page; option lists want every item. */
function itemsOf<T>(data: T[] | { items: T[] }): T[] {
  return Array.isArray(data) ? data : data.items;
}

export function useOrgs() {
  return useQuery({
    queryKey: adminKeys.orgs,
    queryFn: async ({ signal }) => itemsOf(await api.get<Org[] | { items: Org[] }>('/admin/orgs', undefined, signal)),
  });
}

export function useRoles() {
  return useQuery({
    queryKey: adminKeys.roles,
    queryFn: async ({ signal }) => itemsOf(await api.get<Role[] | { items: Role[] }>('/admin/roles', undefined, signal)),
  });
}

export function usePermissionCatalogue() {
  return useQuery({
    queryKey: adminKeys.permissions,
    queryFn: ({ signal }) => api.get<Permission[]>('/admin/permissions', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export type OrgTreeNode = Org & { children?: OrgTreeNode[] };

/** Builds the organisation tree from the flat list (parents first is not assumed). */
export function orgTree(orgs: Org[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>(orgs.map((org) => [org.id, { ...org }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId !== null ? nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The TreeSelect shape of the organisation tree; `exclude` drops a subtree (an org cannot be its own parent). */
export type OrgOption = { value: number; title: string; children?: OrgOption[] };
export function orgOptions(nodes: OrgTreeNode[], exclude?: number): OrgOption[] {
  return nodes
    .filter((node) => node.id !== exclude)
    .map((node) => ({
      value: node.id,
      title: node.name,
      children: node.children ? orgOptions(node.children, exclude) : undefined,
    }));
}
