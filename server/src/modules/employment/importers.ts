// Excel/CSV imports of employment registrations, unemployment registrations, rural labour
// transfers and graduates' destinations, through the platform pipeline.
//
// Field checks run per row (validateRow). Checks that need the database — the person is in
// the registry and in scope, the employer exists, and the contradiction rules of rules.ts
// against existing records and earlier rows of the same file — run in `write`, inside the
// import's one transaction: any failure there refuses the whole file (all or nothing, in
// both modes) with the rows named. A row identical to a record already there (same person,
// date and kind) counts as a duplicate, so re-importing a file adds nothing.
import { AppError } from '../../platform/errors';
import type { RawTx } from '../../platform/db';
import type { Importer, ImportContext, RowProblem } from '../../platform/imports';
import { csvField } from '../../platform/imports/parse';
import type { Platform } from '../../platform/kernel';
import { regionInScope } from '../../platform/scope';
import { parseResidentId, parseUscc } from '../../platform/validate';
import { maskResidentId } from '../../platform/crypto';
import { chinaToday, closeReasons, difficultyGroups, employedDestinations, employmentKinds, graduateDestinationList, isRealIsoDate, unemploymentReasons } from './codes';
import { applyHouseholdRule } from './household';
import { checkOccupationCode } from './occupations';
import { checkPastDate, checkSpan, checkUnemploymentRegistration, conflictMessage, decideReemployment, findEmploymentConflict, overlaps, type ExistingEmployment, type OpenUnemployment } from './rules';
import { checkGraduateFields } from './graduates';
import type { DifficultyGroup, EmploymentKind, GraduateDestination } from './types';

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', 'n', 'no', 'false', '0']);

function yesNo(v: string, column: string, problems: RowProblem[], dflt: boolean): boolean {
  const s = v.trim().toLowerCase();
  if (!s) return dflt;
  if (YES.has(s)) return true;
  if (!NO.has(s)) problems.push({ column, zh: `应填“是”或“否”，实际为“${v}”`, en: `expected yes or no, got "${v}"` });
  return false;
}

/** 2024-03-01, 2024/3/1, 2024.3.1 or 20240301 → 2024-03-01. */
export function parseDateCell(v: string): string | null {
  const s = v.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : null;
}

function dateCell(v: string, column: string, label: { zh: string; en: string }, problems: RowProblem[], today: string, required = true): string | null {
  if (!v.trim()) {
    if (required) problems.push({ column, zh: `${label.zh}不能为空`, en: `${label.en} is required` });
    return null;
  }
  const d = parseDateCell(v);
  if (!d) {
    problems.push({ column, zh: `${label.zh}“${v}”不是有效日期`, en: `${label.en} "${v}" is not a valid date` });
    return null;
  }
  for (const p of checkPastDate(column, d, today, label)) problems.push({ column, zh: p.zh, en: p.en });
  return d;
}

/** A code given by its code or its Chinese label. */
function coded<T extends string>(list: readonly { code: T; zh: string }[], v: string, column: string, label: { zh: string; en: string }, problems: RowProblem[]): T | null {
  const s = v.trim();
  const hit = list.find((x) => x.code === s || x.zh === s);
  if (!hit) problems.push({ column, zh: `${label.zh}“${v}”无效，可填：${list.map((x) => x.zh).join('、')}`, en: `invalid ${label.en} "${v}"` });
  return hit?.code ?? null;
}

type IdCell = { idHash: string; idMasked: string };

function idCell(platform: Platform, v: string, problems: RowProblem[]): IdCell | null {
  if (v.startsWith('#NUMBER_PRECISION_LOST')) {
    problems.push({ column: 'idNumber', zh: '身份证号被Excel存成了数字，后几位已丢失；请把该列设为文本后重新填写', en: 'Excel stored the ID as a number and lost its last digits; format the column as text' });
    return null;
  }
  const r = parseResidentId(v);
  if (!r.ok) {
    problems.push({ column: 'idNumber', zh: `身份证号${r.zh}`.replace('身份证号身份证号', '身份证号'), en: `resident ID: ${r.en}` });
    return null;
  }
  return { idHash: platform.crypto.blindIndex(r.value.id), idMasked: maskResidentId(r.value.id) };
}

type PersonHit = { id: number; id_hash: string; region_code: string; hukou_type: 'urban' | 'rural'; household_id: string | null; veteran: boolean; disability: boolean; zero_employment_household: boolean };

/** Persons by blind index, read as system work; scope is then checked row by row. */
async function personsByHash(tx: RawTx, hashes: string[]): Promise<Map<string, PersonHit>> {
  const out = new Map<string, PersonHit>();
  for (let i = 0; i < hashes.length; i += 5000) {
    const rows = await tx.query<PersonHit>(
      `select id, id_hash, region_code, hukou_type, household_id, veteran, disability, zero_employment_household from persons where id_hash = any($1::text[]) /*scope:system*/`,
      [hashes.slice(i, i + 5000)],
    );
    for (const r of rows) out.set(r.id_hash, { ...r, id: Number(r.id) });
  }
  return out;
}

