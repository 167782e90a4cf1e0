// Tables the platform owns. Modules own theirs in modules/<name>/schema.ts; server/src/schema.ts
// gathers all of them for drizzle-kit (one pg-core schema, one migration history).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// GB/T 2260 regions, effective-dated; retired codes are kept with replaced_by.
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').$type<'province' | 'city' | 'county' | 'township'>().notNull(),
    kind: text('kind').notNull(),
    parentCode: text('parent_code'),
    /** Codes from the province down to this one, joined by '.', for subtree queries. */
    path: text('path').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    replacedBy: text('replaced_by'),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_path_idx').on(t.path)],
);

// An organisation is a bureau (or office) at a region.
export const orgs = pgTable('orgs', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  regionCode: text('region_code').notNull(),
  parentId: integer('parent_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    orgId: integer('org_id').notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    /** SM4-encrypted TOTP secret. */
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    status: text('status').$type<'active' | 'disabled'>().notNull().default('active'),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /**
     * 'staff' signs in to the workbench with roles; 'person' (a citizen) and 'employer' sign in
     * to the public portal, hold no roles and reach only routes declared `config.portal` for
     * their kind, always about `subject_id` (a registry person or employer).
     */
    kind: text('kind').$type<AccountKind>().notNull().default('staff'),
    subjectId: integer('subject_id'),
  },
  (t) => [uniqueIndex('users_username_idx').on(t.username), uniqueIndex('users_subject_idx').on(t.kind, t.subjectId)],
);

export type AccountKind = 'staff' | 'person' | 'employer';
export type PortalKind = Exclude<AccountKind, 'staff'>;

/**
 * One-time activation codes for portal accounts, issued by staff at a service window to a
 * person or employer whose identity they checked (实名核验). Only the SM3 of the code is kept;
 * the identifier (resident ID / USCC) is kept as its blind index. Five wrong codes void it.
 */
export const portalActivations = pgTable(
  'portal_activations',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<PortalKind>().notNull(),
    subjectId: integer('subject_id').notNull(),
    identifierIndex: text('identifier_index').notNull(),
    regionCode: text('region_code').notNull(),
    displayName: text('display_name').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    usedAt: ts('used_at'),
    revokedAt: ts('revoked_at'),
    issuedBy: integer('issued_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('portal_activations_identifier_idx').on(t.kind, t.identifierIndex)],
);

export type DataScopeKind = 'all' | 'region' | 'region_and_below' | 'custom' | 'self';

export const roles = pgTable(
  'roles',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    dataScope: text('data_scope').$type<DataScopeKind>().notNull().default('region_and_below'),
    customRegions: text('custom_regions').array().notNull().default(sql`'{}'::text[]`),
    builtin: boolean('builtin').notNull().default(false),
    requiresMfa: boolean('requires_mfa').notNull().default(false),
  },
  (t) => [uniqueIndex('roles_key_idx').on(t.key)],
);

export const rolePermissions = pgTable(
  'role_permissions',
  { roleId: integer('role_id').notNull(), permission: text('permission').notNull() },
  (t) => [primaryKey({ columns: [t.roleId, t.permission] })],
);

export const userRoles = pgTable(
  'user_roles',
  { userId: integer('user_id').notNull(), roleId: integer('role_id').notNull() },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] })],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SM3 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    endedAt: ts('ended_at'),
    endReason: text('end_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const loginLog = pgTable(
  'login_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ts('at').notNull().defaultNow(),
    username: text('username').notNull(),
    userId: integer('user_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    outcome: text('outcome').notNull(),
  },
  (t) => [index('login_log_at_idx').on(t.at)],
);

// Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE (migration 0001). `seq` has no
// gaps (it is taken under an advisory lock), so a deleted entry shows as a gap, and each
// entry's hash covers the previous entry's hash (SM3 chain), so an edit breaks the chain.
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    regionCode: text('region_code'),
    outcome: text('outcome').notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_actor_idx').on(t.actorId)],
);

/**
 * The newest audit entry, kept beside the log: a chain alone cannot show that its newest
 * entries were removed; the anchor can (verify compares it with the log's last entry).
 */
export const auditAnchor = pgTable('audit_anchor', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    filename: text('filename').notNull(),
    mode: text('mode').$type<'all' | 'good-rows'>().notNull(),
    status: text('status').$type<'queued' | 'running' | 'succeeded' | 'failed'>().notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    message: jsonb('message').$type<{ zh: string; en: string }>(),
    file: bytea('file'),
    errorsFile: bytea('errors_file'),
    createdBy: integer('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('import_jobs_created_by_idx').on(t.createdBy)],
);
