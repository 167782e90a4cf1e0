// The status-period importer (在校学生 from education, 外省参保 from the national platform):
// rows are checked one by one and a file with any bad row writes nothing; people must be
// registered, named right and in the caller's scope; a later report under the same reference
// supersedes the current one, the same report again is a duplicate, and a reference cannot move
// to another person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../platform/imports/exceljs';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { periodsXlsx, person, upload, type TestPerson } from './fixture.test-helper';

let t: TestApp;
let clerk: Agent;
let far: Agent;
let s: TestPerson;
let w: TestPerson;
let other: TestPerson;

const count = async () => Number((await t.database.query<{ n: number }>(`select count(*)::int as n from insurance_status_periods /*scope:system*/`))[0].n);

beforeAll(async () => {
  t = await testApp();
  await t.user('sp-clerk', '469021', ['caseworker']);
  await t.user('sp-far', '469022', ['caseworker']);
  clerk = await t.login('sp-clerk');
  far = await t.login('sp-far');
  s = await person(clerk, '学生甲', { birthDate: '2004-03-01' });
  w = await person(clerk, '外出乙', { birthDate: '1990-07-01' });
  other = await person(clerk, '另一丙', { birthDate: '1991-07-01' });
});
afterAll(async () => t.close());

describe(`status-period import (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('refuses bad rows one by one, naming the row and column, and writes nothing', async () => {
    const job = await upload(clerk, 'status-periods', await periodsXlsx([
      [s.idNumber, s.name, '在校学生', '2019-09-01', '', '定安中学', '2019-10-10', '教育', 'XJ-1'],
      ['110105194912310021', '错号', '在校学生', '2019-09-01', '', '', '', '教育', 'XJ-2'], // bad check digit
      [w.idNumber, w.name, '出国', '2018-03-01', '', '', '', '全国社保平台', 'QG-1'], // unknown kind
      [w.idNumber, w.name, '外省参保', '2018-03-01', '2017-01-01', '广东省', '', '全国社保平台', 'QG-2'], // ends before it starts
      [w.idNumber, w.name, '外省参保', '2018-03-01', '', '', '', '气象局', 'QG-3'], // unknown source
      [s.idNumber, s.name, '在校学生', '2019-09-01', '', '', '', '教育', 'XJ-1'], // same reference twice in the file
    ]));
    expect(job.status).toBe('failed');
    expect(job.errorCount).toBe(5);
    expect(await count()).toBe(0);
  });

  it('is all or nothing: one unregistered or misnamed person refuses the whole file', async () => {
    const job = await upload(clerk, 'status-periods', await periodsXlsx([
      [s.idNumber, s.name, '在校学生', '2019-09-01', '', '定安中学', '2019-10-10', '教育', 'XJ-1'],
      ['11010519491231002X', '无此人', '外省参保', '2018-03-01', '', '广东省', '', '全国社保平台', 'QG-9'],
      [w.idNumber, '名字不对', '外省参保', '2018-03-01', '', '广东省', '', '全国社保平台', 'QG-8'],
    ]));
    expect(job.status).toBe('failed');
    expect(job.message!.zh).toContain('未在人员信息中登记');
    expect(job.message!.zh).toContain('姓名与身份证号不符');
    expect(job.message!.en).toContain('nothing was written');
    expect(await count()).toBe(0);
  });

  it('records the periods; the same report again is a duplicate; a later report under the reference supersedes it', async () => {
    const rows = [
      [s.idNumber, s.name, '在校学生', '2019/9/1', '', '定安中学', '2019-10-10', '教育', 'XJ-1'],
      [w.idNumber, w.name, '外省参保', '2018-03-01', '', '广东省', '2020-01-05', '全国社保平台', 'QG-1'],
    ];
    expect(await upload(clerk, 'status-periods', await periodsXlsx(rows))).toMatchObject({ status: 'succeeded', inserted: 2, duplicates: 0 });
    expect(await upload(clerk, 'status-periods', await periodsXlsx(rows))).toMatchObject({ status: 'succeeded', inserted: 0, duplicates: 2 });
    // The student graduated: the education department reports the end under the same 学籍号.
    expect(await upload(clerk, 'status-periods', await periodsXlsx([[s.idNumber, s.name, '在校学生', '2019-09-01', '2022-06-30', '定安中学', '2022-07-15', '教育', 'XJ-1']]))).toMatchObject({ status: 'succeeded', inserted: 1 });
    const list = (await clerk.get('/api/v1/insurance/status-periods')).json().items;
    expect(list.map((p: { sourceRef: string; endsOn: string | null }) => [p.sourceRef, p.endsOn])).toEqual([['XJ-1', '2022-06-30'], ['QG-1', null]]);
    const [first] = await t.database.query<{ id: number }>(`select id from insurance_status_periods where source_ref = 'XJ-1' and ends_on is null /*scope:system*/`);
    expect(list[0]).toMatchObject({ kind: 'student', kindName: '在校学生', place: '定安中学', source: 'education', supersedesId: Number(first.id) });
    // Standing on a day: the student until June 2022, the worker elsewhere still.
    const on = async (d: string) => (await clerk.get(`/api/v1/insurance/status-periods?asOf=${d}`)).json().items.map((p: { personName: string }) => p.personName).sort();
    expect(await on('2021-12-31')).toEqual(['外出乙', '学生甲'].sort());
    expect(await on('2022-12-31')).toEqual(['外出乙']);
  });

  it('the list pages, finds a person by part of the name or by the whole resident ID, filters by kind, and exports what it shows (masked)', async () => {
    const page = (await clerk.get('/api/v1/insurance/status-periods?page=1&pageSize=1')).json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    const names = async (query: string) => (await clerk.get(`/api/v1/insurance/status-periods?${query}`)).json().items.map((p: { personName: string }) => p.personName);
    expect(await names(`q=${encodeURIComponent('学生')}`)).toEqual(['学生甲']);
    expect(await names(`q=${w.idNumber}`)).toEqual(['外出乙']);
    expect(await names('kind=insured_elsewhere')).toEqual(['外出乙']);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual([]);
    const res = await clerk.raw({ method: 'GET', url: `/api/v1/insurance/status-periods/export?kind=student` });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    const [shown] = (await clerk.get('/api/v1/insurance/status-periods?kind=student')).json().items;
    expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['学生甲', shown.idNumberMasked, '在校学生', '2019-09-01', '2022-06-30']);
    expect(shown.idNumberMasked).not.toContain(s.idNumber.slice(6, 14)); // the birth date part is masked
    // Searches are audited, but a resident ID typed into the search never reaches the audit log.
    const qs = (await t.database.query<{ q: string }>(`select detail->'query'->>'q' as q from audit_log where action = 'insurance.status_period.list' and detail->'query'->>'q' is not null order by seq /*scope:system*/`)).map((r) => r.q);
    expect(qs).toEqual(['学生', '***', '%']);
    const exported = await t.database.query<{ n: number | string }>(`select count(*) as n from audit_log where action = 'insurance.status_period.export' /*scope:system*/`);
    expect(Number(exported[0].n)).toBe(1);
  });

  it('a reference cannot move to another person; another county can neither import nor see these people', async () => {
    const moved = await upload(clerk, 'status-periods', await periodsXlsx([[other.idNumber, other.name, '外省参保', '2018-03-01', '2019-01-01', '广东省', '', '全国社保平台', 'QG-1']]));
    expect(moved.status).toBe('failed');
    expect(moved.message!.zh).toContain('来源编号已用于另一人员或类型');
    const scoped = await upload(far, 'status-periods', await periodsXlsx([[other.idNumber, other.name, '外省参保', '2018-03-01', '', '广东省', '', '全国社保平台', 'QG-7']]));
    expect(scoped.status).toBe('failed');
    expect(scoped.message!.zh).toContain('超出您的数据权限范围');
    expect((await far.get('/api/v1/insurance/status-periods')).json()).toMatchObject({ items: [], total: 0 });
    const farExport = await far.raw({ method: 'GET', url: '/api/v1/insurance/status-periods/export' });
    expect(farExport.statusCode).toBe(200);
    const farBook = new ExcelJS.Workbook();
    await farBook.xlsx.load(farExport.rawPayload as never);
    expect(farBook.worksheets[0].rowCount).toBe(1); // the header only
    expect(await count()).toBe(3);
  });
});
