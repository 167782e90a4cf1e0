// A platform without modules on a test database: the generator's orchestration and its
// worker threads must not need any module.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/platform/config';
import { fieldCrypto, newKeyRing } from '../src/platform/crypto';
import type { Database } from '../src/platform/db';
import { importRegistry } from '../src/platform/imports';
import { auditFor, type Platform } from '../src/platform/kernel';
import { regionService } from '../src/platform/regions/service';
import { loadHainanRegions } from '../src/platform/regions/tree';

export function barePlatform(database: Database): Platform {
  const config = { ...loadConfig({ RENSHE_DATA_DIR: mkdtempSync(join(tmpdir(), 'renshe-gen-')) }), webDist: '/nonexistent' };
  return {
    config,
    database,
    db: database.db,
    crypto: fieldCrypto(newKeyRing()),
    regions: regionService(loadHainanRegions()),
    log: pino({ level: 'silent' }),
    imports: importRegistry(),
    audit: auditFor(database.db),
    portal: { issue: () => Promise.reject(new Error('no portal in the generator test')) },
  };
}
