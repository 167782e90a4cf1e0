// What a module gives the platform. app.ts registers each module's routes under /api/v1,
// its importers with the import pipeline, and its scoped tables with the scope guard.
import type { ZApp } from './http/types';
import type { Importer } from './imports';
import type { Platform } from './kernel';

export type ModuleDef = {
  name: string;
  /** Tables holding data about people or employers; each must have region_code. */
  scopedTables: string[];
  routes(app: ZApp, platform: Platform): Promise<void>;
  importers?(platform: Platform): Importer<never>[];
  /** Demo data for a fresh embedded start (small, deterministic). */
  seedDemo?(platform: Platform): Promise<void>;
};
