// Pensioners' status: stop events from other departments (death from police and civil affairs,
// imprisonment and release from justice), imported by Excel/CSV or entered one at a time, and
// life signals for eligibility authentication (待遇资格认证).
//
// Stop events are bitemporal: `occurred_on` (valid time) and `known_on` / `recorded_at`
// (when the source reported it, when Renshe recorded it). A later record for the same person
// and kind supersedes the earlier one; nothing is overwritten. Applying a death stops every
// benefit from the month after death, ends open enrolments, and opens a recovery case
// (待遇追回) with the payments made for months from the stop month on — all in the same
// transaction as the event.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { maskResidentId } from '../../platform/crypto';
import { num, rows, type RawTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { exportSheet } from '../../platform/http/export';
import { countUpTo, pageOf } from '../../platform/http/util';
import type { Importer, RowProblem } from '../../platform/imports';
import { csvField } from '../../platform/imports/parse';
import type { Platform } from '../../platform/kernel';
import { regionFilter, regionInScope, scopeWhere, systemScope, type Scope } from '../../platform/scope';
import { parseResidentId } from '../../platform/validate';
import { persons } from '../registry';
import { personInScope, personTermCondition, scopeOn, yuan as yuanOf, type Ctx } from './access';
import { chineseWorkingDays, todayIso, workingDaysBetween, type WorkingDayCalendar } from './calendar';
import { paramsFor, type Params } from './params';
import { insuranceLifeEvents, insuranceLifeSignals, insuranceRecoveryCases } from './schema';
import { dataSourceLabels, lifeEventKinds, lifeEventLabels, lifeSignalKinds, lifeSignalLabels, parseDataSource, type DataSource, type LifeEventKind, type LifeSignalKind } from './types';

type Query = RawTx['query'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseDate(v: string): string | null {
  const s = v.trim().replace(/[/.年月]/g, '-').replace(/日$/, '');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

function parseKind<K extends string>(v: string, kinds: readonly K[], labels: Record<K, { zh: string; en: string }>): K | null {
  const s = v.trim();
  if ((kinds as readonly string[]).includes(s)) return s as K;
  for (const k of kinds) if (labels[k].zh === s || labels[k].en.toLowerCase() === s.toLowerCase()) return k;
  if (s === '刑满释放' || s === '释放') return 'release' as K;
  if (s === '服刑' || s === '收监' || s === '判刑收监') return 'imprisonment' as K;
  return null;
}

// ---- shared by the imports of other departments' records (this file, statusperiods.ts) ---

/** Checks of a row every such import makes: resident ID, source, source reference, name. */
export function sourceRowProblems(cells: Record<string, string>): { problems: RowProblem[]; id: ReturnType<typeof parseResidentId>; source: DataSource | null } {
  const problems: RowProblem[] = [];
  const id = parseResidentId(cells.idNumber);
  if (!id.ok) problems.push({ column: 'idNumber', zh: `身份证号${id.zh}`.replace('身份证号身份证号', '身份证号'), en: `resident ID: ${id.en}` });
  const source = parseDataSource(cells.source);
  if (!source) problems.push({ column: 'source', zh: `数据来源“${cells.source}”无效`, en: `unknown source "${cells.source}"` });
  if (!cells.sourceRef.trim()) problems.push({ column: 'sourceRef', zh: '来源编号不能为空', en: 'source reference is required' });
  if (cells.name !== undefined && !cells.name.trim()) problems.push({ column: 'name', zh: '姓名不能为空', en: 'name is required' });
  return { problems, id, source };
}

export type ResolvedRow = { ord: number; id_masked: string; person_id: number | null; person_name: string | null; name: string; region_code: string | null };

/**
 * All or nothing: refuses the file (IMPORT_FAILED, nothing written) when any record names a
 * person not registered, with another name, or outside the caller's scope, or fails `extra`.
 */
export function refuseUnlessResolved<R extends ResolvedRow>(resolved: R[], scope: Scope, extra?: (r: R) => { zh: string; en: string } | null): void {
  const problems: string[] = [];
  const problemsEn: string[] = [];
  const add = (r: R, zh: string, en: string) => {
    problems.push(`第${r.ord}条（${r.id_masked}）${zh}`);
    problemsEn.push(`record ${r.ord} (${r.id_masked}): ${en}`);
  };
  for (const r of resolved) {
    const other = r.person_id && r.person_name === r.name && regionInScope(scope, r.region_code!) ? extra?.(r) : null;
    if (!r.person_id) add(r, '未在人员信息中登记', 'not registered');
    else if (r.person_name !== r.name) add(r, '姓名与身份证号不符', 'name does not match');
    else if (!regionInScope(scope, r.region_code!)) add(r, '超出您的数据权限范围', 'outside your data scope');
    else if (other) add(r, other.zh, other.en);
  }
  if (problems.length) {
    throw new AppError('IMPORT_FAILED', {
      zh: `${problems.length} 条未通过校验，未写入任何数据：${problems.slice(0, 20).join('；')}`,
      en: `${problems.length} records failed; nothing was written: ${problemsEn.slice(0, 20).join('; ')}`,
    });
  }
}

// ---- applying stop events -------------------------------------------------------------

export type StopOutcome = { decisionsStopped: number; decisionsResumed: number; enrolmentsEnded: number; recoveryCases: { id: number; decisionId: number; amountFen: number }[] };

/**
 * Applies newly recorded stop events inside the caller's transaction. Death: every benefit
 * stops from the month after death; imprisonment: pensions and the unemployment benefit are
 * suspended from the month after; release: those suspensions end. Payments already made for
 * stopped months open one recovery case per decision and event (never twice for a payment).
 */
export async function applyStopEvents(query: Query, eventIds: number[], actor: { userId: number | null; username: string }): Promise<StopOutcome> {
  if (eventIds.length === 0) return { decisionsStopped: 0, decisionsResumed: 0, enrolmentsEnded: 0, recoveryCases: [] };
  const [stop] = await query<{ stopped: number; cases: unknown }>(
    `with ev as (
       select distinct on (e.person_id) e.id, e.person_id, e.kind, e.occurred_on,
              (date_trunc('month', e.occurred_on) + interval '1 month')::date as stop_month
         from insurance_life_events e
        where e.id = any($1::bigint[]) and e.kind in ('death', 'imprisonment')
        order by e.person_id, (e.kind = 'death') desc, e.occurred_on),
     upd as (
       update insurance_benefit_decisions d
          set status = case when ev.kind = 'death' then 'stopped' else 'suspended' end,
              stopped_from_month = case when d.status = 'suspended' and d.stopped_from_month < ev.stop_month then d.stopped_from_month else ev.stop_month end,
              stop_reason = ev.kind, stop_event_id = ev.id, version = d.version + 1
         from ev
        where d.person_id = ev.person_id
          and (ev.kind = 'death' or d.kind in ('enterprise_pension', 'institution_pension', 'resident_pension', 'unemployment_benefit'))
          and (d.status = 'active'
               or (d.status = 'suspended' and (ev.kind = 'death' or d.stopped_from_month > ev.stop_month))
               or (d.status = 'stopped' and ev.kind = 'death' and d.stop_reason = 'death' and d.stopped_from_month > ev.stop_month))
       returning d.id, d.person_id, d.region_code, ev.id as event_id, ev.kind, d.stopped_from_month),
     cases as (
       insert into insurance_recovery_cases (person_id, region_code, decision_id, life_event_id, reason, amount_fen, months)
       select u.person_id, u.region_code, u.id, u.event_id, u.kind, sum(p.amount_fen),
              jsonb_agg(jsonb_build_object('month', to_char(p.pay_month, 'YYYY-MM-DD'), 'amountFen', p.amount_fen, 'paymentId', p.id) order by p.pay_month)
         from upd u join insurance_benefit_payments p on p.decision_id = u.id and p.pay_month >= u.stopped_from_month
        where not exists (select 1 from insurance_recovery_cases rc, jsonb_array_elements(rc.months) m
                           where rc.decision_id = u.id and (m ->> 'paymentId')::bigint = p.id)
        group by u.person_id, u.region_code, u.id, u.event_id, u.kind
       on conflict (decision_id, life_event_id) do nothing
       returning id, decision_id, amount_fen)
     select (select count(*) from upd)::int as stopped,
            coalesce((select json_agg(json_build_object('id', id, 'decisionId', decision_id, 'amountFen', amount_fen)) from cases), '[]') as cases`,
    [eventIds],
  );
  const resumed = await query<{ n: number }>(
    `with upd as (
       update insurance_benefit_decisions d
          set status = 'active', stopped_from_month = null, stop_reason = null, stop_event_id = null, version = d.version + 1
         from insurance_life_events r
        where r.id = any($1::bigint[]) and r.kind = 'release' and d.person_id = r.person_id
          and d.status = 'suspended' and d.stop_reason = 'imprisonment'
          and r.occurred_on >= (select i.occurred_on from insurance_life_events i where i.id = d.stop_event_id)
       returning 1)
     select count(*)::int as n from upd`,
    [eventIds],
  );
  const ended = await query<{ n: number }>(
    `with ev as (
       select distinct on (person_id) id, person_id, occurred_on from insurance_life_events
        where id = any($1::bigint[]) and kind = 'death' order by person_id, occurred_on),
     old as (
       select en.id, en.person_id, en.region_code, en.employer_id, en.status, greatest(en.start_date, ev.occurred_on) as end_date
         from insurance_enrolments en join ev on ev.person_id = en.person_id where en.status <> 'terminated'),
     upd as (
       update insurance_enrolments en set status = 'terminated', end_date = old.end_date, updated_at = now(), version = en.version + 1
         from old where en.id = old.id returning en.id),
     hist as (
       insert into insurance_enrolment_events (enrolment_id, person_id, region_code, action, effective_date, from_status, to_status, employer_id, reason, actor_id, actor_name)
       select old.id, old.person_id, old.region_code, 'terminate', old.end_date, old.status, 'terminated', old.employer_id, '死亡', $2::int, $3::text from old
       returning 1)
     select (select count(*) from upd)::int as n`,
    [eventIds, actor.userId, actor.username],
  );
  const cases = (typeof stop.cases === 'string' ? JSON.parse(stop.cases) : stop.cases) as { id: number; decisionId: number; amountFen: number }[];
  return {
    decisionsStopped: num(stop.stopped),
    decisionsResumed: num(resumed[0]?.n),
    enrolmentsEnded: num(ended[0]?.n),
    recoveryCases: cases.map((c) => ({ id: num(c.id), decisionId: num(c.decisionId), amountFen: num(c.amountFen) })),
  };
}

// ---- recording events -----------------------------------------------------------------

type EventRow = { personId: number; regionCode: string; kind: LifeEventKind; occurredOn: string; knownOn: string; source: DataSource; sourceRef: string };

/** Inserts events (idempotent by source and reference), links corrections, applies them. */
async function insertAndApply(tx: RawTx, events: EventRow[], importJobId: string | null, actor: { userId: number | null; username: string }) {
  await tx.query(`create temp table stage_life (person_id bigint, region_code text, kind text, occurred_on date, known_on date, source text, source_ref text) on commit drop`);
  const csv = events.map((e) => [e.personId, e.regionCode, e.kind, e.occurredOn, e.knownOn, e.source, e.sourceRef].map(csvField).join(',')).join('\n');
  await tx.copyCsv('stage_life', ['person_id', 'region_code', 'kind', 'occurred_on', 'known_on', 'source', 'source_ref'], csv + '\n');
  const inserted = await tx.query<{ id: number }>(
    `insert into insurance_life_events (person_id, region_code, kind, occurred_on, known_on, source, source_ref, supersedes_id, import_job_id, recorded_by)
     select s.person_id, s.region_code, s.kind, s.occurred_on, s.known_on, s.source, s.source_ref,
            (select o.id from insurance_life_events o where o.person_id = s.person_id and o.kind = s.kind order by o.recorded_at desc, o.id desc limit 1),
            $1, $2
       from stage_life s
     on conflict (source, source_ref) do nothing
     returning id`,
    [importJobId, actor.userId],
  );
  const ids = inserted.map((r) => num(r.id));
  const outcome = await applyStopEvents(tx.query.bind(tx), ids, actor);
  return { ids, outcome };
}

export type LifeEventInput = { personId: number; kind: LifeEventKind; occurredOn: string; knownOn?: string; source: DataSource; sourceRef: string };

export async function recordLifeEvent(ctx: Ctx, input: LifeEventInput) {
  const person = await personInScope(ctx, input.personId);
  const knownOn = input.knownOn ?? todayIso();
  if (input.occurredOn > todayIso() || knownOn < input.occurredOn || knownOn > todayIso()) {
    throw new AppError('VALIDATION', { zh: '发生日期不能晚于报告日期，两者都不能晚于今天', en: 'The event cannot be after it was reported, nor either in the future' });
  }
  const r = await ctx.platform.database.rawTransaction((tx) =>
    insertAndApply(tx, [{ personId: person.id, regionCode: person.regionCode, kind: input.kind, occurredOn: input.occurredOn, knownOn, source: input.source, sourceRef: input.sourceRef }], null, { userId: ctx.caller.userId, username: ctx.caller.username }),
  );
  if (r.ids.length === 0) throw new AppError('DUPLICATE', { zh: '该来源编号的记录已存在', en: 'An event with this source reference already exists' });
  return { id: r.ids[0], ...r.outcome };
}

type LifeImportRow = { idHash: string; idMasked: string; name: string; kind: LifeEventKind; occurredOn: string; knownOn: string; source: DataSource; sourceRef: string };

/** Importer `life-events`: stop events from other departments. Unknown people refuse the file. */
export function lifeEventImporter(platform: Platform): Importer<LifeImportRow> {
  return {
    kind: 'life-events',
    permission: 'insurance:benefit',
    title: { zh: '待遇人员死亡服刑信息', en: 'Deaths and imprisonments of beneficiaries' },
    columns: [
      { key: 'idNumber', zh: '身份证号', en: 'Resident ID', required: true, example: '11010519491231002X', text: true },
      { key: 'name', zh: '姓名', en: 'Name', required: true, example: '张三' },
      { key: 'kind', zh: '事件类型', en: 'Event', required: true, example: '死亡', note: '死亡 / 服刑 / 刑满释放' },
      { key: 'occurredOn', zh: '发生日期', en: 'Date it happened', required: true, example: '2025-03-18', text: true },
      { key: 'knownOn', zh: '报告日期', en: 'Date reported', required: false, example: '2025-04-02', text: true, note: '来源部门报告或掌握的日期；留空为导入当天' },
      { key: 'source', zh: '数据来源', en: 'Source', required: true, example: '民政', note: '公安 / 民政 / 司法 / 卫健 / 医保' },
      { key: 'sourceRef', zh: '来源编号', en: 'Source reference', required: true, example: 'MZ2025-000123', text: true, note: '来源部门的记录编号，用于去重' },
    ],
    validateRow(cells) {
      const { problems, id, source } = sourceRowProblems(cells);
      const kind = parseKind(cells.kind, lifeEventKinds, lifeEventLabels);
      if (!kind) problems.push({ column: 'kind', zh: `事件类型“${cells.kind}”应为 死亡 / 服刑 / 刑满释放`, en: `event "${cells.kind}" must be death, imprisonment or release` });
      const occurredOn = parseDate(cells.occurredOn);
      const knownOn = cells.knownOn ? parseDate(cells.knownOn) : todayIso();
      if (!occurredOn || occurredOn > todayIso()) problems.push({ column: 'occurredOn', zh: '发生日期无效或晚于今天', en: 'invalid or future date' });
      if (!knownOn || knownOn > todayIso()) problems.push({ column: 'knownOn', zh: '报告日期无效或晚于今天', en: 'invalid or future report date' });
      else if (occurredOn && knownOn < occurredOn) problems.push({ column: 'knownOn', zh: '报告日期早于发生日期', en: 'reported before it happened' });
      if (problems.length || !id.ok) return { ok: false, problems };
      return {
        ok: true,
        key: `${source}|${cells.sourceRef.trim()}`,
        row: { idHash: platform.crypto.blindIndex(id.value.id), idMasked: maskResidentId(id.value.id), name: cells.name.trim(), kind: kind!, occurredOn: occurredOn!, knownOn: knownOn!, source: source!, sourceRef: cells.sourceRef.trim() },
      };
    },
    async write(tx, rows, ctx) {
      await tx.query(`create temp table stage_life_in (ord int, id_hash text, id_masked text, name text, kind text, occurred_on date, known_on date, source text, source_ref text) on commit drop`);
      const csv = rows.map((r, i) => [i + 1, r.idHash, r.idMasked, r.name, r.kind, r.occurredOn, r.knownOn, r.source, r.sourceRef].map(csvField).join(',')).join('\n');
      await tx.copyCsv('stage_life_in', ['ord', 'id_hash', 'id_masked', 'name', 'kind', 'occurred_on', 'known_on', 'source', 'source_ref'], csv + '\n');
      const resolved = await tx.query<{ ord: number; id_masked: string; person_id: number | null; person_name: string | null; name: string; region_code: string | null; kind: string; occurred_on: string; known_on: string; source: string; source_ref: string }>(
        `select s.ord, s.id_masked, p.id as person_id, p.name as person_name, s.name, p.region_code, s.kind,
                to_char(s.occurred_on, 'YYYY-MM-DD') as occurred_on, to_char(s.known_on, 'YYYY-MM-DD') as known_on, s.source, s.source_ref
           from stage_life_in s left join persons p on p.id_hash = s.id_hash order by s.ord`,
      );
      refuseUnlessResolved(resolved, ctx.caller.scope);
      const events: EventRow[] = resolved.map((r) => ({ personId: num(r.person_id), regionCode: r.region_code!, kind: r.kind as LifeEventKind, occurredOn: r.occurred_on, knownOn: r.known_on, source: r.source as DataSource, sourceRef: r.source_ref }));
      const { ids, outcome } = await insertAndApply(tx, events, ctx.jobId, { userId: ctx.caller.userId, username: ctx.caller.username });
      lastOutcome.set(ctx.jobId, outcome);
      return { inserted: ids.length, duplicates: rows.length - ids.length };
    },
    async afterCommit(summary, ctx) {
      const outcome = lastOutcome.get(ctx.jobId);
      lastOutcome.delete(ctx.jobId);
      await platform.audit(null, { actorId: ctx.caller.userId, actorName: ctx.caller.username, action: 'insurance.life_event.import', targetType: 'import_job', targetId: ctx.jobId, outcome: 'success', detail: { ...summary, ...outcome } });
    },
  };
}

const lastOutcome = new Map<string, StopOutcome>();

type SignalImportRow = { idHash: string; kind: LifeSignalKind; observedOn: string; source: DataSource; sourceRef: string };

/** Importer `life-signals`: observations that a person is alive (rows for people not registered are skipped). */
export function lifeSignalImporter(platform: Platform): Importer<SignalImportRow> {
  return {
    kind: 'life-signals',
    permission: 'insurance:benefit',
    title: { zh: '待遇资格认证信息（生存信号）', en: 'Life signals for eligibility authentication' },
    columns: [
      { key: 'idNumber', zh: '身份证号', en: 'Resident ID', required: true, example: '11010519491231002X', text: true },
      { key: 'kind', zh: '信号类型', en: 'Signal', required: true, example: '医保结算', note: '医保结算 / 待遇领取 / 窗口办事 / 社保卡使用 / 出行记录 / 本人认证' },
      { key: 'observedOn', zh: '发生日期', en: 'Date observed', required: true, example: '2025-03-18', text: true },
      { key: 'source', zh: '数据来源', en: 'Source', required: true, example: '医保' },
      { key: 'sourceRef', zh: '来源编号', en: 'Source reference', required: true, example: 'YB-0001', text: true },
    ],
    validateRow(cells) {
      const problems: RowProblem[] = [];
      const id = parseResidentId(cells.idNumber);
      if (!id.ok) problems.push({ column: 'idNumber', zh: `身份证号${id.zh}`.replace('身份证号身份证号', '身份证号'), en: `resident ID: ${id.en}` });
      const kind = parseKind(cells.kind, lifeSignalKinds, lifeSignalLabels);
      if (!kind) problems.push({ column: 'kind', zh: `信号类型“${cells.kind}”无效`, en: `unknown signal "${cells.kind}"` });
      const observedOn = parseDate(cells.observedOn);
      if (!observedOn || observedOn > todayIso()) problems.push({ column: 'observedOn', zh: '日期无效或晚于今天', en: 'invalid or future date' });
      const source = parseDataSource(cells.source);
      if (!source) problems.push({ column: 'source', zh: `数据来源“${cells.source}”无效`, en: `unknown source "${cells.source}"` });
      if (!cells.sourceRef.trim()) problems.push({ column: 'sourceRef', zh: '来源编号不能为空', en: 'source reference is required' });
      if (problems.length || !id.ok) return { ok: false, problems };
      return { ok: true, key: `${source}|${cells.sourceRef.trim()}`, row: { idHash: platform.crypto.blindIndex(id.value.id), kind: kind!, observedOn: observedOn!, source: source!, sourceRef: cells.sourceRef.trim() } };
    },
    async write(tx, rows, ctx) {
      await tx.query(`create temp table stage_signal (id_hash text, kind text, observed_on date, source text, source_ref text) on commit drop`);
      await tx.copyCsv('stage_signal', ['id_hash', 'kind', 'observed_on', 'source', 'source_ref'], rows.map((r) => [r.idHash, r.kind, r.observedOn, r.source, r.sourceRef].map(csvField).join(',')).join('\n') + '\n');
      const [{ n }] = await tx.query<{ n: number }>(
        `with ins as (
           insert into insurance_life_signals (person_id, region_code, kind, observed_on, source, source_ref)
           select p.id, p.region_code, s.kind, s.observed_on, s.source, s.source_ref
             from stage_signal s join persons p on p.id_hash = s.id_hash
            where $1::boolean or p.region_code = any($2::text[])
           on conflict (source, source_ref) do nothing returning 1)
         select count(*)::int as n from ins`,
        [ctx.caller.scope.all, [...ctx.caller.scope.regionCodes]],
      );
      return { inserted: num(n), duplicates: rows.length - num(n) };
    },
    async afterCommit(summary, ctx) {
      await platform.audit(null, { actorId: ctx.caller.userId, actorName: ctx.caller.username, action: 'insurance.life_signal.import', targetType: 'import_job', targetId: ctx.jobId, outcome: 'success', detail: summary });
    },
  };
}

// ---- lists ----------------------------------------------------------------------------

export type LifeEventQuery = { regionCode?: string; kind?: LifeEventKind; personId?: number; q?: string };
export type RecoveryQuery = { status?: 'open' | 'recovered' | 'written_off'; regionCode?: string; personId?: number; q?: string };

function lifeEventWhere(ctx: Ctx, q: LifeEventQuery): SQL {
  const e = insuranceLifeEvents;
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, e), regionFilter(ctx.caller.scope, q.regionCode, e.regionCode, ctx.platform.regions.expand), personTermCondition(ctx, q.q, e.personId)];
  if (q.kind) conds.push(eq(e.kind, q.kind));
  if (q.personId) conds.push(eq(e.personId, q.personId));
  return and(...conds)!;
}

function recoveryWhere(ctx: Ctx, q: RecoveryQuery): SQL {
  const c = insuranceRecoveryCases;
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, c), regionFilter(ctx.caller.scope, q.regionCode, c.regionCode, ctx.platform.regions.expand), personTermCondition(ctx, q.q, c.personId)];
  if (q.status) conds.push(eq(c.status, q.status));
  if (q.personId) conds.push(eq(c.personId, q.personId));
  return and(...conds)!;
}

