// Coverage (全民参保): the dashboard by region, the coverage-gap list (扩面), and the status
// periods (在校学生, 外省参保) that take people out of 应参保人数.
import { z } from 'zod';
import type { ZApp } from '../../platform/http/types';
import { callerOf, sendXlsx, zPage, ZPageQuery } from '../../platform/http/util';
import { auditQuery } from '../../platform/audit';
import type { Platform } from '../../platform/kernel';
import { coverageGaps, coverageSummary } from './coverage';
import { listStatusPeriods, statusPeriodWorkbook } from './statusperiods';
import { statusPeriodKinds } from './types';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export async function coverageRoutes(app: ZApp, platform: Platform): Promise<void> {
  const ctx = (req: { caller: unknown }) => ({ platform, caller: callerOf(req as never) });

  app.get('/insurance/coverage/summary', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '参保覆盖情况（按地区） Coverage by region', querystring: z.object({ regionCode: z.string().max(12).optional(), asOf: ZDate.optional() }) },
    handler: async (req) => coverageSummary(ctx(req), req.query),
  });

  app.get('/insurance/coverage/gaps', {
    config: { permission: 'insurance:read' },
    schema: {
      tags: ['insurance'],
      summary: '未参保人员（扩面） Working-age people with no enrolment',
      querystring: ZPageQuery.extend({ regionCode: z.string().max(12).optional(), asOf: ZDate.optional() }),
    },
    handler: async (req) => {
      const page = await coverageGaps(ctx(req), req.query);
      await platform.audit(req, { action: 'insurance.coverage.gaps', targetType: 'person', outcome: 'success', detail: { query: req.query, returned: page.items.length, total: page.total } });
      return page;
    },
  });

  const ZPeriodFilter = z.object({
    regionCode: z.string().max(12).optional(),
    kind: z.enum(statusPeriodKinds).optional(),
    asOf: ZDate.optional(),
    q: z.string().max(40).optional(),
  });
  const ZStatusPeriod = z.object({
    id: z.number(),
    personId: z.number(),
    personName: z.string(),
    idNumberMasked: z.string(),
    kind: z.enum(statusPeriodKinds),
    kindName: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    place: z.string().nullable(),
    knownOn: z.string(),
    recordedAt: z.string(),
    source: z.string(),
    sourceRef: z.string(),
    supersedesId: z.number().nullable(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
  });
  // The audit keeps the filter but never a resident ID typed into the search box.

  app.get('/insurance/status-periods', {
    config: { permission: 'insurance:read' },
    schema: {
      tags: ['insurance'],
      summary: '在校学生与外省参保期间 Study and other-province insurance periods',
      querystring: ZPageQuery.extend(ZPeriodFilter.shape),
      response: { 200: zPage(ZStatusPeriod) },
    },
    handler: async (req) => {
      const page = await listStatusPeriods(ctx(req), req.query);
      await platform.audit(req, { action: 'insurance.status_period.list', targetType: 'person', outcome: 'success', detail: { query: auditQuery(req.query), returned: page.items.length, total: page.total } });
      return page;
    },
  });

  app.get('/insurance/status-periods/export', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '导出在校学生与外省参保期间（脱敏） Export the periods (masked)', querystring: ZPeriodFilter },
    handler: async (req, reply) => {
      const { buffer, rows } = await statusPeriodWorkbook(ctx(req), req.query);
      await platform.audit(req, { action: 'insurance.status_period.export', targetType: 'person', outcome: 'success', detail: { query: auditQuery(req.query), rows } });
      return sendXlsx(reply, '在校学生与外省参保.xlsx', buffer);
    },
  });
}
