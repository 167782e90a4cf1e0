// Occupations: the 中华人民共和国职业分类大典 (2022) hierarchy. The major (大类) and medium
// (中类) groups ship as reference data (reference/occupations/groups-2022.json); occupations
// themselves (codes N-NN-NN-NN, flagged S digital and L green) are loaded from a file.
// Minor groups (小类) are implied by the first three parts of an occupation code.
import groupsJson from '../../../../reference/occupations/groups-2022.json' with { type: 'json' };
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { Importer, RowProblem } from '../../platform/imports';
import { csvField } from '../../platform/imports/parse';
import type { Platform } from '../../platform/kernel';
import { regionInScope } from '../../platform/scope';
import { employmentOccupations as occupations } from './schema';

export type OccupationLevel = 'major' | 'medium' | 'minor' | 'occupation';
export type OccupationGroup = { code: string; name: string; level: 'major' | 'medium'; parentCode: string | null };

export const majorGroups: OccupationGroup[] = groupsJson.major.map((g) => ({ ...g, level: 'major', parentCode: null }));
export const mediumGroups: OccupationGroup[] = groupsJson.medium.map((g) => ({ ...g, level: 'medium', parentCode: g.code.slice(0, 1) }));
const groupByCode = new Map([...majorGroups, ...mediumGroups].map((g) => [g.code, g]));

const CODE_RE = /^[1-8](-\d{2}){0,3}$/;

/** Checks an occupation or group code against the shipped hierarchy; returns its level or a reason. */
export function checkOccupationCode(code: string): { ok: true; level: OccupationLevel } | { ok: false; zh: string; en: string } {
  if (!CODE_RE.test(code)) return { ok: false, zh: `职业代码“${code}”格式应为 N-NN-NN-NN（或其大类、中类、小类前缀）`, en: `occupation code "${code}" must look like N-NN-NN-NN (or a major, medium or minor group prefix)` };
  const parts = code.split('-');
  if (!groupByCode.has(parts[0])) return { ok: false, zh: `职业大类 ${parts[0]} 不存在`, en: `no major group ${parts[0]}` };
  if (parts.length >= 2 && !groupByCode.has(`${parts[0]}-${parts[1]}`)) return { ok: false, zh: `职业中类 ${parts[0]}-${parts[1]} 不存在（职业分类大典2022）`, en: `no medium group ${parts[0]}-${parts[1]} in the 2022 classification` };
  return { ok: true, level: (['major', 'medium', 'minor', 'occupation'] as const)[parts.length - 1] };
}

export const mediumOf = (code: string): string => code.split('-').slice(0, 2).join('-');
export const majorOf = (code: string): string => code.slice(0, 1);

/** Number of leading levels two codes share (0–4): 2-02-38-01 and 2-02-10-08 share 2. */
export function sharedLevels(a: string, b: string): number {
  const pa = a.split('-');
  const pb = b.split('-');
  let n = 0;
  while (n < pa.length && n < pb.length && pa[n] === pb[n]) n++;
  return n;
}

export function groupName(code: string): string | null {
  return groupByCode.get(code)?.name ?? null;
}

// ---- occupation names (loaded list, cached) ------------------------------------------

let cache: { at: number; names: Map<string, { name: string; digital: boolean; green: boolean }> } | null = null;

export async function occupationNames(db: Db): Promise<Map<string, { name: string; digital: boolean; green: boolean }>> {
  if (cache && Date.now() - cache.at < 60_000) return cache.names;
  const rows = await db.select().from(occupations);
  cache = { at: Date.now(), names: new Map(rows.map((r) => [r.code, { name: r.name, digital: r.digital, green: r.green }])) };
  return cache.names;
}

export function forgetOccupationNames(): void {
  cache = null;
}

/** The name of a code: the loaded occupation, else its group (大类/中类), else null (minor groups are not shipped). */
export function nameOfOccupation(names: Map<string, { name: string }>, code: string | null | undefined): string | null {
  if (!code) return null;
  return names.get(code)?.name ?? groupName(code);
}

// ---- loading occupations from a file ---------------------------------------------------

export type OccupationRow = { code: string; name: string; digital: boolean; green: boolean };

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0']);

/** A flag cell: the mark itself (S for digital, L for green; "L/S" carries both) or yes/no. */
export function parseMark(v: string, mark: 'S' | 'L'): { digital: boolean; green: boolean } | null {
  const s = v.trim().toUpperCase().replace(/\s/g, '');
  if (['L/S', 'S/L', 'LS', 'SL'].includes(s)) return { digital: true, green: true };
  if (s === 'S') return { digital: true, green: false };
  if (s === 'L') return { digital: false, green: true };
  const low = s.toLowerCase();
  if (YES.has(low)) return { digital: mark === 'S', green: mark === 'L' };
  if (NO.has(low)) return { digital: false, green: false };
  return null;
}

/** Validates one occupation row (code, name, digital, green). */
export function checkOccupationRow(cells: { code: string; name: string; digital?: string; green?: string }): { ok: true; row: OccupationRow } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const code = cells.code.trim();
  const c = checkOccupationCode(code);
  if (!c.ok) problems.push({ column: 'code', zh: c.zh, en: c.en });
  else if (c.level !== 'occupation') problems.push({ column: 'code', zh: `“${code}”是分类组代码，不是职业代码（应为 N-NN-NN-NN）`, en: `"${code}" is a group code, not an occupation (N-NN-NN-NN)` });
  const name = cells.name.trim();
  if (name.length < 2 || name.length > 60) problems.push({ column: 'name', zh: '职业名称须为2–60个字符', en: 'name must have 2–60 characters' });
  const d = parseMark(cells.digital ?? '', 'S');
  const g = parseMark(cells.green ?? '', 'L');
  if (!d) problems.push({ column: 'digital', zh: `数字职业标识应为 S、是 或 否，实际为“${cells.digital}”`, en: `digital flag must be S, yes or no, got "${cells.digital}"` });
  if (!g) problems.push({ column: 'green', zh: `绿色职业标识应为 L、是 或 否，实际为“${cells.green}”`, en: `green flag must be L, yes or no, got "${cells.green}"` });
  if (problems.length || !d || !g) return { ok: false, problems };
  return { ok: true, row: { code, name, digital: d.digital || g.digital, green: d.green || g.green } };
}

