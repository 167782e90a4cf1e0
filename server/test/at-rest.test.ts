// Rule: the database at rest never holds a resident ID or a phone number in plain text.
// The test writes people through the API and the import pipeline, then dumps every row of
// every table as text and searches it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../src/platform/validate';
import { testApp, type TestApp } from './app';

let t: TestApp;
const ids = [makeResidentId('469021', '1975-05-05', 123), makeResidentId('469021', '1988-08-08', 456)];
const phones = ['13912345678', '18687654321'];

beforeAll(async () => {
  t = await testApp();
  await t.user('clerk', '469021', ['supervisor']);
  const a = await t.login('clerk');
  for (let i = 0; i < ids.length; i++) {
    const r = await a.post('/api/v1/registry/persons', { idNumber: ids[i], name: '保密测试', hukouType: 'urban', regionCode: '469021100', phone: phones[i] });
    expect(r.statusCode).toBe(201);
    // reads, searches and unmasking leave audit entries: they must not carry the values either
    await a.get(`/api/v1/registry/persons?idNumber=${ids[i]}`);
    await a.post(`/api/v1/registry/persons/${r.json().id}/unmask`);
    await a.put(`/api/v1/registry/persons/${r.json().id}`, { version: 1, phone: phones[(i + 1) % 2] });
  }
});
afterAll(async () => t.close());

describe(`encryption at rest (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('no table holds a resident ID or phone number in plain text', async () => {
    const tables = await t.database.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    expect(tables.map((x) => x.table_name)).toContain('persons');
    let rowsScanned = 0;
    for (const { table_name } of tables) {
      const rows = await t.database.query<{ r: string }>(`select t::text as r from "${table_name}" t /*scope:system*/`);
      rowsScanned += rows.length;
      for (const { r } of rows) {
        for (const secret of [...ids, ...phones]) expect(r.includes(secret), `${table_name} holds ${secret}`).toBe(false);
      }
    }
    expect(rowsScanned).toBeGreaterThan(300); // regions, roles, persons, audit entries…
  });

  it('the API returns masked values, and the full value only through the audited unmask call', async () => {
    const a = await t.login('clerk');
    const list = (await a.get(`/api/v1/registry/persons?idNumber=${ids[0]}`)).json();
    expect(list.items[0].idNumberMasked).toBe(`${ids[0].slice(0, 3)}***********${ids[0].slice(-4)}`);
    expect(JSON.stringify(list)).not.toContain(ids[0]);
    const un = (await a.post(`/api/v1/registry/persons/${list.items[0].id}/unmask`)).json();
    expect(un.idNumber).toBe(ids[0]);
    const audits = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'registry.person.unmask' and actor_name = 'clerk'`);
    expect(Number(audits[0].n)).toBe(3);
  });
});
