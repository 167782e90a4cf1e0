import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/index.js';
import {
  describePace,
  evaluable,
  evaluateFinal,
  evaluateIndicator,
  meets,
  monthsLeft,
  normalCdf,
  paceNeeded,
  progress,
  project,
  shortfallContributors,
  status,
  studentTCdf,
  studentTQuantile,
  type TEvaluable,
  type TSeries,
  type TStatus,
} from './evaluate.js';
import { parsePlanYaml, type TBoundComparator, type TTarget, type TTargetKind } from './plan-schema.js';

const plansDir = new URL('../../../../reference/plans/', import.meta.url);
const loadPlan = (name: string) => parsePlanYaml(readFileSync(new URL(name, plansDir), 'utf8'));

const period = { start: 2021, end: 2025 };

function bound(kind: TTargetKind, comparator: TBoundComparator, value: number): TTarget {
  return { printed: `${comparator}${value}`, kind, comparator, value };
}

function range(kind: TTargetKind, min: number, max: number): TTarget {
  return { printed: `${min}–${max}`, kind, comparator: 'range', min, max };
}

function ind(target: TTarget, baseline: number | null = null, unit?: string): TEvaluable {
  return {
    target,
    unit,
    period,
    baseline: baseline === null ? undefined : { year: 2020, value: baseline },
  };
}

/** Values from 2021 on: series(15, 15) = [{2021: 15}, {2022: 15}]. */
function series(...values: number[]): TSeries {
  return values.map((value, i) => ({ year: 2021 + i, value }));
}

describe('meets (rule 1): exact treatment of the bound', () => {
  it.each([
    [4, '<', 4, false],
    [4, '<=', 4, true],
    [3.99, '<', 4, true],
    [95, '>', 95, false],
    [95, '>=', 95, true],
    [95.01, '>', 95, true],
    [5.5, '<', 5.5, false],
    [5.49, '<', 5.5, true],
  ] as const)('%s %s %s is %s', (value, comparator, b, expected) => {
    expect(meets(value, bound('rate', comparator, b))).toBe(expected);
  });

  it('a range includes both ends', () => {
    const t = range('rate', 70, 80);
    expect([69.99, 70, 75, 80, 80.01].map((v) => meets(v, t))).toEqual([false, true, true, true, false]);
  });

  it('sums of decimals meet a bound they equal despite binary rounding (0.1 + 0.2 <= 0.3)', () => {
    expect(meets(0.1 + 0.2, bound('cumulative', '<=', 0.3))).toBe(true);
  });
});

describe('progress (rules 2 and 3)', () => {
  it('cumulative: the sum so far against the target spread evenly over the years', () => {
    const p = progress(ind(bound('cumulative', '>=', 75), 14.4), series(15, 15), 2022);
    expect(p).toMatchObject({ current: 30, expected: 30, share: 0.4, expectedShare: 0.4, onPath: true, met: false });
  });

  it('cumulative: flows outside the period and after the evaluation year are not counted', () => {
    const s = [{ year: 2020, value: 99 }, ...series(15, 15, 15)];
    expect(progress(ind(bound('cumulative', '>=', 75)), s, 2022).current).toBe(30);
  });

  it('cumulative: a missing year counts as nothing achieved', () => {
    const s = [{ year: 2021, value: 15 }, { year: 2023, value: 15 }];
    expect(progress(ind(bound('cumulative', '>=', 75)), s, 2023)).toMatchObject({ current: 30, expected: 45, onPath: false });
  });

  it('stock: a straight path from the baseline to the target', () => {
    const p = progress(ind(bound('stock', '>=', 690), 630.16), [{ year: 2022, value: 660 }], 2022);
    expect(p.expected).toBe(654.096);
    expect(p.expectedShare).toBe(0.4);
    expect(p.share).toBeCloseTo((660 - 630.16) / (690 - 630.16), 10);
    expect(p.onPath).toBe(true);
  });

  it('rate with no baseline ("—"): the path starts at the first observed value', () => {
    const p = progress(ind(bound('rate', '>=', 95)), [{ year: 2021, value: 90 }, { year: 2023, value: 92 }], 2023);
    expect(p).toMatchObject({ expected: 92.5, expectedShare: 0.5, share: 0.4, onPath: false });
  });

  it('a start that already meets the target makes the target itself the path (结案率 100 → 97)', () => {
    const t = ind(bound('rate', '>=', 97), 100);
    expect(progress(t, [{ year: 2022, value: 98 }], 2022)).toMatchObject({ expected: 97, share: 1, met: true, onPath: true });
    expect(progress(t, [{ year: 2022, value: 96 }], 2022)).toMatchObject({ expected: 97, share: 0, met: false, onPath: false });
  });

  it('a ceiling above which the baseline starts: progress is the way down to the bound', () => {
    const p = progress(ind(bound('rate', '<=', 5), 6), [{ year: 2022, value: 5.5 }], 2022);
    expect(p).toMatchObject({ expected: 5.6, share: 0.5, onPath: true, met: false });
  });

  it('annual: each year is checked on its own; share is years met over years in the period', () => {
    const p = progress(ind(bound('annual', '>=', 15)), series(15.2, 14.8, 16), 2023);
    expect(p.years.map((y) => y.met)).toEqual([true, false, true]);
    expect(p).toMatchObject({ share: 0.4, expectedShare: 0.6, met: false, onPath: false });
  });

  it('no figure in the period gives no progress (a baseline is not a figure)', () => {
    expect(progress(ind(bound('stock', '>=', 690), 630.16), [], 2023)).toMatchObject({ current: null, share: null });
  });
});

