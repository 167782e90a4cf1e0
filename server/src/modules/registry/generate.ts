// The registry's part of the synthetic-province generator (issue 6): persons in households
// and employers, for every township of Hainan.
//
// - Persons per plan unit (海口, 三亚, 三沙, 儋州 and the 15 units under 469000) exactly in
//   proportion to the 2020 census (largest-remainder rounding), then per township by a
//   simple weight (generate-data.ts); ages and sex from the documented age pyramid, plus
//   babies born after census day up to the last generated year.
// - Households of 1–6 members built from those people (couples of near age, children about
//   28 years younger than the head, some young adults and elderly parents living with
//   family); a household shares one hukou type, drawn so each county's urban share is its
//   urbanisation rate.
// - Resident IDs valid and unique by construction: the region code in force at the birth
//   date (people keep the code they were registered under, e.g. 460025 for 定安 before 2003),
//   the birth date, a sequence drawn without replacement from the odd (men) or even (women)
//   values for that region and day (each township of a county from its own share of them),
//   and the GB 11643 check character. Mobile numbers unique by construction (each township
//   numbers its people from its own range). Both stored exactly as the importer stores them
//   (sealPersonIdentifiers).
// - Persons are made township by township in worker threads (copyRowsFromWorkers): a township
//   is a shard whose rows depend only on the seed and the shard, written in plan order.
// - Employers with valid unified social credit codes (GB 32100, and the GB 11714 check of the
//   organisation-code body), by industry, ownership and size.
import { count } from 'drizzle-orm';
import { apportion, weighted, weightedIndex, type Rng } from '../../platform/generate';
import type { GenerateContext, GeneratorPart, ShardRowMaker } from '../../platform/module';
import type { RegionIndex } from '../../platform/regions/service';
import { census2020 } from '../../platform/regions/tree';
import { systemScope } from '../../platform/scope';
import { makeResidentId, makeUscc } from '../../platform/validate';
import {
  CENSUS_DAY,
  ageBands,
  birthRate,
  employerSizes,
  employersPerResident,
  flags as flagRates,
  givenNameChars,
  governmentBodies,
  household as hh,
  industryShares,
  industryWords,
  mobilePrefixes,
  ownershipWeights,
  phoneShare,
  publicInstitutions,
  shopKinds,
  socialOrgs,
  surnames,
  townshipWeight,
  tradeNames,
  urbanPull,
  urbanisationByUnit,
} from './generate-data';
import { employerColumns, personColumns, personRowValues, sealPersonIdentifiers } from './importers';
import { persons } from './schema';

// ---- the plan: how many people where ------------------------------------------------

export type TownshipPlan = { code: string; county: string; unit: string; kind: string; weight: number; persons: number; urban: number; employers: number };
export type UnitPlan = { code: string; name: string; census: number; persons: number; urbanisation: number; townships: TownshipPlan[] };
export type PopulationPlan = { scale: number; persons: number; employers: number; units: UnitPlan[] };

/** Splits `total` over items with weights, never giving an item more than its cap. */
function apportionCapped(total: number, weights: number[], caps: number[]): number[] {
  const out = weights.map(() => 0);
  let open = weights.map((_, i) => i).filter((i) => caps[i] > 0);
  let left = Math.min(total, caps.reduce((s, c) => s + c, 0));
  while (left > 0 && open.length) {
    const share = apportion(left, open.map((i) => weights[i] || 1e-9));
    let over = false;
    open.forEach((i, k) => {
      const room = caps[i] - out[i];
      const give = Math.min(room, share[k]);
      out[i] += give;
      left -= give;
      if (share[k] >= room) over = true;
    });
    open = open.filter((i) => out[i] < caps[i]);
    if (!over) break;
  }
  return out;
}

