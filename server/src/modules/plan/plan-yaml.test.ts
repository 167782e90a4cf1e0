import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/index.js';
import { parsePlanYaml, type TIndicator, type TPlan } from './plan-schema.js';

const plansDir = new URL('../../../../reference/plans/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, plansDir), 'utf8');

const sourceText = read('source/hainan-hrss-14.txt');
const plan13 = parsePlanYaml(read('hainan-hrss-13.yaml'));
const plan14 = parsePlanYaml(read('hainan-hrss-14.yaml'));

const tableIndicators = (plan: TPlan) => plan.groups.filter((g) => g.section === 'table').flatMap((g) => g.indicators);
const textIndicators = (plan: TPlan) => plan.groups.filter((g) => g.section === 'text').flatMap((g) => g.indicators);
const allIndicators = (plan: TPlan) => plan.groups.flatMap((g) => g.indicators);
/** A bound target's value; NaN for a range, which no printed plan target is. */
const valueOf = (ind: TIndicator | undefined) =>
  ind && ind.target.comparator !== 'range' ? ind.target.value : Number.NaN;

// The measure keys the modules will register for the 14th plan's table (the brief's list).
const tableMeasureKeys = [
  'employment.newUrbanJobs',
  'employment.registeredUnemploymentRate',
  'employment.ruralLabourTransfer',
  'employment.unemployedReemployed',
  'employment.difficultReemployed',
  'skills.migrantWorkerTrainingSessions',
  'insurance.pensionCoverageRate',
  'insurance.pensionInsured',
  'insurance.urbanWorkerPensionPaying',
  'insurance.residentPensionPaying',
  'insurance.unemploymentInsured',
  'insurance.unemploymentPaying',
  'insurance.workInjuryInsured',
  'insurance.workInjuryPaying',
  'skills.newSkilledWorkers',
  'skills.newHighSkilledWorkers',
  'skills.subsidisedTrainingSessions',
  'labour.contractSigningRate',
  'labour.disputeMediationSuccessRate',
  'labour.arbitrationClosureRate',
  'labour.inspectionComplaintClosureRate',
  'services.socialSecurityCardHolders',
  'services.electronicCardCoverageRate',
  'services.goodRatingShare',
];

/** The single number printed in a cell or phrase: digits, or 百/千/万 written out. */
function numberIn(printed: string): number | null {
  if (printed === '—') return null;
  const digits = printed.match(/\d+(?:\.\d+)?/g) ?? [];
  if (digits.length === 1) return Number(digits[0]);
  expect(digits, `one number in "${printed}"`).toHaveLength(0);
  const word = { 百: 100, 千: 1000, 万: 10000 }[printed[0]];
  expect(word, `a number in "${printed}"`).toBeDefined();
  return word ?? null;
}

// What a printed number is in the normalised unit (8000 人 = 0.8 万人).
function inUnit(n: number, ind: TIndicator): number {
  const scale: Record<string, number> = { '人→万人': 1e-4, '人次→万人次': 1e-4 };
  return n * (scale[`${ind.unitPrinted}→${ind.unit}`] ?? 1);
}

/** The lines of a printed table, trimmed and without blanks, from its title to its 注. */
function tableLines(title: string): string[] {
  const lines = sourceText.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const start = lines.findIndex((l) => l.startsWith(title));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('注：'));
  expect(start).toBeGreaterThanOrEqual(0);
  return lines.slice(start, end + 1);
}

type TRow = { group: string; header: string; cells: string[] };

/** Finds an indicator's row by its number and name, and reads the three cells after it. */
function rowOf(lines: string[], ind: TIndicator): TRow {
  const i = lines.findIndex((l) => l.startsWith(`${ind.row}.${ind.name}`));
  expect(i, `row ${ind.row}.${ind.name}`).toBeGreaterThan(0);
  const heading = lines.slice(0, i).reverse().find((l) => /^[一二三四五六七八九十]、/.test(l)) ?? '';
  return { group: heading.replace(/^[一二三四五六七八九十]、/, ''), header: lines[i], cells: lines.slice(i + 1, i + 4) };
}

describe('the source text', () => {
  it('is the byte-exact copy of the seed plan text', () => {
    expect(createHash('sha256').update(readFileSync(new URL('source/hainan-hrss-14.txt', plansDir))).digest('hex')).toBe(
      '7fe09db0e5887c4e02f964f68d65c76f5e50f6d7847869e8290b6b82bbccffbf',
    );
  });
});

