// Portal accounts for citizens and employers: see service.ts.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { Caller } from '../auth/service';
import type { PortalKind } from '../schema';
import type { Scope } from '../scope';

export { ACTIVATION_DAYS, ACTIVATION_MAX_FAILURES, issueActivation, type IssueInput } from './service';

/** The registry id the signed-in portal account acts about; refuses any other caller. */
export function portalSubjectOf(req: FastifyRequest, kind: PortalKind): number {
  const c = req.caller;
  if (!c) throw new AppError('UNAUTHENTICATED');
  if (c.kind !== kind || c.subjectId === null) throw new AppError('FORBIDDEN');
  return c.subjectId;
}

/** A data scope of exactly these regions (a portal subject's own, never "and below"). */
export function subjectScope(regions: Iterable<string | null | undefined>): Scope {
  return { all: false, regionCodes: new Set([...regions].filter((r): r is string => !!r)), selfUserId: null, kind: 'self' };
}

/**
 * The caller a portal route hands to module code: the account itself, with a data scope of
 * the subject's own region(s) only. Module functions that take a scoped caller then work
 * unchanged, and the route asks them about the subject's id alone.
 */
export function subjectCaller(req: FastifyRequest, kind: PortalKind, subjectRegions: string | Iterable<string | null | undefined>): Caller {
  portalSubjectOf(req, kind);
  const c = req.caller as Caller;
  return { ...c, scope: subjectScope(typeof subjectRegions === 'string' ? [subjectRegions] : subjectRegions) };
}
