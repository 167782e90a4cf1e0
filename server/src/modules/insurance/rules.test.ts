// Pure rules of the insurance module: the working-day clock, the transfer amount, benefit
// formulas, the authentication score, ledger arithmetic, and the parsers of imported cells.
import { describe, expect, it } from 'vitest';
import { accountDivisor, employeePension, statutoryRetirementMonth, unemploymentBenefit, workInjuryBenefit } from './benefit-rules';
import { addWorkingDays, chineseWorkingDays, legClock, weekdaysOnly, workingDaysBetween } from './calendar';
import { isContributedMonth, summarise } from './ledger';
import { authenticationScore } from './lifeevents';
import { baseBand, defaultParams, ratesOf } from './params';
import { nextStates, transferAmount, transferLegs } from './transfer';
import { parseFeeMonth, parseInsuranceType, parseYuan, partOf } from './types';

// Transcribed from the State Council holiday notices (国办发明电〔2024〕12号 for 2025, and the
// notice for 2026): holidays (H) and weekend make-up working days (W).
const notices: [string, 'H' | 'W'][] = [
  ['2025-01-01', 'H'], ['2025-01-26', 'W'], ['2025-01-28', 'H'], ['2025-02-04', 'H'], ['2025-02-08', 'W'],
  ['2025-04-04', 'H'], ['2025-04-27', 'W'], ['2025-05-05', 'H'], ['2025-05-31', 'H'], ['2025-06-02', 'H'],
  ['2025-09-28', 'W'], ['2025-10-08', 'H'], ['2025-10-11', 'W'],
  ['2026-01-02', 'H'], ['2026-01-04', 'W'], ['2026-02-14', 'W'], ['2026-02-15', 'H'], ['2026-02-23', 'H'], ['2026-02-28', 'W'],
  ['2026-04-06', 'H'], ['2026-05-05', 'H'], ['2026-05-09', 'W'], ['2026-06-19', 'H'], ['2026-09-20', 'W'], ['2026-09-25', 'H'],
  ['2026-10-07', 'H'], ['2026-10-10', 'W'],
];

describe('working-day clock', () => {
  it('the calendar (chinese-days) agrees with the State Council notices for 2025 and 2026', () => {
    for (const [d, kind] of notices) expect(`${d} ${chineseWorkingDays(d) ? 'W' : 'H'}`).toBe(`${d} ${kind}`);
  });

  it('15 working days from 26 September 2025 skip the National Day week and count the weekend make-up days', () => {
    // 9/28 (Sun) and 10/11 (Sat) are working days; 10/1–10/8 are not.
    expect(addWorkingDays(chineseWorkingDays, '2025-09-26', 15)).toBe('2025-10-23');
    expect(addWorkingDays(weekdaysOnly, '2025-09-26', 15)).toBe('2025-10-17');
    expect(workingDaysBetween(chineseWorkingDays, '2025-09-26', '2025-10-23')).toBe(15);
  });

  it('the day of receipt is not counted; a leg is on time on its last day and late the day after', () => {
    expect(addWorkingDays(weekdaysOnly, '2026-03-02', 1)).toBe('2026-03-03');
    expect(legClock(weekdaysOnly, '2026-03-02', 15, '2026-03-23', '2026-04-01').state).toBe('done_on_time');
    expect(legClock(weekdaysOnly, '2026-03-02', 15, '2026-03-24', '2026-04-01')).toMatchObject({ state: 'done_late', elapsedWorkingDays: 16 });
    expect(legClock(weekdaysOnly, '2026-03-02', 15, null, '2026-03-23')).toMatchObject({ state: 'running', elapsedWorkingDays: 15, dueOn: '2026-03-23' });
    expect(legClock(weekdaysOnly, '2026-03-02', 15, null, '2026-03-24').state).toBe('overdue');
  });

  it('a transfer has three clocked legs after the application; ours depend on the direction', () => {
    const legs = transferLegs({ direction: 'in', status: 'sheet_sent', appliedOn: '2026-03-02', letterSentOn: '2026-03-10', sheetSentOn: '2026-04-20', completedOn: null }, 15, weekdaysOnly, '2026-04-21');
    expect(legs.map((l) => [l.leg, l.ours, l.state])).toEqual([
      ['letter', true, 'done_on_time'],
      ['sheet', false, 'done_late'],
      ['confirm', true, 'running'],
    ]);
    expect(nextStates('letter_sent')).toEqual(['sheet_sent', 'rejected', 'cancelled']);
    expect(nextStates('completed')).toEqual([]);
  });
});

