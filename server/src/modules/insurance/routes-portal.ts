// The citizen's own insurance record on the public portal (个人社保查询): enrolments, what was
// contributed per type and month, benefits and payments, whether a pensioner is due to confirm
// eligibility, and the contribution certificate (参保缴费凭证) to download. Portal accounts of
// kind 'person' only; everything is about the account's own person and audited.
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { ZApp } from '../../platform/http/types';
import type { Platform } from '../../platform/kernel';
import { portalSubjectOf, subjectCaller } from '../../platform/portal';
import { systemScope } from '../../platform/scope';
import { persons } from '../registry';
import type { Ctx } from './access';
import { personBenefits } from './benefits';
import { certificateData, sendCertificate } from './certificate';
import { personEnrolments } from './enrolment';
import { personMonthsSystem, summarise } from './ledger';
import { personAuthentication } from './lifeevents';
import { ZEnrolment, ZMonthLine, ZSummary, ZType } from './routes';

const ZPayment = z.object({ payMonth: z.string(), amountFen: z.number(), paidOn: z.string().nullable() });
const ZBenefit = z.object({ id: z.number(), kind: z.string(), kindName: z.string(), status: z.string(), startMonth: z.string(), endMonth: z.string().nullable(), monthlyFen: z.number(), payments: z.array(ZPayment) });

export async function insurancePortalRoutes(app: ZApp, platform: Platform): Promise<void> {
  /** The account's person, and a caller scoped to that person's region for module functions. */
  const own = async (req: FastifyRequest): Promise<{ ctx: Ctx; personId: number; regionCode: string }> => {
    const personId = portalSubjectOf(req, 'person');
    const [p] = await platform.db.select({ regionCode: persons.regionCode }).from(persons).where(and(eq(persons.id, personId), systemScope()));
    if (!p) throw new AppError('NOT_FOUND', { zh: '未找到您的登记信息，请到经办窗口核实', en: 'Your registration was not found; please ask at a service window' });
    return { ctx: { platform, caller: subjectCaller(req, 'person', p.regionCode) }, personId, regionCode: p.regionCode };
  };

  app.get('/portal/insurance', {
    config: { portal: 'person' },
    schema: {
      tags: ['portal'],
      summary: '我的社保：参保、缴费汇总、待遇与认证 My insurance record',
      response: {
        200: z.object({
          person: z.object({ name: z.string(), idNumberMasked: z.string(), regionName: z.string().nullable() }),
          enrolments: z.array(ZEnrolment),
          summary: z.array(ZSummary),
          years: z.array(z.number()),
          benefits: z.array(ZBenefit),
          authentication: z.object({ due: z.boolean(), score: z.number(), threshold: z.number(), asOf: z.string() }).nullable(),
        }),
      },
    },
    handler: async (req) => {
      const { ctx, personId, regionCode } = await own(req);
      const [enrolments, months, benefits, [p]] = await Promise.all([
        personEnrolments(ctx, personId),
        personMonthsSystem(ctx, personId),
        personBenefits(ctx, personId),
        platform.db.select({ name: persons.name, idMasked: persons.idMasked }).from(persons).where(and(eq(persons.id, personId), systemScope())),
      ]);
      const pensioner = benefits.some((b) => b.status === 'active' && /pension/.test(b.kind));
      const auth = pensioner ? await personAuthentication(ctx, personId) : null;
      await platform.audit(req, { action: 'portal.insurance.read', targetType: 'person', targetId: personId, regionCode, outcome: 'success' });
      return {
        person: { name: p.name, idNumberMasked: p.idMasked, regionName: platform.regions.name(regionCode) },
        enrolments,
        summary: summarise(months),
        years: [...new Set(months.map((m) => Number(m.feeMonth.slice(0, 4))))].sort((a, b) => b - a),
        benefits: benefits.map((b) => ({ id: b.id, kind: b.kind, kindName: b.kindName, status: b.status, startMonth: b.startMonth, endMonth: b.endMonth, monthlyFen: b.monthlyFen, payments: b.payments.slice(-24) })),
        authentication: auth ? { due: auth.score < auth.threshold, score: auth.score, threshold: auth.threshold, asOf: auth.asOf } : null,
      };
    },
  });

  app.get('/portal/insurance/ledger', {
    config: { portal: 'person' },
    schema: {
      tags: ['portal'],
      summary: '我的缴费明细（按月） My contributions by month',
      querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100).optional(), insuranceType: ZType.optional() }),
      response: { 200: z.object({ months: z.array(ZMonthLine) }) },
    },
    handler: async (req) => {
      const { ctx, personId, regionCode } = await own(req);
      const months = await personMonthsSystem(ctx, personId, { type: req.query.insuranceType });
      await platform.audit(req, { action: 'portal.insurance.ledger', targetType: 'person', targetId: personId, regionCode, outcome: 'success', detail: { year: req.query.year ?? null } });
      return { months: req.query.year ? months.filter((m) => m.feeMonth.startsWith(String(req.query.year))) : months };
    },
  });

  app.get('/portal/insurance/certificate', {
    config: { portal: 'person' },
    schema: { tags: ['portal'], summary: '下载参保缴费凭证（Word） Download my contribution certificate (.docx)' },
    handler: async (req, reply) => {
      const { ctx, personId, regionCode } = await own(req);
      const d = await certificateData(ctx, personId);
      await platform.audit(req, { action: 'portal.insurance.certificate', targetType: 'person', targetId: personId, regionCode, outcome: 'success', detail: { verificationCode: d.verificationCode } });
      return sendCertificate(reply, d);
    },
  });
}
