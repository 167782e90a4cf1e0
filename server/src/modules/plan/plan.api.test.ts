// Rules of plan monitoring through the API, as real users with real scopes: plans load at
// start; the 13th plan's final evaluation; reported values flow county → city → province
// with every refusal stated; computed figures roll up as a ratio of sums and drill down to
// the records within the caller's scope; binding indicators at risk come first.
import ExcelJS from '../../platform/imports/exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { ensureReferencePlans } from './plans';

const DB = process.env.DATABASE_URL ? 'postgres' : 'pglite';
let t: TestApp;
const a: Record<string, Agent> = {};

const TEST_PLAN = `
id: test-plan
title: 测试“九五”规划
region: '460000'
period: { start: 2021, end: 2025 }
baseYear: 2020
source: { file: test }
notes: [注：测试用]
groups:
  - key: main
    name: 测试指标
    section: table
    indicators:
      - code: '99-01'
        row: 1
        name: 约束性填报存量
        unitPrinted: 个
        unit: 个
        baseline: { year: 2020, value: 50 }
        target: { printed: '100', value: 100, kind: stock, comparator: '>=' }
        attribute: 约束性
        source: reported
      - code: '99-02'
        row: 2
        name: 预期性填报比率
        unitPrinted: ％
        unit: '%'
        baseline: { year: 2020, value: 6 }
        target: { printed: '<5', value: 5, kind: rate, comparator: '<' }
        attribute: 预期性
        source: reported
      - code: '99-03'
        row: 3
        name: 登记人员数
        unitPrinted: 人
        unit: 人
        baseline: { year: 2020, value: 0 }
        target: { printed: '30', value: 30, kind: stock, comparator: '>=' }
        attribute: 预期性
        source: registry.registeredPersons
      - code: '99-04'
        row: 4
        name: 城镇户籍占比
        unitPrinted: ％
        unit: '%'
        baseline: { year: 2020, value: 40 }
        target: { printed: '50', value: 50, kind: rate, comparator: '>=' }
        attribute: 预期性
        source: registry.urbanHukouShare
      - code: '99-05'
        row: 5
        name: 约束性累计
        unitPrinted: 个
        unit: 个
        baseline: { year: 2020, value: 10 }
        target: { printed: '[50]', value: 50, kind: cumulative, comparator: '>=' }
        attribute: 约束性
        source: reported
`;

async function ok(res: { statusCode: number; body: string }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body || 'null');
}

async function insertPersons(region: string, n: number, urban: number, createdAt: string, prefix: string) {
  for (let i = 0; i < n; i++) {
    await t.database.query(
      `insert into persons (id_cipher, id_hash, id_masked, name, gender, birth_date, hukou_type, region_code, created_at)
       values ($1, $2, $3, $4, 'M', '1980-01-01', $5, $6, $7)`,
      [`c-${prefix}-${i}`, `h-${prefix}-${i}`, '110***0000', `${prefix}${i}`, i < urban ? 'urban' : 'rural', region, createdAt],
    );
  }
}

beforeAll(async () => {
  t = await testApp();
  await t.user('prov', '460000', ['supervisor']);
  await t.user('haikou', '460100', ['supervisor']);
  await t.user('xiuying', '460105', ['caseworker']);
  await t.user('dingan', '469021', ['caseworker']);
  await t.user('dinganSup', '469021', ['supervisor']);
  await t.user('tunchang', '469022', ['caseworker']);
  await t.user('analyst', '460000', ['analyst']);
  for (const u of ['prov', 'haikou', 'xiuying', 'dingan', 'dinganSup', 'tunchang', 'analyst']) a[u] = await t.login(u);
  // 定安 1 urban of 10, 屯昌 9 of 10 (registered in 2023), 秀英 5 of 5 registered in 2026.
  await insertPersons('469021100', 10, 1, '2023-06-01T00:00:00Z', '定安人');
  await insertPersons('469022100', 10, 9, '2023-06-01T00:00:00Z', '屯昌人');
  await insertPersons('460105001', 5, 5, '2026-02-01T00:00:00Z', '秀英人');
  await ok(await a.prov.post('/api/v1/plans/import', { yaml: TEST_PLAN }), 201);
});
afterAll(async () => t.close());

describe(`plans load at start (${DB})`, () => {
  it('both reference plans are there, with 10 and 27 + 48 indicators', async () => {
    const list = await ok(await a.analyst.get('/api/v1/plans'));
    const byId = Object.fromEntries(list.map((p: { id: string }) => [p.id, p]));
    expect(byId['hainan-hrss-13']).toMatchObject({ period: { start: 2016, end: 2020 }, baseYear: 2015, indicators: 10, phase: 'finished' });
    expect(byId['hainan-hrss-14']).toMatchObject({ period: { start: 2021, end: 2025 }, baseYear: 2020, indicators: 75 });
    expect(byId['hainan-hrss-14'].groups.map((g: { key: string; indicators: number }) => [g.key, g.indicators])).toEqual([
      ['employment', 6],
      ['socialSecurity', 10],
      ['skills', 4],
      ['labourRelations', 4],
      ['publicServices', 3],
      ['text', 48],
    ]);
  });

  it('loading again at start is idempotent (no second plan, no second shipped value)', async () => {
    const before = await t.database.query<{ n: number }>(`select count(*)::int as n from plan_value_revisions /*scope:system*/`);
    expect(await ensureReferencePlans(t.platform.db)).toEqual([]);
    const after = await t.database.query<{ n: number }>(`select count(*)::int as n from plan_value_revisions /*scope:system*/`);
    expect(after[0].n).toBe(before[0].n);
    expect(Number(before[0].n)).toBe(10);
  });
});