/** The ordinal of a data row within its job (validateRow sees rows in file order). */
function nextSeq(seqs: Map<string, number>, jobId: string): number {
  if (!seqs.has(jobId) && seqs.size > 100) seqs.delete(seqs.keys().next().value as string); // jobs that failed validation never reach write
  const n = (seqs.get(jobId) ?? 0) + 1;
  seqs.set(jobId, n);
  return n;
}

type FileProblem = { n: number; idMasked: string; zh: string; en: string };

function refuse(problems: FileProblem[]): never {
  const shown = problems.slice(0, 20);
  const more = problems.length > shown.length ? `；另有 ${problems.length - shown.length} 条` : '';
  const moreEn = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
  throw new AppError('IMPORT_FAILED', {
    zh: `${problems.length} 行与已有登记或人员库不符，未写入任何数据：${shown.map((p) => `第 ${p.n} 条数据（${p.idMasked}）${p.zh}`).join('；')}${more}`,
    en: `${problems.length} rows contradict existing records or the registry; nothing was written: ${shown.map((p) => `data row ${p.n} (${p.idMasked}) ${p.en}`).join('; ')}${moreEn}`,
  });
}

function personProblem(hit: PersonHit | undefined, ctx: ImportContext): { zh: string; en: string } | null {
  if (!hit || !regionInScope(ctx.caller.scope, hit.region_code)) return { zh: '人员库中没有此人（或不在您的数据权限范围内），请先导入人员', en: 'not in the registry (or outside your data scope); import the person first' };
  return null;
}

async function copyRows(tx: RawTx, table: string, columns: string[], rows: unknown[][]) {
  for (let i = 0; i < rows.length; i += 20_000) {
    await tx.copyCsv(table, columns, rows.slice(i, i + 20_000).map((r) => r.map((v) => csvField(v as never)).join(',')).join('\n') + '\n');
  }
}

/** Per job, the persons whose household flag must follow after the commit. */
const householdWork = new Map<string, { personId: number; event: 'employed' | 'left' }[]>();

// ---- employment registrations -------------------------------------------------------------

type EmploymentRow = IdCell & { n: number; uscc: string | null; kind: EmploymentKind; startDate: string; endDate: string | null; terminationReason: string | null; area: 'urban' | 'rural'; newUrban: boolean; occupationCode: string | null; hasContract: boolean };

