// Status periods from other departments: full-time study (在校学生, from the education
// department's student records) and insurance in another province (外省参保, from the national
// social insurance platform's relationship query and transfers). While one stands the person is
// not 应参保 here: the coverage rate's denominator `registry-16plus-students-elsewhere@2`
// (measures.ts) and the 扩面 gap list (coverage.ts) leave them out, unless they are
// pension-insured here.
//
// Bitemporal like the stop events (lifeevents.ts): a source reports a period under its own
// reference (学籍号, 参保记录号); a later report under the same reference with other dates — the
// end became known, a date was corrected — is a new row superseding the current one; the same
// report again is a duplicate. Imported by Excel/CSV through the platform pipeline: rows are
// checked one by one (error workbook), then the file is written all or nothing.
import { and, desc, eq, notExists, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { maskResidentId } from '../../platform/crypto';
import { num } from '../../platform/db';
import { exportSheet } from '../../platform/http/export';
import { countUpTo, pageOf } from '../../platform/http/util';
import type { Importer } from '../../platform/imports';
import { csvField } from '../../platform/imports/parse';
import type { Platform } from '../../platform/kernel';
import { regionFilter, scopeWhere } from '../../platform/scope';
import { persons } from '../registry';
import { personTermCondition, type Ctx } from './access';
import { todayIso } from './calendar';
import { parseDate, refuseUnlessResolved, sourceRowProblems } from './lifeevents';
import { insuranceStatusPeriods } from './schema';
import { dataSourceLabels, statusPeriodKinds, statusPeriodLabels, type DataSource, type StatusPeriodKind } from './types';

const KIND_ALIASES: Record<string, StatusPeriodKind> = { 学生: 'student', 在校生: 'student', 全日制在校学生: 'student', 外地参保: 'insured_elsewhere', 省外参保: 'insured_elsewhere', 异地参保: 'insured_elsewhere' };

export function parseStatusPeriodKind(v: string): StatusPeriodKind | null {
  const s = v.trim();
  if ((statusPeriodKinds as readonly string[]).includes(s)) return s as StatusPeriodKind;
  for (const k of statusPeriodKinds) if (statusPeriodLabels[k].zh === s || statusPeriodLabels[k].en.toLowerCase() === s.toLowerCase()) return k;
  return KIND_ALIASES[s] ?? null;
}

type PeriodImportRow = { idHash: string; idMasked: string; name: string; kind: StatusPeriodKind; startsOn: string; endsOn: string | null; place: string | null; knownOn: string; source: DataSource; sourceRef: string };

/** Importer `status-periods`: study and other-province insurance periods. Unknown people, or a reference another person holds, refuse the file. */
export function statusPeriodImporter(platform: Platform): Importer<PeriodImportRow> {
  return {
    kind: 'status-periods',
    permission: 'insurance:write',
    title: { zh: '在校学生与外省参保信息', en: 'Full-time students and insurance in other provinces' },
    columns: [
      { key: 'idNumber', zh: '身份证号', en: 'Resident ID', required: true, example: '11010519491231002X', text: true },
      { key: 'name', zh: '姓名', en: 'Name', required: true, example: '张三' },
      { key: 'kind', zh: '类型', en: 'Kind', required: true, example: '在校学生', note: '在校学生 / 外省参保' },
      { key: 'startsOn', zh: '开始日期', en: 'From', required: true, example: '2019-09-01', text: true, note: '入学日期，或在外省参保的起始日期' },
      { key: 'endsOn', zh: '结束日期', en: 'To', required: false, example: '2022-06-30', text: true, note: '毕业、离校或外省参保终止日期；留空为仍在期间内' },
      { key: 'place', zh: '学校或参保地', en: 'School or where insured', required: false, example: '海南中学' },
      { key: 'knownOn', zh: '报告日期', en: 'Date reported', required: false, example: '2020-10-15', text: true, note: '来源部门报告的日期；留空为导入当天' },
      { key: 'source', zh: '数据来源', en: 'Source', required: true, example: '教育', note: '教育 / 全国社保平台' },
      { key: 'sourceRef', zh: '来源编号', en: 'Source reference', required: true, example: 'XJ460100200300001', text: true, note: '学籍号或参保记录编号；同一编号再次报送不同日期即为更正' },
    ],
    validateRow(cells) {
      const { problems, id, source } = sourceRowProblems(cells);
      const kind = parseStatusPeriodKind(cells.kind);
      if (!kind) problems.push({ column: 'kind', zh: `类型“${cells.kind}”应为 在校学生 / 外省参保`, en: `kind "${cells.kind}" must be student or insured_elsewhere` });
      const startsOn = parseDate(cells.startsOn);
      if (!startsOn || startsOn > todayIso()) problems.push({ column: 'startsOn', zh: '开始日期无效或晚于今天', en: 'invalid or future start date' });
      const endsOn = cells.endsOn.trim() ? parseDate(cells.endsOn) : null;
      if (cells.endsOn.trim() && !endsOn) problems.push({ column: 'endsOn', zh: '结束日期无效', en: 'invalid end date' });
      else if (endsOn && startsOn && endsOn < startsOn) problems.push({ column: 'endsOn', zh: '结束日期早于开始日期', en: 'ends before it starts' });
      const knownOn = cells.knownOn.trim() ? parseDate(cells.knownOn) : todayIso();
      if (!knownOn || knownOn > todayIso()) problems.push({ column: 'knownOn', zh: '报告日期无效或晚于今天', en: 'invalid or future report date' });
      if (problems.length || !id.ok) return { ok: false, problems };
      return {
        ok: true,
        // One report per reference in a file: a second one would be an in-file correction.
        key: `${source}|${cells.sourceRef.trim()}`,
        row: {
          idHash: platform.crypto.blindIndex(id.value.id),
          idMasked: maskResidentId(id.value.id),
          name: cells.name.trim(),
          kind: kind!,
          startsOn: startsOn!,
          endsOn,
          place: cells.place.trim() || null,
          knownOn: knownOn!,
          source: source!,
          sourceRef: cells.sourceRef.trim(),
        },
      };
    },
    async write(tx, rows, ctx) {
      await tx.query(
        `create temp table stage_period (ord int, id_hash text, id_masked text, name text, kind text, starts_on date, ends_on date, place text, known_on date, source text, source_ref text) on commit drop`,
      );
      const csv = rows.map((r, i) => [i + 1, r.idHash, r.idMasked, r.name, r.kind, r.startsOn, r.endsOn, r.place, r.knownOn, r.source, r.sourceRef].map(csvField).join(',')).join('\n');
      await tx.copyCsv('stage_period', ['ord', 'id_hash', 'id_masked', 'name', 'kind', 'starts_on', 'ends_on', 'place', 'known_on', 'source', 'source_ref'], csv + '\n');
      // Each row's person, and the current report under the same reference (the one it would supersede), found once.
      await tx.query(
        `create temp table stage_period_x on commit drop as
         select s.*, p.id as person_id, p.name as person_name, p.region_code, o.id as prev_id, o.person_id as prev_person, o.kind as prev_kind
           from stage_period s left join persons p on p.id_hash = s.id_hash
           left join lateral (
             select o.id, o.person_id, o.kind from insurance_status_periods o
              where o.source = s.source and o.source_ref = s.source_ref
                and not exists (select 1 from insurance_status_periods nx where nx.supersedes_id = o.id)
              order by o.recorded_at desc, o.id desc limit 1) o on true /*scope:system*/`,
      );
      const resolved = await tx.query<{ ord: number; id_masked: string; person_id: number | null; person_name: string | null; name: string; region_code: string | null; kind: string; prev_person: number | null; prev_kind: string | null }>(
        `select ord, id_masked, person_id, person_name, name, region_code, kind, prev_person, prev_kind from stage_period_x order by ord`,
      );
      refuseUnlessResolved(resolved, ctx.caller.scope, (r) =>
        r.prev_person !== null && (num(r.prev_person) !== num(r.person_id) || r.prev_kind !== r.kind) ? { zh: '来源编号已用于另一人员或类型', en: 'the source reference belongs to another person or kind' } : null,
      );
      const inserted = await tx.query<{ id: number }>(
        `insert into insurance_status_periods (person_id, region_code, kind, starts_on, ends_on, place, known_on, source, source_ref, supersedes_id, import_job_id, recorded_by)
         select person_id, region_code, kind, starts_on, ends_on, place, known_on, source, source_ref, prev_id, $1, $2
           from stage_period_x
         on conflict do nothing
         returning id /*scope:system*/`,
        [ctx.jobId, ctx.caller.userId],
      );
      return { inserted: inserted.length, duplicates: rows.length - inserted.length };
    },
    async afterCommit(summary, ctx) {
      await platform.audit(null, { actorId: ctx.caller.userId, actorName: ctx.caller.username, action: 'insurance.status_period.import', targetType: 'import_job', targetId: ctx.jobId, outcome: 'success', detail: summary });
    },
  };
}

export type StatusPeriodQuery = { regionCode?: string; kind?: StatusPeriodKind; asOf?: string; q?: string };

/** Status periods in scope as currently known (superseded reports left out), filtered: kind, region, standing on a day, a person by name or resident ID. */
function statusPeriodWhere(ctx: Ctx, q: StatusPeriodQuery): SQL {
  const sp = insuranceStatusPeriods;
  const later = alias(sp, 'later');
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, sp), regionFilter(ctx.caller.scope, q.regionCode, sp.regionCode, ctx.platform.regions.expand)];
  if (q.kind) conds.push(eq(sp.kind, q.kind));
  if (q.asOf) conds.push(sql`${sp.startsOn} <= ${q.asOf}::date and (${sp.endsOn} is null or ${sp.endsOn} >= ${q.asOf}::date)`);
  conds.push(personTermCondition(ctx, q.q, sp.personId));
  conds.push(notExists(ctx.platform.db.select({ one: sql`1` }).from(later).where(sql`${later.supersedesId} = ${sp.id} /*scope:system*/`)));
  return and(...conds)!;
}

