// 单位月度缴费申报: the employer's monthly declaration by Excel, through the platform import
// pipeline (kind `contributions`). Checks that need no database run per row (resident ID,
// credit code, fee month, amount); the rest run set-based in the import's one transaction.
// Each batch of rows is COPYed into a staging table while the next batch is read; when the file
// is read (`finish`) the rows are resolved (employer, person, enrolments, rates) and checked: employer registered
// and in scope, person registered with a matching name, enrolled with that employer in that
// month, base inside the year's legal band, no different base already declared, no row twice.
// Any failing row refuses the whole file (whatever the import mode). Declared entries have a
// unique key (employer × person × type × month × revision); a file is written under a lock, an
// entry already standing is skipped, so a re-imported file, or one imported again after an
// interruption rolled it back, never doubles money.
import { maskResidentId } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import type { RawTx } from '../../platform/db';
import { csvField } from '../../platform/imports/parse';
import { errorWorkbook, type ErrorRow, type Importer, type RowProblem } from '../../platform/imports';
import type { Platform } from '../../platform/kernel';
import { parseResidentId, parseUscc } from '../../platform/validate';
import { todayIso } from './calendar';
import { baseBand, loadParams, ratesOf } from './params';
import { declaredTypes, insuranceTypeLabels, insuranceTypes, parseFeeMonth, parseInsuranceType, parseYuan, type InsuranceType } from './types';

export type DeclarationRow = {
  ord: number;
  uscc: string;
  idHash: string;
  idMasked: string;
  name: string;
  insuranceType: InsuranceType | null;
  feeMonth: string;
  baseFen: number;
};

type Problem = { ord: number; idMasked: string; code: string; zh: string; en: string };

/** Rows seen by validateRow per job: the file's ordinal for each row, and how many there were. */
const seenRows = new Map<string, number>();
/** The full problem list of the last refused declarations (the job message carries the first 20). */
const refused = new Map<string, Problem[]>();

function remember<K, V>(m: Map<K, V>, k: K, v: V) {
  m.set(k, v);
  if (m.size > 200) m.delete(m.keys().next().value as K);
}

export function declarationProblems(jobId: string): Problem[] | undefined {
  return refused.get(jobId);
}

export async function declarationProblemsWorkbook(jobId: string): Promise<Buffer | null> {
  const p = refused.get(jobId);
  if (!p) return null;
  const rows: ErrorRow[] = p.map((x) => ({ row: x.ord, column: '', value: x.idMasked, zh: x.zh, en: x.en }));
  return errorWorkbook(rows);
}

const problemText: Record<string, (d: Record<string, string>) => { zh: string; en: string }> = {
  employer_unknown: () => ({ zh: '统一社会信用代码未登记为用人单位', en: 'No employer is registered with this credit code' }),
  employer_scope: () => ({ zh: '该单位超出您的数据权限范围', en: 'The employer is outside your data scope' }),
  employer_unregistered: () => ({ zh: '该单位未办理社会保险登记', en: 'The employer is not registered for social insurance' }),
  person_unknown: () => ({ zh: '身份证号未在人员信息中登记', en: 'No registered person has this resident ID' }),
  name_mismatch: () => ({ zh: '姓名与身份证号不符', en: 'The name does not match the resident ID' }),
  not_enrolled: (d) => ({
    zh: `该人员${d.month}未在本单位参加${d.type ? insuranceTypeLabels[d.type as InsuranceType].zh : '任何险种'}`,
    en: `The person was not enrolled with this employer in ${d.type ? insuranceTypeLabels[d.type as InsuranceType].en : 'any type'} in ${d.month}`,
  }),
  base_band: (d) => ({
    zh: `缴费基数 ${d.base} 元超出 ${d.year} 年法定范围 ${d.floor}–${d.ceil} 元（社平工资的 60%–300%）`,
    en: `Base ${d.base} yuan is outside the ${d.year} legal band ${d.floor}–${d.ceil} yuan (60%–300% of the average wage)`,
  }),
  already_declared: (d) => ({
    zh: `${d.month} ${insuranceTypeLabels[d.type as InsuranceType]?.zh ?? ''}已申报基数 ${d.existing} 元，与本次 ${d.base} 元不同；请先冲销更正`,
    en: `${d.month} ${insuranceTypeLabels[d.type as InsuranceType]?.en ?? ''} was already declared at ${d.existing} yuan, not ${d.base}; reverse and correct it instead`,
  }),
  duplicate: (d) => ({ zh: `与第 ${d.other} 条重复（同一人、险种、月份）`, en: `Same person, type and month as record ${d.other}` }),
};

