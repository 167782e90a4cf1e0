// Reported values from Excel through the platform import pipeline (kind `plan-values`).
// Rows are checked one by one (plan, indicator, region and scope, year, unit and type) and a
// bad row fails the whole file with the error workbook. The write then applies the approval
// rules: a new figure becomes a draft, a draft or returned figure is updated, and a figure
// already submitted or approved is refused (nothing is written).
import type { Importer, RowProblem } from '../../platform/imports';
import type { RawTx } from '../../platform/db';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Platform } from '../../platform/kernel';
import { regionInScope } from '../../platform/scope';
import type { TPlan } from './plan-schema';
import { listPlans } from './plans';
import { checkReportedValue } from './units';
import { checkValueTarget } from './values';

type PlanValueRow = { planId: string; indicatorCode: string; regionCode: string; year: number; value: number; note: string | null; line: string };

/** Plans known to the importer (validateRow is synchronous); refreshed at start and on change. */
const plansByDb = new WeakMap<Db, Map<string, TPlan>>();

export async function refreshImportPlans(db: Db): Promise<void> {
  const list = await listPlans(db);
  plansByDb.set(db, new Map(list.map((r) => [r.id, r.plan])));
}

function regionResolver(platform: Platform): (v: string) => string | null {
  const byName = new Map<string, string | null>();
  for (const r of platform.regions.rows()) {
    if (r.validTo) continue;
    byName.set(r.name, byName.has(r.name) ? null : r.code);
  }
  return (v) => {
    const s = v.trim();
    if (platform.regions.index.isCurrent(s)) return s;
    return byName.get(s) ?? null;
  };
}

