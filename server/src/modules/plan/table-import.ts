/*
 * 按印刷表样导入规划 / A plan from an Excel sheet laid out like the printed table
 * ------------------------------------------------------------------------------------------
 * Reads what planTableWorkbook writes, and what staff would type from the printed page:
 *
 *   title rows               专栏2“十四五”时期主要指标 (the first), the plan's title (a later one)
 *   header                   指标 | 2020年基数 | “十四五”规划目标 | 属性 or 实际完成数 | (any further columns are ignored: the export's per-year columns)
 *   group rows               一、促进就业
 *   indicator rows           1.城镇新增就业人数（万人） | 14.4 | [75] | 预期性
 *   an unnumbered group      正文目标 (the export adds it on request)
 *   notes                    rows starting with 注
 *
 * What each row says, by rule:
 * - code: the plan's ordinal (“十四五” → 14) and the row number: 14-01;
 * - period: the five years after the base year of the header (2020年基数 → 2021–2025); the
 *   ordinal, when printed, must agree;
 * - baseline: a number, or "—" (no statistic); the printed text is kept where the number
 *   alone would print differently;
 * - target: [75] is a five-year sum (cumulative); a printed comparator (<, ≤, >, ≥) is kept and
 *   a bare figure is a floor (>=); 90–95 is a range. Kind of the others: a percentage is a rate,
 *   or a surveyed level when the name says 调查 (the statistics bureau's survey, not a ratio of
 *   our records); any other unit is a stock at year end;
 * - the same name twice with the same unit and target is one indicator restated (sameAs the
 *   first: 农民工参加职业培训人次, rows 6 and 20); with another unit or target it is an error.
 *
 * What the printed table does not say (the measure behind an indicator, English names, notes,
 * links) comes from the stored plan being replaced, matched by code, else from any stored
 * plan's indicator of the same name and unit; otherwise the indicator is `reported`. Targets
 * in the running text need the sentence they come from, which a table cannot carry: rows of an
 * unnumbered group must match the stored plan's text targets unchanged, and a plan replaced
 * from its table keeps its text targets.
 *
 * Every row is checked before anything is written; problems come back as the platform's
 * row-level error workbook (zh/en), and nothing is stored.
 */
import { AppError } from '../../platform/errors';
import type { Db } from '../../platform/db';
import { errorWorkbook, type ErrorRow } from '../../platform/imports';
import { readXlsx, type RawRow } from '../../platform/imports/parse';
import { ZPlanSchema, units, type TBoundComparator, type TIndicator, type TPlan, type TPlanGroup, type TTarget, type TUnit } from './plan-schema';
import { allIndicators, listPlans, planToYaml, storePlan, type PlanRecord } from './plans';

const CN_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十四 → 14, 九 → 9, 二十一 → 21. */
export function cnNumber(s: string): number | null {
  if (CN_NUMERALS[s] !== undefined) return CN_NUMERALS[s];
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (!m) return null;
  return (m[1] ? CN_NUMERALS[m[1]] : 1) * 10 + (m[2] ? CN_NUMERALS[m[2]] : 0);
}

/** The n-th five-year plan's first year: from the third (1966–1970) on they follow each other. */
export function fiveYearPlanStart(n: number): number {
  return 1966 + 5 * (n - 3);
}

/** “十四五” in a header or title → 14. */
export function planOrdinal(text: string): number | null {
  const m = /“([一二三四五六七八九十]+)五”/.exec(text);
  return m ? cnNumber(m[1]) : null;
}

const DASHES = new Set(['—', '-', '－', '–', '——', '/']);
const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const comparatorWords: Record<string, TBoundComparator> = {
  '>=': '>=', '≥': '>=', '＞＝': '>=', 不低于: '>=',
  '>': '>', '＞': '>', 超过: '>',
  '<=': '<=', '≤': '<=', '＜＝': '<=', 不高于: '<=', 不超过: '<=',
  '<': '<', '＜': '<',
};
const TARGET_RE = new RegExp(`^(${Object.keys(comparatorWords).join('|')})?\\s*(\\[|［)?\\s*(${NUMBER})\\s*(\\]|］)?$`);
const RANGE_RE = new RegExp(`^(${NUMBER})\\s*[-–~～—]\\s*(${NUMBER})$`);

