// The platform services every module receives. Built once at start-up (or per test).
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { appendAudit, type AuditEntry } from './audit';
import type { Config } from './config';
import type { FieldCrypto } from './crypto';
import type { Database, Db } from './db';
import type { ImportRegistry } from './imports';
import type { RegionService } from './regions/service';
import type { IssueInput } from './portal/service';

export type Platform = {
  config: Config;
  database: Database;
  db: Db;
  crypto: FieldCrypto;
  regions: RegionService;
  log: Logger;
  imports: ImportRegistry;
  /** Portal accounts: one-time activation codes issued by staff (modules check scope first). */
  portal: { issue(input: IssueInput): Promise<{ code: string; expiresAt: Date; accountExists: boolean }> };
  /** Writes an audit entry; actor, IP and request id come from the request when given. */
  audit(req: FastifyRequest | null, entry: Omit<AuditEntry, 'actorId' | 'actorName'> & Partial<Pick<AuditEntry, 'actorId' | 'actorName'>>): Promise<void>;
};

export function auditFor(db: Db) {
  return async (req: FastifyRequest | null, entry: Parameters<Platform['audit']>[1]): Promise<void> => {
    await appendAudit(db, {
      ...entry,
      actorId: entry.actorId ?? req?.caller?.userId ?? null,
      actorName: entry.actorName ?? req?.caller?.username ?? 'system',
      ip: entry.ip ?? req?.ip ?? null,
      requestId: entry.requestId ?? (req ? String(req.id) : null),
    });
  };
}