describe('transfer amount', () => {
  it('is the account balance plus 12% of each year’s contribution wage from 1998 on', () => {
    const a = transferAmount(5_000_000, [
      { year: 1997, wageFen: 1_000_000 },
      { year: 1998, wageFen: 1_200_000 },
      { year: 2010, wageFen: 3_600_000 },
    ]);
    expect(a).toMatchObject({ accountFen: 5_000_000, pooledFen: 144_000 + 432_000, totalFen: 5_576_000 });
    expect(a.perYear.map((y) => y.year)).toEqual([1998, 2010]);
  });
});

describe('benefit rules', () => {
  it('statutory retirement under the 2024 decision: +1 month per 4 (men), per 2 (women workers)', () => {
    expect(statutoryRetirementMonth('1964-12-10', 'male')).toMatchObject({ month: '2024-12-01', ageYears: 60, ageMonths: 0 });
    expect(statutoryRetirementMonth('1965-01-10', 'male')).toMatchObject({ month: '2025-02-01', ageYears: 60, ageMonths: 1 });
    expect(statutoryRetirementMonth('1965-05-10', 'male')).toMatchObject({ ageYears: 60, ageMonths: 2 });
    expect(statutoryRetirementMonth('1976-12-01', 'male')).toMatchObject({ ageYears: 63, ageMonths: 0 });
    expect(statutoryRetirementMonth('1975-03-01', 'female_worker')).toMatchObject({ ageYears: 50, ageMonths: 2 });
    expect(statutoryRetirementMonth('1990-01-01', 'female_worker')).toMatchObject({ ageYears: 55, ageMonths: 0 });
  });

  it('basic pension = base × (1 + index) ÷ 2 × years × 1% + account ÷ divisor', () => {
    const r = employeePension({ birthDate: '1962-01-01', group: 'male', startMonth: '2022-02-01', contributionMonths: 360, averageIndex: 1, accountFen: 13_900_000, pensionBaseFen: 800_000, minMonths: 180 });
    expect(accountDivisor(60)).toBe(139);
    expect(r).toMatchObject({ eligible: true, monthlyFen: 800_000 * 30 * 0.01 + 100_000 });
    expect(r.steps.length).toBeGreaterThanOrEqual(5);
  });

  it('unemployment benefit term: 12 months under 5 years, 18 under 10, 24 from 10; refused under 1 year or when voluntary', () => {
    const base = { involuntary: true, registered: true, minWageFen: 200_000, pct: 90 };
    expect(unemploymentBenefit({ ...base, contributionMonths: 11 }).eligible).toBe(false);
    expect(unemploymentBenefit({ ...base, contributionMonths: 59 }).months).toBe(12);
    expect(unemploymentBenefit({ ...base, contributionMonths: 60 }).months).toBe(18);
    expect(unemploymentBenefit({ ...base, contributionMonths: 120 })).toMatchObject({ months: 24, monthlyFen: 180_000 });
    expect(unemploymentBenefit({ ...base, contributionMonths: 120, involuntary: false }).eligible).toBe(false);
  });

  it('work injury: own wage bounded to 60%–300% of the average; allowance only for grades 1–4, not below the minimum wage', () => {
    const p = { avgWageFen: 700_000, minWageFen: 200_000, lumpSumMonths: defaultParams(2026).workInjuryLumpSumMonths, allowancePct: defaultParams(2026).workInjuryAllowancePct };
    expect(workInjuryBenefit({ ...p, grade: 1, ownWageFen: 100_000 })).toMatchObject({ lumpSumFen: 420_000 * 27, monthlyFen: 378_000 });
    expect(workInjuryBenefit({ ...p, grade: 4, ownWageFen: 250_000 })).toMatchObject({ lumpSumFen: 420_000 * 21, monthlyFen: 315_000 });
    expect(workInjuryBenefit({ ...p, grade: 7, ownWageFen: 500_000 })).toMatchObject({ lumpSumFen: 500_000 * 13, monthlyFen: 0 });
    expect(workInjuryBenefit({ ...p, grade: 11, ownWageFen: 500_000 }).eligible).toBe(false);
  });
});