type Parsed<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

/** A printed target: [75], >[45], <5.5, ≤4, 96, 90–95 (see the rules above). */
export function parsePrintedTarget(printed: string, unit: TUnit, name: string): Parsed<TTarget> {
  const text = printed.trim();
  const range = RANGE_RE.exec(text);
  if (range) {
    const [min, max] = [Number(range[1]), Number(range[2])];
    if (min > max) return { ok: false, zh: `区间下限 ${min} 大于上限 ${max}`, en: `range minimum ${min} exceeds maximum ${max}` };
    return { ok: true, value: { printed: text, kind: unit === '%' ? 'rate' : 'stock', comparator: 'range', min, max } };
  }
  const m = TARGET_RE.exec(text);
  if (!m || Boolean(m[2]) !== Boolean(m[4])) {
    return { ok: false, zh: `无法识别规划目标“${text}”（应如 [75]、<5.5、≤4、96 或 90–95）`, en: `cannot read the target "${text}" (expected e.g. [75], <5.5, ≤4, 96 or 90–95)` };
  }
  const comparator = m[1] ? comparatorWords[m[1]] : '>=';
  const kind = m[2] ? 'cumulative' : unit === '%' ? (name.includes('调查') ? 'level' : 'rate') : 'stock';
  return { ok: true, value: { printed: text, kind, comparator, value: Number(m[3]) } };
}

/** A printed figure: a number, a bracketed five-year sum, or "—" (no statistic). */
export function parsePrintedFigure(printed: string): Parsed<{ value: number | null; printed?: string }> {
  const text = printed.trim();
  if (DASHES.has(text)) return { ok: true, value: { value: null, printed: text } };
  const m = new RegExp(`^(\\[|［)?\\s*(${NUMBER})\\s*(\\]|］)?\\s*%?$`).exec(text.replace('％', '%'));
  if (!m || Boolean(m[1]) !== Boolean(m[3])) return { ok: false, zh: `“${text}”不是数字或“—”`, en: `"${text}" is neither a number nor "—"` };
  const value = Number(m[2]);
  return { ok: true, value: String(value) === text ? { value } : { value, printed: text } };
}

/** The plan's unit for a printed unit (％ → %); null when the platform has no such unit. */
export function unitOf(printed: string): TUnit | null {
  const u = printed.trim() === '％' ? '%' : printed.trim();
  return (units as readonly string[]).includes(u) ? (u as TUnit) : null;
}

const GROUP_RE = /^([一二三四五六七八九十]+)[、.．]\s*(.+)$/;
const ROW_RE = /^(\d+)\s*[.．、]\s*(.+?)\s*[（(]([^（）()]+)[）)]$/;
const TEXT_ROW_RE = /^(.+?)\s*[（(]([^（）()]+)[）)]$/;

export type TableImportOptions = {
  /** The plan id; default: the stored plan with the sheet's title, or the stored naming with the sheet's ordinal. */
  id?: string;
  filename: string;
  /** Plans already stored: the one replaced, and others to take measures and English names from. */
  stored: PlanRecord[];
};

export type TableImportResult = { ok: true; plan: TPlan; replaces: PlanRecord | null } | { ok: false; errors: ErrorRow[] };

type Sink = { add(row: number, column: string, value: string, zh: string, en: string): void };

type PendingIndicator = { ind: TIndicator; sheetRow: number };
type PendingGroup = { name: string; section: 'table' | 'text'; sheetRow: number; rows: number; indicators: PendingIndicator[] };

function groupKeyFor(name: string, used: Set<string>, from: TPlan[]): string {
  const known = from.flatMap((p) => p.groups).find((g) => g.name === name && !used.has(g.key))?.key;
  let key = known;
  for (let i = 0; !key || used.has(key); i++) key = `group${String.fromCharCode(65 + (i % 26))}${i >= 26 ? String.fromCharCode(65 + Math.floor(i / 26)) : ''}`;
  used.add(key);
  return key;
}

