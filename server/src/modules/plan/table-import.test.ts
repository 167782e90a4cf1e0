// A plan from an Excel sheet laid out like the printed table: the printed forms each mean one
// thing; export → import gives back both shipped plans' indicators; a bad row writes nothing
// and answers the row-level error workbook in Chinese and English.
import ExcelJS from '../../platform/imports/exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { parsePrintedFigure, parsePrintedTarget, planOrdinal, fiveYearPlanStart, unitOf } from './table-import';
import type { TIndicator, TPlan } from './plan-schema';

const DB = process.env.DATABASE_URL ? 'postgres' : 'pglite';

describe('printed forms (pure)', () => {
  it('a bracket is a five-year sum; a printed comparator is kept; a bare figure is a floor', () => {
    expect(parsePrintedTarget('[75]', '万人', '城镇新增就业人数')).toEqual({ ok: true, value: { printed: '[75]', kind: 'cumulative', comparator: '>=', value: 75 } });
    expect(parsePrintedTarget('>[45]', '万人', 'x')).toEqual({ ok: true, value: { printed: '>[45]', kind: 'cumulative', comparator: '>', value: 45 } });
    expect(parsePrintedTarget('≤4', '%', '城镇登记失业率')).toEqual({ ok: true, value: { printed: '≤4', kind: 'rate', comparator: '<=', value: 4 } });
    expect(parsePrintedTarget('96', '%', '基本养老保险参保率')).toEqual({ ok: true, value: { printed: '96', kind: 'rate', comparator: '>=', value: 96 } });
    expect(parsePrintedTarget('1008.12', '万人', 'x')).toEqual({ ok: true, value: { printed: '1008.12', kind: 'stock', comparator: '>=', value: 1008.12 } });
    expect(parsePrintedTarget('90–95', '%', 'x')).toEqual({ ok: true, value: { printed: '90–95', kind: 'rate', comparator: 'range', min: 90, max: 95 } });
  });

  it('a surveyed percentage (调查) is a level, not a ratio of records', () => {
    expect(parsePrintedTarget('<5.5', '%', '城镇调查失业率')).toMatchObject({ ok: true, value: { kind: 'level', comparator: '<', value: 5.5 } });
  });

  it('an unreadable target, an unclosed bracket and an inverted range are refused with a reason', () => {
    expect(parsePrintedTarget('约75', '万人', 'x')).toMatchObject({ ok: false, zh: expect.stringContaining('无法识别规划目标“约75”') });
    expect(parsePrintedTarget('[75', '万人', 'x')).toMatchObject({ ok: false });
    expect(parsePrintedTarget('95–90', '%', 'x')).toMatchObject({ ok: false, en: 'range minimum 95 exceeds maximum 90' });
  });

  it('figures: numbers, "—" for no statistic, the printed text kept where it differs', () => {
    expect(parsePrintedFigure('14.4')).toEqual({ ok: true, value: { value: 14.4 } });
    expect(parsePrintedFigure('—')).toEqual({ ok: true, value: { value: null, printed: '—' } });
    expect(parsePrintedFigure('[62.93]')).toEqual({ ok: true, value: { value: 62.93, printed: '[62.93]' } });
    expect(parsePrintedFigure('n/a')).toMatchObject({ ok: false });
    expect(unitOf('％')).toBe('%');
    expect(unitOf('千人')).toBeNull();
  });

  it('the ordinal gives the period: “十四五” starts in 2021, “十三五” in 2016', () => {
    expect(planOrdinal('“十四五”规划目标')).toBe(14);
    expect(fiveYearPlanStart(14)).toBe(2021);
    expect(fiveYearPlanStart(planOrdinal('专栏1“十三五”规划主要指标完成情况') ?? 0)).toBe(2016);
  });
});

let t: TestApp;
let prov: Agent;
let haikou: Agent;

beforeAll(async () => {
  t = await testApp();
  await t.user('prov', '460000', ['supervisor']);
  await t.user('haikou', '460100', ['supervisor']);
  prov = await t.login('prov');
  haikou = await t.login('haikou');
});
afterAll(async () => t.close());

