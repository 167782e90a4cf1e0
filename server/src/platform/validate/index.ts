// Identifier validation: pure functions, no I/O. Each returns a result with the reason in
// Chinese and English so that forms and import error files can say why a value is refused.

export type Invalid = { ok: false; zh: string; en: string };
export type Valid<T> = { ok: true; value: T };
export type Result<T> = Valid<T> | Invalid;

const invalid = (zh: string, en: string): Invalid => ({ ok: false, zh, en });

// GB 11643-1999 公民身份号码 ------------------------------------------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export type ResidentId = {
  /** Normalised: upper-case X. */
  id: string;
  regionCode: string;
  birthDate: string; // YYYY-MM-DD
  gender: 'M' | 'F';
};

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/**
 * Validates an 18-character resident ID. The region code need not be current (people keep
 * codes of regions that were later renamed), so only its shape is checked.
 * `today` bounds the birth date (no one is born in the future or before 1800; the GB 11643 sample is from 1880).
 */
// Today's date (UTC, as before), worked out at most once a second: bulk imports parse
// thousands of IDs a second, and a Date per ID was a noticeable share of the row.
let todayCache = { at: Number.NaN, day: '' };
function todayIso(): string {
  const now = Date.now();
  if (!(Math.abs(now - todayCache.at) < 1000)) todayCache = { at: now, day: new Date(now).toISOString().slice(0, 10) };
  return todayCache.day;
}

export function parseResidentId(input: string, today: string = todayIso()): Result<ResidentId> {
  const id = String(input ?? '').trim().toUpperCase();
  if (id.length === 0) return invalid('身份证号不能为空', 'resident ID is empty');
  if (id.length !== 18) return invalid(`身份证号应为18位，实际${id.length}位`, `resident ID must have 18 characters, got ${id.length}`);
  if (!/^\d{17}[\dX]$/.test(id)) return invalid('身份证号只能包含数字，最后一位可为X', 'resident ID must be 17 digits and a digit or X');
  if (!/^[1-9]\d{5}/.test(id)) return invalid('地区码无效', 'invalid region code');
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(y, m, d) || y < 1800 || birthDate > today) return invalid('出生日期无效', 'invalid birth date');
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return invalid('校验位错误', 'wrong check digit');
  const seq = Number(id.slice(14, 17));
  return { ok: true, value: { id, regionCode: id.slice(0, 6), birthDate, gender: seq % 2 === 1 ? 'M' : 'F' } };
}

/** Builds a valid ID from its parts (used by the generator and tests). */
export function makeResidentId(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

// GB 32100-2015 统一社会信用代码 -------------------------------------------------------

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type Uscc = { code: string; registrationAuthority: string; regionCode: string; warning?: { zh: string; en: string } };

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_CHARS[c === 31 ? 0 : c];
}

/**
 * Validates a unified social credit code. A few real early codes fail the check character
 * (DOMAIN.md): those are accepted with a warning, not refused.
 */
export function parseUscc(input: string): Result<Uscc> {
  const code = String(input ?? '').trim().toUpperCase();
  if (code.length === 0) return invalid('统一社会信用代码不能为空', 'unified social credit code is empty');
  if (code.length !== 18) return invalid(`统一社会信用代码应为18位，实际${code.length}位`, `unified social credit code must have 18 characters, got ${code.length}`);
  for (const ch of code) {
    if (!USCC_CHARS.includes(ch)) return invalid(`含有不允许的字符“${ch}”（不使用I、O、Z、S、V）`, `character "${ch}" is not allowed (I, O, Z, S, V are never used)`);
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return invalid('登记管理机关行政区划码无效', 'invalid administrative region code');
  const value: Uscc = { code, registrationAuthority: code.slice(0, 2), regionCode: code.slice(2, 8) };
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) {
    value.warning = { zh: '校验位不符（部分早期代码如此，请核实）', en: 'check character does not match (true of some early codes; please verify)' };
  }
  return { ok: true, value };
}

export function makeUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}

// Mobile numbers ----------------------------------------------------------------------

export function parseMobile(input: string): Result<string> {
  const raw = String(input ?? '').trim().replace(/[\s-]/g, '');
  const n = raw.replace(/^(\+86|0086)/, '');
  if (n.length === 0) return invalid('手机号不能为空', 'mobile number is empty');
  if (!/^1[3-9]\d{9}$/.test(n)) return invalid('手机号格式错误，应为1开头的11位号码', 'mobile number must be 11 digits starting with 13–19');
  return { ok: true, value: n };
}
