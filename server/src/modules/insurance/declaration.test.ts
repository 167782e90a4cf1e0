// Rules of the employer's monthly declaration import: a wrong base (outside 60%–300% of the
// year's average wage) or a person not enrolled is refused row by row, the file is all or
// nothing, and re-importing or resuming an interrupted file never doubles money.
import ExcelJS from '../../platform/imports/exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { declarationXlsx, hire, insuredEmployer, monthsAgo, person, upload, type DeclRow, type TestEmployer, type TestPerson } from './fixture.test-helper';
import { contributionImporter } from './declaration';
import { eq } from 'drizzle-orm';
import { callerOfUser } from '../../platform/auth/service';
import { createImportJob, runImportJob } from '../../platform/imports';
import { importJobs } from '../../platform/schema';

let t: TestApp;
let clerk: Agent;
let other: Agent;
let e: TestEmployer;
let foreign: TestEmployer;
const staff: TestPerson[] = [];
let outsider: TestPerson;
const month = monthsAgo(1);

async function ledgerTotals(employerId: number) {
  const [r] = await t.database.query<{ n: number; due: number | string }>(
    `select count(*)::int as n, coalesce(sum(employer_fen + personal_fen), 0)::bigint as due from insurance_ledger where employer_id = $1 /*scope:system*/`,
    [employerId],
  );
  return { entries: Number(r.n), dueFen: Number(r.due) };
}

const row = (p: TestPerson, base: string | number = '6000', o: Partial<DeclRow> = {}): DeclRow => ({ uscc: e.uscc, feeMonth: month, idNumber: p.idNumber, name: p.name, base, ...o });

beforeAll(async () => {
  t = await testApp();
  await t.user('decl-clerk', '469021', ['caseworker']);
  await t.user('decl-other', '469022', ['caseworker']);
  clerk = await t.login('decl-clerk');
  other = await t.login('decl-other');
  e = await insuredEmployer(clerk, '定安申报厂');
  foreign = await insuredEmployer(other, '屯昌申报厂', '469022100');
  for (const n of ['申报甲', '申报乙', '申报丙']) {
    const p = await person(clerk, n);
    await hire(clerk, e.id, p.id, '2024-01-01');
    staff.push(p);
  }
  outsider = await person(clerk, '未参保丁');
});
afterAll(async () => t.close());

