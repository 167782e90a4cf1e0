import type { FastifyInstance, FastifyBaseLogger, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Caller } from '../auth/service';
import type { PortalKind } from '../schema';

export type ZApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

// Module augmentation needs interfaces (declaration merging).
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (login, health, public portal). */
    public?: boolean;
    /** The permission the caller must hold, or 'authenticated' for any signed-in user. */
    permission?: string;
    /**
     * Portal accounts of this kind may call the route ('any': both kinds). A route with
     * `portal` and no `permission` is for portal accounts only; staff are refused.
     */
    portal?: PortalKind | 'any';
    /** Reachable while a password change or TOTP enrolment is pending. */
    allowPending?: boolean;
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
}
