// Demo data for a fresh start: a small, deterministic synthetic population so the pages
// have something to show. The full calibrated generator (`renshe generate`) builds on the
// same per-module parts.
import { count } from 'drizzle-orm';
import type { Platform } from './platform/kernel';
import { modules } from './modules';
import { persons } from './modules/registry';
import { systemScope } from './platform/scope';

export async function seedDemoData(platform: Platform): Promise<void> {
  const [{ n }] = await platform.db.select({ n: count() }).from(persons).where(systemScope());
  if (Number(n) > 0) return;
  for (const m of modules) await m.seedDemo?.(platform);
}
