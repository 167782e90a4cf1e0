// 农村劳动力转移就业: a rural labourer taking non-farm work, in the county, elsewhere in the
// province or out of it. Only persons with a rural household (农村户口) can be transferred.
import { countUpTo } from '../../platform/http/util';
import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import { AppError, type FieldProblem } from '../../platform/errors';
import { regionFilter, scopeWhere } from '../../platform/scope';
import { persons } from '../registry';
import { chinaToday } from './codes';
import { fail, orderBy, personInScope, type Ctx } from './context';
import { checkOccupationCode } from './occupations';
import { checkPastDate } from './rules';
import { ruralTransfers } from './schema';

export type TransferInput = {
  personId: number;
  transferDate: string;
  destination: 'in_county' | 'in_province' | 'out_of_province';
  destinationRegionCode?: string | null;
  industry?: string | null;
  occupationCode?: string | null;
};

export function checkTransferFields(input: TransferInput, hukouType: 'urban' | 'rural', regionExists: (c: string) => boolean, today: string): FieldProblem[] {
  const problems = checkPastDate('transferDate', input.transferDate, today, { zh: '转移就业日期', en: 'transfer date' });
  if (hukouType !== 'rural') problems.push({ field: 'personId', zh: '农村劳动力转移就业仅登记农村户口人员', en: 'only persons with a rural household can be registered as rural labour transfers' });
  if (input.destinationRegionCode && !regionExists(input.destinationRegionCode)) problems.push({ field: 'destinationRegionCode', zh: `地区代码 ${input.destinationRegionCode} 不存在`, en: `region ${input.destinationRegionCode} does not exist` });
  if (input.destination === 'out_of_province' && input.destinationRegionCode) problems.push({ field: 'destinationRegionCode', zh: '省外转移不填写省内地区', en: 'an out-of-province transfer has no Hainan destination region' });
  if (input.occupationCode) {
    const c = checkOccupationCode(input.occupationCode);
    if (!c.ok) problems.push({ field: 'occupationCode', zh: c.zh, en: c.en });
  }
  return problems;
}

export async function registerTransfer(ctx: Ctx, input: TransferInput, today = chinaToday()) {
  const person = await personInScope(ctx, input.personId);
  const problems = checkTransferFields(input, person.hukouType, (c) => ctx.platform.regions.index.isCurrent(c), today);
  if (problems.length) fail(problems);
  const [row] = await ctx.platform.db
    .insert(ruralTransfers)
    .values({ personId: person.id, regionCode: person.regionCode, transferDate: input.transferDate, destination: input.destination, destinationRegionCode: input.destinationRegionCode ?? null, industry: input.industry ?? null, occupationCode: input.occupationCode ?? null, createdBy: ctx.caller.userId })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('DUPLICATE', { zh: `此人 ${input.transferDate} 的转移就业已登记`, en: `a transfer on ${input.transferDate} is already registered for this person` });
  return row;
}

export type TransferQuery = { id?: number; regionCode?: string; personId?: number; from?: string; to?: string; page: number; pageSize: number; sort?: string };

export async function listTransfers(ctx: Ctx, q: TransferQuery) {
  const t = ruralTransfers;
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, t), regionFilter(ctx.caller.scope, q.regionCode, t.regionCode, ctx.platform.regions.expand)];
  if (q.personId) conds.push(eq(t.personId, q.personId));
  if (q.from) conds.push(gte(t.transferDate, q.from));
  if (q.to) conds.push(lte(t.transferDate, q.to));
  if (q.id) conds.push(eq(t.id, q.id));
  const where = and(...conds)!;
  const db = ctx.platform.db;
  const [items, counted] = await Promise.all([
    db
      .select({ r: t, personName: persons.name, idMasked: persons.idMasked })
      .from(t)
      .innerJoin(persons, eq(persons.id, t.personId))
      .where(where)
      .orderBy(...orderBy(q.sort, { transferDate: t.transferDate, id: t.id }, t.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countUpTo(db, t, where),
  ]);
  return { items: items.map((i) => ({ ...i.r, personName: i.personName, idNumberMasked: i.idMasked })), total: counted.total, totalCapped: counted.capped, page: q.page, pageSize: q.pageSize };
}
