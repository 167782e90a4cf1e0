// Accounts, sessions and sign-in (等保 2.0 level 3 practice): lock after 5 failures for 15
// minutes, idle timeout 30 minutes, forced change of initial passwords and every 90 days,
// TOTP required for administrator roles, sessions in the database.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { AppError } from '../errors';
import { sm3, type FieldCrypto } from '../crypto';
import type { Db } from '../db';
import { loginLog, orgs, rolePermissions, roles, sessions, userRoles, users, type AccountKind } from '../schema';
import { computeScope, type RegionExpander, type Scope } from '../scope';
import {
  IDLE_TIMEOUT_MINUTES,
  LOCK_AFTER_FAILURES,
  LOCK_MINUTES,
  PASSWORD_MAX_AGE_DAYS,
  hashPassword,
  passwordMeetsPolicy,
  verifyPassword,
} from './password';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp';

export type Caller = {
  userId: number;
  /** 'staff', or a portal account ('person' / 'employer') acting about `subjectId` only. */
  kind: AccountKind;
  subjectId: number | null;
  username: string;
  displayName: string;
  regionCode: string;
  orgId: number;
  orgName: string;
  roles: { id: number; key: string; name: string }[];
  permissions: ReadonlySet<string>;
  scope: Scope;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  mfaEnabled: boolean;
  mfaRequired: boolean;
  sessionId: string;
  csrfToken: string;
};

export type AuthDeps = { db: Db; crypto: FieldCrypto; expand: RegionExpander; now?: () => Date };

const minutes = (n: number) => n * 60_000;

async function recordLogin(db: Db, username: string, userId: number | null, ip: string | null, ua: string | null, outcome: string) {
  await db.insert(loginLog).values({ username, userId, ip, userAgent: ua, outcome });
}

export type LoginInput = { username: string; password: string; totp?: string; ip: string | null; userAgent: string | null };
export type LoginResult = { token: string; csrfToken: string; userId: number };

export async function login(deps: AuthDeps, input: LoginInput): Promise<LoginResult> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const [u] = await db.select().from(users).where(eq(users.username, input.username)).limit(1);
  if (!u) {
    // Same answer as a wrong password: do not reveal which usernames exist.
    await recordLogin(db, input.username, null, input.ip, input.userAgent, 'unknown_user');
    throw new AppError('BAD_CREDENTIALS');
  }
  if (u.lockedUntil && u.lockedUntil > now) {
    await recordLogin(db, u.username, u.id, input.ip, input.userAgent, 'locked');
    throw new AppError('ACCOUNT_LOCKED', {
      lockedUntil: u.lockedUntil.toISOString(),
      zh: `账户已锁定，请于 ${u.lockedUntil.toLocaleTimeString('zh-CN', { hour12: false })} 后再试`,
    });
  }
  if (u.status !== 'active') {
    await recordLogin(db, u.username, u.id, input.ip, input.userAgent, 'disabled');
    throw new AppError('ACCOUNT_DISABLED');
  }
  if (!(await verifyPassword(input.password, u.passwordHash))) {
    const failures = u.failedAttempts + 1;
    const lock = failures >= LOCK_AFTER_FAILURES;
    await db
      .update(users)
      .set({ failedAttempts: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + minutes(LOCK_MINUTES)) : u.lockedUntil })
      .where(eq(users.id, u.id));
    await recordLogin(db, u.username, u.id, input.ip, input.userAgent, lock ? 'bad_password_locked' : 'bad_password');
    if (lock) throw new AppError('ACCOUNT_LOCKED', { lockedUntil: new Date(now.getTime() + minutes(LOCK_MINUTES)).toISOString() });
    throw new AppError('BAD_CREDENTIALS', { remainingAttempts: LOCK_AFTER_FAILURES - failures });
  }
  if (u.totpEnabled && u.totpSecret) {
    if (!input.totp) {
      await recordLogin(db, u.username, u.id, input.ip, input.userAgent, 'mfa_required');
      throw new AppError('MFA_REQUIRED');
    }
    const step = verifyTotp(deps.crypto.decrypt(u.totpSecret), input.totp, now.getTime());
    if (step === null || (u.totpLastStep !== null && step <= u.totpLastStep)) {
      const failures = u.failedAttempts + 1;
      const lock = failures >= LOCK_AFTER_FAILURES;
      await db
        .update(users)
        .set({ failedAttempts: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + minutes(LOCK_MINUTES)) : u.lockedUntil })
        .where(eq(users.id, u.id));
      await recordLogin(db, u.username, u.id, input.ip, input.userAgent, 'bad_totp');
      throw new AppError('BAD_TOTP');
    }
    await db.update(users).set({ totpLastStep: step }).where(eq(users.id, u.id));
  }
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, u.id));
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: sm3(token),
    userId: u.id,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent,
    createdAt: now,
    lastSeenAt: now,
  });
  await recordLogin(db, u.username, u.id, input.ip, input.userAgent, 'success');
  return { token, csrfToken, userId: u.id };
}