const stageColumns = ['ord', 'uscc', 'id_hash', 'id_masked', 'name', 'insurance_type', 'fee_month', 'base_fen'];

export function contributionImporter(platform: Platform): Importer<DeclarationRow> {
  return {
    kind: 'contributions',
    permission: 'insurance:write',
    title: { zh: '单位缴费申报', en: 'Employer contribution declaration' },
    columns: [
      { key: 'uscc', zh: '统一社会信用代码', en: 'Unified social credit code', required: true, example: '91460000MA5T000000', text: true },
      { key: 'feeMonth', zh: '费款所属期', en: 'Fee month', required: true, example: '2025-03', text: true, note: '年-月，如 2025-03 或 202503' },
      { key: 'idNumber', zh: '身份证号', en: 'Resident ID', required: true, example: '11010519491231002X', text: true, note: '18位，末位可为X；请将此列设为文本格式' },
      { key: 'name', zh: '姓名', en: 'Name', required: true, example: '张三' },
      { key: 'insuranceType', zh: '险种', en: 'Insurance type', required: false, example: '', note: '留空表示本单位为该人员参保的全部险种；或填 企业职工养老 / 机关事业养老 / 失业 / 工伤' },
      { key: 'base', zh: '缴费基数（元）', en: 'Contribution base (yuan)', required: true, example: '6500', note: '须在当年社平工资的 60%–300% 之间' },
    ],
    validateRow(cells, ctx) {
      const seen = (seenRows.get(ctx.jobId) ?? 0) + 1;
      remember(seenRows, ctx.jobId, seen);
      // Problems name the row as the sheet numbers it (第N条, the header is row 1).
      const ord = ctx.rowNumber ?? seen + 1;
      const problems: RowProblem[] = [];
      let idHash = '';
      let idMasked = '';
      if (cells.idNumber.startsWith('#NUMBER_PRECISION_LOST')) {
        problems.push({ column: 'idNumber', zh: '身份证号被Excel存成了数字，后几位已丢失；请把该列设为文本后重新填写', en: 'Excel stored the ID as a number and lost its last digits; format the column as text and re-enter' });
      } else {
        const id = parseResidentId(cells.idNumber);
        if (!id.ok) problems.push({ column: 'idNumber', zh: `身份证号${id.zh}`.replace('身份证号身份证号', '身份证号'), en: `resident ID: ${id.en}` });
        else {
          idHash = platform.crypto.blindIndex(id.value.id);
          idMasked = maskResidentId(id.value.id);
        }
      }
      const uscc = parseUscc(cells.uscc);
      if (!uscc.ok) problems.push({ column: 'uscc', zh: uscc.zh, en: uscc.en });
      const feeMonth = parseFeeMonth(cells.feeMonth);
      if (!feeMonth) problems.push({ column: 'feeMonth', zh: `费款所属期“${cells.feeMonth}”应为年-月，如 2025-03`, en: `fee month "${cells.feeMonth}" must be year-month, e.g. 2025-03` });
      else if (feeMonth > `${todayIso().slice(0, 7)}-01`) problems.push({ column: 'feeMonth', zh: '不能申报未来月份', en: 'cannot declare a future month' });
      let type: InsuranceType | null = null;
      if (cells.insuranceType) {
        type = parseInsuranceType(cells.insuranceType);
        if (!type || !declaredTypes.includes(type)) problems.push({ column: 'insuranceType', zh: `险种“${cells.insuranceType}”不能由单位申报`, en: `"${cells.insuranceType}" is not a type employers declare` });
      }
      const base = parseYuan(cells.base);
      if (base === null || base <= 0) problems.push({ column: 'base', zh: `缴费基数“${cells.base}”应为正数金额（元）`, en: `base "${cells.base}" must be a positive amount in yuan` });
      if (!cells.name.trim()) problems.push({ column: 'name', zh: '姓名不能为空', en: 'name is required' });
      if (problems.length) return { ok: false, problems };
      const u = (uscc as { ok: true; value: { code: string } }).value.code;
      return {
        ok: true,
        key: `${u}|${idHash}|${type ?? '*'}|${feeMonth}`,
        row: { ord, uscc: u, idHash, idMasked, name: cells.name.trim(), insuranceType: type, feeMonth: feeMonth!, baseFen: base! },
      };
    },
    // Batches of the file are staged while the next one is read (PostgreSQL); resolving, the
    // checks across rows and the insert wait for the whole file (finish).
    batchWrites: true,
    batchRows: 20_000,
    async write(tx, rows) {
      await stageDeclarations(tx, rows);
      return { inserted: 0, duplicates: 0 };
    },
    async finish(tx, ctx) {
      const seen = seenRows.get(ctx.jobId) ?? 0;
      seenRows.delete(ctx.jobId);
      const staged = stagedRows(tx);
      if (seen > staged) {
        // The pipeline's good-rows mode would write part of a file: a declaration is all or nothing.
        throw new AppError('IMPORT_FAILED', {
          zh: `申报文件须整体导入：${seen - staged} 行未通过校验，未写入任何数据。请下载错误明细修正后重新导入。`,
          en: `A declaration is imported whole: ${seen - staged} rows failed validation; nothing was written. Fix them and import again.`,
        });
      }
      const result = await finishDeclarations(tx, { jobId: ctx.jobId, userId: ctx.caller.userId, scope: { all: ctx.caller.scope.all, codes: [...ctx.caller.scope.regionCodes] } });
      if (result.problems.length) {
        remember(refused, ctx.jobId, result.problems);
        const n = new Set(result.problems.map((p) => p.ord)).size;
        const head = result.problems.slice(0, 20);
        throw new AppError('IMPORT_FAILED', {
          zh: `${n} 条申报未通过校验，未写入任何数据：${head.map((p) => `第${p.ord}条（${p.idMasked}）${p.zh}`).join('；')}${result.problems.length > head.length ? `；……共 ${result.problems.length} 个问题` : ''}`,
          en: `${n} declaration rows failed; nothing was written: ${head.map((p) => `record ${p.ord} (${p.idMasked}): ${p.en}`).join('; ')}${result.problems.length > head.length ? `; … ${result.problems.length} problems in all` : ''}`,
        });
      }
      return { inserted: result.inserted, duplicates: result.duplicates };
    },
    async afterCommit(summary, ctx) {
      await platform.audit(null, {
        actorId: ctx.caller.userId,
        actorName: ctx.caller.username,
        action: 'insurance.declaration.import',
        targetType: 'import_job',
        targetId: ctx.jobId,
        outcome: 'success',
        detail: { ...summary, unit: 'ledger entries (person × type)' },
      });
    },
  };
}

