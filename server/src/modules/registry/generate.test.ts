import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db';
import { buildPlatform } from '../../app';
import { loadConfig } from '../../platform/config';
import { maskMobile, maskResidentId, newKeyRing, type KeyRing } from '../../platform/crypto';
import { generate, rngOf, seededStream } from '../../platform/generate';
import type { Platform } from '../../platform/kernel';
import { buildRegionIndex, census2020, loadHainanRegions } from '../../platform/regions/tree';
import { parseMobile, parseResidentId, parseUscc } from '../../platform/validate';
import { industries, ownerships } from './codes';
import { ageBands, CENSUS_DAY, HAINAN_AGE_SHARES, urbanisationByUnit } from './generate-data';
import { buildTownship, idRegionResolver, orgCodeCheck, personShards, populationPlan, registryGenerator, sequenceAllocator, sequenceShares, townshipPeopleAtMost, usccFor } from './generate';

const index = buildRegionIndex(loadHainanRegions());
const census = census2020();

type Opened = { platform: Platform; close(): Promise<void> };

async function openPlatform(keyRing: KeyRing): Promise<Opened> {
  const database = await testDatabase();
  const config = { ...loadConfig({ RENSHE_DATA_DIR: mkdtempSync(join(tmpdir(), 'renshe-gen-')) }), webDist: '/nonexistent' };
  const platform = await buildPlatform({ config, database, keyRing, logger: pino({ level: 'silent' }) });
  return { platform, close: () => database.close() };
}

async function generated(keyRing: KeyRing, seed: number, scale: number, workers?: number): Promise<Opened> {
  const o = await openPlatform(keyRing);
  await generate({ platform: o.platform, parts: [registryGenerator], scale, seed, fromYear: 2016, toYear: 2025, workers, out: () => {} });
  return o;
}

type PersonRow = {
  id_cipher: string;
  id_hash: string;
  id_masked: string;
  name: string;
  gender: string;
  birth_date: string;
  hukou_type: string;
  region_code: string;
  household_id: string;
  phone_cipher: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  disability: boolean;
  veteran: boolean;
  zero_employment_household: boolean;
  low_income_household: boolean;
};

async function personRows(p: Platform): Promise<PersonRow[]> {
  return p.database.query<PersonRow>(
    `select id_cipher, id_hash, id_masked, name, gender, to_char(birth_date, 'YYYY-MM-DD') as birth_date, hukou_type, region_code, household_id,
            phone_cipher, phone_hash, phone_masked, disability, veteran, zero_employment_household, low_income_household
       from persons /*scope:system*/ order by id`,
  );
}

/** A person as content: ciphertexts decrypted (their IVs are random by design). */
function content(p: Platform, r: PersonRow) {
  const { id_cipher, phone_cipher, ...rest } = r;
  return { ...rest, id: p.crypto.decrypt(id_cipher), phone: phone_cipher ? p.crypto.decrypt(phone_cipher) : null };
}

async function employerRows(p: Platform) {
  return p.database.query<{ uscc: string; name: string; industry: string; ownership: string; size: string; region_code: string }>(
    `select uscc, name, industry, ownership, size, region_code from employers /*scope:system*/ order by id`,
  );
}

describe('registry generator: determinism', () => {
  const keyRing = newKeyRing();
  let a: Opened;
  let b: Opened;
  let c: Opened;
  let one: Opened;
  beforeAll(async () => {
    a = await generated(keyRing, 11, 0.0003, 2);
    b = await generated(keyRing, 11, 0.0003, 2);
    c = await generated(keyRing, 12, 0.0003, 2);
    one = await generated(keyRing, 11, 0.0003, 1);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), c?.close(), one?.close()]);
  });

  it('writes the same persons, in the same id order, with two worker threads as with none', async () => {
    const ordered = async (o: Opened) => {
      const rows = await o.platform.database.query<PersonRow & { id: number }>(`select id, id_cipher, id_hash, name, household_id, phone_hash from persons /*scope:system*/ order by id`);
      return rows.map(({ id_cipher, ...r }) => ({ ...r, id_cipher: o.platform.crypto.decrypt(id_cipher) }));
    };
    const [two, single] = await Promise.all([ordered(a), ordered(one)]);
    expect(two.length).toBeGreaterThan(3000);
    expect(two).toEqual(single);
  });

  it('writes the same persons and employers for the same seed, and different ones for another seed', async () => {
    const [pa, pb, pc] = await Promise.all([personRows(a.platform), personRows(b.platform), personRows(c.platform)]);
    expect(pa.length).toBeGreaterThan(3000);
    expect(pa.map((r) => content(a.platform, r))).toEqual(pb.map((r) => content(b.platform, r)));
    const ea = await employerRows(a.platform);
    expect(ea.length).toBeGreaterThan(50);
    expect(ea).toEqual(await employerRows(b.platform));
    const ids = (rows: PersonRow[], p: Platform) => rows.map((r) => p.crypto.decrypt(r.id_cipher));
    const same = new Set(ids(pa, a.platform));
    const overlap = ids(pc, c.platform).filter((id) => same.has(id)).length;
    expect(overlap / pc.length).toBeLessThan(0.05);
    expect(await employerRows(c.platform)).not.toEqual(ea);
  });

  it('refuses to generate into a registry that already holds persons', async () => {
    await expect(generate({ platform: a.platform, parts: [registryGenerator], scale: 0.0001, seed: 1, out: () => {} })).rejects.toThrow(/already holds/);
  });
});

