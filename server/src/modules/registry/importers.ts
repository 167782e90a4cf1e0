// Persons and employers import through the platform pipeline. Rows are validated here,
// encrypted and blind-indexed; persons already registered (same blind index) are counted as
// duplicates and the rest COPYed into persons; employers go through a staging table and
// INSERT … ON CONFLICT DO NOTHING. Re-importing a file adds no duplicates.
import { forgetCounts } from '../../platform/http/util';
import { csvField } from '../../platform/imports/parse';
import type { Importer, RowProblem } from '../../platform/imports';
import type { Platform } from '../../platform/kernel';
import { regionInScope } from '../../platform/scope';
import { checkEmployerFields } from './employers';
import { checkPersonFields } from './persons';
import { personColumns, sealPersonIdentifiers, type PersonImportRow } from './person-row';
import { persons } from './schema';

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0']);

function yesNo(v: string, column: string, problems: RowProblem[]): boolean {
  const s = v.trim().toLowerCase();
  if (YES.has(s)) return true;
  if (!NO.has(s)) problems.push({ column, zh: `应填“是”或“否”，实际为“${v}”`, en: `expected yes or no, got "${v}"` });
  return false;
}

/** A region given by code or by its (unique) name. */
export function regionResolver(platform: Platform): (v: string) => string | null {
  const byName = new Map<string, string | null>();
  for (const r of platform.regions.rows()) {
    if (r.validTo) continue;
    byName.set(r.name, byName.has(r.name) ? null : r.code);
  }
  return (v) => {
    const s = v.trim();
    if (platform.regions.index.get(s) && !platform.regions.index.get(s)?.validTo) return s;
    return byName.get(s) ?? null;
  };
}

function hukou(v: string): 'urban' | 'rural' | null {
  const s = v.trim().toLowerCase();
  if (['城镇', '非农业', 'urban', '城镇户口'].includes(s)) return 'urban';
  if (['农村', '农业', 'rural', '农业户口', '农村户口'].includes(s)) return 'rural';
  return null;
}

export { personColumns, personRowValues, sealPersonIdentifiers, type PersonImportRow } from './person-row';

/**
 * `personRowValues(r, createdBy).map(csvField).join(',')`, written out: only the name and the
 * household number can hold a comma or a quote; the rest are ciphertexts (key id and base64),
 * hex, masks, codes, dates and booleans, or null. The import writes every row through this.
 */
export function personCopyLine(r: PersonImportRow, createdBy: number | null): string {
  return `${r.idCipher},${r.idHash},${r.idMasked},${csvField(r.name)},${r.gender},${r.birthDate},${r.hukouType},${r.regionCode},${csvField(r.householdId)},${r.phoneCipher ?? ''},${r.phoneHash ?? ''},${r.phoneMasked ?? ''},${r.disability},${r.veteran},${r.zeroEmploymentHousehold},${r.lowIncomeHousehold},${createdBy ?? ''}`;
}

