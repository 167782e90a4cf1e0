// Employers: unified social credit code (GB 32100; a failing check character is a warning,
// since some real early codes fail it), industry (GB/T 4754 section), ownership, size, region.
import { and, eq, ilike, type SQL } from 'drizzle-orm';
import { countUpTo } from '../../platform/http/util';
import { AppError, type FieldProblem } from '../../platform/errors';
import { parseUscc } from '../../platform/validate';
import { assertRegionInScope, regionFilter, scopeWhere } from '../../platform/scope';
import type { Caller } from '../../platform/auth/service';
import type { Platform } from '../../platform/kernel';
import { industries, industryName, ownershipName, ownerships, resolveCode, sizeName, sizes } from './codes';
import { orderOf } from './persons';
import { employers, registryHistory } from './schema';

type Ctx = { platform: Platform; caller: Caller };
type EmployerRow = typeof employers.$inferSelect;

export type EmployerInput = { uscc: string; name: string; industry: string; ownership: string; size: string; regionCode: string };
export type EmployerUpdate = Partial<Omit<EmployerInput, 'uscc'>> & { version: number };

export function checkEmployerFields(input: Partial<EmployerInput>, regionExists: (c: string) => boolean) {
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const out: Partial<EmployerInput> = {};
  if (input.uscc !== undefined) {
    const r = parseUscc(input.uscc);
    if (!r.ok) problems.push({ field: 'uscc', zh: r.zh, en: r.en });
    else {
      out.uscc = r.value.code;
      if (r.value.warning) warnings.push({ field: 'uscc', ...r.value.warning });
    }
  }
  if (input.name !== undefined) {
    const n = input.name.trim();
    if (n.length < 2 || n.length > 100) problems.push({ field: 'name', zh: '单位名称须为2–100个字符', en: 'name must have 2–100 characters' });
    else out.name = n;
  }
  const coded = (field: 'industry' | 'ownership' | 'size', list: { code: string; name: string }[], zh: string, en: string) => {
    const v = input[field];
    if (v === undefined) return;
    const c = resolveCode(list, v);
    if (!c) problems.push({ field, zh: `${zh}“${v}”无效`, en: `invalid ${en} "${v}"` });
    else out[field] = c;
  };
  coded('industry', industries, '行业门类', 'industry section');
  coded('ownership', ownerships, '经济类型', 'ownership');
  coded('size', sizes, '企业规模', 'size');
  if (input.regionCode !== undefined) {
    if (!regionExists(input.regionCode)) problems.push({ field: 'regionCode', zh: `地区代码 ${input.regionCode} 不存在`, en: `region ${input.regionCode} does not exist` });
    else out.regionCode = input.regionCode;
  }
  return { problems, warnings, value: out };
}

export function employerView(e: EmployerRow, regionName: (c: string) => string | null) {
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    industry: e.industry,
    industryName: industryName.get(e.industry) ?? e.industry,
    ownership: e.ownership,
    ownershipName: ownershipName.get(e.ownership) ?? e.ownership,
    size: e.size,
    sizeName: sizeName.get(e.size) ?? e.size,
    regionCode: e.regionCode,
    regionName: regionName(e.regionCode),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
  };
}

export type EmployerQuery = {
  q?: string;
  uscc?: string;
  regionCode?: string;
  industry?: string;
  ownership?: string;
  size?: string;
  page: number;
  pageSize: number;
  sort?: string;
};

const sortable = { name: employers.name, regionCode: employers.regionCode, updatedAt: employers.updatedAt, id: employers.id, industry: employers.industry };

