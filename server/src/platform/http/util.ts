import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors';
import type { Caller } from '../auth/service';

export function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw new AppError('UNAUTHENTICATED');
  return req.caller;
}

export function clientIp(req: FastifyRequest): string {
  return req.ip;
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.string().max(64).optional(),
});

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    message: z.object({ zh: z.string(), en: z.string() }),
    detail: z.string(),
    requestId: z.string(),
  })
  .passthrough();

export function zPage<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

export async function sendXlsx(reply: FastifyReply, filename: string, buffer: Buffer | ArrayBuffer): Promise<FastifyReply> {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(Buffer.from(buffer as ArrayBuffer));
}

export const ZIdParam = z.object({ id: z.coerce.number().int().positive() });
