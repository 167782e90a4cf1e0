// What a module gives the platform. app.ts registers each module's routes under /api/v1,
// its importers with the import pipeline, and its scoped tables with the scope guard.
import type { ZApp } from './http/types';
import type { Importer } from './imports';
import type { Platform } from './kernel';
import type { RandomFn, Rng } from './generate/random';
import type { FieldCrypto } from './crypto';
import type { RegionService } from './regions/service';
import type { MeasureDef } from './measures';
import type { EncryptedColumns } from './crypto/reencrypt';

/**
 * A module's part of the synthetic-province generator (`renshe generate`, issue 6). Parts run
 * in dependency order; each reads what earlier parts wrote (e.g. persons) with SQL and writes
 * its own tables with `copyRows` (COPY on both databases). Deterministic for a seed.
 */
export type GenerateContext = {
  platform: Platform;
  /** 1 = Hainan's real size (about ten million people); 0.005 ≈ 50,000 people. */
  scale: number;
  seed: number;
  fromYear: number;
  toYear: number;
  /** A seeded PRNG in [0, 1) for a named stream (same seed + name → same sequence). */
  random(stream: string): () => number;
  /** The same stream with helpers (int, chance, pick, normal, shuffle); see platform/generate/random. */
  rng(stream: string): Rng;
  /**
   * Bulk insert by COPY (streamed on PostgreSQL, chunked on PGlite); returns rows written.
   * Values: string | number | boolean | Date | null. Rows may be produced lazily (a generator,
   * sync or async) so memory stays flat; with `total`, progress lines are printed as rows go in.
   */
  copyRows(table: string, columns: string[], rows: Iterable<unknown[]> | AsyncIterable<unknown[]>, opts?: { total?: number; label?: string }): Promise<number>;
  /**
   * Bulk insert by COPY of rows made in worker threads (see platform/generate/workers.ts): each
   * worker imports `opts.module` and calls its export, a ShardRowMaker, for one shard at a time;
   * the rows go into one COPY in shard order, so the table's serial ids are the same for a seed
   * whatever the number of workers. Resolves to the rows written and each shard's result (the
   * maker's return value), in shard order. With one worker (RENSHE_GENERATE_WORKERS=1) the
   * shards run in this thread, one after another.
   */
  copyRowsFromWorkers<R = unknown>(table: string, columns: string[], opts: WorkerRowsOptions): Promise<{ rows: number; results: R[] }>;
  /**
   * Ends the bulk load of the tables this part has filled so far (all of them when none is
   * named): their deferred indexes and foreign keys are rebuilt now, not when the part ends.
   * Call it before the part reads those tables back by key (module code that looks up one
   * person's rows would otherwise scan the whole table for each look-up). Later COPYs into them
   * keep the indexes up to date.
   */
  finishBulkLoad(...tables: string[]): Promise<void>;
  progress(label: string, done: number, total: number): void;
  /** One line for the operator (an assumption used, a summary). */
  log(message: string): void;
};

/** What `copyRowsFromWorkers` runs, and over what. */
export type WorkerRowsOptions = {
  /** File URL of the module exporting the maker (`new URL('./x.ts', import.meta.url).href`). */
  module: string;
  /** Name of the ShardRowMaker export. */
  export: string;
  /**
   * The shards, in output order; each a structured-clonable value (plain data) that alone
   * decides its rows: no state runs from one shard into the next.
   */
  shards: readonly unknown[];
  /** Plain data every shard may read (sent once to each worker); ShardContext.data. */
  data?: unknown;
  /** Rows expected in all, for progress lines. */
  total?: number;
  label?: string;
};

/**
 * What a shard's row maker receives: the run's parameters, the part's seeded streams (the same
 * as GenerateContext.random/rng for the same name), the platform's field crypto and regions
 * rebuilt in the worker, and the options' `data`. No database: what a shard needs from the
 * database goes in the shard or in `data`.
 */
export type ShardContext<D = unknown> = {
  part: string;
  scale: number;
  seed: number;
  fromYear: number;
  toYear: number;
  random(stream: string): RandomFn;
  rng(stream: string): Rng;
  crypto: FieldCrypto;
  regions: RegionService;
  data: D;
};

/** Makes one shard's rows (values as for copyRows); its return value is the shard's result. */
export type ShardRowMaker<S = unknown, R = unknown, D = unknown> = (shard: S, ctx: ShardContext<D>) => Generator<unknown[], R, undefined>;

export type GeneratorPart = {
  name: string;
  /** Names of parts that must run first (e.g. ['registry']). */
  after?: string[];
  run(ctx: GenerateContext): Promise<void>;
};

export type ModuleDef = {
  name: string;
  /** Tables holding data about people or employers; each must have region_code. */
  scopedTables: string[];
  /** Columns holding field ciphertexts, re-encrypted after a key rotation. */
  encryptedColumns?: EncryptedColumns[];
  routes(app: ZApp, platform: Platform): Promise<void>;
  importers?(platform: Platform): Importer<never>[];
  /** Demo data for a fresh embedded start (small, deterministic). */
  seedDemo?(platform: Platform): Promise<void>;
  /** Figures this module contributes to plan indicators (see platform/measures). */
  measures?: MeasureDef[];
  /** Permissions this module adds to the built-in roles, by role key (e.g. caseworker). */
  grants?: Record<string, string[]>;
  /** This module's part of the synthetic-province generator. */
  generator?: GeneratorPart;
  /** Background work on a schedule (pg-boss cron syntax), e.g. warning rules. */
  schedules?: { name: string; cron: string; run(platform: Platform): Promise<void> }[];
};
