// HTTP edge of the registrations: employment, unemployment (with services and difficulty),
// rural transfers, graduates' destinations, layoff reports. Zod in and out; rules live in
// the topic files.
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { ZApp } from '../../platform/http/types';
import { callerOf, zPage, ZIdParam, ZPageQuery } from '../../platform/http/util';
import type { Platform } from '../../platform/kernel';
import {
  closeReasons,
  difficultyGroupCodes,
  difficultyGroups,
  educationLevels,
  employmentKinds,
  graduateDestinationCodes,
  graduateDestinationList,
  graduateEducation,
  serviceKinds,
  unemploymentReasons,
} from './codes';
import type { Ctx } from './context';
import { addLayoffFollowup, getLayoff, listLayoffs, reportLayoff } from './layoffs';
import { listGraduates, recordGraduate, updateGraduate } from './graduates';
import { majorGroups, mediumGroups, nameOfOccupation, occupationNames } from './occupations';
import { listEmployments, registerEmployment, terminateEmployment } from './registrations';
import { listTransfers, registerTransfer } from './transfers';
import { addService, closeUnemployment, listUnemployment, registerUnemployment, servicesOf, setDifficulty } from './unemployment';

const ZDate = z.string().max(10).describe('YYYY-MM-DD');
const iso = (d: Date) => d.toISOString();
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZEmployment = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  idNumberMasked: z.string(),
  employerId: z.number().nullable(),
  employerName: z.string().nullable(),
  kind: z.enum(['employee', 'self_employed', 'flexible', 'public_welfare']),
  startDate: z.string(),
  endDate: z.string().nullable(),
  terminationReason: z.string().nullable(),
  area: z.enum(['urban', 'rural']),
  newUrban: z.boolean(),
  occupationCode: z.string().nullable(),
  occupationName: z.string().nullable(),
  hasContract: z.boolean(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const ZEmploymentCreate = z.object({
  personId: z.number().int().positive(),
  employerId: z.number().int().positive().nullable().optional(),
  kind: z.enum(['employee', 'self_employed', 'flexible', 'public_welfare']),
  startDate: ZDate,
  endDate: ZDate.nullable().optional(),
  area: z.enum(['urban', 'rural']),
  newUrban: z.boolean().optional(),
  occupationCode: z.string().max(12).nullable().optional(),
  hasContract: z.boolean().optional(),
  reemployment: z.boolean().optional(),
});

const ZEmploymentQuery = ZPageQuery.extend({
  personId: z.coerce.number().int().positive().optional(),
  employerId: z.coerce.number().int().positive().optional(),
  regionCode: z.string().max(12).optional(),
  kind: z.enum(['employee', 'self_employed', 'flexible', 'public_welfare']).optional(),
  open: bool.optional(),
  newUrban: bool.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});

export const ZUnemployment = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  idNumberMasked: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  registeredOn: z.string(),
  urban: z.boolean(),
  reason: z.string(),
  difficulty: z.boolean(),
  difficultySince: z.string().nullable(),
  groups: z.array(z.string()),
  closedOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  reemploymentId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const ZService = z.object({ id: z.number(), unemploymentId: z.number(), kind: z.string(), serviceDate: z.string(), note: z.string().nullable(), createdAt: z.string() });

const ZTransfer = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  idNumberMasked: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  transferDate: z.string(),
  destination: z.string(),
  destinationRegionCode: z.string().nullable(),
  industry: z.string().nullable(),
  occupationCode: z.string().nullable(),
  createdAt: z.string(),
});

const ZGraduate = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  idNumberMasked: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  graduationYear: z.number(),
  school: z.string(),
  education: z.string(),
  destination: z.string(),
  staysInHainan: z.boolean().nullable(),
  recordedOn: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const ZLayoff = z.object({
  id: z.number(),
  employerId: z.number(),
  employerName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  reportedOn: z.string(),
  plannedDate: z.string(),
  plannedCount: z.number(),
  staffCount: z.number(),
  reason: z.string(),
  status: z.string(),
  statutory: z.boolean(),
  updatedAt: z.string(),
  version: z.number(),
});

const ZFollowup = z.object({ id: z.number(), followupDate: z.string(), kind: z.string(), note: z.string(), staffReemployed: z.number().nullable(), actorName: z.string(), createdAt: z.string() });

