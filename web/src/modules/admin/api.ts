// Administration endpoints (docs/API-CONTRACT.md § Administration): types and queries.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { ApiBody, ApiResponse } from '../../api/types';

export type Org = ApiResponse<'/api/v1/admin/orgs'>[number];
export type OrgInput = ApiBody<'/api/v1/admin/orgs'>;

export type UserStatus = AdminUser['status'];
export type AdminUser = ApiResponse<'/api/v1/admin/users'>['items'][number];
export type UserCreate = ApiBody<'/api/v1/admin/users'>;
export type UserUpdate = ApiBody<'/api/v1/admin/users/{id}', 'put'>;

export type Role = ApiResponse<'/api/v1/admin/roles'>[number];
export type RoleInput = ApiBody<'/api/v1/admin/roles'>;

export type Permission = ApiResponse<'/api/v1/admin/permissions'>[number];

export type LoginLogEntry = ApiResponse<'/api/v1/admin/login-logs'>['items'][number];

export type Session = ApiResponse<'/api/v1/admin/sessions'>[number];

export type AuditEntry = ApiResponse<'/api/v1/audit'>['items'][number];

export type AuditVerifyResult = ApiResponse<'/api/v1/audit/verify', 'post'>;

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