describe('registry generator: the generated province', () => {
  let o: Opened;
  let people: ReturnType<typeof content>[];
  const scale = 0.002;
  beforeAll(async () => {
    o = await generated(newKeyRing(), 3, scale);
    people = (await personRows(o.platform)).map((r) => content(o.platform, r));
  });
  afterAll(async () => o?.close());

  it('gives every person a valid, unique resident ID matching the stored gender, birth date and region', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const p of people) {
      const r = parseResidentId(p.id, '2026-12-31');
      if (!r.ok || r.value.gender !== p.gender || r.value.birthDate !== p.birth_date) bad.push(p.id);
      // The ID's region code is the code in force at birth: today it resolves to the person's county.
      else if (index.resolveCurrent(r.value.regionCode) !== index.countyOf(p.region_code)) bad.push(`${p.id} in ${p.region_code}`);
      seen.add(p.id);
    }
    expect(bad).toEqual([]);
    expect(seen.size).toBe(people.length);
  });

  it('stores IDs and phones as the importer does: SM4 ciphertext, blind index and staff mask', () => {
    for (const p of people.slice(0, 500)) {
      expect(p.id_hash).toBe(o.platform.crypto.blindIndex(p.id));
      expect(p.id_masked).toBe(maskResidentId(p.id));
      if (p.phone) {
        expect(p.phone_hash).toBe(o.platform.crypto.blindIndex(p.phone));
        expect(p.phone_masked).toBe(maskMobile(p.phone));
      }
    }
  });

  it('gives valid, unique mobile numbers to most adults and none to young children', () => {
    const phones = people.filter((p) => p.phone).map((p) => p.phone!);
    expect(phones.every((n) => parseMobile(n).ok)).toBe(true);
    expect(new Set(phones).size).toBe(phones.length);
    const adults = people.filter((p) => p.birth_date <= '1998-01-01');
    expect(adults.filter((p) => p.phone).length / adults.length).toBeGreaterThan(0.8);
    expect(people.filter((p) => p.birth_date > '2010-01-01' && p.phone)).toEqual([]);
  });

  it('places census-day residents in every plan unit in proportion to the 2020 census (to the person)', () => {
    const censusBorn = people.filter((p) => p.birth_date <= CENSUS_DAY);
    expect(censusBorn.length).toBe(Math.round(census.province.population * scale));
    const byUnit = new Map<string, number>();
    for (const p of censusBorn) {
      const u = index.planUnitOf(p.region_code)!;
      byUnit.set(u, (byUnit.get(u) ?? 0) + 1);
    }
    for (const u of census.units) {
      const expected = (u.population * censusBorn.length) / census.province.population;
      expect(Math.abs((byUnit.get(u.code) ?? 0) - expected), u.name).toBeLessThanOrEqual(1);
    }
    // Every person sits at a current township.
    expect(people.every((p) => index.get(p.region_code)?.level === 'township' && index.isCurrent(p.region_code))).toBe(true);
  });

  it('gives each unit urban hukou at its urbanisation rate and the province 60.27% overall', () => {
    const rates = urbanisationByUnit(census.units, census.province.urbanisation);
    const byUnit = new Map<string, { n: number; urban: number }>();
    for (const p of people) {
      const u = index.planUnitOf(p.region_code)!;
      const s = byUnit.get(u) ?? { n: 0, urban: 0 };
      s.n++;
      if (p.hukou_type === 'urban') s.urban++;
      byUnit.set(u, s);
    }
    for (const [code, s] of byUnit) {
      if (s.n < 300) continue; // 三沙 and small units: a household is too coarse a step
      expect(Math.abs(s.urban / s.n - rates.get(code)!), code).toBeLessThan(0.03);
    }
    const urban = people.filter((p) => p.hukou_type === 'urban').length / people.length;
    expect(Math.abs(urban - 0.6027)).toBeLessThan(0.01);
    expect(rates.get('460100')!).toBeGreaterThan(rates.get('469030')!); // 海口 above 琼中
  });

  it('follows the census age structure (0–14, 15–59, 60+) and sex ratio within a point or two', () => {
    const onCensusDay = people.filter((p) => p.birth_date <= CENSUS_DAY);
    const age = (b: string) => {
      const [y, m, d] = b.split('-').map(Number);
      return 2020 - y - (m > 11 || (m === 11 && d > 1) ? 1 : 0);
    };
    const share = (f: (a: number) => boolean) => onCensusDay.filter((p) => f(age(p.birth_date))).length / onCensusDay.length;
    expect(Math.abs(share((a) => a < 15) - HAINAN_AGE_SHARES.under15)).toBeLessThan(0.015);
    expect(Math.abs(share((a) => a >= 15 && a < 60) - HAINAN_AGE_SHARES.from15to59)).toBeLessThan(0.015);
    expect(Math.abs(share((a) => a >= 65) - HAINAN_AGE_SHARES.from65)).toBeLessThan(0.01);
    const male = onCensusDay.filter((p) => p.gender === 'M').length / onCensusDay.length;
    expect(Math.abs(male - 0.5302)).toBeLessThan(0.015);
  });

  it('groups people in households of 1–6 members that share a township and hukou, each with an adult', () => {
    const households = new Map<string, typeof people>();
    for (const p of people) households.set(p.household_id, [...(households.get(p.household_id) ?? []), p]);
    const sizes = [...households.values()].map((h) => h.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(6);
    const mean = people.length / households.size;
    expect(mean).toBeGreaterThan(2.3);
    expect(mean).toBeLessThan(3.3);
    for (const [id, h] of households) {
      expect(new Set(h.map((p) => p.region_code)).size, id).toBe(1);
      expect(id.startsWith(h[0].region_code)).toBe(true);
      expect(new Set(h.map((p) => p.hukou_type)).size, id).toBe(1);
      expect(new Set(h.map((p) => p.low_income_household)).size, id).toBe(1);
    }
    const withAdult = [...households.values()].filter((h) => h.some((p) => p.birth_date <= '2002-11-01')).length;
    expect(withAdult / households.size).toBeGreaterThan(0.995);
  });

  it('sets group flags at plausible rates', () => {
    const rate = (f: (p: (typeof people)[number]) => boolean) => people.filter(f).length / people.length;
    expect(rate((p) => p.disability)).toBeGreaterThan(0.015);
    expect(rate((p) => p.disability)).toBeLessThan(0.04);
    expect(rate((p) => p.veteran)).toBeGreaterThan(0.015);
    expect(rate((p) => p.veteran && p.gender === 'F')).toBeLessThan(0.005);
    expect(rate((p) => p.low_income_household)).toBeGreaterThan(0.01);
    expect(rate((p) => p.low_income_household)).toBeLessThan(0.05);
    expect(rate((p) => p.zero_employment_household)).toBeLessThan(0.01);
  });

  it('registers employers with valid, unique unified social credit codes by industry, ownership and size', async () => {
    const rows = await employerRows(o.platform);
    expect(rows.length).toBe(Math.round(Math.round(census.province.population * scale) / 40));
    expect(new Set(rows.map((r) => r.uscc)).size).toBe(rows.length);
    const bad = rows.filter((r) => {
      const u = parseUscc(r.uscc);
      return !u.ok || u.value.warning || orgCodeCheck(r.uscc.slice(8, 16)) !== r.uscc[16] || !r.uscc.includes(index.countyOf(r.region_code)!);
    });
    expect(bad).toEqual([]);
    const codes = new Set(industries.map((i) => i.code));
    expect(rows.every((r) => codes.has(r.industry) && ownerships.some((x) => x.code === r.ownership))).toBe(true);
    const micro = rows.filter((r) => r.size === 'micro').length / rows.length;
    expect(micro).toBeGreaterThan(0.7);
    expect(rows.filter((r) => r.industry === 'F').length).toBeGreaterThan(rows.filter((r) => r.industry === 'B').length);
  });
});