export function employmentImporter(platform: Platform): Importer<EmploymentRow> {
  const seqs = new Map<string, number>();
  return {
    kind: 'employment-registrations',
    permission: 'employment:write',
    title: { zh: '就业登记', en: 'Employment registrations' },
    columns: [
      { key: 'idNumber', zh: '身份证号', en: 'Resident ID', required: true, example: '11010519491231002X', text: true },
      { key: 'uscc', zh: '用人单位统一社会信用代码', en: 'Employer USCC', required: false, example: '', text: true, note: '单位就业必填；灵活就业、自主创业不填' },
      { key: 'kind', zh: '就业形式', en: 'Kind', required: true, example: '单位就业', note: employmentKinds.map((k) => k.zh).join(' / ') },
      { key: 'startDate', zh: '就业日期', en: 'Start date', required: true, example: '2024-03-01', text: true },
      { key: 'endDate', zh: '终止日期', en: 'End date', required: false, example: '', text: true },
      { key: 'terminationReason', zh: '终止原因', en: 'Termination reason', required: false, example: '' },
      { key: 'area', zh: '城镇或农村', en: 'Urban or rural', required: true, example: '城镇', note: '城镇 / 农村' },
      { key: 'newUrban', zh: '城镇新增就业', en: 'New urban employment', required: false, example: '是', note: '是 / 否（城镇就业默认为是）' },
      { key: 'occupationCode', zh: '职业代码', en: 'Occupation code', required: false, example: '4-03-02-01', text: true },
      { key: 'hasContract', zh: '签订劳动合同', en: 'Contract', required: false, example: '是', note: '是 / 否' },
    ],
    validateRow(cells, ctx) {
      const problems: RowProblem[] = [];
      const today = chinaToday();
      const n = nextSeq(seqs, ctx.jobId);
      const id = idCell(platform, cells.idNumber, problems);
      const kind = coded(employmentKinds, cells.kind, 'kind', { zh: '就业形式', en: 'kind' }, problems);
      const startDate = dateCell(cells.startDate, 'startDate', { zh: '就业日期', en: 'start date' }, problems, today);
      const endDate = dateCell(cells.endDate, 'endDate', { zh: '终止日期', en: 'end date' }, problems, today, false);
      if (startDate && endDate) for (const p of checkSpan({ startDate, endDate }, today)) problems.push({ column: p.field, zh: p.zh, en: p.en });
      const area = cells.area.trim() === '城镇' || cells.area.trim() === 'urban' ? 'urban' : cells.area.trim() === '农村' || cells.area.trim() === 'rural' ? 'rural' : null;
      if (!area) problems.push({ column: 'area', zh: `应填“城镇”或“农村”，实际为“${cells.area}”`, en: `expected urban or rural, got "${cells.area}"` });
      const newUrban = yesNo(cells.newUrban, 'newUrban', problems, area === 'urban');
      if (newUrban && area === 'rural') problems.push({ column: 'newUrban', zh: '农村就业不能计为城镇新增就业', en: 'rural employment cannot count as new urban employment' });
      let uscc: string | null = null;
      if (cells.uscc.trim()) {
        const u = parseUscc(cells.uscc);
        if (!u.ok) problems.push({ column: 'uscc', zh: u.zh, en: u.en });
        else uscc = u.value.code;
      }
      if (kind === 'employee' && !cells.uscc.trim()) problems.push({ column: 'uscc', zh: '单位就业须填写用人单位统一社会信用代码', en: 'an employee registration needs the employer' });
      if ((kind === 'flexible' || kind === 'self_employed') && cells.uscc.trim()) problems.push({ column: 'uscc', zh: '灵活就业和自主创业不填写用人单位', en: 'flexible and self-employment have no employer' });
      const occ = cells.occupationCode.trim() || null;
      if (occ) {
        const c = checkOccupationCode(occ);
        if (!c.ok) problems.push({ column: 'occupationCode', zh: c.zh, en: c.en });
      }
      if (endDate && !cells.terminationReason.trim()) problems.push({ column: 'terminationReason', zh: '有终止日期时须填写终止原因', en: 'an end date needs a termination reason' });
      const hasContract = yesNo(cells.hasContract, 'hasContract', problems, false);
      if (problems.length || !id || !kind || !startDate || !area) return { ok: false, problems };
      return {
        ok: true,
        key: `${id.idHash}|${startDate}|${kind}`,
        row: { ...id, n, uscc, kind, startDate, endDate, terminationReason: cells.terminationReason.trim() || null, area, newUrban, occupationCode: occ, hasContract },
      };
    },
    async write(tx, rows, ctx) {
      seqs.delete(ctx.jobId);
      const people = await personsByHash(tx, [...new Set(rows.map((r) => r.idHash))]);
      const usccs = [...new Set(rows.map((r) => r.uscc).filter((u): u is string => !!u))];
      const firms = new Map((await tx.query<{ id: number; uscc: string }>(`select id, uscc from employers where uscc = any($1::text[]) /*scope:system*/`, [usccs])).map((e) => [e.uscc, Number(e.id)]));
      const ids = [...people.values()].map((p) => p.id);
      const existing = new Map<number, (ExistingEmployment & { employerId: number | null })[]>();
      for (const e of await tx.query<{ id: number; person_id: number; kind: EmploymentKind; start_date: string; end_date: string | null; employer_id: number | null }>(
        `select id, person_id, kind, to_char(start_date, 'YYYY-MM-DD') as start_date, to_char(end_date, 'YYYY-MM-DD') as end_date, employer_id from employment_registrations where person_id = any($1::bigint[]) /*scope:system*/`,
        [ids],
      )) {
        const list = existing.get(Number(e.person_id)) ?? [];
        list.push({ id: Number(e.id), kind: e.kind, startDate: e.start_date, endDate: e.end_date, employerId: e.employer_id === null ? null : Number(e.employer_id) });
        existing.set(Number(e.person_id), list);
      }
      const open = new Map<number, OpenUnemployment>();
      for (const u of await tx.query<{ id: number; person_id: number; registered_on: string }>(
        `select id, person_id, to_char(registered_on, 'YYYY-MM-DD') as registered_on from employment_unemployment where person_id = any($1::bigint[]) and closed_on is null /*scope:system*/`,
        [ids],
      )) open.set(Number(u.person_id), { id: Number(u.id), registeredOn: u.registered_on });

      const problems: FileProblem[] = [];
      const accepted: unknown[][] = [];
      let duplicates = 0;
      let fakeId = -1;
      const work: { personId: number; event: 'employed' | 'left' }[] = [];
      for (const r of [...rows].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.n - b.n)) {
        const p = people.get(r.idHash);
        const pp = personProblem(p, ctx);
        if (pp || !p) {
          problems.push({ n: r.n, idMasked: r.idMasked, ...pp! });
          continue;
        }
        const employerId = r.uscc ? (firms.get(r.uscc) ?? null) : null;
        if (r.uscc && employerId === null) {
          problems.push({ n: r.n, idMasked: r.idMasked, zh: `单位库中没有统一社会信用代码为 ${r.uscc} 的单位`, en: `no employer with USCC ${r.uscc} in the registry` });
          continue;
        }
        const mine = existing.get(p.id) ?? [];
        if (mine.some((e) => e.startDate === r.startDate && e.kind === r.kind && e.employerId === employerId)) {
          duplicates++;
          continue;
        }
        const span = { startDate: r.startDate, endDate: r.endDate };
        const conflict = findEmploymentConflict(mine, { ...span, kind: r.kind });
        if (conflict) {
          problems.push({ n: r.n, idMasked: r.idMasked, ...conflictMessage(conflict, r.kind) });
          continue;
        }
        const decision = decideReemployment(open.get(p.id) ?? null, span, false);
        if (!decision.ok) {
          problems.push({ n: r.n, idMasked: r.idMasked, zh: decision.zh, en: decision.en });
          continue;
        }
        if (decision.closes) open.delete(p.id);
        mine.push({ id: fakeId--, kind: r.kind, startDate: r.startDate, endDate: r.endDate, employerId });
        existing.set(p.id, mine);
        accepted.push([r.n, p.id, employerId, r.kind, r.startDate, r.endDate, r.terminationReason, r.area, r.newUrban, r.occupationCode, r.hasContract, p.region_code, decision.closes?.id ?? null]);
        if (p.household_id) work.push({ personId: p.id, event: r.endDate === null ? 'employed' : 'left' });
      }
      if (problems.length) refuse(problems);
      if (!accepted.length) return { inserted: 0, duplicates };
      await tx.query(
        `create temp table stage_emp (n int, person_id bigint, employer_id bigint, kind text, start_date date, end_date date, termination_reason text, area text, new_urban boolean,
           occupation_code text, has_contract boolean, region_code text, closes_id bigint) on commit drop`,
      );
      await copyRows(tx, 'stage_emp', ['n', 'person_id', 'employer_id', 'kind', 'start_date', 'end_date', 'termination_reason', 'area', 'new_urban', 'occupation_code', 'has_contract', 'region_code', 'closes_id'], accepted);
      const [{ n }] = await tx.query<{ n: number }>(
        `with ins as (
           insert into employment_registrations (person_id, employer_id, kind, start_date, end_date, termination_reason, area, new_urban, occupation_code, has_contract, region_code, source, created_by)
           select person_id, employer_id, kind, start_date, end_date, termination_reason, area, new_urban, occupation_code, has_contract, region_code, 'import', $1 from stage_emp order by n
           returning id, person_id, start_date),
         closed as (
           update employment_unemployment u set closed_on = s.start_date, closed_reason = 'reemployed', reemployment_id = ins.id, updated_at = now(), version = u.version + 1
           from stage_emp s join ins on ins.person_id = s.person_id and ins.start_date = s.start_date
           where u.id = s.closes_id /*scope:system*/ returning u.id)
         select (select count(*) from ins)::int as n, (select count(*) from closed)::int as c`,
        [ctx.caller.userId],
      );
      householdWork.set(ctx.jobId, work);
      return { inserted: Number(n), duplicates };
    },
    async afterCommit(summary, ctx) {
      const work = householdWork.get(ctx.jobId) ?? [];
      householdWork.delete(ctx.jobId);
      const actor = { userId: ctx.caller.userId, username: ctx.caller.username };
      // Employed members first: a household with anyone employed after the import is not flagged.
      for (const w of [...work].sort((a, b) => (a.event === b.event ? 0 : a.event === 'employed' ? -1 : 1))) await applyHouseholdRule(platform.db, w.personId, w.event, actor);
      await platform.audit(null, { actorId: ctx.caller.userId, actorName: ctx.caller.username, action: 'employment.registration.import', targetType: 'import_job', targetId: ctx.jobId, outcome: 'success', detail: { ...summary, households: work.length } });
    },
  };
}

