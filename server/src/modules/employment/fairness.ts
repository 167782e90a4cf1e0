// Fairness report: do the plan's groups (graduates, rural migrant workers, veterans, people
// with disabilities, zero-employment households) get the same exposure and hires as other
// seekers? Exposure = being put in front of an employer or caseworker: a recommendation,
// application or referral, or a view of the profile. Each group is compared with the seekers
// outside it; a ratio under 0.8 (the "four-fifths" rule of thumb) is flagged.
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { regionFilter, scopeWhere } from '../../platform/scope';
import { difficultyGroups } from './codes';
import type { Ctx } from './context';
import { jobPlacements, jobSeekers, seekerProfileViews } from './schema';
import type { DifficultyGroup } from './types';

export type SeekerOutcome = { groups: readonly string[]; exposures: number; hired: boolean };

export type GroupFairness = {
  group: DifficultyGroup;
  zh: string;
  en: string;
  seekers: number;
  exposedShare: number | null;
  exposuresPerSeeker: number | null;
  hireRate: number | null;
  /** The same figures for seekers outside the group. */
  others: { seekers: number; exposedShare: number | null; exposuresPerSeeker: number | null; hireRate: number | null };
  exposureRatio: number | null;
  hireRatio: number | null;
  flagged: boolean;
};

const rate = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 1000) / 1000);

function stats(list: SeekerOutcome[]) {
  const n = list.length;
  return {
    seekers: n,
    exposedShare: rate(list.filter((s) => s.exposures > 0).length, n),
    exposuresPerSeeker: rate(list.reduce((a, s) => a + s.exposures, 0), n),
    hireRate: rate(list.filter((s) => s.hired).length, n),
  };
}

/** Pure: the report from per-seeker outcomes. */
export function fairnessOf(seekers: SeekerOutcome[]): { all: ReturnType<typeof stats>; groups: GroupFairness[] } {
  const groups = difficultyGroups.map((g) => {
    const inside = seekers.filter((s) => s.groups.includes(g.code));
    const outside = seekers.filter((s) => !s.groups.includes(g.code));
    const a = stats(inside);
    const b = stats(outside);
    const exposureRatio = ratio(a.exposedShare, b.exposedShare);
    const hireRatio = ratio(a.hireRate, b.hireRate);
    return { group: g.code, zh: g.zh, en: g.en, ...a, others: b, exposureRatio, hireRatio, flagged: (exposureRatio !== null && exposureRatio < 0.8) || (hireRatio !== null && hireRatio < 0.8) };
  });
  return { all: stats(seekers), groups };
}

export async function fairnessReport(ctx: Ctx, q: { regionCode?: string; from?: string; to?: string }) {
  const s = jobSeekers;
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, s), regionFilter(ctx.caller.scope, q.regionCode, s.regionCode, ctx.platform.regions.expand)];
  const pWhen: SQL[] = [];
  const vWhen: SQL[] = [];
  if (q.from) {
    pWhen.push(gte(jobPlacements.createdAt, new Date(`${q.from}T00:00:00+08:00`)));
    vWhen.push(gte(seekerProfileViews.viewedAt, new Date(`${q.from}T00:00:00+08:00`)));
  }
  if (q.to) {
    pWhen.push(lte(jobPlacements.createdAt, new Date(`${q.to}T23:59:59.999+08:00`)));
    vWhen.push(lte(seekerProfileViews.viewedAt, new Date(`${q.to}T23:59:59.999+08:00`)));
  }
  const placementsSub = ctx.platform.db
    .select({ seekerId: jobPlacements.seekerId, n: sql<number>`count(*)::int`.as('n'), hired: sql<boolean>`bool_or(${jobPlacements.status} = 'hired')`.as('hired') })
    .from(jobPlacements)
    .where(and(scopeWhere(ctx.caller.scope, jobPlacements), ...pWhen))
    .groupBy(jobPlacements.seekerId)
    .as('p');
  const viewsSub = ctx.platform.db
    .select({ seekerId: seekerProfileViews.seekerId, n: sql<number>`count(*)::int`.as('vn') })
    .from(seekerProfileViews)
    .where(and(scopeWhere(ctx.caller.scope, seekerProfileViews), ...vWhen))
    .groupBy(seekerProfileViews.seekerId)
    .as('v');
  const list = await ctx.platform.db
    .select({ groups: s.groups, placements: sql<number>`coalesce(${placementsSub.n}, 0)::int`, views: sql<number>`coalesce(${viewsSub.n}, 0)::int`, hired: sql<boolean>`coalesce(${placementsSub.hired}, false)` })
    .from(s)
    .leftJoin(placementsSub, eq(placementsSub.seekerId, s.id))
    .leftJoin(viewsSub, eq(viewsSub.seekerId, s.id))
    .where(and(...conds));
  const outcomes: SeekerOutcome[] = list.map((r) => ({ groups: r.groups, exposures: Number(r.placements) + Number(r.views), hired: !!r.hired }));
  return { definition: { zh: '曝光 = 被推荐、投递、职业介绍或简历被查看的次数；录用率 = 被录用的求职者占比；与组外求职者之比低于 0.8 时标记', en: 'Exposure = recommendations, applications, referrals and profile views; hire rate = share of seekers hired; a ratio to seekers outside the group under 0.8 is flagged' }, ...fairnessOf(outcomes) };
}
