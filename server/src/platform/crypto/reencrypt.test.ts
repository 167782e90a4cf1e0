// After a key rotation every ciphertext moves to the new key, reads back the same, the blind
// indexes stay as they are, and a second run (or a resumed one) changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db';
import type { Database } from '../db';
import { createUser, ensureOrg } from '../seed';
import { fieldCrypto, newKeyRing, rotateKeyRing } from './index';
import { platformEncryptedColumns, reencryptColumns } from './reencrypt';

const targets = [...platformEncryptedColumns, { table: 'persons', key: 'id', columns: ['id_cipher', 'phone_cipher'] }];
let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe('re-encryption after a key rotation', () => {
  it('moves every value to the current key in batches, keeps the plaintexts, and is idempotent', async () => {
    const oldRing = newKeyRing();
    const oldCrypto = fieldCrypto(oldRing);
    const ring = rotateKeyRing(oldRing);
    const crypto = fieldCrypto(ring);
    // 12 persons under the old key (every third without a phone), one already under the new key.
    const plain = Array.from({ length: 13 }, (_, i) => ({ id: `46000019900101${String(1000 + i)}`, phone: i % 3 === 0 ? null : `1380013${String(8000 + i)}` }));
    for (const [i, p] of plain.entries()) {
      const c = i === 12 ? crypto : oldCrypto;
      await database.query(
        `insert into persons (id_cipher, id_hash, id_masked, name, gender, birth_date, hukou_type, region_code, phone_cipher) values ($1, $2, '460***', '测试', 'M', '1990-01-01', 'urban', '469021', $3) /*scope:system*/`,
        [c.encrypt(p.id), oldCrypto.blindIndex(p.id), p.phone === null ? null : c.encrypt(p.phone)],
      );
    }
    const orgId = await ensureOrg(database.db, '测试机构', '469021');
    const userId = await createUser(database.db, { username: 'rotate_u', displayName: 'u', orgId, roleKeys: [], password: 'Test#Pass2026', mustChangePassword: false });
    await database.query(`update users set totp_secret = $1 where id = $2`, [oldCrypto.encrypt('JBSWY3DPEHPK3PXP'), userId]);
    const untouched = (await database.query<{ id_cipher: string }>(`select id_cipher from persons order by id desc limit 1 /*scope:system*/`))[0].id_cipher;

    const batches: number[] = [];
    const done = await reencryptColumns(database, crypto, targets, { batch: 5, onBatch: (table, n) => table === 'persons' && batches.push(n) });
    expect(done).toEqual([
      { table: 'users', changed: 1 },
      { table: 'persons', changed: 12 },
    ]);
    expect(batches).toEqual([5, 10, 12]);

    const rows = await database.query<{ id_cipher: string; id_hash: string; phone_cipher: string | null }>(`select id_cipher, id_hash, phone_cipher from persons order by id /*scope:system*/`);
    expect(rows.map((r) => crypto.decrypt(r.id_cipher))).toEqual(plain.map((p) => p.id));
    expect(rows.map((r) => (r.phone_cipher === null ? null : crypto.decrypt(r.phone_cipher)))).toEqual(plain.map((p) => p.phone));
    expect(rows.every((r) => r.id_cipher.startsWith(`${ring.currentKeyId}:`) && (r.phone_cipher === null || r.phone_cipher.startsWith(`${ring.currentKeyId}:`)))).toBe(true);
    expect(rows.map((r) => r.id_hash)).toEqual(plain.map((p) => oldCrypto.blindIndex(p.id)));
    expect(rows[12].id_cipher).toBe(untouched);
    const [u] = await database.query<{ totp_secret: string }>(`select totp_secret from users where id = $1`, [userId]);
    expect(crypto.decrypt(u.totp_secret)).toBe('JBSWY3DPEHPK3PXP');

    expect(await reencryptColumns(database, crypto, targets, { batch: 5 })).toEqual([
      { table: 'users', changed: 0 },
      { table: 'persons', changed: 0 },
    ]);
  });
});
