// What a module gives the platform. app.ts registers each module's routes under /api/v1,
// its importers with the import pipeline, and its scoped tables with the scope guard.
import type { ZApp } from './http/types';
import type { Importer } from './imports';
import type { Platform } from './kernel';
import type { MeasureDef } from './measures';

export type ModuleDef = {
  name: string;
  /** Tables holding data about people or employers; each must have region_code. */
  scopedTables: string[];
  routes(app: ZApp, platform: Platform): Promise<void>;
  importers?(platform: Platform): Importer<never>[];
  /** Demo data for a fresh embedded start (small, deterministic). */
  seedDemo?(platform: Platform): Promise<void>;
  /** Figures this module contributes to plan indicators (see platform/measures). */
  measures?: MeasureDef[];
  /** Permissions this module adds to the built-in roles, by role key (e.g. caseworker). */
  grants?: Record<string, string[]>;
  /** Background work on a schedule (pg-boss cron syntax), e.g. warning rules. */
  schedules?: { name: string; cron: string; run(platform: Platform): Promise<void> }[];
};
