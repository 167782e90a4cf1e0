// The synthetic-province generator (`renshe generate`, issue 6). The platform only
// orchestrates: each module contributes a GeneratorPart (beside its measures) and the caller
// hands the list in, so platform code never imports a module. Parts run one after another
// in dependency order (`after`), each with its own seeded random streams, COPY-based bulk
// writes and progress lines. Same seed, scale and years → same rows.
import type { GenerateContext, GeneratorPart } from '../module';
import type { Platform } from '../kernel';
import { deferIndexes, restoreIndexes, type Deferred } from './bulk';
import { copyRowsInto } from './copy';
import { formatSeconds, progressReporter, type ProgressSink } from './progress';
import { rngOf, seededStream } from './random';
import { copyRowsFromWorkers, generateWorkers } from './workers';

export { apportion, rngOf, seededStream, sfc32, weighted, weightedIndex, type RandomFn, type Rng } from './random';
export { formatSeconds, progressReporter } from './progress';
export { generateWorkers } from './workers';

/** Years the generated records span by default (the 13th plan's and the 14th plan's periods). */
export const DEFAULT_YEARS = { fromYear: 2016, toYear: 2025 } as const;

export type GenerateOptions = {
  platform: Platform;
  parts: GeneratorPart[];
  /** 1 = Hainan's real size (2020 census: 10,081,232 people); 0.005 ≈ 50,000. */
  scale: number;
  seed: number;
  fromYear?: number;
  toYear?: number;
  /** Where progress and log lines go (default: stdout). */
  out?: ProgressSink;
  /** Progress line interval per label, ms (default 1000). */
  progressIntervalMs?: number;
  /** Worker threads for copyRowsFromWorkers (default RENSHE_GENERATE_WORKERS, else one a core, at most 8). */
  workers?: number;
};

export type GenerateReport = {
  scale: number;
  seed: number;
  fromYear: number;
  toYear: number;
  database: 'pglite' | 'postgres';
  parts: { name: string; seconds: number; rows: Record<string, number> }[];
  rows: number;
  seconds: number;
};

/** Parses `2016-2025` (or a single year). */
export function parseYears(text: string): { fromYear: number; toYear: number } {
  const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$/.exec(text);
  if (!m) throw new Error(`years must look like 2016-2025, got "${text}"`);
  const fromYear = Number(m[1]);
  const toYear = Number(m[2] ?? m[1]);
  if (fromYear > toYear || fromYear < 1990 || toYear > 2100) throw new Error(`bad year range ${text}`);
  return { fromYear, toYear };
}

/**
 * Orders parts so every part runs after the parts it names in `after`; otherwise keeps the
 * given order (stable). A missing dependency or a cycle is an error that names the parts.
 */
export function orderParts(parts: readonly GeneratorPart[]): GeneratorPart[] {
  const byName = new Map<string, GeneratorPart>();
  for (const p of parts) {
    if (byName.has(p.name)) throw new Error(`two generator parts are named "${p.name}"`);
    byName.set(p.name, p);
  }
  for (const p of parts) {
    for (const d of p.after ?? []) {
      if (!byName.has(d)) throw new Error(`generator part "${p.name}" needs "${d}", which no module provides`);
    }
  }
  const out: GeneratorPart[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: GeneratorPart, path: string[]): void => {
    const s = state.get(p.name);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`generator parts depend on each other in a cycle: ${[...path, p.name].join(' → ')}`);
    state.set(p.name, 'visiting');
    for (const d of p.after ?? []) visit(byName.get(d)!, [...path, p.name]);
    state.set(p.name, 'done');
    out.push(p);
  };
  for (const p of parts) visit(p, []);
  return out;
}

