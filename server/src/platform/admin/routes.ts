// Administration: organisations, users, roles and permissions (system and security
// administrators), login log and online sessions (security administrator).
import { and, count, desc, eq, gte, ilike, inArray, lte, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { ADMIN_ROLE_KEYS, isKnownPermission, permissionCatalogue } from '../auth/permissions';
import { generateInitialPassword, hashPassword } from '../auth/password';
import { endSessionsOfUser, invalidateCallerCache, logout, onlineSessions, type Caller } from '../auth/service';
import { AppError } from '../errors';
import type { ZApp } from '../http/types';
import { callerOf, iso, ZIdParam, zPage, ZPageQuery } from '../http/util';
import type { Platform } from '../kernel';
import { loginLog, orgs, rolePermissions, roles, sessions, userRoles, users } from '../schema';
import { assertRegionInScope, regionInScope } from '../scope';

const ZDataScope = z.enum(['all', 'region', 'region_and_below', 'custom', 'self']);

export async function adminRoutes(app: ZApp, platform: Platform): Promise<void> {
  const { db } = platform;
  const orgsInScope = async (c: Caller) => {
    const all = await db.select().from(orgs).orderBy(orgs.regionCode, orgs.id);
    return all.filter((o) => regionInScope(c.scope, o.regionCode));
  };

  // ---- organisations ------------------------------------------------------------------
  const ZOrg = z.object({ id: z.number(), name: z.string(), regionCode: z.string(), regionName: z.string().nullable(), parentId: z.number().nullable() });
  const ZOrgIn = z.object({ name: z.string().min(2).max(60), regionCode: z.string().max(12), parentId: z.number().int().nullable().optional() });

  app.get('/admin/orgs', {
    config: { permission: 'system:org' },
    schema: { tags: ['admin'], summary: '机构列表 Organisations', response: { 200: z.array(ZOrg) } },
    handler: async (req) => (await orgsInScope(callerOf(req))).map((o) => ({ id: o.id, name: o.name, regionCode: o.regionCode, regionName: platform.regions.name(o.regionCode), parentId: o.parentId })),
  });

  const checkOrgInput = (c: Caller, body: z.infer<typeof ZOrgIn>) => {
    if (!platform.regions.index.get(body.regionCode)) throw new AppError('VALIDATION', { zh: `地区 ${body.regionCode} 不存在`, en: `region ${body.regionCode} does not exist` });
    assertRegionInScope(c.scope, body.regionCode);
  };

  app.post('/admin/orgs', {
    config: { permission: 'system:org' },
    schema: { tags: ['admin'], summary: '新建机构 Create organisation', body: ZOrgIn, response: { 201: ZOrg } },
    handler: async (req, reply) => {
      const c = callerOf(req);
      checkOrgInput(c, req.body);
      const [o] = await db.insert(orgs).values({ name: req.body.name, regionCode: req.body.regionCode, parentId: req.body.parentId ?? null }).returning();
      await platform.audit(req, { action: 'admin.org.create', targetType: 'org', targetId: o.id, regionCode: o.regionCode, outcome: 'success', detail: { name: o.name } });
      return reply.code(201).send({ ...o, regionName: platform.regions.name(o.regionCode) });
    },
  });

  app.put('/admin/orgs/:id', {
    config: { permission: 'system:org' },
    schema: { tags: ['admin'], summary: '修改机构 Update organisation', params: ZIdParam, body: ZOrgIn, response: { 200: ZOrg } },
    handler: async (req) => {
      const c = callerOf(req);
      const [before] = await db.select().from(orgs).where(eq(orgs.id, req.params.id));
      if (!before || !regionInScope(c.scope, before.regionCode)) throw new AppError('NOT_FOUND');
      checkOrgInput(c, req.body);
      const [o] = await db.update(orgs).set({ name: req.body.name, regionCode: req.body.regionCode, parentId: req.body.parentId ?? null }).where(eq(orgs.id, req.params.id)).returning();
      invalidateCallerCache();
      await platform.audit(req, { action: 'admin.org.update', targetType: 'org', targetId: o.id, regionCode: o.regionCode, outcome: 'success', detail: { from: before, to: o } });
      return { ...o, regionName: platform.regions.name(o.regionCode) };
    },
  });

  app.delete('/admin/orgs/:id', {
    config: { permission: 'system:org' },
    schema: { tags: ['admin'], summary: '删除机构 Delete organisation', params: ZIdParam },
    handler: async (req, reply) => {
      const c = callerOf(req);
      const [o] = await db.select().from(orgs).where(eq(orgs.id, req.params.id));
      if (!o || !regionInScope(c.scope, o.regionCode)) throw new AppError('NOT_FOUND');
      const [{ n }] = await db.select({ n: count() }).from(users).where(eq(users.orgId, o.id));
      const [{ k }] = await db.select({ k: count() }).from(orgs).where(eq(orgs.parentId, o.id));
      if (Number(n) > 0 || Number(k) > 0) throw new AppError('INVALID_STATE', { zh: '机构下仍有用户或下级机构，不能删除', en: 'The organisation still has users or sub-organisations' });
      await db.delete(orgs).where(eq(orgs.id, o.id));
      await platform.audit(req, { action: 'admin.org.delete', targetType: 'org', targetId: o.id, regionCode: o.regionCode, outcome: 'success', detail: { name: o.name } });
      return reply.code(204).send();
    },
  });

  // ---- users --------------------------------------------------------------------------
  const ZUser = z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    orgId: z.number(),
    orgName: z.string(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    roles: z.array(z.object({ id: z.number(), key: z.string(), name: z.string() })),
    status: z.enum(['active', 'disabled']),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    mfaEnabled: z.boolean(),
  });

  async function userViews(where: SQL | undefined, page?: { limit: number; offset: number }) {
    const q = db
      .select({ u: users, orgName: orgs.name, regionCode: orgs.regionCode })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(where)
      .orderBy(users.id);
    const rs = page ? await q.limit(page.limit).offset(page.offset) : await q;
    const ids = rs.map((r) => r.u.id);
    const rr = ids.length
      ? await db.select({ userId: userRoles.userId, id: roles.id, key: roles.key, name: roles.name }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(inArray(userRoles.userId, ids))
      : [];
    return rs.map((r) => ({
      id: r.u.id,
      username: r.u.username,
      displayName: r.u.displayName,
      orgId: r.u.orgId,
      orgName: r.orgName,
      regionCode: r.regionCode,
      regionName: platform.regions.name(r.regionCode),
      roles: rr.filter((x) => x.userId === r.u.id).map(({ id, key, name }) => ({ id, key, name })),
      status: r.u.status,
      lockedUntil: r.u.lockedUntil && r.u.lockedUntil > new Date() ? iso(r.u.lockedUntil) : null,
      lastLoginAt: iso(r.u.lastLoginAt),
      mfaEnabled: r.u.totpEnabled,
    }));
  }

  const userScopeCond = (c: Caller, regionCode?: string): SQL | undefined => {
    // Portal accounts (citizens, employers) are not staff: they are managed at the windows, not here.
    const conds: SQL[] = [eq(users.kind, 'staff')];
    if (!c.scope.all) conds.push(inArray(orgs.regionCode, [...c.scope.regionCodes, '__none__']));
    if (regionCode) conds.push(inArray(orgs.regionCode, platform.regions.expand(regionCode)));
    return and(...conds);
  };

  async function userInScope(c: Caller, id: number) {
    const [u] = await userViews(and(eq(users.id, id), userScopeCond(c)));
    if (!u) throw new AppError('NOT_FOUND');
    return u;
  }

  async function checkRoleAssignment(c: Caller, roleIds: number[]) {
    if (!roleIds.length) return;
    const rs = await db.select().from(roles).where(inArray(roles.id, roleIds));
    if (rs.length !== new Set(roleIds).size) throw new AppError('VALIDATION', { zh: '角色不存在', en: 'Unknown role' });
    // 三员分立: only the security administrator hands out administrator roles.
    if (rs.some((r) => (ADMIN_ROLE_KEYS as readonly string[]).includes(r.key)) && !c.permissions.has('system:role')) {
      throw new AppError('FORBIDDEN', { zh: '只有安全管理员可以授予管理员角色', en: 'Only the security administrator may grant administrator roles' });
    }
  }

  app.get('/admin/users', {
    config: { permission: 'system:user' },
    schema: {
      tags: ['admin'],
      summary: '用户列表 Users',
      querystring: ZPageQuery.extend({ q: z.string().max(50).optional(), regionCode: z.string().max(12).optional(), status: z.enum(['active', 'disabled']).optional() }),
      response: { 200: zPage(ZUser) },
    },
    handler: async (req) => {
      const c = callerOf(req);
      const { q, regionCode, status, page, pageSize } = req.query;
      if (regionCode) assertRegionInScope(c.scope, regionCode);
      const conds: (SQL | undefined)[] = [userScopeCond(c, regionCode)];
      if (q) conds.push(or(ilike(users.username, `%${q}%`), ilike(users.displayName, `%${q}%`)));
      if (status) conds.push(eq(users.status, status));
      const where = and(...conds);
      const [{ total }] = await db.select({ total: count() }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(where);
      return { items: await userViews(where, { limit: pageSize, offset: (page - 1) * pageSize }), total: Number(total), page, pageSize };
    },
  });

  app.post('/admin/users', {
    config: { permission: 'system:user' },
    schema: {
      tags: ['admin'],
      summary: '新建用户 Create user',
      body: z.object({ username: z.string().regex(/^[A-Za-z0-9_.-]{3,32}$/), displayName: z.string().min(1).max(40), orgId: z.number().int(), roleIds: z.array(z.number().int()).default([]) }),
      response: { 201: z.object({ user: ZUser, initialPassword: z.string() }) },
    },
    handler: async (req, reply) => {
      const c = callerOf(req);
      const [o] = await db.select().from(orgs).where(eq(orgs.id, req.body.orgId));
      if (!o) throw new AppError('VALIDATION', { zh: '机构不存在', en: 'Unknown organisation' });
      assertRegionInScope(c.scope, o.regionCode);
      await checkRoleAssignment(c, req.body.roleIds);
      const initialPassword = generateInitialPassword();
      const u = await db.transaction(async (tx) => {
        const [u] = await tx
          .insert(users)
          .values({ username: req.body.username, displayName: req.body.displayName, orgId: o.id, passwordHash: await hashPassword(initialPassword), mustChangePassword: true })
          .onConflictDoNothing()
          .returning();
        if (!u) throw new AppError('DUPLICATE', { zh: `用户名 ${req.body.username} 已存在`, en: `Username ${req.body.username} is taken` });
        if (req.body.roleIds.length) await tx.insert(userRoles).values(req.body.roleIds.map((roleId) => ({ userId: u.id, roleId })));
        return u;
      });
      await platform.audit(req, { action: 'admin.user.create', targetType: 'user', targetId: u.id, regionCode: o.regionCode, outcome: 'success', detail: { username: u.username, roleIds: req.body.roleIds } });
      return reply.code(201).send({ user: await userInScope(c, u.id), initialPassword });
    },
  });

  app.put('/admin/users/:id', {
    config: { permission: 'system:user' },
    schema: {
      tags: ['admin'],
      summary: '修改用户 Update user',
      params: ZIdParam,
      body: z.object({ displayName: z.string().min(1).max(40).optional(), orgId: z.number().int().optional(), roleIds: z.array(z.number().int()).optional(), status: z.enum(['active', 'disabled']).optional() }),
      response: { 200: ZUser },
    },
    handler: async (req) => {
      const c = callerOf(req);
      const before = await userInScope(c, req.params.id);
      if (req.params.id === c.userId && (req.body.status === 'disabled' || req.body.roleIds)) {
        throw new AppError('INVALID_STATE', { zh: '不能停用自己或修改自己的角色', en: 'You cannot disable yourself or change your own roles' });
      }
      if (req.body.orgId !== undefined) {
        const [o] = await db.select().from(orgs).where(eq(orgs.id, req.body.orgId));
        if (!o) throw new AppError('VALIDATION', { zh: '机构不存在', en: 'Unknown organisation' });
        assertRegionInScope(c.scope, o.regionCode);
      }
      if (req.body.roleIds) await checkRoleAssignment(c, req.body.roleIds);
      await db.transaction(async (tx) => {
        const set: Partial<typeof users.$inferInsert> = {};
        if (req.body.displayName !== undefined) set.displayName = req.body.displayName;
        if (req.body.orgId !== undefined) set.orgId = req.body.orgId;
        if (req.body.status !== undefined) set.status = req.body.status;
        if (Object.keys(set).length) await tx.update(users).set(set).where(eq(users.id, req.params.id));
        if (req.body.roleIds) {
          await tx.delete(userRoles).where(eq(userRoles.userId, req.params.id));
          if (req.body.roleIds.length) await tx.insert(userRoles).values(req.body.roleIds.map((roleId) => ({ userId: req.params.id, roleId })));
        }
      });
      if (req.body.status === 'disabled') await endSessionsOfUser(db, req.params.id, 'disabled');
      invalidateCallerCache(req.params.id);
      const after = await userInScope(c, req.params.id);
      await platform.audit(req, { action: 'admin.user.update', targetType: 'user', targetId: req.params.id, outcome: 'success', detail: { from: { roles: before.roles.map((r) => r.key), status: before.status, orgId: before.orgId }, to: { roles: after.roles.map((r) => r.key), status: after.status, orgId: after.orgId } } });
      return after;
    },
  });

  app.post('/admin/users/:id/reset-password', {
    config: { permission: 'system:user' },
    schema: { tags: ['admin'], summary: '重置密码 Reset password', params: ZIdParam, response: { 200: z.object({ initialPassword: z.string() }) } },
    handler: async (req) => {
      const c = callerOf(req);
      await userInScope(c, req.params.id);
      const initialPassword = generateInitialPassword();
      await db.update(users).set({ passwordHash: await hashPassword(initialPassword), mustChangePassword: true, failedAttempts: 0, lockedUntil: null }).where(eq(users.id, req.params.id));
      await endSessionsOfUser(db, req.params.id, 'password_reset');
      await platform.audit(req, { action: 'admin.user.reset_password', targetType: 'user', targetId: req.params.id, outcome: 'success' });
      return { initialPassword };
    },
  });

  app.post('/admin/users/:id/unlock', {
    config: { permission: 'system:user' },
    schema: { tags: ['admin'], summary: '解锁 Unlock', params: ZIdParam },
    handler: async (req, reply) => {
      await userInScope(callerOf(req), req.params.id);
      await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, req.params.id));
      await platform.audit(req, { action: 'admin.user.unlock', targetType: 'user', targetId: req.params.id, outcome: 'success' });
      return reply.code(204).send();
    },
  });

  // ---- roles and permissions ----------------------------------------------------------
  const ZRole = z.object({ id: z.number(), key: z.string(), name: z.string(), permissions: z.array(z.string()), dataScope: ZDataScope, customRegions: z.array(z.string()), builtin: z.boolean(), requiresMfa: z.boolean() });
  const ZRoleIn = z.object({
    key: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/),
    name: z.string().min(1).max(40),
    permissions: z.array(z.string()),
    dataScope: ZDataScope,
    customRegions: z.array(z.string()).default([]),
    requiresMfa: z.boolean().default(false),
  });

  async function roleViews() {
    const rs = await db.select().from(roles).orderBy(roles.id);
    const ps = await db.select().from(rolePermissions);
    return rs.map((r) => ({ ...r, permissions: ps.filter((p) => p.roleId === r.id).map((p) => p.permission).sort() }));
  }

  // Roles are read by whoever assigns them: the system administrator (users) and the
  // security administrator (roles).
  app.get('/admin/roles', {
    config: { permission: 'authenticated' },
    schema: { tags: ['admin'], summary: '角色列表 Roles', response: { 200: z.array(ZRole) } },
    handler: async (req) => {
      const c = callerOf(req);
      if (!c.permissions.has('system:role') && !c.permissions.has('system:user')) throw new AppError('FORBIDDEN');
      return roleViews();
    },
  });

  app.get('/admin/permissions', {
    config: { permission: 'system:role' },
    schema: { tags: ['admin'], summary: '权限目录 Permission catalogue', response: { 200: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string(), group: z.string() })) } },
    handler: async () => permissionCatalogue(),
  });

  const checkRoleInput = (body: z.infer<typeof ZRoleIn>) => {
    const unknown = body.permissions.filter((p) => !isKnownPermission(p));
    if (unknown.length) throw new AppError('VALIDATION', { zh: `未知权限：${unknown.join('、')}`, en: `Unknown permissions: ${unknown.join(', ')}` });
    const badRegions = body.customRegions.filter((r) => !platform.regions.index.get(r));
    if (badRegions.length) throw new AppError('VALIDATION', { zh: `未知地区：${badRegions.join('、')}`, en: `Unknown regions: ${badRegions.join(', ')}` });
    if (body.dataScope === 'custom' && body.customRegions.length === 0) throw new AppError('VALIDATION', { zh: '自定义数据范围须至少选择一个地区', en: 'A custom data scope needs at least one region' });
  };

  app.post('/admin/roles', {
    config: { permission: 'system:role' },
    schema: { tags: ['admin'], summary: '新建角色 Create role', body: ZRoleIn, response: { 201: ZRole } },
    handler: async (req, reply) => {
      checkRoleInput(req.body);
      const r = await db.transaction(async (tx) => {
        const [r] = await tx.insert(roles).values({ key: req.body.key, name: req.body.name, dataScope: req.body.dataScope, customRegions: req.body.customRegions, requiresMfa: req.body.requiresMfa }).onConflictDoNothing().returning();
        if (!r) throw new AppError('DUPLICATE', { zh: `角色标识 ${req.body.key} 已存在`, en: `Role key ${req.body.key} exists` });
        if (req.body.permissions.length) await tx.insert(rolePermissions).values(req.body.permissions.map((permission) => ({ roleId: r.id, permission })));
        return r;
      });
      await platform.audit(req, { action: 'admin.role.create', targetType: 'role', targetId: r.id, outcome: 'success', detail: req.body });
      return reply.code(201).send((await roleViews()).find((x) => x.id === r.id)!);
    },
  });

  app.put('/admin/roles/:id', {
    config: { permission: 'system:role' },
    schema: { tags: ['admin'], summary: '修改角色 Update role', params: ZIdParam, body: ZRoleIn.omit({ key: true }), response: { 200: ZRole } },
    handler: async (req) => {
      const before = (await roleViews()).find((x) => x.id === req.params.id);
      if (!before) throw new AppError('NOT_FOUND');
      checkRoleInput({ ...req.body, key: before.key });
      if (before.builtin && (ADMIN_ROLE_KEYS as readonly string[]).includes(before.key)) {
        // The separation of the three administrators must not be undone by editing their roles.
        throw new AppError('INVALID_STATE', { zh: '三员角色的权限不可修改', en: 'The three administrator roles cannot be changed' });
      }
      await db.transaction(async (tx) => {
        await tx.update(roles).set({ name: req.body.name, dataScope: req.body.dataScope, customRegions: req.body.customRegions, requiresMfa: req.body.requiresMfa }).where(eq(roles.id, req.params.id));
        await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, req.params.id));
        if (req.body.permissions.length) await tx.insert(rolePermissions).values(req.body.permissions.map((permission) => ({ roleId: req.params.id, permission })));
      });
      invalidateCallerCache();
      const after = (await roleViews()).find((x) => x.id === req.params.id)!;
      await platform.audit(req, { action: 'admin.role.update', targetType: 'role', targetId: req.params.id, outcome: 'success', detail: { from: before, to: after } });
      return after;
    },
  });

  app.delete('/admin/roles/:id', {
    config: { permission: 'system:role' },
    schema: { tags: ['admin'], summary: '删除角色 Delete role', params: ZIdParam },
    handler: async (req, reply) => {
      const [r] = await db.select().from(roles).where(eq(roles.id, req.params.id));
      if (!r) throw new AppError('NOT_FOUND');
      if (r.builtin) throw new AppError('INVALID_STATE', { zh: '内置角色不可删除', en: 'Built-in roles cannot be deleted' });
      const [{ n }] = await db.select({ n: count() }).from(userRoles).where(eq(userRoles.roleId, r.id));
      if (Number(n) > 0) throw new AppError('INVALID_STATE', { zh: `仍有 ${n} 个用户使用该角色`, en: `${n} users still have this role` });
      await db.delete(rolePermissions).where(eq(rolePermissions.roleId, r.id));
      await db.delete(roles).where(eq(roles.id, r.id));
      await platform.audit(req, { action: 'admin.role.delete', targetType: 'role', targetId: r.id, outcome: 'success', detail: { key: r.key } });
      return reply.code(204).send();
    },
  });

  // ---- login log and sessions ---------------------------------------------------------
  app.get('/admin/login-logs', {
    config: { permission: 'security:loginlog' },
    schema: {
      tags: ['admin'],
      summary: '登录日志 Login log',
      querystring: ZPageQuery.extend({ username: z.string().max(64).optional(), outcome: z.string().max(40).optional(), from: z.string().date().optional(), to: z.string().date().optional() }),
      response: { 200: zPage(z.object({ id: z.number(), at: z.string(), username: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable(), outcome: z.string() })) },
    },
    handler: async (req) => {
      const { username, outcome, from, to, page, pageSize } = req.query;
      const conds: SQL[] = [];
      if (username) conds.push(ilike(loginLog.username, `%${username}%`));
      if (outcome) conds.push(eq(loginLog.outcome, outcome));
      if (from) conds.push(gte(loginLog.at, new Date(`${from}T00:00:00+08:00`)));
      if (to) conds.push(lte(loginLog.at, new Date(`${to}T23:59:59.999+08:00`)));
      const where = conds.length ? and(...conds) : undefined;
      const [items, [{ total }]] = await Promise.all([
        db.select().from(loginLog).where(where).orderBy(desc(loginLog.id)).limit(pageSize).offset((page - 1) * pageSize),
        db.select({ total: count() }).from(loginLog).where(where),
      ]);
      return { items: items.map((l) => ({ ...l, at: l.at.toISOString() })), total: Number(total), page, pageSize };
    },
  });

  app.get('/admin/sessions', {
    config: { permission: 'security:session' },
    schema: { tags: ['admin'], summary: '在线会话 Online sessions', response: { 200: z.array(z.object({ id: z.string(), userId: z.number(), username: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable(), createdAt: z.string(), lastSeenAt: z.string(), current: z.boolean() })) } },
    handler: async (req) => {
      const c = callerOf(req);
      // The session id is a hash of the cookie; exposing it lets an admin end it, not use it.
      return (await onlineSessions(db)).map((s) => ({ ...s, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), current: s.id === c.sessionId }));
    },
  });

  app.delete('/admin/sessions/:id', {
    config: { permission: 'security:session' },
    schema: { tags: ['admin'], summary: '强制下线 Force logout', params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }) },
    handler: async (req, reply) => {
      const [s] = await db.select().from(sessions).where(eq(sessions.id, req.params.id));
      if (!s) throw new AppError('NOT_FOUND');
      await logout(db, s.id, 'forced');
      await platform.audit(req, { action: 'admin.session.force_logout', targetType: 'user', targetId: s.userId, outcome: 'success' });
      return reply.code(204).send();
    },
  });
}