type TCase = [string, TEvaluable, TSeries, number, TStatus];

// Every kind × comparator, each case worked by hand (see the rules in evaluate.ts).
const cases: TCase[] = [
  // cumulative, target 75 over 2021–2025 (path: 15 a year)
  ['cumulative >= on the path', ind(bound('cumulative', '>=', 75), 14.4), series(15, 15), 2022, 'on_track'],
  ['cumulative >= sum reaches the target early', ind(bound('cumulative', '>=', 75)), series(20, 20, 20, 15), 2024, 'achieved'],
  ['cumulative >= behind, rising flows project past the target', ind(bound('cumulative', '>=', 75)), series(13, 16.5), 2022, 'lagging'],
  ['cumulative >= behind, flat flows project short', ind(bound('cumulative', '>=', 75), 10), series(10, 10), 2022, 'at_risk'],
  ['cumulative > sum equal to the bound is not achieved', ind(bound('cumulative', '>', 75)), series(20, 20, 20, 15), 2024, 'on_track'],
  ['cumulative <= under the pace of the cap', ind(bound('cumulative', '<=', 100)), series(20, 20), 2022, 'on_track'],
  ['cumulative <= exactly on the cap at the end', ind(bound('cumulative', '<=', 100)), series(20, 20, 20, 20, 20), 2025, 'achieved'],
  ['cumulative < exactly on the cap at the end', ind(bound('cumulative', '<', 100)), series(20, 20, 20, 20, 20), 2025, 'at_risk'],
  ['cumulative range within the band at the end', ind(range('cumulative', 70, 80)), series(15, 15, 15, 15, 15), 2025, 'achieved'],
  ['cumulative range inside the band before the end', ind(range('cumulative', 70, 80)), series(15, 15, 15, 15), 2024, 'on_track'],
  // stock, 630.16 → 690 (path at 2021: 642.128)
  ['stock >= ahead of the path', ind(bound('stock', '>=', 690), 630.16), series(645), 2021, 'on_track'],
  ['stock >= behind the path with a line from the baseline', ind(bound('stock', '>=', 690), 630.16), series(640), 2021, 'at_risk'],
  ['stock >= behind the path but trending past the target', ind(bound('stock', '>=', 100), 0), series(30, 55, 58), 2023, 'lagging'],
  ['stock >= reached', ind(bound('stock', '>=', 690), 630.16), series(650, 691), 2022, 'achieved'],
  ['stock > exactly on the bound in the target year', ind(bound('stock', '>', 180), 170), series(172, 174, 176, 178, 180), 2025, 'at_risk'],
  ['stock <= below the ceiling', ind(bound('stock', '<=', 50), 40), series(45), 2021, 'achieved'],
  ['stock < above the ceiling, rising', ind(bound('stock', '<', 50), 40), series(52, 55), 2022, 'at_risk'],
  ['stock range below the band, on the path', ind(range('stock', 10, 20), 0), series(3), 2021, 'on_track'],
  // rate
  ['rate >= reached (参保率 96)', ind(bound('rate', '>=', 96), 91, '%'), series(92, 94, 96), 2023, 'achieved'],
  ['rate > exactly on the bound before the end stays on the path', ind(bound('rate', '>', 95), 95, '%'), series(95), 2021, 'on_track'],
  ['rate < under the ceiling (登记失业率 <4)', ind(bound('rate', '<', 4), 2.78, '%'), series(3.1), 2021, 'achieved'],
  ['rate <= exactly on the ceiling', ind(bound('rate', '<=', 4), 2.78, '%'), series(4), 2021, 'achieved'],
  ['rate < exactly on the ceiling before the end', ind(bound('rate', '<', 4), 2.78, '%'), series(4), 2021, 'on_track'],
  ['rate range above the band', ind(range('rate', 40, 60), 50, '%'), series(70, 75), 2022, 'at_risk'],
  // level
  ['level < under the ceiling (调查失业率 <5.5)', ind(bound('level', '<', 5.5), 5.3, '%'), series(5.2), 2021, 'achieved'],
  ['level < exactly 5.5 in the target year', ind(bound('level', '<', 5.5), 5.3, '%'), series(5.2, 5.3, 5.4, 5.5, 5.5), 2025, 'at_risk'],
  ['level <= exactly 5.5 in the target year', ind(bound('level', '<=', 5.5), 5.3, '%'), series(5.2, 5.3, 5.4, 5.5, 5.5), 2025, 'achieved'],
  ['level >= reached', ind(bound('level', '>=', 80), 70, '%'), series(81), 2021, 'achieved'],
  ['level > below the path', ind(bound('level', '>', 80), 70, '%'), series(70, 70), 2022, 'at_risk'],
  ['level range inside the band', ind(range('level', 4, 6), 5, '%'), series(5.1), 2021, 'achieved'],
  // annual
  ['annual >= every year so far', ind(bound('annual', '>=', 15), 14.4), series(15.2, 15.5), 2022, 'on_track'],
  ['annual >= every year of the period', ind(bound('annual', '>=', 15)), series(15, 15, 15, 15, 15), 2025, 'achieved'],
  ['annual >= one year missed', ind(bound('annual', '>=', 15)), series(15.2, 14.9, 16), 2023, 'at_risk'],
  ['annual > exactly on the bound is a miss (超50%)', ind(bound('annual', '>', 50), null, '%'), series(55, 50), 2022, 'at_risk'],
  ['annual <= every year under', ind(bound('annual', '<=', 3)), series(2, 3), 2022, 'on_track'],
  ['annual < exactly on the bound is a miss', ind(bound('annual', '<', 3)), series(2, 3), 2022, 'at_risk'],
  ['annual range every year inside', ind(range('annual', 1, 3)), series(1, 2, 3, 2, 1), 2025, 'achieved'],
  // no data
  ['no figure yet', ind(bound('stock', '>=', 690), 630.16), [], 2021, 'no_data'],
  ['only figures after the evaluation year', ind(bound('cumulative', '>=', 75)), [{ year: 2024, value: 30 }], 2022, 'no_data'],
];

