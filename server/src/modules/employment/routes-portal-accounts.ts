// HTTP edge of employment on the signed-in portal (portal-accounts.ts): /portal/jobs/* for a
// job seeker's account, /portal/recruit/* for an employer's, /portal/employment/regions for
// both. Each route is declared for one kind of portal account (staff are refused by the guard)
// and answers about the session's subject alone. Every read of personal data is audited.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZApp } from '../../platform/http/types';
import { callerOf, zPage, ZIdParam, ZPageQuery } from '../../platform/http/util';
import type { Platform } from '../../platform/kernel';
import { portalSubjectOf } from '../../platform/portal';
import type { PortalKind } from '../../platform/schema';
import { nameOfOccupation, occupationNames } from './occupations';
import {
  applicationsToMe,
  applyToVacancy,
  candidateCard,
  candidatesFor,
  closeVacancy,
  decideApplication,
  editVacancy,
  myApplications,
  myMatches,
  myProfile,
  myVacancies,
  myVacancy,
  postVacancy,
  saveMyProfile,
  whoViewedMe,
  type PortalCtx,
} from './portal-accounts';
import { ZPlacement, ZScore, ZSeeker, ZSeekerBody, ZVacancy, ZVacancyBody } from './routes-matching';

const ZDate = z.string().max(10);
const iso = (d: Date) => d.toISOString();

const ZOwnProfile = ZSeeker.omit({ groups: true });
const ZOwnProfileBody = ZSeekerBody.omit({ groups: true, status: true }).extend({ status: z.enum(['active', 'paused']).optional(), version: z.number().int().optional() });

/** A placement without the person's identity (the seeker knows it; an employer sees it masked). */
const ZOwnPlacement = ZPlacement.omit({ personId: true, personName: true });

const ZCandidate = z.object({
  seekerId: z.number(),
  maskedName: z.string(),
  ageBand: z.string(),
  countyName: z.string().nullable(),
  education: z.string(),
  skills: z.array(z.string()),
  desiredOccupations: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  availableFrom: z.string().nullable(),
});

