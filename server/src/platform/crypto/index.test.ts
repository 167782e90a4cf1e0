import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldCrypto, loadKeyRing, maskMobile, maskName, maskResidentId, newKeyRing, rotateKeyRing, sm3 } from './index';
import { hmacSm3, sm4CbcEncrypt, sm4RoundKeys, utf8 } from './sm';

describe('field crypto', () => {
  it('SM4 round-trips and never produces the same ciphertext twice (random IV)', () => {
    const c = fieldCrypto(newKeyRing());
    const a = c.encrypt('11010519491231002X');
    const b = c.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(c.decrypt(a)).toBe('11010519491231002X');
  });
  it('the blind index is deterministic per key and differs between keys', () => {
    const r1 = newKeyRing();
    const c1 = fieldCrypto(r1);
    expect(c1.blindIndex('13800138000')).toBe(c1.blindIndex('13800138000'));
    expect(fieldCrypto(newKeyRing()).blindIndex('13800138000')).not.toBe(c1.blindIndex('13800138000'));
  });
  it('after rotation old ciphertexts still decrypt, new ones use the new key, the blind index is unchanged', () => {
    const r1 = newKeyRing();
    const old = fieldCrypto(r1).encrypt('hello');
    const r2 = rotateKeyRing(r1);
    const c2 = fieldCrypto(r2);
    expect(c2.decrypt(old)).toBe('hello');
    expect(c2.needsReencrypt(old)).toBe(true);
    expect(c2.needsReencrypt(c2.encrypt('hello'))).toBe(false);
    expect(c2.blindIndex('x')).toBe(fieldCrypto(r1).blindIndex('x'));
  });
  it('the generated key file is readable by its owner only (0600) and reloads to the same keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renshe-key-'));
    const file = join(dir, 'keys.json');
    const r = loadKeyRing({ keyFile: file, env: {} });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadKeyRing({ keyFile: file, env: {} });
    expect(fieldCrypto(again).decrypt(fieldCrypto(r).encrypt('x'))).toBe('x');
  });
  it('SM3 of "abc" matches the GB/T 32905 test vector', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('SM4 and HMAC-SM3 in TypeScript (./sm) give the same bytes as OpenSSL', () => {
  it('SM4 encrypts the GB/T 32907 example block to its published ciphertext', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    // CBC with a zero IV: the first block is the plain ECB block of the standard's example.
    const out = sm4CbcEncrypt(sm4RoundKeys(key), Buffer.alloc(16), key);
    expect(out.subarray(16, 32).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
  it('SM4-CBC with PKCS#7 padding equals node:crypto sm4-cbc for random keys, IVs and lengths 0–80', () => {
    for (let n = 0; n <= 80; n++) {
      const key = randomBytes(16);
      const iv = randomBytes(16);
      const plain = randomBytes(n);
      const c = createCipheriv('sm4-cbc', key, iv);
      expect(sm4CbcEncrypt(sm4RoundKeys(key), iv, plain).toString('hex')).toBe(Buffer.concat([iv, c.update(plain), c.final()]).toString('hex'));
    }
  });
  it('HMAC-SM3 equals node:crypto for keys of 32 and 100 bytes and messages of 0–200 bytes (one- and two-block padding)', () => {
    for (const keyBytes of [32, 100]) {
      const key = randomBytes(keyBytes);
      const mac = hmacSm3(key);
      for (let n = 0; n <= 200; n += 1) {
        const m = randomBytes(n);
        expect(mac(m)).toBe(createHmac('sm3', key).update(m).digest('hex'));
      }
    }
  });
  it('non-ASCII text is encrypted and indexed as its UTF-8 bytes', () => {
    expect(utf8('海南省 №1').toString('hex')).toBe(Buffer.from('海南省 №1', 'utf8').toString('hex'));
    const ring = newKeyRing();
    const c = fieldCrypto(ring);
    expect(c.decrypt(c.encrypt('海南省 №1'))).toBe('海南省 №1');
    expect(c.blindIndex('海南省')).toBe(createHmac('sm3', ring.indexKey).update('海南省', 'utf8').digest('hex'));
  });
});

describe('masking', () => {
  it('masks names to the first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
  });
  it('masks resident IDs: staff first 3 + last 4, public first 6 + last 4', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110***********002X');
    expect(maskResidentId('11010519491231002X', 'public')).toBe('110105********002X');
  });
  it('masks mobiles to first 3 and last 4', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
  });
});
