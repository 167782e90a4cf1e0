// Re-encryption after a key rotation (`renshe keys rotate` / `renshe keys reencrypt`): every
// encrypted column the modules declare (ModuleDef.encryptedColumns), in batches by primary
// key, each batch one UPDATE (atomic on its own). Only rows still holding a value under a
// retired key are read, so a run that stops part-way is resumed by running it again, and a
// second run changes nothing. Memory stays flat whatever the table's size.
import type { Database } from '../db';
import type { FieldCrypto } from './index';

/** A table's encrypted text columns ("keyId:base64" values) and its integer primary key. */
export type EncryptedColumns = { table: string; key: string; columns: string[] };

/** The platform's own: users' TOTP secrets. */
export const platformEncryptedColumns: EncryptedColumns[] = [{ table: 'users', key: 'id', columns: ['totp_secret'] }];

const IDENT = /^[a-z_][a-z0-9_]*$/;

export async function reencryptColumns(
  database: Database,
  crypto: FieldCrypto,
  targets: EncryptedColumns[],
  opts: { batch?: number; onBatch?: (table: string, changedSoFar: number) => void } = {},
): Promise<{ table: string; changed: number }[]> {
  const batch = opts.batch ?? 5_000;
  const current = `${crypto.currentKeyId}:%`;
  const out: { table: string; changed: number }[] = [];
  for (const t of targets) {
    if (![t.table, t.key, ...t.columns].every((x) => IDENT.test(x))) throw new Error(`reencrypt: bad identifier in ${t.table}`);
    const stale = t.columns.map((c) => `(${c} is not null and ${c} not like $1)`).join(' or ');
    const cols = t.columns.join(', ');
    const sets = t.columns.map((c) => `${c} = v.${c}`).join(', ');
    const arrays = t.columns.map((c, i) => `unnest($${i + 2}::text[]) as ${c}`).join(', ');
    let after = -Infinity;
    let changed = 0;
    for (;;) {
      const rows = await database.query<Record<string, string | number | null>>(
        `select ${t.key} as k, ${cols} from ${t.table} where (${stale}) and ${t.key} > $2::bigint order by ${t.key} limit ${batch} /*scope:system*/`,
        [current, Number.isFinite(after) ? after : Number.MIN_SAFE_INTEGER],
      );
      if (rows.length === 0) break;
      const ids = rows.map((r) => Number(r.k));
      const values = t.columns.map((c) =>
        rows.map((r) => {
          const v = r[c];
          return typeof v === 'string' && crypto.needsReencrypt(v) ? crypto.encrypt(crypto.decrypt(v)) : v;
        }),
      );
      await database.query(
        `update ${t.table} as t set ${sets} from (select unnest($1::bigint[]) as k, ${arrays}) as v where t.${t.key} = v.k /*scope:system*/`,
        [ids, ...values],
      );
      changed += rows.length;
      after = ids[ids.length - 1];
      opts.onBatch?.(t.table, changed);
    }
    out.push({ table: t.table, changed });
  }
  return out;
}
