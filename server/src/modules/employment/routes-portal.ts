// HTTP edge of the public portal (no staff login): vacancy search by words, occupation and place.
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { ZApp } from '../../platform/http/types';
import { ZIdParam } from '../../platform/http/util';
import type { Platform } from '../../platform/kernel';
import { searchPublicVacancies } from './portal';

const ZPublicVacancy = z.object({
  id: z.number(),
  title: z.string(),
  employerName: z.string(),
  occupationCode: z.string(),
  occupationName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  salaryMin: z.number(),
  salaryMax: z.number(),
  education: z.string(),
  openings: z.number(),
  expiresOn: z.string(),
  description: z.string(),
});

// Public and unauthenticated: slowed per address so that the adverts cannot be scraped in bulk.
const limit = { max: 60, timeWindow: '1 minute' };

export async function portalRoutes(app: ZApp, platform: Platform): Promise<void> {
  app.get('/portal/vacancies', {
    config: { public: true, rateLimit: limit },
    schema: {
      tags: ['portal'],
      summary: '公开岗位搜索（中文分词） Public vacancy search (Chinese word segmentation)',
      querystring: z.object({
        q: z.string().max(60).optional(),
        occupation: z.string().max(12).optional(),
        region: z.string().max(20).optional(),
        page: z.coerce.number().int().min(1).max(50).default(1),
        pageSize: z.coerce.number().int().min(1).max(50).default(20),
      }),
      response: { 200: z.object({ words: z.array(z.string()), places: z.array(z.object({ code: z.string(), name: z.string().nullable() })), items: z.array(ZPublicVacancy), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
    handler: async (req) => searchPublicVacancies(platform, req.query),
  });

  app.get('/portal/vacancies/:id', {
    config: { public: true, rateLimit: limit },
    schema: { tags: ['portal'], summary: '公开岗位详情 A public vacancy', params: ZIdParam, response: { 200: ZPublicVacancy } },
    handler: async (req) => {
      const r = await searchPublicVacancies(platform, { page: 1, pageSize: 1, id: req.params.id });
      if (!r.items[0]) throw new AppError('NOT_FOUND');
      return r.items[0];
    },
  });
}
