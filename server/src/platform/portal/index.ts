// Portal accounts for citizens and employers: see service.ts.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { Caller } from '../auth/service';
import type { PortalKind } from '../schema';

export { ACTIVATION_DAYS, ACTIVATION_MAX_FAILURES, issueActivation, type IssueInput } from './service';

/** The registry id the signed-in portal account acts about; refuses any other caller. */
export function portalSubjectOf(req: FastifyRequest, kind: PortalKind): number {
  const c = req.caller;
  if (!c) throw new AppError('UNAUTHENTICATED');
  if (c.kind !== kind || c.subjectId === null) throw new AppError('FORBIDDEN');
  return c.subjectId;
}

/**
 * The caller a portal route hands to module code: the account itself, with a data scope of
 * the subject's own region only. Module functions that take a scoped caller then work
 * unchanged, and the route asks them about the subject's id alone.
 */
export function subjectCaller(req: FastifyRequest, kind: PortalKind, subjectRegion: string): Caller {
  portalSubjectOf(req, kind);
  const c = req.caller as Caller;
  return { ...c, scope: { all: false, regionCodes: new Set([subjectRegion]), selfUserId: null, kind: 'self' } };
}
