// The audit administrator's view: search, export and chain verification. There is no
// update or delete route, and no role other than audit:read reaches these.
import { and, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import { exportSheet } from '../http/export';
import { z } from 'zod';
import type { ZApp } from '../http/types';
import { sendXlsx, zPage, ZPageQuery } from '../http/util';
import type { Platform } from '../kernel';
import { auditLog } from '../schema';
import { auditQuery, verifyAuditChain } from './index';

const ZAuditQuery = ZPageQuery.extend({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(64).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
});

const ZAudit = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  regionCode: z.string().nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

function conditions(q: z.infer<typeof ZAuditQuery>): SQL | undefined {
  const c: SQL[] = [];
  if (q.actor) c.push(ilike(auditLog.actorName, `%${q.actor}%`));
  if (q.action) c.push(ilike(auditLog.action, `${q.action}%`));
  if (q.targetType) c.push(eq(auditLog.targetType, q.targetType));
  if (q.targetId) c.push(eq(auditLog.targetId, q.targetId));
  if (q.outcome) c.push(eq(auditLog.outcome, q.outcome));
  if (q.from) c.push(gte(auditLog.at, new Date(`${q.from}T00:00:00+08:00`)));
  if (q.to) c.push(lte(auditLog.at, new Date(`${q.to}T23:59:59.999+08:00`)));
  return c.length ? and(...c) : undefined;
}

/** Audit entries one export may hold (a narrower time range for more). */
export const AUDIT_EXPORT_LIMIT = 500_000;

export async function auditRoutes(app: ZApp, platform: Platform): Promise<void> {
  const { db } = platform;
  app.get('/audit', {
    config: { permission: 'audit:read' },
    schema: { tags: ['audit'], summary: '审计日志 Audit log', querystring: ZAuditQuery, response: { 200: zPage(ZAudit) } },
    handler: async (req) => {
      const where = conditions(req.query);
      const { page, pageSize } = req.query;
      const [items, [{ total }]] = await Promise.all([
        db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(pageSize).offset((page - 1) * pageSize),
        db.select({ total: count() }).from(auditLog).where(where),
      ]);
      return { items: items.map(({ prevHash: _p, hash: _h, ...e }) => ({ ...e, at: e.at.toISOString() })), total: Number(total), page, pageSize };
    },
  });

  app.get('/audit/export', {
    config: { permission: 'audit:read' },
    schema: { tags: ['audit'], summary: '导出审计日志 Export audit log', querystring: ZAuditQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      // Refused past the limit with a message (it was cut at 500,000 rows without a word).
      const { buffer, rows } = await exportSheet(
        '审计日志',
        [
          { header: '序号', key: 'seq', width: 8 },
          { header: '时间', key: 'at', width: 24 },
          { header: '操作人', key: 'actorName', width: 14 },
          { header: '操作', key: 'action', width: 28 },
          { header: '对象类型', key: 'targetType', width: 12 },
          { header: '对象', key: 'targetId', width: 12 },
          { header: '地区', key: 'regionCode', width: 12 },
          { header: '结果', key: 'outcome', width: 8 },
          { header: 'IP', key: 'ip', width: 16 },
          { header: '请求号', key: 'requestId', width: 24 },
          { header: '详情', key: 'detail', width: 40 },
          { header: '哈希', key: 'hash', width: 66 },
        ],
        (limit) => db.select().from(auditLog).where(conditions(req.query as never)).orderBy(auditLog.seq).limit(limit),
        (r) => ({ ...r, at: r.at.toISOString(), detail: r.detail ? JSON.stringify(r.detail) : '' }),
        AUDIT_EXPORT_LIMIT,
      );
      await platform.audit(req, { action: 'audit.export', outcome: 'success', detail: { query: auditQuery(req.query as Record<string, unknown>), rows } });
      return sendXlsx(reply, `审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`, buffer);
    },
  });

  app.post('/audit/verify', {
    config: { permission: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: '校验审计链 Verify the hash chain',
      response: { 200: z.object({ ok: z.boolean(), checked: z.number(), lastSeq: z.number(), problems: z.array(z.object({ seq: z.number(), kind: z.string(), message: z.object({ zh: z.string(), en: z.string() }) })) }) },
    },
    handler: async (req) => {
      const report = await verifyAuditChain(db);
      await platform.audit(req, { action: 'audit.verify', outcome: report.ok ? 'success' : 'failure', detail: { checked: report.checked, problems: report.problems.length } });
      return report;
    },
  });
}