describe('eligibility authentication score', () => {
  const a = defaultParams(2026).authentication;
  it('decays each signal by its half-life, ignores old and future ones, caps at 100', () => {
    const s = authenticationScore([{ kind: 'medical_settlement', observedOn: '2026-07-03' }], '2026-10-31', a);
    expect(s.score).toBeCloseTo(20, 1); // 120 days = one half-life of a 40-point signal
    expect(s.due).toBe(true);
    expect(authenticationScore([{ kind: 'self_auth', observedOn: '2026-10-30' }, { kind: 'service_visit', observedOn: '2026-10-30' }], '2026-10-31', a).score).toBe(100);
    expect(authenticationScore([{ kind: 'card_use', observedOn: '2023-01-01' }, { kind: 'card_use', observedOn: '2027-01-01' }], '2026-10-31', a).evidence).toEqual([]);
  });
});

describe('ledger arithmetic and parsing', () => {
  it('parts are base × rate rounded to whole fen; the band is 60%–300% of the average wage', () => {
    expect(partOf(612_345, 800)).toBe(48_988);
    expect(partOf(5, 5000)).toBe(3);
    expect(baseBand(defaultParams(2026))).toEqual({ floorFen: 450_000, ceilFen: 2_250_000 });
    expect(ratesOf(defaultParams(2026), 'work_injury', 3)).toEqual({ employer: 70, personal: 0 });
  });

  it('a month counts when the net paid covers the net due; arrears are what is short', () => {
    const months = [
      { insuranceType: 'enterprise_pension' as const, feeMonth: '2026-01-01', periodMonths: 1, baseFen: 600_000, dueFen: 144_000, paidFen: 144_000, accountFen: 48_000, entries: 2 },
      { insuranceType: 'enterprise_pension' as const, feeMonth: '2026-02-01', periodMonths: 1, baseFen: 600_000, dueFen: 144_000, paidFen: 100_000, accountFen: 30_000, entries: 2 },
      { insuranceType: 'enterprise_pension' as const, feeMonth: '2026-03-01', periodMonths: 1, baseFen: 0, dueFen: 0, paidFen: 0, accountFen: 0, entries: 2 },
    ];
    expect(isContributedMonth(months[1])).toBe(false);
    expect(summarise(months)).toEqual([{ insuranceType: 'enterprise_pension', contributionMonths: 1, accountFen: 78_000, arrearsFen: 44_000, arrearsMonths: 1, dueFen: 288_000, paidFen: 244_000, firstMonth: '2026-01-01', lastPaidMonth: '2026-01-01' }]);
  });

  it('imported cells: fee months, yuan amounts and type names', () => {
    expect(['2025-03', '202503', '2025/3', '2025年3月', '2025-03-15'].map(parseFeeMonth)).toEqual(Array(5).fill('2025-03-01'));
    expect(parseFeeMonth('2025-13')).toBeNull();
    expect(['6500', '6,500.5', '6500.05元'].map(parseYuan)).toEqual([650_000, 650_050, 650_005]);
    expect(parseYuan('6500.123')).toBeNull();
    expect(['失业', '工伤保险', '企业职工养老', 'unemployment'].map(parseInsuranceType)).toEqual(['unemployment', 'work_injury', 'enterprise_pension', 'unemployment']);
  });
});
