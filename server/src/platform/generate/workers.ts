// Rows made in worker threads, written by one COPY (GenerateContext.copyRowsFromWorkers).
//
// A generator part whose rows cost CPU (SM4 and HMAC-SM3 per person, households, CSV) splits
// its work into shards — plain data that alone decides each shard's rows — and names a module
// exporting a ShardRowMaker. Each worker thread imports that module (worker.mjs registers tsx
// first, so .ts runs as in the main thread) and rebuilds what a maker may use: the part's
// seeded streams, the platform's field crypto from the same key ring (handed over in the
// worker's workerData, nowhere else) and the region index. The main thread hands out shards
// one at a time as workers come free, and writes their CSV into the COPY strictly in shard
// order: a serial id comes out the same whatever the number of workers or who finished first.
//
// Memory stays flat: a worker may have at most `bufferBytes` of CSV sent and not yet written;
// past that it waits (so a worker running ahead of the shard being written pauses rather
// than piling chunks up). A worker that fails fails the run with the shard's number and
// description, and every worker is terminated before the call returns or throws.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Database } from '../db';
import { keyRingJson, keyRingOf, type FieldCrypto } from '../crypto';
import type { RegionService } from '../regions/service';
import type { RegionRow } from '../regions/tree';
import type { ShardContext, ShardRowMaker, WorkerRowsOptions } from '../module';
import { chunkLimits, copyChunksInto, copyRowsInto, type ChunkLimits, type CsvChunk } from './copy';
import { rngOf, seededStream } from './random';

/** The run's parameters a shard context carries (streams are named `<part>/<stream>`). */
export type ShardRun = { part: string; seed: number; scale: number; fromYear: number; toYear: number };

/** Workers when neither the option nor RENSHE_GENERATE_WORKERS says: one a core, at most this many. */
export const MAX_DEFAULT_WORKERS = 8;
/**
 * CSV a worker may have sent and not yet seen written before it waits. A worker that runs a
 * shard ahead of the one being written pauses after this much, so shards much larger than it
 * cost parallelism (the registry's largest township at scale 1 is about 100 MB of CSV).
 */
export const WORKER_BUFFER_BYTES = 64 << 20;

/** The worker count: the option, else RENSHE_GENERATE_WORKERS, else one a core (at most 8). */
export function generateWorkers(option?: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = option ?? (env.RENSHE_GENERATE_WORKERS ? Number(env.RENSHE_GENERATE_WORKERS) : Math.min(availableParallelism(), MAX_DEFAULT_WORKERS));
  if (!Number.isSafeInteger(raw) || raw < 1 || raw > 64) throw new Error(`generator workers must be an integer from 1 to 64, got ${option ?? env.RENSHE_GENERATE_WORKERS}`);
  return raw;
}

/** A shard context; the same in the main thread (one worker) and in a worker thread. */
export function shardContext<D>(run: ShardRun, crypto: FieldCrypto, regions: RegionService, data: D): ShardContext<D> {
  const name = (s: string) => `${run.part}/${s}`;
  return {
    ...run,
    random: (s) => seededStream(run.seed, name(s)),
    rng: (s) => rngOf(seededStream(run.seed, name(s))),
    crypto,
    regions,
    data,
  };
}

