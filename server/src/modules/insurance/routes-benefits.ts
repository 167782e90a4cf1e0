// HTTP edge of benefits, stop events, recovery cases and eligibility authentication.
import { z } from 'zod';
import type { ZApp } from '../../platform/http/types';
import { callerOf, sendXlsx, ZIdParam, ZPageQuery } from '../../platform/http/util';
import { auditQuery } from '../../platform/audit';
import type { Platform } from '../../platform/kernel';
import { personInScope, type Ctx } from './access';
import { decidePension, decideUnemploymentBenefit, decideWorkInjury, decisionView, getDecision, involuntaryReasons, listDecisions, personBenefits, runPayments } from './benefits';
import { authenticationDue, closeRecovery, lifeEventWorkbook, listLifeEvents, listRecoveries, pageLifeEvents, pageRecoveries, personAuthentication, recoveryWorkbook, recordLifeEvent, recordSelfAuthentication, recoveryView } from './lifeevents';
import { benefitKinds, benefitStatuses, dataSources, lifeEventKinds } from './types';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const ZMonth = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM')
  .transform((s) => `${s.slice(0, 7)}-01`);

export async function benefitRoutes(app: ZApp, platform: Platform): Promise<void> {
  const ctx = (req: { caller: unknown }): Ctx => ({ platform, caller: callerOf(req as never) });
  const view = (d: Parameters<typeof decisionView>[0]) => decisionView(d, platform.regions.name);

  app.post('/insurance/benefits/pension', {
    config: { permission: 'insurance:benefit' },
    schema: {
      tags: ['insurance'],
      summary: '养老金核定 Decide a basic pension (dryRun: explain only)',
      body: z.object({
        personId: z.number().int().positive(),
        kind: z.enum(['enterprise_pension', 'institution_pension', 'resident_pension']),
        startMonth: ZMonth,
        group: z.enum(['male', 'female_cadre', 'female_worker']).optional(),
        dryRun: z.boolean().optional(),
      }),
    },
    handler: async (req, reply) => {
      const r = await decidePension(ctx(req), req.body);
      if (r.decision) await platform.audit(req, { action: 'insurance.benefit.decide', targetType: 'insurance_benefit', targetId: r.decision.id, regionCode: r.decision.regionCode, outcome: 'success', detail: { kind: r.decision.kind, monthlyFen: r.decision.monthlyFen, rule: r.rule } });
      return reply.code(r.decision ? 201 : 200).send({ decision: r.decision ? view(r.decision) : null, eligible: r.result.eligible, monthlyFen: r.result.monthlyFen, steps: r.result.steps, refusal: r.result.refusal ?? null, rule: r.rule, inputs: r.inputs, paramsVersion: r.paramsVersion });
    },
  });

  app.post('/insurance/benefits/unemployment', {
    config: { permission: 'insurance:benefit' },
    schema: {
      tags: ['insurance'],
      summary: '失业保险金核定 Decide unemployment benefit (needs an open unemployment registration)',
      body: z.object({ personId: z.number().int().positive(), startMonth: ZMonth, separationReason: z.enum([...involuntaryReasons, 'resigned']), dryRun: z.boolean().optional() }),
    },
    handler: async (req, reply) => {
      const r = await decideUnemploymentBenefit(ctx(req), req.body);
      if (r.decision) await platform.audit(req, { action: 'insurance.benefit.decide', targetType: 'insurance_benefit', targetId: r.decision.id, regionCode: r.decision.regionCode, outcome: 'success', detail: { kind: r.decision.kind, monthlyFen: r.decision.monthlyFen, registrationRef: r.decision.registrationRef } });
      return reply.code(r.decision ? 201 : 200).send({ decision: r.decision ? view(r.decision) : null, eligible: r.result.eligible, monthlyFen: r.result.monthlyFen, months: r.result.months, steps: r.result.steps, refusal: r.result.refusal ?? null, rule: r.rule, inputs: r.inputs });
    },
  });

  app.post('/insurance/benefits/work-injury', {
    config: { permission: 'insurance:benefit' },
    schema: {
      tags: ['insurance'],
      summary: '工伤待遇核定 Decide work-injury benefits',
      body: z.object({ personId: z.number().int().positive(), injuryDate: ZDate, grade: z.number().int().min(1).max(10), startMonth: ZMonth, ownWageFen: z.number().int().positive().optional(), dryRun: z.boolean().optional() }),
    },
    handler: async (req, reply) => {
      const r = await decideWorkInjury(ctx(req), req.body);
      for (const d of r.decisions) await platform.audit(req, { action: 'insurance.benefit.decide', targetType: 'insurance_benefit', targetId: d.id, regionCode: d.regionCode, outcome: 'success', detail: { kind: d.kind, monthlyFen: d.monthlyFen, lumpSumFen: d.lumpSumFen } });
      return reply.code(r.decisions.length ? 201 : 200).send({ decisions: r.decisions.map(view), eligible: r.result.eligible, monthlyFen: r.result.monthlyFen, lumpSumFen: r.result.lumpSumFen, steps: r.result.steps, refusal: r.result.refusal ?? null, rule: r.rule, inputs: r.inputs });
    },
  });

  app.get('/insurance/benefits', {
    config: { permission: 'insurance:read' },
    schema: {
      tags: ['insurance'],
      summary: '待遇核定列表 Benefit decisions',
      querystring: ZPageQuery.extend({ personId: z.coerce.number().int().positive().optional(), kind: z.enum(benefitKinds).optional(), status: z.enum(benefitStatuses).optional(), regionCode: z.string().max(12).optional() }),
    },
    handler: async (req) => listDecisions(ctx(req), req.query),
  });

  app.get('/insurance/benefits/:id', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '待遇核定详情 A decision with its payments', params: ZIdParam },
    handler: async (req) => {
      const r = await getDecision(ctx(req), req.params.id);
      await platform.audit(req, { action: 'insurance.benefit.read', targetType: 'insurance_benefit', targetId: r.decision.id, regionCode: r.decision.regionCode, outcome: 'success' });
      return { decision: view(r.decision), payments: r.payments };
    },
  });

  app.post('/insurance/benefits/payment-runs', {
    config: { permission: 'insurance:benefit' },
    schema: { tags: ['insurance'], summary: '按月发放 Run the monthly payments (idempotent)', body: z.object({ month: ZMonth, paidOn: ZDate }) },
    handler: async (req) => {
      const r = await runPayments(platform, req.body.month, req.body.paidOn, callerOf(req).scope);
      await platform.audit(req, { action: 'insurance.benefit.payment_run', targetType: 'insurance_benefit', outcome: 'success', detail: { ...req.body, ...r } });
      return r;
    },
  });

  app.get('/insurance/persons/:id/benefits', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '个人待遇、停发事件与追回 A person’s benefits, stop events and recoveries', params: ZIdParam },
    handler: async (req) => {
      const c = ctx(req);
      const p = await personInScope(c, req.params.id);
      const [benefits, events, recoveries] = await Promise.all([personBenefits(c, p.id), listLifeEvents(c, { personId: p.id }), listRecoveries(c, { personId: p.id })]);
      await platform.audit(req, { action: 'insurance.person.benefits', targetType: 'person', targetId: p.id, regionCode: p.regionCode, outcome: 'success' });
      return { benefits, lifeEvents: events, recoveries };
    },
  });

  // ---- stop events ------------------------------------------------------------------------
  app.post('/insurance/life-events', {
    config: { permission: 'insurance:benefit' },
    schema: {
      tags: ['insurance'],
      summary: '录入死亡、服刑、释放信息 Record a stop event (stops benefits, opens recovery)',
      body: z.object({ personId: z.number().int().positive(), kind: z.enum(lifeEventKinds), occurredOn: ZDate, knownOn: ZDate.optional(), source: z.enum(dataSources), sourceRef: z.string().min(1).max(64) }),
    },
    handler: async (req, reply) => {
      const r = await recordLifeEvent(ctx(req), req.body);
      await platform.audit(req, { action: 'insurance.life_event.create', targetType: 'person', targetId: req.body.personId, outcome: 'success', detail: { kind: req.body.kind, occurredOn: req.body.occurredOn, ...r } });
      return reply.code(201).send(r);
    },
  });

  const ZLifeEventFilter = z.object({ q: z.string().max(50).optional(), regionCode: z.string().max(12).optional(), kind: z.enum(lifeEventKinds).optional() });
  const ZRecoveryFilter = z.object({ q: z.string().max(50).optional(), status: z.enum(['open', 'recovered', 'written_off']).optional(), regionCode: z.string().max(12).optional() });

  // Lists of people's deaths, prison terms and debts: paged, searched by name or resident ID,
  // exported masked, and audited like every list of people.
  app.get('/insurance/life-events', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '停发事件（含报告时效） Stop events with their reporting delay', querystring: ZPageQuery.extend(ZLifeEventFilter.shape) },
    handler: async (req) => {
      const page = await pageLifeEvents(ctx(req), req.query);
      await platform.audit(req, { action: 'insurance.life_event.list', targetType: 'person', outcome: 'success', detail: { query: auditQuery(req.query), returned: page.items.length, total: page.total } });
      return page;
    },
  });

  app.get('/insurance/life-events/export', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '导出停发事件（脱敏） Export stop events (masked)', querystring: ZLifeEventFilter },
    handler: async (req, reply) => {
      const { buffer, rows } = await lifeEventWorkbook(ctx(req), req.query);
      await platform.audit(req, { action: 'insurance.life_event.export', targetType: 'person', outcome: 'success', detail: { query: auditQuery(req.query), rows } });
      return sendXlsx(reply, '停发事件.xlsx', buffer);
    },
  });

  app.get('/insurance/recoveries', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '待遇追回案件 Overpayment recovery cases', querystring: ZPageQuery.extend(ZRecoveryFilter.shape) },
    handler: async (req) => {
      const page = await pageRecoveries(ctx(req), req.query);
      await platform.audit(req, { action: 'insurance.recovery.list', targetType: 'person', outcome: 'success', detail: { query: auditQuery(req.query), returned: page.items.length, total: page.total } });
      return page;
    },
  });

  app.get('/insurance/recoveries/export', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '导出待遇追回案件（脱敏） Export recovery cases (masked)', querystring: ZRecoveryFilter },
    handler: async (req, reply) => {
      const { buffer, rows } = await recoveryWorkbook(ctx(req), req.query);
      await platform.audit(req, { action: 'insurance.recovery.export', targetType: 'person', outcome: 'success', detail: { query: auditQuery(req.query), rows } });
      return sendXlsx(reply, '待遇追回.xlsx', buffer);
    },
  });

  app.post('/insurance/recoveries/:id/close', {
    config: { permission: 'insurance:benefit' },
    schema: {
      tags: ['insurance'],
      summary: '追回办结 Close a recovery case',
      params: ZIdParam,
      body: z.object({ status: z.enum(['recovered', 'written_off']), recoveredFen: z.number().int().min(0), note: z.string().max(500).nullable().optional(), version: z.number().int() }),
    },
    handler: async (req) => {
      const r = await closeRecovery(ctx(req), req.params.id, req.body);
      await platform.audit(req, { action: 'insurance.recovery.close', targetType: 'insurance_recovery', targetId: r.id, regionCode: r.regionCode, outcome: 'success', detail: { status: r.status, recoveredFen: r.recoveredFen } });
      return recoveryView(r, platform.regions.name);
    },
  });

  // ---- eligibility authentication -----------------------------------------------------
  app.get('/insurance/authentication/due', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '待认证人员 Pensioners due for self-authentication', querystring: z.object({ regionCode: z.string().max(12).optional(), asOf: ZDate.optional() }) },
    handler: async (req) => {
      const r = await authenticationDue(ctx(req), req.query);
      await platform.audit(req, { action: 'insurance.authentication.due', targetType: 'person', outcome: 'success', detail: { query: req.query, returned: r.items.length } });
      return r;
    },
  });

  app.get('/insurance/persons/:id/authentication', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '认证证据与得分 Evidence score of a pensioner', params: ZIdParam, querystring: z.object({ asOf: ZDate.optional() }) },
    handler: async (req) => {
      const r = await personAuthentication(ctx(req), req.params.id, req.query.asOf);
      await platform.audit(req, { action: 'insurance.person.authentication', targetType: 'person', targetId: req.params.id, outcome: 'success' });
      return r;
    },
  });

  app.post('/insurance/persons/:id/self-auth', {
    config: { permission: 'insurance:write' },
    schema: { tags: ['insurance'], summary: '记录本人认证 Record a self-authentication', params: ZIdParam, body: z.object({ on: ZDate }) },
    handler: async (req, reply) => {
      const r = await recordSelfAuthentication(ctx(req), req.params.id, req.body.on);
      await platform.audit(req, { action: 'insurance.authentication.self', targetType: 'person', targetId: req.params.id, outcome: 'success', detail: { on: req.body.on } });
      return reply.code(201).send({ recorded: !!r });
    },
  });
}
