// The figures behind a plan's indicators, per region and year: approved reported values, or
// computed ones from the measure engine (converted to the indicator's unit), with their
// lineage. Fetched once per evaluation for every indicator, region and year it needs.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { measureFigures, measureSqlText, type MeasureCache, type MeasureFigure } from '../../platform/measures/engine';
import { getMeasure } from '../../platform/measures';
import type { Platform } from '../../platform/kernel';
import type { TObservation } from './evaluate';
import type { TIndicator, TPlan } from './plan-schema';
import { allIndicators, valueCodeOf } from './plans';
import { planMeasureResults } from './schema';
import { unitFactor } from './units';
import { approvedFigures, type ApprovedFigure } from './values';

/** How long computed figures are served from the cache before the SQL runs again. */
export const MEASURE_MAX_AGE_MS = 15 * 60_000;

const toFigure = (r: typeof planMeasureResults.$inferSelect): MeasureFigure => ({
  key: r.measureKey,
  regionCode: r.regionCode,
  year: r.year,
  value: r.value,
  numerator: r.numerator,
  denominator: r.denominator,
  computedAt: r.computedAt,
});

/** Upserts figures in (key, year, region) order: every writer locks rows in the same order, so two never deadlock. */
async function upsertFigures(db: Db, figures: readonly MeasureFigure[]): Promise<void> {
  const CHUNK = 500;
  const sorted = [...figures].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.year - b.year || (a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : 0)));
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const chunk = sorted.slice(i, i + CHUNK).map((f) => ({
      measureKey: f.key,
      regionCode: f.regionCode,
      year: f.year,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      computedAt: f.computedAt,
    }));
    await db
      .insert(planMeasureResults)
      .values(chunk)
      .onConflictDoUpdate({
        target: [planMeasureResults.measureKey, planMeasureResults.regionCode, planMeasureResults.year],
        set: {
          value: sqlExcluded('value'),
          numerator: sqlExcluded('numerator'),
          denominator: sqlExcluded('denominator'),
          computedAt: sqlExcluded('computed_at'),
        },
      });
  }
}

export function measureCache(db: Db): MeasureCache {
  return {
    async read(key, years, regionCodes) {
      if (!years.length || !regionCodes.length) return [];
      const rows = await db
        .select()
        .from(planMeasureResults)
        .where(and(eq(planMeasureResults.measureKey, key), inArray(planMeasureResults.year, [...years]), inArray(planMeasureResults.regionCode, [...regionCodes])));
      return rows.map(toFigure);
    },
    // One transaction: a refresh of one region (update below) sees all of a recomputation or none of it.
    async write(figures) {
      if (figures.length === 0) return;
      await db.transaction(async (tx) => upsertFigures(tx, figures));
    },
    async update(key, year, regionCodes, change) {
      if (!regionCodes.length) return null;
      return db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(planMeasureResults)
          .where(and(eq(planMeasureResults.measureKey, key), eq(planMeasureResults.year, year), inArray(planMeasureResults.regionCode, [...regionCodes])))
          .orderBy(planMeasureResults.regionCode)
          .for('update');
        const next = change(rows.map(toFigure));
        if (next) await upsertFigures(tx, next);
        return next;
      });
    },
  };
}

const sqlExcluded = (col: string) => sql.raw(`excluded.${col}`);

export type ReportedLineage = {
  kind: 'reported';
  valueCode: string;
  figures: { year: number; valueId: number; revision: number; value: number; submittedBy: string | null; approvedBy: string | null; approvedAt: string | null; reason: string | null }[];
};

export type ComputedLineage = {
  kind: 'computed';
  measureKey: string;
  registered: boolean;
  name: { zh: string; en: string } | null;
  definition: { zh: string; en: string } | null;
  measureUnit: string | null;
  measureKind: 'count' | 'ratio' | null;
  time: 'flow' | 'stock' | null;
  /** Multiplies the measure's figures into the indicator's unit (人 → 万人: 0.0001). */
  factor: number | null;
  sql: string | null;
  params: unknown[];
  computedAt: string | null;
  /** Per year at this region: the raw figure (numerator and denominator for ratios). */
  figures: { year: number; value: number | null; numerator: number | null; denominator: number | null; computedAt: string }[];
};

export type Lineage = ReportedLineage | ComputedLineage;

export type Problem = { zh: string; en: string };

/** One indicator's figures in every region asked. */
export type IndicatorData = {
  /** Observations of the plan's years, per region (in the indicator's unit). */
  series: Map<string, TObservation[]>;
  /** The base-year figure per region, when the source has one (computed sources). */
  base: Map<string, number | null>;
  lineage(region: string): Lineage;
  problems: Problem[];
};

export type PlanData = Map<string, IndicatorData>;

function pushObs(map: Map<string, TObservation[]>, region: string, obs: TObservation): void {
  const list = map.get(region) ?? [];
  list.push(obs);
  map.set(region, list);
}

/**
 * Fetches the figures of every indicator of a plan for the regions and years asked (years of
 * the plan period up to `toYear`; computed sources also give the base year).
 */
