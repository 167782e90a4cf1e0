// Units of plan figures: converting a measure's unit to the indicator's (人 → 万人), and
// checking a reported value's type and unit before it is stored (pure).
import type { TIndicator } from './plan-schema';

/** The plan prints full-width ％; measures and input use %. */
export function normaliseUnit(u: string): string {
  return u.trim().replace(/％/g, '%').replace(/\s+/g, '');
}

const conversions: Record<string, Record<string, number>> = {
  人: { 万人: 1e-4 },
  人次: { 万人次: 1e-4 },
  元: { 亿元: 1e-8, 万元: 1e-4 },
  // Money is kept in integer fen (分).
  分: { 亿元: 1e-10, 万元: 1e-6, 元: 1e-2 },
};

/** Factor turning a measure's figures into the indicator's unit; null when they do not convert. */
export function unitFactor(from: string, to: string): number | null {
  const f = normaliseUnit(from);
  const t = normaliseUnit(to);
  if (f === t) return 1;
  return conversions[f]?.[t] ?? null;
}

/** Units in which a figure must be a whole number. */
const wholeUnits = new Set(['人', '人次', '个', '户']);

export type ValueCheck = { ok: true; value: number } | { ok: false; zh: string; en: string };

type Checkable = Pick<TIndicator, 'unit' | 'unitPrinted' | 'name' | 'code'>;

/**
 * A reported value for an indicator: a finite number in the indicator's unit. A unit may be
 * given (or written after the number, as in "12.5万人" or "93.15%"); it must be the
 * indicator's. Percentages lie within 0–100; counts and amounts are not negative; counts of
 * people, sessions, units and households in their own unit are whole numbers.
 */
export function checkReportedValue(ind: Checkable, input: { value: unknown; unit?: string | null }): ValueCheck {
  const expected = normaliseUnit(ind.unit);
  let raw = input.value;
  let unit = input.unit ? normaliseUnit(input.unit) : '';
  if (typeof raw === 'string') {
    const s = raw.replace(/[,，\s]/g, '');
    const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(.*)$/i.exec(s);
    if (!m) return { ok: false, zh: `“${raw}”不是数字`, en: `"${raw}" is not a number` };
    raw = Number(m[1]);
    const suffix = normaliseUnit(m[2]);
    if (suffix) {
      if (unit && unit !== suffix) return { ok: false, zh: `数值后的单位“${suffix}”与单位列“${unit}”不一致`, en: `the unit after the number "${suffix}" differs from the unit given "${unit}"` };
      unit = suffix;
    }
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return { ok: false, zh: '数值须为数字', en: 'the value must be a number' };
  }
  if (unit && unit !== expected && unit !== normaliseUnit(ind.unitPrinted)) {
    return {
      ok: false,
      zh: `${ind.code} ${ind.name} 的单位是“${ind.unit}”，填报的单位是“${unit}”`,
      en: `${ind.code} is measured in "${ind.unit}", the value was given in "${unit}"`,
    };
  }
  const value = raw;
  if (expected === '%' && (value < 0 || value > 100)) {
    return { ok: false, zh: `百分比须在 0 到 100 之间，实际为 ${value}`, en: `a percentage lies within 0–100, got ${value}` };
  }
  if (value < 0) return { ok: false, zh: `数值不能为负数：${value}`, en: `the value cannot be negative: ${value}` };
  if (wholeUnits.has(expected) && !Number.isInteger(value)) {
    return { ok: false, zh: `以“${ind.unit}”计的数值须为整数，实际为 ${value}`, en: `a count in "${ind.unit}" must be a whole number, got ${value}` };
  }
  return { ok: true, value };
}
