// Rules of the match score (pure): protected attributes never enter it, each factor moves
// it the right way, the formula is what the comment and the UI say, and the candidate-tier
// bounds follow from the weights.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRegionIndex, loadHainanRegions, neighbours } from '../../platform/regions/tree';
import { fairnessOf } from './fairness';
import { canMove } from './placements';
import { educationFit, locationTier, occupationCloseness, salaryFit, scoreBound, scoreMatch, scoreValue, skillsCoverage, FACTOR_CAPS, WEIGHTS, type Geo, type SeekerFeatures, type VacancyFeatures } from './scoring';

const ix = buildRegionIndex(loadHainanRegions());
const geo: Geo = { isWithin: ix.isWithin, countyOf: ix.countyOf, planUnitOf: ix.planUnitOf, neighbours, name: (c) => ix.get(c)?.name ?? null };

const seeker: SeekerFeatures = { desiredOccupations: ['2-02-38-01'], skills: ['Python', '机器学习'], desiredRegions: [], homeRegion: '469021100', salaryMin: 800_000, education: 'bachelor' };
const vacancy: VacancyFeatures = { occupationCode: '2-02-38-01', skills: ['python', '机器学习'], regionCode: '469021100', salaryMin: 700_000, salaryMax: 900_000, education: 'bachelor' };

