// Demo data for a fresh start: a small synthetic Hainan (about 50,000 people) made by the
// same generator parts as `renshe generate`, with a fixed seed so every demo looks alike.
// Runs only on an empty registry; a restart keeps what is there.
import { count } from 'drizzle-orm';
import type { Platform } from './platform/kernel';
import { modules } from './modules';
import { persons } from './modules/registry';
import { generate, type GenerateReport } from './platform/generate';
import { census2020 } from './platform/regions/tree';
import { systemScope } from './platform/scope';

/** Scale, seed and years of the demo province (RENSHE_DEMO_SCALE overrides the scale). */
export const DEMO = { scale: 0.005, seed: 20201101, fromYear: 2016, toYear: 2025 } as const;

export async function seedDemoData(platform: Platform, opts: { scale?: number; out?: (line: string) => void } = {}): Promise<GenerateReport | null> {
  const [{ n }] = await platform.db.select({ n: count() }).from(persons).where(systemScope());
  if (Number(n) > 0) return null;
  const envScale = Number(process.env.RENSHE_DEMO_SCALE);
  const scale = opts.scale ?? (envScale > 0 ? envScale : DEMO.scale);
  const out = opts.out ?? ((line: string) => console.log(line));
  out(`首次启动：正在生成演示数据（约 ${Math.round(census2020().province.population * scale).toLocaleString('en-US')} 人的模拟海南）… / First start: generating demo data…`);
  const report = await generate({
    platform,
    parts: modules.flatMap((m) => (m.generator ? [m.generator] : [])),
    scale,
    seed: DEMO.seed,
    fromYear: DEMO.fromYear,
    toYear: DEMO.toYear,
    out,
    progressIntervalMs: 5000,
  });
  // Modules' own small fixtures (e.g. reference records a generator part does not make).
  for (const m of modules) await m.seedDemo?.(platform);
  return report;
}
