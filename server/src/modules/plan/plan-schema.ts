// A plan file (reference/plans/*.yaml): period, base year, indicator groups, indicators.
// The schema is strict (unknown keys are errors) because a typo in a hand-edited plan file
// would otherwise silently drop a target. parsePlanYaml reports every problem at once, in
// Chinese and English, so whoever edits the file can fix it in one pass. The cross-field
// checks (links, duplicate codes, years) run once the shape is valid: zod does not run a
// refinement over a value that failed to parse, so a second pass may find more.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { AppError, type FieldProblem } from '../../platform/errors/index.js';

export const targetKinds = ['cumulative', 'stock', 'rate', 'level', 'annual'] as const;
export const boundComparators = ['>=', '>', '<=', '<'] as const;
export const comparators = [...boundComparators, 'range'] as const;
/** Units the measures speak; `unitPrinted` keeps what the plan printed (％, 人, ...). */
export const units = ['万人', '%', '亿元', '万人次', '个', '人', '人次', '户'] as const;

const ZYearSchema = z.number().int().min(1949).max(2100);
const ZCodeSchema = z.string().regex(/^[0-9]{2}-[A-Z0-9-]+$/, 'code like 14-01 or 14-T01');

/** `reported` (entered per region and period) or a measure key such as employment.newUrbanJobs. */
export const ZMeasureKeySchema = z
  .string()
  .regex(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/, 'measure key like employment.newUrbanJobs');
export const ZSourceSchema = z.union([z.literal('reported'), ZMeasureKeySchema]);

const targetCommon = {
  /** The target as printed, brackets and all: '>[45]', '≤4', '不低于91％'. */
  printed: z.string().min(1),
  kind: z.enum(targetKinds),
  /** Year by whose end the target is due; default: the end of the plan period. */
  year: ZYearSchema.optional(),
  /** First year the target applies to; default: the start of the plan period. */
  fromYear: ZYearSchema.optional(),
};

export const ZBoundTargetSchema = z.strictObject({
  ...targetCommon,
  comparator: z.enum(boundComparators),
  value: z.number(),
});

export const ZRangeTargetSchema = z.strictObject({
  ...targetCommon,
  comparator: z.literal('range'),
  min: z.number(),
  max: z.number(),
});

export const ZTargetSchema = z.discriminatedUnion('comparator', [ZBoundTargetSchema, ZRangeTargetSchema]);

export const ZBaselineSchema = z.strictObject({
  year: ZYearSchema,
  /** null where the plan prints "—" (no statistic exists). */
  value: z.number().nullable(),
  printed: z.string().min(1).optional(),
  /** For baselines taken from the text rather than a table: the sentence that gives it. */
  quote: z.string().min(1).optional(),
});

export const ZActualSchema = z.strictObject({
  year: ZYearSchema,
  printed: z.string().min(1),
  value: z.number().nullable(),
});

export const ZIndicatorSchema = z.strictObject({
  code: ZCodeSchema,
  /** Row number as printed in the table. */
  row: z.number().int().positive().optional(),
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  unitPrinted: z.string().min(1),
  unit: z.enum(units),
  baseline: ZBaselineSchema.optional(),
  target: ZTargetSchema,
  attribute: z.enum(['预期性', '约束性']).optional(),
  source: ZSourceSchema,
  /** Code of the indicator this one restates (same measure, same target). */
  sameAs: ZCodeSchema.optional(),
  /** Code of an indicator on the same measure with another form of target. */
  relatedTo: ZCodeSchema.optional(),
  actual: ZActualSchema.optional(),
  /** The exact sentence of the plan text the target comes from. */
  quote: z.string().min(1).optional(),
  alsoQuoted: z.array(z.string().min(1)).optional(),
  note: z.string().min(1).optional(),
});

export const ZGroupSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z]*$/),
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  /** `table`: a printed indicator table; `text`: targets found in the running text. */
  section: z.enum(['table', 'text']),
  indicators: z.array(ZIndicatorSchema).min(1),
});

const ZPlanObjectSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  titleEn: z.string().min(1).optional(),
  /** GB/T 2260 code of the region the plan is for. */
  region: z.string().regex(/^[0-9]{6}$/).optional(),
  period: z.strictObject({ start: ZYearSchema, end: ZYearSchema }),
  baseYear: ZYearSchema,
  source: z.strictObject({ file: z.string().min(1), table: z.string().min(1).optional() }),
  notes: z.array(z.string().min(1)),
  groups: z.array(ZGroupSchema).min(1),
});

type TPlanObject = z.infer<typeof ZPlanObjectSchema>;
type TIssueSink = { addIssue: (issue: { code: 'custom'; message: string; path: PropertyKey[]; params: { zh: string } }) => void };

function report(ctx: TIssueSink, path: PropertyKey[], zh: string, en: string): void {
  ctx.addIssue({ code: 'custom', message: en, path, params: { zh } });
}