/** Stop events with the working days the source took to report them (DOMAIN.md: within 20), newest first. */
export async function listLifeEvents(ctx: Ctx, q: LifeEventQuery & { limit?: number; offset?: number }, cal: WorkingDayCalendar = chineseWorkingDays) {
  const r = await ctx.platform.db
    .select({ e: insuranceLifeEvents, name: persons.name, idMasked: persons.idMasked })
    .from(insuranceLifeEvents)
    .innerJoin(persons, eq(persons.id, insuranceLifeEvents.personId))
    .where(lifeEventWhere(ctx, q))
    .orderBy(desc(insuranceLifeEvents.id))
    .limit(q.limit ?? 500)
    .offset(q.offset ?? 0);
  const limits = new Map<number, number>();
  const out = [];
  for (const { e, name, idMasked } of r) {
    const y = Number(e.occurredOn.slice(0, 4));
    if (!limits.has(y)) limits.set(y, (await paramsFor(ctx.platform.database.query.bind(ctx.platform.database) as never, y)).params.stopEventReportWorkingDays);
    const wd = workingDaysBetween(cal, e.occurredOn, e.knownOn);
    out.push({
      id: e.id,
      personId: e.personId,
      personName: name,
      idNumberMasked: idMasked,
      kind: e.kind,
      kindName: lifeEventLabels[e.kind].zh,
      occurredOn: e.occurredOn,
      knownOn: e.knownOn,
      recordedAt: e.recordedAt.toISOString(),
      source: e.source,
      sourceRef: e.sourceRef,
      supersedesId: e.supersedesId,
      regionCode: e.regionCode,
      reportWorkingDays: wd,
      reportedLate: wd > limits.get(y)!,
    });
  }
  return out;
}

