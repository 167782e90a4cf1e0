// 基金智慧监督: fund-supervision rules that run as scheduled jobs. Each rule is versioned, its
// SQL returns one row per subject (a stable key, so a rerun adds no duplicate) with the
// evidence that made it hit; each hit is a case a supervisor confirms, dismisses or closes.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { num, rows } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { regionFilter, scopeWhere, systemScope } from '../../platform/scope';
import type { Ctx } from './access';
import { todayIso } from './calendar';
import { baseBand, loadParams } from './params';
import { insuranceSupervisionHits } from './schema';
import { addMonths } from './types';

export type RuleContext = { asOf: string; bands: SQL; massStop: { minStopped: number; minShare: number } };

export type SupervisionRule = {
  key: string;
  version: string;
  name: { zh: string; en: string };
  description: { zh: string; en: string };
  basis: string;
  cron: string;
  /** Rows: subject_key, person_id, employer_id, region_code, amount_fen, evidence (jsonb). */
  detect(c: RuleContext): SQL;
};

const PENSIONS = sql`('enterprise_pension', 'institution_pension', 'resident_pension')`;

export const supervisionRules: SupervisionRule[] = [
  {
    key: 'paid_after_death',
    version: '1',
    name: { zh: '死亡后仍领取待遇', en: 'Benefits paid after death' },
    description: { zh: '支付月份不早于死亡次月的待遇发放（以最新已知的死亡记录为准）', en: 'Payments for months from the month after death on (latest known death record)' },
    basis: '社会保险法 第八十八条（骗取社会保险待遇的，退回并处罚款）',
    cron: '0 3 * * *',
    // Per death record, the payments from the month after death through the (person, month)
    // index: deaths are few beside payments (100,000 against tens of millions), so probing beats
    // scanning every payment. The grouped LATERAL keeps the planner from turning it into a scan.
    detect: () => sql`
      with death as (
        select distinct on (person_id) id, person_id, occurred_on, known_on, source, source_ref
          from insurance_life_events where kind = 'death' and ${systemScope()}
         order by person_id, recorded_at desc, id desc)
      select 'death:' || de.id || ':decision:' || p.decision_id as subject_key, de.person_id, null::bigint as employer_id,
             p.region_code, p.amount_fen,
             jsonb_build_object('deathDate', de.occurred_on, 'knownOn', de.known_on, 'source', de.source, 'sourceRef', de.source_ref,
                                'decisionId', p.decision_id, 'kind', p.kind, 'payments', p.payments) as evidence
        from death de
        cross join lateral (
          select decision_id, min(region_code) as region_code, sum(amount_fen)::bigint as amount_fen, min(kind) as kind,
                 jsonb_agg(jsonb_build_object('month', pay_month, 'amountFen', amount_fen, 'paidOn', paid_on) order by pay_month) as payments
            from insurance_benefit_payments
           where person_id = de.person_id and pay_month >= (date_trunc('month', de.occurred_on) + interval '1 month')::date and ${systemScope()}
           group by decision_id) p`,
  },
  {
    key: 'paid_while_imprisoned',
    version: '1',
    name: { zh: '服刑期间领取待遇', en: 'Benefits paid during imprisonment' },
    description: { zh: '收监次月起至释放当月止发放的养老金或失业保险金', en: 'Pensions or unemployment benefit paid from the month after imprisonment to the month of release' },
    basis: '服刑期间停发基本养老金（人社部有关规定，check）；失业保险条例 第十五条',
    cron: '10 3 * * *',
    detect: () => sql`
      with jail as (
        select i.id, i.person_id, i.occurred_on, i.source, i.source_ref,
               (select min(r.occurred_on) from insurance_life_events r where r.person_id = i.person_id and r.kind = 'release' and r.occurred_on >= i.occurred_on) as released_on
          from insurance_life_events i where i.kind = 'imprisonment' and ${systemScope()})
      select 'prison:' || j.id || ':decision:' || p.decision_id as subject_key, p.person_id, null::bigint as employer_id,
             min(p.region_code) as region_code, sum(p.amount_fen)::bigint as amount_fen,
             jsonb_build_object('imprisonedOn', j.occurred_on, 'releasedOn', j.released_on, 'source', j.source, 'sourceRef', j.source_ref,
                                'decisionId', p.decision_id, 'kind', min(p.kind),
                                'payments', jsonb_agg(jsonb_build_object('month', p.pay_month, 'amountFen', p.amount_fen) order by p.pay_month)) as evidence
        from insurance_benefit_payments p join jail j on j.person_id = p.person_id
       where p.kind in ('enterprise_pension', 'institution_pension', 'resident_pension', 'unemployment_benefit')
         and p.pay_month >= (date_trunc('month', j.occurred_on) + interval '1 month')::date
         and (j.released_on is null or p.pay_month <= date_trunc('month', j.released_on)::date)
         and ${systemScope()}
       group by j.id, j.occurred_on, j.released_on, j.source, j.source_ref, p.decision_id, p.person_id`,
  },
  {
    key: 'exclusive_pensions',
    version: '1',
    name: { zh: '重复领取基本养老金', en: 'Two basic pensions of different schemes at once' },
    description: { zh: '同一人同月领取两种基本养老金（企业职工、机关事业、城乡居民）', en: 'One person paid two different basic pension schemes for the same month' },
    basis: '城乡养老保险制度衔接暂行办法（人社部发〔2014〕17号）第八条：重复领取的终止其一并退还（check）',
    cron: '20 3 * * *',
    detect: () => sql`
      select 'person:' || a.person_id || ':decisions:' || a.decision_id || '-' || b.decision_id as subject_key, a.person_id, null::bigint as employer_id,
             min(a.region_code) as region_code, sum(b.amount_fen)::bigint as amount_fen,
             jsonb_build_object('decisions', jsonb_build_array(a.decision_id, b.decision_id), 'kinds', jsonb_build_array(min(a.kind), min(b.kind)),
                                'regions', jsonb_build_array(min(a.region_code), min(b.region_code)),
                                'months', jsonb_agg(to_char(a.pay_month, 'YYYY-MM') order by a.pay_month)) as evidence
        from insurance_benefit_payments a
        join insurance_benefit_payments b on b.person_id = a.person_id and b.pay_month = a.pay_month and b.decision_id > a.decision_id and b.kind <> a.kind
       where a.kind in ${PENSIONS} and b.kind in ${PENSIONS} and ${systemScope()}
       group by a.person_id, a.decision_id, b.decision_id`,
  },
  {
    key: 'benefits_two_regions',
    version: '1',
    name: { zh: '异地重复领取待遇', en: 'Benefits paid in two regions at once' },
    description: { zh: '同一人同月在两个县级地区领取待遇', en: 'One person paid benefits in two counties for the same month' },
    basis: '社会保险法 第八十八条',
    cron: '30 3 * * *',
    detect: () => sql`
      with m as (
        select person_id, pay_month, jsonb_agg(jsonb_build_object('region', region_code, 'kind', kind, 'amountFen', amount_fen, 'decisionId', decision_id)) as paid,
               sum(amount_fen) - max(amount_fen) as extra, min(region_code) as region_code
          from insurance_benefit_payments where ${systemScope()}
         group by person_id, pay_month having count(distinct left(region_code, 6)) > 1)
      select 'person:' || person_id || ':from:' || to_char(min(pay_month), 'YYYY-MM') as subject_key, person_id, null::bigint as employer_id,
             min(region_code) as region_code, sum(extra)::bigint as amount_fen,
             jsonb_build_object('months', jsonb_agg(jsonb_build_object('month', to_char(pay_month, 'YYYY-MM'), 'paid', paid) order by pay_month)) as evidence
        from m group by person_id`,
  },
  {
    key: 'base_out_of_band',
    version: '1',
    name: { zh: '缴费基数超出法定范围', en: 'Contributions on a base outside the legal band' },
    description: { zh: '有效的申报或核定缴费基数低于当年社平工资60%或高于300%（按当年参数）', en: 'A standing declared or assessed base below 60% or above 300% of the year’s average wage (current parameters)' },
    basis: '国办发〔2019〕13号 第三条',
    cron: '40 3 * * *',
    detect: (c) => sql`
      with b(year, floor_fen, ceil_fen) as (values ${c.bands}),
      m as (
        select l.person_id, l.employer_id, l.fee_month, min(l.region_code) as region_code,
               jsonb_object_agg(l.insurance_type, l.base) as bases, min(l.base) as low, max(l.base) as high
          from (select person_id, employer_id, insurance_type, fee_month, min(region_code) as region_code, sum(base_fen) as base
                  from insurance_ledger
                 where side = 'due' and period_months = 1 and insurance_type <> 'resident_pension' and ${systemScope()}
                 group by person_id, employer_id, insurance_type, fee_month having sum(base_fen) <> 0) l
         group by l.person_id, l.employer_id, l.fee_month)
      select 'person:' || m.person_id || ':' || coalesce(m.employer_id::text, 'self') || ':' || to_char(m.fee_month, 'YYYY-MM') as subject_key,
             m.person_id, m.employer_id, m.region_code, 0::bigint as amount_fen,
             jsonb_build_object('feeMonth', to_char(m.fee_month, 'YYYY-MM'), 'bases', m.bases, 'floorFen', b.floor_fen, 'ceilFen', b.ceil_fen) as evidence
        from m join b on b.year = extract(year from m.fee_month)::int
       where m.low < b.floor_fen or m.high > b.ceil_fen`,
  },
  {
    key: 'employer_mass_stop',
    version: '1',
    name: { zh: '单位集中停缴', en: 'An employer stops contributions for many staff at once' },
    description: { zh: '上月有申报、本月无申报的职工人数达到阈值（人数与比例）', en: 'Staff declared last month but not this month reach the thresholds (count and share)' },
    basis: '就业失业监测预警（与就业模块共用）',
    cron: '0 4 20 * *',
    detect: (c) => massStopSql(addMonths(`${c.asOf.slice(0, 7)}-01`, -1), c.massStop),
  },
];

