// The client checks must agree with the server's (server/src/platform/validate): a value the
// server accepts must never be refused here, and the reasons must say what is wrong.
import { describe, expect, it } from 'vitest';
import { checkPassword, checkPhone, checkResidentId, checkUscc, residentIdCheckChar, usccCheckChar } from './validate';

describe('resident ID (GB 11643)', () => {
  it('accepts the standard sample 11010519491231002X and derives birth date and gender', () => {
    const result = checkResidentId('11010519491231002x');
    expect(result).toEqual({ ok: true, birthDate: '1949-12-31', gender: 'F' });
  });

  it('names the expected check digit when the last character is wrong', () => {
    const result = checkResidentId('110105194912310021');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.zh).toContain('应为 X');
  });

  it('refuses 29 February in a non-leap year and birth dates in the future', () => {
    const feb29 = '46010020230229001';
    expect(checkResidentId(feb29 + residentIdCheckChar(feb29)).ok).toBe(false);
    const leap = '46010020240229001';
    expect(checkResidentId(leap + residentIdCheckChar(leap), new Date(2025, 0, 1)).ok).toBe(true);
    const future = '46010020300101001';
    expect(checkResidentId(future + residentIdCheckChar(future), new Date(2025, 0, 1)).ok).toBe(false);
  });

  it('reports the length of a short number', () => {
    const result = checkResidentId('4601001990');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.en).toContain('has 10');
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts a code whose check character matches, without a warning', () => {
    const first17 = '91460100MA5T00000';
    const result = checkUscc(first17 + usccCheckChar(first17));
    expect(result).toEqual({ ok: true });
  });

  it('accepts a failing check character with a warning, as the server does', () => {
    const first17 = '91460100MA5T00000';
    const wrong = usccCheckChar(first17) === '0' ? '1' : '0';
    const result = checkUscc(first17 + wrong);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warning?.zh).toContain('校验位不符');
  });

  it('refuses the letters I, O, Z, S and V', () => {
    const result = checkUscc('91460100MA5T0000O0');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.zh).toContain('“O”');
  });
});

describe('mobile number', () => {
  it('accepts 11 digits starting 13–19, with +86 or spaces as the server does', () => {
    expect(checkPhone('13812345678').ok).toBe(true);
    expect(checkPhone('+86 138 1234 5678').ok).toBe(true);
    expect(checkPhone('12812345678').ok).toBe(false);
    expect(checkPhone('1381234567').ok).toBe(false);
  });
});

describe('password rule: 8+ characters from 3 of 4 classes', () => {
  it('refuses short passwords and passwords with only two classes', () => {
    expect(checkPassword('Ab1!').ok).toBe(false);
    expect(checkPassword('abcdefgh12').ok).toBe(false);
  });

  it('accepts 8 characters from three classes', () => {
    expect(checkPassword('abcdef1!').ok).toBe(true);
    expect(checkPassword('Abcdefg1').ok).toBe(true);
  });
});