describe('status (rule 4) for every kind and comparator', () => {
  it.each(cases)('%s', (_name, indicator, s, year, expected) => {
    expect(status(indicator, s, year)).toBe(expected);
  });

  it('lagging and at_risk split at a probability of 0.5', () => {
    const lag = evaluateIndicator(ind(bound('cumulative', '>=', 75)), series(13, 16.5), 2022);
    expect(lag.progress.onPath).toBe(false);
    expect(lag.projection.probabilityOfMeeting).toBeGreaterThanOrEqual(0.5);
    const risk = evaluateIndicator(ind(bound('cumulative', '>=', 75), 10), series(10, 10), 2022);
    expect(risk.projection.probabilityOfMeeting).toBeLessThan(0.5);
  });

  it('a stock that was met and fell back is no longer achieved', () => {
    const t = ind(bound('stock', '>=', 100), 80);
    expect(status(t, series(101), 2021)).toBe('achieved');
    expect(status(t, series(101, 99), 2022)).not.toBe('achieved');
  });

  it('status is never achieved when the comparator is not met (property)', () => {
    const comparators: TBoundComparator[] = ['>=', '>', '<=', '<'];
    const kinds: TTargetKind[] = ['cumulative', 'stock', 'rate', 'level', 'annual'];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.constantFrom(...comparators),
        fc.integer({ min: 0, max: 200 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 2021, max: 2025 }),
        (kind, comparator, b, values, year) => {
          const t = ind(bound(kind, comparator, b / 2));
          const s = series(...values);
          if (status(t, s, year) !== 'achieved') return;
          const seen = values.slice(0, year - 2020);
          const target = t.target;
          if (kind === 'cumulative') expect(meets(seen.reduce((a, v) => a + v, 0), target)).toBe(true);
          else if (kind === 'annual') expect(values.length === 5 && values.every((v) => meets(v, target))).toBe(true);
          else expect(meets(seen[seen.length - 1], target)).toBe(true);
        },
      ),
    );
  });

  it('cumulative progress is monotone in the achieved sum (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 5 }),
        fc.nat({ max: 4 }),
        fc.integer({ min: 1, max: 30 }),
        (values, at, extra) => {
          const t = ind(bound('cumulative', '>=', 75));
          const more = values.map((v, i) => (i === at % values.length ? v + extra : v));
          const before = progress(t, series(...values), 2025).share ?? 0;
          const after = progress(t, series(...more), 2025).share ?? 0;
          expect(after).toBeGreaterThan(before);
        },
      ),
    );
  });
});

