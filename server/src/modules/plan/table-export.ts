// The plan table as .xlsx, laid out exactly like the printed table (title; 指标 | 基数 |
// 规划目标 | 属性 or 实际完成数; group rows "一、促进就业"; "1.城镇新增就业人数（万人）"; the note
// under the table), with three columns added per year: value, progress, status.
import ExcelJS from '../../platform/imports/exceljs';
import { listWorkbook } from '../../platform/http/export';
import type { IndicatorStatus, PlanTable } from './evaluation';
import { allIndicators } from './plans';
import type { TPlan } from './plan-schema';
import type { RevisionChange, SnapshotChange } from './snapshots';

export const statusLabels: Record<IndicatorStatus, { zh: string; en: string }> = {
  achieved: { zh: '已达标', en: 'Achieved' },
  on_track: { zh: '正常', en: 'On track' },
  lagging: { zh: '滞后', en: 'Lagging' },
  at_risk: { zh: '预警', en: 'At risk' },
  no_data: { zh: '无数据', en: 'No data' },
  no_target: { zh: '无目标', en: 'No target' },
};

const statusFill: Partial<Record<IndicatorStatus, string>> = {
  achieved: 'FFD9F2D0',
  on_track: 'FFDCEBFA',
  lagging: 'FFFFF1CC',
  at_risk: 'FFFAD4D4',
};

/** The printed header of the target column: “十四五”规划目标. */
export function targetHeader(title: string): string {
  const m = /“[^”]+”/.exec(title);
  return `${m ? m[0] : ''}规划目标`;
}

/** The printed columns of a plan table. */
export function printedHeader(t: Pick<PlanTable, 'title' | 'baseYear' | 'lastColumn'>): string[] {
  return ['指标', `${t.baseYear}年基数`, targetHeader(t.title), t.lastColumn === 'actual' ? '实际完成数' : '属性'];
}

export async function planTableWorkbook(t: PlanTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.tableTitle ?? '主要指标');
  const printed = printedHeader(t);
  const width = printed.length + t.years.length * 3;
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };

  const title = ws.addRow([t.tableTitle ?? t.title]);
  ws.mergeCells(title.number, 1, title.number, width);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const where = ws.addRow([`${t.title} ${t.regionName ?? t.regionCode} （截至 ${t.years.at(-1) ?? t.baseYear} 年）`]);
  ws.mergeCells(where.number, 1, where.number, width);
  where.alignment = { horizontal: 'center' };

  const header = ws.addRow([...printed, ...t.years.flatMap((y) => [`${y}年数值`, `${y}年进度`, `${y}年状态`])]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((c) => (c.border = border));

  for (const g of t.groups) {
    const gr = ws.addRow([g.ordinal ? `${g.ordinal}、${g.name}` : g.name]);
    ws.mergeCells(gr.number, 1, gr.number, width);
    gr.font = { bold: true };
    gr.getCell(1).border = border;
    for (const r of g.rows) {
      const cells: (string | number | null)[] = [r.label, r.baseline, r.target, t.lastColumn === 'actual' ? r.actual : r.attribute];
      for (const y of r.years) cells.push(y.value, y.share, statusLabels[y.status].zh);
      const row = ws.addRow(cells);
      row.eachCell({ includeEmpty: true }, (c, col) => {
        if (col > width) return;
        c.border = border;
        if (col > 1) c.alignment = { horizontal: 'center' };
        const k = (col - printed.length - 1) % 3;
        if (col > printed.length && k === 1) c.numFmt = '0.0%';
        if (col > printed.length && k === 2) {
          const y = r.years[Math.floor((col - printed.length - 1) / 3)];
          const fill = statusFill[y.status];
          if (fill) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
        }
      });
    }
  }
  for (const note of t.notes) {
    const n = ws.addRow([note]);
    ws.mergeCells(n.number, 1, n.number, width);
    n.alignment = { wrapText: true };
    n.height = 45;
  }
  ws.getColumn(1).width = 44;
  for (let i = 2; i <= width; i++) ws.getColumn(i).width = i <= printed.length ? 16 : 11;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type TargetRowView = { indicatorCode: string; regionCode: string; regionName: string | null; value: number | null; min: number | null; max: number | null; baselineValue: number | null; note: string | null; setByName: string; setAt: string };

/** The region targets of a plan as a list (目标分解), one row per indicator and region. */
export async function regionTargetsWorkbook(plan: TPlan, rows: TargetRowView[]): Promise<Buffer> {
  const byCode = new Map(allIndicators(plan).map(({ ind }) => [ind.code, ind]));
  return listWorkbook(
    '目标分解',
    [
      { header: '指标编码', key: 'code', width: 10 },
      { header: '指标', key: 'name', width: 36 },
      { header: '全省目标', key: 'plan', width: 14 },
      { header: '区划代码', key: 'region', width: 12 },
      { header: '地区', key: 'regionName', width: 14 },
      { header: '地区目标', key: 'target', width: 14 },
      { header: '地区基数', key: 'baseline', width: 12 },
      { header: '说明', key: 'note', width: 30 },
      { header: '设定人', key: 'by', width: 14 },
      { header: '设定时间', key: 'at', width: 22 },
    ],
    rows.map((r) => {
      const ind = byCode.get(r.indicatorCode);
      return {
        code: r.indicatorCode,
        name: ind ? `${ind.name}（${ind.unitPrinted}）` : r.indicatorCode,
        plan: ind?.target.printed ?? '',
        region: r.regionCode,
        regionName: r.regionName ?? '',
        target: r.value ?? (r.min !== null && r.max !== null ? `${r.min}–${r.max}` : ''),
        baseline: r.baselineValue,
        note: r.note ?? '',
        by: r.setByName,
        at: r.setAt,
      };
    }),
  );
}

/** What changed since a publication: the revised figures, then the indicators that moved. */
export async function snapshotDiffWorkbook(diff: { snapshot: { title: string; publishedAt: string }; revisions: RevisionChange[]; changes: SnapshotChange[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const rev = wb.addWorksheet('数据修订');
  rev.addRow([`${diff.snapshot.title}（发布于 ${diff.snapshot.publishedAt}）之后审定的修订`]).font = { bold: true };
  rev.addRow(['指标编码', '指标', '区划代码', '地区', '年度', '原值', '新值', '单位', '修订版本', '修订原因', '审定人', '审定时间']).font = { bold: true };
  for (const r of diff.revisions) rev.addRow([r.indicatorCode, r.indicatorName, r.regionCode, r.regionName ?? '', r.year, r.before, r.after, r.unit, r.revision, r.reason ?? '', r.approvedBy ?? '', r.approvedAt]);
  const ind = wb.addWorksheet('指标变化');
  ind.addRow(['指标编码', '指标', '发布时目标', '现目标', '发布时数值', '现数值', '发布时状态', '现状态']).font = { bold: true };
  for (const c of diff.changes) ind.addRow([c.code, c.name, c.before.target, c.after.target, c.before.value, c.after.value, statusLabels[c.before.status].zh, statusLabels[c.after.status].zh]);
  for (const ws of [rev, ind]) ws.columns.forEach((col, i) => (col.width = i === 1 ? 36 : 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
