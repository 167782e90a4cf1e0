// Test fixtures for the insurance module: people and employers through the registry API,
// employer registration, staff, and declaration workbooks through the import pipeline.
import ExcelJS from '../../platform/imports/exceljs';
import { expect } from 'vitest';
import type { Agent } from '../../../test/app';
import { makeResidentId, makeUscc } from '../../platform/validate';

let seq = 300;

export type TestPerson = { id: number; idNumber: string; name: string };

export async function person(a: Agent, name: string, o: { region?: string; birthDate?: string; female?: boolean } = {}): Promise<TestPerson> {
  const region = o.region ?? '469021100';
  seq += 2;
  const idNumber = makeResidentId(region.slice(0, 6), o.birthDate ?? '1985-05-05', o.female ? seq : seq + 1);
  const res = await a.post('/api/v1/registry/persons', { idNumber, name, hukouType: 'urban', regionCode: region });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, idNumber, name };
}

let useq = 500;
export type TestEmployer = { id: number; uscc: string; name: string };

export async function employer(a: Agent, name: string, region = '469021100'): Promise<TestEmployer> {
  useq++;
  const uscc = makeUscc(`91${region.slice(0, 6)}MA5T${String(useq).padStart(5, '0')}`);
  const res = await a.post('/api/v1/registry/employers', { uscc, name, industry: 'C', ownership: 'private', size: 'small', regionCode: region });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, uscc, name };
}

export async function insuredEmployer(a: Agent, name: string, region = '469021100', types = ['enterprise_pension', 'unemployment', 'work_injury']): Promise<TestEmployer> {
  const e = await employer(a, name, region);
  const r = await a.post(`/api/v1/insurance/employers/${e.id}/registration`, { types, registeredOn: '2020-01-01', workInjuryClass: 2 });
  expect(r.statusCode, r.body).toBe(201);
  return e;
}

export async function hire(a: Agent, employerId: number, personId: number, startDate = '2024-01-01'): Promise<number[]> {
  const r = await a.post(`/api/v1/insurance/employers/${employerId}/staff`, { personId, startDate });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().map((e: { id: number }) => e.id);
}

export type DeclRow = { uscc: string; feeMonth: string; idNumber: string; name: string; type?: string; base: string | number };

export async function declarationXlsx(rows: DeclRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申报');
  ws.addRow(['统一社会信用代码*', '费款所属期*', '身份证号*', '姓名*', '险种', '缴费基数（元）*']);
  for (const r of rows) ws.addRow([r.uscc, r.feeMonth, r.idNumber, r.name, r.type ?? '', String(r.base)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, filename: string, mode: string) {
  const boundary = '----renshe' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\n${mode}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export type Job = { id: string; status: string; inserted: number; duplicates: number; errorCount: number; message: { zh: string; en: string } | null };

export async function upload(a: Agent, kind: string, file: Buffer, filename = 'file.xlsx', mode: 'all' | 'good-rows' = 'all'): Promise<Job> {
  const m = multipart(file, filename, mode);
  const res = await a.raw({ method: 'POST', url: `/api/v1/imports/${kind}`, payload: m.payload, headers: m.headers });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as string;
  for (let i = 0; i < 1200; i++) {
    const j = (await a.get(`/api/v1/imports/jobs/${id}`)).json();
    if (j.status === 'succeeded' || j.status === 'failed') return j;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

/** The previous calendar month as YYYY-MM (declarations may not be for future months). */
export function monthsAgo(n: number): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
}

/** A status-period workbook (在校学生 / 外省参保): rows of [身份证号, 姓名, 类型, 开始日期, 结束日期, 学校或参保地, 报告日期, 数据来源, 来源编号]. */
export async function periodsXlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('期间');
  ws.addRow(['身份证号*', '姓名*', '类型*', '开始日期*', '结束日期', '学校或参保地', '报告日期', '数据来源*', '来源编号*']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
