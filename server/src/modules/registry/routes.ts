// HTTP edge of the registry: zod schemas in and out; rules live in persons.ts / employers.ts.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { maskName } from '../../platform/crypto';
import type { ZApp } from '../../platform/http/types';
import { exportSheet } from '../../platform/http/export';
import { callerOf, sendXlsx, ZIdParam, zPage, ZPageQuery } from '../../platform/http/util';
import { auditQuery } from '../../platform/audit';
import type { Platform } from '../../platform/kernel';
import { industries, ownerships, sizes } from './codes';
import { createEmployer, employerConditions, employerView, getEmployerRow, listEmployers, updateEmployer } from './employers';
import { createPerson, entityHistory, flagKeys, getPersonRow, listPersons, personConditions, personView, unmaskPerson, updatePerson } from './persons';
import { employers, persons } from './schema';

const ZFlags = z.object({
  disability: z.boolean(),
  veteran: z.boolean(),
  zeroEmploymentHousehold: z.boolean(),
  lowIncomeHousehold: z.boolean(),
});

export const ZPerson = z.object({
  id: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  gender: z.enum(['M', 'F']),
  birthDate: z.string(),
  hukouType: z.enum(['urban', 'rural']),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  householdId: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  flags: ZFlags,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const ZPersonQuery = ZPageQuery.extend({
  q: z.string().max(50).optional(),
  idNumber: z.string().max(18).optional(),
  regionCode: z.string().max(12).optional(),
  hukouType: z.enum(['urban', 'rural']).optional(),
  gender: z.enum(['M', 'F']).optional(),
  flag: z.enum(flagKeys).optional(),
});

const ZPersonCreate = z.object({
  idNumber: z.string().max(20),
  name: z.string().max(50),
  hukouType: z.enum(['urban', 'rural']),
  regionCode: z.string().max(12),
  phone: z.string().max(20).nullable().optional(),
  householdId: z.string().max(40).nullable().optional(),
  flags: ZFlags.partial().optional(),
});

const ZPersonUpdate = ZPersonCreate.omit({ idNumber: true }).partial().extend({ version: z.number().int() });

export const ZEmployer = z.object({
  id: z.number(),
  uscc: z.string(),
  name: z.string(),
  industry: z.string(),
  industryName: z.string(),
  ownership: z.string(),
  ownershipName: z.string(),
  size: z.string(),
  sizeName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const ZEmployerQuery = ZPageQuery.extend({
  q: z.string().max(100).optional(),
  uscc: z.string().max(18).optional(),
  regionCode: z.string().max(12).optional(),
  industry: z.string().max(2).optional(),
  ownership: z.string().max(30).optional(),
  size: z.enum(['large', 'medium', 'small', 'micro']).optional(),
});

const ZEmployerCreate = z.object({
  uscc: z.string().max(20),
  name: z.string().max(100),
  industry: z.string().max(30),
  ownership: z.string().max(30),
  size: z.string().max(10),
  regionCode: z.string().max(12),
});

const ZHistory = z.array(z.object({ at: z.string(), actorName: z.string(), action: z.string(), changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })) }));

export async function registryRoutes(app: ZApp, platform: Platform): Promise<void> {
  const ctx = (req: { caller: unknown }) => ({ platform, caller: callerOf(req as never) });

  // ---- persons ------------------------------------------------------------------------
  app.get('/registry/persons', {
    config: { permission: 'registry:person:read' },
    schema: { tags: ['registry'], summary: '人员列表 List persons', querystring: ZPersonQuery, response: { 200: zPage(ZPerson) } },
    handler: async (req) => {
      const page = await listPersons(ctx(req), req.query);
      await platform.audit(req, { action: 'registry.person.list', targetType: 'person', outcome: 'success', detail: { query: auditQuery(req.query), returned: page.items.length, total: page.total } });
      return page;
    },
  });

  app.get('/registry/persons/export', {
    config: { permission: 'registry:person:export' },
    schema: { tags: ['registry'], summary: '导出人员（脱敏） Export persons (masked)', querystring: ZPersonQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      const c = ctx(req);
      const where = personConditions(c, req.query);
      const yn = (b: boolean) => (b ? '是' : '否');
      const { buffer, rows } = await exportSheet(
        '人员',
        [
          { header: '姓名', key: 'name', width: 12 },
          { header: '身份证号（脱敏）', key: 'idNumberMasked', width: 22 },
          { header: '性别', key: 'gender', width: 6 },
          { header: '出生日期', key: 'birthDate', width: 12 },
          { header: '户口性质', key: 'hukou', width: 10 },
          { header: '户籍地区代码', key: 'regionCode', width: 14 },
          { header: '户籍地区', key: 'regionName', width: 14 },
          { header: '手机号（脱敏）', key: 'phoneMasked', width: 14 },
          { header: '残疾人', key: 'disability', width: 8 },
          { header: '退役军人', key: 'veteran', width: 8 },
          { header: '零就业家庭', key: 'zero', width: 10 },
          { header: '低保家庭', key: 'low', width: 8 },
        ],
        (limit) => platform.db.select().from(persons).where(where).orderBy(persons.id).limit(limit),
        (r) => {
          const v = personView(r, platform.regions.name);
          return {
            ...v,
            gender: v.gender === 'M' ? '男' : '女',
            hukou: v.hukouType === 'urban' ? '城镇' : '农村',
            disability: yn(v.flags.disability),
            veteran: yn(v.flags.veteran),
            zero: yn(v.flags.zeroEmploymentHousehold),
            low: yn(v.flags.lowIncomeHousehold),
          };
        },
      );
      await platform.audit(req, { action: 'registry.person.export', targetType: 'person', outcome: 'success', detail: { query: auditQuery(req.query), rows } });
      return sendXlsx(reply, `人员-${new Date().toISOString().slice(0, 10)}.xlsx`, buffer);
    },
  });

  app.post('/registry/persons', {
    config: { permission: 'registry:person:write' },
    schema: { tags: ['registry'], summary: '登记人员 Create a person', body: ZPersonCreate, response: { 201: ZPerson } },
    handler: async (req, reply) => {
      const p = await createPerson(ctx(req), req.body);
      await platform.audit(req, { action: 'registry.person.create', targetType: 'person', targetId: p.id, regionCode: p.regionCode, outcome: 'success' });
      return reply.code(201).send(personView(p, platform.regions.name));
    },
  });

  app.get('/registry/persons/:id', {
    config: { permission: 'registry:person:read' },
    schema: { tags: ['registry'], summary: '人员详情 Person detail', params: ZIdParam, response: { 200: ZPerson } },
    handler: async (req) => {
      const p = await getPersonRow(ctx(req), req.params.id);
      await platform.audit(req, { action: 'registry.person.read', targetType: 'person', targetId: p.id, regionCode: p.regionCode, outcome: 'success' });
      return personView(p, platform.regions.name);
    },
  });

  app.put('/registry/persons/:id', {
    config: { permission: 'registry:person:write' },
    schema: { tags: ['registry'], summary: '修改人员 Update a person', params: ZIdParam, body: ZPersonUpdate, response: { 200: ZPerson } },
    handler: async (req) => {
      const p = await updatePerson(ctx(req), req.params.id, req.body);
      await platform.audit(req, { action: 'registry.person.update', targetType: 'person', targetId: p.id, regionCode: p.regionCode, outcome: 'success' });
      return personView(p, platform.regions.name);
    },
  });

  app.post('/registry/persons/:id/unmask', {
    config: { permission: 'registry:person:unmask' },
    schema: { tags: ['registry'], summary: '查看完整证件号与手机号（审计） Unmask (audited)', params: ZIdParam, response: { 200: z.object({ idNumber: z.string(), phone: z.string().nullable() }) } },
    handler: async (req) => {
      const r = await unmaskPerson(ctx(req), req.params.id);
      await platform.audit(req, { action: 'registry.person.unmask', targetType: 'person', targetId: req.params.id, outcome: 'success', detail: { fields: ['idNumber', 'phone'] } });
      return r;
    },
  });

  app.get('/registry/persons/:id/history', {
    config: { permission: 'registry:person:read' },
    schema: { tags: ['registry'], summary: '人员变更历史 Person history', params: ZIdParam, response: { 200: ZHistory } },
    handler: async (req) => {
      const c = ctx(req);
      await getPersonRow(c, req.params.id);
      return entityHistory(c, 'person', req.params.id);
    },
  });

  // ---- portal accounts (issued at a window after checking the ID card or licence) -------
  const ZActivation = z.object({ code: z.string(), expiresAt: z.string(), accountExists: z.boolean(), displayName: z.string() });
  const issue = async (req: FastifyRequest, kind: 'person' | 'employer', row: { id: number; regionCode: string }, identifier: string, displayName: string) => {
    const r = await platform.portal.issue({ kind, subjectId: row.id, identifier, regionCode: row.regionCode, displayName, issuedBy: callerOf(req).userId });
    await platform.audit(req, { action: `registry.${kind}.portal-activation`, targetType: kind, targetId: row.id, regionCode: row.regionCode, outcome: 'success', detail: { accountExists: r.accountExists } });
    return { code: r.code, expiresAt: r.expiresAt.toISOString(), accountExists: r.accountExists, displayName };
  };

  app.post('/registry/persons/:id/portal-activation', {
    config: { permission: 'registry:person:write' },
    schema: {
      tags: ['registry'],
      summary: '发放个人网上账户激活码（核验身份证后） Issue a portal activation code to a person (after checking the ID card)',
      params: ZIdParam,
      response: { 200: ZActivation },
    },
    handler: async (req) => {
      const p = await getPersonRow(ctx(req), req.params.id);
      return issue(req, 'person', p, platform.crypto.decrypt(p.idCipher), maskName(p.name));
    },
  });

  app.post('/registry/employers/:id/portal-activation', {
    config: { permission: 'registry:employer:write' },
    schema: {
      tags: ['registry'],
      summary: '发放单位网上账户激活码（核验执照与授权书后） Issue a portal activation code to an employer',
      params: ZIdParam,
      response: { 200: ZActivation },
    },
    handler: async (req) => {
      const e = await getEmployerRow(ctx(req), req.params.id);
      return issue(req, 'employer', e, e.uscc, e.name);
    },
  });

  // ---- employers ----------------------------------------------------------------------
  const ZCode = z.object({ code: z.string(), name: z.string() });
  app.get('/registry/codes', {
    config: { permission: 'authenticated' },
    schema: { tags: ['registry'], summary: '单位代码表 Employer code lists', response: { 200: z.object({ industries: z.array(ZCode), ownerships: z.array(ZCode), sizes: z.array(ZCode) }) } },
    handler: async () => ({ industries, ownerships, sizes }),
  });

  app.get('/registry/employers', {
    config: { permission: 'registry:employer:read' },
    schema: { tags: ['registry'], summary: '用人单位列表 List employers', querystring: ZEmployerQuery, response: { 200: zPage(ZEmployer) } },
    handler: async (req) => listEmployers(ctx(req), req.query),
  });

  app.get('/registry/employers/export', {
    config: { permission: 'registry:employer:export' },
    schema: { tags: ['registry'], summary: '导出用人单位 Export employers', querystring: ZEmployerQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      const where = employerConditions(ctx(req), req.query);
      const { buffer, rows } = await exportSheet(
        '用人单位',
        [
          { header: '统一社会信用代码', key: 'uscc', width: 22 },
          { header: '单位名称', key: 'name', width: 30 },
          { header: '行业门类', key: 'industryName', width: 24 },
          { header: '经济类型', key: 'ownershipName', width: 14 },
          { header: '企业规模', key: 'sizeName', width: 8 },
          { header: '地区代码', key: 'regionCode', width: 12 },
          { header: '地区', key: 'regionName', width: 12 },
        ],
        (limit) => platform.db.select().from(employers).where(where).orderBy(employers.id).limit(limit),
        (r) => employerView(r, platform.regions.name),
      );
      await platform.audit(req, { action: 'registry.employer.export', targetType: 'employer', outcome: 'success', detail: { query: auditQuery(req.query), rows } });
      return sendXlsx(reply, `用人单位-${new Date().toISOString().slice(0, 10)}.xlsx`, buffer);
    },
  });

  app.post('/registry/employers', {
    config: { permission: 'registry:employer:write' },
    schema: { tags: ['registry'], summary: '登记用人单位 Create an employer', body: ZEmployerCreate, response: { 201: ZEmployer.extend({ warnings: z.array(z.object({ field: z.string(), zh: z.string(), en: z.string() })) }) } },
    handler: async (req, reply) => {
      const { row, warnings } = await createEmployer(ctx(req), req.body);
      await platform.audit(req, { action: 'registry.employer.create', targetType: 'employer', targetId: row.id, regionCode: row.regionCode, outcome: 'success' });
      return reply.code(201).send({ ...employerView(row, platform.regions.name), warnings });
    },
  });

  app.get('/registry/employers/:id', {
    config: { permission: 'registry:employer:read' },
    schema: { tags: ['registry'], summary: '用人单位详情 Employer detail', params: ZIdParam, response: { 200: ZEmployer } },
    handler: async (req) => employerView(await getEmployerRow(ctx(req), req.params.id), platform.regions.name),
  });

  app.put('/registry/employers/:id', {
    config: { permission: 'registry:employer:write' },
    schema: { tags: ['registry'], summary: '修改用人单位 Update an employer', params: ZIdParam, body: ZEmployerCreate.omit({ uscc: true }).partial().extend({ version: z.number().int() }), response: { 200: ZEmployer } },
    handler: async (req) => {
      const e = await updateEmployer(ctx(req), req.params.id, req.body);
      await platform.audit(req, { action: 'registry.employer.update', targetType: 'employer', targetId: e.id, regionCode: e.regionCode, outcome: 'success' });
      return employerView(e, platform.regions.name);
    },
  });

  app.get('/registry/employers/:id/history', {
    config: { permission: 'registry:employer:read' },
    schema: { tags: ['registry'], summary: '单位变更历史 Employer history', params: ZIdParam, response: { 200: ZHistory } },
    handler: async (req) => {
      const c = ctx(req);
      await getEmployerRow(c, req.params.id);
      return entityHistory(c, 'employer', req.params.id);
    },
  });
}
