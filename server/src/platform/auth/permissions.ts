// The permission catalogue. The platform declares its own; each module declares its own in
// its index.ts through `definePermissions`. Routes name the permission they need in
// `config.permission`; a route with neither a permission nor `public: true` is refused at
// start-up (a guard you cannot forget).

export type PermissionDef = { key: string; zh: string; en: string; group: string };

const catalogue = new Map<string, PermissionDef>();

export function definePermissions(defs: PermissionDef[]): void {
  for (const d of defs) catalogue.set(d.key, d);
}

export function permissionCatalogue(): PermissionDef[] {
  return [...catalogue.values()];
}

export function isKnownPermission(key: string): boolean {
  return catalogue.has(key);
}

definePermissions([
  { key: 'system:org', zh: '机构管理', en: 'Manage organisations', group: 'system' },
  { key: 'system:user', zh: '用户管理', en: 'Manage users', group: 'system' },
  { key: 'system:role', zh: '角色与权限管理', en: 'Manage roles and permissions', group: 'security' },
  { key: 'security:loginlog', zh: '查看登录日志', en: 'Read login log', group: 'security' },
  { key: 'security:session', zh: '在线会话管理', en: 'Manage online sessions', group: 'security' },
  { key: 'audit:read', zh: '查看与导出审计日志', en: 'Read and export the audit log', group: 'audit' },
  { key: 'import:run', zh: '数据导入', en: 'Run imports', group: 'imports' },
]);

/**
 * The three separate administrators (三员分立, 等保 2.0): the system administrator manages
 * organisations and accounts; the security administrator manages roles, permissions and
 * sessions; the audit administrator reads the audit log. None holds another's permissions,
 * and the system administrator cannot read (or delete — there is no delete path) the audit log.
 */
export const ADMIN_ROLE_KEYS = ['sysadmin', 'secadmin', 'auditadmin'] as const;