describe(`the 13th plan's final evaluation works out of the box (${DB})`, () => {
  const expected: Record<string, boolean> = {
    '13-01': true, // [62.93] > [45]
    '13-02': true, // 2.78 ≤ 4
    '13-03': true, // 91 ≥ 90
    '13-04': true, // 194.66 ≥ 170
    '13-05': true, // 170.06 ≥ 135
    '13-06': false, // 7.54 < 13.4
    '13-07': true, // 93.15 > 92
    '13-08': false, // 49 ≯ 60
    '13-09': false, // 93.03 ≯ 95
    '13-10': true, // 100 > 95
  };

  it('GET /final says achieved or not for all 10, from the shipped approved 2020 values', async () => {
    const f = await ok(await a.analyst.get('/api/v1/plans/hainan-hrss-13/final'));
    expect(f).toMatchObject({ year: 2020, achieved: 7, notAchieved: 3, noData: 0, phase: 'finished' });
    expect(Object.fromEntries(f.results.map((r: { code: string; achieved: boolean }) => [r.code, r.achieved]))).toEqual(expected);
    expect(f.results.find((r: { code: string }) => r.code === '13-01')).toMatchObject({ value: 62.93, printedActual: '[62.93]', target: '>[45]' });
  });

  it('the evaluation of 2020 carries the same final verdicts and the lineage of each shipped value', async () => {
    const e = await ok(await a.xiuying.get('/api/v1/plans/hainan-hrss-13/evaluation'));
    expect(e.year).toBe(2020);
    expect(Object.fromEntries(e.final.results.map((r: { code: string; achieved: boolean }) => [r.code, r.achieved]))).toEqual(expected);
    const i = e.indicators.find((x: { code: string }) => x.code === '13-09');
    expect(i).toMatchObject({ value: 93.03, status: 'at_risk', target: { printed: '>95', source: 'plan' } });
    expect(i.lineage).toMatchObject({ kind: 'reported', valueCode: '13-09', figures: [{ year: 2020, revision: 1, value: 93.03 }] });
    expect(i.lineage.figures[0].approvedBy).toMatch(/^system/);
  });
});

describe(`reported values: entry and refusals (${DB})`, () => {
  const put = (who: string, regionCode: string, year: number, values: unknown[]) => a[who].put('/api/v1/plans/hainan-hrss-14/values', { regionCode, year, values });

  it('a county enters a value of its own region as a draft', async () => {
    const [v] = await ok(await put('dingan', '469021', 2023, [{ indicatorCode: '14-02', value: 5.1 }]));
    expect(v).toMatchObject({ indicatorCode: '14-02', regionCode: '469021', year: 2023, status: 'draft', open: { revision: 1, value: 5.1 }, approved: null });
    expect(v.actions).toEqual(expect.arrayContaining(['edit', 'submit']));
  });

  it('a county cannot enter or submit values for another county', async () => {
    const res = await put('tunchang', '469021', 2023, [{ indicatorCode: '14-02', value: 4 }]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'OUT_OF_SCOPE' });
    const [mine] = await ok(await a.dingan.get('/api/v1/plans/hainan-hrss-14/values?regionCode=469021&year=2023'));
    expect((await a.tunchang.post(`/api/v1/plans/hainan-hrss-14/values/${mine.id}/submit`, {})).statusCode).toBe(404);
    expect((await a.tunchang.get(`/api/v1/plans/hainan-hrss-14/values/${mine.id}`)).statusCode).toBe(404);
    expect(await ok(await a.tunchang.get('/api/v1/plans/hainan-hrss-14/values'))).toEqual([]);
    const form = await a.tunchang.get('/api/v1/plans/hainan-hrss-14/values/form?regionCode=469021&year=2023');
    expect(form.json().code).toBe('OUT_OF_SCOPE');
  });

  it.each([
    ['a value in the wrong unit', { indicatorCode: '14-02', value: '5.1万人' }, 2023, '单位是“%”', 'is measured in "%"'],
    ['a value that is not a number', { indicatorCode: '14-02', value: 'abc' }, 2023, '不是数字', 'is not a number'],
    ['a percentage above 100', { indicatorCode: '14-02', value: 120 }, 2023, '0 到 100', 'within 0–100'],
    ['a count below zero', { indicatorCode: '14-15', value: -3 }, 2023, '不能为负数', 'cannot be negative'],
    ['a year outside the plan period', { indicatorCode: '14-02', value: 5 }, 2019, '不在规划期 2021–2025 年内', 'outside the plan period'],
    ['an indicator computed from records', { indicatorCode: '14-01', value: 15 }, 2023, '自动计算', 'computed from records'],
    ['an unknown indicator', { indicatorCode: '14-99', value: 1 }, 2023, '没有指标 14-99', 'has no indicator 14-99'],
  ])('refuses %s with a reason in Chinese and English', async (_name, value, year, zh, en) => {
    const res = await put('dingan', '469021', year, [value]);
    expect(res.statusCode, res.body).toBe(400);
    const p = res.json();
    expect(p.code).toBe('VALIDATION');
    expect(p.message.zh).toContain(zh);
    expect(p.message.en).toContain(en);
  });

  it('refuses a region that does not exist', async () => {
    const res = await put('prov', '460199', 2023, [{ indicatorCode: '14-02', value: 5 }]);
    expect(res.json()).toMatchObject({ code: 'VALIDATION' });
    expect(res.json().message.zh).toContain('不存在');
  });

  it('values of an indicator restating another are kept under the one it restates (14-T06 → 14-02)', async () => {
    const [v] = await ok(await put('dingan', '469021', 2024, [{ indicatorCode: '14-T06', value: '5.0%' }]));
    expect(v).toMatchObject({ indicatorCode: '14-02', year: 2024, open: { value: 5 } });
  });

  it('an analyst cannot enter values, a caseworker cannot edit plans', async () => {
    expect((await put('analyst', '460000', 2023, [{ indicatorCode: '14-02', value: 5 }])).statusCode).toBe(403);
    expect((await a.dingan.post('/api/v1/plans/import', { yaml: TEST_PLAN, replace: true })).statusCode).toBe(403);
  });
});

