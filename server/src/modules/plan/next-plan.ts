// "New plan from this one": the latest figure of each indicator at the plan's region, to
// become the next plan's baseline (plans.ts nextPlanFrom builds the plan itself).
import type { Caller } from '../../platform/auth/service';
import type { Platform } from '../../platform/kernel';
import { planData } from './figures';
import type { TPlan } from './plan-schema';
import { allIndicators } from './plans';

/**
 * Latest yearly figure per indicator code: the last year's flow for sums and yearly targets
 * (the base of a new plan is a one-year figure, as 专栏2 notes), the latest value otherwise.
 */
export async function latestValues(v: { platform: Platform; caller: Caller }, plan: TPlan): Promise<Map<string, number | null>> {
  const region = plan.region ?? '460000';
  const data = await planData(v.platform, plan, [region], plan.period.end);
  const out = new Map<string, number | null>();
  for (const { ind } of allIndicators(plan)) {
    const series = data.get(ind.code)?.series.get(region) ?? [];
    const last = [...series].sort((a, b) => a.year - b.year).at(-1);
    // A five-year sum reported as one figure (the 13th plan's [62.93]) is not a yearly base.
    const periodTotal = ind.target.kind === 'cumulative' && ind.source === 'reported' && series.length === 1 && ind.actual !== undefined;
    out.set(ind.code, last && !periodTotal ? last.value : null);
  }
  return out;
}