describe('registry generator: pure rules', () => {
  it('plans exactly the census population per unit at scale 1', () => {
    const plan = populationPlan(index, 1);
    expect(plan.persons).toBe(10_081_232);
    expect(plan.units.map((u) => [u.code, u.persons])).toEqual(census.units.map((u) => [u.code, u.population]));
    for (const u of plan.units) expect(u.townships.reduce((s, t) => s + t.persons, 0)).toBe(u.persons);
  });

  it('scales per-unit urbanisation so the population-weighted mean is the census 60.27%', () => {
    const rates = urbanisationByUnit(census.units, 0.6027);
    const mean = census.units.reduce((s, u) => s + u.population * rates.get(u.code)!, 0) / census.province.population;
    expect(mean).toBeCloseTo(0.6027, 6);
  });

  it('uses the region code in force at the birth date in resident IDs', () => {
    const at = idRegionResolver(index);
    expect(at('469021', '1990-05-01')).toBe('460025'); // 定安县 before 2003
    expect(at('469021', '2010-05-01')).toBe('469021');
    expect(at('460400', '2010-05-01')).toBe('469003'); // 儋州 as a county-level city 2003–2015
    expect(at('460400', '1990-05-01')).toBe('460029'); // 儋县
    expect(at('460400', '2016-05-01')).toBe('460400');
    expect(at('469021', '1960-05-01')).toBe('460025'); // before the province: its first code
  });

  it('builds unified social credit codes that pass GB 32100 and never repeat', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 20_000; n++) {
      const code = usccFor(n, ['private', 'government', 'individual', 'social_org', 'public_institution'][n % 5], '469021', 777);
      const r = parseUscc(code);
      expect(r.ok && !r.value.warning).toBe(true);
      seen.add(code);
    }
    expect(seen.size).toBe(20_000);
  });

  it('keeps the age pyramid bands summing to one', () => {
    expect(ageBands.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 9);
  });

  it('shares a county\'s sequence numbers among its townships by people, so their IDs cannot collide', () => {
    const shares = sequenceShares([1000, 0, 3000]);
    expect(shares).toEqual([
      { male: [0, 125], female: [0, 125] },
      { male: [125, 126], female: [125, 126] },
      { male: [126, 500], female: [126, 499] },
    ]);
    // Disjoint shares of one day hand out disjoint numbers; the whole day holds all 500 odd ones.
    const seen = new Set<number>();
    for (const share of shares) {
      const alloc = sequenceAllocator(share);
      for (let n = alloc('4690212000-01-01', true); n !== null; n = alloc('4690212000-01-01', true)) {
        expect(seen.has(n)).toBe(false);
        seen.add(n);
      }
    }
    expect(seen.size).toBe(500);
    expect([...seen].every((n) => n % 2 === 1 && n >= 1 && n <= 999)).toBe(true);
  });

  it('gives each township a range of phone numbers as long as the most people it can have (scale 1 fits in 10^8)', () => {
    const plan = populationPlan(index, 1);
    const shards = personShards(plan, 2025);
    const townships = plan.units.flatMap((u) => u.townships);
    expect(shards.map((s) => s.code)).toEqual(townships.map((t) => t.code));
    for (let i = 1; i < shards.length; i++) expect(shards[i].phoneBase).toBe(shards[i - 1].phoneBase + townshipPeopleAtMost(shards[i - 1].persons, 2025));
    for (let i = 0; i < 50; i++) {
      const t = { persons: 300 + i, urban: 100 };
      expect(buildTownship(t, 2025, rngOf(seededStream(i, 'x'))).people.length).toBeLessThanOrEqual(townshipPeopleAtMost(t.persons, 2025));
    }
    expect(() => personShards(populationPlan(index, 10), 2025)).toThrow(/distinct mobile numbers/);
  });

  it('builds the same township from the same stream', () => {
    const t = { persons: 800, urban: 400 };
    const a = buildTownship(t, 2025, rngOf(seededStream(9, 'x')));
    const b = buildTownship(t, 2025, rngOf(seededStream(9, 'x')));
    expect(a).toEqual(b);
  });
});
