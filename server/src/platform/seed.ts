// First-start data: the region tree, built-in roles, and (for the demo) one account per
// level. Idempotent: safe on every start.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from './db';
import { generateInitialPassword, hashPassword } from './auth/password';
import { orgs, rolePermissions, roles, userRoles, users, type DataScopeKind } from './schema';

export type BuiltinRole = { key: string; name: string; dataScope: DataScopeKind; requiresMfa: boolean; permissions: string[] };

export const builtinRoles: BuiltinRole[] = [
  { key: 'sysadmin', name: '系统管理员', dataScope: 'all', requiresMfa: true, permissions: ['system:org', 'system:user'] },
  { key: 'secadmin', name: '安全管理员', dataScope: 'all', requiresMfa: true, permissions: ['system:role', 'security:loginlog', 'security:session'] },
  { key: 'auditadmin', name: '审计管理员', dataScope: 'all', requiresMfa: true, permissions: ['audit:read'] },
  {
    key: 'caseworker',
    name: '经办人员',
    dataScope: 'region_and_below',
    requiresMfa: false,
    permissions: ['registry:person:read', 'registry:person:write', 'registry:person:export', 'registry:employer:read', 'registry:employer:write', 'registry:employer:export', 'import:run'],
  },
  {
    key: 'supervisor',
    name: '业务主管',
    dataScope: 'region_and_below',
    requiresMfa: false,
    permissions: ['registry:person:read', 'registry:person:write', 'registry:person:export', 'registry:person:unmask', 'registry:employer:read', 'registry:employer:write', 'registry:employer:export', 'import:run'],
  },
  { key: 'analyst', name: '分析人员', dataScope: 'region_and_below', requiresMfa: false, permissions: ['registry:person:read', 'registry:employer:read'] },
];

/** Creates missing built-in roles and adds missing permissions to them (never removes). */
export async function seedRoles(db: Db, extraGrants: Record<string, string[]> = {}): Promise<void> {
  for (const r of builtinRoles) {
    await db.insert(roles).values({ key: r.key, name: r.name, dataScope: r.dataScope, requiresMfa: r.requiresMfa, builtin: true }).onConflictDoNothing();
    const [row] = await db.select().from(roles).where(eq(roles.key, r.key));
    const perms = [...new Set([...r.permissions, ...(extraGrants[r.key] ?? [])])];
    if (perms.length) await db.insert(rolePermissions).values(perms.map((permission) => ({ roleId: row.id, permission }))).onConflictDoNothing();
  }
}

export type DemoAccount = { username: string; displayName: string; org: string; regionCode: string; roles: string[]; password: string };

const demoPlan: Omit<DemoAccount, 'password'>[] = [
  { username: 'sysadmin', displayName: '系统管理员', org: '海南省人力资源和社会保障厅', regionCode: '460000', roles: ['sysadmin'] },
  { username: 'secadmin', displayName: '安全管理员', org: '海南省人力资源和社会保障厅', regionCode: '460000', roles: ['secadmin'] },
  { username: 'auditor', displayName: '审计管理员', org: '海南省人力资源和社会保障厅', regionCode: '460000', roles: ['auditadmin'] },
  { username: 'province', displayName: '省厅业务主管', org: '海南省人力资源和社会保障厅', regionCode: '460000', roles: ['supervisor'] },
  { username: 'haikou', displayName: '海口市经办员', org: '海口市人力资源和社会保障局', regionCode: '460100', roles: ['caseworker'] },
  { username: 'meilan', displayName: '美兰区经办员', org: '海口市美兰区人力资源和社会保障局', regionCode: '460108', roles: ['caseworker'] },
  { username: 'dingan', displayName: '定安县经办员', org: '定安县人力资源和社会保障局', regionCode: '469021', roles: ['caseworker'] },
  { username: 'dingcheng', displayName: '定城镇协理员', org: '定安县定城镇劳动保障所', regionCode: '469021100', roles: ['caseworker'] },
];

export async function ensureOrg(db: Db, name: string, regionCode: string): Promise<number> {
  const [o] = await db.select().from(orgs).where(eq(orgs.name, name));
  if (o) return o.id;
  const [n] = await db.insert(orgs).values({ name, regionCode }).returning();
  return n.id;
}

export async function createUser(
  db: Db,
  input: { username: string; displayName: string; orgId: number; roleKeys: string[]; password: string; mustChangePassword?: boolean },
): Promise<number> {
  const rs = input.roleKeys.length ? await db.select().from(roles).where(inArray(roles.key, input.roleKeys)) : [];
  const missing = input.roleKeys.filter((k) => !rs.some((r) => r.key === k));
  if (missing.length) throw new Error(`unknown roles: ${missing.join(', ')}`);
  const [u] = await db
    .insert(users)
    .values({ username: input.username, displayName: input.displayName, orgId: input.orgId, passwordHash: await hashPassword(input.password), mustChangePassword: input.mustChangePassword ?? true })
    .returning();
  if (rs.length) await db.insert(userRoles).values(rs.map((r) => ({ userId: u.id, roleId: r.id })));
  return u.id;
}

/** Creates the demo accounts when no user exists yet; returns them with their initial passwords. */
export async function seedDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const existing = await db.select({ id: users.id }).from(users).limit(1);
  if (existing.length) return [];
  const out: DemoAccount[] = [];
  for (const a of demoPlan) {
    const orgId = await ensureOrg(db, a.org, a.regionCode);
    const password = generateInitialPassword();
    await createUser(db, { username: a.username, displayName: a.displayName, orgId, roleKeys: a.roles, password });
    out.push({ ...a, password });
  }
  return out;
}
