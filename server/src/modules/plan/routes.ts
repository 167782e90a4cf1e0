// HTTP edge of the plan module: zod schemas in and out; rules live in the topic files.
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { ZApp } from '../../platform/http/types';
import { callerOf, sendXlsx } from '../../platform/http/util';
import type { Platform } from '../../platform/kernel';
import { allMeasures } from '../../platform/measures';
import { tileLayout } from '../../platform/regions/tree';
import { evaluateFinalFromValues, evaluatePlan, indicatorMilestones, indicatorRecords, indicatorRegions, planTable } from './evaluation';
import { refreshImportPlans } from './importers';
import { allIndicators, ensureReferencePlans, findIndicator, getPlan, importPlanYaml, listPlans, nextPlanFrom, planToYaml, storePlan } from './plans';
import { latestValues } from './next-plan';
import { createSnapshot, getSnapshot, listSnapshots, snapshotDiff } from './snapshots';
import { bulletinDocx } from './bulletin';
import { importPlanWorkbook } from './table-import';
import { planTableWorkbook, regionTargetsWorkbook, snapshotDiffWorkbook } from './table-export';
import { breakdownChecks, deleteMilestone, deleteRegionTarget, listMilestoneOverrides, listRegionTargets, setMilestone, setRegionTarget } from './targets';
import { actOnValue, getValueView, inbox, listValues, saveValues, submitAll, valueForm, ZValueForm, ZValueView } from './values';

const ZPlanId = z.object({ planId: z.string().min(1).max(60) });
const ZYear = z.coerce.number().int().min(1949).max(2100);
const ZRegion = z.string().regex(/^\d{6}(\d{3})?$/, 'region code of 6 or 9 digits');
const ZBool = z.enum(['true', 'false']).transform((v) => v === 'true');
const ZMessage = z.object({ zh: z.string(), en: z.string() });
const ZStatus = z.enum(['draft', 'submitted', 'reviewed', 'returned', 'approved', 'superseded']);
const ZAnyObject = z.object({}).passthrough();

const ZPlanSummary = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  regionCode: z.string(),
  period: z.object({ start: z.number(), end: z.number() }),
  baseYear: z.number(),
  status: z.enum(['draft', 'active']),
  phase: z.enum(['upcoming', 'active', 'finished']),
  version: z.number(),
  derivedFrom: z.string().nullable(),
  updatedAt: z.string(),
  groups: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string().nullable(), section: z.enum(['table', 'text']), indicators: z.number() })),
  indicators: z.number(),
});


const ZEvalQuery = z.object({ year: ZYear.optional(), regionCode: ZRegion.optional(), refresh: ZBool.optional(), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;
const ZTableImportFields = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/).max(60).optional().or(z.literal('').transform(() => undefined)),
  replace: ZBool.optional(),
  version: z.coerce.number().int().optional(),
});

const ZValueIn = z.object({
  indicatorCode: z.string().max(20),
  value: z.union([z.number(), z.string().max(40)]),
  unit: z.string().max(10).nullable().optional(),
  note: z.string().max(500).nullable().optional(),
});