/** People, urban people and employers per township for a scale (pure; no randomness). */
export function populationPlan(index: RegionIndex, scale: number): PopulationPlan {
  const census = census2020();
  const totalPersons = Math.round(census.province.population * scale);
  const unitCounts = apportion(totalPersons, census.units.map((u) => u.population));
  const rates = urbanisationByUnit(census.units, census.province.urbanisation);
  const units: UnitPlan[] = census.units.map((u, i) => {
    const rows = index.descendants(u.code, { currentOnly: true }).filter((r) => r.level === 'township');
    if (rows.length === 0) throw new Error(`no townships under ${u.code}`);
    const weights = rows.map((r) => townshipWeight(r.kind, r.code));
    const counts = apportion(unitCounts[i], weights);
    const urbanTotal = Math.round(unitCounts[i] * rates.get(u.code)!);
    const urban = apportionCapped(urbanTotal, rows.map((r, k) => counts[k] * urbanPull(r.kind, r.code)), counts);
    return {
      code: u.code,
      name: u.name,
      census: u.population,
      persons: unitCounts[i],
      urbanisation: rates.get(u.code)!,
      townships: rows.map((r, k) => ({ code: r.code, county: index.countyOf(r.code)!, unit: u.code, kind: r.kind, weight: weights[k], persons: counts[k], urban: urban[k], employers: 0 })),
    };
  });
  // Employers follow people, and urban people more than rural ones.
  const all = units.flatMap((u) => u.townships);
  const employerTotal = Math.round(totalPersons * employersPerResident);
  const ecounts = apportion(employerTotal, all.map((t) => t.urban + 0.3 * (t.persons - t.urban)));
  all.forEach((t, i) => (t.employers = ecounts[i]));
  return { scale, persons: totalPersons, employers: employerTotal, units };
}

// ---- resident ID region codes in force at a birth date --------------------------------

/**
 * For each county-level code in use today, the codes it replaced (with their validity), so
 * that a person born in 定安 in 1990 gets an ID starting 460025 and one born in 2010 469021.
 * Births before the oldest known code (Hainan became a province in 1988) take the oldest.
 */
export function idRegionResolver(index: RegionIndex): (county: string, birthDate: string) => string {
  const preds = new Map<string, { code: string; from: string; to: string }[]>();
  for (const r of index.all()) {
    if (r.validTo === null || r.level !== 'county') continue;
    const now = index.resolveCurrent(r.code);
    if (!now || index.countyOf(now) !== now) continue; // replaced by something coarser than a county
    const list = preds.get(now) ?? [];
    list.push({ code: r.code, from: r.validFrom, to: r.validTo });
    preds.set(now, list);
  }
  for (const list of preds.values()) list.sort((a, b) => a.from.localeCompare(b.from));
  return (county, birthDate) => {
    const list = preds.get(county);
    if (!list) return county;
    const since = index.get(county)?.validFrom ?? '0000-00-00';
    if (birthDate >= since) return county;
    for (const p of list) if (birthDate >= p.from && birthDate < p.to) return p.code;
    return birthDate < list[0].from ? list[0].code : county;
  };
}

/** A township's part of each (region, birth date, sex)'s sequence numbers: [from, to) of the 500 men's and 499 women's. */
export type SequenceShare = { male: [number, number]; female: [number, number] };
const SEQUENCE_SLOTS = { male: 500, female: 499 }; // men 001..999 odd; women 002..998 even
const WHOLE_SEQUENCE: SequenceShare = { male: [0, SEQUENCE_SLOTS.male], female: [0, SEQUENCE_SLOTS.female] };

/**
 * Sequence numbers (GB 11643 digits 15–17) per region and birth date: odd for men, even for
 * women, each handed out once. The order is a fixed permutation so numbers look scattered,
 * as real ones (which encode police stations) do. With a share, only the share's positions of
 * that permutation are handed out, so allocators with disjoint shares never give the same
 * number. Returns null when the day (or the share of it) is full.
 */
