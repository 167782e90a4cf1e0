// Audit log: append-only and SM3 hash-chained. Each entry's hash covers its content and the
// previous entry's hash; sequence numbers have no gaps (taken under a transaction-level
// advisory lock), so `verifyAuditChain` can say which entry was edited or deleted.
import { appendFileSync, readFileSync } from 'node:fs';
import { asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { sm3 } from '../crypto';
import { rows as rows_, type Db } from '../db';
import { auditAnchor, auditLog } from '../schema';

export type AuditEntry = {
  actorId: number | null;
  actorName: string;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  regionCode?: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip?: string | null;
  requestId?: string | null;
  detail?: Record<string, unknown> | null;
};

/** Query fields that carry a free search term (a name, or a resident ID or phone number, whole or in part). */
const SEARCH_FIELDS = new Set(['q', 'idNumber', 'phone']);

/**
 * A list's or an export's filters as they go into the audit log: what was asked, so that an
 * auditor can tell what a caller read or took away, without writing the personal data a search
 * may carry in clear — a search term with six digits in a row (a resident ID or a phone number,
 * or part of one) is kept as ***; empty fields are left out. Region codes and other filters stay.
 */
export function auditQuery(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = SEARCH_FIELDS.has(k) && typeof v === 'string' && /\d{6}/.test(v) ? '***' : v;
  }
  return out;
}

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 0x52454e53; // 'RENS'

type Stored = typeof auditLog.$inferSelect;

/** Canonical text of an entry for hashing: fixed field order, ISO time, sorted detail keys. */
export function canonicalAudit(e: Omit<Stored, 'hash'>): string {
  return JSON.stringify([
    e.seq,
    e.at.toISOString(),
    e.actorId,
    e.actorName,
    e.action,
    e.targetType,
    e.targetId,
    e.regionCode,
    e.outcome,
    e.ip,
    e.requestId,
    sortKeys(e.detail ?? null),
    e.prevHash,
  ]);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/**
 * Where the head of the chain is copied after every commit, outside the database (a file the
 * database account cannot write, the log collector): someone who rewrites both the log and the
 * anchor row is then caught by `verifyAnchors` against that copy.
 */
export type AnchorSink = (head: { seq: number; hash: string; at: Date }) => void;
const sinks = new WeakMap<Db, AnchorSink>();

export function setAnchorSink(db: Db, sink: AnchorSink | null): void {
  if (sink) sinks.set(db, sink);
  else sinks.delete(db);
}

/** A sink that appends `seq hash time` lines to a file (created 0600) and logs the head. */
export function fileAnchorSink(path: string, log?: (head: { seq: number; hash: string }) => void): AnchorSink {
  return (head) => {
    appendFileSync(path, `${head.seq} ${head.hash} ${head.at.toISOString()}\n`, { mode: 0o600 });
    log?.({ seq: head.seq, hash: head.hash });
  };
}

/** Reads an anchor file: one `seq hash [time]` per line; blank and malformed lines are skipped. */
export function readAnchorFile(path: string): { seq: number; hash: string }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => /^(\d+) ([0-9a-f]{64})\b/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ seq: Number(m[1]), hash: m[2] }));
}

/**
 * Checks the chain against copies of its head kept outside the database: every copied
 * (seq, hash) must still be in the log with the same hash. A rewritten chain (entries edited
 * and every later hash recomputed, anchor row included) fails here though it verifies in itself.
 */
export async function verifyAnchors(db: Db, anchors: { seq: number; hash: string }[]): Promise<ChainProblem[]> {
  const problems: ChainProblem[] = [];
  const bySeq = new Map<number, string>();
  for (const a of anchors) bySeq.set(a.seq, a.hash);
  const seqs = [...bySeq.keys()].sort((a, b) => a - b);
  for (let i = 0; i < seqs.length; i += 1000) {
    const chunk = seqs.slice(i, i + 1000);
    const rows = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).where(inArray(auditLog.seq, chunk));
    const found = new Map(rows.map((r) => [r.seq, r.hash]));
    for (const seq of chunk) {
      const h = found.get(seq);
      if (h === undefined) problems.push({ seq, kind: 'deleted', message: { zh: `外部锚点记录的第 ${seq} 条审计记录已不存在`, en: `audit entry ${seq}, copied to the external anchor, is gone` } });
      else if (h !== bySeq.get(seq)) problems.push({ seq, kind: 'edited', message: { zh: `第 ${seq} 条审计记录与外部锚点不符（审计链被重写）`, en: `audit entry ${seq} differs from the external anchor (the chain was rewritten)` } });
    }
  }
  return problems;
}