/** Employers whose declared staff dropped from `month - 1` to `month` by at least the thresholds. */
function massStopSql(month: string, t: { minStopped: number; minShare: number }, where: SQL = systemScope()): SQL {
  return sql`
    with staff as (
      select employer_id, person_id, fee_month from insurance_ledger
       where employer_id is not null and side = 'due' and fee_month in (${addMonths(month, -1)}::date, ${month}::date) and ${where}
       group by employer_id, person_id, fee_month having sum(employer_fen + personal_fen) > 0),
    prev as (select * from staff where fee_month = ${addMonths(month, -1)}::date),
    cur as (select * from staff where fee_month = ${month}::date),
    drop_ as (
      select p.employer_id, count(*)::int as previous, count(c.person_id)::int as continuing,
             (array_agg(p.person_id order by p.person_id) filter (where c.person_id is null))[1:50] as stopped_ids
        from prev p left join cur c on c.employer_id = p.employer_id and c.person_id = p.person_id
       group by p.employer_id)
    select 'employer:' || d.employer_id || ':' || ${month.slice(0, 7)}::text as subject_key, null::bigint as person_id, d.employer_id,
           e.region_code, 0::bigint as amount_fen,
           jsonb_build_object('month', ${month.slice(0, 7)}::text, 'previous', d.previous, 'continuing', d.continuing,
                              'stopped', d.previous - d.continuing, 'share', round((d.previous - d.continuing)::numeric / d.previous, 4),
                              'stoppedPersonIds', to_jsonb(d.stopped_ids)) as evidence
      from drop_ d join employers e on e.id = d.employer_id
     where d.previous - d.continuing >= ${t.minStopped}::int
       and (d.previous - d.continuing)::numeric / d.previous >= ${t.minShare}::numeric`;
}

