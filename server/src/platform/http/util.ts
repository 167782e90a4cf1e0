import type { FastifyReply, FastifyRequest } from 'fastify';
import { count, getTableName, sql, type SQL } from 'drizzle-orm';
import { PgDialect, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { rows, type Db } from '../db';
import { compileSql } from '../db/compile';
import { AppError } from '../errors';
import type { Caller } from '../auth/service';

export function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw new AppError('UNAUTHENTICATED');
  return req.caller;
}

export function clientIp(req: FastifyRequest): string {
  return req.ip;
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.string().max(64).optional(),
});

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    message: z.object({ zh: z.string(), en: z.string() }),
    detail: z.string(),
    requestId: z.string(),
  })
  .passthrough();

export function zPage<T extends z.ZodTypeAny>(item: T) {
  // countedAt: when `total` was counted, for lists whose count is reused briefly (countUpToCached).
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number(), totalCapped: z.boolean().optional(), countedAt: z.string().optional() });
}

/**
 * Lists count their matches only up to this many: an exact count of a province's ten million
 * people would cost a full index scan on every page; past the cap the answer is "more than".
 */
export const COUNT_CAP = 10_000;

/** Rows matching `where`, counted up to `cap` (then `capped`: there are more). */
export async function countUpTo(db: Db, table: PgTable, where: SQL | undefined, cap = COUNT_CAP): Promise<{ total: number; capped: boolean }> {
  const matched = db.select({ one: sql`1` }).from(table).where(where).limit(cap + 1).as('matched');
  const [{ n }] = await db.select({ n: count() }).from(matched);
  return { total: Math.min(Number(n), cap), capped: Number(n) > cap };
}

/**
 * How long a list's capped count is reused (`countUpToCached`). The rows of a page are always
 * read afresh; only the total beside them may be this old, and the page says when it was
 * counted (`countedAt`). Writes made through this process drop their table's counts at once
 * (`forgetCounts`); a write made elsewhere (another process, SQL) shows in the total within this.
 */
export const COUNT_CACHE_MS = 5_000;
const COUNT_CACHE_MAX = 2_000;

type CountEntry = { at: number; counted: Promise<{ total: number; capped: boolean }> };
const countCaches = new WeakMap<Db, Map<string, CountEntry>>();
const countDialect = new PgDialect();
/** A condition's text and parameters (compileSql; drizzle's builder for what it does not take). */
function compiled(where: SQL): [string, unknown[]] {
  try {
    const c = compileSql(where);
    return [c.text, c.params];
  } catch {
    const c = countDialect.sqlToQuery(where);
    return [c.sql, c.params];
  }
}

/**
 * `countUpTo`, reused for COUNT_CACHE_MS. The key is the table and the whole compiled condition
 * — its SQL text and every parameter, the caller's scope predicate included — so a count is
 * only ever reused for the very same question (the same regions, the same filters); concurrent
 * requests for a missing count share one query. Returns when the count was taken.
 */
export async function countUpToCached(
  db: Db,
  table: PgTable,
  where: SQL,
  o: { cap?: number; maxAgeMs?: number; now?: () => number } = {},
): Promise<{ total: number; capped: boolean; countedAt: Date }> {
  const cap = o.cap ?? COUNT_CAP;
  const maxAge = o.maxAgeMs ?? COUNT_CACHE_MS;
  const now = o.now?.() ?? Date.now();
  let cache = countCaches.get(db);
  if (!cache) countCaches.set(db, (cache = new Map()));
  const key = JSON.stringify([getTableName(table), cap, ...compiled(where)]);
  const hit = cache.get(key);
  if (hit && now - hit.at < maxAge && now >= hit.at) return { ...(await hit.counted), countedAt: new Date(hit.at) };
  cache.delete(key);
  if (cache.size >= COUNT_CACHE_MAX) {
    for (const [k, e] of cache) if (now - e.at >= maxAge) cache.delete(k);
    while (cache.size >= COUNT_CACHE_MAX) cache.delete(cache.keys().next().value as string);
  }
  const entry: CountEntry = { at: now, counted: countUpTo(db, table, where, cap) };
  cache.set(key, entry);
  try {
    return { ...(await entry.counted), countedAt: new Date(now) };
  } catch (e) {
    if (cache.get(key) === entry) cache.delete(key);
    throw e;
  }
}

/** Drops the cached counts of a table (after a write through this process). */
export function forgetCounts(db: Db, table: PgTable): void {
  const cache = countCaches.get(db);
  if (!cache) return;
  const prefix = JSON.stringify([getTableName(table)]).slice(0, -1) + ',';
  for (const k of [...cache.keys()]) if (k.startsWith(prefix)) cache.delete(k);
}

/** Pages deeper than this many rows read the table the plain way. */
const REGION_MERGE_MAX_ROWS = 1_000;

/**
 * The ids of one page of a region-scoped table, newest first, read region by region through
 * its (region_code, id) index and merged: without it a county's newest 20 are found by
 * walking the primary key backwards past every newer row of the other counties (143,000 rows
 * for 定安 at scale 0.05). `codes` are the regions `where` restricts to; returns null when
 * the plain query is the better one (no region list, too many regions, a deep page). As a
 * subquery (`newestIdsByRegionSql`) it goes into the statement that reads the rows: one round trip.
 */
export function newestIdsByRegionSql(
  table: PgTable,
  ids: { id: AnyPgColumn; regionCode: AnyPgColumn },
  where: SQL,
  codes: readonly string[] | null,
  page: { limit: number; offset: number },
): SQL | null {
  const k = page.limit + page.offset;
  if (!codes || codes.length === 0 || codes.length > 400 || k > REGION_MERGE_MAX_ROWS) return null;
  const list = sql.join(codes.map((c) => sql`${c}`), sql`, `);
  return sql`
    select p.id from unnest(array[${list}]::text[]) as r(code)
    cross join lateral (
      select ${ids.id} as id from ${sql.identifier(getTableName(table))} where ${ids.regionCode} = r.code and ${where} order by ${ids.id} desc limit ${k}
    ) p
    order by p.id desc limit ${page.limit} offset ${page.offset}`;
}

/** `newestIdsByRegionSql` run on its own: the ids, or null for the plain query. */
export async function newestIdsByRegion(
  db: Db,
  table: PgTable,
  ids: { id: AnyPgColumn; regionCode: AnyPgColumn },
  where: SQL,
  codes: readonly string[] | null,
  page: { limit: number; offset: number },
): Promise<number[] | null> {
  const q = newestIdsByRegionSql(table, ids, where, codes, page);
  if (!q) return null;
  const found = await rows<{ id: number | string }>(db, q);
  return found.map((r) => Number(r.id));
}

/** One page of a list: its rows (`read(limit, offset)`) and its capped total, asked at once. */
export async function pageOf<T>(q: { page: number; pageSize: number }, read: (limit: number, offset: number) => Promise<T[]>, count: () => Promise<{ total: number; capped: boolean }>) {
  const [items, counted] = await Promise.all([read(q.pageSize, (q.page - 1) * q.pageSize), count()]);
  return { items, total: counted.total, totalCapped: counted.capped, page: q.page, pageSize: q.pageSize };
}

export async function sendXlsx(reply: FastifyReply, filename: string, buffer: Buffer | ArrayBuffer): Promise<FastifyReply> {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(Buffer.from(buffer as ArrayBuffer));
}

export const ZIdParam = z.object({ id: z.coerce.number().int().positive() });