export function employerConditions({ platform, caller }: Ctx, q: Omit<EmployerQuery, 'page' | 'pageSize' | 'sort'>): SQL {
  const conds: (SQL | undefined)[] = [scopeWhere(caller.scope, employers)];
  if (q.q) conds.push(ilike(employers.name, `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
  if (q.uscc) conds.push(eq(employers.uscc, q.uscc.trim().toUpperCase()));
  conds.push(regionFilter(caller.scope, q.regionCode, employers.regionCode, platform.regions.expand));
  if (q.industry) conds.push(eq(employers.industry, q.industry));
  if (q.ownership) conds.push(eq(employers.ownership, q.ownership));
  if (q.size) conds.push(eq(employers.size, q.size as EmployerRow['size']));
  return and(...conds)!;
}

export async function listEmployers(ctx: Ctx, q: EmployerQuery) {
  const where = employerConditions(ctx, q);
  const [items, counted] = await Promise.all([
    ctx.platform.db
      .select()
      .from(employers)
      .where(where)
      .orderBy(...orderOf(q.sort, sortable, employers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countUpTo(ctx.platform.db, employers, where),
  ]);
  return { items: items.map((e) => employerView(e, ctx.platform.regions.name)), total: counted.total, totalCapped: counted.capped, page: q.page, pageSize: q.pageSize };
}

export async function getEmployerRow(ctx: Ctx, id: number): Promise<EmployerRow> {
  const [e] = await ctx.platform.db
    .select()
    .from(employers)
    .where(and(eq(employers.id, id), scopeWhere(ctx.caller.scope, employers)));
  if (!e) throw new AppError('NOT_FOUND');
  return e;
}

function regionExists(platform: Platform) {
  return (code: string) => {
    const r = platform.regions.index.get(code);
    return !!r && !r.validTo;
  };
}

function fail(problems: FieldProblem[]): never {
  throw new AppError('VALIDATION', { fields: problems, zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') });
}

export async function createEmployer(ctx: Ctx, input: EmployerInput) {
  const { platform, caller } = ctx;
  const c = checkEmployerFields(input, regionExists(platform));
  if (c.problems.length) fail(c.problems);
  const v = c.value as EmployerInput;
  assertRegionInScope(caller.scope, v.regionCode);
  const row = await platform.db.transaction(async (tx) => {
    const [e] = await tx
      .insert(employers)
      .values({ ...v, size: v.size as EmployerRow['size'], createdBy: caller.userId })
      .onConflictDoNothing({ target: employers.uscc })
      .returning();
    if (!e) throw new AppError('DUPLICATE', { zh: '该统一社会信用代码已登记', en: 'An employer with this credit code is already registered' });
    await tx.insert(registryHistory).values({
      entity: 'employer',
      entityId: e.id,
      regionCode: e.regionCode,
      actorId: caller.userId,
      actorName: caller.username,
      action: 'create',
      changes: { name: { from: null, to: e.name }, regionCode: { from: null, to: e.regionCode } },
    });
    return e;
  });
  return { row, warnings: c.warnings };
}

export async function updateEmployer(ctx: Ctx, id: number, input: EmployerUpdate) {
  const { platform, caller } = ctx;
  const before = await getEmployerRow(ctx, id);
  const c = checkEmployerFields(input, regionExists(platform));
  if (c.problems.length) fail(c.problems);
  if (c.value.regionCode) assertRegionInScope(caller.scope, c.value.regionCode);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(c.value)) {
    const from = before[k as keyof EmployerRow];
    if (from !== v) changes[k] = { from, to: v };
  }
  return platform.db.transaction(async (tx) => {
    const [e] = await tx
      .update(employers)
      .set({ ...c.value, size: c.value.size as EmployerRow['size'] | undefined, updatedAt: new Date(), version: before.version + 1 })
      .where(and(eq(employers.id, id), eq(employers.version, input.version), scopeWhere(caller.scope, employers)))
      .returning();
    if (!e) throw new AppError('STALE_VERSION');
    if (Object.keys(changes).length) {
      await tx.insert(registryHistory).values({ entity: 'employer', entityId: id, regionCode: e.regionCode, actorId: caller.userId, actorName: caller.username, action: 'update', changes });
    }
    return e;
  });
}