describe(`approval: county submits → city reviews → province approves (${DB})`, () => {
  let id: number;
  const url = (action: string) => `/api/v1/plans/hainan-hrss-14/values/${id}/${action}`;

  beforeAll(async () => {
    const [v] = await ok(await a.xiuying.put('/api/v1/plans/hainan-hrss-14/values', { regionCode: '460105', year: 2023, values: [{ indicatorCode: '14-16', value: 12.5, unit: '亿元' }] }));
    id = v.id;
  });

  it('a draft cannot be reviewed or approved before it is submitted', async () => {
    expect((await a.haikou.post(url('review'))).json()).toMatchObject({ code: 'INVALID_STATE' });
    expect((await a.prov.post(url('approve'))).json()).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('county submits: the value is submitted and can no longer be edited', async () => {
    expect(await ok(await a.xiuying.post(url('submit')))).toMatchObject({ status: 'submitted', open: { submittedBy: 'xiuying' } });
    const edit = await a.xiuying.put('/api/v1/plans/hainan-hrss-14/values', { regionCode: '460105', year: 2023, values: [{ indicatorCode: '14-16', value: 13 }] });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message.zh).toContain('须先被退回');
    expect((await a.xiuying.post(url('submit'))).json()).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('the province cannot approve what the city has not reviewed', async () => {
    const res = await a.prov.post(url('approve'));
    expect(res.statusCode).toBe(409);
    expect(res.json().message.zh).toContain('须先经市级审核');
  });

  it('the reporter cannot review (no plan:review), nor can a reviewer of the same level', async () => {
    expect((await a.xiuying.post(url('review'))).statusCode).toBe(403);
    const [own] = await ok(await a.dingan.put('/api/v1/plans/hainan-hrss-14/values', { regionCode: '469021', year: 2022, values: [{ indicatorCode: '14-02', value: 5.2 }] }));
    await ok(await a.dingan.post(`/api/v1/plans/hainan-hrss-14/values/${own.id}/submit`));
    const same = await a.dinganSup.post(`/api/v1/plans/hainan-hrss-14/values/${own.id}/review`);
    expect(same.statusCode).toBe(403);
    expect(same.json().message.zh).toContain('只能审核下级地区');
  });

  it('the city sends back only with a reason; the county edits and submits again', async () => {
    const noReason = await a.haikou.post(url('return'), { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message.zh).toContain('退回须填写原因');
    expect(await ok(await a.haikou.post(url('return'), { reason: '与财政口径不一致' }))).toMatchObject({ status: 'returned', open: { returnReason: '与财政口径不一致', returnedBy: 'haikou' } });
    const [edited] = await ok(await a.xiuying.put('/api/v1/plans/hainan-hrss-14/values', { regionCode: '460105', year: 2023, values: [{ indicatorCode: '14-16', value: 12.8 }] }));
    expect(edited).toMatchObject({ status: 'returned', open: { value: 12.8, revision: 1 } });
    expect(await ok(await a.xiuying.post(url('submit')))).toMatchObject({ status: 'submitted' });
  });

  it('the inbox shows the city what waits for its review', async () => {
    const box = await ok(await a.haikou.get('/api/v1/plans/inbox'));
    expect(box.map((v: { id: number }) => v.id)).toContain(id);
    expect((await ok(await a.tunchang.get('/api/v1/plans/inbox'))).map((v: { id: number }) => v.id)).not.toContain(id);
  });

  it('the city reviews; the city cannot approve; the province sends back with a reason, then approves after a new round', async () => {
    expect(await ok(await a.haikou.post(url('review')))).toMatchObject({ status: 'reviewed', open: { reviewedBy: 'haikou' } });
    const cityApprove = await a.haikou.post(url('approve'));
    expect(cityApprove.statusCode).toBe(403);
    expect(cityApprove.json().message.zh).toContain('只有省级可以审定');
    expect(await ok(await a.prov.post(url('return'), { reason: '请附说明' }))).toMatchObject({ status: 'returned', open: { returnReason: '请附说明' } });
    await ok(await a.xiuying.post(url('submit')));
    await ok(await a.haikou.post(url('review')));
    const approved = await ok(await a.prov.post(url('approve')));
    expect(approved).toMatchObject({ status: 'approved', open: null, approved: { value: 12.8, revision: 1, approvedBy: 'prov', reviewedBy: 'haikou', submittedBy: 'xiuying' } });
    expect(approved.approved.trail.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'return', 'edit', 'submit', 'review', 'return', 'submit', 'review', 'approve']);
  });

  it('an approved value is locked: edits, submits and returns are refused with the reason', async () => {
    const edit = await a.xiuying.put('/api/v1/plans/hainan-hrss-14/values', { regionCode: '460105', year: 2023, values: [{ indicatorCode: '14-16', value: 99 }] });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message.zh).toContain('已审定的数据已锁定');
    expect(edit.json().message.en).toContain('approved values are locked');
    expect((await a.xiuying.post(url('submit'))).json().message.zh).toContain('已锁定');
    expect((await a.prov.post(url('return'), { reason: 'x' })).json().message.zh).toContain('已锁定');
  });

  it('a correction needs a reason and opens revision 2; the approved figure stays in force until it is approved', async () => {
    expect((await a.xiuying.post(url('correct'), { value: 13.1, reason: '' })).statusCode).toBe(400);
    const c = await ok(await a.xiuying.post(url('correct'), { value: 13.1, reason: '财政决算数更新' }));
    expect(c).toMatchObject({ status: 'draft', open: { revision: 2, value: 13.1, reason: '财政决算数更新' }, approved: { revision: 1, value: 12.8 } });
    expect((await a.xiuying.post(url('correct'), { value: 13.2, reason: '再次' })).json()).toMatchObject({ code: 'CONFLICT' });
    const during = await ok(await a.haikou.get('/api/v1/plans/hainan-hrss-14/evaluation?regionCode=460105&year=2023'));
    expect(during.indicators.find((i: { code: string }) => i.code === '14-16').value).toBe(12.8);
    await ok(await a.xiuying.post(url('submit')));
    await ok(await a.haikou.post(url('review')));
    await ok(await a.prov.post(url('approve')));
    const detail = await ok(await a.xiuying.get(`/api/v1/plans/hainan-hrss-14/values/${id}`));
    expect(detail).toMatchObject({ status: 'approved', approved: { revision: 2, value: 13.1, reason: '财政决算数更新' } });
    expect(detail.revisions.map((r: { revision: number; status: string }) => [r.revision, r.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    const after = await ok(await a.haikou.get('/api/v1/plans/hainan-hrss-14/evaluation?regionCode=460105&year=2023'));
    const ind = after.indicators.find((i: { code: string }) => i.code === '14-16');
    expect(ind.value).toBe(13.1);
    expect(ind.lineage.figures[0]).toMatchObject({ revision: 2, approvedBy: 'prov', reason: '财政决算数更新' });
  });

  it('a county of the province-administered grouping is reviewed by the province itself', async () => {
    const [v] = await ok(await a.dingan.get('/api/v1/plans/hainan-hrss-14/values?regionCode=469021&year=2022'));
    expect(v.status).toBe('submitted');
    await ok(await a.prov.post(`/api/v1/plans/hainan-hrss-14/values/${v.id}/review`));
    expect(await ok(await a.prov.post(`/api/v1/plans/hainan-hrss-14/values/${v.id}/approve`))).toMatchObject({ status: 'approved' });
  });

  it('a province figure skips the city step: submitted, it waits for approval', async () => {
    const [v] = await ok(await a.prov.put('/api/v1/plans/hainan-hrss-14/values', { regionCode: '460000', year: 2023, values: [{ indicatorCode: '14-02', value: 5.3 }] }));
    expect(await ok(await a.prov.post(`/api/v1/plans/hainan-hrss-14/values/${v.id}/submit`))).toMatchObject({ status: 'reviewed' });
    expect(await ok(await a.prov.post(`/api/v1/plans/hainan-hrss-14/values/${v.id}/approve`))).toMatchObject({ status: 'approved' });
  });

  it('submit-all submits every draft of a region and year', async () => {
    await ok(await a.dingan.put('/api/v1/plans/hainan-hrss-14/values', { regionCode: '469021', year: 2025, values: [{ indicatorCode: '14-02', value: 4.9 }, { indicatorCode: '14-15', value: 3 }] }));
    const r = await ok(await a.dingan.post('/api/v1/plans/hainan-hrss-14/values/submit', { regionCode: '469021', year: 2025 }));
    expect(r.submitted).toHaveLength(2);
    const list = await ok(await a.dingan.get('/api/v1/plans/hainan-hrss-14/values?regionCode=469021&year=2025'));
    expect(list.map((v: { status: string }) => v.status)).toEqual(['submitted', 'submitted']);
  });
});

describe(`Excel import of reported values (kind plan-values) (${DB})`, () => {
  async function upload(agent: Agent, rows: (string | number)[][]): Promise<{ status: string; message: { zh: string } | null; hasErrorsFile: boolean; id: string }> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(['规划编号', '指标编码', '指标名称', '地区', '年份', '数值', '单位', '说明']);
    for (const r of rows) ws.addRow(r);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = '----renshe';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="values.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await agent.raw({ method: 'POST', url: '/api/v1/imports/plan-values', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json();
    for (let i = 0; i < 100; i++) {
      const j = (await agent.get(`/api/v1/imports/jobs/${job.id}`)).json();
      if (j.status === 'succeeded' || j.status === 'failed') return j;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  }
  const count = async () => Number((await t.database.query<{ n: number }>(`select count(*)::int as n from plan_value_revisions /*scope:system*/`))[0].n);

  it('good rows become drafts', async () => {
    const j = await upload(a.dingan, [
      ['hainan-hrss-14', '14-15', '城乡居民基本养老保险基金委托投资资金总额', '定安县', 2021, '2.5', '亿元', ''],
      ['hainan-hrss-14', '14-T04', '', '469021', 2021, '85%', '', '毕业生统计'],
    ]);
    expect(j.status, j.message?.zh).toBe('succeeded');
    const list = await ok(await a.dingan.get('/api/v1/plans/hainan-hrss-14/values?regionCode=469021&year=2021'));
    expect(list.map((v: { indicatorCode: string; status: string; open: { value: number } }) => [v.indicatorCode, v.status, v.open.value]).sort()).toEqual([
      ['14-15', 'draft', 2.5],
      ['14-T04', 'draft', 85],
    ]);
  });

  it('a file with bad rows writes nothing and returns the error workbook (unit, year, scope, computed indicator)', async () => {
    const before = await count();
    const j = await upload(a.dingan, [
      ['hainan-hrss-14', '14-15', '', '469021', 2022, '3', '亿元', ''],
      ['hainan-hrss-14', '14-02', '', '469021', 2022, '5', '万人', ''],
      ['hainan-hrss-14', '14-02', '', '469021', 2030, '5', '', ''],
      ['hainan-hrss-14', '14-02', '', '屯昌县', 2022, '5', '', ''],
      ['hainan-hrss-14', '14-01', '', '469021', 2022, '5', '', ''],
    ]);
    expect(j.status).toBe('failed');
    expect(j.hasErrorsFile).toBe(true);
    expect(j.message?.zh).toContain('4 行未通过校验');
    expect(await count()).toBe(before);
    const errs = await a.dingan.get(`/api/v1/imports/jobs/${j.id}/errors`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(errs.rawPayload as never);
    const text: string[] = [];
    wb.worksheets[0].eachRow((r) => text.push(r.values!.toString()));
    const all = text.join('\n');
    expect(all).toContain('单位是“%”');
    expect(all).toContain('不在规划期');
    expect(all).toContain('超出您的数据权限范围');
    expect(all).toContain('自动计算');
  });

  it('a row on an approved value refuses the whole file, nothing written', async () => {
    const before = await count();
    const j = await upload(a.dingan, [
      ['hainan-hrss-14', '14-15', '', '469021', 2024, '3', '亿元', ''],
      ['hainan-hrss-14', '14-02', '', '469021', 2022, '5.6', '%', ''],
    ]);
    expect(j.status).toBe('failed');
    expect(j.message?.zh).toContain('已审定');
    expect(await count()).toBe(before);
  });
});

describe(`computed figures: ratio of sums, drill-down and records (${DB})`, () => {
  it('the registry registers its measures (counts and a ratio) with definitions and record lists', async () => {
    const list = await ok(await a.analyst.get('/api/v1/plans/measures'));
    const mine = list.filter((m: { key: string }) => m.key.startsWith('registry.'));
    expect(mine.map((m: { key: string; kind: string; unit: string; hasRecords: boolean }) => [m.key, m.kind, m.unit, m.hasRecords])).toEqual([
      ['registry.registeredPersons', 'count', '人', true],
      ['registry.urbanHukouPersons', 'count', '人', true],
      ['registry.urbanHukouShare', 'ratio', '%', true],
      ['registry.registeredEmployers', 'count', '户', true],
    ]);
  });

  it('the province share is Σ urban ÷ Σ persons = 10/20 = 50%, not the average of 10% and 90%', async () => {
    const e = await ok(await a.prov.get('/api/v1/plans/test-plan/evaluation?year=2023'));
    const share = e.indicators.find((i: { code: string }) => i.code === '99-04');
    expect(share).toMatchObject({ value: 50, status: 'achieved' });
    expect(share.lineage).toMatchObject({ kind: 'computed', measureKey: 'registry.urbanHukouShare', registered: true, measureKind: 'ratio' });
    expect(share.lineage.sql).toContain('"persons"');
    expect(share.lineage.figures.find((f: { year: number }) => f.year === 2023)).toMatchObject({ numerator: 10, denominator: 20, value: 50 });
    expect(share.lineage.computedAt).toMatch(/^\d{4}-/);
    const count = e.indicators.find((i: { code: string }) => i.code === '99-03');
    // The 秀英 persons were registered in 2026, after the year evaluated.
    expect(count).toMatchObject({ value: 20, target: { printed: '30' } });
  });

  it('drill-down lists the 19 units for the province, each a ratio of its own sums; 定安 lags behind', async () => {
    // In 2024 定安 has stayed at 10% for two years (its path, from 10% in 2023, asks for 30%).
    const d = await ok(await a.prov.get('/api/v1/plans/test-plan/indicators/99-04/regions?year=2024'));
    expect(d.children).toHaveLength(19);
    const by = Object.fromEntries(d.children.map((c: { regionCode: string }) => [c.regionCode, c]));
    expect(by['469021']).toMatchObject({ value: 10, status: 'at_risk', targetSource: 'plan' });
    expect(by['469022']).toMatchObject({ value: 90, status: 'achieved' });
    expect(by['460100'].value).toBeNull();
    expect(d.region).toMatchObject({ value: 50, status: 'achieved' });
    const grouping = await ok(await a.prov.get('/api/v1/plans/test-plan/indicators/99-04/regions?year=2023&regionCode=469021'));
    expect(grouping.children.find((c: { regionCode: string }) => c.regionCode === '469021100')).toMatchObject({ value: 10 });
  });

  it('the regions behind a province shortfall are named, largest gap first', async () => {
    await ok(await a.prov.put('/api/v1/plans/test-plan/targets', { indicatorCode: '99-03', regionCode: '469021', value: 20 }));
    await ok(await a.prov.put('/api/v1/plans/test-plan/targets', { indicatorCode: '99-03', regionCode: '469022', value: 12 }));
    const e = await ok(await a.prov.get('/api/v1/plans/test-plan/evaluation?year=2023'));
    const i = e.indicators.find((x: { code: string }) => x.code === '99-03');
    expect(i.shortfall.map((s: { regionCode: string; gap: number }) => [s.regionCode, s.gap])).toEqual([
      ['469021', 10],
      ['469022', 2],
    ]);
  });

  it('a county sees its own records only; another county is refused', async () => {
    const r = await ok(await a.dingan.get('/api/v1/plans/test-plan/indicators/99-04/records?year=2023&regionCode=469021&pageSize=50'));
    expect(r.kind).toBe('computed');
    expect(r.items).toHaveLength(10);
    expect(r.items.every((x: { label: string }) => x.label.startsWith('定安人'))).toBe(true);
    const province = await ok(await a.dingan.get('/api/v1/plans/test-plan/indicators/99-04/records?year=2023&regionCode=460000&pageSize=50'));
    expect(province.items.every((x: { label: string }) => x.label.startsWith('定安人'))).toBe(true);
    const other = await a.dingan.get('/api/v1/plans/test-plan/indicators/99-04/records?year=2023&regionCode=469022');
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('屯昌人');
  });

  it('a county may look at the province figure but its breakdown shows only its own county', async () => {
    const d = await ok(await a.dingan.get('/api/v1/plans/test-plan/indicators/99-04/regions?year=2023'));
    expect(d.region.value).toBe(50);
    expect(d.children.map((c: { regionCode: string }) => c.regionCode)).toEqual(['469021']);
    expect((await a.dingan.get('/api/v1/plans/test-plan/evaluation?year=2023&regionCode=469022')).statusCode).toBe(403);
  });
});

describe(`targets, milestones and binding indicators at risk first (${DB})`, () => {
  it('binding indicators at risk are listed first, in the plan order otherwise', async () => {
    // 99-01 (binding stock) far below its path; 99-05 (binding sum) on track.
    for (const [code, value] of [['99-01', 51], ['99-05', 12]] as const) {
      const [v] = await ok(await a.prov.put('/api/v1/plans/test-plan/values', { regionCode: '460000', year: 2023, values: [{ indicatorCode: code, value }] }));
      await ok(await a.prov.post(`/api/v1/plans/test-plan/values/${v.id}/submit`));
      await ok(await a.prov.post(`/api/v1/plans/test-plan/values/${v.id}/approve`));
    }
    const e = await ok(await a.analyst.get('/api/v1/plans/test-plan/evaluation?year=2023'));
    expect(e.indicators[0]).toMatchObject({ code: '99-01', binding: true, status: 'at_risk', bindingAtRisk: true });
    expect(e.summary.bindingAtRisk).toEqual(['99-01']);
    expect(e.groups[0].codes[0]).toBe('99-01');
    expect(e.indicators.map((i: { code: string }) => i.code)).toEqual(['99-01', '99-02', '99-03', '99-04', '99-05']);
    const i5 = e.indicators.find((i: { code: string }) => i.code === '99-05');
    expect(i5.pace).toMatchObject({ mode: 'reach', remaining: 38 });
    expect(i5.paceText.zh).toContain('每月需完成');
  });

  it('a region target replaces the province target there; a percentage target applies unchanged', async () => {
    const e = await ok(await a.prov.get('/api/v1/plans/test-plan/evaluation?year=2023&regionCode=469021'));
    const count = e.indicators.find((i: { code: string }) => i.code === '99-03');
    expect(count.target).toMatchObject({ source: 'region', value: 20, printed: '20' });
    expect(e.indicators.find((i: { code: string }) => i.code === '99-04').target).toMatchObject({ source: 'plan', value: 50 });
    expect(e.indicators.find((i: { code: string }) => i.code === '99-01')).toMatchObject({ status: 'no_target', target: { source: 'none' } });
  });

  it('targets are set from above: a county supervisor can neither set its own nor another county\'s, nor edit plans', async () => {
    const own = await a.dinganSup.put('/api/v1/plans/test-plan/targets', { indicatorCode: '99-03', regionCode: '469021', value: 5 });
    expect(own.statusCode).toBe(403);
    expect(own.json().message.zh).toContain('由上级地区设定');
    expect((await a.dinganSup.put('/api/v1/plans/test-plan/targets', { indicatorCode: '99-03', regionCode: '469022', value: 5 })).statusCode).toBe(403);
    expect((await a.haikou.put('/api/v1/plans/test-plan/targets', { indicatorCode: '99-03', regionCode: '460105', value: 5 })).statusCode).toBe(200);
    expect((await a.haikou.put('/api/v1/plans/test-plan/targets', { indicatorCode: '99-03', regionCode: '469021', value: 5 })).statusCode).toBe(403);
    const plan = await a.dinganSup.post('/api/v1/plans/import', { yaml: TEST_PLAN, replace: true });
    expect(plan.statusCode).toBe(403);
    expect(plan.json().message.zh).toContain('省级');
    expect((await a.dinganSup.post('/api/v1/plans/hainan-hrss-14/next', {})).statusCode).toBe(403);
    expect((await a.dinganSup.post('/api/v1/plans/test-plan/snapshots', { kind: 'annual', year: 2023 })).statusCode).toBe(403);
  });

  it('region targets adding up to less than the province target give a warning', async () => {
    const r = await ok(await a.prov.put('/api/v1/plans/test-plan/targets', { indicatorCode: '99-05', regionCode: '469021', value: 10 }));
    expect(r.warnings[0].zh).toContain('低于全省目标');
  });

  it('the cities and counties are checked together against the province, a city\'s districts against the city', async () => {
    // 定安 (county under 469000) and 海口 (a city) are both units of the province: 10 + 30 = 40 < 50.
    const short = await ok(await a.prov.put('/api/v1/plans/test-plan/targets', { indicatorCode: '99-05', regionCode: '460100', value: 30 }));
    expect(short.warnings).toEqual([{ zh: '已分解的目标合计 40个（2/19 个地区），低于全省目标 50个', en: "Region targets so far add up to 40 个 (2 of 19 regions), below the province's 50 个" }]);
    const enough = await ok(await a.prov.put('/api/v1/plans/test-plan/targets', { indicatorCode: '99-05', regionCode: '469022', value: 15 }));
    expect(enough.warnings).toEqual([]);
    await ok(await a.prov.put('/api/v1/plans/test-plan/targets', { indicatorCode: '99-05', regionCode: '460105', value: 20 }));
    const checks = await ok(await a.analyst.get('/api/v1/plans/test-plan/targets/check?indicatorCode=99-05'));
    expect(checks.map((c: { parentCode: string; parentTarget: number; sum: number; children: string[]; of: number; consistent: boolean }) => [c.parentCode, c.parentTarget, c.sum, c.children.length, c.of, c.consistent])).toEqual([
      ['460000', 50, 55, 3, 19, true],
      ['460100', 30, 20, 1, 4, false],
    ]);
    const xlsx = await a.analyst.get('/api/v1/plans/test-plan/targets/export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 7));
    expect(rows).toContainEqual(['99-05', '约束性累计（个）', '[50]', '460100', '海口市', 30]);
  });

  it('an overridden milestone replaces the path in its year and changes the status', async () => {
    // 99-01: 51 in 2023 against the path 50 → 100, which stands at 80 in 2023.
    const before = await ok(await a.prov.get('/api/v1/plans/test-plan/evaluation?year=2023'));
    expect(before.indicators.find((i: { code: string }) => i.code === '99-01')).toMatchObject({ status: 'at_risk', milestone: { year: 2023, value: 80, overridden: false } });
    expect((await a.prov.put('/api/v1/plans/test-plan/milestones', { indicatorCode: '99-01', regionCode: '460000', year: 2023, value: 50, reason: '' })).statusCode).toBe(400);
    expect((await a.prov.put('/api/v1/plans/test-plan/milestones', { indicatorCode: '99-01', regionCode: '460000', year: 2019, value: 50, reason: 'x' })).statusCode).toBe(400);
    await ok(await a.prov.put('/api/v1/plans/test-plan/milestones', { indicatorCode: '99-01', regionCode: '460000', year: 2023, value: 50, reason: '项目延期，调整节点' }));
    const after = await ok(await a.prov.get('/api/v1/plans/test-plan/evaluation?year=2023'));
    expect(after.indicators.find((i: { code: string }) => i.code === '99-01')).toMatchObject({ status: 'on_track', progress: { expected: 50, onPath: true }, milestone: { value: 50, overridden: true, reason: '项目延期，调整节点' } });
    expect(after.summary.bindingAtRisk).toEqual([]);
    const list = await ok(await a.analyst.get('/api/v1/plans/test-plan/milestones'));
    expect(list).toEqual([expect.objectContaining({ indicatorCode: '99-01', year: 2023, value: 50, setByName: 'prov' })]);
    // The path shows each year's derived milestone beside the override (50 → 100 over 2021–2025).
    const path = await ok(await a.analyst.get('/api/v1/plans/test-plan/indicators/99-01/milestones?regionCode=460000'));
    expect(path.years.map((y: { year: number; derived: number; value: number; overridden: boolean }) => [y.year, y.derived, y.value, y.overridden])).toEqual([
      [2021, 60, 60, false],
      [2022, 70, 70, false],
      [2023, 80, 50, true],
      [2024, 90, 90, false],
      [2025, 100, 100, false],
    ]);
    expect(path.years[2]).toMatchObject({ reason: '项目延期，调整节点', setBy: 'prov' });
    // Reset: the derived milestone is back.
    expect((await a.prov.del('/api/v1/plans/test-plan/milestones/99-01/460000/2023')).statusCode).toBe(204);
    const reset = await ok(await a.analyst.get('/api/v1/plans/test-plan/indicators/99-01/milestones'));
    expect(reset.years[2]).toMatchObject({ year: 2023, derived: 80, value: 80, overridden: false, reason: null });
    await ok(await a.prov.put('/api/v1/plans/test-plan/milestones', { indicatorCode: '99-01', regionCode: '460000', year: 2023, value: 50, reason: '项目延期，调整节点' }));
  });
});

describe(`plan table, export, YAML edit and the next plan (${DB})`, () => {
  it('the table view is the printed table plus a value, progress and status per year', async () => {
    const tb = await ok(await a.analyst.get('/api/v1/plans/hainan-hrss-14/table?year=2023'));
    expect(tb.years).toEqual([2021, 2022, 2023]);
    expect(tb.groups.map((g: { ordinal: string; name: string }) => `${g.ordinal}、${g.name}`)).toEqual(['一、促进就业', '二、社会保障', '三、技能人才', '四、劳动关系', '五、公共服务']);
    expect(tb.groups[0].rows[0]).toMatchObject({ label: '1.城镇新增就业人数（万人）', baseline: '14.4', target: '[75]', attribute: '预期性' });
    expect(tb.groups[0].rows[5]).toMatchObject({ label: '6.农民工参加职业培训人次（万人次）', baseline: '—' });
    const row2 = tb.groups[0].rows[1];
    expect(row2.years.find((y: { year: number }) => y.year === 2023)).toMatchObject({ value: 5.3, status: 'achieved' });
  });

  it('exports .xlsx exactly like 专栏2, with year columns', async () => {
    const res = await a.analyst.get('/api/v1/plans/hainan-hrss-14/table/export?year=2023');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    expect(row(1)[0]).toBe('专栏2“十四五”时期主要指标');
    expect(row(3).slice(0, 7)).toEqual(['指标', '2020年基数', '“十四五”规划目标', '属性', '2021年数值', '2021年进度', '2021年状态']);
    expect(row(3)).toHaveLength(4 + 3 * 3);
    expect(row(4)[0]).toBe('一、促进就业');
    expect(row(5).slice(0, 4)).toEqual(['1.城镇新增就业人数（万人）', '14.4', '[75]', '预期性']);
    expect(row(6).slice(0, 4)).toEqual(['2.城镇调查失业率（％）', '5.3', '<5.5', '预期性']);
    expect(row(6).slice(10, 13)).toEqual(['5.3', expect.any(String), '已达标']);
    const printed = (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => String(r[1] ?? ''));
    expect(printed.filter((s) => /^\d+\./.test(s))).toHaveLength(27);
    expect(printed.at(-1)).toContain('[]内为五年累计数');
    const r13 = await a.analyst.get('/api/v1/plans/hainan-hrss-13/table/export');
    const wb13 = new ExcelJS.Workbook();
    await wb13.xlsx.load(r13.rawPayload as never);
    expect((wb13.worksheets[0].getRow(3).values as unknown[]).slice(1, 5)).toEqual(['指标', '2015年基数', '“十三五”规划目标', '实际完成数']);
    expect((wb13.worksheets[0].getRow(5).values as unknown[]).slice(1, 5)).toEqual(['1.城镇新增就业人数（万人）', '10.1', '>[45]', '[62.93]']);
  });

  it('YAML edits: a broken file lists its problems, an existing id needs replace, a stale version is refused', async () => {
    const bad = await a.prov.post('/api/v1/plans/import', { yaml: TEST_PLAN.replace("comparator: '<' }", "comparator: '≈' }") });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toContain('comparator');
    const dup = await a.prov.post('/api/v1/plans/import', { yaml: TEST_PLAN });
    expect(dup.json().code).toBe('DUPLICATE');
    const stale = await a.prov.post('/api/v1/plans/import', { yaml: TEST_PLAN, replace: true, version: 7 });
    expect(stale.json().code).toBe('STALE_VERSION');
    const edited = await ok(await a.prov.post('/api/v1/plans/import', { yaml: TEST_PLAN.replace('title: 测试“九五”规划', 'title: 测试“九五”规划（修订）'), replace: true, version: 1 }));
    expect(edited).toMatchObject({ title: '测试“九五”规划（修订）', version: 2 });
    // The online editor reads the file with its version; only plan managers may.
    const source = await ok(await a.prov.get('/api/v1/plans/test-plan/source'));
    expect({ version: source.version, title: /^title: (.*)$/m.exec(source.yaml)?.[1] }).toEqual({ version: 2, title: '测试“九五”规划（修订）' });
    expect((await a.dingan.get('/api/v1/plans/test-plan/source')).statusCode).toBe(403);
  });

  it('"new plan from this one" starts 2026–2030 from the 14th plan with its latest figures as baselines', async () => {
    const next = await ok(await a.prov.post('/api/v1/plans/hainan-hrss-14/next', {}), 201);
    expect(next).toMatchObject({ id: 'hainan-hrss-15', period: { start: 2026, end: 2030 }, baseYear: 2025, status: 'draft', derivedFrom: 'hainan-hrss-14', indicators: 75 });
    expect(next.title).toContain('“十五五”');
    const detail = await ok(await a.prov.get('/api/v1/plans/hainan-hrss-15'));
    const inds = detail.plan.groups.flatMap((g: { indicators: unknown[] }) => g.indicators);
    expect(inds.find((i: { code: string }) => i.code === '15-02')).toMatchObject({ baseline: { year: 2025, value: 5.3 }, target: { printed: '<5.5' } });
    // A reported indicator without any province figure starts from "—".
    expect(inds.find((i: { code: string }) => i.code === '15-15')).toMatchObject({ baseline: { year: 2025, value: null, printed: '—' } });
    expect(inds.find((i: { code: string }) => i.code === '15-20')).toMatchObject({ sameAs: '15-06' });
  });
});

describe(`published snapshots and reports (${DB})`, () => {
  it('an annual bulletin is frozen; a later revision shows as a difference; the report is a .docx', async () => {
    const s = await ok(await a.prov.post('/api/v1/plans/test-plan/snapshots', { kind: 'annual', year: 2023 }), 201);
    expect(s.title).toContain('2023年度实施情况通报');
    expect(s.evaluation.indicators.find((i: { code: string }) => i.code === '99-01').value).toBe(51);
    const [v] = await ok(await a.prov.get('/api/v1/plans/test-plan/values?regionCode=460000&year=2023&indicatorCode=99-01'));
    await ok(await a.prov.post(`/api/v1/plans/test-plan/values/${v.id}/correct`, { value: 70, reason: '补报' }));
    await ok(await a.prov.post(`/api/v1/plans/test-plan/values/${v.id}/submit`));
    await ok(await a.prov.post(`/api/v1/plans/test-plan/values/${v.id}/approve`));
    const diff = await ok(await a.prov.get(`/api/v1/plans/test-plan/snapshots/${s.id}/diff`));
    expect(diff.changes.find((c: { code: string }) => c.code === '99-01')).toMatchObject({ before: { value: 51 }, after: { value: 70 } });
    // Each figure approved since publication: indicator, region, year, old → new and why.
    expect(diff.revisions).toEqual([
      expect.objectContaining({ indicatorCode: '99-01', indicatorName: '约束性填报存量', regionCode: '460000', regionName: '海南省', year: 2023, revision: 2, before: 51, after: 70, reason: '补报', approvedBy: 'prov' }),
    ]);
    const xlsx = await a.prov.get(`/api/v1/plans/test-plan/snapshots/${s.id}/diff/export`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect((book.getWorksheet('数据修订')?.getRow(3).values as unknown[]).slice(1, 11)).toEqual(['99-01', '约束性填报存量', '460000', '海南省', 2023, 51, 70, '个', 2, '补报']);
    // A county sees the published figure but not the province's revisions (its scope).
    const countyDiff = await a.dingan.get(`/api/v1/plans/test-plan/snapshots/${s.id}/diff`);
    if (countyDiff.statusCode === 200) expect(countyDiff.json().revisions).toEqual([]);
    else expect(countyDiff.statusCode).toBe(404);
    const frozen = await ok(await a.prov.get(`/api/v1/plans/test-plan/snapshots/${s.id}`));
    expect(frozen.evaluation.indicators.find((i: { code: string }) => i.code === '99-01').value).toBe(51);
    const docx = await a.prov.get(`/api/v1/plans/test-plan/snapshots/${s.id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a final evaluation report of the 13th plan lists achieved and not achieved', async () => {
    const s = await ok(await a.prov.post('/api/v1/plans/hainan-hrss-13/snapshots', { kind: 'final' }), 201);
    expect(s).toMatchObject({ year: 2020, kind: 'final' });
    expect(s.evaluation.final).toMatchObject({ achieved: 7, notAchieved: 3 });
    expect((await a.prov.post('/api/v1/plans/hainan-hrss-13/snapshots', { kind: 'final', year: 2019 })).statusCode).toBe(400);
  });
});
