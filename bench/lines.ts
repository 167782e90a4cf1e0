// Benchmark lines that depend on modules still being built: each checks that what it needs
// exists and otherwise reports "not available" with the reason, so the suite always runs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../server/src/platform/db';
import type { Platform } from '../server/src/platform/kernel';
import { getMeasure, type MeasureDef } from '../server/src/platform/measures';
import { scopedTableNames } from '../server/src/platform/scope';
import { argValue, fmt, notAvailable, type Line } from './lib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export type LineDeps = { database: Database; platform: Platform; log: (s: string) => void };

const PER_10K = new Set(['万人', '万人次', '万户']);

/**
 * 2. A full evaluation of the 14th plan — every indicator whose measure is registered, for
 * every current region and every year of the base year and the plan period: the measures'
 * SQL, the roll-up of the region tree (platform/measures/engine) and the plan's rules
 * (status, projection) per region — against a bare `count(*) … group by region_code` over
 * the tables those measures read.
 */
export async function indicatorsLine({ database, platform, log }: LineDeps): Promise<Line> {
  const name = 'indicators: 14th plan, every region and year';
  if (!existsSync(join(root, 'server/src/platform/measures/engine.ts')) || !existsSync(join(root, 'server/src/modules/plan/evaluate.ts'))) {
    return notAvailable('indicators', name, 'plan engine missing');
  }
  const engine = await import('../server/src/platform/measures/engine');
  const { parsePlanYaml } = await import('../server/src/modules/plan/plan-schema');
  const { evaluable, evaluateIndicator } = await import('../server/src/modules/plan/evaluate');
  const plan = parsePlanYaml(readFileSync(join(root, 'reference/plans/hainan-hrss-14.yaml'), 'utf8'));
  const indicators = plan.groups.flatMap((g) => g.indicators).filter((i) => i.source !== 'reported');
  const defs = new Map<string, MeasureDef>();
  for (const i of indicators) {
    const d = getMeasure(i.source);
    if (d) defs.set(d.key, d);
  }
  const computable = indicators.filter((i) => defs.has(i.source));
  if (computable.length === 0) return notAvailable('indicators', name, `none of the plan's ${indicators.length} computed indicators has a registered measure yet`);
  const years = Array.from({ length: plan.period.end - plan.baseYear + 1 }, (_, k) => plan.baseYear + k);
  const index = platform.regions.index;
  const regions = index.all().filter((r) => index.isCurrent(r.code));

  // The tables the measures read: scoped tables named in their SQL.
  const scoped = scopedTableNames();
  const tables = new Set<string>();
  for (const d of defs.values()) {
    const text = engine.measureSqlText(d, { fromYear: years[0], toYear: years[years.length - 1] }).sql;
    for (const t of scoped) if (new RegExp(`(^|[^a-z0-9_])"?${t}"?([^a-z0-9_]|$)`).test(text)) tables.add(t);
  }

  const e0 = performance.now();
  let figures = 0;
  let evaluations = 0;
  let rowsRead = 0;
  const perMeasure: Record<string, number> = {};
  for (const def of defs.values()) {
    const m0 = performance.now();
    const rows = await engine.runMeasureSql(platform.db, def, years);
    perMeasure[def.key] = (performance.now() - m0) / 1000;
    rowsRead += rows.length;
    const rolled = engine.rollUp(def, rows, index, years);
    figures += rolled.figures.length;
    const byRegion = new Map<string, { year: number; value: number }[]>();
    for (const f of rolled.figures) if (f.value !== null) (byRegion.get(f.regionCode) ?? byRegion.set(f.regionCode, []).get(f.regionCode)!).push({ year: f.year, value: f.value });
    for (const ind of computable.filter((i) => i.source === def.key)) {
      const e = evaluable(plan, ind);
      const k = PER_10K.has(ind.unit) && !PER_10K.has(def.unit) ? 1e-4 : 1;
      for (const r of regions) {
        const series = (byRegion.get(r.code) ?? []).map((o) => ({ year: o.year, value: o.value * k }));
        evaluateIndicator(e, series, plan.period.end);
        evaluations++;
      }
    }
  }
  const evalSeconds = (performance.now() - e0) / 1000;
  const slowest = Object.entries(perMeasure).sort((a, b) => b[1] - a[1]).slice(0, 3);
  log(`  slowest measure SQL: ${slowest.map(([k, v]) => `${k} ${fmt(v, 2)} s`).join(', ')}`);

  const b0 = performance.now();
  let counted = 0;
  for (const t of tables) {
    const r = await database.query<{ n: number }>(`select region_code, count(*)::int as n from ${t} /*scope:system*/ group by region_code`);
    counted += r.reduce((s, x) => s + Number(x.n), 0);
  }
  const scanSeconds = (performance.now() - b0) / 1000;
  const ratio = scanSeconds / evalSeconds;
  log(`  indicators: ${computable.length}/${indicators.length} computable, evaluation ${fmt(evalSeconds, 2)} s, scan ${fmt(scanSeconds, 2)} s over ${[...tables].join(', ')}`);
  return {
    key: 'indicators',
    name,
    measured: `${fmt(evalSeconds, 2)} s (${computable.length} of ${indicators.length} computed indicators; ${fmt(evaluations)} region evaluations, ${fmt(figures)} figures)`,
    baseline: `count(*) by region ${fmt(scanSeconds, 2)} s (${fmt(counted)} rows in ${[...tables].join(', ') || '—'})`,
    ratio,
    target: 'within 2× (ratio ≥ 0.5)',
    met: ratio >= 0.5,
    figures: { evalSeconds, scanSeconds, measureSqlSeconds: perMeasure, computable: computable.map((i) => i.code), measures: [...defs.keys()], missing: indicators.filter((i) => !defs.has(i.source)).map((i) => `${i.code} ${i.source}`), tables: [...tables], evaluations, figures, measureRows: rowsRead, scannedRows: counted },
  };
}

/**
 * 3. Matching (bench/matching.ts): a seeker's top 20 vacancies and a vacancy's top 20 seekers
 * over 200,000 × scale open vacancies and 1,000,000 × scale seekers, against exhaustive scoring.
 * The province size and seed come from the run's own --scale and --seed.
 */
export async function matchingLine({ database, platform, log }: LineDeps): Promise<Line[]> {
  const argv = process.argv.slice(2);
  const { matchingLines } = await import('./matching');
  return matchingLines({ database, platform, log, scale: Number(argValue(argv, 'scale') ?? 0.05), seed: Number(argValue(argv, 'seed') ?? 1) });
}
