// Bulk writes for the generator: COPY on both databases. On PostgreSQL the rows stream into
// one COPY per call (memory stays flat whatever the volume); on PGlite they go in chunks of
// CSV text, one transaction per chunk, since PGlite copies from an in-memory blob.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../db';
import { csvField } from '../imports/parse';

export type CopyValue = string | number | boolean | null | undefined;
export type RowSource = Iterable<unknown[]> | AsyncIterable<unknown[]>;

const IDENT = /^[a-z_][a-z0-9_]*$/;
/** Rows per PGlite chunk (a chunk of persons is about 8 MB of CSV). */
export const PGLITE_CHUNK_ROWS = 20_000;
/** Bytes of CSV handed to the PostgreSQL COPY stream at a time. */
const PG_FLUSH_BYTES = 1 << 20;

/** One row as a CSV line (dates as ISO text, null and undefined as an empty field). */
export function csvLine(row: unknown[]): string {
  // Joined from an array: a line grown by += is a rope of 2n pieces that the chunk's join then
  // flattens (5.3 µs a ledger row of 18 fields against 1.8 µs, measured).
  const fields = new Array<string>(row.length);
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    fields[i] = v instanceof Date ? v.toISOString() : csvField(v as CopyValue);
  }
  return fields.join(',') + '\n';
}

/** CSV text (a string, or UTF-8 bytes as worker threads hand it over) and the rows it holds. */
export type CsvChunk = { csv: string | Uint8Array; rows: number };
/** How big a chunk of CSV may grow before it is written. */
export type ChunkLimits = { maxRows: number; maxBytes: number };

/**
 * Chunk sizes for a database: on PostgreSQL about 1 MB of CSV at a time into one streamed
 * COPY; on PGlite 20,000 rows, each chunk one COPY in its own transaction.
 */
export function chunkLimits(database: Pick<Database, 'kind' | 'pool'>): ChunkLimits {
  return database.kind === 'postgres' && database.pool ? { maxRows: Number.POSITIVE_INFINITY, maxBytes: PG_FLUSH_BYTES } : { maxRows: PGLITE_CHUNK_ROWS, maxBytes: Number.POSITIVE_INFINITY };
}

export async function* csvChunks(rows: RowSource, columns: number, limits: ChunkLimits): AsyncGenerator<CsvChunk & { csv: string }> {
  const { maxRows, maxBytes } = limits;
  // Lines are collected and joined once per chunk (a string grown by += becomes a rope that
  // is flattened again and again); a synchronous source is read without a promise per row.
  let lines: string[] = [];
  let bytes = 0;
  const add = (row: unknown[]): (CsvChunk & { csv: string }) | null => {
    if (row.length !== columns) throw new Error(`copyRows: a row has ${row.length} values for ${columns} columns`);
    const line = csvLine(row);
    lines.push(line);
    bytes += line.length;
    if (lines.length < maxRows && bytes < maxBytes) return null;
    const chunk = { csv: lines.join(''), rows: lines.length };
    lines = [];
    bytes = 0;
    return chunk;
  };
  if (Symbol.iterator in rows) {
    for (const row of rows as Iterable<unknown[]>) {
      const chunk = add(row);
      if (chunk) yield chunk;
    }
  } else {
    for await (const row of rows) {
      const chunk = add(row);
      if (chunk) yield chunk;
    }
  }
  if (lines.length) yield { csv: lines.join(''), rows: lines.length };
}

const copyFailed = (table: string, written: number, e: Error) => new Error(`COPY into ${table} failed after ${written.toLocaleString('en-US')} rows: ${e.message}`, { cause: e });
const checkNames = (table: string, columns: string[]) => {
  if (!IDENT.test(table) || !columns.every((c) => IDENT.test(c))) throw new Error(`copyRows: bad table or column name in ${table}(${columns.join(', ')})`);
};

/** COPYs rows into a table; `onRows` hears the running total after each chunk. Returns rows written. */
export async function copyRowsInto(database: Database, table: string, columns: string[], rows: RowSource, onRows: (written: number) => void = () => {}): Promise<number> {
  checkNames(table, columns);
  return copyChunksInto(database, table, columns, csvChunks(rows, columns.length, chunkLimits(database)), onRows);
}

const decoder = new TextDecoder();

/**
 * Lets the event loop run between chunks. When the database takes each chunk at once, a COPY
 * never waits for 'drain' and goes on in microtasks: timers and other connections' I/O starve
 * (at scale 1 a second COPY's new connection sat unanswered until the server dropped it after
 * authentication_timeout, silently; on PGlite the demo server could not answer while it loaded).
 */
const eventLoopTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * COPYs chunks of CSV (sized by `chunkLimits`) into a table: one streamed COPY on
 * PostgreSQL (memory stays flat), one transaction a chunk on PGlite. Returns rows written.
 */
export async function copyChunksInto(database: Database, table: string, columns: string[], chunks: AsyncIterable<CsvChunk>, onRows: (written: number) => void = () => {}): Promise<number> {
  checkNames(table, columns);
  let written = 0;
  if (database.kind === 'postgres' && database.pool) {
    const client = await database.pool.connect();
    let failed: Error | undefined;
    try {
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
      async function* texts(): AsyncGenerator<string | Uint8Array> {
        for await (const c of chunks) {
          yield c.csv;
          written += c.rows;
          onRows(written);
          await eventLoopTurn();
        }
      }
      await pipeline(Readable.from(texts()), stream);
    } catch (e) {
      // Say which COPY failed and how far it got (a long generator run otherwise ends with a bare
      // "Connection terminated unexpectedly"), and never hand the broken connection back to the pool.
      failed = e instanceof Error ? e : new Error(String(e));
      throw copyFailed(table, written, failed);
    } finally {
      client.release(failed);
    }
    return written;
  }
  try {
    for await (const c of chunks) {
      const csv = typeof c.csv === 'string' ? c.csv : decoder.decode(c.csv);
      await database.rawTransaction((tx) => tx.copyCsv(table, columns, csv));
      written += c.rows;
      onRows(written);
      await eventLoopTurn();
    }
  } catch (e) {
    throw copyFailed(table, written, e instanceof Error ? e : new Error(String(e)));
  }
  return written;
}