describe('project (rule 5)', () => {
  it('cumulative: the sum so far plus the least-squares flows of the open years', () => {
    // Points 14.4 (2020), 15, 15: slope 0.3, so 15.4 + 15.7 + 16.0 are still to come.
    const p = project(ind(bound('cumulative', '>=', 75), 14.4), series(15, 15), 2025);
    expect(p.method).toBe('least-squares');
    expect(p.point).toBe(77.1);
    // s = √0.06, spread of the sum s·√(3 + 9/3 + 81/2), t with 1 degree of freedom.
    const sd = Math.sqrt(0.06) * Math.sqrt(46.5);
    expect(p.low).toBeCloseTo(77.1 - 3.0776835 * sd, 6);
    expect(p.high).toBeCloseTo(77.1 + 3.0776835 * sd, 6);
    expect(p.probabilityOfMeeting).toBeCloseTo(0.5 + Math.atan((77.1 - 75) / sd) / Math.PI, 6);
  });

  it('one observation: a flat projection with the fallback spread (5% of the value per √year)', () => {
    const p = project(ind(bound('rate', '>=', 95), null, '%'), series(80), 2025);
    const sd = 0.05 * 80 * 2;
    expect(p).toMatchObject({ method: 'flat', observations: 1, point: 80 });
    expect(p.low).toBeCloseTo(80 - 1.2815516 * sd, 6);
    expect(p.high).toBeCloseTo(80 + 1.2815516 * sd, 6);
    expect(p.probabilityOfMeeting).toBeCloseTo(1 - normalCdf(15 / sd), 6);
  });

  it('baseline and one observation: a line through both with the fallback spread', () => {
    const p = project(ind(bound('stock', '>=', 690), 630.16), series(640), 2025);
    expect(p).toMatchObject({ method: 'line', observations: 2, point: 679.36 });
    expect(p.probabilityOfMeeting).toBeCloseTo(1 - normalCdf((690 - 679.36) / 64), 6);
  });

  it('an exact line has no spread, so the bound decides: >= 150 certain, > 150 impossible', () => {
    const s = series(110, 120);
    const atLeast = project(ind(bound('stock', '>=', 150), 100), s, 2025);
    expect(atLeast).toMatchObject({ point: 150, low: 150, high: 150, probabilityOfMeeting: 1 });
    expect(project(ind(bound('stock', '>', 150), 100), s, 2025).probabilityOfMeeting).toBe(0);
  });

  it('a figure already known for the target year gives probability 1 or 0', () => {
    const s = series(5.2, 5.3, 5.4, 5.5, 5.5);
    expect(project(ind(bound('level', '<=', 5.5), 5.3), s, 2025)).toMatchObject({ method: 'known', point: 5.5, probabilityOfMeeting: 1 });
    expect(project(ind(bound('level', '<', 5.5), 5.3), s, 2025).probabilityOfMeeting).toBe(0);
  });

  it('percentages stay within 0–100', () => {
    const p = project(ind(bound('rate', '>=', 95), 80, '%'), series(90, 100), 2025);
    expect(p.point).toBe(100);
    expect(p.high).toBe(100);
  });

  it('annual: one missed year makes meeting the target impossible', () => {
    expect(project(ind(bound('annual', '>=', 15)), series(16, 14.9), 2025).probabilityOfMeeting).toBe(0);
  });

  it('annual: the chance is the product over the open years', () => {
    const t = ind(bound('annual', '>=', 15));
    const p = project(t, series(16), 2025).probabilityOfMeeting ?? 0;
    // Flat at 16, spread 10% of 16 per √year for 2022..2025.
    const each = [1, 2, 3, 4].map((h) => 1 - normalCdf((15 - 16) / (1.6 * Math.sqrt(h))));
    expect(p).toBeCloseTo(each.reduce((a, b) => a * b, 1), 6);
  });

  it('is deterministic and does not depend on the order of the series', () => {
    const t = ind(bound('stock', '>=', 690), 630.16);
    const s = series(640, 652, 661);
    const a = project(t, s, 2025);
    expect(project(t, [...s].reverse(), 2025)).toEqual(a);
    expect(project(t, s, 2025)).toEqual(a);
  });

  it('raising the latest figure never lowers the projected point (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<TTargetKind>('cumulative', 'stock', 'rate', 'annual'),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 500 }),
        fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        (kind, values, raise, base) => {
          const t = ind(bound(kind, '>=', 500), base);
          const higher = values.map((v, i) => (i === values.length - 1 ? v + raise : v));
          const a = project(t, series(...values), 2025).point ?? 0;
          const b = project(t, series(...higher), 2025).point ?? 0;
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });

  it('a higher floor never has a higher probability of being met (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (values, floor, step) => {
          const low = project(ind(bound('stock', '>=', floor), 50), series(...values), 2025);
          const high = project(ind(bound('stock', '>=', floor + step), 50), series(...values), 2025);
          expect(high.probabilityOfMeeting ?? 0).toBeLessThanOrEqual(low.probabilityOfMeeting ?? 0);
        },
      ),
    );
  });

  it('no figure and no baseline: no projection', () => {
    expect(project(ind(bound('stock', '>=', 1)), [], 2025)).toMatchObject({ method: 'none', point: null });
  });

  it('Student t and normal quantiles match the tables', () => {
    expect(studentTQuantile(0.9, 1)).toBeCloseTo(3.0777, 4);
    expect(studentTQuantile(0.9, 2)).toBeCloseTo(1.8856, 4);
    expect(studentTQuantile(0.9, 3)).toBeCloseTo(1.6377, 4);
    expect(studentTQuantile(0.9, 10)).toBeCloseTo(1.3722, 4);
    expect(studentTCdf(0, 5)).toBe(0.5);
    expect(normalCdf(1.2815515655446004)).toBeCloseTo(0.9, 6);
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 6);
  });
});