export async function recordRoutes(app: ZApp, platform: Platform): Promise<void> {
  const ctx = (req: { caller: unknown }): Ctx => ({ platform, caller: callerOf(req as never) });
  const rn = platform.regions.name;

  async function employmentViews(c: Ctx, q: Parameters<typeof listEmployments>[1]) {
    const page = await listEmployments(c, q);
    const names = await occupationNames(platform.db);
    return {
      ...page,
      items: page.items.map((r) => ({ ...r, regionName: rn(r.regionCode), occupationName: nameOfOccupation(names, r.occupationCode), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) })),
    };
  }
  async function oneEmployment(c: Ctx, id: number) {
    const page = await employmentViews(c, { id, page: 1, pageSize: 1 });
    if (!page.items[0]) throw new AppError('NOT_FOUND');
    return page.items[0];
  }
  async function unemploymentViews(c: Ctx, q: Parameters<typeof listUnemployment>[1]) {
    const page = await listUnemployment(c, q);
    return { ...page, items: page.items.map((r) => ({ ...r, regionName: rn(r.regionCode), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) })) };
  }
  async function oneUnemployment(c: Ctx, id: number) {
    const page = await unemploymentViews(c, { id, page: 1, pageSize: 1 });
    if (!page.items[0]) throw new AppError('NOT_FOUND');
    return page.items[0];
  }

  app.get('/employment/codes', {
    config: { permission: 'authenticated', portal: 'any' },
    schema: { tags: ['employment'], summary: '就业代码表 Employment code lists' },
    handler: async () => ({
      employmentKinds,
      difficultyGroups,
      unemploymentReasons,
      closeReasons,
      serviceKinds,
      educationLevels,
      graduateDestinations: graduateDestinationList,
      occupationGroups: { major: majorGroups, medium: mediumGroups },
    }),
  });

  app.get('/employment/occupations', {
    config: { permission: 'authenticated', portal: 'any' },
    schema: {
      tags: ['employment'],
      summary: '职业分类（大类、中类与已导入职业） Occupation classification',
      querystring: z.object({ q: z.string().max(40).optional(), prefix: z.string().max(12).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
    },
    handler: async (req) => {
      const names = await occupationNames(platform.db);
      const all = [
        ...majorGroups.map((g) => ({ code: g.code, name: g.name, level: 'major', digital: false, green: false })),
        ...mediumGroups.map((g) => ({ code: g.code, name: g.name, level: 'medium', digital: false, green: false })),
        ...[...names.entries()].map(([code, o]) => ({ code, name: o.name, level: 'occupation', digital: o.digital, green: o.green })),
      ];
      const { q, prefix, limit } = req.query;
      return all
        .filter((o) => (!prefix || o.code.startsWith(prefix)) && (!q || o.name.includes(q) || o.code.startsWith(q)))
        .sort((a, b) => a.code.localeCompare(b.code))
        .slice(0, limit);
    },
  });

  // ---- 就业登记 ---------------------------------------------------------------------------
  app.get('/employment/registrations', {
    config: { permission: 'employment:read' },
    schema: { tags: ['employment'], summary: '就业登记列表 Employment registrations', querystring: ZEmploymentQuery, response: { 200: zPage(ZEmployment) } },
    handler: async (req) => employmentViews(ctx(req), req.query),
  });

  app.post('/employment/registrations', {
    config: { permission: 'employment:write' },
    schema: { tags: ['employment'], summary: '就业登记 Register an employment', body: ZEmploymentCreate, response: { 201: ZEmployment.extend({ closedUnemploymentId: z.number().nullable(), householdChanged: z.array(z.number()) }) } },
    handler: async (req, reply) => {
      const c = ctx(req);
      const r = await registerEmployment(c, req.body);
      await platform.audit(req, { action: 'employment.registration.create', targetType: 'employment_registration', targetId: r.row.id, regionCode: r.row.regionCode, outcome: 'success', detail: { personId: r.row.personId, closedUnemploymentId: r.closedUnemploymentId, householdChanged: r.householdChanged } });
      return reply.code(201).send({ ...(await oneEmployment(c, r.row.id)), closedUnemploymentId: r.closedUnemploymentId, householdChanged: r.householdChanged });
    },
  });

  app.get('/employment/registrations/:id', {
    config: { permission: 'employment:read' },
    schema: { tags: ['employment'], summary: '就业登记详情 Employment registration', params: ZIdParam, response: { 200: ZEmployment } },
    handler: async (req) => {
      const v = await oneEmployment(ctx(req), req.params.id);
      await platform.audit(req, { action: 'employment.registration.read', targetType: 'employment_registration', targetId: v.id, regionCode: v.regionCode, outcome: 'success' });
      return v;
    },
  });

  app.post('/employment/registrations/:id/terminate', {
    config: { permission: 'employment:write' },
    schema: {
      tags: ['employment'],
      summary: '就业终止 Terminate an employment',
      params: ZIdParam,
      body: z.object({ endDate: ZDate, reason: z.string().max(200), version: z.number().int() }),
      response: { 200: ZEmployment.extend({ householdChanged: z.array(z.number()) }) },
    },
    handler: async (req) => {
      const c = ctx(req);
      const r = await terminateEmployment(c, req.params.id, req.body);
      await platform.audit(req, { action: 'employment.registration.terminate', targetType: 'employment_registration', targetId: r.row.id, regionCode: r.row.regionCode, outcome: 'success', detail: { endDate: r.row.endDate, householdChanged: r.householdChanged } });
      return { ...(await oneEmployment(c, r.row.id)), householdChanged: r.householdChanged };
    },
  });

  // ---- 失业登记 ---------------------------------------------------------------------------
  app.get('/employment/unemployment', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '失业登记列表 Unemployment registrations',
      querystring: ZPageQuery.extend({
        personId: z.coerce.number().int().positive().optional(),
        regionCode: z.string().max(12).optional(),
        open: bool.optional(),
        difficulty: bool.optional(),
        group: z.enum(difficultyGroupCodes).optional(),
        from: ZDate.optional(),
        to: ZDate.optional(),
      }),
      response: { 200: zPage(ZUnemployment) },
    },
    handler: async (req) => unemploymentViews(ctx(req), req.query),
  });

  app.post('/employment/unemployment', {
    config: { permission: 'employment:write' },
    schema: {
      tags: ['employment'],
      summary: '失业登记 Register unemployment',
      body: z.object({
        personId: z.number().int().positive(),
        registeredOn: ZDate,
        urban: z.boolean().optional(),
        reason: z.enum(unemploymentReasons.map((r) => r.code) as [string, ...string[]]),
        difficulty: z.boolean().optional(),
        difficultySince: ZDate.nullable().optional(),
        groups: z.array(z.enum(difficultyGroupCodes)).max(5).optional(),
      }),
      response: { 201: ZUnemployment },
    },
    handler: async (req, reply) => {
      const c = ctx(req);
      const row = await registerUnemployment(c, req.body);
      await platform.audit(req, { action: 'employment.unemployment.create', targetType: 'unemployment_registration', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return reply.code(201).send(await oneUnemployment(c, row.id));
    },
  });

  app.get('/employment/unemployment/:id', {
    config: { permission: 'employment:read' },
    schema: { tags: ['employment'], summary: '失业登记详情（含服务记录） Unemployment registration with services', params: ZIdParam, response: { 200: ZUnemployment.extend({ services: z.array(ZService) }) } },
    handler: async (req) => {
      const c = ctx(req);
      const v = await oneUnemployment(c, req.params.id);
      const services = (await servicesOf(c, v.id)).map((s) => ({ ...s, createdAt: iso(s.createdAt) }));
      await platform.audit(req, { action: 'employment.unemployment.read', targetType: 'unemployment_registration', targetId: v.id, regionCode: v.regionCode, outcome: 'success' });
      return { ...v, services };
    },
  });

  app.post('/employment/unemployment/:id/services', {
    config: { permission: 'employment:write' },
    schema: {
      tags: ['employment'],
      summary: '登记就业服务 Record a service received',
      params: ZIdParam,
      body: z.object({ kind: z.enum(['job_introduction', 'guidance', 'training_referral']), serviceDate: ZDate, note: z.string().max(500).nullable().optional() }),
      response: { 201: ZService },
    },
    handler: async (req, reply) => {
      const s = await addService(ctx(req), req.params.id, req.body);
      await platform.audit(req, { action: 'employment.unemployment.service', targetType: 'unemployment_registration', targetId: s.unemploymentId, regionCode: s.regionCode, outcome: 'success', detail: { kind: s.kind } });
      return reply.code(201).send({ ...s, createdAt: iso(s.createdAt) });
    },
  });

  app.post('/employment/unemployment/:id/close', {
    config: { permission: 'employment:write' },
    schema: {
      tags: ['employment'],
      summary: '结束失业登记（非再就业） Close a registration (not re-employment)',
      params: ZIdParam,
      body: z.object({ closedOn: ZDate, reason: z.enum(['reemployed', 'moved_away', 'retired', 'enrolled', 'deregistered', 'other']), version: z.number().int() }),
      response: { 200: ZUnemployment },
    },
    handler: async (req) => {
      const c = ctx(req);
      const row = await closeUnemployment(c, req.params.id, req.body);
      await platform.audit(req, { action: 'employment.unemployment.close', targetType: 'unemployment_registration', targetId: row.id, regionCode: row.regionCode, outcome: 'success', detail: { reason: row.closedReason } });
      return oneUnemployment(c, row.id);
    },
  });

  app.put('/employment/unemployment/:id/difficulty', {
    config: { permission: 'employment:write' },
    schema: {
      tags: ['employment'],
      summary: '就业困难人员认定 Employment-difficulty status',
      params: ZIdParam,
      body: z.object({ difficulty: z.boolean(), since: ZDate.nullable().optional(), groups: z.array(z.enum(difficultyGroupCodes)).max(5).optional(), version: z.number().int() }),
      response: { 200: ZUnemployment },
    },
    handler: async (req) => {
      const c = ctx(req);
      const row = await setDifficulty(c, req.params.id, req.body);
      await platform.audit(req, { action: 'employment.unemployment.difficulty', targetType: 'unemployment_registration', targetId: row.id, regionCode: row.regionCode, outcome: 'success', detail: { difficulty: row.difficulty, groups: row.groups } });
      return oneUnemployment(c, row.id);
    },
  });

  // ---- 农村劳动力转移就业 ------------------------------------------------------------------
  const transferViews = async (c: Ctx, q: Parameters<typeof listTransfers>[1]) => {
    const page = await listTransfers(c, q);
    return { ...page, items: page.items.map((r) => ({ ...r, regionName: rn(r.regionCode), createdAt: iso(r.createdAt) })) };
  };
  app.get('/employment/transfers', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '农村劳动力转移就业列表 Rural labour transfers',
      querystring: ZPageQuery.extend({ regionCode: z.string().max(12).optional(), personId: z.coerce.number().int().positive().optional(), from: ZDate.optional(), to: ZDate.optional() }),
      response: { 200: zPage(ZTransfer) },
    },
    handler: async (req) => transferViews(ctx(req), req.query),
  });

  app.post('/employment/transfers', {
    config: { permission: 'employment:write' },
    schema: {
      tags: ['employment'],
      summary: '登记农村劳动力转移就业 Register a rural labour transfer',
      body: z.object({
        personId: z.number().int().positive(),
        transferDate: ZDate,
        destination: z.enum(['in_county', 'in_province', 'out_of_province']),
        destinationRegionCode: z.string().max(12).nullable().optional(),
        industry: z.string().max(2).nullable().optional(),
        occupationCode: z.string().max(12).nullable().optional(),
      }),
      response: { 201: ZTransfer },
    },
    handler: async (req, reply) => {
      const c = ctx(req);
      const row = await registerTransfer(c, req.body);
      await platform.audit(req, { action: 'employment.transfer.create', targetType: 'rural_transfer', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      const page = await transferViews(c, { id: row.id, page: 1, pageSize: 1 });
      return reply.code(201).send(page.items[0]);
    },
  });

  // ---- 高校毕业生去向 ----------------------------------------------------------------------
  const graduateViews = async (c: Ctx, q: Parameters<typeof listGraduates>[1]) => {
    const page = await listGraduates(c, q);
    return { ...page, items: page.items.map((r) => ({ ...r, regionName: rn(r.regionCode), updatedAt: iso(r.updatedAt) })) };
  };
  const ZGraduateBody = z.object({
    school: z.string().max(100),
    education: z.enum(graduateEducation),
    destination: z.enum(graduateDestinationCodes),
    staysInHainan: z.boolean().nullable().optional(),
    recordedOn: ZDate,
  });
  app.get('/employment/graduates', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '高校毕业生去向列表 Graduates’ destinations',
      querystring: ZPageQuery.extend({ regionCode: z.string().max(12).optional(), graduationYear: z.coerce.number().int().optional(), destination: z.enum(graduateDestinationCodes).optional() }),
      response: { 200: zPage(ZGraduate) },
    },
    handler: async (req) => graduateViews(ctx(req), req.query),
  });

  app.post('/employment/graduates', {
    config: { permission: 'employment:write' },
    schema: { tags: ['employment'], summary: '登记毕业去向 Record a graduate’s destination', body: ZGraduateBody.extend({ personId: z.number().int().positive(), graduationYear: z.number().int() }), response: { 201: ZGraduate } },
    handler: async (req, reply) => {
      const c = ctx(req);
      const row = await recordGraduate(c, req.body);
      await platform.audit(req, { action: 'employment.graduate.create', targetType: 'graduate_destination', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return reply.code(201).send((await graduateViews(c, { id: row.id, page: 1, pageSize: 1 })).items[0]);
    },
  });

  app.put('/employment/graduates/:id', {
    config: { permission: 'employment:write' },
    schema: { tags: ['employment'], summary: '修改毕业去向 Update a graduate’s destination', params: ZIdParam, body: ZGraduateBody.extend({ version: z.number().int() }), response: { 200: ZGraduate } },
    handler: async (req) => {
      const c = ctx(req);
      const row = await updateGraduate(c, req.params.id, req.body);
      await platform.audit(req, { action: 'employment.graduate.update', targetType: 'graduate_destination', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return (await graduateViews(c, { id: row.id, page: 1, pageSize: 1 })).items[0];
    },
  });

  // ---- 规模性裁员 --------------------------------------------------------------------------
  const layoffView = <T extends { regionCode: string; updatedAt: Date }>(r: T) => ({ ...r, regionName: rn(r.regionCode), updatedAt: iso(r.updatedAt) });
  app.get('/employment/layoffs', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '裁员报告列表 Layoff reports',
      querystring: ZPageQuery.extend({ regionCode: z.string().max(12).optional(), status: z.enum(['reported', 'following_up', 'closed']).optional() }),
      response: { 200: zPage(ZLayoff) },
    },
    handler: async (req) => {
      const page = await listLayoffs(ctx(req), req.query);
      return { ...page, items: page.items.map(layoffView) };
    },
  });

  app.post('/employment/layoffs', {
    config: { permission: 'employment:write' },
    schema: {
      tags: ['employment'],
      summary: '登记裁员报告 Record a layoff report',
      body: z.object({ employerId: z.number().int().positive(), reportedOn: ZDate, plannedDate: ZDate, plannedCount: z.number().int(), staffCount: z.number().int(), reason: z.string().max(500) }),
      response: { 201: ZLayoff },
    },
    handler: async (req, reply) => {
      const c = ctx(req);
      const row = await reportLayoff(c, req.body);
      await platform.audit(req, { action: 'employment.layoff.create', targetType: 'layoff_report', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      const { followups: _f, ...v } = await getLayoff(c, row.id);
      return reply.code(201).send(layoffView(v));
    },
  });

  app.get('/employment/layoffs/:id', {
    config: { permission: 'employment:read' },
    schema: { tags: ['employment'], summary: '裁员报告详情 Layoff report', params: ZIdParam, response: { 200: ZLayoff.extend({ followups: z.array(ZFollowup) }) } },
    handler: async (req) => {
      const r = await getLayoff(ctx(req), req.params.id);
      return { ...layoffView(r), followups: r.followups.map((f) => ({ ...f, createdAt: iso(f.createdAt) })) };
    },
  });

  app.post('/employment/layoffs/:id/followups', {
    config: { permission: 'employment:write' },
    schema: {
      tags: ['employment'],
      summary: '裁员跟进记录 Add a follow-up',
      params: ZIdParam,
      body: z.object({ followupDate: ZDate, kind: z.enum(['visit', 'call', 'policy', 'reemployment_service', 'note']), note: z.string().max(1000), staffReemployed: z.number().int().nullable().optional(), close: z.boolean().optional() }),
      response: { 201: ZFollowup },
    },
    handler: async (req, reply) => {
      const f = await addLayoffFollowup(ctx(req), req.params.id, req.body);
      await platform.audit(req, { action: 'employment.layoff.followup', targetType: 'layoff_report', targetId: req.params.id, regionCode: f.regionCode, outcome: 'success' });
      return reply.code(201).send({ ...f, createdAt: iso(f.createdAt) });
    },
  });
}