type Pending = { entry: AuditEntry; at: Date; resolve: (seq: number) => void; reject: (e: unknown) => void };
/** `head`: the chain's newest entry as this process last committed it (null: not known yet). */
type Queue = { pending: Pending[]; flushing: boolean; head: { seq: number; hash: string } | null };
const queues = new WeakMap<Db, Queue>();
const MAX_BATCH = 500;

/**
 * Appends an entry and resolves once it is committed. Entries that arrive while a commit is
 * in flight are written together in the next transaction (group commit): the chain needs
 * one lock and one commit per batch instead of per entry, so audited reads scale with load.
 */
export function appendAudit(db: Db, entry: AuditEntry): Promise<number> {
  let q = queues.get(db);
  if (!q) {
    q = { pending: [], flushing: false, head: null };
    queues.set(db, q);
  }
  const queue = q;
  return new Promise<number>((resolve, reject) => {
    // Millisecond time (Date precision) so the hash recomputes identically after a round trip.
    queue.pending.push({ entry, at: new Date(), resolve, reject });
    if (!queue.flushing) void flush(db, queue);
  });
}

async function flush(db: Db, q: Queue): Promise<void> {
  q.flushing = true;
  try {
    while (q.pending.length) {
      const batch = q.pending.splice(0, MAX_BATCH);
      try {
        const head = (q.head && (await writeBatchAfter(db, q.head, batch))) || (await writeBatch(db, batch));
        q.head = { seq: head.seq, hash: head.hash };
        try {
          sinks.get(db)?.({ ...head, at: batch[batch.length - 1].at });
        } catch {
          // The external copy is a second line of defence; a full disk must not stop the service.
        }
        batch.forEach((p, i) => p.resolve(head.seqs[i]));
      } catch (e) {
        q.head = null;
        for (const p of batch) p.reject(e);
      }
    }
  } finally {
    q.flushing = false;
  }
}

/** The batch's rows chained after `prev`, with their hashes. */
function chain(batch: Pending[], prev: { seq: number; hash: string }): Stored[] {
  let seq = prev.seq;
  let prevHash = prev.hash;
  const rows: Stored[] = [];
  for (const { entry, at } of batch) {
    seq += 1;
    const row: Omit<Stored, 'hash'> = {
      seq,
      at,
      actorId: entry.actorId,
      actorName: entry.actorName,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      regionCode: entry.regionCode ?? null,
      outcome: entry.outcome,
      ip: entry.ip ?? null,
      requestId: entry.requestId ?? null,
      detail: entry.detail ?? null,
      prevHash,
    };
    const hash = sm3(canonicalAudit(row));
    rows.push({ ...row, hash });
    prevHash = hash;
  }
  return rows;
}

type Written = { seqs: number[]; seq: number; hash: string };

/**
 * The batch in one statement (one round trip, one commit), chained after the head this process
 * last wrote — if that is still the head: the anchor row is moved from `prev` to the batch's
 * last entry only where it still names `prev` (a row lock; a writer that moved it meanwhile
 * makes the update match nothing), and the entries are inserted only if it moved. Null when
 * someone else wrote since: the caller then takes the locked path (`writeBatch`).
 */