describe('paceNeeded (rule 6)', () => {
  const jobs = ind(bound('cumulative', '>=', 75), 14.4);

  it('cumulative: what is missing ÷ the months left ("1.1 万人 per month for the remaining 30 months")', () => {
    const pace = paceNeeded(jobs, series(15, 15, 12), '2023-06-30');
    expect(pace).toEqual({ mode: 'reach', current: 42, bound: 75, remaining: 33, months: 30, perMonth: 1.1, met: false });
    expect(describePace(pace!, '万人')).toEqual({
      zh: '剩余 30 个月，每月需完成 1.1 万人',
      en: '1.1 万人 per month for the remaining 30 months',
    });
  });

  it('months left: the as-of month counts unless the date is its last day', () => {
    expect(monthsLeft('2023-06-30', 2025)).toBe(30);
    expect(monthsLeft('2023-06-15', 2025)).toBe(31);
    expect(monthsLeft('2025-12-15', 2025)).toBe(1);
    expect(monthsLeft('2025-12-31', 2025)).toBe(0);
    expect(monthsLeft('2026-03-01', 2025)).toBe(0);
    expect(monthsLeft('2024-02-29', 2024)).toBe(10);
  });

  it('rejects an as-of that is not a calendar date', () => {
    expect(() => paceNeeded(jobs, [], '2023-02-30')).toThrow(AppError);
    expect(() => paceNeeded(jobs, [], '2023/06/30')).toThrow(AppError);
  });

  it('a met target needs nothing more per month', () => {
    const pace = paceNeeded(jobs, series(20, 20, 20, 20), '2024-12-31');
    expect(pace).toMatchObject({ remaining: 0, perMonth: 0, met: true });
    expect(describePace(pace!, '万人').en).toBe('Target met');
  });

  it('no month left and something missing: no pace, the shortfall is stated', () => {
    const pace = paceNeeded(jobs, series(10, 10, 10, 10, 10), '2025-12-31');
    expect(pace).toMatchObject({ remaining: 25, months: 0, perMonth: null });
    expect(describePace(pace!, '万人').en).toBe('No months left; 25 万人 short');
  });

  it('stock floor: from the latest value up to the target', () => {
    const pace = paceNeeded(ind(bound('stock', '>=', 690), 630.16), series(650), '2022-12-31');
    expect(pace).toMatchObject({ mode: 'reach', current: 650, remaining: 40, months: 36 });
    expect(pace?.perMonth).toBeCloseTo(40 / 36, 10);
  });

  it('stock without figures in the period starts from the baseline', () => {
    expect(paceNeeded(ind(bound('stock', '>=', 690), 630.16), [], '2020-12-31')).toMatchObject({ current: 630.16, months: 60 });
  });

  it('stock ceiling: how much to cut per month', () => {
    const pace = paceNeeded(ind(bound('stock', '<', 50), 40), series(56), '2021-12-31');
    expect(pace).toMatchObject({ mode: 'reduce', remaining: 6, months: 48, perMonth: 0.125 });
  });

  it('cumulative ceiling: the allowance left per month', () => {
    const pace = paceNeeded(ind(bound('cumulative', '<=', 100)), series(30), '2021-12-31');
    expect(pace).toMatchObject({ mode: 'stayWithin', remaining: 70, months: 48 });
    expect(pace?.perMonth).toBeCloseTo(70 / 48, 10);
  });

  it('annual: what the current year still needs by December', () => {
    const pace = paceNeeded(ind(bound('annual', '>=', 15)), series(15, 9), '2022-08-31');
    expect(pace).toMatchObject({ current: 9, remaining: 6, months: 4, perMonth: 1.5 });
  });

  it('rates and levels have no monthly pace', () => {
    expect(paceNeeded(ind(bound('rate', '>=', 96), 91), series(92), '2022-06-30')).toBeNull();
    expect(paceNeeded(ind(bound('level', '<', 5.5), 5.3), series(5.2), '2022-06-30')).toBeNull();
  });
});

