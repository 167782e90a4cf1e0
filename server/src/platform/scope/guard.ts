// Deny by default. Every SELECT, UPDATE or DELETE that names a scoped table must carry the
// scope marker that only `scopeWhere` (./index.ts) writes; otherwise the query is refused
// before it reaches the database. The check runs in drizzle's logger hook, which sees every
// statement drizzle sends. Inserts are checked by the scoped write helpers instead (the
// region of a new row must be inside the caller's scope).
import type { Logger } from 'drizzle-orm';
import { AppError } from '../errors';

const scopedTables = new Set<string>();
let pattern: RegExp | null = null;

export const SCOPE_MARKER = '/*scope*/';
export const SYSTEM_SCOPE_MARKER = '/*scope:system*/';

/** Declares a table as holding data about people or employers (it must have region_code). */
export function registerScopedTable(name: string): void {
  scopedTables.add(name);
  pattern = new RegExp(`(^|[^a-z0-9_])"?(${[...scopedTables].join('|')})"?([^a-z0-9_]|$)`, 'i');
}

export function scopedTableNames(): string[] {
  return [...scopedTables];
}

export function assertScoped(query: string): void {
  if (!pattern) return;
  // DDL (migrations) and inserts are not reads: only select, update, delete and CTEs are checked.
  if (!/^\s*(select|update|delete|with)\b/i.test(query)) return;
  if (!pattern.test(query)) return;
  if (query.includes(SCOPE_MARKER) || query.includes(SYSTEM_SCOPE_MARKER)) return;
  const table = pattern.exec(query)?.[2];
  throw new AppError('SCOPE_MISSING', { en: `Query on scoped table "${table}" without a data-scope condition refused` });
}

export const scopeGuardLogger: Logger = {
  logQuery(query: string) {
    assertScoped(query);
  },
};
