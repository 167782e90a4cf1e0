// Coverage (全民参保): the dashboard by region and the coverage-gap list (扩面).
import { z } from 'zod';
import type { ZApp } from '../../platform/http/types';
import { callerOf, ZPageQuery } from '../../platform/http/util';
import type { Platform } from '../../platform/kernel';
import { coverageGaps, coverageSummary } from './coverage';

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
}