/** How a failure names its shard: number and (the start of) its description. */
export function shardName(index: number, shard: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(shard) ?? String(shard);
  } catch {
    text = String(shard);
  }
  return `shard ${index} ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}

export async function loadMaker(module: string, name: string): Promise<ShardRowMaker> {
  const mod = (await import(module)) as Record<string, unknown>;
  const maker = mod[name];
  if (typeof maker !== 'function') throw new Error(`${module} has no function export "${name}"`);
  return maker as ShardRowMaker;
}

/** What a worker thread receives in workerData. */
export type WorkerInit = {
  run: ShardRun;
  module: string;
  export: string;
  /** The key ring as its key-file text: only here, never in a message. */
  keys: string;
  regions: RegionRow[];
  data: unknown;
  columns: number;
  limits: ChunkLimits;
  bufferBytes: number;
};

/** Main → worker. */
export type ToWorker = { type: 'shard'; index: number; shard: unknown } | { type: 'ack'; bytes: number };
/** Worker → main. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'chunk'; index: number; csv: Uint8Array; rows: number }
  | { type: 'done'; index: number; result: unknown }
  | { type: 'error'; index: number; message: string; stack?: string };

export type FromWorkersInput = WorkerRowsOptions & {
  database: Database;
  table: string;
  columns: string[];
  run: ShardRun;
  crypto: FieldCrypto;
  regions: RegionService;
  workers: number;
  onRows?: (written: number) => void;
  /** Per worker (default WORKER_BUFFER_BYTES). */
  bufferBytes?: number;
};

const WORKER_BOOTSTRAP = new URL('./worker.mjs', import.meta.url);
let live = 0;
/** Worker threads started here and not yet exited (tests check that none are left). */
export const liveWorkers = () => live;

/** Runs the shards' makers and COPYs their rows in shard order; see the file comment. */
export async function copyRowsFromWorkers(input: FromWorkersInput): Promise<{ rows: number; results: unknown[] }> {
  const { database, table, columns, shards } = input;
  const results: unknown[] = new Array(shards.length);
  if (input.workers <= 1 || shards.length <= 1) {
    // In this thread, shard after shard: the same makers and contexts, no threads.
    const maker = await loadMaker(input.module, input.export);
    const ctx = shardContext(input.run, input.crypto, input.regions, input.data);
    function* all(): Generator<unknown[]> {
      for (let i = 0; i < shards.length; i++) {
        try {
          results[i] = yield* maker(shards[i], ctx);
        } catch (e) {
          throw shardFailed(i, shards[i], e);
        }
      }
    }
    const rows = await copyRowsInto(database, table, columns, all(), input.onRows);
    return { rows, results };
  }
  return fromWorkers(input, results);
}

function shardFailed(index: number, shard: unknown, e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  return new Error(`${shardName(index, shard)} failed: ${message}`, { cause: e });
}

type Slot = { chunks: { csv: Uint8Array; rows: number }[]; done: boolean; worker: Worker | null };

async function fromWorkers(input: FromWorkersInput, results: unknown[]): Promise<{ rows: number; results: unknown[] }> {
  const { shards } = input;
  const ring = keyRingOf(input.crypto);
  if (!ring) throw new Error('copyRowsFromWorkers: the platform crypto was not built by fieldCrypto, so workers cannot rebuild it');
  const init: WorkerInit = {
    run: input.run,
    module: input.module,
    export: input.export,
    keys: keyRingJson(ring),
    regions: input.regions.rows(),
    data: input.data,
    columns: input.columns.length,
    limits: chunkLimits(input.database),
    bufferBytes: input.bufferBytes ?? WORKER_BUFFER_BYTES,
  };
  const slots: Slot[] = shards.map(() => ({ chunks: [], done: false, worker: null }));
  const current = new Map<Worker, number>(); // the shard each worker is making
  let nextShard = 0;
  let failure: Error | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fail = (e: Error) => {
    failure ??= e;
    poke();
  };
  const assign = (w: Worker) => {
    if (failure || nextShard >= shards.length) {
      current.delete(w);
      return;
    }
    const index = nextShard++;
    slots[index].worker = w;
    current.set(w, index);
    w.postMessage({ type: 'shard', index, shard: shards[index] } satisfies ToWorker);
  };
  const where = (w: Worker) => {
    const i = current.get(w);
    return i === undefined ? 'a worker' : `${shardName(i, shards[i])} (in a worker)`;
  };

  const count = Math.min(input.workers, shards.length);
  const workers: Worker[] = [];
  try {
    for (let k = 0; k < count; k++) {
      const w = new Worker(WORKER_BOOTSTRAP, { workerData: init, stdout: false, stderr: false });
      workers.push(w);
      live++;
      w.on('message', (m: FromWorker) => {
        if (m.type === 'ready') assign(w);
        else if (m.type === 'chunk') {
          slots[m.index].chunks.push({ csv: m.csv, rows: m.rows });
          poke();
        } else if (m.type === 'done') {
          results[m.index] = m.result;
          slots[m.index].done = true;
          assign(w);
          poke();
        } else {
          const e = new Error(m.index < 0 ? `a generator worker could not start: ${m.message}` : `${shardName(m.index, shards[m.index])} failed (in a worker): ${m.message}`);
          if (m.stack) e.stack = `${e.message}\n  worker stack: ${m.stack}`;
          fail(e);
        }
      });
      w.on('error', (e) => fail(new Error(`${where(w)} failed: ${e.message}`, { cause: e })));
      w.on('exit', (code) => {
        live--;
        if (!finished && !failure) fail(new Error(`${where(w)}: the worker thread exited (code ${code}) before its shards were done`));
      });
    }
    async function* ordered(): AsyncGenerator<CsvChunk> {
      for (let i = 0; i < shards.length; ) {
        if (failure) throw failure;
        const slot = slots[i];
        const chunk = slot.chunks.shift();
        if (chunk) {
          // Handed to the COPY stream: the worker may make that much more.
          slot.worker?.postMessage({ type: 'ack', bytes: chunk.csv.byteLength } satisfies ToWorker);
          yield chunk;
        } else if (slot.done) {
          slots[i] = { chunks: [], done: true, worker: null };
          i++;
        } else await new Promise<void>((resolve) => (wake = resolve));
      }
      if (failure) throw failure;
    }
    const rows = await copyChunksInto(input.database, input.table, input.columns, ordered(), input.onRows);
    finished = true;
    return { rows, results };
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
