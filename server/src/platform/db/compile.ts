// Compiling drizzle SQL trees without drizzle's builder, and running them through the scope guard.
import { createHash } from 'node:crypto';
import { Column, getTableName, Name, Param, SQL, StringChunk } from 'drizzle-orm';
import { assertScoped } from '../scope/guard';
import type { Database } from './index';

/**
 * A drizzle SQL tree as text and parameters, the same output as drizzle's own builder ($1… in
 * order) for what these queries hold: SQL, text chunks, columns, parameters and plain values.
 * drizzle's builder tests each chunk's class by walking its prototype chain: 1.4 ms of CPU for a
 * seeker's tier query and 2–5 ms for a vacancy's (thousands of chunks), more than the query's
 * execution on an idle machine; a persons list page (16 columns, the scope's regions three times)
 * 0.3–0.6 ms. Anything else is refused (employment's matching.test.ts compares both builders).
 */
const TABLE_SCHEMA = Symbol.for('drizzle:Schema');
export function compileSql(query: SQL): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const out: string[] = [];
  const name = (x: string) => `"${x.replace(/"/g, '""')}"`;
  const param = (v: unknown) => {
    params.push(v);
    out.push(`$${params.length}`);
  };
  const walk = (chunk: unknown): void => {
    if (chunk instanceof StringChunk) out.push(chunk.value.join(''));
    else if (chunk instanceof SQL) {
      if ((chunk as unknown as { shouldInlineParams: boolean }).shouldInlineParams) throw new Error('compileSql: inlined parameters are not supported');
      for (const c of chunk.queryChunks) walk(c);
    } else if (chunk instanceof Column) {
      if ((chunk.table as unknown as Record<symbol, unknown>)[TABLE_SCHEMA] !== undefined) throw new Error('compileSql: tables outside the default schema are not supported');
      out.push(`${name(getTableName(chunk.table))}.${name(chunk.name)}`);
    } else if (chunk instanceof Param) {
      const v = chunk.value === null ? null : chunk.encoder.mapToDriverValue(chunk.value);
      if (v instanceof SQL) walk(v);
      else param(v);
    } else if (chunk instanceof Name) out.push(name(chunk.value));
    else if (chunk === undefined) return;
    else if (Array.isArray(chunk)) {
      out.push('(');
      chunk.forEach((c, i) => {
        if (i) out.push(', ');
        walk(c);
      });
      out.push(')');
    } else if (chunk === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof chunk)) param(chunk);
    else throw new Error('compileSql: unsupported SQL chunk');
  };
  walk(query);
  return { text: out.join(''), params };
}

/**
 * Runs a drizzle SQL tree compiled by `compileSql`, checked by the scope guard exactly as a
 * statement drizzle sends is (a scoped table read without the scope marker is refused). Rows
 * come back as the driver gives them: alias columns and cast what needs a fixed form
 * (`date::text`). `prepare` (PostgreSQL): a named prepared statement per connection, named by
 * its text, so a statement sent again is not parsed and planned again once PostgreSQL keeps its
 * generic plan — for hot statements whose plan does not depend on the values (a persons page:
 * planning 1–2 ms, execution 0.3 ms). PGlite runs it unnamed.
 */
export async function queryCompiled<R>(database: Pick<Database, 'query' | 'pool'>, query: SQL, o: { prepare?: boolean } = {}): Promise<R[]> {
  const { text, params } = compileSql(query);
  assertScoped(text);
  if (o.prepare && database.pool) {
    const name = `renshe_${createHash('sha1').update(text).digest('hex')}`;
    return (await database.pool.query({ name, text, values: params })).rows as R[];
  }
  return database.query<R>(text, params);
}