export function sequenceAllocator(share: SequenceShare = WHOLE_SEQUENCE): (prefix: string, male: boolean) => number | null {
  const used = new Map<string, number>();
  return (prefix, male) => {
    const key = prefix + (male ? 'm' : 'f');
    const k = used.get(key) ?? 0;
    const slots = male ? SEQUENCE_SLOTS.male : SEQUENCE_SLOTS.female;
    const [from, to] = male ? share.male : share.female;
    if (from + k >= to) return null;
    used.set(key, k + 1);
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) % slots;
    const slot = ((from + k) * 193 + h) % slots; // 193 is coprime with 500 and 499: a permutation
    return male ? 2 * slot + 1 : 2 * (slot + 1);
  };
}

/**
 * Splits each day's sequence numbers among the townships of one county in proportion to their
 * people (at least one each), so townships make their IDs independently and never collide.
 */
export function sequenceShares(persons: readonly number[]): SequenceShare[] {
  const m = persons.length;
  if (m >= SEQUENCE_SLOTS.female) throw new Error(`a county with ${m} townships cannot share ${SEQUENCE_SLOTS.female} sequence numbers a day`);
  const ranges = (slots: number) => {
    const extra = apportion(slots - m, persons);
    let at = 0;
    return extra.map((e) => {
      const r: [number, number] = [at, at + e + 1];
      at = r[1];
      return r;
    });
  };
  const male = ranges(SEQUENCE_SLOTS.male);
  const female = ranges(SEQUENCE_SLOTS.female);
  return persons.map((_, i) => ({ male: male[i], female: female[i] }));
}

// ---- unified social credit codes -----------------------------------------------------

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code body. */
export function orgCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 55; // 0-9, A=10 … Z=35
    sum += v * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

const BODY_SPACE_ALNUM = 31 ** 5;
const BODY_SPACE_DIGITS = 10 ** 8;

/**
 * A USCC unique by construction for the n-th employer of a run: registration authority and
 * type from the ownership, the county code, and an organisation-code body that is a
 * bijection of n ('MA5' + 5 characters for new market entities, 8 digits for bodies that
 * kept their old organisation code), then the GB 32100 check character.
 */
export function usccFor(n: number, ownership: string, county: string, salt: number): string {
  let kind: string;
  if (ownership === 'government') kind = '11';
  else if (ownership === 'public_institution') kind = '12';
  else if (ownership === 'social_org') kind = n % 3 === 0 ? '52' : '51';
  else if (ownership === 'individual') kind = '92';
  else kind = '91';
  let body8: string;
  if (kind[0] === '1' || kind[0] === '5') {
    body8 = String((n * 7919 + salt) % BODY_SPACE_DIGITS).padStart(8, '0');
  } else {
    let x = (n * 7919 + salt) % BODY_SPACE_ALNUM;
    let tail = '';
    for (let i = 0; i < 5; i++) {
      tail = USCC_CHARS[x % 31] + tail;
      x = Math.floor(x / 31);
    }
    body8 = 'MA5' + tail;
  }
  return makeUscc(kind + county + body8 + orgCodeCheck(body8));
}

// ---- people and households of one township ----------------------------------------------

export type GenPerson = {
  age: number;
  male: boolean;
  /** Days since 1970-01-01. */
  birthDay: number;
  household: number;
  surname: string;
  urban: boolean;
  disability: boolean;
  veteran: boolean;
  lowIncome: boolean;
  zeroEmployment: boolean;
};

const DAY_MS = 86_400_000;
const censusDay = Date.parse(`${CENSUS_DAY}T00:00:00Z`) / DAY_MS;
const YEAR_DAYS = 365.2425;
const bandOf = weightedIndex(ageBands.map((b) => b.share));

const isoDays = new Map<number, string>();
/** 'YYYY-MM-DD' of a day number (days since 1970-01-01), remembered: ten million persons share ~40,000 birth days. */
export function isoDay(day: number): string {
  let s = isoDays.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoDays.set(day, s);
  }
  return s;
}

