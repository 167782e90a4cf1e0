// Portal accounts (个人/单位网上服务账户): citizens and employers sign in to the public portal.
//
// Identity is checked by people, not by the portal: a caseworker who has seen the person's ID
// card (or the employer's licence and the mandate of its agent) issues a one-time activation
// code at the service window; the holder activates the account with the identifier (resident
// ID / unified social credit code), the code and a password of their own. The same step resets
// a forgotten password (a new code replaces the old account password). Codes are kept as SM3,
// identifiers as their blind index; a code is valid for 7 days and voided after 5 wrong tries.
//
// A portal account is a row of `users` with kind 'person' or 'employer' and the registry id in
// `subject_id`: sign-in, lockout, the login log, sessions, idle timeout, CSRF and the audit
// trail are the platform's one mechanism. It holds no roles, so it has no permission and no
// region scope; the request guard lets it reach only routes declared `config.portal` for its
// kind, and those routes answer about `subject_id` alone.
import { randomInt } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { login, type AuthDeps, type LoginResult } from '../auth/service';
import { hashPassword, passwordMeetsPolicy } from '../auth/password';
import { sm3 } from '../crypto';
import { AppError } from '../errors';
import { portalActivations, users, type PortalKind } from '../schema';
import { ensureOrg } from '../seed';
import { parseResidentId, parseUscc } from '../validate';

export const ACTIVATION_DAYS = 7;
export const ACTIVATION_MAX_FAILURES = 5;
export const PORTAL_ORG = { name: '公众服务门户（个人及单位网上账户）', regionCode: '460000' } as const;

// No 0/O, 1/I/L: the code is read aloud and typed from a printed slip.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;

export type PortalSubject = { kind: PortalKind; id: number };

/** The identifier normalised and validated: upper case, GB 11643 or GB 32100. */
export function normaliseIdentifier(kind: PortalKind, raw: string): string {
  const r = kind === 'person' ? parseResidentId(raw) : parseUscc(raw);
  if (!r.ok) {
    throw new AppError('VALIDATION', { fields: [{ field: 'identifier', zh: r.zh, en: r.en }], zh: r.zh, en: r.en });
  }
  return 'id' in r.value ? r.value.id : r.value.code;
}

/** Portal usernames are not chosen: they are the kind and the identifier's blind index. */
export function portalUsername(kind: PortalKind, identifierIndex: string): string {
  return `${kind}:${identifierIndex}`;
}

const codeHash = (kind: PortalKind, subjectId: number, code: string) => sm3(`portal-activation:${kind}:${subjectId}:${code.toUpperCase()}`);

export function newActivationCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

export type IssueInput = {
  kind: PortalKind;
  subjectId: number;
  /** The resident ID or USCC as held in the registry (plain, decrypted by the caller). */
  identifier: string;
  regionCode: string;
  /** Shown to the account holder and staff; already masked for a person. */
  displayName: string;
  issuedBy: number;
};

/** Issues a one-time code; earlier unused codes of the same subject are revoked. */
export async function issueActivation(deps: AuthDeps, input: IssueInput): Promise<{ code: string; expiresAt: Date; accountExists: boolean }> {
  const now = deps.now?.() ?? new Date();
  const identifierIndex = deps.crypto.blindIndex(normaliseIdentifier(input.kind, input.identifier));
  const code = newActivationCode();
  const expiresAt = new Date(now.getTime() + ACTIVATION_DAYS * 86_400_000);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(portalActivations)
      .set({ revokedAt: now })
      .where(and(eq(portalActivations.kind, input.kind), eq(portalActivations.subjectId, input.subjectId), isNull(portalActivations.usedAt), isNull(portalActivations.revokedAt)));
    await tx.insert(portalActivations).values({
      kind: input.kind,
      subjectId: input.subjectId,
      identifierIndex,
      regionCode: input.regionCode,
      displayName: input.displayName,
      codeHash: codeHash(input.kind, input.subjectId, code),
      expiresAt,
      issuedBy: input.issuedBy,
      createdAt: now,
    });
  });
  const [acc] = await deps.db.select({ id: users.id }).from(users).where(and(eq(users.kind, input.kind), eq(users.subjectId, input.subjectId)));
  return { code, expiresAt, accountExists: Boolean(acc) };
}

export type ActivateInput = { kind: PortalKind; identifier: string; code: string; password: string; ip: string | null; userAgent: string | null };

