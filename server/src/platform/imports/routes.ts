import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../errors';
import type { ZApp } from '../http/types';
import { callerOf, sendXlsx } from '../http/util';
import type { Platform } from '../kernel';
import { importJobs } from '../schema';
import { createImportJob, listImportJobs, runImportJob, templateWorkbook } from './index';

const MAX_FILE_BYTES = 100 * 1024 * 1024;

const ZJob = z.object({
  id: z.string(),
  kind: z.string(),
  filename: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  mode: z.enum(['all', 'good-rows']),
  total: z.number(),
  processed: z.number(),
  inserted: z.number(),
  duplicates: z.number(),
  errorCount: z.number(),
  hasErrorsFile: z.boolean(),
  message: z.object({ zh: z.string(), en: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export async function importRoutes(app: ZApp, platform: Platform): Promise<void> {
  const { db } = platform;
  const view = (j: typeof importJobs.$inferSelect | Awaited<ReturnType<typeof listImportJobs>>[number], hasErrorsFile: boolean) => ({
    id: j.id,
    kind: j.kind,
    filename: j.filename,
    status: j.status,
    mode: j.mode,
    total: j.total,
    processed: j.processed,
    inserted: j.inserted,
    duplicates: j.duplicates,
    errorCount: j.errorCount,
    hasErrorsFile,
    message: j.message ?? null,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
  });
  const permitted = (req: Parameters<typeof callerOf>[0], kind: string) => {
    const imp = platform.imports.get(kind);
    if (!callerOf(req).permissions.has(imp.permission)) throw new AppError('FORBIDDEN');
    return imp;
  };

  app.get('/imports/kinds', {
    config: { permission: 'import:run' },
    schema: { tags: ['imports'], summary: '可导入的数据 Import kinds', response: { 200: z.array(z.object({ kind: z.string(), zh: z.string(), en: z.string(), columns: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string(), required: z.boolean() })) })) } },
    handler: async (req) => {
      const c = callerOf(req);
      return platform.imports
        .kinds()
        .map((k) => platform.imports.get(k))
        .filter((i) => c.permissions.has(i.permission))
        .map((i) => ({ kind: i.kind, ...i.title, columns: i.columns.map(({ key, zh, en, required }) => ({ key, zh, en, required })) }));
    },
  });

  app.get('/imports/:kind/template', {
    config: { permission: 'import:run' },
    schema: { tags: ['imports'], summary: '下载导入模板 Download template', params: z.object({ kind: z.string().max(40) }) },
    handler: async (req, reply) => {
      const imp = permitted(req, req.params.kind);
      return sendXlsx(reply, `${imp.title.zh}导入模板.xlsx`, await templateWorkbook(imp));
    },
  });

  app.post('/imports/:kind', {
    config: { permission: 'import:run' },
    schema: { tags: ['imports'], summary: '上传导入文件 Upload a file (multipart: file, mode)', params: z.object({ kind: z.string().max(40) }), response: { 202: ZJob } },
    handler: async (req, reply) => {
      const imp = permitted(req, req.params.kind);
      const c = callerOf(req);
      let mode: 'all' | 'good-rows' = 'all';
      let file: { filename: string; data: Buffer } | null = null;
      for await (const part of req.parts({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } })) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          if (part.file.truncated) throw new AppError('BAD_REQUEST', { zh: '文件超过 100 MB', en: 'File larger than 100 MB' });
          file = { filename: part.filename, data };
        } else if (part.fieldname === 'mode') {
          const v = String(part.value);
          if (v !== 'all' && v !== 'good-rows') throw new AppError('VALIDATION', { zh: '导入方式应为 all 或 good-rows', en: 'mode must be all or good-rows' });
          mode = v;
        }
      }
      if (!file) throw new AppError('VALIDATION', { zh: '请选择要上传的文件', en: 'Choose a file to upload' });
      if (!/\.(xlsx|csv)$/i.test(file.filename)) throw new AppError('FILE_TYPE');
      const id = await createImportJob(db, { kind: imp.kind, filename: file.filename, mode, file: file.data, createdBy: c.userId });
      await platform.audit(req, { action: 'import.upload', targetType: 'import_job', targetId: id, outcome: 'success', detail: { kind: imp.kind, filename: file.filename, bytes: file.data.length, mode } });
      // Runs in the background; the client follows progress on the job.
      setImmediate(() => void runImportJob(platform.database, platform.imports, id, c));
      const [j] = await db.select().from(importJobs).where(eq(importJobs.id, id));
      return reply.code(202).send(view(j, false));
    },
  });

  app.get('/imports/jobs', {
    config: { permission: 'import:run' },
    schema: { tags: ['imports'], summary: '我的导入任务 My import jobs', querystring: z.object({ kind: z.string().max(40).optional() }), response: { 200: z.array(ZJob) } },
    handler: async (req) => (await listImportJobs(db, callerOf(req).userId, req.query.kind)).map((j) => view(j, j.errorCount > 0)),
  });

  app.get('/imports/jobs/:id', {
    config: { permission: 'import:run' },
    schema: { tags: ['imports'], summary: '导入进度 Import progress', params: z.object({ id: z.string().uuid() }), response: { 200: ZJob } },
    handler: async (req) => {
      const [j] = await db.select().from(importJobs).where(and(eq(importJobs.id, req.params.id), eq(importJobs.createdBy, callerOf(req).userId)));
      if (!j) throw new AppError('NOT_FOUND');
      return view(j, !!j.errorsFile);
    },
  });

  app.get('/imports/jobs/:id/errors', {
    config: { permission: 'import:run' },
    schema: { tags: ['imports'], summary: '下载错误明细 Download the error workbook', params: z.object({ id: z.string().uuid() }) },
    handler: async (req, reply) => {
      const [j] = await db.select().from(importJobs).where(and(eq(importJobs.id, req.params.id), eq(importJobs.createdBy, callerOf(req).userId)));
      if (!j?.errorsFile) throw new AppError('NOT_FOUND', { zh: '没有错误明细', en: 'No error file' });
      return sendXlsx(reply, `导入错误明细-${j.filename.replace(/\.(xlsx|csv)$/i, '')}.xlsx`, j.errorsFile);
    },
  });
}