// Per-user role data is read on every request; cache it briefly. Admin changes call
// `invalidateCallerCache` so permissions take effect on the next request.
type CachedAccess = { at: number; roles: Caller['roles']; permissions: Set<string>; scope: Scope; mfaRequired: boolean };
const accessCache = new Map<number, CachedAccess>();
const ACCESS_TTL_MS = 10_000;
// As for sessions below: roles read before an invalidation are not kept.
let accessEpoch = 0;

export function invalidateCallerCache(userId?: number): void {
  accessEpoch += 1;
  if (userId === undefined) {
    accessCache.clear();
    sessionCache.clear();
    sessionEpoch += 1;
  } else {
    accessCache.delete(userId);
    forgetSessionsOfUser(userId);
  }
}

// A session's row (with its user and organisation) is read on every request; keep it in
// memory for a few seconds. What ends a session or changes what it may do, done through this
// process, drops the row at once: sign-out, forced sign-out, a user's sessions ended (disabled,
// password reset), password change, TOTP enrolment, user and role changes
// (invalidateCallerCache). A row is served from memory only while its last-seen time is under
// a minute old, so the idle timeout and the once-a-minute touch always go to the database:
// sessions end on time. Changes made outside this process (another server on the same
// database, SQL by hand) take effect within SESSION_TTL_MS.
type SessionRow = { s: typeof sessions.$inferSelect; u: typeof users.$inferSelect; orgName: string; regionCode: string };
const sessionCache = new Map<string, { at: number; row: SessionRow }>();
const SESSION_TTL_MS = 5_000;
const TOUCH_AFTER_MS = 60_000;
const SESSION_CACHE_MAX = 10_000;
// Bumped by every invalidation: a row read from the database before one is not kept (the
// request that read it may finish after a sign-out and must not bring the session back).
let sessionEpoch = 0;

function forgetSession(id: string): void {
  sessionEpoch += 1;
  sessionCache.delete(id);
}

function forgetSessionsOfUser(userId: number): void {
  sessionEpoch += 1;
  for (const [id, e] of sessionCache) if (e.row.u.id === userId) sessionCache.delete(id);
}

function rememberSession(id: string, row: SessionRow, at: number): void {
  if (sessionCache.size >= SESSION_CACHE_MAX) {
    for (const [k, e] of sessionCache) if (at - e.at >= SESSION_TTL_MS) sessionCache.delete(k);
    if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
  }
  sessionCache.set(id, { at, row });
}

