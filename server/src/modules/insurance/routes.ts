// HTTP edge of the insurance module: zod schemas in and out; rules live in the topic files.
// Enrolment, employers, the ledger and arrears are here; benefits, supervision, transfers and
// coverage register their routes from their own route files.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { ZApp } from '../../platform/http/types';
import { callerOf, sendXlsx, ZIdParam, zPage, ZPageQuery } from '../../platform/http/util';
import type { Platform } from '../../platform/kernel';
import { importJobs } from '../../platform/schema';
import { employerInScope, personInScope, type Ctx } from './access';
import { issueArrearsNotice, listArrears, listNotices } from './arrears';
import { certificateData, sendCertificate } from './certificate';
import { declarationProblemsWorkbook } from './declaration';
import {
  addStaff,
  changeEnrolmentStatus,
  employerRegistration,
  enrol,
  enrolmentHistory,
  enrolmentView,
  getEnrolment,
  listEnrolments,
  listRegisteredEmployers,
  personEnrolments,
  registerEmployer,
  removeStaff,
} from './enrolment';
import { correctDeclaration, employerMonthDetail, employerMonths, entryView, personEntries, personMonthsSystem, recordEmployerPayment, recordIndividualContribution, reverseEntry, summarise } from './ledger';
import { baseBand, loadParams, saveParams, ZParams } from './params';
import { benefitRoutes } from './routes-benefits';
import { insurancePortalRoutes } from './routes-portal';
import { coverageRoutes } from './routes-coverage';
import { supervisionRoutes } from './routes-supervision';
import { transferRoutes } from './routes-transfers';
import {
  benefitKindLabels,
  dataSourceLabels,
  enrolmentStatuses,
  enrolmentStatusLabels,
  insuranceTypeLabels,
  insuranceTypes,
  ledgerEventLabels,
  lifeEventLabels,
  lifeSignalLabels,
  statusPeriodLabels,
  workerFormLabels,
  workerForms,
} from './types';

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A fee month as 'YYYY-MM' (or a date in it), normalised to the month's first day. */
export const ZMonth = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM')
  .transform((s) => `${s.slice(0, 7)}-01`);
export const ZType = z.enum(insuranceTypes);
const ZMoney = z.number().int();

export const ZEnrolment = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  insuranceType: ZType,
  insuranceTypeName: z.string(),
  employerId: z.number().nullable(),
  employerName: z.string().nullable(),
  workerForm: z.enum(workerForms),
  status: z.enum(enrolmentStatuses),
  startDate: z.string(),
  endDate: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  version: z.number(),
});

export const ZMonthLine = z.object({
  insuranceType: ZType,
  feeMonth: z.string(),
  periodMonths: z.number(),
  baseFen: ZMoney,
  dueFen: ZMoney,
  paidFen: ZMoney,
  accountFen: ZMoney,
  entries: z.number(),
});

export const ZSummary = z.object({
  insuranceType: ZType,
  contributionMonths: z.number(),
  accountFen: ZMoney,
  arrearsFen: ZMoney,
  arrearsMonths: z.number(),
  dueFen: ZMoney,
  paidFen: ZMoney,
  firstMonth: z.string().nullable(),
  lastPaidMonth: z.string().nullable(),
});

const ZEntry = z.object({
  id: z.number(),
  personId: z.number(),
  employerId: z.number().nullable(),
  insuranceType: ZType,
  feeMonth: z.string(),
  periodMonths: z.number(),
  event: z.string(),
  side: z.string(),
  baseFen: ZMoney,
  employerRateBp: z.number(),
  personalRateBp: z.number(),
  employerFen: ZMoney,
  personalFen: ZMoney,
  subsidyFen: ZMoney,
  accountFen: ZMoney,
  valueDate: z.string(),
  reversesId: z.number().nullable(),
  revision: z.number(),
  source: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});