describe('shortfallContributors (rule 7)', () => {
  it('floors: target − value, only regions that miss, largest gap first', () => {
    const t = { comparator: '>=' as const, value: 90 };
    const rows = shortfallContributors(
      { '460100': 80, '460200': 95, '460300': 70 },
      { '460100': t, '460200': t, '460300': t, '469001': t },
    );
    expect(rows.map((r) => [r.region, r.gap])).toEqual([
      ['460300', 20],
      ['460100', 10],
    ]);
    expect(rows.map((r) => r.share)).toEqual([0.666666666667, 0.333333333333]);
  });

  it('ceilings: value − bound', () => {
    const rows = shortfallContributors({ a: 4.5, b: 3, c: 6 }, { a: { comparator: '<=', value: 4 }, b: { comparator: '<=', value: 4 }, c: { comparator: '<=', value: 4 } });
    expect(rows.map((r) => [r.region, r.gap, r.bound])).toEqual([
      ['c', 2, 4],
      ['a', 0.5, 4],
    ]);
  });

  it('a region exactly on a strict bound misses with a gap of 0 and comes last', () => {
    const rows = shortfallContributors({ a: 95, b: 90 }, { a: { comparator: '>', value: 95 }, b: { comparator: '>', value: 95 } });
    expect(rows.map((r) => [r.region, r.gap])).toEqual([
      ['b', 5],
      ['a', 0],
    ]);
  });

  it('a range: the gap to the nearer side missed', () => {
    const r = { comparator: 'range' as const, min: 10, max: 20 };
    const rows = shortfallContributors({ a: 8, b: 25, c: 15 }, { a: r, b: r, c: r });
    expect(rows.map((x) => [x.region, x.gap, x.bound])).toEqual([
      ['b', 5, 20],
      ['a', 2, 10],
    ]);
  });
});