/** The id of the plan a sheet describes (see TableImportOptions.id). */
function planIdFor(opts: TableImportOptions, title: string | null, ordinal: number | null): string | null {
  if (opts.id) return opts.id;
  const sameTitle = title ? opts.stored.find((r) => r.plan.title === title) : undefined;
  if (sameTitle) return sameTitle.id;
  if (ordinal === null) return null;
  for (const r of opts.stored) {
    const prefix = /^(\d{2})-/.exec(allIndicators(r.plan)[0]?.ind.code ?? '')?.[1];
    if (prefix && r.id.endsWith(String(Number(prefix)))) return `${r.id.slice(0, r.id.length - String(Number(prefix)).length)}${ordinal}`;
  }
  return null;
}

/** Reads the rows of a printed-table sheet into a plan, or every problem found in it. */
export function planFromTableRows(rows: RawRow[], opts: TableImportOptions): TableImportResult {
  const errors: ErrorRow[] = [];
  const sink: Sink = { add: (row, column, value, zh, en) => errors.push({ row, column, value, zh, en }) };
  const cell = (r: RawRow, i: number) => (r.cells[i] ?? '').trim();

  const headerAt = rows.findIndex((r) => cell(r, 0) === '指标');
  if (headerAt < 0) {
    sink.add(rows[0]?.rowNumber ?? 1, '指标', '', '找不到表头（第一列为“指标”的行）；请按印刷表样或导出的规划表填写', 'no header row (a row whose first cell is 指标); lay the sheet out like the printed or exported plan table');
    return { ok: false, errors };
  }
  const header = rows[headerAt];
  const baseHeader = cell(header, 1);
  const targetHeader = cell(header, 2);
  const lastHeader = cell(header, 3);
  const baseYearMatch = /^(\d{4})\s*年基数$/.exec(baseHeader);
  if (!baseYearMatch) sink.add(header.rowNumber, '基数', baseHeader, '第二列表头应为“YYYY年基数”', 'the second header should be "YYYY年基数" (base year)');
  if (!/规划目标$/.test(targetHeader)) sink.add(header.rowNumber, '规划目标', targetHeader, '第三列表头应为“规划目标”，如“十四五”规划目标', 'the third header should be the plan target, e.g. “十四五”规划目标');
  if (lastHeader !== '属性' && lastHeader !== '实际完成数') sink.add(header.rowNumber, '属性', lastHeader, '第四列表头应为“属性”或“实际完成数”', 'the fourth header should be 属性 (attribute) or 实际完成数 (actual)');
  if (!baseYearMatch) return { ok: false, errors };

  const baseYear = Number(baseYearMatch[1]);
  const period = { start: baseYear + 1, end: baseYear + 5 };
  const titles = rows.slice(0, headerAt).map((r) => cell(r, 0)).filter(Boolean);
  const ordinal = planOrdinal(targetHeader) ?? planOrdinal(titles.join(' '));
  if (ordinal !== null && ordinal >= 3 && fiveYearPlanStart(ordinal) !== period.start) {
    sink.add(header.rowNumber, '基数', baseHeader, `第 ${ordinal} 个五年规划从 ${fiveYearPlanStart(ordinal)} 年开始，基数年份应为 ${fiveYearPlanStart(ordinal) - 1} 年`, `the ${ordinal}th five-year plan starts in ${fiveYearPlanStart(ordinal)}, so its base year is ${fiveYearPlanStart(ordinal) - 1}`);
  }
  const planTitle = titles.slice(1).map((t) => /^(\S*规划)/.exec(t)?.[1]).find(Boolean) ?? null;
  const id = planIdFor(opts, planTitle, ordinal);
  if (!id) {
    sink.add(header.rowNumber, '', '', '无法从表格确定规划编号，请填写规划编号', 'cannot tell the plan id from the sheet; give the plan id');
    return { ok: false, errors };
  }
  const replaces = opts.stored.find((r) => r.id === id) ?? null;
  // Plans to take what the table does not print from: the same plan under another id (same
  // title) first, then the newest.
  const others = opts.stored
    .filter((r) => r.id !== id)
    .map((r) => r.plan)
    .sort((a, b) => Number(b.title === planTitle) - Number(a.title === planTitle) || b.period.start - a.period.start);
  const prefix = String(ordinal ?? period.end % 100).padStart(2, '0');
  const withActual = lastHeader === '实际完成数';

  const groups: PendingGroup[] = [];
  const notes: string[] = [];
  const firstByName = new Map<string, PendingIndicator>();
  const byRowNumber = new Map<number, number>();

  for (const r of rows.slice(headerAt + 1)) {
    const first = cell(r, 0);
    const rest = [cell(r, 1), cell(r, 2), cell(r, 3)];
    if (!first && rest.every((c) => !c)) continue;
    if (/^注/.test(first) && rest.every((c) => !c)) {
      notes.push(first);
      continue;
    }
    if (rest.every((c) => !c)) {
      const g = GROUP_RE.exec(first);
      groups.push({ name: g ? g[2].trim() : first, section: g ? 'table' : 'text', sheetRow: r.rowNumber, rows: 0, indicators: [] });
      continue;
    }
    const group = groups.at(-1);
    if (!group) {
      sink.add(r.rowNumber, '指标', first, '指标行之前须有分组行（如“一、促进就业”）', 'an indicator row needs a group row above it (e.g. 一、促进就业)');
      continue;
    }
    group.rows++;
    if (group.section === 'text') {
      readTextRow(r, first, rest[1], replaces, group, sink);
      continue;
    }
    const m = ROW_RE.exec(first);
    if (!m) {
      sink.add(r.rowNumber, '指标', first, '指标应写作“序号.名称（单位）”，如“1.城镇新增就业人数（万人）”', 'an indicator reads "row.name (unit)", e.g. 1.城镇新增就业人数（万人）');
      continue;
    }
    const [row, name, unitPrinted] = [Number(m[1]), m[2].trim(), m[3].trim()];
    const code = `${prefix}-${String(row).padStart(2, '0')}`;
    const before = errors.length;
    if (byRowNumber.has(row)) sink.add(r.rowNumber, '指标', first, `序号 ${row} 与第 ${byRowNumber.get(row)} 行重复`, `row number ${row} repeats row ${byRowNumber.get(row)}`);
    byRowNumber.set(row, r.rowNumber);
    const unit = unitOf(unitPrinted);
    if (!unit) sink.add(r.rowNumber, '指标', first, `不认识的单位“${unitPrinted}”（可用：${units.join('、')}、％）`, `unknown unit "${unitPrinted}" (known: ${units.join(', ')})`);
    const baseline = parsePrintedFigure(rest[0]);
    if (!rest[0]) sink.add(r.rowNumber, baseHeader, '', '基数不能为空；无统计数据请填“—”', 'the baseline is empty; write "—" where there is no statistic');
    else if (!baseline.ok) sink.add(r.rowNumber, baseHeader, rest[0], `基数${baseline.zh}`, `baseline: ${baseline.en}`);
    const target = unit ? parsePrintedTarget(rest[1], unit, name) : null;
    if (target && !target.ok) sink.add(r.rowNumber, targetHeader, rest[1], target.zh, target.en);
    if (target?.ok && target.value.kind === 'cumulative' && unit === '%') sink.add(r.rowNumber, targetHeader, rest[1], '百分比指标不能是五年累计数（[ ]）', 'a percentage cannot be a five-year sum ([ ])');
    let attribute: '预期性' | '约束性' | undefined;
    let actual: TIndicator['actual'];
    if (withActual) {
      if (rest[2]) {
        const a = parsePrintedFigure(rest[2]);
        if (!a.ok) sink.add(r.rowNumber, '实际完成数', rest[2], `实际完成数${a.zh}`, `actual: ${a.en}`);
        else actual = { year: period.end, printed: rest[2], value: a.value.value };
      }
    } else if (rest[2] === '预期性' || rest[2] === '约束性') {
      attribute = rest[2];
    } else if (rest[2]) {
      sink.add(r.rowNumber, '属性', rest[2], '属性应为“预期性”或“约束性”', 'the attribute is 预期性 (expected) or 约束性 (binding)');
    }
    if (errors.length > before || !unit || !target?.ok || !baseline.ok) continue;

    const ind: TIndicator = {
      code,
      row,
      name,
      unitPrinted,
      unit,
      baseline: { year: baseYear, ...baseline.value },
      target: target.value,
      ...(attribute ? { attribute } : {}),
      source: 'reported',
      ...(actual ? { actual } : {}),
    };
    const earlier = firstByName.get(name);
    if (earlier) {
      const same = earlier.ind.unitPrinted === unitPrinted && earlier.ind.target.printed === ind.target.printed;
      if (!same) {
        sink.add(r.rowNumber, '指标', first, `指标名称与第 ${earlier.sheetRow} 行重复，但单位或目标不同`, `the name repeats row ${earlier.sheetRow} with another unit or target`);
        continue;
      }
      ind.sameAs = earlier.ind.code;
    } else {
      firstByName.set(name, { ind, sheetRow: r.rowNumber });
    }
    group.indicators.push({ ind, sheetRow: r.rowNumber });
  }

  for (const g of groups) {
    if (g.rows === 0) sink.add(g.sheetRow, '指标', g.name, '分组下没有指标', 'the group has no indicators');
  }
  if (!groups.some((g) => g.section === 'table')) sink.add(header.rowNumber, '指标', '', '表格中没有指标分组（如“一、促进就业”）', 'the sheet has no indicator group (e.g. 一、促进就业)');
  if (errors.length) return { ok: false, errors };

  // What the table does not say, from the plan replaced (by code) or any stored plan (by name).
  const fromStored = (ind: TIndicator): TIndicator | undefined =>
    (replaces ? allIndicators(replaces.plan).find((x) => x.ind.code === ind.code && x.ind.name === ind.name)?.ind : undefined) ??
    [replaces?.plan, ...others].flatMap((p) => (p ? allIndicators(p) : [])).find((x) => x.ind.name === ind.name && x.ind.unitPrinted === ind.unitPrinted && !x.ind.quote)?.ind;
  const used = new Set<string>();
  const sources = [replaces?.plan, ...others].filter((p): p is TPlan => Boolean(p));
  const builtGroups: TPlanGroup[] = groups.map((g) => ({
    key: groupKeyFor(g.name, used, sources),
    name: g.name,
    ...(sources.flatMap((p) => p.groups).find((x) => x.name === g.name)?.nameEn ? { nameEn: sources.flatMap((p) => p.groups).find((x) => x.name === g.name)!.nameEn } : {}),
    section: g.section,
    indicators: g.indicators.map(({ ind }) => {
      if (g.section === 'text') return ind;
      const known = fromStored(ind);
      if (!known) return ind;
      return { ...ind, ...(known.nameEn ? { nameEn: known.nameEn } : {}), source: known.source, ...(known.note ? { note: known.note } : {}), ...(known.relatedTo && !ind.sameAs ? { relatedTo: known.relatedTo } : {}) };
    }),
  }));
  // A plan replaced from its table keeps its targets in the text (a table cannot carry their sentences).
  if (replaces && !groups.some((g) => g.section === 'text')) builtGroups.push(...replaces.plan.groups.filter((g) => g.section === 'text'));
  const codes = new Set(builtGroups.flatMap((g) => g.indicators.map((i) => i.code)));
  for (const g of builtGroups) for (const i of g.indicators) if (i.relatedTo && !codes.has(i.relatedTo)) delete i.relatedTo;

  const plan: TPlan = {
    id,
    title: planTitle ?? replaces?.plan.title ?? titles[0] ?? id,
    ...(replaces?.plan.titleEn ? { titleEn: replaces.plan.titleEn } : {}),
    ...(replaces?.plan.region ? { region: replaces.plan.region } : {}),
    period,
    baseYear,
    source: { file: `xlsx:${opts.filename}`, ...(titles[0] ? { table: titles[0] } : {}) },
    notes,
    groups: builtGroups,
  };
  const checked = ZPlanSchema.safeParse(plan);
  if (!checked.success) {
    const rowOf = (path: PropertyKey[]): number => {
      const [, g, , i] = path;
      const pg = typeof g === 'number' ? groups[g] : undefined;
      return (typeof i === 'number' ? pg?.indicators[i]?.sheetRow : pg?.sheetRow) ?? header.rowNumber;
    };
    for (const issue of checked.error.issues) {
      const zh = (issue as { params?: { zh?: string } }).params?.zh ?? issue.message;
      sink.add(rowOf(issue.path), issue.path.map(String).join('.'), '', zh, issue.message);
    }
    return { ok: false, errors };
  }
  return { ok: true, plan: checked.data, replaces };
}

