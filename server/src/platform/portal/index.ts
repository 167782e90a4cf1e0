// Portal accounts for citizens and employers: see service.ts.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { PortalKind } from '../schema';

export { ACTIVATION_DAYS, ACTIVATION_MAX_FAILURES, issueActivation, type IssueInput } from './service';

/** The registry id the signed-in portal account acts about; refuses any other caller. */
export function portalSubjectOf(req: FastifyRequest, kind: PortalKind): number {
  const c = req.caller;
  if (!c) throw new AppError('UNAUTHENTICATED');
  if (c.kind !== kind || c.subjectId === null) throw new AppError('FORBIDDEN');
  return c.subjectId;
}