/** The years (or part of 2020) after census day up to `toYear`, with the births expected in each. */
function birthYears(n: number, toYear: number): { start: number; end: number; expected: number }[] {
  const out: { start: number; end: number; expected: number }[] = [];
  const endOf2020 = Date.parse('2021-01-01T00:00:00Z') / DAY_MS;
  for (let y = 2020; y <= toYear; y++) {
    const start = y === 2020 ? censusDay + 1 : Date.parse(`${y}-01-01T00:00:00Z`) / DAY_MS;
    const end = y === 2020 ? endOf2020 : Date.parse(`${y + 1}-01-01T00:00:00Z`) / DAY_MS;
    out.push({ start, end, expected: n * (birthRate[y] ?? birthRate[2025]) * ((end - start) / YEAR_DAYS) });
  }
  return out;
}

/** Babies born after census day up to the end of `toYear`, for a township of n people. */
function births(n: number, toYear: number, rng: Rng): { day: number }[] {
  const out: { day: number }[] = [];
  for (const { start, end, expected } of birthYears(n, toYear)) {
    const k = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    for (let i = 0; i < k; i++) out.push({ day: start + Math.floor(rng.next() * (end - start)) });
  }
  return out;
}

/** The most people buildTownship can make for a township of n (its census people and every possible birth). */
export function townshipPeopleAtMost(n: number, toYear: number): number {
  return n + birthYears(n, toYear).reduce((s, y) => s + Math.floor(y.expected) + 1, 0);
}

type Unit = { members: number[]; headAge: number; gone: boolean; core: number };

/** Buckets of households by the head's age, with lazy removal of full or dissolved ones. */
class UnitsByAge {
  private buckets: number[][] = Array.from({ length: 120 }, () => []);
  constructor(private units: Unit[]) {
    units.forEach((u, i) => this.buckets[Math.min(119, u.headAge)].push(i));
  }
  /** A household whose head is about `target` years old with room for `size` more. */
  find(target: number, size: number, ok: (u: Unit) => boolean, rng: Rng, spread = 10): number | null {
    for (let d = 0; d <= spread; d++) {
      for (const age of d === 0 ? [target] : [target - d, target + d]) {
        if (age < 0 || age >= 120) continue;
        const b = this.buckets[age];
        for (let tries = 0; b.length && tries < 6; tries++) {
          const j = Math.floor(rng.next() * b.length);
          const u = this.units[b[j]];
          if (u.gone || u.members.length >= hh.maxSize) {
            b[j] = b[b.length - 1];
            b.pop();
            continue;
          }
          if (u.members.length + size <= hh.maxSize && ok(u)) return b[j];
        }
      }
    }
    return null;
  }
}

/**
 * Draws the people of one township (census people plus later births) and groups them into
 * households; assigns hukou (whole households, to meet the township's urban quota), family
 * names and group flags. Deterministic for the rng.
 */
