// The shared import pipeline for .xlsx and .csv: template, streaming parse, row validation,
// a row-level error workbook, progress, and an all-or-nothing write (one transaction, COPY
// into a staging table, then INSERT ... ON CONFLICT DO NOTHING for dedupe).
//
// Modes: `all` writes nothing when any row fails; `good-rows` writes the valid rows and
// still returns the error workbook. Re-importing the same file creates no duplicates.
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import ExcelJS from './exceljs';
import type { Caller } from '../auth/service';
import type { Database, Db, RawTx } from '../db';
import { AppError } from '../errors';
import { importJobs } from '../schema';
import { readRows } from './parse';

export type ImportColumn = {
  key: string;
  zh: string;
  en: string;
  required: boolean;
  example: string;
  /** Shown as a comment on the template header. */
  note?: string;
  /** Format the template column as text (IDs, phones: Excel would turn them into floats). */
  text?: boolean;
};

export type RowProblem = { column: string; zh: string; en: string };
export type RowResult<Row> = { ok: true; row: Row; key: string } | { ok: false; problems: RowProblem[] };

export type ImportContext = {
  caller: Caller;
  jobId: string;
  /** In validateRow: the row's number in the sheet or file, as the pipeline's own errors give it (for messages that name rows). */
  rowNumber?: number;
};

export type Importer<Row = unknown> = {
  kind: string;
  permission: string;
  title: { zh: string; en: string };
  columns: ImportColumn[];
  /** Validates one row of trimmed cell texts keyed by column key. `key` dedupes within a file. */
  validateRow(cells: Record<string, string>, ctx: ImportContext): RowResult<Row>;
  /** Writes valid rows inside the import's one transaction. */
  write(tx: RawTx, rows: Row[], ctx: ImportContext): Promise<{ inserted: number; duplicates: number }>;
  /**
   * `write` may be called several times in the one transaction, with consecutive batches of
   * the file's valid rows (never the same key twice: the pipeline drops in-file duplicates),
   * while the rest of the file is still being read. Only for writes that need no other row
   * of the file.
   */
  batchWrites?: boolean;
  /** Valid rows per `write` call when the importer takes batches (default 2,000). */
  batchRows?: number;
  /**
   * Called once after the last `write`, in the same transaction, when every row is valid (or
   * the mode keeps the good ones): the work that needs the whole file (checks across rows, the
   * final insert). With `batchWrites`, `write` can then stage each batch while the next one is
   * read, and `finish` does the rest; its counts are added to the writes'.
   */
  finish?(tx: RawTx, ctx: ImportContext): Promise<{ inserted: number; duplicates: number }>;
  /** Called after a successful commit (e.g. an audit entry). */
  afterCommit?(summary: { inserted: number; duplicates: number; rows: number }, ctx: ImportContext): Promise<void>;
};

export type ImportRegistry = {
  register(imp: Importer<never>): void;
  get(kind: string): Importer<unknown>;
  kinds(): string[];
};

export function importRegistry(): ImportRegistry {
  const m = new Map<string, Importer<unknown>>();
  return {
    register(imp) {
      m.set(imp.kind, imp as unknown as Importer<unknown>);
    },
    get(kind) {
      const imp = m.get(kind);
      if (!imp) throw new AppError('NOT_FOUND', { zh: `没有“${kind}”导入类型`, en: `No import kind "${kind}"` });
      return imp;
    },
    kinds: () => [...m.keys()],
  };
}

