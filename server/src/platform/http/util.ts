import type { FastifyReply, FastifyRequest } from 'fastify';
import { count, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { rows, type Db } from '../db';
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
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number(), totalCapped: z.boolean().optional() });
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

/** Pages deeper than this many rows read the table the plain way. */
const REGION_MERGE_MAX_ROWS = 1_000;

/**
 * The ids of one page of a region-scoped table, newest first, read region by region through
 * its (region_code, id) index and merged: without it a county's newest 20 are found by
 * walking the primary key backwards past every newer row of the other counties (143,000 rows
 * for 定安 at scale 0.05). `codes` are the regions `where` restricts to; returns null when
 * the plain query is the better one (no region list, too many regions, a deep page).
 */
export async function newestIdsByRegion(
  db: Db,
  table: PgTable,
  ids: { id: AnyPgColumn; regionCode: AnyPgColumn },
  where: SQL,
  codes: readonly string[] | null,
  page: { limit: number; offset: number },
): Promise<number[] | null> {
  const k = page.limit + page.offset;
  if (!codes || codes.length === 0 || codes.length > 400 || k > REGION_MERGE_MAX_ROWS) return null;
  const list = sql.join(codes.map((c) => sql`${c}`), sql`, `);
  const found = await rows<{ id: number | string }>(db, sql`
    select p.id from unnest(array[${list}]::text[]) as r(code)
    cross join lateral (
      select ${ids.id} as id from ${table} where ${ids.regionCode} = r.code and ${where} order by ${ids.id} desc limit ${k}
    ) p
    order by p.id desc limit ${page.limit} offset ${page.offset}`);
  return found.map((r) => Number(r.id));
}

export async function sendXlsx(reply: FastifyReply, filename: string, buffer: Buffer | ArrayBuffer): Promise<FastifyReply> {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(Buffer.from(buffer as ArrayBuffer));
}

export const ZIdParam = z.object({ id: z.coerce.number().int().positive() });