export function buildTownship(t: { persons: number; urban: number }, toYear: number, rng: Rng): { people: GenPerson[]; households: number[][] } {
  const people: GenPerson[] = [];
  const blank = { household: -1, surname: '', urban: false, disability: false, veteran: false, lowIncome: false, zeroEmployment: false };
  for (let i = 0; i < t.persons; i++) {
    const band = ageBands[bandOf(rng.next)];
    const age = band.from + Math.floor(rng.next() * (band.to - band.from + 1));
    const male = rng.chance(band.maleShare);
    const birthDay = censusDay - Math.floor((age + rng.next()) * YEAR_DAYS); // `age` full years on census day
    people.push({ age, male, birthDay, ...blank });
  }
  if (toYear >= 2020) {
    for (const b of births(t.persons, toYear, rng)) people.push({ age: 0, male: rng.chance(ageBands[0].maleShare), birthDay: b.day, ...blank });
  }

  // Couples: women in random order, each married with the probability for her age to an
  // unmarried man about two years older.
  const menByAge: number[][] = Array.from({ length: 120 }, () => []);
  const women: number[] = [];
  people.forEach((p, i) => {
    if (p.age < 20) return;
    if (p.male) menByAge[p.age].push(i);
    else women.push(i);
  });
  rng.shuffle(women);
  const units: Unit[] = [];
  const unitOf = new Int32Array(people.length).fill(-1);
  for (const w of women) {
    const wa = people[w].age;
    if (!rng.chance(hh.marriedByAge(wa))) continue;
    const target = Math.max(20, Math.round(wa + rng.normal(2, 3)));
    let husband = -1;
    for (let d = 0; d <= 8 && husband < 0; d++) {
      for (const a of d === 0 ? [target] : [target - d, target + d]) {
        const b = a >= 20 && a < 120 ? menByAge[a] : undefined;
        if (b?.length) {
          const j = Math.floor(rng.next() * b.length);
          husband = b[j];
          b[j] = b[b.length - 1];
          b.pop();
          break;
        }
      }
    }
    if (husband < 0) continue;
    unitOf[husband] = unitOf[w] = units.length;
    units.push({ members: [husband, w], headAge: people[husband].age, gone: false, core: 2 });
  }
  people.forEach((p, i) => {
    if (p.age >= 18 && unitOf[i] < 0) {
      unitOf[i] = units.length;
      units.push({ members: [i], headAge: p.age, gone: false, core: 1 });
    }
  });
  const index = new UnitsByAge(units);
  const gap = () => Math.min(hh.parentAgeGap.max, Math.max(hh.parentAgeGap.min, Math.round(rng.normal(hh.parentAgeGap.mean, hh.parentAgeGap.sd))));
  const move = (from: number, to: number) => {
    for (const m of units[from].members) units[to].members.push(m);
    units[from].members = [];
    units[from].gone = true;
  };
  // Young single adults living with their parents; then older people living with a child.
  units.forEach((u, i) => {
    if (u.core === 1 && u.members.length === 1 && u.headAge <= 34 && rng.chance(hh.youngWithParents)) {
      const target = index.find(u.headAge + gap(), 1, (v) => v !== u && v.headAge >= u.headAge + hh.parentAgeGap.min, rng);
      if (target !== null) move(i, target);
    }
  });
  units.forEach((u, i) => {
    if (u.gone || u.members.length !== u.core) return;
    const p = u.core === 1 ? hh.elderlyWithChildren : hh.olderCoupleWithChildren;
    if (u.headAge >= (u.core === 1 ? 65 : 68) && rng.chance(p)) {
      const target = index.find(u.headAge - gap(), u.core, (v) => v !== u && v.headAge <= u.headAge - hh.parentAgeGap.min && v.headAge >= 22, rng);
      if (target !== null) move(i, target);
    }
  });
  // Children under 18 join a household whose head is about 28 years older.
  const minors = people.map((p, i) => (p.age < 18 ? i : -1)).filter((i) => i >= 0);
  rng.shuffle(minors);
  let sweep = 0;
  for (const c of minors) {
    const age = people[c].age;
    let target = index.find(age + gap(), 1, (v) => v.headAge >= age + hh.parentAgeGap.min, rng, 15);
    while (target === null && sweep < units.length) {
      const u = units[sweep];
      if (!u.gone && u.members.length < hh.maxSize && u.headAge >= age + 16) target = sweep;
      else sweep++;
    }
    if (target === null) {
      // No adult household has room: the child forms its own (rare; only in tiny samples).
      units.push({ members: [c], headAge: age, gone: false, core: 1 });
    } else units[target].members.push(c);
  }
  const households = units.filter((u) => !u.gone && u.members.length > 0).map((u) => u.members);

  // Hukou by household until the township's urban quota (scaled to include the babies) is met.
  const order = rng.shuffle(households.map((_, i) => i));
  let urbanLeft = t.persons > 0 ? Math.round((t.urban * people.length) / t.persons) : 0;
  for (const i of order) {
    const size = households[i].length;
    if (urbanLeft <= 0) break;
    if (size >= 2 * urbanLeft) continue; // would overshoot more than it fills: try a smaller one
    for (const m of households[i]) people[m].urban = true;
    urbanLeft -= size;
  }

  const drawSurname = weighted(surnames);
  households.forEach((members, h) => {
    const family = drawSurname(rng.next);
    const urban = people[members[0]].urban;
    const lowIncome = rng.chance(urban ? flagRates.lowIncomeHousehold.urban : flagRates.lowIncomeHousehold.rural);
    const working = members.some((m) => people[m].age >= 16 && people[m].age < 60);
    const zero = urban && working && rng.chance(flagRates.zeroEmploymentHousehold);
    const head = members[0];
    members.forEach((m, k) => {
      const p = people[m];
      p.household = h;
      // The husband, the children and the men who joined carry the family name; wives and
      // mothers keep their own (Chinese women do not change surname).
      const keepsOwn = k > 0 && !p.male && p.age >= 18 && !(people[head].age - p.age >= hh.parentAgeGap.min);
      p.surname = keepsOwn ? drawSurname(rng.next) : family;
      p.lowIncome = lowIncome;
      p.zeroEmployment = zero;
      p.disability = rng.chance(flagRates.disabilityByAge(p.age));
      p.veteran = rng.chance(flagRates.veteran(p.age, p.male));
    });
  });
  return { people, households };
}