function multipart(file: Buffer, filename: string, fields: Record<string, string> = {}) {
  const boundary = '----renshe-plan';
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(agent: Agent, file: Buffer, fields: Record<string, string> = {}, filename = 'plan.xlsx') {
  return agent.raw({ method: 'POST', url: '/api/v1/plans/import/xlsx', ...multipart(file, filename, fields) });
}

async function exported(id: string, includeText: boolean): Promise<Buffer> {
  const res = await prov.raw({ method: 'GET', url: `/api/v1/plans/${id}/table/export${includeText ? '?includeText=true' : ''}` });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

async function planOf(id: string): Promise<TPlan> {
  const res = await prov.get(`/api/v1/plans/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().plan as TPlan;
}

/** What the printed table says of an indicator (the fields the round trip must keep). */
function printedFields(i: TIndicator) {
  return { code: i.code, row: i.row, name: i.name, unit: i.unit, unitPrinted: i.unitPrinted, baseline: i.baseline, target: i.target, kind: i.target.kind, comparator: i.target.comparator, attribute: i.attribute, actual: i.actual, sameAs: i.sameAs };
}
const tableIndicators = (p: TPlan) => p.groups.filter((g) => g.section === 'table').flatMap((g) => g.indicators.map(printedFields));

async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('主要指标');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const planCount = async () => Number((await t.database.query<{ n: number }>(`select count(*)::int as n from plans`))[0].n);

describe(`export → import round-trips the shipped plans (${DB})`, () => {
  for (const id of ['hainan-hrss-13', 'hainan-hrss-14']) {
    it(`${id}: the exported table imported as a new plan has the same indicators, groups, period and note`, async () => {
      const original = await planOf(id);
      const copy = `${id}-copy`;
      const res = await upload(prov, await exported(id, false), { id: copy });
      expect(res.statusCode, res.body).toBe(201);
      const imported = await planOf(copy);
      expect(tableIndicators(imported)).toEqual(tableIndicators(original));
      expect(imported.groups.map((g) => g.name)).toEqual(original.groups.filter((g) => g.section === 'table').map((g) => g.name));
      expect({ period: imported.period, baseYear: imported.baseYear, title: imported.title, notes: imported.notes, table: imported.source.table }).toEqual({
        period: original.period,
        baseYear: original.baseYear,
        title: original.title,
        notes: original.notes,
        table: original.source.table,
      });
      // What the table does not print comes from the stored plan of the same indicator name.
      expect(allSources(imported)).toEqual(allSources({ ...original, groups: original.groups.filter((g) => g.section === 'table') }));
    });

    it(`${id}: replacing the plan from its own export (with the text targets) changes no indicator`, async () => {
      const before = await (await prov.get(`/api/v1/plans/${id}`)).json();
      const res = await upload(prov, await exported(id, true), { replace: 'true', version: String(before.version) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().version).toBe(before.version + 1);
      const after = await planOf(id);
      expect(after.groups.flatMap((g) => g.indicators)).toEqual((before.plan as TPlan).groups.flatMap((g) => g.indicators));
    });
  }

  it('the sheet names its plan: the same title without an id answers DUPLICATE until replace is chosen', async () => {
    const res = await upload(prov, await exported('hainan-hrss-14', false));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DUPLICATE');
  });
});

const allSources = (p: TPlan) => p.groups.flatMap((g) => g.indicators.map((i) => [i.code, i.source, i.nameEn ?? null]));

describe(`bad rows write nothing and answer the error workbook (${DB})`, () => {
  const head = [['专栏9“十五五”时期主要指标'], ['海南省测试“十五五”规划'], ['指标', '2025年基数', '“十五五”规划目标', '属性', '2026年数值']];

  it('a good hand-made sheet becomes a plan of the next period with codes from the ordinal', async () => {
    const file = await sheet([
      ...head,
      ['一、促进就业'],
      ['1.城镇新增就业人数（万人）', '15.2', '[80]', '预期性', 16],
      ['2.城镇调查失业率（％）', '5.1', '<5.5', '约束性'],
      ['注：[]内为五年累计数。'],
    ]);
    const res = await upload(prov, file, { id: 'hand-15' });
    expect(res.statusCode, res.body).toBe(201);
    const p = await planOf('hand-15');
    expect({ period: p.period, baseYear: p.baseYear, notes: p.notes }).toEqual({ period: { start: 2026, end: 2030 }, baseYear: 2025, notes: ['注：[]内为五年累计数。'] });
    expect(p.groups[0].indicators.map((i) => [i.code, i.target.kind, i.target.comparator, i.attribute, i.source])).toEqual([
      ['15-01', 'cumulative', '>=', '预期性', 'employment.newUrbanJobs'],
      ['15-02', 'level', '<', '约束性', 'reported'],
    ]);
  });

  it('unparseable target, unknown unit, duplicate name with another target, bad attribute: all listed, nothing stored', async () => {
    const before = await planCount();
    const file = await sheet([
      ...head,
      ['一、促进就业'],
      ['1.城镇新增就业人数（万人）', '15.2', '约80', '预期性'],
      ['2.新增岗位（千个）', '3', '10', '预期性'],
      ['3.农民工培训人次（万人次）', '—', '[18]', '预期性'],
      ['4.农民工培训人次（万人次）', '—', '[20]', '预期性'],
      ['5.参保率（％）', '90', '95', '重要'],
      ['5.失业率（％）', 'abc', '<5', '预期性'],
    ]);
    const res = await upload(prov, file, { id: 'bad-15' });
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem.code).toBe('IMPORT_FAILED');
    expect(problem.message.zh).toBe('规划表有 5 行未通过校验，未写入任何数据。请下载错误明细修正后重新导入。');
    expect(await planCount()).toBe(before);
    expect((await prov.get('/api/v1/plans/bad-15')).statusCode).toBe(404);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(problem.errorsFile, 'base64') as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 6));
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      [5, '“十五五”规划目标'],
      [6, '指标'],
      [8, '指标'],
      [9, '属性'],
      [10, '指标'],
      [10, '2025年基数'],
    ]);
    expect(rows[0][3]).toContain('无法识别规划目标“约80”');
    expect(rows[1][3]).toBe('不认识的单位“千个”（可用：万人、%、亿元、万人次、个、人、人次、户、％）');
    expect(rows[1][4]).toBe('unknown unit "千个" (known: 万人, %, 亿元, 万人次, 个, 人, 人次, 户)');
    expect(rows[2][3]).toBe('指标名称与第 7 行重复，但单位或目标不同');
    expect(rows[3][4]).toBe('the attribute is 预期性 (expected) or 约束性 (binding)');
    expect(rows[4][3]).toBe('序号 5 与第 9 行重复');
    expect(problem.fields[0]).toEqual({ field: '第5行 “十五五”规划目标', zh: expect.stringContaining('约80'), en: expect.stringContaining('row 5') });
  });

  it('a sheet without the printed header is refused at the first row', async () => {
    const res = await upload(prov, await sheet([['名称', '数值'], ['a', 1]]), { id: 'no-header' });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields[0].zh).toContain('找不到表头');
  });

  it('a base year that does not fit the ordinal is refused (“十五五” begins in 2026)', async () => {
    const res = await upload(prov, await sheet([['专栏“十五五”'], ['指标', '2024年基数', '“十五五”规划目标', '属性'], ['一、就业'], ['1.城镇新增就业人数（万人）', '1', '[2]', '预期性']]), { id: 'wrong-year' });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields[0].zh).toBe('第 15 个五年规划从 2026 年开始，基数年份应为 2025 年');
  });

  it('plans are made by the province: a city supervisor is refused', async () => {
    const res = await upload(haikou, await exported('hainan-hrss-14', false), { id: 'city-plan' });
    expect(res.statusCode).toBe(403);
  });

  it('only .xlsx is read', async () => {
    const res = await upload(prov, Buffer.from('a,b\n1,2'), { id: 'csv-plan' }, 'plan.csv');
    expect(res.statusCode).toBe(415);
  });
});