/** A row of an unnumbered group: one of the stored plan's targets in the text, unchanged. */
function readTextRow(r: RawRow, first: string, printedTarget: string, replaces: PlanRecord | null, group: PendingGroup, sink: Sink): void {
  const m = TEXT_ROW_RE.exec(first);
  const name = (m ? m[1] : first).trim();
  const stored = replaces?.plan.groups.filter((g) => g.section === 'text').flatMap((g) => g.indicators).find((i) => i.name === name && !group.indicators.some((p) => p.ind.code === i.code));
  if (!stored) {
    sink.add(r.rowNumber, '指标', first, '正文目标须附原文句子，表格无法携带；请通过规划文件（YAML）新增', 'a target from the text needs its sentence, which a table cannot carry; add it through the plan file (YAML)');
    return;
  }
  if (stored.target.printed !== printedTarget) {
    sink.add(r.rowNumber, '规划目标', printedTarget, `正文目标“${name}”只能通过规划文件（YAML）修改（现为“${stored.target.printed}”）`, `the text target "${name}" changes only through the plan file (YAML); it reads "${stored.target.printed}"`);
    return;
  }
  group.indicators.push({ ind: stored, sheetRow: r.rowNumber });
}

export type PlanWorkbookImport = { id?: string; filename: string; createdBy: number; replace?: boolean; expectedVersion?: number };