describe('match score', () => {
  it('weights sum to 1 and a perfect match scores 100 with five reasons', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    const m = scoreMatch(seeker, vacancy, geo);
    expect(m.score).toBe(100);
    expect(m.reasons.map((r) => r.factor)).toEqual(['occupation', 'skills', 'location', 'salary', 'education']);
    expect(m.improve).toEqual([]);
  });

  it('computes the documented formula on a hand-worked example', () => {
    // occupation: same medium group 2-02 (0.5); skills: 1 of 2 (0.5); location: home 定安, work in
    // 海口龙华区, neighbouring plan units (0.5); salary: max 600k vs expected 800k fen →
    // 1 − 200k/400k = 0.5; education: junior college vs bachelor, one tier below (0.5).
    const v: VacancyFeatures = { occupationCode: '2-02-10-08', skills: ['python', 'linux'], regionCode: '460106', salaryMin: 500_000, salaryMax: 600_000, education: 'bachelor' };
    const s: SeekerFeatures = { ...seeker, education: 'junior_college' };
    const loc = locationTier(geo, '469021100', '460106'); // 定安 → 海口龙华: neighbouring plan units
    expect(loc).toBe('neighbour');
    const m = scoreMatch(s, v, geo);
    const expected = 100 * (0.35 * 0.5 + 0.25 * 0.5 + 0.2 * 0.5 + 0.12 * 0.5 + 0.08 * 0.5);
    expect(m.score).toBeCloseTo(expected, 2);
    expect(m.score).toBe(50);
    // What would raise it: every factor below 1, with its gain; gains add up to what is missing.
    expect(m.improve.map((i) => i.factor)).toEqual(['occupation', 'skills', 'location', 'salary', 'education']);
    expect(m.improve.reduce((a, i) => a + i.gain, 0)).toBeCloseTo(100 - m.score, 6);
    expect(m.improve.find((i) => i.factor === 'skills')!.zh).toContain('linux');
  });

  it('never changes when gender, age, ethnicity, hukou or disability change', () => {
    const protectedAttrs = fc.record({
      gender: fc.constantFrom('M', 'F'),
      age: fc.integer({ min: 16, max: 70 }),
      birthDate: fc.constantFrom('1960-01-01', '1985-06-30', '2005-12-31'),
      ethnicity: fc.constantFrom('汉族', '黎族', '苗族', '回族'),
      hukouType: fc.constantFrom('urban', 'rural'),
      disability: fc.boolean(),
      veteran: fc.boolean(),
    });
    fc.assert(
      fc.property(protectedAttrs, protectedAttrs, fc.constantFrom('2-02-38-01', '2-02-10-08', '4-03-02-01', '6-01'), fc.constantFrom('469021100', '460106', '469026', '460300'), (a, b, occ, region) => {
        const v = { ...vacancy, occupationCode: occ, regionCode: region };
        const s1 = { ...seeker, ...a } as SeekerFeatures;
        const s2 = { ...seeker, ...b } as SeekerFeatures;
        expect(scoreMatch(s1, v, geo)).toEqual(scoreMatch(s2, v, geo));
      }),
      { numRuns: 200 },
    );
  });

  it('ranks occupation closeness: same occupation > minor > medium > major > other; a desired group matches at its depth, the same code fully', () => {
    const c = (code: string) => occupationCloseness(['2-02-38-01'], code).value;
    expect([c('2-02-38-01'), c('2-02-38-03'), c('2-02-10-08'), c('2-05-01-01'), c('4-04-01-01')]).toEqual([1, 0.75, 0.5, 0.2, 0]);
    expect(occupationCloseness(['2-02'], '2-02-38-01').value).toBe(0.5);
    expect(occupationCloseness(['4-03'], '4-03').value).toBe(1);
    expect(occupationCloseness(['4-03-02-01', '2-02-38'], '2-02-38-05')).toEqual({ value: 0.75, best: '2-02-38' });
  });

  it('raises the score with more of the vacancy’s skills, ignoring case and width', () => {
    expect(skillsCoverage(['ＰＹＴＨＯＮ'], ['python', 'SQL']).value).toBe(0.5);
    expect(skillsCoverage(['python', 'sql'], ['python', 'SQL']).value).toBe(1);
    expect(skillsCoverage([], []).value).toBe(1);
    const more = scoreMatch({ ...seeker, skills: ['Python', '机器学习'] }, vacancy, geo).score;
    const less = scoreMatch({ ...seeker, skills: ['Python'] }, vacancy, geo).score;
    expect(more).toBeGreaterThan(less);
  });

  it('ranks location: inside the area > same county > same city > neighbouring unit > province', () => {
    expect(locationTier(geo, '469021100', '469021100')).toBe('inside');
    expect(locationTier(geo, '469021', '469021100')).toBe('inside');
    expect(locationTier(geo, '469021100', '469021101')).toBe('county');
    expect(locationTier(geo, '460105', '460108')).toBe('city'); // 秀英区 and 美兰区, both 海口
    expect(locationTier(geo, '469021100', '460106')).toBe('neighbour'); // 定安 borders 海口
    expect(locationTier(geo, '469021100', '460205')).toBe('province'); // 定安 and 崖州区 (三亚)
    const at = (r: string) => scoreMatch(seeker, { ...vacancy, regionCode: r }, geo).score;
    const scores = ['469021100', '469021101', '460106', '460205'].map(at);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(4);
    // A desired area elsewhere makes that area score as inside.
    expect(scoreMatch({ ...seeker, desiredRegions: ['460200'] }, { ...vacancy, regionCode: '460205' }, geo).reasons.find((r) => r.factor === 'location')!.value).toBe(1);
  });

  it('raises the score as the vacancy’s pay approaches the expectation, and as education meets the requirement', () => {
    expect([salaryFit(800_000, 900_000), salaryFit(800_000, 600_000), salaryFit(800_000, 400_000), salaryFit(800_000, 100_000), salaryFit(null, 1)]).toEqual([1, 0.5, 0, 0, 1]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (exp, max, more) => salaryFit(exp, max + more) >= salaryFit(exp, max)));
    expect([educationFit('master', 'bachelor'), educationFit('junior_college', 'bachelor'), educationFit('senior', 'bachelor'), educationFit('vocational', 'senior')]).toEqual([1, 0.5, 0, 1]);
  });

  it('derives the candidate-tier bounds from the weights: each factor at its cap, salary and education full', () => {
    const C = FACTOR_CAPS;
    const b = (o: number, l: number, k: number) => scoreBound({ occupation: o, location: l, skills: k });
    expect([b(C.occupation.medium, C.location.inside, C.skills.all), b(C.occupation.medium, C.location.neighbour, C.skills.all), b(C.occupation.medium, C.location.outside, C.skills.all), b(C.occupation.medium, C.location.inside, C.skills.none), b(C.occupation.major, C.location.inside, C.skills.all), b(C.occupation.none, C.location.inside, C.skills.all), b(C.occupation.none, C.location.outside, C.skills.all)]).toEqual([100, 90, 84, 75, 72, 65, 49]);
    expect([b(C.occupation.medium, C.location.county, C.skills.all), b(C.occupation.medium, C.location.city, C.skills.all), b(C.occupation.medium, C.location.inside, C.skills.some(3)), b(C.occupation.medium, C.location.inside, C.skills.some(2))]).toEqual([96, 92, 91.67, 87.5]);
    // Having two of a vacancy's three skills reaches the 'some' bound, and no more.
    expect(scoreMatch(seeker, { ...vacancy, skills: [...seeker.skills.slice(0, 2), '潜水'] }, geo).score).toBeLessThanOrEqual(b(C.occupation.medium, C.location.inside, C.skills.some(3)));
    // No vacancy outside the seeker's medium groups can beat its bound, whatever else it offers.
    const best = scoreMatch(seeker, { ...vacancy, occupationCode: '2-05-01-01' }, geo).score;
    expect(best).toBeLessThanOrEqual(b(C.occupation.major, C.location.inside, C.skills.all));
    // Nor one whose skills miss all of the seeker's.
    expect(scoreMatch(seeker, { ...vacancy, skills: ['潜水'] }, geo).score).toBeLessThanOrEqual(b(C.occupation.medium, C.location.inside, C.skills.none));
  });

  it('ranks by the same number it explains: scoreValue equals scoreMatch(…).score', () => {
    fc.assert(
      fc.property(fc.subarray(['Python', '机器学习', 'excel', '驾驶']), fc.constantFrom('2-02-38-01', '2-02-10-08', '4-03', '6-01-02-03'), fc.constantFrom('469021100', '469022100', '460108', '460205'), fc.integer({ min: 100_000, max: 2_000_000 }), (skills, code, region, pay) => {
        const v = { ...vacancy, skills, occupationCode: code, regionCode: region, salaryMax: pay };
        expect(scoreValue(seeker, v, geo)).toBe(scoreMatch(seeker, v, geo).score);
      }),
    );
  });
});

describe('placements and fairness (pure)', () => {
  it('moves placements forward only, never out of a final outcome', () => {
    expect(canMove('proposed', 'hired')).toBe(true);
    expect(canMove('interview', 'applied')).toBe(false);
    expect(canMove('hired', 'rejected')).toBe(false);
  });

  it('compares each group’s exposure and hire rates with the seekers outside it and flags a ratio under 0.8', () => {
    const r = fairnessOf([
      { groups: ['veteran'], exposures: 2, hired: true },
      { groups: ['veteran'], exposures: 0, hired: false },
      { groups: [], exposures: 1, hired: true },
      { groups: [], exposures: 3, hired: false },
    ]);
    const v = r.groups.find((g) => g.group === 'veteran')!;
    expect(v).toMatchObject({ seekers: 2, exposedShare: 0.5, exposuresPerSeeker: 1, hireRate: 0.5, exposureRatio: 0.5, hireRatio: 1, flagged: true });
    expect(v.others).toMatchObject({ seekers: 2, exposedShare: 1, exposuresPerSeeker: 2, hireRate: 0.5 });
    expect(r.groups.find((g) => g.group === 'graduate')).toMatchObject({ seekers: 0, exposedShare: null, flagged: false });
  });
});