/** Bitemporal read: the events of a person as they were known at `knownAt` (latest record per kind). */
export async function lifeEventsAsKnown(platform: Platform, personId: number, knownAt: Date) {
  const r = await rows<{ id: number; kind: LifeEventKind; occurred_on: string }>(
    platform.db,
    sql`select distinct on (kind) id, kind, occurred_on::text as occurred_on from insurance_life_events
         where person_id = ${personId} and recorded_at <= ${knownAt.toISOString()}::timestamptz and ${systemScope()}
         order by kind, recorded_at desc, id desc`,
  );
  return r.map((x) => ({ id: num(x.id), kind: x.kind, occurredOn: String(x.occurred_on).slice(0, 10) }));
}

export async function listRecoveries(ctx: Ctx, q: RecoveryQuery & { limit?: number; offset?: number }) {
  const r = await ctx.platform.db
    .select({ c: insuranceRecoveryCases, name: persons.name, idMasked: persons.idMasked })
    .from(insuranceRecoveryCases)
    .innerJoin(persons, eq(persons.id, insuranceRecoveryCases.personId))
    .where(recoveryWhere(ctx, q))
    .orderBy(desc(insuranceRecoveryCases.id))
    .limit(q.limit ?? 500)
    .offset(q.offset ?? 0);
  return r.map(({ c, name, idMasked }) => ({ ...recoveryView(c, ctx.platform.regions.name), personName: name, idNumberMasked: idMasked }));
}