const nameChars = { male: [...givenNameChars.male], female: [...givenNameChars.female], either: [...givenNameChars.either] };
function givenName(male: boolean, rng: Rng): string {
  const pool = male ? nameChars.male : nameChars.female;
  const first = rng.chance(0.2) ? rng.pick(nameChars.either) : rng.pick(pool);
  return rng.chance(0.75) ? first + rng.pick(pool) : first;
}

// ---- the part ----------------------------------------------------------------------------

/** Mobile numbers: a fixed bijection of the person's number (below 10^8) onto 8 digits, after a prefix. */
function mobileFor(n: number, prefix: string): string {
  const x = (n * 48_271 + 12_345_679) % 100_000_000; // 48271 is coprime with 10^8
  return prefix + String(x).padStart(8, '0');
}
const MOBILE_NUMBERS = 100_000_000;

/**
 * One township's people: a shard of the persons COPY, made in a worker thread. Everything its
 * rows depend on is here or in the seed: its own streams, its share of the county's ID
 * sequence numbers, and `phoneBase`, the first of a range of phone numbers as long as the
 * most people it can have (so no two townships can give the same number).
 */
export type PersonShard = { code: string; county: string; persons: number; urban: number; phoneBase: number; sequences: SequenceShare };
export type PersonShardStats = { persons: number; households: number; urban: number; sizes: number[] };

/** The persons shards in plan order (units, then their townships): the order of person ids. */
export function personShards(plan: PopulationPlan, toYear: number): PersonShard[] {
  const townships = plan.units.flatMap((u) => u.townships);
  const byCounty = new Map<string, TownshipPlan[]>();
  for (const t of townships) byCounty.set(t.county, [...(byCounty.get(t.county) ?? []), t]);
  const shareOf = new Map<TownshipPlan, SequenceShare>();
  for (const list of byCounty.values()) {
    const shares = sequenceShares(list.map((t) => t.persons));
    list.forEach((t, i) => shareOf.set(t, shares[i]));
  }
  let phoneBase = 0;
  const shards = townships.map((t) => {
    const shard: PersonShard = { code: t.code, county: t.county, persons: t.persons, urban: t.urban, phoneBase, sequences: shareOf.get(t)! };
    phoneBase += townshipPeopleAtMost(t.persons, toYear);
    return shard;
  });
  if (phoneBase > MOBILE_NUMBERS) throw new Error(`${phoneBase.toLocaleString('en-US')} people may be generated, more than the ${MOBILE_NUMBERS.toLocaleString('en-US')} distinct mobile numbers: use a smaller scale`);
  return shards;
}

const resolvers = new WeakMap<RegionIndex, (county: string, birthDate: string) => string>();
const prefixOf = weighted(mobilePrefixes);

