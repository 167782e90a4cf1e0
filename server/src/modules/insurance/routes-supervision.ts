// HTTP edge of fund supervision: the rules, runs, hits and their follow-up.
import { z } from 'zod';
import type { ZApp } from '../../platform/http/types';
import { callerOf, ZIdParam, ZPageQuery } from '../../platform/http/util';
import type { Platform } from '../../platform/kernel';
import type { Ctx } from './access';
import { getHit, hitView, listHits, resolveHit, runSupervision, supervisionRules } from './supervision';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const ruleKeys = supervisionRules.map((r) => r.key) as [string, ...string[]];

export async function supervisionRoutes(app: ZApp, platform: Platform): Promise<void> {
  const ctx = (req: { caller: unknown }): Ctx => ({ platform, caller: callerOf(req as never) });

  app.get('/insurance/supervision/rules', {
    config: { permission: 'insurance:supervise' },
    schema: { tags: ['insurance'], summary: '基金监督规则 Supervision rules' },
    handler: async () => supervisionRules.map(({ key, version, name, description, basis, cron }) => ({ key, version, name, description, basis, cron })),
  });

  app.post('/insurance/supervision/runs', {
    config: { permission: 'insurance:supervise' },
    schema: { tags: ['insurance'], summary: '立即运行规则 Run rules now (province-wide, system work)', body: z.object({ rules: z.array(z.enum(ruleKeys)).min(1), asOf: ZDate.optional() }) },
    handler: async (req) => {
      const r = await runSupervision(platform, req.body);
      await platform.audit(req, { action: 'insurance.supervision.run', targetType: 'insurance_supervision', outcome: 'success', detail: { runs: r, asOf: req.body.asOf ?? null } });
      return r;
    },
  });

  app.get('/insurance/supervision/hits', {
    config: { permission: 'insurance:supervise' },
    schema: {
      tags: ['insurance'],
      summary: '监督线索 Supervision hits',
      querystring: ZPageQuery.extend({ ruleKey: z.enum(ruleKeys).optional(), status: z.enum(['open', 'confirmed', 'dismissed', 'closed']).optional(), regionCode: z.string().max(12).optional() }),
    },
    handler: async (req) => listHits(ctx(req), req.query),
  });

  app.get('/insurance/supervision/hits/:id', {
    config: { permission: 'insurance:supervise' },
    schema: { tags: ['insurance'], summary: '线索详情与证据 A hit with its evidence', params: ZIdParam },
    handler: async (req) => {
      const h = await getHit(ctx(req), req.params.id);
      await platform.audit(req, { action: 'insurance.supervision.read', targetType: 'insurance_supervision', targetId: h.id, regionCode: h.regionCode, outcome: 'success' });
      return hitView(h, platform.regions.name);
    },
  });

  app.post('/insurance/supervision/hits/:id/resolve', {
    config: { permission: 'insurance:supervise' },
    schema: {
      tags: ['insurance'],
      summary: '核实处理线索 Confirm, dismiss or close a hit',
      params: ZIdParam,
      body: z.object({ status: z.enum(['confirmed', 'dismissed', 'closed']), resolution: z.string().min(2).max(1000), version: z.number().int() }),
    },
    handler: async (req) => {
      const h = await resolveHit(ctx(req), req.params.id, req.body);
      await platform.audit(req, { action: 'insurance.supervision.resolve', targetType: 'insurance_supervision', targetId: h.id, regionCode: h.regionCode, outcome: 'success', detail: { status: h.status } });
      return hitView(h, platform.regions.name);
    },
  });
}
