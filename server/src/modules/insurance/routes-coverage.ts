// Coverage (全民参保): the dashboard by region, the coverage-gap list (扩面), and the status
// periods (在校学生, 外省参保) that take people out of 应参保人数.
import { z } from 'zod';
import type { ZApp } from '../../platform/http/types';
import { callerOf, ZPageQuery } from '../../platform/http/util';
import type { Platform } from '../../platform/kernel';
import { coverageGaps, coverageSummary } from './coverage';
import { listStatusPeriods } from './statusperiods';
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

  app.get('/insurance/status-periods', {
    config: { permission: 'insurance:read' },
    schema: {
      tags: ['insurance'],
      summary: '在校学生与外省参保期间 Study and other-province insurance periods',
      querystring: z.object({ regionCode: z.string().max(12).optional(), kind: z.enum(statusPeriodKinds).optional(), asOf: ZDate.optional() }),
    },
    handler: async (req) => listStatusPeriods(ctx(req), req.query),
  });
}
