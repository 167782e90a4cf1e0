// Rules of the employment imports: all or nothing per file, row-level reasons, the same
// contradiction rules as the forms, no duplicates on re-import, and the occupation loader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { daysAgo, employerWithUscc, importCsv, personWithId } from './fixture.test-helper';
import { parseDateCell } from './importers';
import { parseOccupationCsv } from './occupations';

let t: TestApp;
let a: Agent;
let prov: Agent;
const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';

beforeAll(async () => {
  t = await testApp();
  await t.user('ia', '469021', ['caseworker']);
  await t.user('iprov', '460000', ['supervisor']);
  a = await t.login('ia');
  prov = await t.login('iprov');
});
afterAll(async () => t.close());

const count = async (url: string) => (await a.get(url)).json().total as number;
const EMP_HEADER = '身份证号,用人单位统一社会信用代码,就业形式,就业日期,终止日期,终止原因,城镇或农村,城镇新增就业,职业代码,签订劳动合同';

describe(`employment registration import (${db})`, () => {
  it('imports good rows, closes an open unemployment registration as re-employment, follows the household rule, and adds nothing on re-import', async () => {
    const firm = await employerWithUscc(a, '导入单位甲');
    const hh = `IMP-${Date.now()}`;
    const p1 = await personWithId(a, '导甲', { householdId: hh, flags: { zeroEmploymentHousehold: true } });
    const p2 = await personWithId(a, '导乙');
    const p3 = await personWithId(a, '导丙');
    const u = (await a.post('/api/v1/employment/unemployment', { personId: p2.id, registeredOn: daysAgo(100), reason: 'dismissed' })).json();
    const csv = [
      EMP_HEADER,
      `${p1.idNumber},${firm.uscc},单位就业,${daysAgo(30)},,,城镇,是,4-03-02-01,是`,
      `${p2.idNumber},,灵活就业,${daysAgo(20).replace(/-/g, '/')},,,城镇,,,否`,
      `${p3.idNumber},${firm.uscc},单位就业,${daysAgo(400)},${daysAgo(200)},合同到期,城镇,是,,是`,
    ].join('\n');
    const j = await importCsv(a, 'employment-registrations', csv);
    expect(j, JSON.stringify(j.message)).toMatchObject({ status: 'succeeded', inserted: 3, duplicates: 0 });
    expect((await a.get(`/api/v1/employment/unemployment/${u.id}`)).json()).toMatchObject({ closedReason: 'reemployed', closedOn: daysAgo(20) });
    expect((await a.get(`/api/v1/registry/persons/${p1.id}`)).json().flags.zeroEmploymentHousehold).toBe(false);
    const again = await importCsv(a, 'employment-registrations', csv);
    expect(again).toMatchObject({ status: 'succeeded', inserted: 0, duplicates: 3 });
    expect(await count(`/api/v1/employment/registrations?personId=${p1.id}`)).toBe(1);
  });

  it('refuses the whole file when one row contradicts an existing registration, naming the row and the reason', async () => {
    const firm = await employerWithUscc(a, '导入单位乙');
    const p1 = await personWithId(a, '导丁');
    const p2 = await personWithId(a, '导戊');
    await a.post('/api/v1/employment/registrations', { personId: p2.id, employerId: firm.id, kind: 'employee', startDate: daysAgo(300), area: 'urban' });
    const before = await count('/api/v1/employment/registrations?pageSize=1');
    const csv = [EMP_HEADER, `${p1.idNumber},${firm.uscc},单位就业,${daysAgo(10)},,,城镇,是,,是`, `${p2.idNumber},,公益性岗位,${daysAgo(5)},,,城镇,是,,是`].join('\n');
    const j = await importCsv(a, 'employment-registrations', csv);
    expect(j.status).toBe('failed');
    expect(j.message!.zh).toContain('第 2 条数据');
    expect(j.message!.zh).toContain('时间重叠');
    expect(j.message!.en).toContain('nothing was written');
    expect(await count('/api/v1/employment/registrations?pageSize=1')).toBe(before);
  });

  it('refuses rows whose person is not in the registry, and rows with future dates (row-level error workbook), writing nothing', async () => {
    const firm = await employerWithUscc(a, '导入单位丙');
    const ghost = '11010519491231002X';
    const j = await importCsv(a, 'employment-registrations', [EMP_HEADER, `${ghost},${firm.uscc},单位就业,${daysAgo(10)},,,城镇,是,,是`].join('\n'));
    expect(j.status).toBe('failed');
    expect(j.message!.zh).toContain('人员库中没有此人');
    const p = await personWithId(a, '导己');
    const f = await importCsv(a, 'employment-registrations', [EMP_HEADER, `${p.idNumber},${firm.uscc},单位就业,${daysAgo(-3)},,,城镇,是,,是`, `${p.idNumber},,灵活就业,2024-02-30,,,城镇,,,`].join('\n'));
    expect(f).toMatchObject({ status: 'failed', errorCount: 2 });
    expect(await count(`/api/v1/employment/registrations?personId=${p.id}`)).toBe(0);
  });
});