export type ContributionDrop = { employerId: number; regionCode: string; month: string; previous: number; continuing: number; stopped: number; share: number; stoppedPersonIds: number[] };

/**
 * For the employment module's warning: employers whose contributions stopped for many staff at
 * once in `month` (YYYY-MM-01) against the month before. Thresholds default to the year's
 * parameters (massStop: at least 10 people and 30%).
 */
export async function employerContributionDrops(platform: Platform, opts: { month: string; minStopped?: number; minShare?: number }): Promise<ContributionDrop[]> {
  const p = (await loadParams(platform.database.query.bind(platform.database) as never, [Number(opts.month.slice(0, 4))])).values().next().value!.params;
  const r = await rows<{ employer_id: number; region_code: string; evidence: unknown }>(
    platform.db,
    massStopSql(`${opts.month.slice(0, 7)}-01`, { minStopped: opts.minStopped ?? p.massStop.minStopped, minShare: opts.minShare ?? p.massStop.minShare }),
  );
  return r.map((x) => {
    const e = (typeof x.evidence === 'string' ? JSON.parse(x.evidence) : x.evidence) as { month: string; previous: number; continuing: number; stopped: number; share: number | string; stoppedPersonIds: number[] | null };
    return { employerId: num(x.employer_id), regionCode: x.region_code, month: e.month, previous: e.previous, continuing: e.continuing, stopped: e.stopped, share: Number(e.share), stoppedPersonIds: (e.stoppedPersonIds ?? []).map(Number) };
  });
}

async function ruleContext(platform: Platform, asOf: string): Promise<RuleContext> {
  const year = Number(asOf.slice(0, 4));
  const years: number[] = [];
  for (let y = 1990; y <= year + 1; y++) years.push(y);
  const params = await loadParams(platform.database.query.bind(platform.database) as never, years);
  const bands = sql.join(
    years.map((y) => {
      const b = baseBand(params.get(y)!.params);
      return sql`(${y}::int, ${b.floorFen}::bigint, ${b.ceilFen}::bigint)`;
    }),
    sql`, `,
  );
  return { asOf, bands, massStop: params.get(year)!.params.massStop };
}

export type RunResult = { rule: string; version: string; found: number; added: number };

