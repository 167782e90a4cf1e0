// Demo data for a fresh start: a small synthetic Hainan (about 50,000 people) made by the
// same generator parts as `renshe generate`, with a fixed seed so every demo looks alike.
// Runs only on an empty registry; a restart keeps what is there.
import { and, asc, between, count, like } from 'drizzle-orm';
import type { Platform } from './platform/kernel';
import { modules } from './modules';
import { employers, persons } from './modules/registry';
import { maskName } from './platform/crypto';
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

export type DemoPortalAccount = { kind: 'person' | 'employer'; identifier: string; code: string; displayName: string };

/**
 * Activation codes for one demo citizen and one demo employer in 定安县, so that the portal can
 * be tried at once (in real use a window issues them after checking the ID card or licence).
 */
export async function demoPortalCodes(platform: Platform): Promise<DemoPortalAccount[]> {
  const [p] = await platform.db
    .select()
    .from(persons)
    .where(and(like(persons.regionCode, '469021%'), between(persons.birthDate, '1975-01-01', '1995-12-31'), systemScope()))
    .orderBy(asc(persons.id))
    .limit(1);
  const [e] = await platform.db.select().from(employers).where(and(like(employers.regionCode, '469021%'), systemScope())).orderBy(asc(employers.id)).limit(1);
  const out: DemoPortalAccount[] = [];
  if (p) {
    const identifier = platform.crypto.decrypt(p.idCipher);
    const displayName = maskName(p.name);
    const r = await platform.portal.issue({ kind: 'person', subjectId: p.id, identifier, regionCode: p.regionCode, displayName, issuedBy: 0 });
    out.push({ kind: 'person', identifier, code: r.code, displayName });
  }
  if (e) {
    const r = await platform.portal.issue({ kind: 'employer', subjectId: e.id, identifier: e.uscc, regionCode: e.regionCode, displayName: e.name, issuedBy: 0 });
    out.push({ kind: 'employer', identifier: e.uscc, code: r.code, displayName: e.name });
  }
  // Issuing a code is a write like any other: the demo's are audited as the system's.
  for (const a of out) {
    await platform.audit(null, { actorId: null, actorName: 'demo', action: `registry.${a.kind}.portal-activation`, targetType: a.kind, targetId: a.kind === 'person' ? p?.id : e?.id, outcome: 'success', detail: { demo: true } });
  }
  return out;
}