describe('the 13th plan (专栏1)', () => {
  it('covers 2016–2020 with base year 2015', () => {
    expect(plan13.period).toEqual({ start: 2016, end: 2020 });
    expect(plan13.baseYear).toBe(2015);
  });

  it('has 10 indicators in its 4 printed groups', () => {
    expect(plan13.groups.map((g) => [g.name, g.indicators.map((i) => i.row)])).toEqual([
      ['就业', [1, 2]],
      ['社会保障', [3, 4, 5]],
      ['技能人才队伍建设', [6]],
      ['劳动关系', [7, 8, 9, 10]],
    ]);
  });

  it('keeps the printed note, has no attributes and is all reported', () => {
    expect(plan13.notes).toEqual(['注：[]内为五年累计数。']);
    for (const n of plan13.notes) expect(sourceText).toContain(n);
    expect(allIndicators(plan13).every((i) => i.attribute === undefined && i.source === 'reported')).toBe(true);
  });

  it('every printed figure (baseline, target, actual) is the one in the same row of the table', () => {
    const lines = tableLines('专栏1');
    for (const ind of tableIndicators(plan13)) {
      const row = rowOf(lines, ind);
      const group = plan13.groups.find((g) => g.indicators.includes(ind));
      expect(row.group).toBe(group?.name);
      expect([`${ind.row}.${ind.name}（${ind.unitPrinted}）`, `${ind.row}.${ind.name}(${ind.unitPrinted})`]).toContain(row.header);
      const [base, target, actual] = row.cells;
      expect(base).toBe(ind.baseline?.printed ?? String(ind.baseline?.value));
      expect(numberIn(base)).toBe(ind.baseline?.value);
      expect(target).toBe(ind.target.printed);
      expect(numberIn(target)).toBe(valueOf(ind));
      expect(actual).toBe(ind.actual?.printed);
      expect(numberIn(actual)).toBe(ind.actual?.value);
    }
  });

  it('brackets mark five-year sums and printed comparators are kept', () => {
    const byRow = new Map(tableIndicators(plan13).map((i) => [i.row, i.target]));
    expect(byRow.get(1)).toMatchObject({ printed: '>[45]', kind: 'cumulative', comparator: '>' });
    expect(byRow.get(2)).toMatchObject({ printed: '≤4', kind: 'rate', comparator: '<=' });
    expect(byRow.get(3)).toMatchObject({ kind: 'rate', comparator: '>=' });
    expect(byRow.get(7)).toMatchObject({ comparator: '>' });
  });
});

