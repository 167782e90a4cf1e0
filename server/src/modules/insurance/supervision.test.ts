// Rule: the fund-supervision rules find every planted case in a synthetic population and raise
// no false alarm on the decoys placed next to them (near misses: death on the last day of a
// paid month, benefits stopped in time, a release before the next payment, a scheme switch
// without overlap, a move between counties without overlap, bases exactly on the band's edges,
// a wrong base corrected by reversal, small or proportionally small staff drops). Precision,
// recall and the false-alarm rate are printed per rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent, type TestApp } from '../../../test/app';
import { csvField } from '../../platform/imports/parse';
import { makeUscc } from '../../platform/validate';
import { employerContributionDrops, supervisionRules } from './supervision';

let t: TestApp;
let prov: Agent;
let tun: Agent;
let analyst: Agent;

const N = 620;
const counties = ['469021', '469022', '469023', '469024'];
const pid: number[] = []; // pid[i] = database id of synthetic person i (1-based)
const eid: Record<string, number> = {};
const planted: Record<string, Set<number>> = {};
const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `2026-${String(from + k).padStart(2, '0')}-01`);
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

async function copy(table: string, cols: string[], rows: unknown[][]) {
  if (!rows.length) return;
  await t.platform.database.rawTransaction((tx) => tx.copyCsv(table, cols, rows.map((r) => r.map((v) => csvField(v as string | number | null)).join(',')).join('\n') + '\n'));
}

async function decision(i: number, kind: string, region: string, payMonths: string[]) {
  const [d] = await t.database.query<{ id: number }>(
    `insert into insurance_benefit_decisions (person_id, region_code, kind, status, start_month, monthly_fen, inputs, explanation, rule_key, rule_version, clause, params_version)
     values ($1, $2, $3, 'active', '2020-01-01', 300000, '{}', '[]', 'synthetic', '0', '-', '-') returning id`,
    [pid[i], region, kind],
  );
  await copy('insurance_benefit_payments', ['decision_id', 'person_id', 'region_code', 'kind', 'pay_month', 'amount_fen', 'paid_on'], payMonths.map((m) => [d.id, pid[i], region, kind, m, 300_000, m.slice(0, 8) + '10']));
}

type Ledger = [number, number | null, string, string, string, string, number, number | null, number];
const ledgerCols = ['person_id', 'employer_id', 'insurance_type', 'fee_month', 'event', 'side', 'base_fen', 'reverses_id', 'revision', 'employer_fen', 'personal_fen', 'value_date', 'region_code', 'source'];
async function ledger(rows: Ledger[]) {
  await copy('insurance_ledger', ledgerCols, rows.map(([p, e, type, month, event, side, base, rev, revision]) => [p, e, type, month, event, side, base, rev, revision, Math.round(base * 0.16), Math.round(base * 0.08), month, '469021', 'generator']));
}
const declared = (i: number, e: string, month: string, base: number): Ledger => [pid[i], eid[e], 'enterprise_pension', month, 'declared', 'due', base, null, 0];