type PageQuery = { page: number; pageSize: number };

/** One page of the stop events, with a capped total. */
export const pageLifeEvents = (ctx: Ctx, q: LifeEventQuery & PageQuery) =>
  pageOf(q, (limit, offset) => listLifeEvents(ctx, { ...q, limit, offset }), () => countUpTo(ctx.platform.db, insuranceLifeEvents, lifeEventWhere(ctx, q)));

/** One page of the recovery cases, with a capped total. */
export const pageRecoveries = (ctx: Ctx, q: RecoveryQuery & PageQuery) =>
  pageOf(q, (limit, offset) => listRecoveries(ctx, { ...q, limit, offset }), () => countUpTo(ctx.platform.db, insuranceRecoveryCases, recoveryWhere(ctx, q)));

/** The filtered stop events as a workbook (masked IDs), refused past the export limit. */
export function lifeEventWorkbook(ctx: Ctx, q: LifeEventQuery): Promise<{ buffer: Buffer; rows: number }> {
  return exportSheet(
    '停发事件',
    [
      { header: '姓名', key: 'personName', width: 12 },
      { header: '身份证号（脱敏）', key: 'idNumberMasked', width: 22 },
      { header: '事件', key: 'kindName', width: 10 },
      { header: '发生日期', key: 'occurredOn', width: 12 },
      { header: '获知日期', key: 'knownOn', width: 12 },
      { header: '数据来源', key: 'source', width: 14 },
      { header: '来源编号', key: 'sourceRef', width: 20 },
      { header: '报告用时（工作日）', key: 'reportWorkingDays', width: 12 },
      { header: '超时报告', key: 'late', width: 10 },
      { header: '地区代码', key: 'regionCode', width: 12 },
    ],
    (limit) => listLifeEvents(ctx, { ...q, limit }),
    (r) => ({ ...r, source: dataSourceLabels[r.source as DataSource]?.zh ?? r.source, late: r.reportedLate ? '是' : '否' }),
  );
}

