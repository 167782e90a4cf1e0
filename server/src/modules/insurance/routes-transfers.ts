// HTTP edge of transfers of insurance relations (转移接续).
import { z } from 'zod';
import type { ZApp } from '../../platform/http/types';
import { callerOf, ZIdParam } from '../../platform/http/util';
import type { Platform } from '../../platform/kernel';
import type { Ctx } from './access';
import { advanceTransfer, createTransfer, getTransfer, listTransfers, transferHistory, transferStatuses, transferView } from './transfer';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export async function transferRoutes(app: ZApp, platform: Platform): Promise<void> {
  const ctx = (req: { caller: unknown }): Ctx => ({ platform, caller: callerOf(req as never) });

  app.get('/insurance/transfers', {
    config: { permission: 'insurance:read' },
    schema: {
      tags: ['insurance'],
      summary: '转移接续 Transfers (overdue=true: a leg of ours is late)',
      querystring: z.object({ regionCode: z.string().max(12).optional(), status: z.enum(transferStatuses).optional(), personId: z.coerce.number().int().positive().optional(), overdue: z.enum(['true', 'false']).optional() }),
    },
    handler: async (req) => listTransfers(ctx(req), { ...req.query, overdue: req.query.overdue === 'true' }),
  });

  app.post('/insurance/transfers', {
    config: { permission: 'insurance:write' },
    schema: {
      tags: ['insurance'],
      summary: '发起转移接续 Start a transfer (out: certificate issued; in: application received)',
      body: z.object({
        personId: z.number().int().positive(),
        insuranceType: z.enum(['enterprise_pension', 'institution_pension']),
        direction: z.enum(['in', 'out']),
        otherRegion: z.string().max(12),
        on: ZDate,
        regionCode: z.string().max(12).optional(),
        note: z.string().max(500).nullable().optional(),
      }),
    },
    handler: async (req, reply) => {
      const c = ctx(req);
      const t = await createTransfer(c, req.body);
      await platform.audit(req, { action: 'insurance.transfer.create', targetType: 'insurance_transfer', targetId: t.id, regionCode: t.regionCode, outcome: 'success', detail: { direction: t.direction, otherRegion: req.body.otherRegion } });
      return reply.code(201).send(await transferView(c, t));
    },
  });

  app.get('/insurance/transfers/:id', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '转移接续详情（含各环节时限） A transfer with its leg clocks', params: ZIdParam },
    handler: async (req) => {
      const c = ctx(req);
      const t = await getTransfer(c, req.params.id);
      await platform.audit(req, { action: 'insurance.transfer.read', targetType: 'insurance_transfer', targetId: t.id, regionCode: t.regionCode, outcome: 'success' });
      return { ...(await transferView(c, t)), history: await transferHistory(c, t.id) };
    },
  });

  app.post('/insurance/transfers/:id/advance', {
    config: { permission: 'insurance:write' },
    schema: {
      tags: ['insurance'],
      summary: '推进转移接续 Move a transfer to its next state',
      params: ZIdParam,
      body: z.object({
        to: z.enum(transferStatuses),
        on: ZDate,
        version: z.number().int(),
        note: z.string().max(500).nullable().optional(),
        declaredAmountFen: z.number().int().min(0).optional(),
        sheetAccountFen: z.number().int().min(0).optional(),
        sheetYearlyWages: z.array(z.object({ year: z.number().int().min(1990).max(2100), wageFen: z.number().int().min(0) })).max(80).optional(),
      }),
    },
    handler: async (req) => {
      const c = ctx(req);
      const t = await advanceTransfer(c, req.params.id, req.body);
      await platform.audit(req, { action: 'insurance.transfer.advance', targetType: 'insurance_transfer', targetId: t.id, regionCode: t.regionCode, outcome: 'success', detail: { to: t.status, on: req.body.on } });
      return transferView(c, t);
    },
  });
}