export async function planRoutes(app: ZApp, platform: Platform): Promise<void> {
  // Plans as data: the reference plans are loaded on first start (idempotent).
  await ensureReferencePlans(platform.db);
  await refreshImportPlans(platform.db);

  const viewer = (req: Parameters<typeof callerOf>[0]) => ({ platform, caller: callerOf(req) });
  // Plans are made by the province (规划由省级制定): plan:manage below it covers targets and reports only.
  const assertProvince = (req: Parameters<typeof callerOf>[0]) => {
    const c = callerOf(req);
    if (!c.scope.all && platform.regions.index.get(c.regionCode)?.level !== 'province') {
      throw new AppError('FORBIDDEN', { zh: '规划由省级制定和修改', en: 'Plans are made and edited by the province' });
    }
    return c;
  };
  const phase = (start: number, end: number) => {
    const y = new Date().getUTCFullYear();
    return y < start ? 'upcoming' : y <= end ? 'active' : 'finished';
  };
  const summary = (r: Awaited<ReturnType<typeof getPlan>>) => ({
    id: r.id,
    title: r.plan.title,
    titleEn: r.plan.titleEn ?? null,
    regionCode: r.plan.region ?? '460000',
    period: r.plan.period,
    baseYear: r.plan.baseYear,
    status: r.status,
    phase: phase(r.plan.period.start, r.plan.period.end) as 'upcoming' | 'active' | 'finished',
    version: r.version,
    derivedFrom: r.derivedFrom,
    updatedAt: r.updatedAt.toISOString(),
    groups: r.plan.groups.map((g) => ({ key: g.key, name: g.name, nameEn: g.nameEn ?? null, section: g.section, indicators: g.indicators.length })),
    indicators: r.plan.groups.reduce((s, g) => s + g.indicators.length, 0),
  });

  // ---- plans ---------------------------------------------------------------------------
  app.get('/plans', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '规划列表 Plans', response: { 200: z.array(ZPlanSummary) } },
    handler: async () => (await listPlans(platform.db)).map(summary),
  });

  app.get('/plans/measures', {
    config: { permission: 'plan:read' },
    schema: {
      tags: ['plan'],
      summary: '已接入的统计口径 Registered measures',
      response: { 200: z.array(z.object({ key: z.string(), name: ZMessage, unit: z.string(), kind: z.enum(['count', 'ratio']), time: z.enum(['flow', 'stock']), definition: ZMessage, hasRecords: z.boolean() })) },
    },
    handler: async () => allMeasures().map((m) => ({ key: m.key, name: m.name, unit: m.unit, kind: m.kind, time: m.time, definition: m.definition, hasRecords: !!m.records })),
  });

  app.get('/regions/layout', {
    config: { permission: 'plan:read' },
    schema: {
      tags: ['plan'],
      summary: '海南市县方块图布局 Tile layout of Hainan',
      response: { 200: z.object({ rows: z.number(), cols: z.number(), tiles: z.array(z.object({ code: z.string(), name: z.string(), shortName: z.string(), row: z.number(), col: z.number() })) }) },
    },
    handler: async () => tileLayout(),
  });

  app.post('/plans/import', {
    config: { permission: 'plan:manage' },
    schema: {
      tags: ['plan'],
      summary: '导入或修改规划（YAML） Create or edit a plan from YAML',
      body: z.object({ yaml: z.string().min(1).max(1_000_000), replace: z.boolean().optional(), version: z.number().int().optional() }),
      response: { 200: ZPlanSummary, 201: ZPlanSummary },
    },
    handler: async (req, reply) => {
      const c = assertProvince(req);
      const { record, created } = await importPlanYaml(platform.db, req.body.yaml, { createdBy: c.userId, replace: req.body.replace, expectedVersion: req.body.version });
      await refreshImportPlans(platform.db);
      await platform.audit(req, { action: created ? 'plan.create' : 'plan.update', targetType: 'plan', targetId: record.id, outcome: 'success', detail: { version: record.version } });
      return reply.code(created ? 201 : 200).send(summary(record));
    },
  });

  // The printed table as .xlsx (multipart: file; id, replace, version as fields).
  app.post('/plans/import/xlsx', {
    config: { permission: 'plan:manage' },
    schema: {
      tags: ['plan'],
      summary: '按印刷表样从 Excel 导入或修改规划 Create or edit a plan from its printed table (.xlsx, multipart: file, id, replace, version)',
      response: { 200: ZPlanSummary, 201: ZPlanSummary },
    },
    handler: async (req, reply) => {
      const c = assertProvince(req);
      const fields: Record<string, string> = {};
      let file: { filename: string; data: Buffer } | null = null;
      for await (const part of req.parts({ limits: { fileSize: MAX_PLAN_FILE_BYTES, files: 1 } })) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          if (part.file.truncated) throw new AppError('BAD_REQUEST', { zh: '规划表文件超过 5 MB', en: 'The plan table is larger than 5 MB' });
          file = { filename: part.filename, data };
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
      if (!file) throw new AppError('VALIDATION', { zh: '请选择规划表文件', en: 'Choose the plan table file' });
      if (!/\.xlsx$/i.test(file.filename)) throw new AppError('FILE_TYPE', { zh: '规划表须为 .xlsx 文件', en: 'The plan table must be an .xlsx file' });
      const opts = ZTableImportFields.safeParse(fields);
      if (!opts.success) throw new AppError('VALIDATION', { fields: opts.error.issues.map((i) => ({ field: i.path.join('.'), zh: '格式不正确', en: i.message })) });
      const { record, created } = await importPlanWorkbook(platform.db, file.data, { filename: file.filename, createdBy: c.userId, id: opts.data.id, replace: opts.data.replace, expectedVersion: opts.data.version });
      await refreshImportPlans(platform.db);
      await platform.audit(req, { action: created ? 'plan.create' : 'plan.update', targetType: 'plan', targetId: record.id, outcome: 'success', detail: { version: record.version, from: file.filename } });
      return reply.code(created ? 201 : 200).send(summary(record));
    },
  });

  app.get('/plans/inbox', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '待办：待审核、待审定、被退回 Approval inbox', querystring: z.object({ planId: z.string().max(60).optional() }), response: { 200: z.array(ZValueView) } },
    handler: async (req) => inbox(viewer(req), req.query.planId),
  });

  app.get('/plans/:planId', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '规划详情（分组与指标） Plan detail', params: ZPlanId, response: { 200: ZPlanSummary.extend({ plan: ZAnyObject }) } },
    handler: async (req) => {
      const r = await getPlan(platform.db, req.params.planId);
      return { ...summary(r), plan: r.plan as unknown as Record<string, unknown> };
    },
  });

  app.get('/plans/:planId/yaml', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '规划文件（YAML） Plan file', params: ZPlanId },
    handler: async (req, reply) => {
      const r = await getPlan(platform.db, req.params.planId);
      return reply.header('content-type', 'text/yaml; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${r.id}.yaml`)}`).send(r.yaml);
    },
  });

  app.get('/plans/:planId/source', {
    config: { permission: 'plan:manage' },
    schema: { tags: ['plan'], summary: '规划文件及版本（供在线编辑） The plan file and its version, for editing', params: ZPlanId, response: { 200: z.object({ id: z.string(), version: z.number(), yaml: z.string() }) } },
    handler: async (req) => {
      const r = await getPlan(platform.db, req.params.planId);
      return { id: r.id, version: r.version, yaml: r.yaml };
    },
  });

  app.post('/plans/:planId/next', {
    config: { permission: 'plan:manage' },
    schema: {
      tags: ['plan'],
      summary: '以本规划为基础新建下一期规划 New plan from this one',
      params: ZPlanId,
      body: z.object({ id: z.string().regex(/^[a-z0-9-]+$/).max(60).optional() }),
      response: { 201: ZPlanSummary },
    },
    handler: async (req, reply) => {
      const c = assertProvince(req);
      const prev = await getPlan(platform.db, req.params.planId);
      const latest = await latestValues({ platform, caller: c }, prev.plan);
      const next = nextPlanFrom(prev.plan, latest, { id: req.body.id });
      const { record } = await storePlan(platform.db, next, planToYaml(next), { createdBy: c.userId, status: 'draft', derivedFrom: prev.id });
      await refreshImportPlans(platform.db);
      await platform.audit(req, { action: 'plan.create', targetType: 'plan', targetId: record.id, outcome: 'success', detail: { from: prev.id } });
      return reply.code(201).send(summary(record));
    },
  });

  // ---- evaluation ----------------------------------------------------------------------
  app.get('/plans/:planId/evaluation', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '规划评估（按地区、年度） Evaluate a plan', params: ZPlanId, querystring: ZEvalQuery, response: { 200: ZAnyObject } },
    handler: async (req) => evaluatePlan(viewer(req), req.params.planId, req.query) as unknown as Record<string, unknown>,
  });

  app.get('/plans/:planId/final', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '总结评估：各指标是否完成 Final evaluation', params: ZPlanId, querystring: z.object({ regionCode: ZRegion.optional() }), response: { 200: ZAnyObject } },
    handler: async (req) => evaluateFinalFromValues(viewer(req), req.params.planId, req.query) as unknown as Record<string, unknown>,
  });

  const ZIndicatorParams = ZPlanId.extend({ code: z.string().max(20) });

  app.get('/plans/:planId/indicators/:code/regions', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '指标下钻：下级地区 Drill down to regions', params: ZIndicatorParams, querystring: ZEvalQuery, response: { 200: ZAnyObject } },
    handler: async (req) => indicatorRegions(viewer(req), req.params.planId, req.params.code, req.query) as unknown as Record<string, unknown>,
  });

  app.get('/plans/:planId/indicators/:code/records', {
    config: { permission: 'plan:read' },
    schema: {
      tags: ['plan'],
      summary: '指标下钻：明细记录 Drill down to records',
      params: ZIndicatorParams,
      querystring: z.object({ year: ZYear, regionCode: ZRegion, page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }),
      response: { 200: ZAnyObject },
    },
    handler: async (req) => {
      const page = await indicatorRecords(viewer(req), req.params.planId, req.params.code, req.query);
      await platform.audit(req, { action: 'plan.records.read', targetType: 'plan_indicator', targetId: `${req.params.planId}/${req.params.code}`, regionCode: req.query.regionCode, outcome: 'success', detail: { year: req.query.year, page: req.query.page, returned: page.items.length } });
      return page as unknown as Record<string, unknown>;
    },
  });

  app.get('/plans/:planId/table', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '规划指标表（按印刷格式，附各年度数据） Plan table', params: ZPlanId, querystring: ZEvalQuery.extend({ includeText: ZBool.optional() }), response: { 200: ZAnyObject } },
    handler: async (req) => planTable(viewer(req), req.params.planId, req.query) as unknown as Record<string, unknown>,
  });

  app.get('/plans/:planId/table/export', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '导出规划指标表 Export the plan table (.xlsx)', params: ZPlanId, querystring: ZEvalQuery.extend({ includeText: ZBool.optional() }) },
    handler: async (req, reply) => {
      const table = await planTable(viewer(req), req.params.planId, req.query);
      await platform.audit(req, { action: 'plan.table.export', targetType: 'plan', targetId: req.params.planId, regionCode: table.regionCode, outcome: 'success' });
      return sendXlsx(reply, `${table.tableTitle ?? table.title}-${table.regionName ?? table.regionCode}.xlsx`, await planTableWorkbook(table));
    },
  });

  // ---- targets and milestones ----------------------------------------------------------
  const ZTargetRow = z.object({
    indicatorCode: z.string(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    value: z.number().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    baselineValue: z.number().nullable(),
    note: z.string().nullable(),
    setByName: z.string(),
    setAt: z.string(),
  });
  const ZTargetFilter = z.object({ indicatorCode: z.string().max(20).optional(), regionCode: ZRegion.optional() });
  // Region filter: the region and every region below it.
  const filterTargets = <T extends { indicatorCode: string; regionCode: string }>(rows: T[], f: z.infer<typeof ZTargetFilter>) =>
    rows.filter((r) => (!f.indicatorCode || r.indicatorCode === f.indicatorCode) && (!f.regionCode || r.regionCode === f.regionCode || platform.regions.index.isWithin(r.regionCode, f.regionCode)));
  const targetView = (r: Awaited<ReturnType<typeof listRegionTargets>>[number]) => ({ ...r, regionName: platform.regions.name(r.regionCode), setAt: r.setAt.toISOString() });

  app.get('/plans/:planId/targets', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '目标分解 Region targets', params: ZPlanId, querystring: ZTargetFilter, response: { 200: z.array(ZTargetRow) } },
    handler: async (req) => {
      await getPlan(platform.db, req.params.planId);
      return filterTargets(await listRegionTargets(platform, req.params.planId), req.query).map(targetView);
    },
  });

  app.get('/plans/:planId/targets/check', {
    config: { permission: 'plan:read' },
    schema: {
      tags: ['plan'],
      summary: '目标分解一致性检查 Do the region targets add up?',
      params: ZPlanId,
      querystring: z.object({ indicatorCode: z.string().max(20).optional() }),
      response: { 200: z.array(z.object({ indicatorCode: z.string(), parentCode: z.string(), parentName: z.string().nullable(), parentTarget: z.number(), comparator: z.string(), sum: z.number(), children: z.array(z.string()), of: z.number(), consistent: z.boolean(), zh: z.string(), en: z.string() })) },
    },
    handler: async (req) => {
      const { plan } = await getPlan(platform.db, req.params.planId);
      const rows = await listRegionTargets(platform, req.params.planId);
      const inds = req.query.indicatorCode ? [findIndicator(plan, req.query.indicatorCode)] : allIndicators(plan).map((x) => x.ind);
      return inds.flatMap((ind) => breakdownChecks(platform.regions.index, plan, ind, rows).map((c) => ({ indicatorCode: ind.code, ...c })));
    },
  });

  app.get('/plans/:planId/targets/export', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '导出目标分解 Export the region targets (.xlsx)', params: ZPlanId, querystring: ZTargetFilter },
    handler: async (req, reply) => {
      const { plan } = await getPlan(platform.db, req.params.planId);
      const rows = filterTargets(await listRegionTargets(platform, req.params.planId), req.query).map(targetView);
      await platform.audit(req, { action: 'plan.targets.export', targetType: 'plan', targetId: plan.id, outcome: 'success' });
      return sendXlsx(reply, `${plan.title}-目标分解.xlsx`, await regionTargetsWorkbook(plan, rows));
    },
  });

  app.put('/plans/:planId/targets', {
    config: { permission: 'plan:manage' },
    schema: {
      tags: ['plan'],
      summary: '设置地区目标 Set a region target',
      params: ZPlanId,
      body: z.object({ indicatorCode: z.string().max(20), regionCode: ZRegion, value: z.number().nullable().optional(), min: z.number().nullable().optional(), max: z.number().nullable().optional(), baselineValue: z.number().nullable().optional(), note: z.string().max(500).nullable().optional() }),
      response: { 200: z.object({ target: ZTargetRow, warnings: z.array(ZMessage) }) },
    },
    handler: async (req) => {
      const { row, warnings } = await setRegionTarget(viewer(req), req.params.planId, req.body);
      await platform.audit(req, { action: 'plan.target.set', targetType: 'plan_target', targetId: `${req.params.planId}/${row.indicatorCode}/${row.regionCode}`, regionCode: row.regionCode, outcome: 'success', detail: { value: row.value, min: row.min, max: row.max } });
      return { target: targetView(row), warnings };
    },
  });

  app.delete('/plans/:planId/targets/:code/:regionCode', {
    config: { permission: 'plan:manage' },
    schema: { tags: ['plan'], summary: '删除地区目标 Remove a region target', params: ZPlanId.extend({ code: z.string().max(20), regionCode: ZRegion }) },
    handler: async (req, reply) => {
      await deleteRegionTarget(viewer(req), req.params.planId, req.params.code, req.params.regionCode);
      await platform.audit(req, { action: 'plan.target.delete', targetType: 'plan_target', targetId: `${req.params.planId}/${req.params.code}/${req.params.regionCode}`, regionCode: req.params.regionCode, outcome: 'success' });
      return reply.code(204).send();
    },
  });

  const ZMilestone = z.object({ indicatorCode: z.string(), regionCode: z.string(), year: z.number(), value: z.number(), reason: z.string(), setByName: z.string(), setAt: z.string() });

  app.get('/plans/:planId/indicators/:code/milestones', {
    config: { permission: 'plan:read' },
    schema: {
      tags: ['plan'],
      summary: '年度节点：推算值与调整 Annual milestones, derived and overridden',
      params: ZIndicatorParams,
      querystring: z.object({ regionCode: ZRegion.optional() }),
      response: { 200: ZAnyObject },
    },
    handler: async (req) => (await indicatorMilestones(viewer(req), req.params.planId, req.params.code, req.query.regionCode)) as unknown as Record<string, unknown>,
  });

  app.get('/plans/:planId/milestones', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '年度节点调整 Milestone overrides', params: ZPlanId, response: { 200: z.array(ZMilestone) } },
    handler: async (req) => {
      await getPlan(platform.db, req.params.planId);
      return (await listMilestoneOverrides(platform, req.params.planId)).map((m) => ({ ...m, setAt: m.setAt.toISOString() }));
    },
  });

  app.put('/plans/:planId/milestones', {
    config: { permission: 'plan:manage' },
    schema: {
      tags: ['plan'],
      summary: '调整年度节点 Override a milestone',
      params: ZPlanId,
      body: z.object({ indicatorCode: z.string().max(20), regionCode: ZRegion, year: z.number().int(), value: z.number(), reason: z.string().max(500) }),
      response: { 200: ZMilestone },
    },
    handler: async (req) => {
      const m = await setMilestone(viewer(req), req.params.planId, req.body);
      await platform.audit(req, { action: 'plan.milestone.set', targetType: 'plan_milestone', targetId: `${req.params.planId}/${m.indicatorCode}/${m.regionCode}/${m.year}`, regionCode: m.regionCode, outcome: 'success', detail: { value: m.value, reason: m.reason } });
      return { ...m, setAt: m.setAt.toISOString() };
    },
  });

  app.delete('/plans/:planId/milestones/:code/:regionCode/:year', {
    config: { permission: 'plan:manage' },
    schema: { tags: ['plan'], summary: '恢复推算的年度节点 Remove a milestone override', params: ZPlanId.extend({ code: z.string().max(20), regionCode: ZRegion, year: ZYear }) },
    handler: async (req, reply) => {
      await deleteMilestone(viewer(req), req.params.planId, req.params.code, req.params.regionCode, req.params.year);
      await platform.audit(req, { action: 'plan.milestone.delete', targetType: 'plan_milestone', targetId: `${req.params.planId}/${req.params.code}/${req.params.regionCode}/${req.params.year}`, regionCode: req.params.regionCode, outcome: 'success' });
      return reply.code(204).send();
    },
  });

  // ---- reported values -----------------------------------------------------------------
  app.get('/plans/:planId/values', {
    config: { permission: 'plan:read' },
    schema: {
      tags: ['plan'],
      summary: '填报数据列表 Reported values',
      params: ZPlanId,
      querystring: z.object({ regionCode: ZRegion.optional(), year: ZYear.optional(), status: ZStatus.optional(), indicatorCode: z.string().max(20).optional() }),
      response: { 200: z.array(ZValueView) },
    },
    handler: async (req) => listValues(viewer(req), req.params.planId, req.query),
  });

  app.get('/plans/:planId/values/form', {
    config: { permission: 'plan:report' },
    schema: { tags: ['plan'], summary: '填报表（按规划表样式） Entry form', params: ZPlanId, querystring: z.object({ regionCode: ZRegion, year: ZYear }), response: { 200: ZValueForm } },
    handler: async (req) => valueForm(viewer(req), req.params.planId, req.query.regionCode, req.query.year),
  });

  app.put('/plans/:planId/values', {
    config: { permission: 'plan:report' },
    schema: {
      tags: ['plan'],
      summary: '保存填报数据（草稿） Save values as drafts',
      params: ZPlanId,
      body: z.object({ regionCode: ZRegion, year: z.number().int(), values: z.array(ZValueIn).min(1).max(200) }),
      response: { 200: z.array(ZValueView) },
    },
    handler: async (req) => {
      const v = viewer(req);
      const ids = await saveValues(v, req.params.planId, req.body);
      await platform.audit(req, { action: 'plan.value.save', targetType: 'plan_value', targetId: ids.join(','), regionCode: req.body.regionCode, outcome: 'success', detail: { year: req.body.year, values: req.body.values.map((x) => ({ code: x.indicatorCode, value: x.value })) } });
      return Promise.all(ids.map((id) => getValueView(v, req.params.planId, id)));
    },
  });

  app.post('/plans/:planId/values/submit', {
    config: { permission: 'plan:report' },
    schema: { tags: ['plan'], summary: '报送一个地区一年的全部草稿 Submit all drafts of a region and year', params: ZPlanId, body: z.object({ regionCode: ZRegion, year: z.number().int() }), response: { 200: z.object({ submitted: z.array(z.number()) }) } },
    handler: async (req) => {
      const ids = await submitAll(viewer(req), req.params.planId, req.body.regionCode, req.body.year);
      await platform.audit(req, { action: 'plan.value.submit', targetType: 'plan_value', targetId: ids.join(','), regionCode: req.body.regionCode, outcome: 'success', detail: { year: req.body.year } });
      return { submitted: ids };
    },
  });

  const ZValueParams = ZPlanId.extend({ id: z.coerce.number().int().positive() });

  app.get('/plans/:planId/values/:id', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '填报数据详情与修订记录 Value with its revisions', params: ZValueParams, response: { 200: ZValueView } },
    handler: async (req) => getValueView(viewer(req), req.params.planId, req.params.id),
  });

  const step = (action: 'submit' | 'review' | 'approve' | 'return' | 'correct', permission: string, summaryText: string, body: z.ZodTypeAny) =>
    app.post(`/plans/:planId/values/:id/${action}`, {
      config: { permission },
      schema: { tags: ['plan'], summary: summaryText, params: ZValueParams, body, response: { 200: ZValueView } },
      handler: async (req) => {
        const b = (req.body ?? {}) as { reason?: string; value?: number | string; unit?: string; version?: number };
        const params = req.params as z.infer<typeof ZValueParams>;
        try {
          const v = await actOnValue(viewer(req), params.planId, params.id, action, b);
          await platform.audit(req, { action: `plan.value.${action}`, targetType: 'plan_value', targetId: params.id, regionCode: v.regionCode, outcome: 'success', detail: { status: v.status, reason: b.reason, value: b.value } });
          return v;
        } catch (e) {
          if (e instanceof AppError && (e.code === 'FORBIDDEN' || e.code === 'OUT_OF_SCOPE')) {
            await platform.audit(req, { action: `plan.value.${action}`, targetType: 'plan_value', targetId: params.id, outcome: 'denied', detail: { code: e.code } });
          }
          throw e;
        }
      },
    });
  const ZVersion = z.object({ version: z.number().int().optional() });
  // The state machine (approval.ts) checks the step's own permission and level; the route
  // only requires that the caller may take part in plan reporting at all.
  step('submit', 'plan:report', '报送 Submit (county)', ZVersion);
  step('review', 'plan:review', '审核通过 Review (city)', ZVersion);
  step('approve', 'plan:approve', '审定 Approve (province)', ZVersion);
  step('return', 'plan:read', '退回（须说明原因） Send back with a reason', ZVersion.extend({ reason: z.string().max(500) }));
  step('correct', 'plan:report', '更正已审定数据（生成新修订） Correct an approved value', ZVersion.extend({ value: z.union([z.number(), z.string().max(40)]), unit: z.string().max(10).optional(), reason: z.string().max(500) }));

  // ---- snapshots and reports -----------------------------------------------------------
  const ZSnapshotParams = ZPlanId.extend({ id: z.coerce.number().int().positive() });

  app.get('/plans/:planId/snapshots', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '已发布的评估 Published snapshots', params: ZPlanId, response: { 200: z.array(ZAnyObject) } },
    handler: async (req) => (await listSnapshots(viewer(req), req.params.planId)) as unknown as Record<string, unknown>[],
  });

  app.post('/plans/:planId/snapshots', {
    config: { permission: 'plan:manage' },
    schema: {
      tags: ['plan'],
      summary: '发布年度通报、中期或总结评估 Publish an evaluation',
      params: ZPlanId,
      body: z.object({ kind: z.enum(['annual', 'midterm', 'final']), year: z.number().int().optional(), regionCode: ZRegion.optional() }),
      response: { 201: ZAnyObject },
    },
    handler: async (req, reply) => {
      const s = await createSnapshot(viewer(req), req.params.planId, req.body);
      await platform.audit(req, { action: 'plan.snapshot.publish', targetType: 'plan_snapshot', targetId: s.id, regionCode: s.regionCode, outcome: 'success', detail: { kind: s.kind, year: s.year } });
      return reply.code(201).send(s as unknown as Record<string, unknown>);
    },
  });

  app.get('/plans/:planId/snapshots/:id', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '已发布的评估 A published snapshot', params: ZSnapshotParams, response: { 200: ZAnyObject } },
    handler: async (req) => (await getSnapshot(viewer(req), req.params.planId, req.params.id, true)) as unknown as Record<string, unknown>,
  });

  app.get('/plans/:planId/snapshots/:id/diff', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '发布后数据的变化 Changes since publication', params: ZSnapshotParams, response: { 200: ZAnyObject } },
    handler: async (req) => (await snapshotDiff(viewer(req), req.params.planId, req.params.id)) as unknown as Record<string, unknown>,
  });

  app.get('/plans/:planId/snapshots/:id/diff/export', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '导出发布后的变化 Export the changes since publication (.xlsx)', params: ZSnapshotParams },
    handler: async (req, reply) => {
      const diff = await snapshotDiff(viewer(req), req.params.planId, req.params.id);
      await platform.audit(req, { action: 'plan.snapshot.diff.export', targetType: 'plan_snapshot', targetId: req.params.id, regionCode: diff.snapshot.regionCode, outcome: 'success' });
      return sendXlsx(reply, `${diff.snapshot.title}-发布后变化.xlsx`, await snapshotDiffWorkbook(diff));
    },
  });

  app.get('/plans/:planId/snapshots/:id/docx', {
    config: { permission: 'plan:read' },
    schema: { tags: ['plan'], summary: '评估报告（.docx） Report as .docx', params: ZSnapshotParams },
    handler: async (req, reply) => {
      const s = await getSnapshot(viewer(req), req.params.planId, req.params.id, true);
      const { filename, buffer } = await bulletinDocx(s);
      await platform.audit(req, { action: 'plan.snapshot.docx', targetType: 'plan_snapshot', targetId: s.id, regionCode: s.regionCode, outcome: 'success' });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(buffer);
    },
  });
}
