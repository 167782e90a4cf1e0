import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeResidentId, makeUscc, parseMobile, parseResidentId, parseUscc } from './index';

describe('resident ID (GB 11643)', () => {
  it('accepts the DOMAIN.md valid vectors and derives gender and birth date', () => {
    const a = parseResidentId('11010519491231002X');
    expect(a).toEqual({ ok: true, value: { id: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'F' } });
    const b = parseResidentId('440524188001010014');
    expect(b.ok && b.value.gender).toBe('M');
    expect(b.ok && b.value.birthDate).toBe('1880-01-01');
  });
  it('accepts lower-case x and normalises it', () => {
    const r = parseResidentId('11010519491231002x');
    expect(r.ok && r.value.id).toBe('11010519491231002X');
  });
  it('refuses a wrong check digit with the reason 校验位错误', () => {
    expect(parseResidentId('110105194912310021')).toEqual({ ok: false, zh: '校验位错误', en: 'wrong check digit' });
  });
  it('refuses impossible birth dates with 出生日期无效', () => {
    const feb30 = makeResidentId('460100', '1990-02-30', 11);
    expect(parseResidentId(feb30)).toMatchObject({ ok: false, zh: '出生日期无效' });
    const future = makeResidentId('460100', '2030-01-01', 11);
    expect(parseResidentId(future, '2026-11-28')).toMatchObject({ ok: false, zh: '出生日期无效' });
  });
  it('refuses the wrong length and says how long it was', () => {
    expect(parseResidentId('12345')).toMatchObject({ ok: false, zh: '身份证号应为18位，实际5位' });
  });
  it('property: every ID built from valid parts parses back to those parts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('460100', '469021', '460400', '469003'),
        fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (region, date, seq) => {
          const birth = date.toISOString().slice(0, 10);
          const r = parseResidentId(makeResidentId(region, birth, seq));
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.birthDate).toBe(birth);
            expect(r.value.gender).toBe(seq % 2 === 1 ? 'M' : 'F');
          }
        },
      ),
    );
  });
  it('property: changing any one digit of a valid ID is detected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const id = makeResidentId('469021', '1985-06-15', 123);
        const d = (Number(id[pos]) + delta) % 10;
        const changed = id.slice(0, pos) + d + id.slice(pos + 1);
        expect(parseResidentId(changed).ok).toBe(false);
      }),
    );
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts the DOMAIN.md valid vectors without warning', () => {
    for (const c of ['91310110666007217T', '91350100M000100Y43']) {
      const r = parseUscc(c);
      expect(r.ok).toBe(true);
      expect(r.ok && r.value.warning).toBeUndefined();
    }
  });
  it('accepts a code with a wrong check character but warns (early real codes fail the check)', () => {
    const r = parseUscc('91310110666007217A');
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.warning?.zh).toContain('校验位不符');
  });
  it('refuses characters the standard never uses (I O Z S V)', () => {
    expect(parseUscc('91310110666007217I')).toMatchObject({ ok: false });
  });
  it('property: generated codes always pass without warning', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][1-9]46[0-9]{4}[0-9A-HJ-NPQRTUWXY]{9}$/), (first17) => {
        const r = parseUscc(makeUscc(first17));
        expect(r.ok && r.value.warning).toBeUndefined();
      }),
    );
  });
});

describe('mobile numbers', () => {
  it('accepts 11-digit numbers with optional +86/0086 and strips the prefix', () => {
    expect(parseMobile('+8613800138000')).toEqual({ ok: true, value: '13800138000' });
    expect(parseMobile('0086 138-0013-8000')).toEqual({ ok: true, value: '13800138000' });
  });
  it('refuses numbers starting 12 or of the wrong length', () => {
    expect(parseMobile('12800138000').ok).toBe(false);
    expect(parseMobile('1380013800').ok).toBe(false);
  });
});
