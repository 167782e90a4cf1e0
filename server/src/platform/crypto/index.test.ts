import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldCrypto, loadKeyRing, maskMobile, maskName, maskResidentId, newKeyRing, rotateKeyRing, sm3 } from './index';

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