describe(`unemployment, transfer and graduate imports (${db})`, () => {
  it('imports unemployment registrations with groups from the registry, and refuses one while the person is employed', async () => {
    const p1 = await personWithId(a, '失甲', { flags: { veteran: true } });
    const p2 = await personWithId(a, '失乙');
    await a.post('/api/v1/employment/registrations', { personId: p2.id, kind: 'flexible', startDate: daysAgo(50), area: 'urban' });
    const header = '身份证号,失业登记日期,城镇登记失业,失业原因,就业困难人员,重点群体,注销日期,注销原因';
    const ok = await importCsv(a, 'unemployment-registrations', [header, `${p1.idNumber},${daysAgo(40)},是,被用人单位解除劳动合同,是,高校毕业生,,`].join('\n'));
    expect(ok).toMatchObject({ status: 'succeeded', inserted: 1 });
    const list = (await a.get(`/api/v1/employment/unemployment?personId=${p1.id}`)).json().items;
    expect(list[0]).toMatchObject({ difficulty: true, groups: ['graduate', 'veteran'], reason: 'dismissed' });
    const bad = await importCsv(a, 'unemployment-registrations', [header, `${p2.idNumber},${daysAgo(10)},是,本人辞职,否,,,`].join('\n'));
    expect(bad.status).toBe('failed');
    expect(bad.message!.en).toContain('terminate it before registering unemployment');
    const re = await importCsv(a, 'unemployment-registrations', [header, `${p1.idNumber},${daysAgo(30)},是,本人辞职,否,,${daysAgo(5)},实现再就业`].join('\n'));
    expect(re).toMatchObject({ status: 'failed', errorCount: 1 });
  });

  it('imports rural transfers for rural households only, without duplicates on re-import', async () => {
    const rural = await personWithId(a, '转甲', { hukouType: 'rural' });
    const urban = await personWithId(a, '转乙', { hukouType: 'urban' });
    const header = '身份证号,转移就业日期,转移去向,就业地区代码,行业门类,职业代码';
    const bad = await importCsv(a, 'rural-transfers', [header, `${rural.idNumber},${daysAgo(9)},省内县外,460100,E,6-29`, `${urban.idNumber},${daysAgo(9)},县内,,,`].join('\n'));
    expect(bad.status).toBe('failed');
    expect(bad.message!.zh).toContain('农村户口');
    const csv = [header, `${rural.idNumber},${daysAgo(9)},省内县外,460100,E,6-29`].join('\n');
    expect(await importCsv(a, 'rural-transfers', csv)).toMatchObject({ status: 'succeeded', inserted: 1 });
    expect(await importCsv(a, 'rural-transfers', csv)).toMatchObject({ status: 'succeeded', inserted: 0, duplicates: 1 });
  });

  it('imports graduates’ destinations and refuses an employed graduate without the stay-in-Hainan answer', async () => {
    const g1 = await personWithId(a, '毕业甲', { birthDate: '2002-02-02' });
    const g2 = await personWithId(a, '毕业乙', { birthDate: '2002-02-02' });
    const year = Number(daysAgo(0).slice(0, 4)) - 1;
    const header = '毕业年份,身份证号,毕业院校,学历,毕业去向,留琼就业,记录日期';
    const bad = await importCsv(a, 'graduate-destinations', [header, `${year},${g1.idNumber},海南大学,本科,签就业协议/劳动合同,,${daysAgo(1)}`].join('\n'));
    expect(bad).toMatchObject({ status: 'failed', errorCount: 1 });
    const ok = await importCsv(a, 'graduate-destinations', [header, `${year},${g1.idNumber},海南大学,本科,签就业协议/劳动合同,是,${daysAgo(1)}`, `${year},${g2.idNumber},海南大学,硕士,升学,,${daysAgo(1)}`].join('\n'));
    expect(ok).toMatchObject({ status: 'succeeded', inserted: 2 });
    const items = (await a.get(`/api/v1/employment/graduates?graduationYear=${year}`)).json().items;
    expect(items.map((g: { personName: string; staysInHainan: boolean | null }) => [g.personName, g.staysInHainan]).sort()).toEqual([['毕业乙', null], ['毕业甲', true]]);
  });
});

describe(`occupations loader (${db})`, () => {
  it('parses code, name and the S (digital) and L (green) marks, refusing codes outside the 2022 groups', () => {
    const r = parseOccupationCsv('code,name,digital,green\n2-02-38-01,人工智能工程技术人员,S,\n2-02-38-99,测试职业,L/S,\n9-01-01-01,无此大类,,\n2-02,只是中类,,\n');
    expect(r.rows).toEqual([
      { code: '2-02-38-01', name: '人工智能工程技术人员', digital: true, green: false },
      { code: '2-02-38-99', name: '测试职业', digital: true, green: true },
    ]);
    expect(r.problems.map((p) => p.row)).toEqual([4, 5]);
  });

  it('loads occupations through the import pipeline for province users only, and names them in the classification', async () => {
    const csv = '职业代码,职业名称,数字职业,绿色职业\n2-02-38-01,人工智能工程技术人员,S,\n6-31-07-01,工业机器人系统运维员,是,否\n';
    const county = await importCsv(a, 'occupations', csv);
    expect(county.status).toBe('failed');
    const ok = await importCsv(prov, 'occupations', csv);
    expect(ok).toMatchObject({ status: 'succeeded', inserted: 2 });
    const list = (await a.get('/api/v1/employment/occupations?prefix=2-02-38')).json();
    expect(list).toEqual([{ code: '2-02-38-01', name: '人工智能工程技术人员', level: 'occupation', digital: true, green: false }]);
    const groups = (await a.get('/api/v1/employment/codes')).json().occupationGroups;
    expect([groups.major.length, groups.medium.length]).toEqual([8, 79]);
  });

  it('reads dates written the ways spreadsheets write them', () => {
    expect(['2024-03-01', '2024/3/1', '2024.3.1', '20240301', '2024年3月1日', '2024-02-30', '3/1/2024'].map(parseDateCell)).toEqual(['2024-03-01', '2024-03-01', '2024-03-01', '2024-03-01', '2024-03-01', null, null]);
  });
});