async function loadAccess(deps: AuthDeps, user: { id: number; regionCode: string }): Promise<CachedAccess> {
  const hit = accessCache.get(user.id);
  if (hit && Date.now() - hit.at < ACCESS_TTL_MS) return hit;
  const epoch = accessEpoch;
  const rs = await deps.db
    .select({ id: roles.id, key: roles.key, name: roles.name, dataScope: roles.dataScope, customRegions: roles.customRegions, requiresMfa: roles.requiresMfa })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, user.id));
  const perms = rs.length
    ? await deps.db.select({ p: rolePermissions.permission }).from(rolePermissions).where(inArray(rolePermissions.roleId, rs.map((r) => r.id)))
    : [];
  const access: CachedAccess = {
    at: Date.now(),
    roles: rs.map((r) => ({ id: r.id, key: r.key, name: r.name })),
    permissions: new Set(perms.map((p) => p.p)),
    scope: computeScope(user, rs, deps.expand),
    mfaRequired: rs.some((r) => r.requiresMfa),
  };
  if (epoch === accessEpoch) accessCache.set(user.id, access);
  return access;
}

/**
 * Resolves a session cookie to the caller, enforcing the idle timeout. `remember: false` does
 * not keep the row in memory (the sign-in itself: its first request reads it again).
 */