export async function insuranceRoutes(app: ZApp, platform: Platform): Promise<void> {
  const ctx = (req: { caller: unknown }): Ctx => ({ platform, caller: callerOf(req as never) });
  const query = platform.database.query.bind(platform.database) as never;

  // ---- reference ------------------------------------------------------------------------
  app.get('/insurance/codes', {
    config: { permission: 'authenticated', portal: 'any' },
    schema: { tags: ['insurance'], summary: '社保代码表 Insurance code lists' },
    handler: async () => ({
      insuranceTypes: insuranceTypes.map((code) => ({ code, ...insuranceTypeLabels[code] })),
      enrolmentStatuses: enrolmentStatuses.map((code) => ({ code, ...enrolmentStatusLabels[code] })),
      workerForms: workerForms.map((code) => ({ code, ...workerFormLabels[code] })),
      ledgerEvents: Object.entries(ledgerEventLabels).map(([code, l]) => ({ code, ...l })),
      benefitKinds: Object.entries(benefitKindLabels).map(([code, l]) => ({ code, ...l })),
      lifeEvents: Object.entries(lifeEventLabels).map(([code, l]) => ({ code, ...l })),
      lifeSignals: Object.entries(lifeSignalLabels).map(([code, l]) => ({ code, ...l })),
      statusPeriods: Object.entries(statusPeriodLabels).map(([code, l]) => ({ code, ...l })),
      dataSources: Object.entries(dataSourceLabels).map(([code, l]) => ({ code, ...l })),
    }),
  });

  const ZYear = z.object({ year: z.coerce.number().int().min(1990).max(2100) });
  app.get('/insurance/parameters/:year', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '年度参数 Parameters of a year', params: ZYear },
    handler: async (req) => {
      const p = (await loadParams(query, [req.params.year])).get(req.params.year)!;
      return { ...p, band: baseBand(p.params) };
    },
  });

  app.put('/insurance/parameters/:year', {
    config: { permission: 'insurance:supervise' },
    schema: { tags: ['insurance'], summary: '保存年度参数新版本 Save a new parameter version', params: ZYear, body: z.object({ params: ZParams.partial(), note: z.string().max(500).nullable().optional() }) },
    handler: async (req) => {
      const saved = await saveParams(query, req.params.year, req.body.params, callerOf(req).userId, req.body.note ?? null);
      await platform.audit(req, { action: 'insurance.parameters.save', targetType: 'insurance_parameters', targetId: saved.version, outcome: 'success', detail: { year: req.params.year } });
      return { ...saved, band: baseBand(saved.params) };
    },
  });

  // ---- employers ------------------------------------------------------------------------
  app.get('/insurance/employers', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '参保单位 Registered employers', querystring: ZPageQuery.extend({ regionCode: z.string().max(12).optional(), q: z.string().max(100).optional() }) },
    handler: async (req) => listRegisteredEmployers(ctx(req), req.query),
  });

  app.post('/insurance/employers/:id/registration', {
    config: { permission: 'insurance:write' },
    schema: {
      tags: ['insurance'],
      summary: '单位参保登记 Register an employer for insurance',
      params: ZIdParam,
      body: z.object({ types: z.array(ZType).min(1), workInjuryClass: z.number().int().min(1).max(8).optional(), registeredOn: ZDate }),
    },
    handler: async (req, reply) => {
      const r = await registerEmployer(ctx(req), req.params.id, req.body);
      await platform.audit(req, { action: 'insurance.employer.register', targetType: 'employer', targetId: req.params.id, regionCode: r.regionCode, outcome: 'success', detail: { types: r.types } });
      return reply.code(201).send({ employerId: r.employerId, types: r.types, workInjuryClass: r.workInjuryClass, registeredOn: r.registeredOn, status: r.status, version: r.version });
    },
  });

  app.get('/insurance/employers/:id', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '单位参保情况 Employer insurance view (staff, declarations, arrears)', params: ZIdParam },
    handler: async (req) => {
      const c = ctx(req);
      const e = await employerInScope(c, req.params.id);
      const [registration, staff, months, arrears, notices] = await Promise.all([
        employerRegistration(c, e.id),
        listEnrolments(c, { employerId: e.id, page: 1, pageSize: 200 }),
        employerMonths(c, e.id),
        listArrears(c, { employerId: e.id }),
        listNotices(c, { employerId: e.id }),
      ]);
      await platform.audit(req, { action: 'insurance.employer.read', targetType: 'employer', targetId: e.id, regionCode: e.regionCode, outcome: 'success' });
      return {
        employer: { ...e, regionName: platform.regions.name(e.regionCode) },
        registration: registration && { types: registration.types, workInjuryClass: registration.workInjuryClass, registeredOn: registration.registeredOn, status: registration.status, version: registration.version },
        staff: staff.items,
        months,
        arrears,
        notices,
      };
    },
  });

  app.get('/insurance/employers/:id/declarations', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '单位某月申报明细 Who an employer declared for a fee month (default: the latest)', params: ZIdParam, querystring: z.object({ feeMonth: ZMonth.optional() }) },
    handler: async (req) => {
      const c = ctx(req);
      const e = await employerInScope(c, req.params.id);
      const month = req.query.feeMonth ?? (await employerMonths(c, e.id))[0]?.feeMonth;
      await platform.audit(req, { action: 'insurance.employer.declarations', targetType: 'employer', targetId: e.id, regionCode: e.regionCode, outcome: 'success', detail: { feeMonth: month ?? null } });
      return { feeMonth: month ?? null, items: month ? await employerMonthDetail(c, e.id, month) : [] };
    },
  });

  const ZStaffAdd = z.object({
    personId: z.number().int().positive().optional(),
    idNumber: z.string().max(20).optional(),
    name: z.string().max(50).optional(),
    types: z.array(ZType).optional(),
    startDate: ZDate,
  });
  app.post('/insurance/employers/:id/staff', {
    config: { permission: 'insurance:write' },
    schema: { tags: ['insurance'], summary: '增员 Add staff (enrol with the employer)', params: ZIdParam, body: ZStaffAdd, response: { 201: z.array(ZEnrolment) } },
    handler: async (req, reply) => {
      if (!req.body.personId && !(req.body.idNumber && req.body.name)) throw new AppError('VALIDATION', { zh: '请提供人员，或身份证号和姓名', en: 'Give personId, or idNumber and name' });
      const rows = await addStaff(ctx(req), req.params.id, req.body);
      for (const r of rows) await platform.audit(req, { action: 'insurance.enrolment.create', targetType: 'insurance_enrolment', targetId: r.id, regionCode: r.regionCode, outcome: 'success', detail: { employerId: req.params.id, type: r.insuranceType } });
      return reply.code(201).send(rows.map((r) => enrolmentView(r, platform.regions.name)));
    },
  });

  app.post('/insurance/employers/:id/staff/remove', {
    config: { permission: 'insurance:write' },
    schema: { tags: ['insurance'], summary: '减员 Remove staff (end their enrolments)', params: ZIdParam, body: z.object({ personId: z.number().int().positive(), endDate: ZDate, reason: z.string().max(200).nullable().optional() }), response: { 200: z.array(ZEnrolment) } },
    handler: async (req) => {
      const rows = await removeStaff(ctx(req), req.params.id, req.body);
      for (const r of rows) await platform.audit(req, { action: 'insurance.enrolment.terminate', targetType: 'insurance_enrolment', targetId: r.id, regionCode: r.regionCode, outcome: 'success', detail: { employerId: req.params.id } });
      return rows.map((r) => enrolmentView(r, platform.regions.name));
    },
  });

  app.post('/insurance/employers/:id/payments', {
    config: { permission: 'insurance:write' },
    schema: {
      tags: ['insurance'],
      summary: '单位缴费到账 Record an employer payment for a fee month',
      params: ZIdParam,
      body: z.object({ feeMonth: ZMonth, paidOn: ZDate, paymentRef: z.string().min(1).max(64) }),
    },
    handler: async (req) => {
      const r = await recordEmployerPayment(ctx(req), req.params.id, req.body);
      await platform.audit(req, { action: 'insurance.ledger.payment', targetType: 'employer', targetId: req.params.id, outcome: 'success', detail: { ...req.body, entries: r.entries, amountFen: r.amountFen } });
      return r;
    },
  });

  // ---- enrolments -----------------------------------------------------------------------
  app.get('/insurance/enrolments', {
    config: { permission: 'insurance:read' },
    schema: {
      tags: ['insurance'],
      summary: '参保登记列表 List enrolments',
      querystring: ZPageQuery.extend({
        personId: z.coerce.number().int().positive().optional(),
        employerId: z.coerce.number().int().positive().optional(),
        insuranceType: ZType.optional(),
        status: z.enum(enrolmentStatuses).optional(),
        regionCode: z.string().max(12).optional(),
      }),
      response: { 200: zPage(ZEnrolment) },
    },
    handler: async (req) => listEnrolments(ctx(req), req.query),
  });

  app.post('/insurance/enrolments', {
    config: { permission: 'insurance:write' },
    schema: {
      tags: ['insurance'],
      summary: '参保登记 Enrol a person (with an employer or as an individual)',
      body: z.object({
        personId: z.number().int().positive().optional(),
        idNumber: z.string().max(20).optional(),
        name: z.string().max(50).optional(),
        insuranceType: ZType,
        employerId: z.number().int().positive().nullable().optional(),
        workerForm: z.enum(workerForms).optional(),
        startDate: ZDate,
      }),
      response: { 201: ZEnrolment },
    },
    handler: async (req, reply) => {
      const r = await enrol(ctx(req), req.body);
      await platform.audit(req, { action: 'insurance.enrolment.create', targetType: 'insurance_enrolment', targetId: r.id, regionCode: r.regionCode, outcome: 'success', detail: { type: r.insuranceType, workerForm: r.workerForm } });
      return reply.code(201).send(enrolmentView(r, platform.regions.name));
    },
  });

  app.post('/insurance/enrolments/:id/status', {
    config: { permission: 'insurance:write' },
    schema: {
      tags: ['insurance'],
      summary: '暂停、恢复或终止参保 Suspend, resume or terminate an enrolment',
      params: ZIdParam,
      body: z.object({ action: z.enum(['suspend', 'resume', 'terminate']), date: ZDate, reason: z.string().max(200).nullable().optional(), version: z.number().int() }),
      response: { 200: ZEnrolment },
    },
    handler: async (req) => {
      const r = await changeEnrolmentStatus(ctx(req), req.params.id, req.body.action, req.body);
      await platform.audit(req, { action: `insurance.enrolment.${req.body.action}`, targetType: 'insurance_enrolment', targetId: r.id, regionCode: r.regionCode, outcome: 'success' });
      return enrolmentView(r, platform.regions.name);
    },
  });

  app.get('/insurance/enrolments/:id/history', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '参保变更历史 Enrolment history', params: ZIdParam },
    handler: async (req) => {
      const c = ctx(req);
      const e = await getEnrolment(c, req.params.id);
      await platform.audit(req, { action: 'insurance.enrolment.history', targetType: 'insurance_enrolment', targetId: e.id, regionCode: e.regionCode, outcome: 'success', detail: { personId: e.personId } });
      return enrolmentHistory(c, e.id);
    },
  });

  app.post('/insurance/enrolments/:id/contributions', {
    config: { permission: 'insurance:write' },
    schema: {
      tags: ['insurance'],
      summary: '个人缴费核定与到账 Individual contribution (flexible workers, residents)',
      params: ZIdParam,
      body: z.object({ feeMonth: ZMonth, baseFen: z.number().int().positive().optional(), levelFen: z.number().int().positive().optional(), paidOn: ZDate.nullable().optional() }),
    },
    handler: async (req, reply) => {
      const c = ctx(req);
      const r = await recordIndividualContribution(c, req.params.id, req.body);
      const en = await getEnrolment(c, req.params.id);
      await platform.audit(req, { action: 'insurance.ledger.individual', targetType: 'person', targetId: en.personId, regionCode: en.regionCode, outcome: 'success', detail: { enrolmentId: en.id, feeMonth: req.body.feeMonth } });
      return reply.code(201).send({ assessed: entryView(r.assessed), received: r.received ? entryView(r.received) : null });
    },
  });

  // ---- a person's insurance record -------------------------------------------------------
  app.get('/insurance/persons/:id', {
    config: { permission: 'insurance:read' },
    schema: {
      tags: ['insurance'],
      summary: '个人参保记录 A person’s insurance record',
      params: ZIdParam,
      response: {
        200: z.object({
          person: z.object({ id: z.number(), name: z.string(), idNumberMasked: z.string(), gender: z.string(), birthDate: z.string(), regionCode: z.string(), regionName: z.string().nullable() }),
          enrolments: z.array(ZEnrolment),
          summary: z.array(ZSummary),
        }),
      },
    },
    handler: async (req) => {
      const c = ctx(req);
      const p = await personInScope(c, req.params.id);
      // The record follows the person: enrolments with employers in other counties are shown too.
      const [enrolments, months] = await Promise.all([personEnrolments(c, p.id), personMonthsSystem(c, p.id)]);
      await platform.audit(req, { action: 'insurance.person.read', targetType: 'person', targetId: p.id, regionCode: p.regionCode, outcome: 'success' });
      return {
        person: { id: p.id, name: p.name, idNumberMasked: p.idMasked, gender: p.gender, birthDate: p.birthDate, regionCode: p.regionCode, regionName: platform.regions.name(p.regionCode) },
        enrolments,
        summary: summarise(months),
      };
    },
  });

  app.get('/insurance/persons/:id/ledger', {
    config: { permission: 'insurance:read' },
    schema: {
      tags: ['insurance'],
      summary: '个人缴费台账 A person’s ledger by month',
      params: ZIdParam,
      querystring: z.object({ insuranceType: ZType.optional(), feeMonth: ZMonth.optional() }),
      response: { 200: z.object({ months: z.array(ZMonthLine), entries: z.array(ZEntry) }) },
    },
    handler: async (req) => {
      const c = ctx(req);
      const p = await personInScope(c, req.params.id);
      const [months, entries] = await Promise.all([personMonthsSystem(c, p.id, { type: req.query.insuranceType, feeMonth: req.query.feeMonth }), personEntries(c, p.id, { type: req.query.insuranceType, feeMonth: req.query.feeMonth })]);
      await platform.audit(req, { action: 'insurance.person.ledger', targetType: 'person', targetId: p.id, regionCode: p.regionCode, outcome: 'success' });
      return { months, entries };
    },
  });

  app.get('/insurance/persons/:id/certificate', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '参保缴费凭证（Word） Contribution certificate (.docx)', params: ZIdParam },
    handler: async (req, reply) => {
      const d = await certificateData(ctx(req), req.params.id);
      await platform.audit(req, { action: 'insurance.person.certificate', targetType: 'person', targetId: req.params.id, outcome: 'success', detail: { verificationCode: d.verificationCode } });
      return sendCertificate(reply, d);
    },
  });

  // ---- ledger corrections ---------------------------------------------------------------
  app.post('/insurance/ledger/:id/reverse', {
    config: { permission: 'insurance:write' },
    schema: { tags: ['insurance'], summary: '冲销 Reverse a ledger entry', params: ZIdParam, body: z.object({ reason: z.string().min(2).max(200) }), response: { 201: ZEntry } },
    handler: async (req, reply) => {
      const r = await reverseEntry(ctx(req), req.params.id, req.body.reason);
      await platform.audit(req, { action: 'insurance.ledger.reverse', targetType: 'insurance_ledger', targetId: req.params.id, regionCode: r.regionCode, outcome: 'success', detail: { reversal: r.id, reason: req.body.reason } });
      return reply.code(201).send(entryView(r));
    },
  });

  app.post('/insurance/ledger/:id/correct', {
    config: { permission: 'insurance:write' },
    schema: { tags: ['insurance'], summary: '更正申报基数 Correct a declared base (reversal + new declaration)', params: ZIdParam, body: z.object({ baseFen: z.number().int().positive(), reason: z.string().min(2).max(200) }) },
    handler: async (req, reply) => {
      const r = await correctDeclaration(ctx(req), req.params.id, req.body);
      await platform.audit(req, { action: 'insurance.ledger.correct', targetType: 'insurance_ledger', targetId: req.params.id, regionCode: r.declaration.regionCode, outcome: 'success', detail: { reversal: r.reversal.id, declaration: r.declaration.id, baseFen: req.body.baseFen } });
      return reply.code(201).send({ reversal: entryView(r.reversal), declaration: entryView(r.declaration) });
    },
  });

  // ---- arrears ----------------------------------------------------------------------------
  app.get('/insurance/arrears', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '欠费单位 Employers in arrears', querystring: z.object({ regionCode: z.string().max(12).optional(), asOf: ZDate.optional() }) },
    handler: async (req) => listArrears(ctx(req), req.query),
  });

  app.get('/insurance/arrears/notices', {
    config: { permission: 'insurance:read' },
    schema: { tags: ['insurance'], summary: '欠费通知 Arrears notices', querystring: z.object({ regionCode: z.string().max(12).optional() }) },
    handler: async (req) => listNotices(ctx(req), req.query),
  });

  app.post('/insurance/arrears/notices', {
    config: { permission: 'insurance:write' },
    schema: { tags: ['insurance'], summary: '发出欠费通知 Issue an arrears notice', body: z.object({ employerId: z.number().int().positive(), feeMonth: ZMonth }) },
    handler: async (req, reply) => {
      const n = await issueArrearsNotice(ctx(req), req.body.employerId, req.body.feeMonth);
      await platform.audit(req, { action: 'insurance.arrears.notice', targetType: 'employer', targetId: req.body.employerId, regionCode: n.regionCode, outcome: 'success', detail: { feeMonth: req.body.feeMonth, arrearsFen: n.arrearsFen } });
      return reply.code(201).send({ id: n.id, feeMonth: n.feeMonth, issuedOn: n.issuedOn, noticeDueDate: n.noticeDueDate, arrearsFen: n.arrearsFen, lateFeeFen: n.lateFeeFen });
    },
  });

  // ---- declaration import problems -----------------------------------------------------
  app.get('/insurance/declarations/:jobId/problems', {
    config: { permission: 'insurance:write' },
    schema: { tags: ['insurance'], summary: '申报退回明细 Problems of a refused declaration (xlsx)', params: z.object({ jobId: z.string().uuid() }) },
    handler: async (req, reply) => {
      const [j] = await platform.db.select({ id: importJobs.id }).from(importJobs).where(and(eq(importJobs.id, req.params.jobId), eq(importJobs.createdBy, callerOf(req).userId)));
      const book = j ? await declarationProblemsWorkbook(j.id) : null;
      if (!book) throw new AppError('NOT_FOUND', { zh: '没有退回明细', en: 'No problem list' });
      return sendXlsx(reply, `申报退回明细-${j.id.slice(0, 8)}.xlsx`, book);
    },
  });

  await coverageRoutes(app, platform);
  await insurancePortalRoutes(app, platform);
  await benefitRoutes(app, platform);
  await supervisionRoutes(app, platform);
  await transferRoutes(app, platform);
}