export async function portalAccountRoutes(app: ZApp, platform: Platform): Promise<void> {
  const pc = (req: FastifyRequest, kind: PortalKind): PortalCtx => ({ platform, caller: callerOf(req), subjectId: portalSubjectOf(req, kind) });
  const rn = platform.regions.name;
  const profileView = ({ groups: _g, ...s }: Awaited<ReturnType<typeof myProfile>> & object) => ({ ...s, regionName: rn(s.regionCode), updatedAt: iso(s.updatedAt) });
  const vacancyView = async <T extends { regionCode: string; updatedAt: Date; occupationCode: string }>(v: T) => ({ ...v, regionName: rn(v.regionCode), occupationName: nameOfOccupation(await occupationNames(platform.db), v.occupationCode), updatedAt: iso(v.updatedAt) });
  const person = { portal: 'person' as const };
  const employer = { portal: 'employer' as const };

  app.get('/portal/employment/regions', {
    config: { portal: 'any' },
    schema: { tags: ['portal'], summary: '可选工作地点（现行行政区划） Places to choose as a workplace', response: { 200: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), parentCode: z.string().nullable() })) } },
    handler: async () =>
      platform.regions
        .rows()
        .filter((r) => !r.validTo)
        .map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode })),
  });

  // ---- the job seeker (个人求职) --------------------------------------------------------------
  app.get('/portal/jobs/profile', {
    config: person,
    schema: { tags: ['portal'], summary: '我的求职信息 My job-seeker profile', response: { 200: z.object({ profile: ZOwnProfile.nullable() }) } },
    handler: async (req) => {
      const s = await myProfile(pc(req, 'person'));
      if (s) await platform.audit(req, { action: 'employment.portal.profile.read', targetType: 'seeker', targetId: s.id, regionCode: s.regionCode, outcome: 'success' });
      return { profile: s ? profileView(s) : null };
    },
  });

  app.put('/portal/jobs/profile', {
    config: person,
    schema: { tags: ['portal'], summary: '填写或修改我的求职信息 Create or update my job-seeker profile', body: ZOwnProfileBody, response: { 200: z.object({ created: z.boolean(), profile: ZOwnProfile }) } },
    handler: async (req) => {
      const r = await saveMyProfile(pc(req, 'person'), req.body);
      await platform.audit(req, { action: r.created ? 'employment.portal.profile.create' : 'employment.portal.profile.update', targetType: 'seeker', targetId: r.seeker.id, regionCode: r.seeker.regionCode, outcome: 'success' });
      return { created: r.created, profile: profileView(r.seeker) };
    },
  });

  app.get('/portal/jobs/matches', {
    config: person,
    schema: {
      tags: ['portal'],
      summary: '为我推荐的岗位（含理由） Vacancies matching my profile, with reasons',
      response: {
        200: z.object({
          items: z.array(
            z.object({ vacancyId: z.number(), title: z.string(), employerName: z.string(), occupationCode: z.string(), occupationName: z.string().nullable(), regionCode: z.string(), regionName: z.string().nullable(), salaryMin: z.number(), salaryMax: z.number(), expiresOn: z.string(), applied: z.string().nullable(), ...ZScore }),
          ),
        }),
      },
    },
    handler: async (req) => {
      const r = await myMatches(pc(req, 'person'));
      await platform.audit(req, { action: 'employment.portal.matches.read', targetType: 'seeker', targetId: r.seekerId, outcome: 'success', detail: { returned: r.items.length } });
      return { items: r.items };
    },
  });

  app.post('/portal/jobs/applications', {
    config: person,
    schema: {
      tags: ['portal'],
      summary: '申请岗位 Apply to a vacancy',
      body: z.object({ vacancyId: z.number().int().positive(), note: z.string().max(500).nullable().optional() }),
      response: { 201: z.object({ id: z.number(), vacancyId: z.number(), status: z.string(), ...ZScore }) },
    },
    handler: async (req, reply) => {
      const { row, match } = await applyToVacancy(pc(req, 'person'), req.body.vacancyId, req.body.note ?? null);
      await platform.audit(req, { action: 'employment.portal.application.create', targetType: 'placement', targetId: row.id, regionCode: row.regionCode, outcome: 'success', detail: { vacancyId: row.vacancyId, score: row.score } });
      return reply.code(201).send({ id: row.id, vacancyId: row.vacancyId, status: row.status, ...match });
    },
  });

  app.get('/portal/jobs/applications', {
    config: person,
    schema: { tags: ['portal'], summary: '我的申请与结果 My applications and their outcomes', querystring: ZPageQuery.omit({ sort: true }), response: { 200: zPage(ZOwnPlacement) } },
    handler: async (req) => {
      const r = await myApplications(pc(req, 'person'), req.query.page, req.query.pageSize);
      await platform.audit(req, { action: 'employment.portal.applications.read', targetType: 'person', targetId: req.caller?.subjectId ?? null, outcome: 'success', detail: { returned: r.items.length } });
      return { ...r, items: r.items.map((p) => ({ ...p, createdAt: iso(p.createdAt) })) };
    },
  });

  app.get('/portal/jobs/views', {
    config: person,
    schema: {
      tags: ['portal'],
      summary: '谁看过我的求职信息 Who viewed my profile',
      response: { 200: z.array(z.object({ id: z.number(), viewerKind: z.enum(['employer', 'office']), viewer: z.string(), vacancyId: z.number().nullable(), vacancyTitle: z.string().nullable(), viewedAt: z.string() })) },
    },
    handler: async (req) => {
      const rows = await whoViewedMe(pc(req, 'person'));
      await platform.audit(req, { action: 'employment.portal.views.read', targetType: 'person', targetId: req.caller?.subjectId ?? null, outcome: 'success', detail: { returned: rows.length } });
      return rows.map((v) => ({ ...v, viewedAt: iso(v.viewedAt) }));
    },
  });

  // ---- the employer (单位招聘) ---------------------------------------------------------------
  app.get('/portal/recruit/vacancies', {
    config: employer,
    schema: {
      tags: ['portal'],
      summary: '本单位的岗位 My vacancies',
      querystring: ZPageQuery.extend({ status: z.enum(['open', 'filled', 'closed', 'expired']).optional(), q: z.string().max(50).optional() }),
      response: { 200: zPage(ZVacancy) },
    },
    handler: async (req) => {
      const page = await myVacancies(pc(req, 'employer'), req.query);
      return { ...page, items: await Promise.all(page.items.map(vacancyView)) };
    },
  });

  app.post('/portal/recruit/vacancies', {
    config: employer,
    schema: { tags: ['portal'], summary: '发布岗位（与经办发布同样校验与去重） Post a vacancy (the same checks and de-duplication as staff)', body: ZVacancyBody, response: { 201: ZVacancy } },
    handler: async (req, reply) => {
      const c = pc(req, 'employer');
      const row = await postVacancy(c, req.body);
      await platform.audit(req, { action: 'employment.portal.vacancy.create', targetType: 'vacancy', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return reply.code(201).send(await vacancyView(await myVacancy(c, row.id)));
    },
  });

  app.get('/portal/recruit/vacancies/:id', {
    config: employer,
    schema: { tags: ['portal'], summary: '本单位的岗位详情 One of my vacancies', params: ZIdParam, response: { 200: ZVacancy } },
    handler: async (req) => vacancyView(await myVacancy(pc(req, 'employer'), req.params.id)),
  });

  app.put('/portal/recruit/vacancies/:id', {
    config: employer,
    schema: { tags: ['portal'], summary: '修改岗位 Edit a vacancy', params: ZIdParam, body: ZVacancyBody.extend({ status: z.enum(['open', 'closed']).optional(), version: z.number().int() }), response: { 200: ZVacancy } },
    handler: async (req) => {
      const c = pc(req, 'employer');
      const row = await editVacancy(c, req.params.id, req.body);
      await platform.audit(req, { action: 'employment.portal.vacancy.update', targetType: 'vacancy', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return vacancyView(await myVacancy(c, row.id));
    },
  });

  app.post('/portal/recruit/vacancies/:id/close', {
    config: employer,
    schema: { tags: ['portal'], summary: '关闭岗位 Close a vacancy', params: ZIdParam, body: z.object({ version: z.number().int() }), response: { 200: ZVacancy } },
    handler: async (req) => {
      const c = pc(req, 'employer');
      const row = await closeVacancy(c, req.params.id, req.body.version);
      await platform.audit(req, { action: 'employment.portal.vacancy.close', targetType: 'vacancy', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return vacancyView(await myVacancy(c, row.id));
    },
  });

  app.get('/portal/recruit/vacancies/:id/candidates', {
    config: employer,
    schema: {
      tags: ['portal'],
      summary: '岗位的推荐人选（个人信息已脱敏，含理由） Best candidates for my vacancy (masked, with reasons)',
      params: ZIdParam,
      response: { 200: z.object({ items: z.array(ZCandidate.extend(ZScore)) }) },
    },
    handler: async (req) => {
      const items = await candidatesFor(pc(req, 'employer'), req.params.id);
      await platform.audit(req, { action: 'employment.portal.candidates.read', targetType: 'vacancy', targetId: req.params.id, outcome: 'success', detail: { seekerIds: items.map((i) => i.seekerId) } });
      return { items };
    },
  });

  app.get('/portal/recruit/vacancies/:id/candidates/:seekerId', {
    config: employer,
    schema: {
      tags: ['portal'],
      summary: '查看人选（记入对方可见的查看记录） A candidate’s card (logged as a view the seeker sees)',
      params: z.object({ id: z.coerce.number().int().positive(), seekerId: z.coerce.number().int().positive() }),
      response: { 200: ZCandidate.extend({ ...ZScore, placementId: z.number().nullable(), placementStatus: z.string().nullable() }) },
    },
    handler: async (req) => {
      const { card, regionCode } = await candidateCard(pc(req, 'employer'), req.params.id, req.params.seekerId);
      await platform.audit(req, { action: 'employment.portal.candidate.read', targetType: 'seeker', targetId: card.seekerId, regionCode, outcome: 'success', detail: { vacancyId: req.params.id } });
      return card;
    },
  });

  app.get('/portal/recruit/applications', {
    config: employer,
    schema: {
      tags: ['portal'],
      summary: '收到的申请与推荐 Applications and referrals to my vacancies',
      querystring: ZPageQuery.omit({ sort: true }).extend({ vacancyId: z.coerce.number().int().positive().optional(), status: z.enum(['applied', 'interview', 'hired', 'rejected', 'withdrawn']).optional() }),
      response: { 200: zPage(ZOwnPlacement.extend({ maskedName: z.string(), candidate: ZCandidate.nullable() })) },
    },
    handler: async (req) => {
      const r = await applicationsToMe(pc(req, 'employer'), req.query);
      await platform.audit(req, { action: 'employment.portal.applications.read', targetType: 'employer', targetId: req.caller?.subjectId ?? null, outcome: 'success', detail: { placementIds: r.items.map((p) => p.id) } });
      return { ...r, items: r.items.map((p) => ({ ...p, createdAt: iso(p.createdAt) })) };
    },
  });

  app.post('/portal/recruit/applications/:id/outcome', {
    config: employer,
    schema: {
      tags: ['portal'],
      summary: '邀请面试、不录用或录用（录用即办理就业登记） Invite, reject or hire (a hire registers the employment)',
      params: ZIdParam,
      body: z.object({ status: z.enum(['interview', 'rejected', 'hired']), outcomeDate: ZDate.optional(), hasContract: z.boolean().optional(), note: z.string().max(500).nullable().optional(), version: z.number().int() }),
      response: { 200: z.object({ id: z.number(), status: z.string(), outcomeDate: z.string().nullable(), employmentId: z.number().nullable(), version: z.number() }) },
    },
    handler: async (req) => {
      const row = await decideApplication(pc(req, 'employer'), req.params.id, req.body);
      await platform.audit(req, { action: 'employment.portal.placement.outcome', targetType: 'placement', targetId: row.id, regionCode: row.regionCode, outcome: 'success', detail: { status: row.status, employmentId: row.employmentId } });
      return { id: row.id, status: row.status, outcomeDate: row.outcomeDate, employmentId: row.employmentId, version: row.version };
    },
  });
}