// ---- unemployment registrations -------------------------------------------------------------

type UnemploymentRow = IdCell & { n: number; registeredOn: string; urban: boolean; reason: string; difficulty: boolean; groups: DifficultyGroup[]; closedOn: string | null; closedReason: string | null };

export function unemploymentImporter(platform: Platform): Importer<UnemploymentRow> {
  const seqs = new Map<string, number>();
  const closable = closeReasons.filter((r) => r.code !== 'reemployed');
  return {
    kind: 'unemployment-registrations',
    permission: 'employment:write',
    title: { zh: '失业登记', en: 'Unemployment registrations' },
    columns: [
      { key: 'idNumber', zh: '身份证号', en: 'Resident ID', required: true, example: '11010519491231002X', text: true },
      { key: 'registeredOn', zh: '失业登记日期', en: 'Registration date', required: true, example: '2024-03-01', text: true },
      { key: 'urban', zh: '城镇登记失业', en: 'Urban', required: false, example: '是', note: '是 / 否（默认是）' },
      { key: 'reason', zh: '失业原因', en: 'Reason', required: true, example: '劳动合同终止', note: unemploymentReasons.map((r) => r.zh).join(' / ') },
      { key: 'difficulty', zh: '就业困难人员', en: 'Hard to employ', required: false, example: '否', note: '是 / 否' },
      { key: 'groups', zh: '重点群体', en: 'Groups', required: false, example: '高校毕业生', note: '可多填，用顿号分隔：' + difficultyGroups.map((g) => g.zh).join('、') },
      { key: 'closedOn', zh: '注销日期', en: 'Closed on', required: false, example: '', text: true, note: '再就业请导入就业登记，失业登记会自动结束' },
      { key: 'closedReason', zh: '注销原因', en: 'Close reason', required: false, example: '', note: closable.map((r) => r.zh).join(' / ') },
    ],
    validateRow(cells, ctx) {
      const problems: RowProblem[] = [];
      const today = chinaToday();
      const n = nextSeq(seqs, ctx.jobId);
      const id = idCell(platform, cells.idNumber, problems);
      const registeredOn = dateCell(cells.registeredOn, 'registeredOn', { zh: '失业登记日期', en: 'registration date' }, problems, today);
      const reason = coded(unemploymentReasons as unknown as { code: string; zh: string }[], cells.reason, 'reason', { zh: '失业原因', en: 'reason' }, problems);
      const groups: DifficultyGroup[] = [];
      for (const g of cells.groups.split(/[、,，;；\s]+/).filter(Boolean)) {
        const c = coded(difficultyGroups, g, 'groups', { zh: '重点群体', en: 'group' }, problems);
        if (c) groups.push(c);
      }
      const closedOn = dateCell(cells.closedOn, 'closedOn', { zh: '注销日期', en: 'closing date' }, problems, today, false);
      let closedReason: string | null = null;
      if (cells.closedReason.trim()) {
        if (cells.closedReason.trim() === '实现再就业' || cells.closedReason.trim() === 'reemployed') problems.push({ column: 'closedReason', zh: '再就业请导入就业登记，失业登记会自动结束', en: 'import the employment instead: re-employment closes the registration itself' });
        else closedReason = coded(closable as unknown as { code: string; zh: string }[], cells.closedReason, 'closedReason', { zh: '注销原因', en: 'close reason' }, problems);
      }
      if (closedOn && !cells.closedReason.trim()) problems.push({ column: 'closedReason', zh: '有注销日期时须填写注销原因', en: 'a closing date needs a reason' });
      if (closedOn && registeredOn && closedOn < registeredOn) problems.push({ column: 'closedOn', zh: '注销日期早于登记日期', en: 'closing date is before the registration date' });
      const urban = yesNo(cells.urban, 'urban', problems, true);
      const difficulty = yesNo(cells.difficulty, 'difficulty', problems, false);
      if (problems.length || !id || !registeredOn || !reason) return { ok: false, problems };
      return { ok: true, key: `${id.idHash}|${registeredOn}`, row: { ...id, n, registeredOn, urban, reason, difficulty, groups, closedOn, closedReason } };
    },
    async write(tx, rows, ctx) {
      seqs.delete(ctx.jobId);
      const people = await personsByHash(tx, [...new Set(rows.map((r) => r.idHash))]);
      const ids = [...people.values()].map((p) => p.id);
      const employments = new Map<number, ExistingEmployment[]>();
      for (const e of await tx.query<{ id: number; person_id: number; kind: EmploymentKind; start_date: string; end_date: string | null }>(
        `select id, person_id, kind, to_char(start_date, 'YYYY-MM-DD') as start_date, to_char(end_date, 'YYYY-MM-DD') as end_date from employment_registrations where person_id = any($1::bigint[]) /*scope:system*/`,
        [ids],
      )) {
        const list = employments.get(Number(e.person_id)) ?? [];
        list.push({ id: Number(e.id), kind: e.kind, startDate: e.start_date, endDate: e.end_date });
        employments.set(Number(e.person_id), list);
      }
      const regs = new Map<number, { id: number; registeredOn: string; closedOn: string | null }[]>();
      for (const u of await tx.query<{ id: number; person_id: number; registered_on: string; closed_on: string | null }>(
        `select id, person_id, to_char(registered_on, 'YYYY-MM-DD') as registered_on, to_char(closed_on, 'YYYY-MM-DD') as closed_on from employment_unemployment where person_id = any($1::bigint[]) /*scope:system*/`,
        [ids],
      )) {
        const list = regs.get(Number(u.person_id)) ?? [];
        list.push({ id: Number(u.id), registeredOn: u.registered_on, closedOn: u.closed_on });
        regs.set(Number(u.person_id), list);
      }
      const problems: FileProblem[] = [];
      const accepted: unknown[][] = [];
      let duplicates = 0;
      let fakeId = -1;
      for (const r of [...rows].sort((a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.n - b.n)) {
        const p = people.get(r.idHash);
        const pp = personProblem(p, ctx);
        if (pp || !p) {
          problems.push({ n: r.n, idMasked: r.idMasked, ...pp! });
          continue;
        }
        const mine = regs.get(p.id) ?? [];
        if (mine.some((u) => u.registeredOn === r.registeredOn)) {
          duplicates++;
          continue;
        }
        // A closed historical registration must not overlap another one; an open one follows checkUnemploymentRegistration.
        const overlapping = mine.find((u) => u.registeredOn <= (r.closedOn ?? '9999-12-31') && r.registeredOn <= (u.closedOn ?? '9999-12-31'));
        const openOne = mine.find((u) => u.closedOn === null);
        const workedMeanwhile = r.closedOn ? (employments.get(p.id) ?? []).find((e) => overlaps(e, { startDate: r.registeredOn, endDate: r.closedOn })) : undefined;
        const clash = r.closedOn
          ? overlapping
            ? { zh: `与已有失业登记 #${overlapping.id}（${overlapping.registeredOn} 起）时间重叠`, en: `overlaps unemployment registration #${overlapping.id} (from ${overlapping.registeredOn})` }
            : workedMeanwhile
              ? { zh: `失业期间有就业登记 #${workedMeanwhile.id}（${workedMeanwhile.startDate} 起）`, en: `employment registration #${workedMeanwhile.id} (from ${workedMeanwhile.startDate}) falls inside the unemployment period` }
              : null
          : checkUnemploymentRegistration(r.registeredOn, employments.get(p.id) ?? [], openOne ? { id: openOne.id, registeredOn: openOne.registeredOn } : overlapping ? { id: overlapping.id, registeredOn: overlapping.registeredOn } : null);
        if (clash) {
          problems.push({ n: r.n, idMasked: r.idMasked, zh: clash.zh, en: clash.en });
          continue;
        }
        mine.push({ id: fakeId--, registeredOn: r.registeredOn, closedOn: r.closedOn });
        regs.set(p.id, mine);
        const groups = new Set(r.groups);
        if (p.veteran) groups.add('veteran');
        if (p.disability) groups.add('disability');
        if (p.zero_employment_household) groups.add('zero_employment_household');
        const ordered = difficultyGroups.map((g) => g.code).filter((g) => groups.has(g));
        accepted.push([p.id, p.region_code, r.registeredOn, r.urban, r.reason, r.difficulty, r.difficulty ? r.registeredOn : null, `{${ordered.join(',')}}`, r.closedOn, r.closedReason]);
      }
      if (problems.length) refuse(problems);
      if (!accepted.length) return { inserted: 0, duplicates };
      await tx.query(`create temp table stage_unemp (person_id bigint, region_code text, registered_on date, urban boolean, reason text, difficulty boolean, difficulty_since date, groups text[], closed_on date, closed_reason text) on commit drop`);
      await copyRows(tx, 'stage_unemp', ['person_id', 'region_code', 'registered_on', 'urban', 'reason', 'difficulty', 'difficulty_since', 'groups', 'closed_on', 'closed_reason'], accepted);
      const [{ n }] = await tx.query<{ n: number }>(
        `with ins as (insert into employment_unemployment (person_id, region_code, registered_on, urban, reason, difficulty, difficulty_since, groups, closed_on, closed_reason, created_by)
           select person_id, region_code, registered_on, urban, reason, difficulty, difficulty_since, groups, closed_on, closed_reason, $1 from stage_unemp returning 1)
         select count(*)::int as n from ins`,
        [ctx.caller.userId],
      );
      return { inserted: Number(n), duplicates };
    },
    async afterCommit(summary, ctx) {
      await platform.audit(null, { actorId: ctx.caller.userId, actorName: ctx.caller.username, action: 'employment.unemployment.import', targetType: 'import_job', targetId: ctx.jobId, outcome: 'success', detail: summary });
    },
  };
}

// ---- rural labour transfers -----------------------------------------------------------------

const destinations = [
  { code: 'in_county' as const, zh: '县内' },
  { code: 'in_province' as const, zh: '省内县外' },
  { code: 'out_of_province' as const, zh: '省外' },
];

type TransferRow = IdCell & { n: number; transferDate: string; destination: 'in_county' | 'in_province' | 'out_of_province'; destinationRegionCode: string | null; industry: string | null; occupationCode: string | null };

export function transferImporter(platform: Platform): Importer<TransferRow> {
  const seqs = new Map<string, number>();
  return {
    kind: 'rural-transfers',
    permission: 'employment:write',
    title: { zh: '农村劳动力转移就业', en: 'Rural labour transfers' },
    columns: [
      { key: 'idNumber', zh: '身份证号', en: 'Resident ID', required: true, example: '11010519491231002X', text: true },
      { key: 'transferDate', zh: '转移就业日期', en: 'Transfer date', required: true, example: '2024-03-01', text: true },
      { key: 'destination', zh: '转移去向', en: 'Destination', required: true, example: '省内县外', note: '县内 / 省内县外 / 省外' },
      { key: 'destinationRegionCode', zh: '就业地区代码', en: 'Destination region', required: false, example: '460100', text: true },
      { key: 'industry', zh: '行业门类', en: 'Industry', required: false, example: 'E', note: 'GB/T 4754 门类字母' },
      { key: 'occupationCode', zh: '职业代码', en: 'Occupation code', required: false, example: '6-29', text: true },
    ],
    validateRow(cells, ctx) {
      const problems: RowProblem[] = [];
      const today = chinaToday();
      const n = nextSeq(seqs, ctx.jobId);
      const id = idCell(platform, cells.idNumber, problems);
      const transferDate = dateCell(cells.transferDate, 'transferDate', { zh: '转移就业日期', en: 'transfer date' }, problems, today);
      const destination = coded(destinations, cells.destination, 'destination', { zh: '转移去向', en: 'destination' }, problems);
      const region = cells.destinationRegionCode.trim() || null;
      if (region && !platform.regions.index.isCurrent(region)) problems.push({ column: 'destinationRegionCode', zh: `地区代码 ${region} 不存在`, en: `region ${region} does not exist` });
      if (region && destination === 'out_of_province') problems.push({ column: 'destinationRegionCode', zh: '省外转移不填写省内地区', en: 'an out-of-province transfer has no Hainan region' });
      const industry = cells.industry.trim().toUpperCase() || null;
      if (industry && !/^[A-T]$/.test(industry)) problems.push({ column: 'industry', zh: '行业门类应为 A–T 的字母', en: 'industry must be a letter A–T' });
      const occ = cells.occupationCode.trim() || null;
      if (occ) {
        const c = checkOccupationCode(occ);
        if (!c.ok) problems.push({ column: 'occupationCode', zh: c.zh, en: c.en });
      }
      if (problems.length || !id || !transferDate || !destination) return { ok: false, problems };
      return { ok: true, key: `${id.idHash}|${transferDate}`, row: { ...id, n, transferDate, destination, destinationRegionCode: region, industry, occupationCode: occ } };
    },
    async write(tx, rows, ctx) {
      seqs.delete(ctx.jobId);
      const people = await personsByHash(tx, [...new Set(rows.map((r) => r.idHash))]);
      const problems: FileProblem[] = [];
      const accepted: unknown[][] = [];
      for (const r of rows) {
        const p = people.get(r.idHash);
        const pp = personProblem(p, ctx);
        if (pp || !p) problems.push({ n: r.n, idMasked: r.idMasked, ...pp! });
        else if (p.hukou_type !== 'rural') problems.push({ n: r.n, idMasked: r.idMasked, zh: '农村劳动力转移就业仅登记农村户口人员', en: 'only persons with a rural household can be transfers' });
        else accepted.push([p.id, p.region_code, r.transferDate, r.destination, r.destinationRegionCode, r.industry, r.occupationCode]);
      }
      if (problems.length) refuse(problems);
      if (!accepted.length) return { inserted: 0, duplicates: 0 };
      await tx.query(`create temp table stage_tr (person_id bigint, region_code text, transfer_date date, destination text, destination_region_code text, industry text, occupation_code text) on commit drop`);
      await copyRows(tx, 'stage_tr', ['person_id', 'region_code', 'transfer_date', 'destination', 'destination_region_code', 'industry', 'occupation_code'], accepted);
      const [{ n }] = await tx.query<{ n: number }>(
        `with ins as (insert into employment_rural_transfers (person_id, region_code, transfer_date, destination, destination_region_code, industry, occupation_code, created_by)
           select person_id, region_code, transfer_date, destination, destination_region_code, industry, occupation_code, $1 from stage_tr
           on conflict (person_id, transfer_date) do nothing returning 1)
         select count(*)::int as n from ins`,
        [ctx.caller.userId],
      );
      return { inserted: Number(n), duplicates: accepted.length - Number(n) };
    },
    async afterCommit(summary, ctx) {
      await platform.audit(null, { actorId: ctx.caller.userId, actorName: ctx.caller.username, action: 'employment.transfer.import', targetType: 'import_job', targetId: ctx.jobId, outcome: 'success', detail: summary });
    },
  };
}

// ---- graduates' destinations ----------------------------------------------------------------

const educations = [
  { code: 'junior_college' as const, zh: '大专' },
  { code: 'bachelor' as const, zh: '本科' },
  { code: 'master' as const, zh: '硕士' },
  { code: 'doctor' as const, zh: '博士' },
];

type GraduateRow = IdCell & { n: number; graduationYear: number; school: string; education: (typeof educations)[number]['code']; destination: GraduateDestination; staysInHainan: boolean | null; recordedOn: string };

export function graduateImporter(platform: Platform): Importer<GraduateRow> {
  const seqs = new Map<string, number>();
  return {
    kind: 'graduate-destinations',
    permission: 'employment:write',
    title: { zh: '高校毕业生去向', en: 'Graduates’ destinations' },
    columns: [
      { key: 'idNumber', zh: '身份证号', en: 'Resident ID', required: true, example: '11010519491231002X', text: true },
      { key: 'graduationYear', zh: '毕业年份', en: 'Graduation year', required: true, example: '2024' },
      { key: 'school', zh: '毕业院校', en: 'School', required: true, example: '海南大学' },
      { key: 'education', zh: '学历', en: 'Education', required: true, example: '本科', note: '大专 / 本科 / 硕士 / 博士' },
      { key: 'destination', zh: '毕业去向', en: 'Destination', required: true, example: '签就业协议/劳动合同', note: graduateDestinationList.map((d) => d.zh).join(' / ') },
      { key: 'staysInHainan', zh: '留琼就业', en: 'Stays in Hainan', required: false, example: '是', note: '已就业的必填：是 / 否' },
      { key: 'recordedOn', zh: '记录日期', en: 'Recorded on', required: true, example: '2024-09-01', text: true },
    ],
    validateRow(cells, ctx) {
      const problems: RowProblem[] = [];
      const today = chinaToday();
      const n = nextSeq(seqs, ctx.jobId);
      const id = idCell(platform, cells.idNumber, problems);
      const year = Number(cells.graduationYear.trim());
      const education = coded(educations, cells.education, 'education', { zh: '学历', en: 'education' }, problems);
      const destination = coded(graduateDestinationList, cells.destination, 'destination', { zh: '毕业去向', en: 'destination' }, problems);
      const recordedOn = parseDateCell(cells.recordedOn);
      if (!recordedOn) problems.push({ column: 'recordedOn', zh: `记录日期“${cells.recordedOn}”不是有效日期`, en: `record date "${cells.recordedOn}" is not a valid date` });
      const employed = destination ? employedDestinations.includes(destination) : false;
      const stays = cells.staysInHainan.trim() ? yesNo(cells.staysInHainan, 'staysInHainan', problems, false) : null;
      if (education && destination && recordedOn) {
        for (const p of checkGraduateFields({ graduationYear: year, school: cells.school, education, destination, staysInHainan: stays, recordedOn }, today)) problems.push({ column: p.field, zh: p.zh, en: p.en });
      }
      if (problems.length || !id || !education || !destination || !recordedOn) return { ok: false, problems };
      return { ok: true, key: `${id.idHash}|${year}`, row: { ...id, n, graduationYear: year, school: cells.school.trim(), education, destination, staysInHainan: employed ? stays : null, recordedOn } };
    },
    async write(tx, rows, ctx) {
      seqs.delete(ctx.jobId);
      const people = await personsByHash(tx, [...new Set(rows.map((r) => r.idHash))]);
      const problems: FileProblem[] = [];
      const accepted: unknown[][] = [];
      for (const r of rows) {
        const p = people.get(r.idHash);
        const pp = personProblem(p, ctx);
        if (pp || !p) problems.push({ n: r.n, idMasked: r.idMasked, ...pp! });
        else accepted.push([p.id, p.region_code, r.graduationYear, r.school, r.education, r.destination, r.staysInHainan, r.recordedOn]);
      }
      if (problems.length) refuse(problems);
      if (!accepted.length) return { inserted: 0, duplicates: 0 };
      await tx.query(`create temp table stage_grad (person_id bigint, region_code text, graduation_year int, school text, education text, destination text, stays_in_hainan boolean, recorded_on date) on commit drop`);
      await copyRows(tx, 'stage_grad', ['person_id', 'region_code', 'graduation_year', 'school', 'education', 'destination', 'stays_in_hainan', 'recorded_on'], accepted);
      const [{ n }] = await tx.query<{ n: number }>(
        `with ins as (insert into employment_graduates (person_id, region_code, graduation_year, school, education, destination, stays_in_hainan, recorded_on, created_by)
           select person_id, region_code, graduation_year, school, education, destination, stays_in_hainan, recorded_on, $1 from stage_grad
           on conflict (person_id, graduation_year) do nothing returning 1)
         select count(*)::int as n from ins`,
        [ctx.caller.userId],
      );
      return { inserted: Number(n), duplicates: accepted.length - Number(n) };
    },
    async afterCommit(summary, ctx) {
      await platform.audit(null, { actorId: ctx.caller.userId, actorName: ctx.caller.username, action: 'employment.graduate.import', targetType: 'import_job', targetId: ctx.jobId, outcome: 'success', detail: summary });
    },
  };
}
