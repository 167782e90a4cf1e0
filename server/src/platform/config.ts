// Configuration comes from the environment only (twelve-factor); see README "Configuration".
import { resolve } from 'node:path';

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  keyFile: string;
  /** Where the head of the audit chain is copied after each commit (keep it where the database account cannot write). */
  auditAnchorFile: string;
  logLevel: string;
  /** Seed demo data (users at each level, a small synthetic population) on first start. */
  demo: boolean;
  secureCookies: boolean;
  webDist: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.RENSHE_DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    keyFile: resolve(env.RENSHE_KEY_FILE ?? `${dataDir}/keys.json`),
    auditAnchorFile: resolve(env.RENSHE_AUDIT_ANCHOR_FILE ?? `${dataDir}/audit-anchors.log`),
    logLevel: env.LOG_LEVEL ?? 'info',
    demo: env.RENSHE_DEMO !== '0',
    secureCookies: env.RENSHE_SECURE_COOKIES === '1',
    webDist: resolve(env.RENSHE_WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
  };
}
