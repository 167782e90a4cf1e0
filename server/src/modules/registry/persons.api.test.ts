// Rules of the persons list (GET /registry/persons), the house's busiest read:
// - a county caseworker sees only the county's people, masked;
// - the page's rows are read afresh on every request; the total beside them may be reused for
//   at most COUNT_CACHE_MS (the page says when it was counted, `countedAt`), never across scopes
//   or filters, and a person registered through the server shows in the total at once;
// - every list request writes one audit entry, committed before the answer;
// - an export holds the caller's own people, masked, and its audit entry says what was asked —
//   without a resident ID typed into the filter.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { COUNT_CACHE_MS } from '../../platform/http/util';
import { verifyAuditChain } from '../../platform/audit';
import { makeResidentId } from '../../platform/validate';
import ExcelJS from '../../platform/imports/exceljs';

let t: TestApp;
let dingan: Agent;
let tunchang: Agent;
let seq = 0;
type Page = { items: { id: number; name: string; idNumberMasked: string; regionCode: string; phoneMasked: string | null }[]; total: number; totalCapped?: boolean; countedAt?: string };

async function register(a: Agent, region: string, name: string) {
  seq += 1;
  const res = await a.post('/api/v1/registry/persons', { idNumber: makeResidentId(region.slice(0, 6), '1985-05-05', seq), name, hukouType: 'rural', regionCode: region, phone: '13912345678' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number };
}

async function list(a: Agent, query = ''): Promise<Page> {
  const res = await a.get(`/api/v1/registry/persons?page=1&pageSize=20${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

beforeAll(async () => {
  t = await testApp();
  await t.user('list_dingan', '469021', ['caseworker']);
  await t.user('list_tunchang', '469022', ['caseworker']);
  dingan = await t.login('list_dingan');
  tunchang = await t.login('list_tunchang');
  for (let i = 0; i < 3; i++) await register(dingan, i % 2 ? '469021100' : '469021101', `定安人${'甲乙丙'[i]}`);
  for (let i = 0; i < 5; i++) await register(tunchang, '469022100', `屯昌人${'甲乙丙丁戊'[i]}`);
});
afterAll(async () => t.close());

describe(`persons list (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('shows a county its own people only, newest first and masked, with its own total', async () => {
    const a = await list(dingan);
    const b = await list(tunchang); // asked right after: must not be 定安's count
    expect(a.items.map((p) => p.name)).toEqual(['定安人丙', '定安人乙', '定安人甲']);
    expect(a.items.every((p) => p.regionCode.startsWith('469021'))).toBe(true);
    expect(a.total).toBe(3);
    expect(b.items).toHaveLength(5);
    expect(b.items.every((p) => p.regionCode.startsWith('469022'))).toBe(true);
    expect(b.total).toBe(5);
    for (const p of [...a.items, ...b.items]) {
      expect(p.idNumberMasked).toMatch(/\*{4,}/);
      expect(p.phoneMasked).toBe('139****5678');
    }
    // A filter is another question: its own total, though the scope is the same.
    const township = await list(dingan, '&regionCode=469021100');
    expect(township.items.map((p) => p.name)).toEqual(['定安人乙']);
    expect(township.total).toBe(1);
    expect((await list(dingan)).total).toBe(3);
  });

  it('a person registered through the server is in the rows and the total at once', async () => {
    await list(dingan);
    await register(dingan, '469021100', '定安新人');
    const after = await list(dingan);
    expect(after.items[0].name).toBe('定安新人');
    expect(after.total).toBe(4);
  });

  it('a person added elsewhere (SQL, another process) is in the rows at once and in the total within COUNT_CACHE_MS', async () => {
    const before = await list(tunchang);
    const [{ id_cipher, id_hash, id_masked }] = await t.database.query<{ id_cipher: string; id_hash: string; id_masked: string }>(
      `select id_cipher, id_hash || 'x' as id_hash, id_masked from persons where region_code = '469022100' /*scope:system*/ limit 1`,
    );
    await t.database.query(
      `insert into persons (id_cipher, id_hash, id_masked, name, gender, birth_date, hukou_type, region_code) values ($1, $2, $3, '屯昌外来', 'M', '1990-01-01', 'urban', '469022100')`,
      [id_cipher, id_hash, id_masked],
    );
    const soon = await list(tunchang);
    expect(soon.items[0].name).toBe('屯昌外来');
    expect([before.total, before.total + 1]).toContain(soon.total);
    expect(Date.now() - Date.parse(soon.countedAt!)).toBeLessThan(COUNT_CACHE_MS);
    // COUNT_CACHE_MS later (the clock moved, not slept): counted again.
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + COUNT_CACHE_MS);
    try {
      const later = await list(tunchang);
      expect(later.total).toBe(before.total + 1);
      expect(Date.parse(later.countedAt!)).toBeGreaterThanOrEqual(now + COUNT_CACHE_MS);
    } finally {
      clock.mockRestore();
    }
  });

  it('every list request, concurrent ones too, writes one audit entry before it answers', async () => {
    const count = async () => (await t.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'registry.person.list'`))[0].n;
    const before = await count();
    const pages = await Promise.all(Array.from({ length: 12 }, (_, i) => list(i % 2 ? dingan : tunchang)));
    // Each answer came after its entry was committed: all 12 are there the moment the last answer is.
    expect(await count()).toBe(before + 12);
    expect(pages).toHaveLength(12);
    const [last] = await t.database.query<{ actor_name: string; detail: { returned: number; total: number } }>(
      `select actor_name, detail from audit_log where action = 'registry.person.list' order by seq desc limit 1`,
    );
    expect(['list_dingan', 'list_tunchang']).toContain(last.actor_name);
    expect(last.detail.returned).toBeGreaterThan(0);
    expect((await verifyAuditChain(t.platform.db)).ok).toBe(true);
  });

  it('exports the county’s own people, masked; the audit says which filter, not the ID typed', async () => {
    const sheet = async (query: string) => {
      const res = await dingan.get(`/api/v1/registry/persons/export?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as never);
      const ws = book.worksheets[0];
      return Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).values as unknown[]).map((v) => ({ name: v[1] as string, id: v[2] as string, region: v[6] as string }));
    };
    const shown = await list(dingan);
    const all = await sheet('regionCode=469021');
    expect(all.map((r) => r.name).sort()).toEqual(shown.items.map((p) => p.name).sort());
    expect(all.every((r) => r.region.startsWith('469021') && /\*{4,}/.test(r.id))).toBe(true);
    // Another county's code asked by the 定安 caseworker: refused, nothing of 屯昌 leaves.
    const other = await dingan.get('/api/v1/registry/persons/export?regionCode=469022');
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'OUT_OF_SCOPE', message: { zh: '地区 469022 超出您的数据权限范围' } });
    const id = makeResidentId('469021', '1985-05-05', 1); // 定安人甲
    expect((await sheet(`idNumber=${id}`)).map((r) => r.name)).toEqual(['定安人甲']);
    const audited = await t.database.query<{ detail: { query: Record<string, string>; rows: number } }>(`select detail from audit_log where action = 'registry.person.export' order by seq`);
    expect(audited.map((a) => a.detail)).toEqual([
      { query: { regionCode: '469021' }, rows: all.length },
      { query: { idNumber: '***' }, rows: 1 },
    ]);
    expect(JSON.stringify(audited)).not.toContain(id.slice(6, 14));
  });
});
