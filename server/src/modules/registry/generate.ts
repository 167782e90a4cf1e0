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
import { apportion, weighted, type Rng } from '../../platform/generate';
import type { GenerateContext, GeneratorPart } from '../../platform/module';
import type { RegionIndex } from '../../platform/regions/service';
import { census2020 } from '../../platform/regions/tree';
import { systemScope } from '../../platform/scope';
import { makeUscc } from '../../platform/validate';
import {
  employerSizes,
  employersPerResident,
  governmentBodies,
  industryShares,
  industryWords,
  ownershipWeights,
  publicInstitutions,
  shopKinds,
  socialOrgs,
  surnames,
  townshipWeight,
  tradeNames,
  urbanPull,
  urbanisationByUnit,
} from './generate-data';
import { DAY_MS, isoDay, MOBILE_NUMBERS, sequenceShares, townshipPeopleAtMost, type PersonShard, type PersonShardStats, type SequenceShare } from './generate-persons';
import { employerColumns, personColumns } from './importers';
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

export {
  buildTownship,
  idRegionResolver,
  isoDay,
  personShardRows,
  sequenceAllocator,
  sequenceShares,
  townshipPeopleAtMost,
  type GenPerson,
  type PersonShard,
  type PersonShardStats,
  type SequenceShare,
} from './generate-persons';

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

// ---- the part ----------------------------------------------------------------------------

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
    module: new URL('./generate-persons.ts', import.meta.url).href,
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