beforeAll(async () => {
  t = await testApp();
  await t.user('sup-prov', '460000', ['supervisor']);
  await t.user('sup-tun', '469022', ['supervisor']);
  await t.user('sup-analyst', '460000', ['analyst']);
  prov = await t.login('sup-prov');
  tun = await t.login('sup-tun');
  analyst = await t.login('sup-analyst');

  const people = await t.database.query<{ id: number }>(
    `insert into persons (id_cipher, id_hash, id_masked, name, gender, birth_date, hukou_type, region_code)
     select 'x', 'sup-' || i, '460***' || lpad(i::text, 4, '0'), '监督' || i, 'M', '1950-01-01', 'urban', ($1::text[])[1 + i % 4]
       from generate_series(1, ${N}) i order by i returning id`,
    [counties],
  );
  people.forEach((p, k) => (pid[k + 1] = Number(p.id)));
  const county = (i: number) => counties[i % 4];
  const other = (i: number) => counties[(i + 1) % 4];

  // Pensioners 1–400: one enterprise pension in their county, paid January–October 2026,
  // except where a case or decoy below says otherwise.
  const paidUntil: Record<number, number> = {};
  for (const i of range(23, 32)) paidUntil[i] = 6; // stopped in time after a June death
  for (const i of range(49, 52)) paidUntil[i] = 9; // stopped in time after a September imprisonment
  for (const i of range(59, 64)) paidUntil[i] = 10; // (switch decoys get their enterprise pension from May below)
  for (const i of range(71, 76)) paidUntil[i] = 5; // moved away in June
  for (const i of range(1, 400)) {
    if (i >= 59 && i <= 64) continue;
    await decision(i, 'enterprise_pension', county(i), months(1, paidUntil[i] ?? 10));
  }
  const events: unknown[][] = [];
  const ev = (i: number, kind: string, on: string, ref: string) => events.push([pid[i], county(i), kind, on, on, kind === 'death' ? 'civil_affairs' : 'justice', ref]);
  planted.paid_after_death = new Set(range(1, 12).map((i) => pid[i]));
  for (const i of range(1, 12)) ev(i, 'death', `2026-05-${String(10 + i).padStart(2, '0')}`, `D${i}`);
  for (const i of range(13, 22)) ev(i, 'death', '2026-10-31', `D${i}`); // paid for October only: legitimate
  for (const i of range(23, 32)) ev(i, 'death', '2026-06-15', `D${i}`);
  planted.paid_while_imprisoned = new Set(range(33, 40).map((i) => pid[i]));
  for (const i of range(33, 40)) ev(i, 'imprisonment', '2026-04-10', `J${i}`);
  for (const i of range(41, 48)) {
    ev(i, 'imprisonment', '2026-03-01', `J${i}`);
    ev(i, 'release', '2026-03-20', `R${i}`);
  }
  for (const i of range(49, 52)) ev(i, 'imprisonment', '2026-09-10', `J${i}`);
  for (const i of range(600, 610)) ev(i, 'imprisonment', '2026-02-01', `J${i}`); // not beneficiaries at all
  await copy('insurance_life_events', ['person_id', 'region_code', 'kind', 'occurred_on', 'known_on', 'source', 'source_ref'], events);

  planted.exclusive_pensions = new Set(range(53, 58).map((i) => pid[i]));
  for (const i of range(53, 58)) await decision(i, 'resident_pension', county(i), months(1, 10));
  for (const i of range(59, 64)) {
    await decision(i, 'resident_pension', county(i), months(1, 4)); // 城乡衔接: resident until April…
    await decision(i, 'enterprise_pension', county(i), months(5, 10)); // …enterprise from May
  }
  planted.benefits_two_regions = new Set(range(65, 70).map((i) => pid[i]));
  for (const i of range(65, 70)) await decision(i, 'enterprise_pension', other(i), months(3, 10));
  for (const i of range(71, 76)) await decision(i, 'enterprise_pension', other(i), months(6, 10));

  // Employers and declarations (2026: band 4,500–22,500 yuan).
  const emp = await t.database.query<{ id: number; name: string }>(
    `insert into employers (uscc, name, industry, ownership, size, region_code)
     select u, n, 'C', 'private', 'small', '469021' from unnest($1::text[], $2::text[]) as x(u, n) returning id, name`,
    [['E1', 'E2', 'E3', 'E4', 'E5'].map((_, k) => makeUscc(`91469021MA5TSUP0${k}`)), ['E1', 'E2', 'E3', 'E4', 'E5']],
  );
  for (const e of emp) eid[e.name] = Number(e.id);
  const rows: Ledger[] = [];
  planted.base_out_of_band = new Set(range(401, 410).map((i) => pid[i]));
  for (const i of range(401, 440)) {
    for (const m of ['2026-09-01', '2026-10-01']) rows.push(declared(i, 'E1', m, 600_000));
    const base = i <= 410 ? 200_000 : i <= 415 ? 450_000 : i <= 420 ? 2_250_000 : i <= 425 ? 200_000 : 600_000;
    rows.push(declared(i, 'E1', '2026-03-01', base));
  }
  planted.employer_mass_stop = new Set([eid.E2, eid.E3]);
  for (const i of range(441, 470)) {
    rows.push(declared(i, 'E2', '2026-09-01', 600_000));
    if (i <= 450) rows.push(declared(i, 'E2', '2026-10-01', 600_000)); // 20 of 30 stop
  }
  for (const i of range(471, 500)) {
    rows.push(declared(i, 'E3', '2026-09-01', 600_000));
    if (i <= 485) rows.push(declared(i, 'E3', '2026-10-01', 600_000)); // 15 of 30 stop
  }
  for (const i of range(501, 600)) {
    rows.push(declared(i, 'E4', '2026-09-01', 600_000));
    if (i <= 588) rows.push(declared(i, 'E4', '2026-10-01', 600_000)); // 12 of 100 stop: 12%
  }
  for (const i of range(611, 618)) rows.push(declared(i, 'E5', '2026-09-01', 600_000)); // 8 of 8 stop: fewer than 10
  await ledger(rows);
  // Decoys 421–425: the wrong March base was reversed and declared again at 6,000 yuan.
  const wrong = await t.database.query<{ id: number; person_id: number }>(`select id, person_id from insurance_ledger where fee_month = '2026-03-01' and base_fen = 200000 and person_id = any($1::bigint[]) /*scope:system*/`, [range(421, 425).map((i) => pid[i])]);
  await ledger(wrong.flatMap((w) => [[Number(w.person_id), eid.E1, 'enterprise_pension', '2026-03-01', 'reversed', 'due', -200_000, Number(w.id), 0] as Ledger, [Number(w.person_id), eid.E1, 'enterprise_pension', '2026-03-01', 'declared', 'due', 600_000, null, 1] as Ledger]));
});
afterAll(async () => t.close());

type Hit = { id: number; ruleKey: string; personId: number | null; employerId: number | null; regionCode: string; evidence: Record<string, unknown>; version: number; status: string };

async function allHits(a: Agent): Promise<Hit[]> {
  const out: Hit[] = [];
  for (let page = 1; ; page++) {
    const r = (await a.get(`/api/v1/insurance/supervision/hits?pageSize=200&page=${page}`)).json();
    out.push(...r.items);
    if (out.length >= r.total || r.items.length === 0) return out;
  }
}