/** The rows of one township's people (see PersonShard); returns the township's counts. */
export const personShardRows: ShardRowMaker<PersonShard, PersonShardStats> = function* (t, ctx) {
  const index = ctx.regions.index;
  let idRegion = resolvers.get(index);
  if (!idRegion) resolvers.set(index, (idRegion = idRegionResolver(index)));
  const rng = ctx.rng(`persons/${t.code}`);
  const phoneRng = ctx.rng(`phones/${t.code}`);
  const alloc = sequenceAllocator(t.sequences);
  const firstDay = Date.parse(`${ctx.fromYear}-01-01T00:00:00Z`) / DAY_MS;
  const { people, households } = buildTownship(t, ctx.toYear, rng);
  const stats: PersonShardStats = { persons: 0, households: households.length, urban: 0, sizes: [0, 0, 0, 0, 0, 0, 0] };
  for (const members of households) stats.sizes[Math.min(6, members.length)]++;
  let ordinal = t.phoneBase;
  for (let h = 0; h < households.length; h++) {
    const householdId = `${t.code}${String(h + 1).padStart(6, '0')}`;
    for (const m of households[h]) {
      const p = people[m];
      let day = p.birthDay;
      let birth = isoDay(day);
      let region = idRegion(t.county, birth);
      let seq = alloc(region + birth, p.male);
      while (seq === null) {
        // That day's numbers (this township's share of them) are used up: the day before.
        day -= 1;
        birth = isoDay(day);
        region = idRegion(t.county, birth);
        seq = alloc(region + birth, p.male);
      }
      const id = makeResidentId(region, birth, seq);
      const phone = phoneRng.chance(phoneShare(p.age)) ? mobileFor(ordinal, prefixOf(phoneRng.next)) : null;
      // Registered in the three years before the first generated year, or soon after birth.
      const registered = Math.max(firstDay - 1 - Math.floor(rng.next() * 3 * 365), day + Math.floor(rng.next() * 30));
      const at = `${isoDay(registered)}T09:00:00+08:00`;
      ordinal++;
      stats.persons++;
      if (p.urban) stats.urban++;
      const sealed = sealPersonIdentifiers(ctx, id, phone);
      // Every field named: spreading `sealed` into the literal takes V8's slow path (see the importer).
      const values = personRowValues(
        {
          idCipher: sealed.idCipher,
          idHash: sealed.idHash,
          idMasked: sealed.idMasked,
          phoneCipher: sealed.phoneCipher,
          phoneHash: sealed.phoneHash,
          phoneMasked: sealed.phoneMasked,
          name: p.surname + givenName(p.male, rng),
          gender: p.male ? 'M' : 'F',
          birthDate: birth,
          hukouType: p.urban ? 'urban' : 'rural',
          regionCode: t.code,
          householdId,
          disability: p.disability,
          veteran: p.veteran,
          zeroEmploymentHousehold: p.zeroEmployment,
          lowIncomeHousehold: p.lowIncome,
        },
        null,
      );
      values.push(at, at);
      yield values;
    }
  }
  if (ordinal > t.phoneBase + townshipPeopleAtMost(t.persons, ctx.toYear)) throw new Error(`township ${t.code} made more people than its phone numbers allow`);
  return stats;
};

