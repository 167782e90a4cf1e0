// HTTP edge of matching: seekers, vacancies, two-way matches with reasons, recommendations,
// applications and referrals with outcomes, the profile view log and the fairness report.
import { z } from 'zod';
import type { ZApp } from '../../platform/http/types';
import { callerOf, zPage, ZIdParam, ZPageQuery } from '../../platform/http/util';
import type { Platform } from '../../platform/kernel';
import { difficultyGroupCodes, educationCodes } from './codes';
import type { Ctx } from './context';
import { fairnessReport } from './fairness';
import { matchSeekersForVacancy, matchVacanciesForSeeker } from './matching';
import { nameOfOccupation, occupationNames } from './occupations';
import { createPlacement, getPlacement, listPlacements, recordOutcome } from './placements';
import { createSeeker, createVacancy, getSeeker, getVacancy, listSeekers, listVacancies, logProfileView, profileViews, updateSeeker, updateVacancy } from './profiles';
import { FORMULA, WEIGHTS } from './scoring';

const ZDate = z.string().max(10);
const iso = (d: Date) => d.toISOString();

export const ZReason = z.object({ factor: z.string(), weight: z.number(), value: z.number(), points: z.number(), zh: z.string(), en: z.string() });
export const ZImprove = z.object({ factor: z.string(), gain: z.number(), zh: z.string(), en: z.string() });
export const ZScore = { score: z.number(), reasons: z.array(ZReason), improve: z.array(ZImprove) };