export async function planData(platform: Platform, plan: TPlan, regions: string[], toYear: number, opts: { refresh?: boolean } = {}): Promise<PlanData> {
  const years: number[] = [];
  for (let y = plan.period.start; y <= Math.min(toYear, plan.period.end); y++) years.push(y);
  const out: PlanData = new Map();
  const entries = allIndicators(plan).map((x) => x.ind);

  // Reported: one query for all reported indicators.
  const reported = entries.filter((i) => i.source === 'reported');
  const codes = [...new Set(reported.map((i) => valueCodeOf(plan, i)))];
  const approved = await approvedFigures(platform.db, plan.id, codes, regions, years);
  const byCode = new Map<string, ApprovedFigure[]>();
  for (const f of approved) byCode.set(f.indicatorCode, [...(byCode.get(f.indicatorCode) ?? []), f]);
  for (const ind of reported) {
    const valueCode = valueCodeOf(plan, ind);
    const figs = (byCode.get(valueCode) ?? []).sort((a, b) => a.year - b.year);
    const series = new Map<string, TObservation[]>();
    for (const f of figs) pushObs(series, f.regionCode, { year: f.year, value: f.value });
    out.set(ind.code, {
      series,
      base: new Map(),
      problems: [],
      lineage: (region) => ({
        kind: 'reported',
        valueCode,
        figures: figs
          .filter((f) => f.regionCode === region)
          .map((f) => ({
            year: f.year,
            valueId: f.valueId,
            revision: f.revision.revision,
            value: f.value,
            submittedBy: f.revision.submittedBy,
            approvedBy: f.revision.approvedBy,
            approvedAt: f.revision.approvedAt ? f.revision.approvedAt.toISOString() : null,
            reason: f.revision.reason,
          })),
      }),
    });
  }

  // Computed: one engine call per measure, shared by the indicators that use it.
  const deps = { db: platform.db, index: platform.regions.index, cache: measureCache(platform.db) };
  const byMeasure = new Map<string, { figs: MeasureFigure[]; error: string | null }>();
  for (const ind of entries.filter((i) => i.source !== 'reported')) {
    const def = getMeasure(ind.source);
    if (!byMeasure.has(ind.source)) {
      let figs: MeasureFigure[] = [];
      let error: string | null = null;
      try {
        if (def) figs = await measureFigures(deps, def, { years: [plan.baseYear, ...years], regionCodes: regions, maxAgeMs: MEASURE_MAX_AGE_MS, force: opts.refresh });
      } catch (e) {
        // One module's broken measure must not take the whole evaluation down.
        error = e instanceof Error ? e.message : String(e);
        platform.log.error({ measure: ind.source, err: error }, 'measure failed');
      }
      byMeasure.set(ind.source, { figs, error });
    }
    const m = byMeasure.get(ind.source)!;
    const data = computedData(plan, ind, m.figs, def ?? null);
    if (m.error) data.problems.push({ zh: `统计口径“${ind.source}”计算出错，请联系管理员`, en: `Measure "${ind.source}" failed to compute; contact the administrator` });
    out.set(ind.code, data);
  }
  return out;
}

function computedData(plan: TPlan, ind: TIndicator, figs: MeasureFigure[], def: ReturnType<typeof getMeasure> | null): IndicatorData {
  const problems: Problem[] = [];
  const series = new Map<string, TObservation[]>();
  const base = new Map<string, number | null>();
  let factor: number | null = null;
  if (!def) {
    problems.push({ zh: `数据来源“${ind.source}”尚未接入（对应业务模块未注册该统计口径）`, en: `Measure "${ind.source}" is not registered yet (its module does not provide it)` });
  } else {
    factor = unitFactor(def.unit, ind.unit);
    if (factor === null) problems.push({ zh: `统计口径单位“${def.unit}”无法换算为指标单位“${ind.unit}”`, en: `The measure's unit "${def.unit}" does not convert to the indicator's "${ind.unit}"` });
    if (def.time === 'stock' && (ind.target.kind === 'cumulative' || ind.target.kind === 'annual')) {
      problems.push({ zh: '存量口径不能用于累计或年度新增目标', en: 'A stock measure cannot feed a cumulative or yearly target' });
    }
    if (factor !== null) {
      for (const f of figs) {
        if (f.value === null) continue;
        const v = Number((f.value * factor).toPrecision(12));
        if (f.year === plan.baseYear) base.set(f.regionCode, v);
        else pushObs(series, f.regionCode, { year: f.year, value: v });
      }
    }
  }
  const text = def ? measureSqlText(def, { fromYear: plan.baseYear, toYear: plan.period.end }) : null;
  return {
    series,
    base,
    problems,
    lineage: (region) => {
      const mine = figs.filter((f) => f.regionCode === region);
      const latest = mine.reduce<Date | null>((m, f) => (!m || f.computedAt > m ? f.computedAt : m), null);
      return {
        kind: 'computed',
        measureKey: ind.source,
        registered: !!def,
        name: def?.name ?? null,
        definition: def?.definition ?? null,
        measureUnit: def?.unit ?? null,
        measureKind: def?.kind ?? null,
        time: def?.time ?? null,
        factor,
        sql: text?.sql ?? null,
        params: text?.params ?? [],
        computedAt: latest ? latest.toISOString() : null,
        figures: mine.map((f) => ({ year: f.year, value: f.value, numerator: f.numerator, denominator: f.denominator, computedAt: f.computedAt.toISOString() })),
      };
    },
  };
}