export async function generateRegistry(ctx: GenerateContext): Promise<void> {
  const { platform } = ctx;
  const [{ n: existing }] = await platform.db.select({ n: count() }).from(persons).where(systemScope());
  if (Number(existing) > 0) {
    throw new Error(`the registry already holds ${existing} persons: generate into an empty database (a fresh RENSHE_DATA_DIR or database)`);
  }
  const index = platform.regions.index;
  const plan = populationPlan(index, ctx.scale);
  const estimate = Math.round(plan.persons * (1 + (ctx.toYear >= 2020 ? 0.009 * (ctx.toYear - 2019.8) : 0)));
  const firstDay = Date.parse(`${ctx.fromYear}-01-01T00:00:00Z`) / DAY_MS;
  const lastDay = Date.parse(`${ctx.toYear}-12-31T00:00:00Z`) / DAY_MS;

  // People township by township in worker threads, into one COPY in plan order.
  const { results } = await ctx.copyRowsFromWorkers<PersonShardStats>('persons', [...personColumns, 'created_at', 'updated_at'], {
    module: import.meta.url,
    export: 'personShardRows',
    shards: personShards(plan, ctx.toYear),
    total: estimate,
    label: 'persons',
  });
  const stats = { persons: 0, households: 0, urban: 0, sizes: [0, 0, 0, 0, 0, 0, 0] };
  for (const r of results) {
    stats.persons += r.persons;
    stats.households += r.households;
    stats.urban += r.urban;
    r.sizes.forEach((n, i) => (stats.sizes[i] += n));
  }
  ctx.log(
    `${stats.persons.toLocaleString('en-US')} persons in ${stats.households.toLocaleString('en-US')} households ` +
      `(mean ${(stats.persons / Math.max(1, stats.households)).toFixed(2)}; sizes 1–6: ${stats.sizes.slice(1).join('/')}), ` +
      `urban hukou ${((100 * stats.urban) / Math.max(1, stats.persons)).toFixed(2)}%`,
  );

  const drawIndustry = weighted(industryShares);
  const drawSize = weighted(employerSizes);
  const ownershipBy = new Map(industryShares.map(([code]) => [code, weighted(ownershipWeights(code))]));
  const salt = ctx.rng('uscc').int(0, 1_000_000);
  let employerOrdinal = 0;
  function* employerRows(): Generator<unknown[]> {
    for (const unit of plan.units) {
      for (const t of unit.townships) {
        if (t.employers === 0) continue;
        const rng = ctx.rng(`employers/${t.code}`);
        const countyName = index.get(t.county)?.name ?? '';
        const townName = index.get(t.code)?.name ?? '';
        for (let i = 0; i < t.employers; i++) {
          const industry = drawIndustry(rng.next);
          const ownership = ownershipBy.get(industry)!(rng.next);
          let size = drawSize(rng.next);
          if (ownership === 'individual') size = 'micro';
          const name = employerName(industry, ownership, countyName, townName, rng);
          // Established: 70% before the first generated year (since 1995), the rest during it.
          const established = rng.chance(0.7) ? rng.int(firstDay - 21 * 365, firstDay - 1) : rng.int(firstDay, lastDay);
          const at = `${isoDay(established)}T09:00:00+08:00`;
          yield [usccFor(employerOrdinal++, ownership, t.county, salt), name, industry, ownership, size, t.code, null, at, at];
        }
      }
    }
  }
  await ctx.copyRows('employers', [...employerColumns, 'created_at', 'updated_at'], employerRows(), { total: plan.employers, label: 'employers' });
}

function employerName(industry: string, ownership: string, county: string, town: string, rng: Rng): string {
  const place = county.replace(/(黎族苗族自治县|黎族自治县|市|县|区)$/, '');
  switch (ownership) {
    case 'government':
      return county + rng.pick(governmentBodies);
    case 'public_institution':
      return (rng.chance(0.3) ? town : county) + rng.pick(publicInstitutions[industry] ?? publicInstitutions.other);
    case 'social_org':
      return county + rng.pick(socialOrgs);
    case 'individual':
      return `${place}${rng.pick(surnames.map((s) => s[0]))}记${rng.pick(shopKinds)}`;
    default: {
      const words = industryWords[industry] ?? industryWords.L;
      const form = ownership === 'joint_stock' ? '股份有限公司' : industry === 'A' && rng.chance(0.3) ? '' : '有限公司';
      const word = rng.pick(words);
      const prefix = rng.chance(0.6) ? '海南' : `${place}`;
      return `${prefix}${rng.pick(tradeNames)}${word}${word.endsWith('合作社') ? '' : form}`;
    }
  }
}

export const registryGenerator: GeneratorPart = { name: 'registry', run: generateRegistry };