/** Runs rules (all by default) and records new hits; rerunning adds nothing for subjects already hit. */
export async function runSupervision(platform: Platform, opts: { rules?: string[]; asOf?: string } = {}): Promise<RunResult[]> {
  const asOf = opts.asOf ?? todayIso();
  const c = await ruleContext(platform, asOf);
  const chosen = opts.rules?.length ? supervisionRules.filter((r) => opts.rules!.includes(r.key)) : supervisionRules;
  if (opts.rules?.length && chosen.length !== opts.rules.length) throw new AppError('VALIDATION', { zh: '未知的监督规则', en: 'Unknown supervision rule' });
  const out: RunResult[] = [];
  for (const rule of chosen) {
    const [r] = await rows<{ found: number; added: number }>(
      platform.db,
      sql`with hits as (${rule.detect(c)}),
          ins as (
            insert into insurance_supervision_hits (rule_key, rule_version, subject_key, person_id, employer_id, region_code, amount_fen, evidence)
            select ${rule.key}::text, ${rule.version}::text, subject_key, person_id, employer_id, region_code, amount_fen, evidence from hits
            on conflict (rule_key, subject_key) do nothing returning 1)
          select (select count(*) from hits)::int as found, (select count(*) from ins)::int as added`,
    );
    out.push({ rule: rule.key, version: rule.version, found: num(r.found), added: num(r.added) });
  }
  return out;
}

export function hitView(h: typeof insuranceSupervisionHits.$inferSelect, regionName: (c: string) => string | null) {
  const rule = supervisionRules.find((r) => r.key === h.ruleKey);
  return {
    id: h.id,
    ruleKey: h.ruleKey,
    ruleVersion: h.ruleVersion,
    ruleName: rule?.name.zh ?? h.ruleKey,
    subjectKey: h.subjectKey,
    personId: h.personId,
    employerId: h.employerId,
    regionCode: h.regionCode,
    regionName: regionName(h.regionCode),
    amountFen: h.amountFen,
    evidence: h.evidence,
    detectedAt: h.detectedAt.toISOString(),
    status: h.status,
    resolution: h.resolution,
    resolvedAt: h.resolvedAt ? h.resolvedAt.toISOString() : null,
    version: h.version,
  };
}

export async function listHits(ctx: Ctx, q: { ruleKey?: string; status?: 'open' | 'confirmed' | 'dismissed' | 'closed'; regionCode?: string; page: number; pageSize: number }) {
  const conds: (SQL | undefined)[] = [scopeWhere(ctx.caller.scope, insuranceSupervisionHits)];
  if (q.ruleKey) conds.push(eq(insuranceSupervisionHits.ruleKey, q.ruleKey));
  if (q.status) conds.push(eq(insuranceSupervisionHits.status, q.status));
  conds.push(regionFilter(ctx.caller.scope, q.regionCode, insuranceSupervisionHits.regionCode, ctx.platform.regions.expand));
  const where = and(...conds);
  const items = await ctx.platform.db
    .select({ h: insuranceSupervisionHits, name: sql<string | null>`(select p.name from persons p where p.id = ${insuranceSupervisionHits.personId})`, employer: sql<string | null>`(select e.name from employers e where e.id = ${insuranceSupervisionHits.employerId})` })
    .from(insuranceSupervisionHits)
    .where(where)
    .orderBy(desc(insuranceSupervisionHits.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await rows<{ total: number }>(ctx.platform.db, sql`select count(*)::int as total from ${insuranceSupervisionHits} where ${where}`);
  return { items: items.map((r) => ({ ...hitView(r.h, ctx.platform.regions.name), personName: r.name, employerName: r.employer })), total: num(total), page: q.page, pageSize: q.pageSize };
}

export async function getHit(ctx: Ctx, id: number) {
  const [h] = await ctx.platform.db.select().from(insuranceSupervisionHits).where(and(eq(insuranceSupervisionHits.id, id), scopeWhere(ctx.caller.scope, insuranceSupervisionHits)));
  if (!h) throw new AppError('NOT_FOUND');
  return h;
}

export async function resolveHit(ctx: Ctx, id: number, input: { status: 'confirmed' | 'dismissed' | 'closed'; resolution: string; version: number }) {
  const h = await getHit(ctx, id);
  if (h.status === 'dismissed' || h.status === 'closed') throw new AppError('INVALID_STATE', { zh: '该线索已办结', en: 'This hit is already settled' });
  const [row] = await ctx.platform.db
    .update(insuranceSupervisionHits)
    .set({ status: input.status, resolution: input.resolution, resolvedBy: ctx.caller.userId, resolvedAt: new Date(), version: h.version + 1 })
    .where(and(eq(insuranceSupervisionHits.id, id), eq(insuranceSupervisionHits.version, input.version), scopeWhere(ctx.caller.scope, insuranceSupervisionHits)))
    .returning();
  if (!row) throw new AppError('STALE_VERSION');
  return row;
}