describe(`declaration import (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('a file with one bad row of each kind is refused whole, each row with its reason; nothing is written', async () => {
    const before = await ledgerTotals(e.id);
    const file = await declarationXlsx([
      row(staff[0]), // good
      row(staff[1], '1000'), // below 60% of the average wage
      row(staff[2], '30000'), // above 300%
      row(outsider), // registered but not enrolled with this employer
      { ...row(staff[0]), name: '冒名' , feeMonth: monthsAgo(2) }, // name does not match the ID
      { ...row(staff[0]), uscc: foreign.uscc, feeMonth: monthsAgo(3) }, // another county's employer
      row(staff[1], '6000', { type: '失业', feeMonth: monthsAgo(4) }),
      row(staff[1], '6000', { feeMonth: monthsAgo(4) }), // same person/type/month as the row above
    ]);
    const job = await upload(clerk, 'contributions', file);
    expect(job.status).toBe('failed');
    expect(job.inserted).toBe(0);
    const msg = job.message!.zh;
    // Rows are named by their sheet row number (the header is row 1, the good row is row 2).
    expect(msg).toMatch(/第3条[^；]*缴费基数 1000\.00 元超出 \d{4} 年法定范围 4500\.00–22500\.00 元/);
    expect(msg).toMatch(/第4条[^；]*缴费基数 30000\.00 元超出/);
    expect(msg).toMatch(/第5条[^；]*未在本单位参加任何险种/);
    expect(msg).toMatch(/第6条[^；]*姓名与身份证号不符/);
    expect(msg).toMatch(/第7条[^；]*超出您的数据权限范围/);
    expect(msg).toMatch(/第9条[^；]*与第 8 条重复/);
    expect(msg).not.toMatch(/第2条/);
    expect(await ledgerTotals(e.id)).toEqual(before);
    // The full list is downloadable as a workbook.
    const book = await clerk.get(`/api/v1/insurance/declarations/${job.id}/problems`);
    expect(book.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book.rawPayload as never);
    expect(wb.worksheets[0].rowCount).toBe(1 + 6);
  });

  it('a row failing the per-row checks refuses the whole file even in "good rows" mode', async () => {
    const file = await declarationXlsx([row(staff[0]), { ...row(staff[1]), idNumber: '110105194912310021' }]);
    const job = await upload(clerk, 'contributions', file, 'bad.xlsx', 'good-rows');
    expect(job.status).toBe('failed');
    expect(job.message!.zh).toContain('申报文件须整体导入');
    expect((await ledgerTotals(e.id)).entries).toBe(0);
  });

  it('a good file writes one declared entry per person and type; importing it again adds nothing', async () => {
    const file = await declarationXlsx(staff.map((p) => row(p)));
    const first = await upload(clerk, 'contributions', file);
    expect(first.status, JSON.stringify(first.message)).toBe('succeeded');
    expect(first).toMatchObject({ inserted: 9, duplicates: 0 });
    const totals = await ledgerTotals(e.id);
    expect(totals).toEqual({ entries: 9, dueFen: 3 * (144_000 + 6_000 + 2_400) });
    const second = await upload(clerk, 'contributions', file, 'again.xlsx');
    expect(second).toMatchObject({ status: 'succeeded', inserted: 0, duplicates: 9 });
    expect(await ledgerTotals(e.id)).toEqual(totals);
  });

  it('the same month with a different base is refused (correct it by reversal instead)', async () => {
    const job = await upload(clerk, 'contributions', await declarationXlsx([row(staff[0], '7000')]));
    expect(job.status).toBe('failed');
    expect(job.message!.zh).toContain('已申报基数 6000.00 元，与本次 7000.00 元不同');
  });

  it('an import interrupted half way rolls back; importing the file again writes it once', async () => {
    const m = monthsAgo(2);
    const rows = staff.map((p, i) => ({ ord: i + 1, uscc: e.uscc, idHash: t.platform.crypto.blindIndex(p.idNumber), idMasked: p.idNumber, name: p.name, insuranceType: null, feeMonth: `${m}-01`, baseFen: 600_000 }));
    const imp = contributionImporter(t.platform);
    const caller = { userId: 1, username: 'decl-clerk', scope: { all: true, regionCodes: new Set<string>(), selfUserId: null, kind: 'all' } } as never;
    const before = await ledgerTotals(e.id);
    await expect(
      t.platform.database.rawTransaction(async (tx) => {
        // The pipeline's calls: the valid rows staged (batch by batch), then the whole file checked and written.
        await imp.write(tx, rows, { caller, jobId: 'crash-test' });
        const r = await imp.finish!(tx, { caller, jobId: 'crash-test' });
        expect(r.inserted).toBe(9);
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(await ledgerTotals(e.id)).toEqual(before);
    const file = await declarationXlsx(staff.map((p) => ({ ...row(p), feeMonth: m })));
    const [a, b] = await Promise.all([upload(clerk, 'contributions', file, 'a.xlsx'), upload(clerk, 'contributions', file, 'b.xlsx')]);
    expect([a.status, b.status]).toEqual(['succeeded', 'succeeded']);
    expect(a.inserted + b.inserted).toBe(9);
    expect(await ledgerTotals(e.id)).toEqual({ entries: before.entries + 9, dueFen: before.dueFen + 3 * 152_400 });
  });

  it('after a reversal the month can be declared again (revision 1), and that file is idempotent too', async () => {
    const m = monthsAgo(2);
    const { entries } = (await clerk.get(`/api/v1/insurance/persons/${staff[2].id}/ledger?feeMonth=${m}-01&insuranceType=unemployment`)).json();
    const declared = entries.find((x: { event: string }) => x.event === 'declared');
    expect((await clerk.post(`/api/v1/insurance/ledger/${declared.id}/reverse`, { reason: '误报' })).statusCode).toBe(201);
    const file = await declarationXlsx([row(staff[2], '6500', { feeMonth: m, type: '失业' })]);
    const j1 = await upload(clerk, 'contributions', file);
    expect(j1).toMatchObject({ status: 'succeeded', inserted: 1 });
    const j2 = await upload(clerk, 'contributions', file);
    expect(j2).toMatchObject({ status: 'succeeded', inserted: 0, duplicates: 1 });
    const month = (await clerk.get(`/api/v1/insurance/persons/${staff[2].id}/ledger?feeMonth=${m}-01&insuranceType=unemployment`)).json().months[0];
    expect(month).toMatchObject({ baseFen: 650_000, dueFen: 6_500 });
  });

  it('a file mixing entries already declared with new ones adds only the new entries, and no money twice', async () => {
    const before = await ledgerTotals(e.id);
    const file = await declarationXlsx([...staff.map((p) => row(p)), ...staff.map((p) => row(p, '6000', { feeMonth: monthsAgo(7) }))]);
    const job = await upload(clerk, 'contributions', file, 'mixed.xlsx');
    expect(job).toMatchObject({ status: 'succeeded', inserted: 9, duplicates: 9 });
    expect(await ledgerTotals(e.id)).toEqual({ entries: before.entries + 9, dueFen: before.dueFen + 3 * (144_000 + 6_000 + 2_400) });
  });

  it('a file read in several batches (3 rows each) is checked as a whole: a duplicate across batches refuses it, a good one writes each entry once', async () => {
    const userId = (await t.database.query<{ id: number }>(`select id from users where username = 'decl-clerk'`))[0].id;
    const caller = await callerOfUser({ db: t.database.db, crypto: t.platform.crypto, expand: t.platform.regions.expand }, userId, 'test');
    const run = async (rows: DeclRow[]) => {
      const id = await createImportJob(t.database.db, { kind: 'contributions', filename: 'batches.xlsx', mode: 'all', file: await declarationXlsx(rows), createdBy: userId });
      await runImportJob(t.database, t.platform.imports, id, caller, { batchRows: 3 });
      const [job] = await t.database.db.select().from(importJobs).where(eq(importJobs.id, id));
      return job;
    };
    const before = await ledgerTotals(e.id);
    const months = [monthsAgo(8), monthsAgo(9), monthsAgo(10)];
    // Row 1 (first batch) and row 9 (third batch): the same person, type and month.
    const bad = await run([...months.flatMap((m) => staff.map((p) => row(p, '6000', { feeMonth: m }))).slice(0, 8), row(staff[0], '6000', { feeMonth: months[0], type: '失业' })]);
    expect(bad.status).toBe('failed');
    expect(bad.message!.zh).toContain('与第 2 条重复');
    expect(await ledgerTotals(e.id)).toEqual(before);
    const good = await run(months.flatMap((m) => staff.map((p) => row(p, '6000', { feeMonth: m }))));
    expect(good).toMatchObject({ status: 'succeeded', inserted: 27, duplicates: 0 });
    expect(await ledgerTotals(e.id)).toEqual({ entries: before.entries + 27, dueFen: before.dueFen + 9 * 152_400 });
  });

  it('a user of another county cannot declare for this employer', async () => {
    const job = await upload(other, 'contributions', await declarationXlsx([{ ...row(staff[0]), feeMonth: monthsAgo(5) }]));
    expect(job.status).toBe('failed');
    expect(job.message!.zh).toContain('超出您的数据权限范围');
  });

  it('the legal band is configurable per year: a new parameter version moves it, and declarations follow', async () => {
    await t.user('decl-boss', '469021', ['supervisor']);
    const boss = await t.login('decl-boss');
    const year = Number(monthsAgo(6).slice(0, 4));
    expect((await clerk.put(`/api/v1/insurance/parameters/${year}`, { params: { avgMonthlyWageFen: 800_000 } })).statusCode).toBe(403);
    const saved = await boss.put(`/api/v1/insurance/parameters/${year}`, { params: { avgMonthlyWageFen: 800_000 }, note: '公布的全口径平均工资' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: `${year}.v1`, band: { floorFen: 480_000, ceilFen: 2_400_000 } });
    expect((await clerk.get(`/api/v1/insurance/parameters/${year}`)).json().version).toBe(`${year}.v1`);
    const job = await upload(clerk, 'contributions', await declarationXlsx([row(staff[0], '4600', { feeMonth: monthsAgo(6) })]));
    expect(job.status).toBe('failed');
    expect(job.message!.zh).toContain('4800.00–24000.00');
  });
});