export function planValuesImporter(platform: Platform): Importer<PlanValueRow> {
  const resolveRegion = regionResolver(platform);
  void refreshImportPlans(platform.db).catch(() => {});
  return {
    kind: 'plan-values',
    permission: 'plan:report',
    title: { zh: '规划指标填报数据', en: 'Plan indicator values' },
    columns: [
      { key: 'planId', zh: '规划编号', en: 'Plan', required: true, example: 'hainan-hrss-14' },
      { key: 'indicatorCode', zh: '指标编码', en: 'Indicator code', required: true, example: '14-02', text: true },
      { key: 'indicatorName', zh: '指标名称', en: 'Indicator name', required: false, example: '城镇调查失业率', note: '仅供核对 / for checking only' },
      { key: 'regionCode', zh: '地区', en: 'Region', required: true, example: '469021', text: true, note: '区划代码或名称' },
      { key: 'year', zh: '年份', en: 'Year', required: true, example: '2023' },
      { key: 'value', zh: '数值', en: 'Value', required: true, example: '5.1', note: '按指标单位填写，如 5.1 或 5.1%' },
      { key: 'unit', zh: '单位', en: 'Unit', required: false, example: '%' },
      { key: 'note', zh: '说明', en: 'Note', required: false, example: '' },
    ],
    validateRow(cells, ctx) {
      const problems: RowProblem[] = [];
      const plans = plansByDb.get(platform.db);
      const plan = plans?.get(cells.planId.trim());
      if (!plan) return { ok: false, problems: [{ column: 'planId', zh: `规划“${cells.planId}”不存在`, en: `no plan "${cells.planId}"` }] };
      const regionCode = resolveRegion(cells.regionCode);
      if (!regionCode) problems.push({ column: 'regionCode', zh: `地区“${cells.regionCode}”不存在`, en: `unknown region "${cells.regionCode}"` });
      else if (!regionInScope(ctx.caller.scope, regionCode)) problems.push({ column: 'regionCode', zh: `地区 ${regionCode} 超出您的数据权限范围`, en: `region ${regionCode} is outside your data scope` });
      const year = /^\d{4}$/.test(cells.year.trim()) ? Number(cells.year.trim()) : NaN;
      if (Number.isNaN(year)) problems.push({ column: 'year', zh: `年份“${cells.year}”应为四位数字`, en: `year "${cells.year}" must be four digits` });
      if (!regionCode || Number.isNaN(year)) {
        if (problems.length) return { ok: false, problems };
      }
      const t = checkValueTarget(platform, plan, { indicatorCode: cells.indicatorCode.trim(), regionCode: regionCode ?? '', year });
      if (!t.ok) {
        for (const p of t.problems) if (!(p.field === 'regionCode' && problems.some((q) => q.column === 'regionCode')) && !(p.field === 'year' && Number.isNaN(year))) problems.push({ column: p.field, zh: p.zh, en: p.en });
        return { ok: false, problems };
      }
      if (cells.indicatorName.trim() && cells.indicatorName.trim() !== t.target.ind.name) {
        problems.push({ column: 'indicatorName', zh: `指标 ${t.target.ind.code} 的名称是“${t.target.ind.name}”`, en: `indicator ${t.target.ind.code} is named "${t.target.ind.name}"` });
      }
      const checked = checkReportedValue(t.target.ind, { value: cells.value, unit: cells.unit || null });
      if (!checked.ok) problems.push({ column: 'value', zh: checked.zh, en: checked.en });
      if (problems.length || !checked.ok) return { ok: false, problems };
      return {
        ok: true,
        key: `${plan.id}|${t.target.valueCode}|${regionCode}|${year}`,
        row: { planId: plan.id, indicatorCode: t.target.valueCode, regionCode: regionCode!, year, value: checked.value, note: cells.note || null, line: `${t.target.valueCode} ${regionCode} ${year}` },
      };
    },
    async write(tx: RawTx, rows, ctx) {
      // Raw SQL on the import's own transaction (PGlite runs one transaction at a time, so
      // nothing here may go through platform.db). Regions were checked against the caller's
      // scope row by row in validateRow, hence the system-scope marker.
      const refused: string[] = [];
      const actorName = ctx.caller.displayName || ctx.caller.username;
      const now = new Date().toISOString();
      for (const r of rows) {
        await tx.query(
          `insert into plan_reported_values (plan_id, indicator_code, region_code, year) values ($1, $2, $3, $4) on conflict do nothing`,
          [r.planId, r.indicatorCode, r.regionCode, r.year],
        );
        const [h] = await tx.query<{ id: number; open_revision_id: number | null; approved_revision_id: number | null }>(
          `select id, open_revision_id, approved_revision_id from plan_reported_values
            where plan_id = $1 and indicator_code = $2 and region_code = $3 and year = $4 /*scope:system*/ for update`,
          [r.planId, r.indicatorCode, r.regionCode, r.year],
        );
        const event = (action: string, from: string | null) => JSON.stringify([{ at: now, actorId: ctx.caller.userId, actorName, action, from, to: 'draft', value: r.value }]);
        if (h.open_revision_id !== null) {
          const [open] = await tx.query<{ status: string }>(`select status from plan_value_revisions where id = $1 /*scope:system*/`, [h.open_revision_id]);
          if (open.status !== 'draft' && open.status !== 'returned') {
            refused.push(`${r.line}（${open.status === 'submitted' ? '已报送' : '已审核'}）`);
            continue;
          }
          await tx.query(
            `update plan_value_revisions set value = $2, note = $3, trail = trail || $4::jsonb where id = $1 /*scope:system*/`,
            [h.open_revision_id, r.value, r.note, JSON.stringify([{ at: now, actorId: ctx.caller.userId, actorName, action: 'import', from: open.status, to: open.status, value: r.value }])],
          );
        } else if (h.approved_revision_id !== null) {
          refused.push(`${r.line}（已审定）`);
        } else {
          const [rev] = await tx.query<{ id: number }>(
            `insert into plan_value_revisions (value_id, region_code, revision, value, status, note, created_by, created_by_name, trail)
             values ($1, $2, 1, $3, 'draft', $4, $5, $6, $7::jsonb) returning id`,
            [h.id, r.regionCode, r.value, r.note, ctx.caller.userId, actorName, event('import', null)],
          );
          await tx.query(`update plan_reported_values set open_revision_id = $2, updated_at = now(), version = version + 1 where id = $1 /*scope:system*/`, [h.id, rev.id]);
        }
      }
      if (refused.length) {
        throw new AppError('IMPORT_FAILED', {
          zh: `${refused.length} 行对应的数据已报送或已审定，不能通过导入修改，未写入任何数据：${refused.slice(0, 5).join('、')}${refused.length > 5 ? '…' : ''}。已报送的须先退回；已审定的请在填报页面提交更正并说明原因。`,
          en: `${refused.length} rows meet values already submitted or approved, which an import cannot change; nothing was written: ${refused.slice(0, 5).join(', ')}${refused.length > 5 ? '…' : ''}. Have submitted values sent back; correct approved ones on the entry page with a reason.`,
        });
      }
      return { inserted: rows.length, duplicates: 0 };
    },
    async afterCommit(summary, ctx) {
      await platform.audit(null, { actorId: ctx.caller.userId, actorName: ctx.caller.username, action: 'plan.values.import', targetType: 'import_job', targetId: ctx.jobId, outcome: 'success', detail: summary });
    },
  };
}