describe('the 14th plan (专栏2)', () => {
  it('covers 2021–2025 with base year 2020', () => {
    expect(plan14.period).toEqual({ start: 2021, end: 2025 });
    expect(plan14.baseYear).toBe(2020);
  });

  it('has 27 indicators in its 5 printed groups, rows in order', () => {
    expect(plan14.groups.filter((g) => g.section === 'table').map((g) => [g.name, g.indicators.length])).toEqual([
      ['促进就业', 6],
      ['社会保障', 10],
      ['技能人才', 4],
      ['劳动关系', 4],
      ['公共服务', 3],
    ]);
    expect(tableIndicators(plan14).map((i) => i.row)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
  });

  it('keeps the note under the table exactly as printed', () => {
    expect(plan14.notes).toHaveLength(1);
    expect(sourceText).toContain(`\t${plan14.notes[0]}\n`);
  });

  it('every printed figure (baseline, target, attribute) is the one in the same row of the table', () => {
    const lines = tableLines('专栏2');
    for (const ind of tableIndicators(plan14)) {
      const row = rowOf(lines, ind);
      const group = plan14.groups.find((g) => g.indicators.includes(ind));
      expect(row.group).toBe(group?.name);
      expect([`${ind.row}.${ind.name}（${ind.unitPrinted}）`, `${ind.row}.${ind.name}(${ind.unitPrinted})`]).toContain(row.header);
      const [base, target, attribute] = row.cells;
      expect(base).toBe(ind.baseline?.printed ?? String(ind.baseline?.value));
      expect(numberIn(base)).toBe(ind.baseline?.value);
      expect(target).toBe(ind.target.printed);
      expect(numberIn(target)).toBe(valueOf(ind));
      expect(attribute).toBe(ind.attribute);
    }
  });

  it('only 基本养老、失业、工伤保险参保人数 are binding (约束性)', () => {
    expect(tableIndicators(plan14).filter((i) => i.attribute === '约束性').map((i) => i.row)).toEqual([8, 11, 13]);
  });

  it('kinds and comparators follow the printed form', () => {
    for (const ind of tableIndicators(plan14)) {
      const t = ind.target;
      if (t.printed.startsWith('[')) expect(t.kind, t.printed).toBe('cumulative');
      if (t.printed.startsWith('<')) expect(t.comparator).toBe('<');
      if (/^\d/.test(t.printed)) expect(t.comparator).toBe('>=');
      if (ind.unit === '%' && t.kind !== 'level') expect(t.kind).toBe('rate');
      if (ind.unit === '万人' && !t.printed.startsWith('[')) expect(t.kind).toBe('stock');
    }
    expect(tableIndicators(plan14).find((i) => i.row === 2)?.target).toMatchObject({ kind: 'level', comparator: '<', value: 5.5 });
  });

  it('rows 6 and 20 (农民工参加职业培训人次) are one indicator on one measure', () => {
    const [r6, r20] = [6, 20].map((r) => tableIndicators(plan14).find((i) => i.row === r));
    expect(r6?.source).toBe('skills.migrantWorkerTrainingSessions');
    expect(r20?.source).toBe(r6?.source);
    expect(r20?.sameAs).toBe(r6?.code);
    expect(r20?.target).toEqual(r6?.target);
  });

  it('table indicators use the agreed measure keys, reported only where no record computes them', () => {
    for (const ind of tableIndicators(plan14)) {
      if (ind.source !== 'reported') expect(tableMeasureKeys).toContain(ind.source);
    }
    expect(tableIndicators(plan14).filter((i) => i.source === 'reported').map((i) => i.name)).toEqual([
      '城镇调查失业率',
      '城乡居民基本养老保险基金委托投资资金总额',
      '补充养老保险基金规模',
    ]);
  });
});

describe('targets in the text (正文目标)', () => {
  const text = textIndicators(plan14);
  const byCode = new Map(allIndicators(plan14).map((i) => [i.code, i]));

  it('every quote is a sentence of the source text that contains the printed target and its number', () => {
    for (const ind of text) {
      expect(sourceText, ind.code).toContain(ind.quote);
      for (const q of ind.alsoQuoted ?? []) expect(sourceText, ind.code).toContain(q);
      expect(ind.quote, ind.code).toContain(ind.target.printed);
      expect(ind.quote?.endsWith('。'), ind.code).toBe(true);
      const n = numberIn(ind.target.printed);
      expect(n, ind.code).not.toBeNull();
      expect(inUnit(n ?? Number.NaN, ind), ind.code).toBeCloseTo(valueOf(ind), 10);
    }
  });

  it('a baseline taken from the text quotes its sentence, which holds its value', () => {
    const withBaseline = text.filter((i) => i.baseline);
    expect(withBaseline.map((i) => i.code)).toEqual(['14-T29', '14-T30']);
    for (const ind of withBaseline) {
      expect(sourceText).toContain(ind.baseline?.quote);
      expect(ind.baseline?.quote).toContain(`${ind.baseline?.value}个`);
    }
  });

  it('restated and related targets point at an indicator on the same measure', () => {
    for (const ind of text) {
      const link = ind.sameAs ?? ind.relatedTo;
      if (!link) continue;
      expect(byCode.get(link)?.source, ind.code).toBe(ind.source);
      if (ind.sameAs) expect(valueOf(byCode.get(ind.sameAs)), ind.code).toBe(valueOf(ind));
    }
  });

  it.each([
    ['14-T01', 'annual', '>=', 15, '万人'],
    ['14-T02', 'annual', '>=', 9, '万人'],
    ['14-T03', 'annual', '>=', 3, '万人'],
    ['14-T04', 'annual', '>=', 82, '%'],
    ['14-T05', 'annual', '>', 50, '%'],
    ['14-T06', 'level', '<=', 5.5, '%'],
    ['14-T08', 'stock', '>=', 355, '万人'],
    ['14-T09', 'stock', '>=', 335, '万人'],
    ['14-T16', 'cumulative', '>=', 50, '万人次'],
    ['14-T17', 'cumulative', '>=', 4, '万人'],
    ['14-T18', 'cumulative', '>=', 7.5, '万人'],
    ['14-T19', 'cumulative', '>=', 3, '万人'],
    ['14-T22', 'rate', '>=', 91, '%'],
    ['14-T24', 'rate', '>=', 98, '%'],
    ['14-T25', 'rate', '>=', 95, '%'],
    ['14-T27', 'rate', '>=', 67, '%'],
    ['14-T29', 'stock', '>=', 20, '个'],
    ['14-T30', 'stock', '>=', 100, '个'],
    ['14-T34', 'annual', '>=', 0.8, '万人'],
    ['14-T43', 'stock', '>=', 17, '万人'],
  ])('%s is a %s target %s %s %s', (code, kind, comparator, value, unit) => {
    const ind = byCode.get(code);
    expect(ind?.target).toMatchObject({ kind, comparator, value });
    expect(ind?.unit).toBe(unit);
  });

  it('the three pension and insurance figures add up: 355 + 335 = 690 (row 8)', () => {
    expect(valueOf(byCode.get('14-T08')) + valueOf(byCode.get('14-T09'))).toBe(valueOf(byCode.get('14-08')));
  });

  it('the real-name path: 9万 by end of 2021, then 2万 a year from 2022, 17万 by 2025', () => {
    expect(byCode.get('14-T41')?.target).toMatchObject({ value: 9, year: 2021, kind: 'stock' });
    expect(byCode.get('14-T42')?.target).toMatchObject({ value: 2, fromYear: 2022, kind: 'annual' });
    expect(9 + 4 * 2).toBe(valueOf(byCode.get('14-T43')));
  });
});

describe('parsePlanYaml', () => {
  const good = read('hainan-hrss-13.yaml');

  function problems(text: string): { field: string; zh: string; en: string }[] {
    try {
      parsePlanYaml(text);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return (e as AppError).details.fields ?? [];
    }
    throw new Error('expected the plan to be rejected');
  }

  it('lists every shape problem at once with its path, in Chinese and English', () => {
    const broken = good
      .replace("value: 45, kind: cumulative", "value: '45', kind: cumulative")
      .replace('unit: 万人\n        baseline: { year: 2015, value: 165 }', 'unit: 万\n        baseline: { year: 2015, value: 165 }')
      .replace("comparator: '<='", "comparator: '=<'")
      .replace('source: reported\n      - code: \'13-02\'', 'source: reported\n        colour: red\n      - code: \'13-02\'');
    const found = problems(broken);
    expect(found.map((p) => p.field)).toEqual([
      'groups.0.indicators.0.target.value',
      'groups.0.indicators.0',
      'groups.0.indicators.1.target.comparator',
      'groups.1.indicators.1.unit',
    ]);
    for (const p of found) {
      expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.en).toMatch(/[a-z]/i);
    }
  });

  it('checks links, codes and years across the plan', () => {
    const broken = good
      .replace("code: '13-02'", "code: '13-01'")
      .replace('baseYear: 2015', 'baseYear: 2016')
      .replace("source: reported\n        note:", "source: reported\n        sameAs: '13-99'\n        note:");
    const found = problems(broken);
    expect(found.map((p) => p.field)).toEqual(
      expect.arrayContaining(['baseYear', 'groups.0.indicators.1.code', 'groups.2.indicators.0.sameAs']),
    );
    expect(found.find((p) => p.field === 'groups.2.indicators.0.sameAs')?.zh).toBe('引用的指标不存在：13-99');
  });

  it('reports YAML syntax errors with their line', () => {
    const found = problems(good.replace('notes:\n', 'notes: [\n'));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].field).toMatch(/^\(yaml line \d+\)$/);
    expect(found[0].zh).toContain('YAML 语法错误');
  });

  it('rejects a text target without its quote', () => {
    const broken = read('hainan-hrss-14.yaml').replace(
      "        quote: '城镇调查失业率控制在5.5%以内，确保零就业家庭、最低生活保障家庭等困难家庭至少有一人就业。'\n",
      '',
    );
    expect(problems(broken).map((p) => p.field)).toEqual(['groups.5.indicators.5.quote']);
  });
});