/** Runs the parts in dependency order and returns what each wrote and how long it took. */
export async function generate(opts: GenerateOptions): Promise<GenerateReport> {
  const { platform, scale, seed } = opts;
  const fromYear = opts.fromYear ?? DEFAULT_YEARS.fromYear;
  const toYear = opts.toYear ?? DEFAULT_YEARS.toYear;
  if (!(scale > 0 && scale <= 10)) throw new Error(`scale must be in (0, 10], got ${scale}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (fromYear > toYear) throw new Error(`fromYear ${fromYear} is after toYear ${toYear}`);
  const workers = generateWorkers(opts.workers);
  const out = opts.out ?? ((line: string) => console.log(line));
  const ordered = orderParts(opts.parts);
  const progress = progressReporter(out, { intervalMs: opts.progressIntervalMs });
  const started = performance.now();
  const report: GenerateReport = { scale, seed, fromYear, toYear, database: platform.database.kind, parts: [], rows: 0, seconds: 0 };
  out(`generate: scale ${scale}, seed ${seed}, years ${fromYear}–${toYear}, ${platform.database.kind}, ${workers} worker${workers === 1 ? '' : 's'}; parts ${ordered.map((p) => p.name).join(' → ') || '(none)'}`);
  for (const part of ordered) {
    const partStarted = performance.now();
    const rows: Record<string, number> = {};
    // Tables this part fills from empty load without secondary indexes until the part ends.
    const deferred = new Map<string, Deferred | null>();
    // Streams are namespaced by part, so two parts may both call a stream "persons".
    const streamName = (s: string) => `${part.name}/${s}`;
    /** A COPY into `table`: indexes deferred when it starts empty, progress, rows counted. */
    const copying = async (table: string, copyOpts: { total?: number; label?: string } | undefined, copy: (onRows?: (done: number) => void) => Promise<number>): Promise<number> => {
      const label = `${part.name}: ${copyOpts?.label ?? table}`;
      const total = copyOpts?.total;
      if (!deferred.has(table)) deferred.set(table, await deferIndexes(platform.database, table));
      if (total !== undefined) progress(label, 0, total); // starts the clock for rows/s
      const n = await copy(total !== undefined ? (done) => progress(label, done, total) : undefined);
      if (total !== undefined && n < total) progress(label, n, n); // finished short of the estimate: close the line
      rows[table] = (rows[table] ?? 0) + n;
      return n;
    };
    const ctx: GenerateContext = {
      platform,
      scale,
      seed,
      fromYear,
      toYear,
      random: (s) => seededStream(seed, streamName(s)),
      rng: (s) => rngOf(seededStream(seed, streamName(s))),
      async copyRows(table, columns, source, copyOpts) {
        return copying(table, copyOpts, (onRows) => copyRowsInto(platform.database, table, columns, source, onRows));
      },
      async copyRowsFromWorkers<R>(table: string, columns: string[], wopts: Parameters<GenerateContext['copyRowsFromWorkers']>[2]) {
        let results: unknown[] = [];
        const n = await copying(table, wopts, async (onRows) => {
          const r = await copyRowsFromWorkers({ ...wopts, database: platform.database, table, columns, run: { part: part.name, seed, scale, fromYear, toYear }, crypto: platform.crypto, regions: platform.regions, workers, onRows });
          results = r.results;
          return r.rows;
        });
        return { rows: n, results: results as R[] };
      },
      finishBulkLoad: (...tables) => finishBulkLoad(tables.length ? tables : [...deferred.keys()]),
      progress: (label, done, total) => progress(`${part.name}: ${label}`, done, total),
      log: (message) => out(`  ${part.name}: ${message}`),
    };
    /** Rebuilds what was deferred on these tables; an entry left as null is not deferred again. */
    const finishBulkLoad = async (tables: string[]) => {
      const toRestore = tables.map((t) => deferred.get(t)).filter((d): d is Deferred => d != null);
      const i0 = performance.now();
      for (const d of toRestore) {
        await restoreIndexes(platform.database, d);
        deferred.set(d.table, null);
      }
      if (toRestore.length) out(`  ${part.name}: indexes rebuilt on ${toRestore.map((d) => d.table).join(', ')} in ${formatSeconds((performance.now() - i0) / 1000)}`);
    };
    out(`[${part.name}]`);
    try {
      await part.run(ctx);
    } finally {
      // Also after a failure: the database keeps its indexes whatever happened.
      await finishBulkLoad([...deferred.keys()]);
    }
    const seconds = (performance.now() - partStarted) / 1000;
    const n = Object.values(rows).reduce((s, v) => s + v, 0);
    report.parts.push({ name: part.name, seconds, rows });
    report.rows += n;
    out(`[${part.name}] ${Object.entries(rows).map(([t, v]) => `${t} ${v.toLocaleString('en-US')}`).join(', ') || 'no rows'} in ${formatSeconds(seconds)}`);
  }
  report.seconds = (performance.now() - started) / 1000;
  // Bulk writes go round the per-row audit; one entry says who filled the database and how.
  await platform.audit(null, {
    actorId: null,
    actorName: 'generate',
    action: 'platform.generate',
    targetType: 'database',
    outcome: 'success',
    detail: { scale, seed, fromYear, toYear, rows: report.rows, parts: report.parts.map((p) => ({ name: p.name, rows: p.rows })) },
  });
  out(`generate: ${report.rows.toLocaleString('en-US')} rows in ${formatSeconds(report.seconds)} (${Math.round(report.rows / Math.max(report.seconds, 1e-3)).toLocaleString('en-US')} rows/s)`);
  return report;
}