export function personImporter(platform: Platform): Importer<PersonImportRow> {
  const resolveRegion = regionResolver(platform);
  return {
    kind: 'persons',
    permission: 'registry:person:write',
    title: { zh: '人员信息', en: 'Persons' },
    columns: [
      { key: 'idNumber', zh: '身份证号', en: 'Resident ID', required: true, example: '11010519491231002X', text: true, note: '18位，末位可为X；请将此列设为文本格式' },
      { key: 'name', zh: '姓名', en: 'Name', required: true, example: '张三' },
      { key: 'hukouType', zh: '户口性质', en: 'Hukou type', required: true, example: '城镇', note: '城镇 / 农村' },
      { key: 'regionCode', zh: '户籍地区', en: 'Household region', required: true, example: '469021100', text: true, note: '区划代码或名称，如 469021 或 定安县' },
      { key: 'phone', zh: '手机号', en: 'Mobile', required: false, example: '13800138000', text: true },
      { key: 'householdId', zh: '家庭编号', en: 'Household number', required: false, example: '', text: true },
      { key: 'disability', zh: '残疾人', en: 'Disability', required: false, example: '否', note: '是 / 否' },
      { key: 'veteran', zh: '退役军人', en: 'Veteran', required: false, example: '否', note: '是 / 否' },
      { key: 'zeroEmploymentHousehold', zh: '零就业家庭', en: 'Zero-employment household', required: false, example: '否', note: '是 / 否' },
      { key: 'lowIncomeHousehold', zh: '低保家庭', en: 'Low-income household', required: false, example: '否', note: '是 / 否' },
    ],
    validateRow(cells, ctx) {
      const problems: RowProblem[] = [];
      if (cells.idNumber.startsWith('#NUMBER_PRECISION_LOST')) {
        return { ok: false, problems: [{ column: 'idNumber', zh: '身份证号被Excel存成了数字，后几位已丢失；请把该列设为文本后重新填写', en: 'Excel stored the ID as a number and lost its last digits; format the column as text and re-enter' }] };
      }
      const regionCode = resolveRegion(cells.regionCode);
      if (!regionCode) problems.push({ column: 'regionCode', zh: `户籍地区“${cells.regionCode}”不存在`, en: `unknown region "${cells.regionCode}"` });
      else if (!regionInScope(ctx.caller.scope, regionCode)) problems.push({ column: 'regionCode', zh: `地区 ${regionCode} 超出您的数据权限范围`, en: `region ${regionCode} is outside your data scope` });
      const h = hukou(cells.hukouType);
      if (!h) problems.push({ column: 'hukouType', zh: `户口性质应为“城镇”或“农村”，实际为“${cells.hukouType}”`, en: `hukou type must be urban or rural, got "${cells.hukouType}"` });
      const c = checkPersonFields({ idNumber: cells.idNumber, name: cells.name, phone: cells.phone }, () => true);
      for (const p of c.problems) problems.push({ column: p.field, zh: p.zh, en: p.en });
      const disability = yesNo(cells.disability, 'disability', problems);
      const veteran = yesNo(cells.veteran, 'veteran', problems);
      const zeroEmploymentHousehold = yesNo(cells.zeroEmploymentHousehold, 'zeroEmploymentHousehold', problems);
      const lowIncomeHousehold = yesNo(cells.lowIncomeHousehold, 'lowIncomeHousehold', problems);
      if (problems.length || !c.id?.ok) return { ok: false, problems };
      const id = c.id.value;
      const sealed = sealPersonIdentifiers(platform, id.id, c.phone);
      // Every field named, in one order: spreading `sealed` and the flags into the literal
      // cost ≈ 60 µs a row (V8's slow path for object spread), more than all the crypto.
      const row: PersonImportRow = {
        idCipher: sealed.idCipher,
        idHash: sealed.idHash,
        idMasked: sealed.idMasked,
        name: cells.name.trim(),
        gender: id.gender,
        birthDate: id.birthDate,
        hukouType: h!,
        regionCode: regionCode!,
        householdId: cells.householdId || null,
        phoneCipher: sealed.phoneCipher,
        phoneHash: sealed.phoneHash,
        phoneMasked: sealed.phoneMasked,
        disability,
        veteran,
        zeroEmploymentHousehold,
        lowIncomeHousehold,
      };
      return { ok: true, key: sealed.idHash, row };
    },
    // Each batch needs only itself: the blind indexes already stored, then COPY.
    batchWrites: true,
    async write(tx, rows, ctx) {
      // Person imports run one at a time (transaction-level lock), so the existing blind
      // indexes read here cannot change before the COPY: rows already registered are counted
      // as duplicates and the rest go straight into persons by COPY — no staging table.
      await tx.query(`select pg_advisory_xact_lock(hashtext('renshe.import.persons'))`);
      const existing = new Set<string>();
      const LOOKUP = 5_000;
      for (let i = 0; i < rows.length; i += LOOKUP) {
        const found = await tx.query<{ id_hash: string }>(`select id_hash from persons where id_hash = any($1::text[]) /*scope:system*/`, [rows.slice(i, i + LOOKUP).map((r) => r.idHash)]);
        for (const f of found) existing.add(f.id_hash);
      }
      const fresh = rows.filter((r) => !existing.has(r.idHash));
      const CHUNK = 20_000;
      for (let i = 0; i < fresh.length; i += CHUNK) {
        const csv = fresh
          .slice(i, i + CHUNK)
          .map((r) => personCopyLine(r, ctx.caller.userId))
          .join('\n');
        await tx.copyCsv('persons', personColumns, csv + '\n');
      }
      return { inserted: fresh.length, duplicates: rows.length - fresh.length };
    },
    async afterCommit(summary, ctx) {
      forgetCounts(platform.db, persons); // the lists' totals show the new persons at once
      await platform.audit(null, {
        actorId: ctx.caller.userId,
        actorName: ctx.caller.username,
        action: 'registry.person.import',
        targetType: 'import_job',
        targetId: ctx.jobId,
        outcome: 'success',
        detail: summary,
      });
    },
  };
}

