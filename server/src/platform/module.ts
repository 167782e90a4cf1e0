// What a module gives the platform. app.ts registers each module's routes under /api/v1,
// its importers with the import pipeline, and its scoped tables with the scope guard.
import type { ZApp } from './http/types';
import type { Importer } from './imports';
import type { Platform } from './kernel';
import type { Rng } from './generate/random';
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
  progress(label: string, done: number, total: number): void;
  /** One line for the operator (an assumption used, a summary). */
  log(message: string): void;
};

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