type WriteOpts = { jobId: string | null; userId: number; scope: { all: boolean; codes: string[] } };

/** What a declaration's transaction has staged so far (temp tables live as long as it does). */
type Staged = { rows: number; years: Set<number>; months: Set<string> };
const stagedOf = new WeakMap<RawTx, Staged>();
const stagedRows = (tx: RawTx) => stagedOf.get(tx)?.rows ?? 0;

/**
 * Stages one batch of valid rows (COPY into stage_decl), with the legal band and rates of years
 * not seen yet. Called batch by batch while the file is still being read; the first call takes
 * the lock and makes the temp tables.
 */
async function stageDeclarations(tx: RawTx, rows: DeclarationRow[]): Promise<void> {
  let st = stagedOf.get(tx);
  if (!st) {
    // One declaration file is written at a time (the lock is held to commit): the entries already
    // declared are then known for certain when this one reads them, so the new entries go in with
    // a plain INSERT instead of a per-row ON CONFLICT probe. The unique key stays as the last guard.
    await tx.query(`select pg_advisory_xact_lock(hashtext('insurance.declaration'))`);
    // The joins and sorts over the whole file (finish) stay in memory; these statements run once
    // per batch or file, so JIT compilation (seconds each) never pays for itself.
    await tx.query(`set local work_mem = '64MB'`);
    await tx.query(`set local jit = off`);
    await tx.query(`create temp table stage_decl (ord int, uscc text, id_hash text, id_masked text, name text, insurance_type text, fee_month date, base_fen bigint) on commit drop`);
    await tx.query(`create temp table stage_band (year int, floor_fen bigint, ceil_fen bigint) on commit drop`);
    await tx.query(`create temp table stage_rates (year int, insurance_type text, wi_class int, employer_bp int, personal_bp int) on commit drop`);
    st = { rows: 0, years: new Set(), months: new Set() };
    stagedOf.set(tx, st);
  }
  // Parameters of years not seen yet: the legal band and the rates.
  const newYears = [...new Set(rows.map((r) => Number(r.feeMonth.slice(0, 4))))].filter((y) => !st.years.has(y));
  if (newYears.length) {
    const params = await loadParams(tx.query.bind(tx) as never, newYears);
    const bandRows: string[] = [];
    const rateRows: string[] = [];
    for (const [y, p] of params) {
      st.years.add(y);
      const b = baseBand(p.params);
      bandRows.push([y, b.floorFen, b.ceilFen].join(','));
      for (const t of insuranceTypes) {
        for (let c = 1; c <= 8; c++) {
          if (t !== 'work_injury' && c > 1) continue;
          const r = ratesOf(p.params, t, c);
          rateRows.push([y, t, c, r.employer, r.personal].join(','));
        }
      }
    }
    await tx.copyCsv('stage_band', ['year', 'floor_fen', 'ceil_fen'], bandRows.join('\n') + '\n');
    await tx.copyCsv('stage_rates', ['year', 'insurance_type', 'wi_class', 'employer_bp', 'personal_bp'], rateRows.join('\n') + '\n');
    // Small tables the planner must know are small (a hash join, not a sort of the file).
    await tx.query('analyze stage_band');
    await tx.query('analyze stage_rates');
  }
  for (const r of rows) st.months.add(r.feeMonth);
  st.rows += rows.length;
  const csv = rows.map((r) => [r.ord, r.uscc, r.idHash, r.idMasked, r.name, r.insuranceType, r.feeMonth, r.baseFen].map(csvField).join(',')).join('\n');
  await tx.copyCsv('stage_decl', stageColumns, csv + '\n');
}