async function statusPeriodRows(ctx: Ctx, where: SQL, limit: number, offset = 0) {
  const r = await ctx.platform.db
    .select({ e: insuranceStatusPeriods, name: persons.name, idMasked: persons.idMasked })
    .from(insuranceStatusPeriods)
    .innerJoin(persons, eq(persons.id, insuranceStatusPeriods.personId))
    .where(where)
    .orderBy(desc(insuranceStatusPeriods.id))
    .limit(limit)
    .offset(offset);
  return r.map(({ e, name, idMasked }) => ({
    id: e.id,
    personId: e.personId,
    personName: name,
    idNumberMasked: idMasked,
    kind: e.kind,
    kindName: statusPeriodLabels[e.kind].zh,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    place: e.place,
    knownOn: e.knownOn,
    recordedAt: e.recordedAt.toISOString(),
    source: e.source,
    sourceRef: e.sourceRef,
    supersedesId: e.supersedesId,
    regionCode: e.regionCode,
    regionName: ctx.platform.regions.name(e.regionCode),
  }));
}

/** One page of status periods, newest first, with the count capped like the other big lists. */
export async function listStatusPeriods(ctx: Ctx, q: StatusPeriodQuery & { page: number; pageSize: number }) {
  const where = statusPeriodWhere(ctx, q);
  return pageOf(q, (limit, offset) => statusPeriodRows(ctx, where, limit, offset), () => countUpTo(ctx.platform.db, insuranceStatusPeriods, where));
}

/** The filtered periods as a workbook (masked IDs), refused past the export limit. */
export function statusPeriodWorkbook(ctx: Ctx, q: StatusPeriodQuery): Promise<{ buffer: Buffer; rows: number }> {
  return exportSheet(
    '在校学生与外省参保',
    [
      { header: '姓名', key: 'personName', width: 12 },
      { header: '身份证号（脱敏）', key: 'idNumberMasked', width: 22 },
      { header: '类型', key: 'kindName', width: 10 },
      { header: '开始日期', key: 'startsOn', width: 12 },
      { header: '结束日期', key: 'endsOn', width: 12 },
      { header: '学校或参保地', key: 'place', width: 18 },
      { header: '数据来源', key: 'source', width: 14 },
      { header: '来源编号', key: 'sourceRef', width: 20 },
      { header: '报告日期', key: 'knownOn', width: 12 },
      { header: '户籍地区', key: 'regionName', width: 14 },
    ],
    (limit) => statusPeriodRows(ctx, statusPeriodWhere(ctx, q), limit),
    (r) => ({ ...r, endsOn: r.endsOn ?? '仍在期间内', place: r.place ?? '', source: dataSourceLabels[r.source].zh, regionName: r.regionName ?? r.regionCode }),
  );
}