export async function templateWorkbook(imp: Importer<unknown>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(imp.title.zh);
  ws.columns = imp.columns.map((c) => ({ header: `${c.zh}${c.required ? '*' : ''}`, key: c.key, width: Math.max(14, c.zh.length * 3 + 4), style: c.text ? { numFmt: '@' } : {} }));
  ws.addRow(Object.fromEntries(imp.columns.map((c) => [c.key, c.example])));
  imp.columns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.font = { bold: true };
    cell.note = `${c.en}${c.required ? ' (required 必填)' : ''}${c.note ? `\n${c.note}` : ''}`;
  });
  const help = wb.addWorksheet('说明 Notes');
  help.addRow(['第一行为表头，请勿修改；第二行为示例，导入前请删除。带*为必填。', 'Row 1 is the header; row 2 is an example — delete it before importing. * = required.']);
  for (const c of imp.columns) help.addRow([`${c.zh}${c.required ? '*' : ''}`, c.en, c.note ?? '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ErrorRow = { row: number; column: string; value: string; zh: string; en: string };

export async function errorWorkbook(errors: ErrorRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('错误明细');
  ws.columns = [
    { header: '行号 Row', key: 'row', width: 10 },
    { header: '列 Column', key: 'column', width: 18 },
    { header: '值 Value', key: 'value', width: 24, style: { numFmt: '@' } },
    { header: '错误说明', key: 'zh', width: 40 },
    { header: 'Error', key: 'en', width: 48 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of errors) ws.addRow(e);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function mapHeader(imp: Importer<unknown>, header: string[]): { index: Map<string, number>; problems: string[] } {
  const index = new Map<string, number>();
  const norm = (s: string) => s.replace(/[*＊\s]/g, '').toLowerCase();
  header.forEach((h, i) => {
    const c = imp.columns.find((c) => [c.zh, c.en, c.key].map(norm).includes(norm(h)));
    if (c) index.set(c.key, i);
  });
  const problems = imp.columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.zh);
  return { index, problems };
}

export type JobRow = typeof importJobs.$inferSelect;

export async function createImportJob(db: Db, input: { kind: string; filename: string; mode: 'all' | 'good-rows'; file: Buffer; createdBy: number }): Promise<string> {
  const id = randomUUID();
  await db.insert(importJobs).values({ id, ...input, status: 'queued' });
  return id;
}

const PROGRESS_EVERY = 2000;
/** Valid rows handed to `write` at a time when the importer takes batches. */
const BATCH_ROWS = 2000;

type WriteResult = { inserted: number; duplicates: number };

/** Thrown inside the transaction to roll it back: in mode `all` a row failed validation. */
class RowsFailed extends Error {}

/** What validRows has seen so far. */
type ReadState = { processed: number; good: number; errors: ErrorRow[] };

/**
 * Parses and validates the file, yielding the valid rows in batches of `batchRows`; row
 * errors (and in-file duplicates) go to `state.errors`. `progress` is called every
 * PROGRESS_EVERY rows.
 */
async function* validRows(imp: Importer<unknown>, filename: string, file: Buffer, ctx: ImportContext, state: ReadState, batchRows: number, progress: () => void): AsyncGenerator<unknown[]> {
  const { errors } = state;
  const seen = new Map<string, number>();
  let header: Map<string, number> | null = null;
  let batch: unknown[] = [];
  for await (const raw of readRows(filename, file)) {
    if (!header) {
      const h = mapHeader(imp, raw.cells);
      if (h.problems.length) {
        throw new AppError('IMPORT_FAILED', {
          zh: `表头缺少必填列：${h.problems.join('、')}。请使用下载的模板。`,
          en: `The header lacks required columns: ${h.problems.join(', ')}. Use the downloaded template.`,
        });
      }
      header = h.index;
      continue;
    }
    state.processed++;
    const cells: Record<string, string> = {};
    for (const c of imp.columns) cells[c.key] = raw.cells[header.get(c.key) ?? -1] ?? '';
    const r = imp.validateRow(cells, { caller: ctx.caller, jobId: ctx.jobId, rowNumber: raw.rowNumber });
    if (!r.ok) {
      for (const p of r.problems) {
        const col = imp.columns.find((c) => c.key === p.column);
        errors.push({ row: raw.rowNumber, column: col?.zh ?? p.column, value: cells[p.column] ?? '', zh: p.zh, en: p.en });
      }
    } else if (seen.has(r.key)) {
      errors.push({ row: raw.rowNumber, column: '', value: '', zh: `与第 ${seen.get(r.key)} 行重复`, en: `duplicate of row ${seen.get(r.key)}` });
    } else {
      seen.set(r.key, raw.rowNumber);
      state.good++;
      batch.push(r.row);
      if (batch.length >= batchRows) {
        yield batch;
        batch = [];
      }
    }
    if (state.processed % PROGRESS_EVERY === 0) progress();
  }
  if (batch.length) yield batch;
}

export type RunImportOptions = {
  /** Valid rows per `write` call for importers that take batches (tests make it small). */
  batchRows?: number;
};

/**
 * Runs one import job to the end. Never throws: the outcome is recorded on the job row.
 *
 * On PostgreSQL, for an importer that takes batches (`batchWrites`), the one transaction is
 * opened first and each batch of valid rows is written while the next is parsed and
 * validated (the database works on the other core); a row error in mode `all` stops the
 * writes and rolls the transaction back, so nothing is written either way. Elsewhere (PGlite
 * is single-session: an open transaction would hold every other request) the whole file is
 * validated first and then written in one transaction.
 */
export async function runImportJob(database: Database, registry: ImportRegistry, jobId: string, caller: Caller, opts: RunImportOptions = {}): Promise<void> {
  const { db } = database;
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job?.file) return;
  const file = job.file;
  const imp = registry.get(job.kind);
  const ctx: ImportContext = { caller, jobId };
  const setJob = (v: Partial<JobRow>) => db.update(importJobs).set(v).where(eq(importJobs.id, jobId));
  // A known total lets the page show a real progress bar: cheap to count for CSV (newlines);
  // for .xlsx the total is known when parsing ends.
  const csvTotal = /\.csv$/i.test(job.filename) ? Math.max(0, file.toString('utf8').split(/\r?\n/).filter((l) => l.trim() !== '').length - 1) : 0;
  await setJob({ status: 'running', startedAt: new Date(), total: csvTotal });
  const state: ReadState = { processed: 0, good: 0, errors: [] };
  const { errors } = state;
  const failedRows = () => new Set(errors.map((e) => e.row)).size;
  // Progress is written beside the work, one update in flight at a time (none is awaited
  // row by row); `settled` waits for the last one before the job's final state is written.
  let inFlight: Promise<unknown> | null = null;
  const progress = () => {
    if (inFlight) return;
    inFlight = setJob({ processed: state.processed, total: Math.max(csvTotal, state.processed), errorCount: errors.length })
      .catch(() => {})
      .finally(() => (inFlight = null));
  };
  const settled = async () => {
    while (inFlight) await inFlight;
  };
  try {
    const batchRows = opts.batchRows ?? imp.batchRows ?? BATCH_ROWS;
    const rows = validRows(imp, job.filename, file, ctx, state, batchRows, progress);
    let result: WriteResult = { inserted: 0, duplicates: 0 };
    let rolledBack = false;
    // Made when the file has been read, before the commit: a failure here still writes nothing.
    let errorsFile: Buffer | null = null;
    const makeErrorsFile = async () => void (errorsFile = errors.length ? await errorWorkbook(errors) : null);
    if (imp.batchWrites && database.kind === 'postgres') {
      try {
        result = await database.rawTransaction(async (tx) => {
          const sum: WriteResult = { inserted: 0, duplicates: 0 };
          const add = (r: WriteResult) => {
            sum.inserted += r.inserted;
            sum.duplicates += r.duplicates;
          };
          let pending: Promise<WriteResult> | null = null;
          for await (const batch of rows) {
            if (errors.length && job.mode === 'all') continue; // nothing will be written: only the error file is still wanted
            if (pending) add(await pending);
            pending = imp.write(tx, batch, ctx);
            pending.catch(() => {}); // awaited below; until then a failure must not count as unhandled
          }
          if (pending) add(await pending);
          await makeErrorsFile();
          if (errors.length && job.mode === 'all') throw new RowsFailed();
          if (imp.finish) add(await imp.finish(tx, ctx));
          return sum;
        });
      } catch (e) {
        if (!(e instanceof RowsFailed)) throw e;
        rolledBack = true;
      }
    } else {
      const good: unknown[] = [];
      for await (const batch of rows) for (const r of batch) good.push(r);
      await makeErrorsFile();
      rolledBack = errors.length > 0 && job.mode === 'all';
      if (!rolledBack && good.length) {
        await settled();
        await setJob({ processed: state.processed, total: state.processed, errorCount: failedRows() });
        result = await database.rawTransaction(async (tx) => {
          const w = await imp.write(tx, good, ctx);
          if (!imp.finish) return w;
          const f = await imp.finish(tx, ctx);
          return { inserted: w.inserted + f.inserted, duplicates: w.duplicates + f.duplicates };
        });
      }
    }
    const { processed } = state;
    const errorCount = failedRows();
    await settled();
    if (rolledBack) {
      await setJob({
        status: 'failed',
        processed,
        total: processed,
        errorCount,
        errorsFile,
        file: null,
        finishedAt: new Date(),
        message: {
          zh: `${errorCount} 行未通过校验，未写入任何数据。请下载错误明细修正后重新导入，或选择“仅导入正确行”。`,
          en: `${errorCount} rows failed validation; nothing was written. Download the error file, fix and re-import, or choose "import the good rows".`,
        },
      });
      return;
    }
    await setJob({
      status: 'succeeded',
      processed,
      total: processed,
      errorCount,
      inserted: result.inserted,
      duplicates: result.duplicates,
      errorsFile,
      file: null,
      finishedAt: new Date(),
      message: {
        zh: `导入完成：新增 ${result.inserted} 行，已存在 ${result.duplicates} 行${errorCount ? `，${errorCount} 行有错误未导入` : ''}。`,
        en: `Import done: ${result.inserted} new, ${result.duplicates} already present${errorCount ? `, ${errorCount} rows with errors skipped` : ''}.`,
      },
    });
    await imp.afterCommit?.({ ...result, rows: state.good }, ctx);
  } catch (e) {
    const err = e instanceof AppError ? e : null;
    await settled();
    await setJob({
      status: 'failed',
      finishedAt: new Date(),
      file: null,
      message: err ? { zh: err.zh, en: err.en } : { zh: '导入出错，未写入任何数据', en: `Import failed; nothing was written (${(e as Error).message})` },
    });
  }
}

/** Jobs interrupted by a restart: their transaction rolled back, so nothing was written. */
export async function failInterruptedJobs(db: Db): Promise<void> {
  for (const status of ['queued', 'running'] as const) {
    await db
      .update(importJobs)
      .set({ status: 'failed', finishedAt: new Date(), file: null, message: { zh: '服务重启中断了导入，未写入任何数据，请重新导入', en: 'A restart interrupted the import; nothing was written — import again' } })
      .where(eq(importJobs.status, status));
  }
}

export async function listImportJobs(db: Db, userId: number, kind?: string) {
  const rows = await db
    .select({
      id: importJobs.id,
      kind: importJobs.kind,
      filename: importJobs.filename,
      status: importJobs.status,
      mode: importJobs.mode,
      total: importJobs.total,
      processed: importJobs.processed,
      inserted: importJobs.inserted,
      duplicates: importJobs.duplicates,
      errorCount: importJobs.errorCount,
      message: importJobs.message,
      createdAt: importJobs.createdAt,
      finishedAt: importJobs.finishedAt,
      createdBy: importJobs.createdBy,
    })
    .from(importJobs)
    .where(eq(importJobs.createdBy, userId))
    .orderBy(desc(importJobs.createdAt))
    .limit(50);
  return kind ? rows.filter((r) => r.kind === kind) : rows;
}