export async function authenticate(deps: AuthDeps, token: string, opts: { remember?: boolean } = {}): Promise<Caller> {
  const now = deps.now?.() ?? new Date();
  const nowMs = now.getTime();
  const id = sm3(token);
  const hit = sessionCache.get(id);
  if (hit && nowMs - hit.at < SESSION_TTL_MS && nowMs - hit.row.s.lastSeenAt.getTime() <= TOUCH_AFTER_MS) return callerOfSession(deps, id, hit.row, now);
  sessionCache.delete(id);
  const epoch = sessionEpoch;
  const [row] = await deps.db
    .select({ s: sessions, u: users, orgName: orgs.name, regionCode: orgs.regionCode })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
    .limit(1);
  if (!row) throw new AppError('UNAUTHENTICATED');
  if (nowMs - row.s.lastSeenAt.getTime() > minutes(IDLE_TIMEOUT_MINUTES)) {
    await deps.db.update(sessions).set({ endedAt: now, endReason: 'idle_timeout' }).where(eq(sessions.id, id));
    throw new AppError('SESSION_EXPIRED');
  }
  if (row.u.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  // Touch at most once a minute: keeps the idle clock honest without a write per request.
  let fresh: SessionRow = row;
  if (nowMs - row.s.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await deps.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    fresh = { ...row, s: { ...row.s, lastSeenAt: now } };
  }
  if (opts.remember !== false && epoch === sessionEpoch) rememberSession(id, fresh, nowMs);
  return callerOfSession(deps, id, fresh, now);
}

function callerOfSession(deps: AuthDeps, id: string, row: SessionRow, now: Date): Promise<Caller> {
  // The 90-day rule is for staff accounts; portal holders renew theirs at a window when forgotten.
  const passwordExpired = row.u.kind === 'staff' && now.getTime() - row.u.passwordChangedAt.getTime() > PASSWORD_MAX_AGE_DAYS * 86_400_000;
  return callerOf(deps, row, { sessionId: id, csrfToken: row.s.csrfToken, mustChangePassword: row.u.mustChangePassword, passwordExpired });
}

type UserRow = { u: typeof users.$inferSelect; orgName: string; regionCode: string };

/** A user row, its organisation and its roles' access as the Caller the routes see. */
async function callerOf(deps: AuthDeps, row: UserRow, session: Pick<Caller, 'sessionId' | 'csrfToken' | 'mustChangePassword' | 'passwordExpired'>): Promise<Caller> {
  const access = await loadAccess(deps, { id: row.u.id, regionCode: row.regionCode });
  return {
    userId: row.u.id,
    kind: row.u.kind,
    subjectId: row.u.subjectId,
    username: row.u.username,
    displayName: row.u.displayName,
    regionCode: row.regionCode,
    orgId: row.u.orgId,
    orgName: row.orgName,
    roles: access.roles,
    permissions: access.permissions,
    scope: access.scope,
    mfaEnabled: row.u.totpEnabled,
    mfaRequired: access.mfaRequired,
    ...session,
  };
}

/** The caller a signed-in session of this user would be, for work outside HTTP (CLI, benchmarks). */
export async function callerOfUser(deps: AuthDeps, userId: number, sessionId = 'offline'): Promise<Caller> {
  const [row] = await deps.db.select({ u: users, orgName: orgs.name, regionCode: orgs.regionCode }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(eq(users.id, userId));
  if (!row) throw new AppError('NOT_FOUND', { zh: `用户 ${userId} 不存在`, en: `no user ${userId}` });
  return callerOf(deps, row, { sessionId, csrfToken: '', mustChangePassword: false, passwordExpired: false });
}

/** The system itself (CLI operator, scheduled work): every region, the given permissions, audited under `username`. */
export function systemCaller(username: string, permissions: Iterable<string>): Caller {
  return {
    userId: 0,
    kind: 'staff',
    subjectId: null,
    username,
    displayName: username,
    regionCode: '460000',
    orgId: 0,
    orgName: '',
    roles: [],
    permissions: new Set(permissions),
    scope: { all: true, regionCodes: new Set(), selfUserId: null, kind: 'all' },
    mustChangePassword: false,
    passwordExpired: false,
    mfaEnabled: false,
    mfaRequired: false,
    sessionId: username,
    csrfToken: '',
  };
}

export async function logout(db: Db, sessionId: string, reason = 'logout'): Promise<void> {
  forgetSession(sessionId);
  await db.update(sessions).set({ endedAt: new Date(), endReason: reason }).where(eq(sessions.id, sessionId));
  forgetSession(sessionId);
}

export async function changePassword(deps: AuthDeps, userId: number, current: string, next: string): Promise<void> {
  const [u] = await deps.db.select().from(users).where(eq(users.id, userId));
  if (!u || !(await verifyPassword(current, u.passwordHash))) throw new AppError('BAD_CREDENTIALS', { zh: '当前密码错误', en: 'Current password is wrong' });
  if (!passwordMeetsPolicy(next)) throw new AppError('PASSWORD_POLICY');
  if (current === next) throw new AppError('PASSWORD_REUSED');
  await deps.db
    .update(users)
    .set({ passwordHash: await hashPassword(next), passwordChangedAt: new Date(), mustChangePassword: false })
    .where(eq(users.id, userId));
  forgetSessionsOfUser(userId);
}

export async function setupTotp(deps: AuthDeps, userId: number, username: string): Promise<{ secret: string; otpauthUrl: string }> {
  const [u] = await deps.db.select({ totpEnabled: users.totpEnabled }).from(users).where(eq(users.id, userId));
  if (u?.totpEnabled) throw new AppError('INVALID_STATE', { zh: '已绑定动态口令', en: 'One-time codes are already enrolled' });
  const secret = newTotpSecret();
  await deps.db.update(users).set({ totpSecret: deps.crypto.encrypt(secret) }).where(eq(users.id, userId));
  return { secret, otpauthUrl: otpauthUrl(secret, username) };
}

export async function enableTotp(deps: AuthDeps, userId: number, code: string): Promise<void> {
  const [u] = await deps.db.select().from(users).where(eq(users.id, userId));
  if (!u?.totpSecret) throw new AppError('INVALID_STATE', { zh: '请先生成密钥', en: 'Set up a secret first' });
  const step = verifyTotp(deps.crypto.decrypt(u.totpSecret), code);
  if (step === null) throw new AppError('BAD_TOTP');
  await deps.db.update(users).set({ totpEnabled: true, totpLastStep: step }).where(eq(users.id, userId));
  forgetSessionsOfUser(userId);
}

export async function onlineSessions(db: Db, now = new Date()) {
  return db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      username: users.username,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(isNull(sessions.endedAt), gt(sessions.lastSeenAt, new Date(now.getTime() - minutes(IDLE_TIMEOUT_MINUTES)))))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

export async function endSessionsOfUser(db: Db, userId: number, reason: string): Promise<void> {
  forgetSessionsOfUser(userId);
  await db.update(sessions).set({ endedAt: new Date(), endReason: reason }).where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
  forgetSessionsOfUser(userId);
}

export async function purgeOldSessions(db: Db, olderThanDays = 30): Promise<void> {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(Date.now() - olderThanDays * 86_400_000)));
}