const RECOVERY_STATUS = { open: '追回中', recovered: '已追回', written_off: '已核销' } as const;

/** The filtered recovery cases as a workbook (masked IDs, amounts in yuan), refused past the export limit. */
export function recoveryWorkbook(ctx: Ctx, q: RecoveryQuery): Promise<{ buffer: Buffer; rows: number }> {
  return exportSheet(
    '待遇追回',
    [
      { header: '姓名', key: 'personName', width: 12 },
      { header: '身份证号（脱敏）', key: 'idNumberMasked', width: 22 },
      { header: '原因', key: 'reasonName', width: 10 },
      { header: '多发月份', key: 'monthList', width: 30 },
      { header: '应追回（元）', key: 'amount', width: 12 },
      { header: '已追回（元）', key: 'recovered', width: 12 },
      { header: '状态', key: 'statusName', width: 8 },
      { header: '立案时间', key: 'openedAt', width: 22 },
      { header: '地区', key: 'regionName', width: 14 },
    ],
    (limit) => listRecoveries(ctx, { ...q, limit }),
    (r) => ({
      ...r,
      reasonName: lifeEventLabels[r.reason as LifeEventKind]?.zh ?? r.reason,
      monthList: (r.months as { month: string }[]).map((m) => m.month.slice(0, 7)).join('、'),
      amount: yuanOf(r.amountFen),
      recovered: yuanOf(r.recoveredFen),
      statusName: RECOVERY_STATUS[r.status as keyof typeof RECOVERY_STATUS] ?? r.status,
      regionName: r.regionName ?? r.regionCode,
    }),
  );
}

