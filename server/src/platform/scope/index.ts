// Region data scope: the only way to query a table that holds people or employers.
//
// A caller's scope is computed once per session from its roles (all; own region; own region
// and below; a custom set of regions and below; self = rows it created). `scopeWhere` turns
// it into a parameterised predicate carrying the scope marker that the guard (./guard.ts)
// requires on every read, update and delete of a scoped table; writes check the target
// region with `assertRegionInScope`. Deny by default: a caller with no scope sees nothing.
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../errors';
import type { DataScopeKind } from '../schema';
import { SCOPE_MARKER, SYSTEM_SCOPE_MARKER } from './guard';

export { registerScopedTable, scopedTableNames, SCOPE_MARKER, SYSTEM_SCOPE_MARKER } from './guard';

export type Scope = {
  /** True when any role grants all regions. */
  all: boolean;
  /** Region codes the caller may see (already expanded to everything below). */
  regionCodes: ReadonlySet<string>;
  /** When set, rows created by this user are visible too (data scope "self"). */
  selfUserId: number | null;
  /** The kind shown to the user: the widest of its roles. */
  kind: DataScopeKind | 'none';
};

export type ScopeRole = { dataScope: DataScopeKind; customRegions: string[] };

/** Expands a region to itself and every region below it, retired codes included. */
export type RegionExpander = (code: string) => string[];

export function computeScope(
  user: { id: number; regionCode: string },
  roles: ScopeRole[],
  expand: RegionExpander,
): Scope {
  const codes = new Set<string>();
  let all = false;
  let self: number | null = null;
  const order: DataScopeKind[] = ['self', 'custom', 'region', 'region_and_below', 'all'];
  let widest: Scope['kind'] = 'none';
  for (const r of roles) {
    if (widest === 'none' || order.indexOf(r.dataScope) > order.indexOf(widest)) widest = r.dataScope;
    switch (r.dataScope) {
      case 'all':
        all = true;
        break;
      case 'region':
        codes.add(user.regionCode);
        break;
      case 'region_and_below':
        for (const c of expand(user.regionCode)) codes.add(c);
        break;
      case 'custom':
        for (const code of r.customRegions) for (const c of expand(code)) codes.add(c);
        break;
      case 'self':
        self = user.id;
        break;
      default:
        assertUnreachable(r.dataScope);
    }
  }
  return { all, regionCodes: codes, selfUserId: self, kind: widest };
}

export function assertUnreachable(x: never): never {
  throw new Error(`unreachable: ${String(x)}`);
}

export type ScopedColumns = { regionCode: AnyPgColumn; createdBy?: AnyPgColumn };

/** The scope predicate for a table. Always parameterised; never spliced text. */
export function scopeWhere(scope: Scope, cols: ScopedColumns): SQL {
  if (scope.all) return sql.raw(`${SCOPE_MARKER} true`);
  const parts: SQL[] = [];
  if (scope.regionCodes.size > 0) parts.push(inArray(cols.regionCode, [...scope.regionCodes]));
  if (scope.selfUserId !== null && cols.createdBy) parts.push(sql`${cols.createdBy} = ${scope.selfUserId}`);
  if (parts.length === 0) return sql.raw(`${SCOPE_MARKER} false`);
  return sql`${sql.raw(SCOPE_MARKER)} (${sql.join(parts, sql` or `)})`;
}

/** For system work (migrations, generator, measure engine): an explicit, greppable bypass. */
export function systemScope(): SQL {
  return sql.raw(`${SYSTEM_SCOPE_MARKER} true`);
}

export function regionInScope(scope: Scope, regionCode: string): boolean {
  return scope.all || scope.regionCodes.has(regionCode);
}

/** Writes: the region of the row being created or moved to must be inside the scope. */
export function assertRegionInScope(scope: Scope, regionCode: string): void {
  if (!regionInScope(scope, regionCode)) {
    throw new AppError('OUT_OF_SCOPE', {
      zh: `地区 ${regionCode} 超出您的数据权限范围`,
      en: `Region ${regionCode} is outside your data scope`,
      regionCode,
    });
  }
}

/**
 * A list filter "this region and below", intersected with the scope. A region outside the
 * scope is refused, not silently emptied, so the user learns why nothing shows.
 */
export function regionFilter(scope: Scope, regionCode: string | undefined, col: AnyPgColumn, expand: RegionExpander): SQL | undefined {
  if (!regionCode) return undefined;
  return inArray(col, filterRegions(scope, regionCode, expand));
}

function filterRegions(scope: Scope, regionCode: string, expand: RegionExpander): string[] {
  const codes = expand(regionCode).filter((c) => regionInScope(scope, c));
  if (codes.length === 0) assertRegionInScope(scope, regionCode);
  return codes;
}

/**
 * The regions a list is restricted to: the filter's (within the scope), else the caller's
 * own; null for "everywhere" (province-wide scope, or rows the caller created).
 */
export function listRegionCodes(scope: Scope, regionCode: string | undefined, expand: RegionExpander): string[] | null {
  if (regionCode) return filterRegions(scope, regionCode, expand);
  if (scope.all || scope.selfUserId !== null) return null;
  return [...scope.regionCodes];
}
