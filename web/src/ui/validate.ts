// Client-side checks that mirror the server's validators (server/src/platform/validate), so
// that a caseworker learns about a typo before submitting. The server checks again.
import type { Localized } from '../app/i18n';

export type Check<T = undefined> = ({ ok: true } & (T extends undefined ? unknown : T)) | ({ ok: false } & Localized);

function fail(zh: string, en: string): { ok: false } & Localized {
  return { ok: false, zh, en };
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date, 3-digit sequence
// (odd for men, even for women), and an ISO 7064 MOD 11-2 check character.
const residentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const residentIdCheckChars = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * residentIdWeights[i];
  return residentIdCheckChars[sum % 11];
}

export type ResidentIdFacts = { birthDate: string; gender: 'M' | 'F' };

export function checkResidentId(raw: string, today: Date = new Date()): Check<ResidentIdFacts> {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) {
    return fail(`身份证号应为 18 位，当前为 ${id.length} 位`, `A resident ID has 18 characters, this one has ${id.length}`);
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail('身份证号前 17 位须为数字，最后一位为数字或 X', 'The first 17 characters must be digits and the last a digit or X');
  }
  if (id[0] === '0') {
    return fail('身份证号的地址码不正确', 'The address code of the resident ID is invalid');
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (year < 1800 || !isRealDate(year, month, day) || birth.getTime() > todayUtc) {
    return fail(
      `身份证号中的出生日期 ${id.slice(6, 14)} 不是有效日期`,
      `The birth date ${id.slice(6, 14)} in the resident ID is not a real date`,
    );
  }
  const expected = residentIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) {
    return fail(
      `身份证号校验位错误（最后一位应为 ${expected}），请核对号码`,
      `Wrong check digit in the resident ID (the last character should be ${expected}); check the number`,
    );
  }
  return {
    ok: true,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'M' : 'F',
  };
}

// GB 32100-2015 统一社会信用代码: 18 characters from a 31-character set (no I, O, Z, S, V):
// registration authority, organisation category, 6-digit region code, 9-character
// organisation code, and a MOD 31 check character. Some real early codes fail the check
// character, so (as on the server) a mismatch is a warning to verify, not a refusal.
const usccChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccChars.indexOf(first17[i]) * usccWeights[i];
  return usccChars[(31 - (sum % 31)) % 31];
}

export function checkUscc(raw: string): Check<{ warning?: Localized }> {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) {
    return fail(
      `统一社会信用代码应为 18 位，当前为 ${code.length} 位`,
      `A unified social credit code has 18 characters, this one has ${code.length}`,
    );
  }
  const bad = [...code].find((c) => !usccChars.includes(c));
  if (bad !== undefined) {
    return fail(
      `统一社会信用代码含有不允许的字符“${bad}”（只用数字和大写字母，不用 I、O、Z、S、V）`,
      `The character "${bad}" is not allowed (digits and capital letters only, never I, O, Z, S, V)`,
    );
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return fail('统一社会信用代码第 3–8 位应为行政区划代码', 'Characters 3–8 of the code must be a region code');
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      ok: true,
      warning: {
        zh: `校验位不符（按 GB 32100 最后一位应为 ${expected}），部分早期代码如此，请核实`,
        en: `The check character does not match (GB 32100 gives ${expected}); true of some early codes, please verify`,
      },
    };
  }
  return { ok: true };
}

// Mainland mobile numbers: 11 digits starting 13–19.
export function normalisePhone(raw: string): string {
  return raw.trim().replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
}

export function checkPhone(raw: string): Check {
  const phone = normalisePhone(raw);
  if (!/^1[3-9]\d{9}$/.test(phone)) {
    return fail('手机号应为 11 位数字，以 13–19 开头', 'A mobile number has 11 digits and starts with 13–19');
  }
  return { ok: true };
}

// The password rule the server enforces (PASSWORD_POLICY): 8+ characters from 3 of 4 classes.
export function passwordClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
}

export function checkPassword(password: string): Check {
  if (password.length < 8) {
    return fail(`密码至少 8 位，当前为 ${password.length} 位`, `The password needs 8+ characters, this one has ${password.length}`);
  }
  if (passwordClasses(password) < 3) {
    return fail(
      '密码须包含大写字母、小写字母、数字、符号中的至少三类',
      'The password needs characters from at least 3 of: upper case, lower case, digits, symbols',
    );
  }
  return { ok: true };
}

/** An antd Form rule that shows a check's warning without blocking the submit. */
export function warningRuleFrom(check: (value: string) => { ok: boolean; warning?: Localized }, lang: 'zh' | 'en') {
  return {
    warningOnly: true,
    validator: async (_rule: unknown, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = check(String(value));
      if (result.ok && result.warning) throw new Error(lang === 'zh' ? result.warning.zh : result.warning.en);
    },
  };
}

/** An antd Form rule from a check; empty values are left to `required`. */
export function ruleFrom(check: (value: string) => { ok: true } | ({ ok: false } & Localized), lang: 'zh' | 'en') {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = check(String(value));
      if (!result.ok) throw new Error(lang === 'zh' ? result.zh : result.en);
    },
  };
}