const invalidCode = (remaining?: number) =>
  new AppError('VALIDATION', {
    fields: [{ field: 'code', zh: '激活码无效、已使用或已过期', en: 'The activation code is wrong, used or expired' }],
    zh: remaining === undefined ? '激活码无效、已使用或已过期，请到经办窗口重新领取' : `激活码错误，还可尝试 ${remaining} 次`,
    en: remaining === undefined ? 'The activation code is wrong, used or expired; ask at a service window for a new one' : `Wrong activation code; ${remaining} tries left`,
    ...(remaining === undefined ? {} : { remainingAttempts: remaining }),
  });

/**
 * Activates (or re-activates) the account of the code's subject with the holder's password and
 * signs in. Refusals do not tell whether the identifier is known.
 */
export async function activate(deps: AuthDeps, input: ActivateInput): Promise<LoginResult & { subject: PortalSubject }> {
  const now = deps.now?.() ?? new Date();
  const identifierIndex = deps.crypto.blindIndex(normaliseIdentifier(input.kind, input.identifier));
  if (!passwordMeetsPolicy(input.password)) throw new AppError('PASSWORD_POLICY');
  const [a] = await deps.db
    .select()
    .from(portalActivations)
    .where(and(eq(portalActivations.kind, input.kind), eq(portalActivations.identifierIndex, identifierIndex), isNull(portalActivations.usedAt), isNull(portalActivations.revokedAt)))
    .orderBy(desc(portalActivations.id))
    .limit(1);
  if (!a || a.expiresAt <= now) throw invalidCode();
  if (codeHash(a.kind, a.subjectId, input.code.trim()) !== a.codeHash) {
    const failures = a.failedAttempts + 1;
    const voided = failures >= ACTIVATION_MAX_FAILURES;
    await deps.db.update(portalActivations).set({ failedAttempts: failures, revokedAt: voided ? now : null }).where(eq(portalActivations.id, a.id));
    throw voided ? invalidCode() : invalidCode(ACTIVATION_MAX_FAILURES - failures);
  }
  const username = portalUsername(a.kind, identifierIndex);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    // Claim the code first: of two concurrent activations only one updates the row.
    const claimed = await tx
      .update(portalActivations)
      .set({ usedAt: now })
      .where(and(eq(portalActivations.id, a.id), isNull(portalActivations.usedAt), isNull(portalActivations.revokedAt)))
      .returning({ id: portalActivations.id });
    if (claimed.length === 0) throw invalidCode();
    const [existing] = await tx.select({ id: users.id }).from(users).where(and(eq(users.kind, a.kind), eq(users.subjectId, a.subjectId)));
    const fresh = { passwordHash, passwordChangedAt: now, mustChangePassword: false, failedAttempts: 0, lockedUntil: null, status: 'active' as const, username, displayName: a.displayName };
    if (existing) await tx.update(users).set(fresh).where(eq(users.id, existing.id));
    else {
      const orgId = await ensureOrg(tx, PORTAL_ORG.name, PORTAL_ORG.regionCode);
      await tx.insert(users).values({ ...fresh, orgId, kind: a.kind, subjectId: a.subjectId, createdAt: now });
    }
  });
  const r = await login(deps, { username, password: input.password, ip: input.ip, userAgent: input.userAgent });
  return { ...r, subject: { kind: a.kind, id: a.subjectId } };
}

/** Portal sign-in by identifier and password; the same lockout and login log as staff. */
export async function portalLogin(deps: AuthDeps, input: { kind: PortalKind; identifier: string; password: string; ip: string | null; userAgent: string | null }): Promise<LoginResult> {
  let identifier: string;
  try {
    identifier = normaliseIdentifier(input.kind, input.identifier);
  } catch {
    throw new AppError('BAD_CREDENTIALS', { zh: '证件号码或密码错误', en: 'Wrong identifier or password' });
  }
  const username = portalUsername(input.kind, deps.crypto.blindIndex(identifier));
  try {
    return await login(deps, { username, password: input.password, ip: input.ip, userAgent: input.userAgent });
  } catch (e) {
    if (e instanceof AppError && e.code === 'BAD_CREDENTIALS') throw new AppError('BAD_CREDENTIALS', { ...e.details, zh: '证件号码或密码错误', en: 'Wrong identifier or password' });
    throw e;
  }
}