/**
 * Checks the staged file as a whole and writes it: returns the problems (and writes nothing) when
 * any row fails; otherwise inserts the entries not already present.
 */
async function finishDeclarations(tx: RawTx, opts: WriteOpts): Promise<{ inserted: number; duplicates: number; problems: Problem[] }> {
  const st = stagedOf.get(tx);
  if (!st) return { inserted: 0, duplicates: 0, problems: [] };
  await tx.query('analyze stage_decl');
  // Resolve each row: employer, its registration, the person, and the enrolments it declares
  // for, with the rates of its year — one set-based statement over the whole file (done batch by
  // batch, the planner re-read the persons and enrolments for each batch at small scales).
  await tx.query(
    `create temp table stage_x on commit drop as
     select s.ord, s.id_masked, s.fee_month, s.base_fen, s.name as file_name, s.insurance_type as req_type,
            e.id as employer_id, e.region_code, r.status as reg_status, r.work_injury_class,
            p.id as person_id, p.name as person_name, en.insurance_type, rt.employer_bp, rt.personal_bp
       from stage_decl s
       left join employers e on e.uscc = s.uscc
       left join insurance_employer_registrations r on r.employer_id = e.id
       left join persons p on p.id_hash = s.id_hash
       left join insurance_enrolments en
              on en.person_id = p.id and en.employer_id = e.id
             and en.insurance_type = any($1::text[])
             and (s.insurance_type is null or en.insurance_type = s.insurance_type)
             and en.start_date <= (s.fee_month + interval '1 month' - interval '1 day')::date
             and (en.end_date is null or en.end_date >= s.fee_month)
       left join stage_rates rt
              on rt.year = extract(year from s.fee_month)::int and rt.insurance_type = en.insurance_type
             and rt.wi_class = case when en.insurance_type = 'work_injury' then r.work_injury_class else 1 end`,
    [[...declaredTypes]],
  );
  await tx.query('analyze stage_x');
  const months = [...st.months];
  // The entries a file can collide with: declared for one of its employers in one of its months,
  // found through the ledger's (employer, month) index rather than by reading every declared
  // entry of every month (a full ledger scan for each file, however small the file).
  await tx.query(
    `create temp table stage_prev on commit drop as
     select d.id, d.employer_id, d.person_id, d.insurance_type, d.fee_month, d.revision, d.base_fen
       from insurance_ledger d
      where d.event = 'declared' and d.fee_month = any($1::date[])
        and d.employer_id = any((select array_agg(distinct employer_id) from stage_x where employer_id is not null)::bigint[])`,
    [months],
  );
  await tx.query('analyze stage_prev');
  // A row's stage_x rows agree on employer and person; it has one row with no insurance type
  // exactly when no enrolment matched. So the basic checks need no pass that picks one row per
  // file row (a sort of the whole file): only the failing rows are de-duplicated.
  const problemRows = await tx.query<{ ord: number; id_masked: string; code: string; d: Record<string, string> }>(
    `with basic as (
       select distinct on (ord) ord, id_masked, code, d from (
         select ord, id_masked,
                case when employer_id is null then 'employer_unknown'
                     when not ($1::boolean or region_code = any($2::text[])) then 'employer_scope'
                     when reg_status is distinct from 'active' then 'employer_unregistered'
                     when person_id is null then 'person_unknown'
                     when person_name <> file_name then 'name_mismatch'
                     when insurance_type is null then 'not_enrolled'
                end as code,
                json_build_object('month', to_char(fee_month, 'YYYY-MM'), 'type', coalesce(req_type, '')) as d
           from stage_x) b
        where code is not null
        order by ord
     ),
     band as (
       select s.ord, s.id_masked, 'base_band' as code,
              json_build_object('year', b.year::text, 'base', to_char(s.base_fen / 100.0, 'FM999999990.00'),
                                'floor', to_char(b.floor_fen / 100.0, 'FM999999990.00'), 'ceil', to_char(b.ceil_fen / 100.0, 'FM999999990.00')) as d
         from stage_decl s join stage_band b on b.year = extract(year from s.fee_month)::int
        where s.base_fen < b.floor_fen or s.base_fen > b.ceil_fen
     ),
     declared as (
       select x.ord, x.id_masked, 'already_declared' as code,
              json_build_object('month', to_char(x.fee_month, 'YYYY-MM'), 'type', x.insurance_type,
                                'existing', to_char(d.base_fen / 100.0, 'FM999999990.00'), 'base', to_char(x.base_fen / 100.0, 'FM999999990.00')) as d
         from stage_x x
         join stage_prev d on d.employer_id = x.employer_id and d.person_id = x.person_id
                          and d.insurance_type = x.insurance_type and d.fee_month = x.fee_month
        where d.base_fen <> x.base_fen and not exists (select 1 from insurance_ledger r where r.reverses_id = d.id)
     ),
     dup_key as (
       select employer_id, person_id, insurance_type, fee_month, min(ord) as first_ord
         from stage_x where insurance_type is not null
        group by employer_id, person_id, insurance_type, fee_month
       having count(*) > 1
     ),
     dup as (
       select x.ord, x.id_masked, 'duplicate' as code, json_build_object('other', k.first_ord::text) as d
         from stage_x x join dup_key k using (employer_id, person_id, insurance_type, fee_month)
        where x.ord > k.first_ord
     )
     select ord, id_masked, code, d from basic
     union all select ord, id_masked, code, d from band
     union all select ord, id_masked, code, d from declared
     union all select ord, id_masked, code, d from dup
     order by ord
     limit 2000`,
    [opts.scope.all, opts.scope.codes],
  );
  if (problemRows.length) {
    const problems = problemRows.map((p) => {
      const d = (typeof p.d === 'string' ? JSON.parse(p.d) : p.d) as Record<string, string>;
      return { ord: Number(p.ord), idMasked: p.id_masked, code: p.code, ...problemText[p.code](d) };
    });
    return { inserted: 0, duplicates: 0, problems };
  }
  // An entry already standing (declared and not reversed) is a duplicate and is skipped; after a
  // reversal the month is declared again as the next revision; otherwise revision 0.
  const [{ n, total }] = await tx.query<{ n: number | string; total: number | string }>(
    `with prev as (
       select d.employer_id, d.person_id, d.insurance_type, d.fee_month, max(d.revision) as max_rev, bool_or(r.id is null) as standing
         from stage_prev d
         left join insurance_ledger r on r.reverses_id = d.id
        group by d.employer_id, d.person_id, d.insurance_type, d.fee_month),
     ins as (
       insert into insurance_ledger (person_id, employer_id, insurance_type, fee_month, period_months, event, side, base_fen,
                                     employer_rate_bp, personal_rate_bp, employer_fen, personal_fen, value_date, revision,
                                     region_code, source, import_job_id, recorded_by)
       select x.person_id, x.employer_id, x.insurance_type, x.fee_month, 1, 'declared', 'due', x.base_fen,
              x.employer_bp, x.personal_bp, round(x.base_fen * x.employer_bp / 10000.0)::bigint, round(x.base_fen * x.personal_bp / 10000.0)::bigint,
              $1::date, coalesce(p.max_rev + 1, 0), x.region_code, 'declaration', $2, $3
         from stage_x x
         left join prev p on p.employer_id = x.employer_id and p.person_id = x.person_id and p.insurance_type = x.insurance_type and p.fee_month = x.fee_month
        where p.standing is not true and x.employer_bp is not null
        -- In the ledger's key order: the indexes then take the entries page by page, as a COPY
        -- of a sorted file would (the resolve's hash joins leave them in random order, and each
        -- entry then read and dirtied a random page of three indexes).
        order by x.employer_id, x.person_id, x.insurance_type
       returning 1)
     select (select count(*) from ins)::int as n, (select count(*) from stage_x)::int as total`,
    [todayIso(), opts.jobId, opts.userId],
  );
  return { inserted: Number(n), duplicates: Number(total) - Number(n), problems: [] };
}
