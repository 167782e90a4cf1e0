import { describe, expect, it } from 'vitest';
import { generateInitialPassword, hashPassword, passwordMeetsPolicy, verifyPassword } from './password';
import { base32Encode, totpAt, verifyTotp } from './totp';

describe('passwords', () => {
  it('policy: 8+ characters from at least 3 classes', () => {
    expect(passwordMeetsPolicy('Abcdefg1')).toBe(true);
    expect(passwordMeetsPolicy('abcdefg1!')).toBe(true);
    expect(passwordMeetsPolicy('abcdefgh1')).toBe(false); // two classes
    expect(passwordMeetsPolicy('Ab1!')).toBe(false); // too short
  });
  it('scrypt hashes verify the right password and refuse a wrong one; salts differ', async () => {
    const h1 = await hashPassword('Secret#2026');
    const h2 = await hashPassword('Secret#2026');
    expect(h1).not.toBe(h2);
    expect(h1.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('Secret#2026', h1)).toBe(true);
    expect(await verifyPassword('Secret#2027', h1)).toBe(false);
  });
  it('generated initial passwords always meet the policy', () => {
    for (let i = 0; i < 200; i++) expect(passwordMeetsPolicy(generateInitialPassword())).toBe(true);
  });
});

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA1 secret "12345678901234567890": T=59 → 94287082 (8 digits; 6 → 287082)
  const secret = base32Encode(Buffer.from('12345678901234567890'));
  it('matches the RFC 6238 test vectors (last 6 digits)', () => {
    expect(totpAt(secret, Math.floor(59 / 30))).toBe('287082');
    expect(totpAt(secret, Math.floor(1111111109 / 30))).toBe('081804');
    expect(totpAt(secret, Math.floor(2000000000 / 30))).toBe('279037');
  });
  it('accepts one step of drift and refuses two', () => {
    const t = 1111111109_000;
    expect(verifyTotp(secret, totpAt(secret, Math.floor(t / 30000) - 1), t)).not.toBeNull();
    expect(verifyTotp(secret, totpAt(secret, Math.floor(t / 30000) - 2), t)).toBeNull();
  });
});