/**
 * Imports a plan from a printed-table workbook: all or nothing. Bad rows raise IMPORT_FAILED
 * with the first problems as fields and the whole error workbook (base64) as `errorsFile`.
 */
export async function importPlanWorkbook(db: Db, file: Buffer, opts: PlanWorkbookImport) {
  const rows: RawRow[] = [];
  try {
    for await (const r of readXlsx(file)) rows.push(r);
  } catch {
    throw new AppError('FILE_TYPE', { zh: '无法读取该文件，请上传 .xlsx 格式的规划表', en: 'Cannot read the file; upload the plan table as .xlsx' });
  }
  const result = planFromTableRows(rows, { id: opts.id, filename: opts.filename, stored: await listPlans(db) });
  if (!result.ok) {
    const failedRows = new Set(result.errors.map((e) => e.row)).size;
    throw new AppError('IMPORT_FAILED', {
      zh: `规划表有 ${failedRows} 行未通过校验，未写入任何数据。请下载错误明细修正后重新导入。`,
      en: `${failedRows} rows of the plan table failed validation; nothing was written. Download the error file, fix it and import again.`,
      fields: result.errors.slice(0, 20).map((e) => ({ field: `第${e.row}行${e.column ? ` ${e.column}` : ''}`, zh: e.zh, en: `row ${e.row}${e.column ? ` ${e.column}` : ''}: ${e.en}` })),
      errorsFile: (await errorWorkbook(result.errors)).toString('base64'),
      errorsFilename: `规划表导入错误明细-${opts.filename.replace(/\.xlsx$/i, '')}.xlsx`,
    });
  }
  return storePlan(db, result.plan, planToYaml(result.plan), { createdBy: opts.createdBy, replace: opts.replace, expectedVersion: opts.expectedVersion });
}