describe(`fund supervision on a synthetic population (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('every rule finds every planted case and raises no false alarm (precision, recall and false-alarm rate per rule)', async () => {
    const run = await prov.post('/api/v1/insurance/supervision/runs', { rules: supervisionRules.map((r) => r.key), asOf: '2026-11-20' });
    expect(run.statusCode, run.body).toBe(200);
    const hits = await allHits(prov);
    const table: Record<string, { planted: number; hits: number; tp: number; fp: number; fn: number; negatives: number; precision: number; recall: number; falseAlarmRate: number }> = {};
    for (const rule of supervisionRules) {
      const truth = planted[rule.key];
      const subject = (h: Hit) => (rule.key === 'employer_mass_stop' ? h.employerId! : h.personId!);
      const found = new Set(hits.filter((h) => h.ruleKey === rule.key).map(subject));
      const tp = [...found].filter((x) => truth.has(x)).length;
      const fp = found.size - tp;
      const fn = truth.size - tp;
      const universe = rule.key === 'employer_mass_stop' ? Object.keys(eid).length : rule.key === 'base_out_of_band' ? 208 : N; // 208 people with declarations
      table[rule.key] = { planted: truth.size, hits: found.size, tp, fp, fn, negatives: universe - truth.size, precision: found.size ? tp / found.size : 1, recall: tp / truth.size, falseAlarmRate: fp / (universe - truth.size) };
    }
    console.log('supervision rules on the synthetic population:\n' + JSON.stringify(table, null, 1));
    for (const [rule, m] of Object.entries(table)) {
      expect(m.recall, `${rule} recall`).toBe(1);
      expect(m.fp, `${rule} false alarms`).toBe(0);
    }
  });

  it('each hit carries its evidence; a rerun adds no duplicate', async () => {
    const hits = await allHits(prov);
    const death = hits.find((h) => h.ruleKey === 'paid_after_death' && h.personId === pid[1])!;
    expect(death.evidence).toMatchObject({ deathDate: '2026-05-11', source: 'civil_affairs', sourceRef: 'D1' });
    expect((death.evidence.payments as { month: string }[]).map((p) => p.month)).toEqual(months(6, 10));
    const jail = hits.find((h) => h.ruleKey === 'paid_while_imprisoned' && h.personId === pid[33])!;
    expect(jail.evidence).toMatchObject({ imprisonedOn: '2026-04-10', releasedOn: null });
    const band = hits.find((h) => h.ruleKey === 'base_out_of_band' && h.personId === pid[401])!;
    expect(band.evidence).toMatchObject({ feeMonth: '2026-03', floorFen: 450_000, ceilFen: 2_250_000, bases: { enterprise_pension: 200_000 } });
    const stop = hits.find((h) => h.ruleKey === 'employer_mass_stop' && h.employerId === eid.E2)!;
    expect(stop.evidence).toMatchObject({ month: '2026-10', previous: 30, continuing: 10, stopped: 20 });
    const again = (await prov.post('/api/v1/insurance/supervision/runs', { rules: supervisionRules.map((r) => r.key), asOf: '2026-11-20' })).json();
    expect(again.every((r: { added: number; found: number }) => r.added === 0 && r.found > 0)).toBe(true);
  });

  it('the employment warning gets the same staff drops through employerContributionDrops', async () => {
    const drops = await employerContributionDrops(t.platform, { month: '2026-10-01' });
    expect(drops.map((d) => [d.employerId, d.previous, d.stopped]).sort()).toEqual([[eid.E2, 30, 20], [eid.E3, 30, 15]].sort());
    expect(drops.find((d) => d.employerId === eid.E2)!.stoppedPersonIds.length).toBe(20);
    const looser = await employerContributionDrops(t.platform, { month: '2026-10-01', minStopped: 5, minShare: 0.1 });
    expect(looser.map((d) => d.employerId).sort()).toEqual([eid.E2, eid.E3, eid.E4, eid.E5].sort());
  });

  it('hits are followed up as cases and are scoped: a county sees its own, an analyst none', async () => {
    const mine = await allHits(tun);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((h) => h.regionCode.startsWith('469022'))).toBe(true);
    const foreign = (await allHits(prov)).find((h) => !h.regionCode.startsWith('469022'))!;
    expect((await tun.get(`/api/v1/insurance/supervision/hits/${foreign.id}`)).statusCode).toBe(404);
    const h = mine[0];
    const ok = await tun.post(`/api/v1/insurance/supervision/hits/${h.id}/resolve`, { status: 'confirmed', resolution: '已核实，启动追回', version: h.version });
    expect(ok.json()).toMatchObject({ status: 'confirmed', version: h.version + 1 });
    const stale = await tun.post(`/api/v1/insurance/supervision/hits/${h.id}/resolve`, { status: 'closed', resolution: '办结', version: h.version });
    expect(stale.json().code).toBe('STALE_VERSION');
    expect((await analyst.get('/api/v1/insurance/supervision/hits')).statusCode).toBe(403);
  });
});