export function recoveryView(c: typeof insuranceRecoveryCases.$inferSelect, regionName: (c: string) => string | null) {
  return {
    id: c.id,
    personId: c.personId,
    decisionId: c.decisionId,
    lifeEventId: c.lifeEventId,
    reason: c.reason,
    amountFen: c.amountFen,
    months: c.months,
    status: c.status,
    recoveredFen: c.recoveredFen,
    note: c.note,
    openedAt: c.openedAt.toISOString(),
    closedAt: c.closedAt ? c.closedAt.toISOString() : null,
    regionCode: c.regionCode,
    regionName: regionName(c.regionCode),
    version: c.version,
  };
}

export async function closeRecovery(ctx: Ctx, id: number, input: { status: 'recovered' | 'written_off'; recoveredFen: number; note?: string | null; version: number }) {
  const [c] = await ctx.platform.db.select().from(insuranceRecoveryCases).where(and(eq(insuranceRecoveryCases.id, id), scopeWhere(ctx.caller.scope, insuranceRecoveryCases)));
  if (!c) throw new AppError('NOT_FOUND');
  if (c.status !== 'open') throw new AppError('INVALID_STATE', { zh: '该追回案件已办结', en: 'The case is already closed' });
  if (input.recoveredFen < 0 || input.recoveredFen > c.amountFen) throw new AppError('VALIDATION', { zh: '追回金额须在 0 与应追回金额之间', en: 'The recovered amount must be between 0 and the amount due' });
  if (input.status === 'recovered' && input.recoveredFen !== c.amountFen) throw new AppError('VALIDATION', { zh: '全额追回时追回金额应等于应追回金额；部分追回请核销余额', en: 'Recovered in full means the whole amount; otherwise write off the rest' });
  const [row] = await ctx.platform.db
    .update(insuranceRecoveryCases)
    .set({ status: input.status, recoveredFen: input.recoveredFen, note: input.note ?? c.note, closedAt: new Date(), closedBy: ctx.caller.userId, version: c.version + 1 })
    .where(and(eq(insuranceRecoveryCases.id, id), eq(insuranceRecoveryCases.version, input.version), scopeWhere(ctx.caller.scope, insuranceRecoveryCases)))
    .returning();
  if (!row) throw new AppError('STALE_VERSION');
  return row;
}