describe('evaluateFinal: the 13th plan against its printed actuals', () => {
  const results = evaluateFinal(loadPlan('hainan-hrss-13.yaml'));
  const achieved = Object.fromEntries(results.map((r) => [r.name, r.achieved]));

  it('gives a verdict for all 10 indicators', () => {
    expect(results).toHaveLength(10);
    expect(results.every((r) => r.achieved !== null)).toBe(true);
  });

  it.each([
    ['城镇新增就业人数', true], // [62.93] vs >[45]
    ['城镇登记失业率', true], // 2.78 ≤ 4
    ['基本养老保险参保率', true], // 91 vs 90
    ['失业保险参保人数', true], // 194.66 vs 170
    ['工伤保险参保人数', true], // 170.06 vs 135
    ['高技能人才总量', false], // 7.54 vs 13.4
    ['企业劳动合同签订率', true], // 93.15 > 92
    ['劳动人事争议调解成功率', false], // 49 vs >60
    ['劳动人事争议仲裁结案率', false], // 93.03 vs >95
    ['劳动保障监察举报投诉案件结案率', true], // 100 vs >95
  ])('%s achieved: %s', (name, expected) => {
    expect(achieved[name]).toBe(expected);
  });

  it('the 14th plan has no actuals yet, so no verdicts', () => {
    expect(evaluateFinal(loadPlan('hainan-hrss-14.yaml')).every((r) => r.achieved === null)).toBe(true);
  });
});

describe('evaluable: a plan indicator in the engine form', () => {
  const plan = loadPlan('hainan-hrss-14.yaml');
  const byCode = new Map(plan.groups.flatMap((g) => g.indicators).map((i) => [i.code, i]));
  const get = (code: string) => evaluable(plan, byCode.get(code)!);

  it('covers the plan period and keeps the printed baseline', () => {
    expect(get('14-08')).toMatchObject({ period: { start: 2021, end: 2025 }, baseline: { year: 2020, value: 630.16 } });
  });

  it('a text target without a baseline takes the one of the indicator it restates or relates to', () => {
    expect(get('14-T07').baseline).toEqual({ year: 2020, value: 91 });
    expect(get('14-T01').baseline).toEqual({ year: 2020, value: 14.4 });
  });

  it('target.year and target.fromYear narrow the years (9万 by end of 2021; +2万 a year from 2022)', () => {
    expect(get('14-T41').period).toEqual({ start: 2021, end: 2021 });
    expect(get('14-T42').period).toEqual({ start: 2022, end: 2025 });
  });

  it('城镇登记失业率 <4 at exactly 4 is a miss, the text target 调查失业率 within 5.5 at 5.5 is met', () => {
    expect(status(get('14-03'), [{ year: 2025, value: 4 }], 2025)).toBe('at_risk');
    expect(status(get('14-T06'), [{ year: 2025, value: 5.5 }], 2025)).toBe('achieved');
    expect(status(get('14-02'), [{ year: 2025, value: 5.5 }], 2025)).toBe('at_risk');
  });
});