// Cross-field rules a field-by-field schema cannot express.
function checkPlan(plan: TPlanObject, ctx: TIssueSink): void {
  const { start, end } = plan.period;
  if (end < start) report(ctx, ['period', 'end'], '规划期结束年份早于开始年份', 'period ends before it starts');
  if (plan.baseYear >= start) report(ctx, ['baseYear'], '基期年份须早于规划期开始年份', 'base year must precede the period');

  const byCode = new Map<string, { source: string; path: PropertyKey[] }>();
  const rows = new Set<number>();
  plan.groups.forEach((group, g) => {
    group.indicators.forEach((ind, i) => {
      const path = ['groups', g, 'indicators', i];
      if (byCode.has(ind.code)) report(ctx, [...path, 'code'], `指标编码重复：${ind.code}`, `duplicate code ${ind.code}`);
      byCode.set(ind.code, { source: ind.source, path });
      checkIndicator(plan, group.section, ind, path, ctx);
      if (group.section === 'table' && ind.row !== undefined) {
        if (rows.has(ind.row)) report(ctx, [...path, 'row'], `表格行号重复：${ind.row}`, `duplicate table row ${ind.row}`);
        rows.add(ind.row);
      }
    });
  });

  // Links must point at an existing indicator on the same measure: the engine reads both
  // through that one measure, so a link across measures would be a silent error.
  plan.groups.forEach((group, g) => {
    group.indicators.forEach((ind, i) => {
      for (const link of ['sameAs', 'relatedTo'] as const) {
        const ref = ind[link];
        if (ref === undefined) continue;
        const path = ['groups', g, 'indicators', i, link];
        const other = byCode.get(ref);
        if (!other) report(ctx, path, `引用的指标不存在：${ref}`, `refers to unknown indicator ${ref}`);
        else if (ref === ind.code) report(ctx, path, '指标不能引用自身', 'an indicator cannot refer to itself');
        else if (other.source !== ind.source)
          report(ctx, path, `与 ${ref} 的数据来源不一致`, `source differs from ${ref} (${other.source} vs ${ind.source})`);
      }
    });
  });
}

type TIndicatorObject = TPlanObject['groups'][number]['indicators'][number];

function checkIndicator(
  plan: TPlanObject,
  section: 'table' | 'text',
  ind: TIndicatorObject,
  path: PropertyKey[],
  ctx: TIssueSink,
): void {
  const { start, end } = plan.period;
  if (section === 'table') {
    if (ind.row === undefined) report(ctx, [...path, 'row'], '表格指标须有行号', 'a table indicator needs its row number');
    if (!ind.baseline) report(ctx, [...path, 'baseline'], '表格指标须有基数', 'a table indicator needs its baseline');
    else if (ind.baseline.year !== plan.baseYear)
      report(ctx, [...path, 'baseline', 'year'], '基数年份须为基期年份', `baseline year must be the base year ${plan.baseYear}`);
  } else if (!ind.quote) {
    report(ctx, [...path, 'quote'], '正文目标须引用原文句子', 'a target from the text needs its quote');
  }
  if (ind.baseline && ind.baseline.value === null && !ind.baseline.printed)
    report(ctx, [...path, 'baseline', 'printed'], '基数为空时须注明印刷内容（如“—”）', 'a missing baseline needs its printed mark (e.g. —)');
  const t = ind.target;
  if (t.comparator === 'range' && t.min > t.max)
    report(ctx, [...path, 'target', 'min'], '区间下限大于上限', 'range min exceeds max');
  if (t.year !== undefined && (t.year < start || t.year > end))
    report(ctx, [...path, 'target', 'year'], '目标年份不在规划期内', 'target year outside the plan period');
  if (t.fromYear !== undefined && (t.fromYear < start || t.fromYear > (t.year ?? end)))
    report(ctx, [...path, 'target', 'fromYear'], '起始年份不在规划期内', 'fromYear outside the plan period');
  if (t.kind === 'rate' && ind.unit !== '%')
    report(ctx, [...path, 'unit'], '比率类指标的单位须为 %', 'a rate is measured in %');
  if (ind.actual && (ind.actual.year < start || ind.actual.year > end))
    report(ctx, [...path, 'actual', 'year'], '完成数年份不在规划期内', 'actual year outside the plan period');
}

export const ZPlanSchema = ZPlanObjectSchema.superRefine(checkPlan);

export type TPlan = z.infer<typeof ZPlanSchema>;
export type TPlanGroup = TPlan['groups'][number];
export type TIndicator = TPlanGroup['indicators'][number];
export type TTarget = z.infer<typeof ZTargetSchema>;
export type TTargetKind = (typeof targetKinds)[number];
export type TComparator = (typeof comparators)[number];
export type TBoundComparator = (typeof boundComparators)[number];
export type TBaseline = z.infer<typeof ZBaselineSchema>;
export type TUnit = (typeof units)[number];

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

function zhMessage(issue: z.core.$ZodIssue): string {
  const params = (issue as { params?: { zh?: unknown } }).params;
  if (issue.code === 'custom' && typeof params?.zh === 'string') return params.zh;
  const localised = z.locales.zhCN().localeError(issue as never);
  if (typeof localised === 'string') return localised;
  return localised?.message ?? issue.message;
}

function fail(problems: FieldProblem[]): never {
  const list = (lang: 'zh' | 'en') => problems.map((p) => `${p.field}: ${p[lang]}`).join('; ');
  throw new AppError('VALIDATION', {
    zh: `规划文件有 ${problems.length} 处错误：${list('zh')}`,
    en: `Plan file has ${problems.length} problem(s): ${list('en')}`,
    fields: problems,
  });
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Parses and validates a plan file; throws AppError VALIDATION listing every problem. */
export function parsePlanYaml(text: string): TPlan {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    fail(
      doc.errors.map((e) => ({
        field: `(yaml line ${lineOf(text, e.pos[0])})`,
        zh: `YAML 语法错误：${e.message}`,
        en: `YAML syntax error: ${e.message}`,
      })),
    );
  }
  const result = ZPlanSchema.safeParse(doc.toJS(), { reportInput: true });
  if (result.success) return result.data;
  fail(
    result.error.issues.map((issue) => ({
      field: pathText(issue.path),
      zh: zhMessage(issue),
      en: issue.message,
    })),
  );
}
