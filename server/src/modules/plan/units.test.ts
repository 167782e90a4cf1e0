// Rules: measure figures convert to the indicator's unit; a reported value must be a number
// of the indicator's unit and type.
import { describe, expect, it } from 'vitest';
import { checkReportedValue, unitFactor } from './units';

const pct = { code: '14-02', name: '城镇调查失业率', unit: '%' as const, unitPrinted: '％' };
const wan = { code: '14-08', name: '基本养老保险参保人数', unit: '万人' as const, unitPrinted: '万人' };
const ge = { code: '14-T29', name: '高技能人才培训基地', unit: '个' as const, unitPrinted: '个' };

describe('unitFactor', () => {
  it.each([
    ['人', '万人', 1e-4],
    ['人次', '万人次', 1e-4],
    ['元', '亿元', 1e-8],
    ['分', '亿元', 1e-10],
    ['%', '％', 1],
    ['个', '个', 1],
  ])('%s → %s is × %s', (from, to, f) => expect(unitFactor(from, to)).toBe(f));

  it('units that do not convert give null', () => {
    expect(unitFactor('人', '%')).toBeNull();
    expect(unitFactor('万人', '人')).toBeNull();
  });
});

describe('checkReportedValue', () => {
  it('accepts numbers, numeric text and a trailing unit of the indicator', () => {
    expect(checkReportedValue(pct, { value: 5.1 })).toEqual({ ok: true, value: 5.1 });
    expect(checkReportedValue(pct, { value: '5.1%' })).toEqual({ ok: true, value: 5.1 });
    expect(checkReportedValue(pct, { value: '5.1', unit: '％' })).toEqual({ ok: true, value: 5.1 });
    expect(checkReportedValue(wan, { value: '1,234.5万人' })).toEqual({ ok: true, value: 1234.5 });
    expect(checkReportedValue(ge, { value: '20' })).toEqual({ ok: true, value: 20 });
  });

  it.each([
    ['another unit', pct, { value: 5, unit: '万人' }, '单位是“%”'],
    ['another unit after the number', wan, { value: '5%' }, '单位是“万人”'],
    ['a unit after the number that contradicts the unit column', pct, { value: '5%', unit: '万人' }, '不一致'],
    ['text', pct, { value: '五' }, '不是数字'],
    ['a boolean', pct, { value: true }, '须为数字'],
    ['infinity', pct, { value: Infinity }, '须为数字'],
    ['a percentage over 100', pct, { value: 100.5 }, '0 到 100'],
    ['a negative count', wan, { value: -1 }, '不能为负数'],
    ['a fractional count of units', ge, { value: 2.5 }, '须为整数'],
  ])('refuses %s', (_n, ind, input, zh) => {
    const r = checkReportedValue(ind, input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.zh).toContain(zh);
  });
});