export const ZSeeker = z.object({
  id: z.number(),
  personId: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  desiredOccupations: z.array(z.string()),
  skills: z.array(z.string()),
  desiredRegions: z.array(z.string()),
  salaryMin: z.number().nullable(),
  education: z.string(),
  availableFrom: z.string().nullable(),
  groups: z.array(z.string()),
  status: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZSeekerBody = z.object({
  desiredOccupations: z.array(z.string().max(12)).max(5),
  skills: z.array(z.string().max(30)).max(30),
  desiredRegions: z.array(z.string().max(12)).max(5),
  salaryMin: z.number().int().nullable(),
  education: z.enum(educationCodes),
  availableFrom: ZDate.nullable(),
  groups: z.array(z.enum(difficultyGroupCodes)).max(5).optional(),
  status: z.enum(['active', 'paused', 'closed']).optional(),
});

export const ZVacancy = z.object({
  id: z.number(),
  employerId: z.number(),
  employerName: z.string(),
  title: z.string(),
  occupationCode: z.string(),
  occupationName: z.string().nullable(),
  skills: z.array(z.string()),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  salaryMin: z.number(),
  salaryMax: z.number(),
  education: z.string(),
  headcount: z.number(),
  filled: z.number(),
  expiresOn: z.string(),
  description: z.string(),
  status: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ZVacancyBody = z.object({
  title: z.string().max(60),
  occupationCode: z.string().max(12),
  skills: z.array(z.string().max(30)).max(30),
  regionCode: z.string().max(12).nullable().optional(),
  salaryMin: z.number().int(),
  salaryMax: z.number().int(),
  education: z.enum(educationCodes),
  headcount: z.number().int(),
  expiresOn: ZDate,
  description: z.string().max(2000).optional(),
});

export const ZPlacement = z.object({
  id: z.number(),
  kind: z.string(),
  seekerId: z.number(),
  personId: z.number(),
  personName: z.string(),
  vacancyId: z.number(),
  vacancyTitle: z.string(),
  employerName: z.string(),
  score: z.number(),
  status: z.string(),
  outcomeDate: z.string().nullable(),
  employmentId: z.number().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

export async function matchingRoutes(app: ZApp, platform: Platform): Promise<void> {
  const ctx = (req: { caller: unknown }): Ctx => ({ platform, caller: callerOf(req as never) });
  const rn = platform.regions.name;
  const seekerView = <T extends { regionCode: string; updatedAt: Date }>(s: T) => ({ ...s, regionName: rn(s.regionCode), updatedAt: iso(s.updatedAt) });
  const vacancyView = async <T extends { regionCode: string; updatedAt: Date; occupationCode: string }>(v: T) => ({ ...v, regionName: rn(v.regionCode), occupationName: nameOfOccupation(await occupationNames(platform.db), v.occupationCode), updatedAt: iso(v.updatedAt) });
  const placementView = async (c: Ctx, id: number) => {
    const p = await getPlacement(c, id);
    const page = await listPlacements(c, { seekerId: p.seekerId, vacancyId: p.vacancyId, kind: p.kind, page: 1, pageSize: 1 });
    const v = page.items[0];
    return { ...v, createdAt: iso(v.createdAt) };
  };

  app.get('/employment/matching/formula', {
    config: { permission: 'authenticated', portal: 'any' },
    schema: { tags: ['employment'], summary: '匹配评分公式 The match score formula' },
    handler: async () => ({ weights: WEIGHTS, ...FORMULA }),
  });

  // ---- seekers -------------------------------------------------------------------------
  app.get('/employment/seekers', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '求职登记列表 Job seekers',
      querystring: ZPageQuery.extend({ q: z.string().max(50).optional(), regionCode: z.string().max(12).optional(), status: z.enum(['active', 'paused', 'closed']).optional(), occupation: z.string().max(12).optional(), group: z.enum(difficultyGroupCodes).optional() }),
      response: { 200: zPage(ZSeeker) },
    },
    handler: async (req) => {
      const page = await listSeekers(ctx(req), req.query);
      return { ...page, items: page.items.map(seekerView) };
    },
  });

  app.post('/employment/seekers', {
    config: { permission: 'employment:match' },
    schema: { tags: ['employment'], summary: '求职登记 Create a seeker profile', body: ZSeekerBody.extend({ personId: z.number().int().positive() }), response: { 201: ZSeeker } },
    handler: async (req, reply) => {
      const c = ctx(req);
      const row = await createSeeker(c, req.body);
      await platform.audit(req, { action: 'employment.seeker.create', targetType: 'seeker', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return reply.code(201).send(seekerView(await getSeeker(c, row.id)));
    },
  });

  app.get('/employment/seekers/:id', {
    config: { permission: 'employment:read' },
    schema: { tags: ['employment'], summary: '求职者详情（记入查看记录） Seeker profile (logged as a view)', params: ZIdParam, querystring: z.object({ vacancyId: z.coerce.number().int().positive().optional() }), response: { 200: ZSeeker } },
    handler: async (req) => {
      const c = ctx(req);
      const s = await getSeeker(c, req.params.id);
      await logProfileView(c, s, req.query.vacancyId ?? null);
      await platform.audit(req, { action: 'employment.seeker.read', targetType: 'seeker', targetId: s.id, regionCode: s.regionCode, outcome: 'success' });
      return seekerView(s);
    },
  });

  app.put('/employment/seekers/:id', {
    config: { permission: 'employment:match' },
    schema: { tags: ['employment'], summary: '修改求职登记 Update a seeker profile', params: ZIdParam, body: ZSeekerBody.extend({ version: z.number().int() }), response: { 200: ZSeeker } },
    handler: async (req) => {
      const c = ctx(req);
      const row = await updateSeeker(c, req.params.id, req.body);
      await platform.audit(req, { action: 'employment.seeker.update', targetType: 'seeker', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return seekerView(await getSeeker(c, row.id));
    },
  });

  app.get('/employment/seekers/:id/views', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '谁查看了我的简历 Who viewed the profile',
      params: ZIdParam,
      response: { 200: z.array(z.object({ id: z.number(), viewerName: z.string(), viewerOrg: z.string(), vacancyId: z.number().nullable(), vacancyTitle: z.string().nullable(), viewedAt: z.string() })) },
    },
    handler: async (req) => (await profileViews(ctx(req), req.params.id)).map((v) => ({ ...v, viewedAt: iso(v.viewedAt) })),
  });

  app.get('/employment/seekers/:id/matches', {
    config: { permission: 'employment:match' },
    schema: {
      tags: ['employment'],
      summary: '为求职者匹配岗位 Best vacancies for a seeker',
      params: ZIdParam,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: {
        200: z.object({
          items: z.array(z.object({ vacancyId: z.number(), title: z.string(), employerId: z.number(), employerName: z.string(), occupationCode: z.string(), occupationName: z.string().nullable(), regionCode: z.string(), regionName: z.string().nullable(), salaryMin: z.number(), salaryMax: z.number(), expiresOn: z.string(), ...ZScore })),
          scanned: z.number(),
          tiersUsed: z.array(z.string()),
        }),
      },
    },
    handler: async (req) => {
      const r = await matchVacanciesForSeeker(ctx(req), req.params.id, req.query.limit);
      await platform.audit(req, { action: 'employment.seeker.match', targetType: 'seeker', targetId: req.params.id, outcome: 'success', detail: { returned: r.items.length, scanned: r.scanned } });
      return r;
    },
  });

  // ---- vacancies -----------------------------------------------------------------------
  app.get('/employment/vacancies', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '岗位列表 Vacancies',
      querystring: ZPageQuery.extend({ q: z.string().max(50).optional(), regionCode: z.string().max(12).optional(), employerId: z.coerce.number().int().positive().optional(), status: z.enum(['open', 'filled', 'closed', 'expired']).optional(), occupation: z.string().max(12).optional() }),
      response: { 200: zPage(ZVacancy) },
    },
    handler: async (req) => {
      const page = await listVacancies(ctx(req), req.query);
      return { ...page, items: await Promise.all(page.items.map(vacancyView)) };
    },
  });

  app.post('/employment/vacancies', {
    config: { permission: 'employment:match' },
    schema: { tags: ['employment'], summary: '发布岗位（同单位同岗位去重） Post a vacancy (de-duplicated)', body: ZVacancyBody.extend({ employerId: z.number().int().positive() }), response: { 201: ZVacancy } },
    handler: async (req, reply) => {
      const c = ctx(req);
      const row = await createVacancy(c, req.body);
      await platform.audit(req, { action: 'employment.vacancy.create', targetType: 'vacancy', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return reply.code(201).send(await vacancyView(await getVacancy(c, row.id)));
    },
  });

  app.get('/employment/vacancies/:id', {
    config: { permission: 'employment:read' },
    schema: { tags: ['employment'], summary: '岗位详情 Vacancy', params: ZIdParam, response: { 200: ZVacancy } },
    handler: async (req) => vacancyView(await getVacancy(ctx(req), req.params.id)),
  });

  app.put('/employment/vacancies/:id', {
    config: { permission: 'employment:match' },
    schema: { tags: ['employment'], summary: '修改或关闭岗位 Update or close a vacancy', params: ZIdParam, body: ZVacancyBody.extend({ status: z.enum(['open', 'closed']).optional(), version: z.number().int() }), response: { 200: ZVacancy } },
    handler: async (req) => {
      const c = ctx(req);
      const row = await updateVacancy(c, req.params.id, req.body);
      await platform.audit(req, { action: 'employment.vacancy.update', targetType: 'vacancy', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return vacancyView(await getVacancy(c, row.id));
    },
  });

  app.get('/employment/vacancies/:id/matches', {
    config: { permission: 'employment:match' },
    schema: {
      tags: ['employment'],
      summary: '为岗位匹配求职者（限数据权限内） Best seekers for a vacancy (within scope)',
      params: ZIdParam,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: {
        200: z.object({
          items: z.array(z.object({ seekerId: z.number(), personId: z.number(), name: z.string(), idNumberMasked: z.string(), regionCode: z.string(), regionName: z.string().nullable(), availableFrom: z.string().nullable(), ...ZScore })),
          scanned: z.number(),
          tiersUsed: z.array(z.string()),
        }),
      },
    },
    handler: async (req) => {
      const r = await matchSeekersForVacancy(ctx(req), req.params.id, req.query.limit);
      await platform.audit(req, { action: 'employment.vacancy.match', targetType: 'vacancy', targetId: req.params.id, outcome: 'success', detail: { returned: r.items.length, scanned: r.scanned } });
      return r;
    },
  });

  // ---- recommendations, applications, referrals -----------------------------------------
  app.get('/employment/placements', {
    config: { permission: 'employment:read' },
    schema: {
      tags: ['employment'],
      summary: '推荐、投递与职业介绍 Recommendations, applications, referrals',
      querystring: ZPageQuery.extend({
        seekerId: z.coerce.number().int().positive().optional(),
        vacancyId: z.coerce.number().int().positive().optional(),
        kind: z.enum(['recommendation', 'application', 'referral']).optional(),
        status: z.enum(['proposed', 'applied', 'interview', 'hired', 'rejected', 'withdrawn']).optional(),
      }),
      response: { 200: zPage(ZPlacement) },
    },
    handler: async (req) => {
      const page = await listPlacements(ctx(req), req.query);
      return { ...page, items: page.items.map((p) => ({ ...p, createdAt: iso(p.createdAt) })) };
    },
  });

  app.post('/employment/placements', {
    config: { permission: 'employment:match' },
    schema: {
      tags: ['employment'],
      summary: '推荐、投递或职业介绍 Recommend, apply or refer',
      body: z.object({ kind: z.enum(['recommendation', 'application', 'referral']), seekerId: z.number().int().positive(), vacancyId: z.number().int().positive(), note: z.string().max(500).nullable().optional() }),
      response: { 201: ZPlacement.extend(ZScore) },
    },
    handler: async (req, reply) => {
      const c = ctx(req);
      const { row, match } = await createPlacement(c, req.body);
      await platform.audit(req, { action: `employment.placement.${row.kind}`, targetType: 'placement', targetId: row.id, regionCode: row.regionCode, outcome: 'success', detail: { seekerId: row.seekerId, vacancyId: row.vacancyId, score: row.score } });
      return reply.code(201).send({ ...(await placementView(c, row.id)), ...match });
    },
  });

  app.post('/employment/placements/:id/outcome', {
    config: { permission: 'employment:match' },
    schema: {
      tags: ['employment'],
      summary: '登记结果（录用即办理就业登记） Record the outcome (a hire registers the employment)',
      params: ZIdParam,
      body: z.object({ status: z.enum(['applied', 'interview', 'hired', 'rejected', 'withdrawn']), outcomeDate: ZDate, version: z.number().int(), area: z.enum(['urban', 'rural']).optional(), hasContract: z.boolean().optional(), note: z.string().max(500).nullable().optional() }),
      response: { 200: ZPlacement },
    },
    handler: async (req) => {
      const c = ctx(req);
      const row = await recordOutcome(c, req.params.id, req.body);
      await platform.audit(req, { action: 'employment.placement.outcome', targetType: 'placement', targetId: row.id, regionCode: row.regionCode, outcome: 'success', detail: { status: row.status, employmentId: row.employmentId } });
      return placementView(c, row.id);
    },
  });

  app.get('/employment/fairness', {
    config: { permission: 'employment:read' },
    schema: { tags: ['employment'], summary: '重点群体匹配公平性报告 Fairness report for the plan’s groups', querystring: z.object({ regionCode: z.string().max(12).optional(), from: ZDate.optional(), to: ZDate.optional() }) },
    handler: async (req) => fairnessReport(ctx(req), req.query),
  });
}