type EmployerImportRow = { uscc: string; name: string; industry: string; ownership: string; size: string; regionCode: string };
export const employerColumns = ['uscc', 'name', 'industry', 'ownership', 'size', 'region_code', 'created_by'];

export function employerImporter(platform: Platform): Importer<EmployerImportRow> {
  const resolveRegion = regionResolver(platform);
  return {
    kind: 'employers',
    permission: 'registry:employer:write',
    title: { zh: '用人单位', en: 'Employers' },
    columns: [
      { key: 'uscc', zh: '统一社会信用代码', en: 'Unified social credit code', required: true, example: '91460000MA5T000000', text: true },
      { key: 'name', zh: '单位名称', en: 'Name', required: true, example: '海南某某有限公司' },
      { key: 'industry', zh: '行业门类', en: 'Industry section', required: true, example: 'H', note: 'GB/T 4754 门类字母或名称' },
      { key: 'ownership', zh: '经济类型', en: 'Ownership', required: true, example: '私营企业' },
      { key: 'size', zh: '企业规模', en: 'Size', required: true, example: '小型', note: '大型 / 中型 / 小型 / 微型' },
      { key: 'regionCode', zh: '所在地区', en: 'Region', required: true, example: '469021', text: true },
    ],
    validateRow(cells, ctx) {
      const problems: RowProblem[] = [];
      const regionCode = resolveRegion(cells.regionCode);
      if (!regionCode) problems.push({ column: 'regionCode', zh: `地区“${cells.regionCode}”不存在`, en: `unknown region "${cells.regionCode}"` });
      else if (!regionInScope(ctx.caller.scope, regionCode)) problems.push({ column: 'regionCode', zh: `地区 ${regionCode} 超出您的数据权限范围`, en: `region ${regionCode} is outside your data scope` });
      const c = checkEmployerFields({ uscc: cells.uscc, name: cells.name, industry: cells.industry, ownership: cells.ownership, size: cells.size }, () => true);
      for (const p of c.problems) problems.push({ column: p.field, zh: p.zh, en: p.en });
      if (problems.length) return { ok: false, problems };
      const v = c.value as EmployerImportRow;
      return { ok: true, key: v.uscc, row: { ...v, regionCode: regionCode! } };
    },
    async write(tx, rows, ctx) {
      await tx.query(`create temp table stage_employers (uscc text, name text, industry text, ownership text, size text, region_code text, created_by integer) on commit drop`);
      const csv = rows.map((r) => [r.uscc, r.name, r.industry, r.ownership, r.size, r.regionCode, ctx.caller.userId].map(csvField).join(',')).join('\n');
      await tx.copyCsv('stage_employers', employerColumns, csv + '\n');
      const [{ n }] = await tx.query<{ n: number | string }>(
        `with ins as (insert into employers (${employerColumns.join(', ')}) select ${employerColumns.join(', ')} from stage_employers
           on conflict (uscc) do nothing returning 1) select count(*)::int as n from ins`,
      );
      return { inserted: Number(n), duplicates: rows.length - Number(n) };
    },
    async afterCommit(summary, ctx) {
      await platform.audit(null, { actorId: ctx.caller.userId, actorName: ctx.caller.username, action: 'registry.employer.import', targetType: 'import_job', targetId: ctx.jobId, outcome: 'success', detail: summary });
    },
  };
}