// ---- eligibility authentication (资格认证) ---------------------------------------------

export type Evidence = { kind: LifeSignalKind; observedOn: string; ageDays: number; weight: number; contribution: number };

/**
 * Evidence score 0–100: each signal contributes weight × 0.5^(age ÷ half-life); signals older
 * than maxAgeDays are ignored. Below the threshold, the pensioner is due for self-authentication.
 */
export function authenticationScore(signals: { kind: LifeSignalKind; observedOn: string }[], asOf: string, a: Params['authentication']): { score: number; due: boolean; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  for (const s of signals) {
    const ageDays = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${s.observedOn}T00:00:00Z`)) / 86_400_000);
    if (ageDays < 0 || ageDays > a.maxAgeDays) continue;
    const weight = a.weights[s.kind] ?? 0;
    const contribution = weight * 0.5 ** (ageDays / (a.halfLifeDays[s.kind] ?? 180));
    evidence.push({ kind: s.kind, observedOn: s.observedOn, ageDays, weight, contribution: Math.round(contribution * 100) / 100 });
  }
  evidence.sort((x, y) => y.contribution - x.contribution);
  const score = Math.min(100, Math.round(evidence.reduce((t, e) => t + e.contribution, 0) * 100) / 100);
  return { score, due: score < a.threshold, evidence };
}

export async function personAuthentication(ctx: Ctx, personId: number, asOf = todayIso()) {
  await personInScope(ctx, personId);
  const p = (await paramsFor(ctx.platform.database.query.bind(ctx.platform.database) as never, Number(asOf.slice(0, 4)))).params;
  const s = await ctx.platform.db
    .select({ kind: insuranceLifeSignals.kind, observedOn: insuranceLifeSignals.observedOn })
    .from(insuranceLifeSignals)
    .where(and(eq(insuranceLifeSignals.personId, personId), systemScope()));
  return { asOf, threshold: p.authentication.threshold, ...authenticationScore(s, asOf, p.authentication) };
}

/** Pensioners in scope whose evidence score is below the threshold: due for self-authentication. */
export async function authenticationDue(ctx: Ctx, q: { regionCode?: string; asOf?: string; limit?: number }) {
  const asOf = q.asOf ?? todayIso();
  const a = (await paramsFor(ctx.platform.database.query.bind(ctx.platform.database) as never, Number(asOf.slice(0, 4)))).params.authentication;
  const weights = sql.join(
    Object.keys(a.weights).map((k) => sql`(${k}::text, ${a.weights[k]}::numeric, ${a.halfLifeDays[k] ?? 180}::numeric)`),
    sql`, `,
  );
  const region = regionFilter(ctx.caller.scope, q.regionCode, sql.raw('d.region_code') as never, ctx.platform.regions.expand);
  const r = await rows<Record<string, unknown>>(
    ctx.platform.db,
    sql`with pensioners as (
          select distinct on (d.person_id) d.person_id, d.region_code, d.kind from insurance_benefit_decisions d
           where d.status = 'active' and d.kind in ('enterprise_pension', 'institution_pension', 'resident_pension')
             and ${scopeOn(ctx.caller.scope, 'd')} ${region ? sql`and ${region}` : sql``}
           order by d.person_id, d.id),
        w(kind, weight, half_life) as (values ${weights}),
        scored as (
          select pe.person_id, pe.region_code, pe.kind,
                 least(100, coalesce(sum(w.weight * power(0.5, (${asOf}::date - s.observed_on)::numeric / w.half_life)), 0)) as score,
                 max(s.observed_on) as last_signal
            from pensioners pe
            left join insurance_life_signals s on s.person_id = pe.person_id and s.observed_on <= ${asOf}::date and s.observed_on >= ${asOf}::date - ${a.maxAgeDays}::int
            left join w on w.kind = s.kind
           group by pe.person_id, pe.region_code, pe.kind)
        select sc.person_id, p.name, p.id_masked, sc.region_code, sc.kind, round(sc.score, 2)::float8 as score, sc.last_signal::text as last_signal
          from scored sc join persons p on p.id = sc.person_id
         where sc.score < ${a.threshold}
         order by sc.score, sc.person_id
         limit ${q.limit ?? 1000}`,
  );
  return {
    asOf,
    threshold: a.threshold,
    items: r.map((x) => ({
      personId: num(x.person_id),
      name: String(x.name),
      idNumberMasked: String(x.id_masked),
      regionCode: String(x.region_code),
      regionName: ctx.platform.regions.name(String(x.region_code)),
      pensionKind: String(x.kind),
      score: num(x.score),
      lastSignal: x.last_signal ? String(x.last_signal).slice(0, 10) : null,
    })),
  };
}

export async function recordSelfAuthentication(ctx: Ctx, personId: number, on: string) {
  const p = await personInScope(ctx, personId);
  if (!DATE.test(on) || on > todayIso()) throw new AppError('VALIDATION', { zh: '认证日期无效', en: 'Invalid date' });
  const [row] = await ctx.platform.db
    .insert(insuranceLifeSignals)
    .values({ personId, regionCode: p.regionCode, kind: 'self_auth', observedOn: on, source: 'manual', sourceRef: `self:${personId}:${on}` })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}
