// Rules: an import with bad rows writes nothing unless the user chooses "good rows", always
// returns a row-level error workbook, and re-importing the same file creates no duplicates.
import ExcelJS from './exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { makeResidentId } from '../validate';

let t: TestApp;
let clerk: Agent;

beforeAll(async () => {
  t = await testApp();
  await t.user('clerk', '469021', ['caseworker']);
  clerk = await t.login('clerk');
});
afterAll(async () => t.close());

const hanName = (i: number) => '测' + '甲乙丙丁戊己庚辛壬癸'[i % 10] + '子丑寅卯辰巳午未申酉戌亥'[Math.floor(i / 10) % 12] + '天地玄黄宇宙洪荒日月'[Math.floor(i / 120) % 10];

async function workbook(good: number, bad: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(['身份证号*', '姓名*', '户口性质*', '户籍地区*', '手机号', '家庭编号', '残疾人', '退役军人', '零就业家庭', '低保家庭']);
  for (let i = 0; i < good; i++) {
    ws.addRow([makeResidentId('469021', `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, i % 1000), hanName(i), i % 2 ? '城镇' : '农村', i % 3 ? '469021100' : '定安县', `1380000${String(i).padStart(4, '0')}`, '', '否', i % 50 === 0 ? '是' : '否', '', '']);
  }
  const badRows = [
    ['110105194912310021', '坏甲', '城镇', '469021', '', '', '', '', '', ''], // check digit
    [makeResidentId('469021', '1990-02-30', 1), '坏乙', '城镇', '469021', '', '', '', '', '', ''], // date
    [makeResidentId('469022', '1980-01-01', 5), '坏丙', '城镇', '469022', '', '', '', '', '', ''], // out of scope
    [makeResidentId('469021', '1980-01-01', 7), '坏丁', '城里', '469021', '', '', '', '', '', ''], // hukou
    [makeResidentId('469021', '1980-01-01', 9), '坏戊', '农村', '469021', '12345', '', '', '', '', ''], // phone
    [makeResidentId('469021', '1980-01-01', 11), '', '农村', '469021', '', '', '', '', '', ''], // name
    [makeResidentId('469021', '1980-01-01', 13), '坏己', '农村', '不存在县', '', '', '', '', '', ''], // region
    [makeResidentId('469021', '1980-01-01', 15), '坏庚', '农村', '469021', '', '', '也许', '', '', ''], // yes/no
    // eslint-disable-next-line no-loss-of-precision -- on purpose: Excel stores long IDs as floats
    [123456789012345678, '坏辛', '农村', '469021', '', '', '', '', '', ''], // Excel number
    [makeResidentId('469021', '1950-01-10', 0), '重复', '农村', '469021', '', '', '', '', '', ''], // duplicate of good row 0
  ];
  for (let i = 0; i < bad; i++) ws.addRow(badRows[i % badRows.length]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, filename: string, mode: string) {
  const boundary = '----renshe' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\n${mode}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(file: Buffer, filename: string, mode: 'all' | 'good-rows') {
  const m = multipart(file, filename, mode);
  const res = await clerk.raw({ method: 'POST', url: '/api/v1/imports/persons', payload: m.payload, headers: m.headers });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as string;
  for (let i = 0; i < 600; i++) {
    const j = (await clerk.get(`/api/v1/imports/jobs/${id}`)).json();
    if (j.status === 'succeeded' || j.status === 'failed') return j;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

async function personCount(): Promise<number> {
  return Number((await clerk.get('/api/v1/registry/persons?pageSize=1')).json().total);
}

describe(`persons import (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('the template is a real workbook with the required headers and a notes sheet', async () => {
    const res = await clerk.get('/api/v1/imports/persons/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets[0].getRow(1).getCell(1).text).toBe('身份证号*');
    expect(wb.worksheets[1].name).toBe('说明 Notes');
  });

  it('1,000 good and 10 bad rows in mode "all": nothing written, an error workbook with each reason', async () => {
    const job = await upload(await workbook(1000, 10), 'persons.xlsx', 'all');
    expect(job).toMatchObject({ status: 'failed', processed: 1010, inserted: 0, errorCount: 10, hasErrorsFile: true });
    expect(job.message.zh).toContain('未写入任何数据');
    expect(await personCount()).toBe(0);
    const res = await clerk.get(`/api/v1/imports/jobs/${job.id}/errors`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((r, n) => n > 1 && rows.push([r.getCell(1).text, r.getCell(2).text, r.getCell(4).text]));
    const reasons = rows.map((r) => r[2]).join('\n');
    for (const want of ['校验位错误', '出生日期无效', '超出您的数据权限范围', '户口性质应为', '手机号格式错误', '姓名须为', '不存在', '应填“是”或“否”', '存成了数字', '与第 2 行重复']) {
      expect(reasons).toContain(want);
    }
    expect(rows[0][0]).toBe('1002'); // the file row number the user sees in Excel (header is row 1)
  });

  it('mode "good-rows" writes the 1,000 valid rows and still returns the error workbook', async () => {
    const job = await upload(await workbook(1000, 10), 'persons.xlsx', 'good-rows');
    expect(job).toMatchObject({ status: 'succeeded', inserted: 1000, duplicates: 0, errorCount: 10, hasErrorsFile: true });
    expect(await personCount()).toBe(1000);
  });

  it('re-importing the same file creates no duplicates (exact match on the blind index)', async () => {
    const job = await upload(await workbook(1000, 0), 'persons-again.xlsx', 'all');
    expect(job).toMatchObject({ status: 'succeeded', inserted: 0, duplicates: 1000 });
    expect(await personCount()).toBe(1000);
  });

  it('CSV files go through the same pipeline (quotes, BOM)', async () => {
    const id = makeResidentId('469021', '1970-07-07', 321);
    const csv = `\ufeff身份证号,姓名,户口性质,户籍地区,手机号\n${id},"欧阳娜",农村,469021100,\n`;
    const job = await upload(Buffer.from(csv), 'one.csv', 'all');
    expect(job).toMatchObject({ status: 'succeeded', inserted: 1 });
    const found = (await clerk.get(`/api/v1/registry/persons?idNumber=${id}`)).json();
    expect(found.items[0].name).toBe("欧阳娜");
  });

  it('a file without the required columns is refused with the missing column names', async () => {
    const job = await upload(Buffer.from('姓名\n张三\n'), 'bad.csv', 'all');
    expect(job.status).toBe('failed');
    expect(job.message.zh).toContain('身份证号');
  });
});
