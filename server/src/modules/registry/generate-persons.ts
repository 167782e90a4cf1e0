// The registry generator's people (see generate.ts): households of one township and the rows
// of its people, made in the generator's worker threads (personShardRows is their row maker).
// Loads only what a worker needs (no database layer), so a worker starts in a moment.
import { apportion, weighted, weightedIndex, type Rng } from '../../platform/generate/random';
import type { ShardRowMaker } from '../../platform/module';
import type { RegionIndex } from '../../platform/regions/service';
import { makeResidentId } from '../../platform/validate';
import { CENSUS_DAY, ageBands, birthRate, flags as flagRates, givenNameChars, household as hh, mobilePrefixes, phoneShare, surnames } from './generate-data';
import { personRowValues, sealPersonIdentifiers } from './person-row';

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

export const DAY_MS = 86_400_000;
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

// ---- a township's rows ------------------------------------------------------------------

/** Mobile numbers: a fixed bijection of the person's number (below 10^8) onto 8 digits, after a prefix. */
function mobileFor(n: number, prefix: string): string {
  const x = (n * 48_271 + 12_345_679) % 100_000_000; // 48271 is coprime with 10^8
  return prefix + String(x).padStart(8, '0');
}
export const MOBILE_NUMBERS = 100_000_000;

/**
 * One township's people: a shard of the persons COPY, made in a worker thread. Everything its
 * rows depend on is here or in the seed: its own streams, its share of the county's ID
 * sequence numbers, and `phoneBase`, the first of a range of phone numbers as long as the
 * most people it can have (so no two townships can give the same number).
 */
export type PersonShard = { code: string; county: string; persons: number; urban: number; phoneBase: number; sequences: SequenceShare };
export type PersonShardStats = { persons: number; households: number; urban: number; sizes: number[] };

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
