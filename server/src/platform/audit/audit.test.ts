// Rule: the audit log is append-only, and `verify` names every edited or deleted entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db';
import { openDatabase, type Database, type Db } from '../db';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sm3 } from '../crypto';
import { appendAudit, auditQuery, canonicalAudit, fileAnchorSink, readAnchorFile, setAnchorSink, verifyAnchors, verifyAuditChain } from './index';

let d: Database;
beforeAll(async () => {
  d = await testDatabase();
  for (let i = 1; i <= 20; i++) {
    await appendAudit(d.db, { actorId: 1, actorName: 'tester', action: 'registry.person.read', targetType: 'person', targetId: i, outcome: 'success', ip: '10.0.0.1', requestId: `r${i}`, detail: { n: i, z: 'a', a: ['x'] } });
  }
});
afterAll(async () => d.close());

/** Superuser bypass of triggers, as an attacker with database access would do. */
async function asAttacker(sqlText: string, params: unknown[] = []) {
  await d.rawTransaction(async (tx) => {
    await tx.query('set local session_replication_role = replica');
    await tx.query(sqlText, params);
  });
}

describe(`audit chain (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('an intact chain verifies, with gap-free sequence numbers', async () => {
    const r = await verifyAuditChain(d.db, 7);
    expect(r).toMatchObject({ ok: true, checked: 20, lastSeq: 20, problems: [] });
  });

  it('UPDATE, DELETE and TRUNCATE through the normal path are refused by the database', async () => {
    await expect(d.query(`update audit_log set actor_name = 'x' where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(d.query(`delete from audit_log where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(d.query(`truncate audit_log`)).rejects.toThrow(/append-only/);
  });

  it('an edited entry and a deleted entry are each reported with their sequence number', async () => {
    await asAttacker(`update audit_log set detail = '{"n": 999}' where seq = 5`);
    await asAttacker(`delete from audit_log where seq = 12`);
    const r = await verifyAuditChain(d.db, 7);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.seq, p.kind])).toEqual([
      [5, 'edited'],
      [12, 'deleted'],
    ]);
    expect(r.problems[1].message.zh).toBe('第 12 条审计记录已被删除');
  });

  it('appending continues the chain after the last entry', async () => {
    const seq = await appendAudit(d.db, { actorId: null, actorName: 'system', action: 'x', outcome: 'success' });
    expect(seq).toBe(21);
  });

  it('removing the newest entries (no gap left) is reported through the anchor', async () => {
    await appendAudit(d.db, { actorId: null, actorName: 'system', action: 'y', outcome: 'success' });
    await asAttacker(`delete from audit_log where seq >= 21`);
    const r = await verifyAuditChain(d.db);
    expect(r.problems.map((p) => [p.seq, p.kind])).toContainEqual([21, 'deleted']);
    expect(r.problems.find((p) => p.seq === 21)?.message.zh).toBe('第 21–22 条（最新）审计记录已被删除');
  });
});

describe('group commit', () => {
  it('many concurrent appends keep a gap-free, verifiable chain', async () => {
    const d2 = await testDatabase();
    try {
      const seqs = await Promise.all(Array.from({ length: 300 }, (_, i) => appendAudit(d2.db, { actorId: i, actorName: `u${i}`, action: 'x', outcome: 'success', detail: { i } })));
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
      expect((await verifyAuditChain(d2.db)).ok).toBe(true);
    } finally {
      await d2.close();
    }
  });
});

describe('two writers on one database (two server processes, or the server and the CLI)', () => {
  // Each process chains a batch after the head it last wrote in one statement, only if the
  // anchor still names that head; when the other process wrote since, it reads the head under
  // the lock and chains after it. Rule: whatever the interleaving, one gap-free, verifiable chain.
  it('interleaved and concurrent appends from both keep one gap-free chain, each entry once', async () => {
    const d4 = await testDatabase();
    const other = d4.url ? await openDatabase({ url: d4.url, poolSize: 2 }) : await openDatabase({ pglite: d4.pglite });
    try {
      const a = (db: Db, i: number) => appendAudit(db, { actorId: i, actorName: `w${i}`, action: 'x', outcome: 'success', detail: { i } });
      const seqs: number[] = [];
      for (let i = 0; i < 6; i++) seqs.push(await a(i % 2 ? other.db : d4.db, i)); // strictly alternating
      seqs.push(...(await Promise.all(Array.from({ length: 60 }, (_, i) => a(i % 3 ? d4.db : other.db, 100 + i))))); // both at once
      for (let i = 0; i < 4; i++) seqs.push(await a(d4.db, 200 + i)); // one again, after the other wrote
      expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
      const stored = await d4.query<{ actor_id: number }>(`select actor_id from audit_log order by seq`);
      expect(stored.map((r) => r.actor_id).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, ...Array.from({ length: 60 }, (_, i) => 100 + i), 200, 201, 202, 203]);
      expect(await verifyAuditChain(d4.db)).toMatchObject({ ok: true, checked: 70, lastSeq: 70 });
    } finally {
      if (d4.url) await other.close();
      await d4.close();
    }
  });
});

describe('external anchor copies', () => {
  it('a chain rewritten in full (hashes and anchor recomputed) verifies in itself but not against the external copies', async () => {
    const d3 = await testDatabase();
    const file = join(mkdtempSync(join(tmpdir(), 'renshe-anchor-')), 'audit-anchors.log');
    try {
      setAnchorSink(d3.db, fileAnchorSink(file));
      for (let i = 1; i <= 6; i++) await appendAudit(d3.db, { actorId: 1, actorName: 'clerk', action: 'registry.person.read', targetId: i, outcome: 'success' });
      const anchors = readAnchorFile(file);
      expect(anchors.map((a) => a.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await verifyAnchors(d3.db, anchors)).toEqual([]);

      // The attacker changes entry 3 and recomputes every hash after it, and the anchor row.
      const rows = await d3.query<Record<string, unknown>>(`select * from audit_log order by seq`);
      let prev = '0'.repeat(64);
      await d3.rawTransaction(async (tx) => {
        await tx.query('set local session_replication_role = replica');
        for (const r of rows) {
          const e = { seq: Number(r.seq), at: new Date(r.at as string), actorId: r.actor_id as number | null, actorName: r.seq === 3 || r.seq === '3' ? 'someone-else' : (r.actor_name as string), action: r.action as string, targetType: r.target_type as string | null, targetId: r.target_id as string | null, regionCode: r.region_code as string | null, outcome: r.outcome as 'success', ip: r.ip as string | null, requestId: r.request_id as string | null, detail: r.detail as Record<string, unknown> | null, prevHash: prev };
          const hash = sm3(canonicalAudit(e));
          await tx.query(`update audit_log set actor_name = $1, prev_hash = $2, hash = $3 where seq = $4`, [e.actorName, prev, hash, e.seq]);
          prev = hash;
        }
        await tx.query(`update audit_anchor set hash = $1 where id = 1`, [prev]);
      });
      expect((await verifyAuditChain(d3.db)).ok).toBe(true);
      const problems = await verifyAnchors(d3.db, readAnchorFile(file));
      expect(problems.map((p) => [p.seq, p.kind])).toEqual([
        [3, 'edited'],
        [4, 'edited'],
        [5, 'edited'],
        [6, 'edited'],
      ]);
      expect(problems[0].message.zh).toBe('第 3 条审计记录与外部锚点不符（审计链被重写）');
    } finally {
      setAnchorSink(d3.db, null);
      await d3.close();
    }
  });
});

describe('auditQuery', () => {
  it('keeps what was asked, writes a search holding six digits in a row as ***, and leaves out empty fields', () => {
    expect(auditQuery({ q: '张三', regionCode: '469021100', kind: undefined, page: 2 })).toEqual({ q: '张三', regionCode: '469021100', page: 2 });
    expect(auditQuery({ q: '460105199001011234', idNumber: '469021', phone: '139123456', status: '' })).toEqual({ q: '***', idNumber: '***', phone: '***' });
    expect(auditQuery({ q: '13912' })).toEqual({ q: '13912' }); // five digits identify no one
  });
});