/** Parses an occupation CSV (header: code,name,digital,green or 职业代码,职业名称,数字职业,绿色职业). */
export function parseOccupationCsv(text: string): { rows: OccupationRow[]; problems: (RowProblem & { row: number })[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const split = (line: string): string[] => {
    const out: string[] = [];
    let f = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (q) {
        if (ch === '"' && line[i + 1] === '"') {
          f += '"';
          i++;
        } else if (ch === '"') q = false;
        else f += ch;
      } else if (ch === '"' && f === '') q = true;
      else if (ch === ',') {
        out.push(f.trim());
        f = '';
      } else f += ch;
    }
    out.push(f.trim());
    return out;
  };
  const header = split(lines[0] ?? '').map((h) => h.toLowerCase());
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const idx = { code: col(['code', '职业代码', '代码']), name: col(['name', '职业名称', '名称']), digital: col(['digital', '数字职业', 's']), green: col(['green', '绿色职业', 'l']) };
  const rows: OccupationRow[] = [];
  const problems: (RowProblem & { row: number })[] = [];
  if (idx.code < 0 || idx.name < 0) return { rows, problems: [{ row: 1, column: 'header', zh: '表头须包含 code 与 name 列', en: 'the header needs code and name columns' }] };
  const seen = new Set<string>();
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const cells = split(line);
    const r = checkOccupationRow({ code: cells[idx.code] ?? '', name: cells[idx.name] ?? '', digital: idx.digital >= 0 ? cells[idx.digital] : '', green: idx.green >= 0 ? cells[idx.green] : '' });
    if (!r.ok) for (const p of r.problems) problems.push({ ...p, row: i + 2 });
    else if (seen.has(r.row.code)) problems.push({ row: i + 2, column: 'code', zh: `职业代码 ${r.row.code} 重复`, en: `duplicate code ${r.row.code}` });
    else {
      seen.add(r.row.code);
      rows.push(r.row);
    }
  });
  return { rows, problems };
}

/** Loads (upserts) occupations; all or nothing. Returns the number written. */
export async function loadOccupations(db: Db, rows: OccupationRow[]): Promise<number> {
  if (!rows.length) return 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(occupations)
        .values(rows.slice(i, i + 500).map((r) => ({ ...r, updatedAt: new Date() })))
        .onConflictDoUpdate({ target: occupations.code, set: { name: sql`excluded.name`, digital: sql`excluded.digital`, green: sql`excluded.green`, updatedAt: sql`excluded.updated_at` } });
    }
  });
  forgetOccupationNames();
  return rows.length;
}

/** The occupation list through the platform import pipeline (province-level users only: it is shared reference data). */
export function occupationImporter(platform: Platform): Importer<OccupationRow> {
  const province = platform.regions.rows().find((r) => r.parentCode === null)?.code ?? '460000';
  return {
    kind: 'occupations',
    permission: 'employment:write',
    title: { zh: '职业（职业分类大典）', en: 'Occupations (classification)' },
    columns: [
      { key: 'code', zh: '职业代码', en: 'Code', required: true, example: '2-02-38-01', text: true, note: 'N-NN-NN-NN' },
      { key: 'name', zh: '职业名称', en: 'Name', required: true, example: '人工智能工程技术人员' },
      { key: 'digital', zh: '数字职业', en: 'Digital (S)', required: false, example: 'S', note: 'S / 是 / 否' },
      { key: 'green', zh: '绿色职业', en: 'Green (L)', required: false, example: '', note: 'L / 是 / 否' },
    ],
    validateRow(cells, ctx) {
      if (!regionInScope(ctx.caller.scope, province)) return { ok: false, problems: [{ column: 'code', zh: '职业目录是全省共用的参考数据，只能由省级用户导入', en: 'The occupation list is province-wide reference data; only province-level users may load it' }] };
      const r = checkOccupationRow({ code: cells.code, name: cells.name, digital: cells.digital, green: cells.green });
      return r.ok ? { ok: true, key: r.row.code, row: r.row } : r;
    },
    async write(tx, rows) {
      await tx.query(`create temp table stage_occupations (code text, name text, digital boolean, green boolean) on commit drop`);
      await tx.copyCsv('stage_occupations', ['code', 'name', 'digital', 'green'], rows.map((r) => [r.code, r.name, r.digital, r.green].map(csvField).join(',')).join('\n') + '\n');
      const [{ n }] = await tx.query<{ n: number | string }>(
        `with up as (insert into employment_occupations (code, name, digital, green) select code, name, digital, green from stage_occupations
           on conflict (code) do update set name = excluded.name, digital = excluded.digital, green = excluded.green, updated_at = now()
           returning (xmax = 0) as inserted) select count(*) filter (where inserted)::int as n from up`,
      );
      forgetOccupationNames();
      return { inserted: Number(n), duplicates: rows.length - Number(n) };
    },
    async afterCommit(summary, ctx) {
      await platform.audit(null, { actorId: ctx.caller.userId, actorName: ctx.caller.username, action: 'employment.occupation.import', targetType: 'import_job', targetId: ctx.jobId, outcome: 'success', detail: summary });
    },
  };
}
