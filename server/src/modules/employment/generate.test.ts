// The generator part: on a small synthetic province the 2020 figures equal the plan's base ×
// scale (exact by construction), and the generated records keep the contradiction rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app';
import { rows } from '../../platform/db';
import { generate } from '../../platform/generate';
import { registryModule } from '../registry';
import { BASE_2020, employmentGenerator } from './generate';
import { employmentMeasures } from './measures';

let t: TestApp;
const SCALE = 0.002;
const db = process.env.DATABASE_URL ? 'postgres' : 'pglite';

beforeAll(async () => {
  t = await testApp();
  await generate({ platform: t.platform, parts: [registryModule.generator!, employmentGenerator], scale: SCALE, seed: 7, fromYear: 2016, toYear: 2025, out: () => {} });
}, 600_000);
afterAll(async () => t.close());

async function province2020(key: string): Promise<number> {
  const m = employmentMeasures.find((x) => x.key === key)!;
  const r = await rows<Record<string, number | string>>(t.platform.db, m.sql({ fromYear: 2020, toYear: 2020 }));
  const sum = (f: string) => r.reduce((a, x) => a + Number(x[f] ?? 0), 0);
  return m.kind === 'ratio' ? (100 * sum('numerator')) / sum('denominator') : sum('value');
}

describe(`employment generator (${db})`, () => {
  it('reproduces the 2020 base of the plan at the given scale', async () => {
    expect(await province2020('employment.newUrbanJobs')).toBe(Math.round(BASE_2020.newUrbanJobs * SCALE));
    expect(await province2020('employment.unemployedReemployed')).toBe(Math.round(BASE_2020.reemployed * SCALE));
    expect(await province2020('employment.ruralLabourTransfer')).toBe(Math.round(BASE_2020.ruralTransfer * SCALE));
    expect(Math.abs((await province2020('employment.registeredUnemploymentRate')) - 2.78)).toBeLessThan(2.78 * 0.02);
  });

  it('moves counties at uneven paces after 2020: some lag while the province grows', async () => {
    const r = await t.database.query<{ county: string; y: number; n: number }>(`
      select substr(region_code, 1, 6) as county, extract(year from transfer_date)::int as y, count(*)::int as n
        from employment_rural_transfers where extract(year from transfer_date) in (2020, 2024) /*scope:system*/ group by 1, 2`);
    const by = new Map<string, { a: number; b: number }>();
    for (const x of r) {
      const cur = by.get(x.county) ?? { a: 0, b: 0 };
      if (Number(x.y) === 2020) cur.a += Number(x.n);
      else cur.b += Number(x.n);
      by.set(x.county, cur);
    }
    const total = [...by.values()].reduce((s, v) => ({ a: s.a + v.a, b: s.b + v.b }), { a: 0, b: 0 });
    // The province: 2% a year → 2024 is 8% above 2020 (rounded to whole persons at this scale).
    expect(total.b / total.a).toBeGreaterThan(1.05);
    const ratios = [...by.values()].filter((v) => v.a >= 10).map((v) => v.b / v.a);
    expect(Math.min(...ratios)).toBeLessThan(0.95);
    expect(Math.max(...ratios)).toBeGreaterThan(1.1);
  });

  it('keeps the contradiction rules: nobody unemployed while employed, no two open employments, re-employment on the closing day', async () => {
    const [c] = await t.database.query<{ both: number; twice: number; badre: number }>(`
      select (select count(*) from employment_unemployment u join employment_registrations e on e.person_id = u.person_id
                where u.closed_on is null and e.end_date is null)::int as both,
             (select count(*) from (select person_id from employment_registrations where end_date is null group by person_id having count(*) > 1) x)::int as twice,
             (select count(*) from employment_unemployment u left join employment_registrations e on e.id = u.reemployment_id
                where u.closed_reason = 'reemployed' and (e.id is null or e.start_date <> u.closed_on))::int as badre /*scope:system*/`);
    expect(c).toEqual({ both: 0, twice: 0, badre: 0 });
  });
});