async function writeBatchAfter(db: Db, prev: { seq: number; hash: string }, batch: Pending[]): Promise<Written | null> {
  const rows = chain(batch, prev);
  const head = rows[rows.length - 1];
  // The entries travel as one JSON parameter (building 14 parameters an entry costs more
  // CPU than the statement); `at` as ISO text, so the stored time is the hashed one.
  const entries = JSON.stringify(rows.map((r) => ({ ...r, at: r.at.toISOString() })));
  const [{ n }] = await rows_<{ n: number }>(
    db,
    sql`with moved as (
      update audit_anchor set seq = ${head.seq}, hash = ${head.hash} where id = 1 and seq = ${prev.seq} and hash = ${prev.hash} returning 1
    ), written as (
      insert into audit_log (seq, at, actor_id, actor_name, action, target_type, target_id, region_code, outcome, ip, request_id, detail, prev_hash, hash)
      select e.seq, e.at, e."actorId", e."actorName", e.action, e."targetType", e."targetId", e."regionCode", e.outcome, e.ip, e."requestId", e.detail, e."prevHash", e.hash
      from jsonb_to_recordset(${entries}::jsonb) as e(seq bigint, at timestamptz, "actorId" integer, "actorName" text, action text, "targetType" text, "targetId" text,
        "regionCode" text, outcome text, ip text, "requestId" text, detail jsonb, "prevHash" text, hash text)
      where exists (select 1 from moved) returning 1
    ) select (select count(*) from written)::integer as n`,
  );
  if (Number(n) === 0) return null;
  if (Number(n) !== rows.length) throw new Error(`audit: wrote ${n} of ${rows.length} entries`);
  return { seqs: rows.map((r) => r.seq), seq: head.seq, hash: head.hash };
}

/** The batch after the log's newest entry, read under the chain's lock (and the anchor row's). */
async function writeBatch(db: Db, batch: Pending[]): Promise<Written> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    // The anchor row is the lock `writeBatchAfter` takes: hold it before reading the head.
    await tx.execute(sql`select 1 from audit_anchor where id = 1 for update`);
    const last = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    const rows = chain(batch, { seq: last[0]?.seq ?? 0, hash: last[0]?.hash ?? GENESIS });
    await tx.insert(auditLog).values(rows);
    const head = rows[rows.length - 1];
    await tx
      .insert(auditAnchor)
      .values({ id: 1, seq: head.seq, hash: head.hash })
      .onConflictDoUpdate({ target: auditAnchor.id, set: { seq: head.seq, hash: head.hash } });
    return { seqs: rows.map((r) => r.seq), seq: head.seq, hash: head.hash };
  });
}

export type ChainProblem = { seq: number; kind: 'edited' | 'deleted' | 'reordered'; message: { zh: string; en: string } };
export type ChainReport = { ok: boolean; checked: number; lastSeq: number; problems: ChainProblem[] };

/** Walks the whole chain in pages; reports every edited entry and every gap (deletion). */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let after = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(pageSize);
    if (page.length === 0) break;
    for (const e of page) {
      checked++;
      if (e.seq !== expectedSeq) {
        const from = expectedSeq;
        const to = e.seq - 1;
        problems.push({
          seq: from,
          kind: 'deleted',
          message: {
            zh: from === to ? `第 ${from} 条审计记录已被删除` : `第 ${from}–${to} 条审计记录已被删除`,
            en: from === to ? `audit entry ${from} was deleted` : `audit entries ${from}–${to} were deleted`,
          },
        });
      } else if (e.prevHash !== prevHash) {
        problems.push({ seq: e.seq, kind: 'reordered', message: { zh: `第 ${e.seq} 条记录的前序哈希不符`, en: `entry ${e.seq} does not follow its predecessor` } });
      }
      const { hash, ...rest } = e;
      if (sm3(canonicalAudit(rest)) !== hash) {
        problems.push({ seq: e.seq, kind: 'edited', message: { zh: `第 ${e.seq} 条审计记录内容被篡改`, en: `audit entry ${e.seq} was edited` } });
      }
      prevHash = hash;
      expectedSeq = e.seq + 1;
    }
    after = page[page.length - 1].seq;
  }
  // Entries removed from the end leave no gap; the anchor still names the newest entry written.
  const [anchor] = await db.select().from(auditAnchor).where(eq(auditAnchor.id, 1));
  if (anchor && anchor.seq > after) {
    const from = after + 1;
    problems.push({
      seq: from,
      kind: 'deleted',
      message: {
        zh: from === anchor.seq ? `第 ${from} 条（最新）审计记录已被删除` : `第 ${from}–${anchor.seq} 条（最新）审计记录已被删除`,
        en: from === anchor.seq ? `the newest audit entry ${from} was deleted` : `the newest audit entries ${from}–${anchor.seq} were deleted`,
      },
    });
  } else if (anchor && anchor.seq === after && anchor.hash !== prevHash) {
    problems.push({ seq: after, kind: 'edited', message: { zh: `第 ${after} 条审计记录与锚点不符`, en: `audit entry ${after} does not match the anchor` } });
  }
  return { ok: problems.length === 0, checked, lastSeq: after, problems };
}
