// HTTP edge of monitoring and warnings: dashboard figures, supply-demand ratio, warning rules
// (versioned), warnings with evidence, owners and follow-ups.
import { z } from 'zod';
import type { ZApp } from '../../platform/http/types';
import { callerOf, zPage, ZIdParam, ZPageQuery } from '../../platform/http/util';
import type { Platform } from '../../platform/kernel';
import { assertRegionInScope } from '../../platform/scope';
import { chinaToday } from './codes';
import type { Ctx } from './context';
import { dashboard, supplyDemand } from './monitoring';
import { evaluateWarnings, followUpWarning, getWarning, listRules, listWarnings, newRuleVersion } from './warnings';

const iso = (d: Date) => d.toISOString();
const ZParams = z.record(z.string(), z.number());

const ZWarning = z.object({
  id: z.number(),
  ruleKey: z.string(),
  ruleVersion: z.number(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  asOf: z.string(),
  level: z.enum(['yellow', 'orange', 'red']),
  evidence: z.object({ summary: z.object({ zh: z.string(), en: z.string() }), figures: z.record(z.string(), z.number()), records: z.array(z.object({ type: z.string(), id: z.number(), label: z.string(), details: z.record(z.string(), z.union([z.string(), z.number()])).optional() })) }),
  status: z.enum(['open', 'acknowledged', 'closed']),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export async function monitoringRoutes(app: ZApp, platform: Platform): Promise<void> {
  const ctx = (req: { caller: unknown }): Ctx => ({ platform, caller: callerOf(req as never) });
  const warningView = <T extends { regionCode: string; createdAt: Date; updatedAt: Date }>(w: T) => ({ ...w, regionName: platform.regions.name(w.regionCode), createdAt: iso(w.createdAt), updatedAt: iso(w.updatedAt) });

  app.get('/employment/monitoring/dashboard', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '就业监测：按地区、行业、群体与月份 Employment monitoring by region, industry, group and month',
      querystring: z.object({ regionCode: z.string().max(12).optional(), year: z.coerce.number().int().min(2000).max(2100).default(Number(chinaToday().slice(0, 4))) }),
    },
    handler: async (req) => dashboard(ctx(req), req.query),
  });

  app.get('/employment/monitoring/supply-demand', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '求人倍率（岗位数÷求职人数），按职业或县 Supply-demand ratio by occupation or county',
      querystring: z.object({ regionCode: z.string().max(12).optional(), by: z.enum(['occupation', 'county']).default('occupation') }),
    },
    handler: async (req) => supplyDemand(ctx(req), { ...req.query, today: chinaToday() }),
  });

  app.get('/employment/warning-rules', {
    config: { permission: 'employment:warning' },
    schema: { tags: ['employment'], summary: '预警规则（含历史版本） Warning rules with their versions' },
    handler: async () => (await listRules(platform.db)).map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
  });

  app.post('/employment/warning-rules', {
    config: { permission: 'employment:warning' },
    schema: {
      tags: ['employment'],
      summary: '发布规则新版本（可按地区设阈值） Publish a new rule version (thresholds per region)',
      body: z.object({ key: z.enum(['unemployed_growth', 'layoff_reports', 'contribution_stops']), name: z.string().max(60).optional(), params: ZParams, regionParams: z.record(z.string(), ZParams).default({}) }),
    },
    handler: async (req, reply) => {
      const row = await newRuleVersion(ctx(req), req.body);
      await platform.audit(req, { action: 'employment.warning.rule', targetType: 'warning_rule', targetId: row.id, outcome: 'success', detail: { key: row.key, version: row.version, params: row.params, regionParams: row.regionParams } });
      return reply.code(201).send({ ...row, createdAt: iso(row.createdAt) });
    },
  });

  app.post('/employment/warnings/evaluate', {
    config: { permission: 'employment:warning' },
    schema: {
      tags: ['employment'],
      summary: '立即评估本地区预警规则 Evaluate the warning rules now for a region in scope',
      body: z.object({ regionCode: z.string().max(12) }),
      response: { 200: z.object({ created: z.number(), updated: z.number() }) },
    },
    handler: async (req) => {
      assertRegionInScope(callerOf(req).scope, req.body.regionCode);
      const r = await evaluateWarnings(platform, chinaToday(), { within: req.body.regionCode });
      await platform.audit(req, { action: 'employment.warning.evaluate_now', targetType: 'warning', outcome: 'success', detail: r });
      return r;
    },
  });

  app.get('/employment/warnings', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '失业风险预警 Unemployment-risk warnings',
      querystring: ZPageQuery.extend({ regionCode: z.string().max(12).optional(), status: z.enum(['open', 'acknowledged', 'closed']).optional() }),
      response: { 200: zPage(ZWarning) },
    },
    handler: async (req) => {
      const page = await listWarnings(ctx(req), req.query);
      return { ...page, items: page.items.map(warningView) };
    },
  });

  app.get('/employment/warnings/:id', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '预警详情与跟进记录 Warning with evidence and follow-ups',
      params: ZIdParam,
      response: { 200: ZWarning.extend({ followups: z.array(z.object({ id: z.number(), at: z.string(), actorName: z.string(), action: z.string(), note: z.string() })) }) },
    },
    handler: async (req) => {
      const w = await getWarning(ctx(req), req.params.id);
      return { ...warningView(w), followups: w.followups.map((f) => ({ ...f, at: iso(f.at) })) };
    },
  });

  app.post('/employment/warnings/:id/followups', {
    config: { permission: 'employment:warning' },
    schema: {
      tags: ['employment'],
      summary: '跟进预警（记录、认领、确认、关闭、重开） Follow up a warning',
      params: ZIdParam,
      body: z.object({ action: z.enum(['note', 'assign', 'acknowledge', 'close', 'reopen']), note: z.string().max(1000), version: z.number().int() }),
      response: { 200: ZWarning },
    },
    handler: async (req) => {
      const row = await followUpWarning(ctx(req), req.params.id, req.body);
      await platform.audit(req, { action: `employment.warning.${req.body.action}`, targetType: 'warning', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return warningView(row);
    },
  });
}
