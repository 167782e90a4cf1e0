// Calibration of the synthetic province (issue 6): at --scale 1 the 2020 figures computed
// from the generated records must reproduce the 14th plan's 2020 base column (专栏2) within
// 2%; at other scales counts scale and rates stay.
//
// The targets are data: reference/calibration/hainan-2020.json, written from the plan YAML by
// `npx tsx bench/calibration.ts --write`. The check runs the registered measures for 2020 on
// a generated database and compares them with the targets:
//   npx tsx bench/calibration.ts --scale S     (DATABASE_URL or RENSHE_DATA_DIR as the server)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlanYaml } from '../server/src/modules/plan/plan-schema';
import { rollUp, runMeasureSql } from '../server/src/platform/measures/engine';
import { getMeasure } from '../server/src/platform/measures';
import type { Platform } from '../server/src/platform/kernel';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TARGETS_FILE = join(root, 'reference/calibration/hainan-2020.json');

export type CalibrationTarget = {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  /** The measure key the plan names. */
  measure: string;
  /** 2020 base value as printed in 专栏2, in `unit`. */
  base2020: number;
  /** 'count' values scale with --scale; 'rate' values do not. */
  scales: 'count' | 'rate';
  /** Per the table's note: counts of insured people and card holders are stocks, the rest 2020 flows. */
  time: 'stock' | 'flow';
  tolerance: number;
};

export type CalibrationFile = { source: string; plan: string; baseYear: number; tolerance: number; note: string; targets: CalibrationTarget[] };

const STOCK_CODES = new Set(['14-07', '14-08', '14-09', '14-10', '14-11', '14-12', '14-13', '14-14', '14-25']);

/** The targets, from the plan YAML: every computed indicator of 专栏2 with a printed 2020 base. */
export function buildTargets(): CalibrationFile {
  const plan = parsePlanYaml(readFileSync(join(root, 'reference/plans/hainan-hrss-14.yaml'), 'utf8'));
  const targets: CalibrationTarget[] = [];
  for (const g of plan.groups) {
    if (g.section !== 'table') continue;
    for (const ind of g.indicators) {
      if (ind.source === 'reported' || ind.sameAs || !ind.baseline || ind.baseline.value === null) continue;
      targets.push({
        code: ind.code,
        name: ind.name,
        nameEn: ind.nameEn ?? ind.name,
        unit: ind.unit,
        measure: ind.source,
        base2020: ind.baseline.value,
        scales: ind.unit === '%' ? 'rate' : 'count',
        time: STOCK_CODES.has(ind.code) ? 'stock' : 'flow',
        tolerance: 0.02,
      });
    }
  }
  return {
    source: 'reference/plans/hainan-hrss-14.yaml (专栏2 “十四五”时期主要指标, 2020年基数 column)',
    plan: plan.id,
    baseYear: plan.baseYear,
    tolerance: 0.02,
    note: 'At --scale 1 the 2020 province figure computed from generated records must be within 2% of base2020; at scale s, counts are compared with base2020 × s, rates as they are. Reported indicators (surveyed unemployment, fund figures) and those printed “—” are not calibrated.',
    targets,
  };
}

export function readTargets(): CalibrationFile {
  return JSON.parse(readFileSync(TARGETS_FILE, 'utf8')) as CalibrationFile;
}

export type CalibrationResult = CalibrationTarget & {
  status: 'ok' | 'off' | 'no measure';
  computed: number | null;
  expected: number;
  deviation: number | null;
  /** For rates: the province's numerator and denominator (e.g. 14-07: insured ÷ 应参保人数 under the year's denominator version). */
  numerator?: number | null;
  denominator?: number | null;
};

const PER_10K = new Set(['万人', '万人次', '万户']);

/** Computes each target's 2020 province figure from the registered measures and compares. */
export async function checkCalibration(platform: Platform, scale: number, file: CalibrationFile = readTargets()): Promise<CalibrationResult[]> {
  const out: CalibrationResult[] = [];
  for (const t of file.targets) {
    const expected = t.scales === 'count' ? t.base2020 * scale : t.base2020;
    const def = getMeasure(t.measure);
    if (!def) {
      out.push({ ...t, status: 'no measure', computed: null, expected, deviation: null });
      continue;
    }
    const rows = await runMeasureSql(platform.db, def, [file.baseYear]);
    const province = rollUp(def, rows, platform.regions.index, [file.baseYear]).figures.find((f) => f.regionCode === '460000');
    let computed = province?.value ?? null;
    if (computed !== null && PER_10K.has(t.unit) && !PER_10K.has(def.unit)) computed /= 10_000;
    const deviation = computed === null || expected === 0 ? null : (computed - expected) / expected;
    out.push({ ...t, status: deviation !== null && Math.abs(deviation) <= t.tolerance ? 'ok' : 'off', computed, expected, deviation, numerator: province?.numerator ?? null, denominator: province?.denominator ?? null });
  }
  return out;
}

export function formatCalibration(results: CalibrationResult[]): string {
  return results
    .map((r) => {
      const v = r.computed === null ? '—' : r.computed.toFixed(r.unit === '%' ? 2 : 3);
      const d = r.deviation === null ? '' : ` (${r.deviation >= 0 ? '+' : ''}${(100 * r.deviation).toFixed(1)}%)`;
      const parts = r.unit === '%' && r.denominator ? ` = ${r.numerator} / ${r.denominator}` : '';
      return `  ${r.code} ${r.name}: ${r.status}${r.status === 'no measure' ? ` (${r.measure})` : `: ${v}${parts} vs ${r.expected.toFixed(r.unit === '%' ? 2 : 3)} ${r.unit}${d}`}`;
    })
    .join('\n');
}

// ---- command line ----------------------------------------------------------------------

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  if (argv.includes('--write')) {
    mkdirSync(dirname(TARGETS_FILE), { recursive: true });
    writeFileSync(TARGETS_FILE, JSON.stringify(buildTargets(), null, 2) + '\n');
    console.log(`wrote ${TARGETS_FILE}`);
  } else {
    const i = argv.indexOf('--scale');
    const scale = i >= 0 ? Number(argv[i + 1]) : 1;
    const { buildPlatform } = await import('../server/src/app');
    const { loadConfig } = await import('../server/src/platform/config');
    const { openDatabase } = await import('../server/src/platform/db');
    const config = loadConfig();
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const platform = await buildPlatform({ config, database });
      const fresh = JSON.stringify(buildTargets().targets) === JSON.stringify(readTargets().targets);
      if (!fresh) console.log('note: reference/calibration/hainan-2020.json differs from the plan YAML; run with --write');
      const results = await checkCalibration(platform, scale);
      console.log(`calibration at scale ${scale} against ${TARGETS_FILE}:\n${formatCalibration(results)}`);
      const checked = results.filter((r) => r.status !== 'no measure');
      console.log(`${checked.filter((r) => r.status === 'ok').length}/${checked.length} checkable targets within tolerance; ${results.length - checked.length} without a measure yet`);
      if (checked.some((r) => r.status === 'off')) process.exitCode = 1;
    } finally {
      await database.close();
    }
  }
}
