// Reports as .docx (年度通报, 中期评估, 总结评估) from a published snapshot: the table, a
// paragraph per group written from the figures, and the regions lagging behind.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { IndicatorEvaluation, PlanEvaluation } from './evaluation';
import { groupOrdinal } from './evaluation';
import type { SnapshotView } from './snapshots';
import { statusLabels } from './table-export';

const fmt = (v: number | null | undefined, digits = 2): string => (v === null || v === undefined ? '—' : String(Math.round(v * 10 ** digits) / 10 ** digits));
const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);

function valueText(i: IndicatorEvaluation): string {
  if (i.value === null) return '暂无数据';
  const unit = i.unit === '%' ? '%' : i.unit;
  return `${i.kind === 'cumulative' ? '累计' : ''}${fmt(i.value)}${unit}${i.valueYear !== null && i.valueYear !== i.year ? `（${i.valueYear}年数据）` : ''}`;
}

/** One sentence per indicator, from its figures. */
export function indicatorSentence(i: IndicatorEvaluation): string {
  const status = statusLabels[i.status].zh;
  let s = `${i.name}${valueText(i)}，目标${i.target.printed}，${status}`;
  if (i.progress?.share !== null && i.progress?.share !== undefined && i.kind === 'cumulative') s += `，完成目标的${pct(i.progress.share)}（时间进度${pct(i.progress.expectedShare)}）`;
  if ((i.status === 'lagging' || i.status === 'at_risk') && i.projection?.probabilityOfMeeting !== null && i.projection?.probabilityOfMeeting !== undefined) {
    s += `，预计期末${fmt(i.projection.point)}（区间${fmt(i.projection.low)}–${fmt(i.projection.high)}），达标概率${pct(i.projection.probabilityOfMeeting)}`;
  }
  if ((i.status === 'lagging' || i.status === 'at_risk') && i.paceText) s += `，${i.paceText.zh}`;
  return `${s}。`;
}

/** A paragraph per group: the count by status, then each indicator's sentence. */
export function groupParagraph(e: PlanEvaluation, key: string): string {
  const items = e.indicators.filter((i) => i.group === key);
  const count = (st: string) => items.filter((i) => i.status === st).length;
  const head = `本组共${items.length}项指标，已达标${count('achieved')}项、正常${count('on_track')}项、滞后${count('lagging')}项、预警${count('at_risk')}项、暂无数据${count('no_data')}项。`;
  return head + items.map(indicatorSentence).join('');
}

function cell(text: string, opts: { bold?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    children: [new Paragraph({ children: [new TextRun({ text, bold: opts.bold, size: 18 })] })],
  });
}

export async function bulletinDocx(s: SnapshotView & { evaluation: PlanEvaluation }): Promise<{ filename: string; buffer: Buffer }> {
  const e = s.evaluation;
  const children: (Paragraph | Table)[] = [];
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: s.title })] }));
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${e.regionName ?? e.regionCode} 数据截至${e.year}年 发布：${s.publishedByName} ${s.publishedAt.slice(0, 10)}`, size: 20 })] }));

  const b = e.summary.byStatus;
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、总体情况')] }));
  let overall = `规划共${e.summary.total}项指标：已达标${b.achieved}项，进度正常${b.on_track}项，滞后${b.lagging}项，预警${b.at_risk}项，暂无数据${b.no_data}项。`;
  if (e.summary.bindingAtRisk.length) {
    const names = e.indicators.filter((i) => i.bindingAtRisk).map((i) => i.name);
    overall += `约束性指标中${names.join('、')}存在完不成风险，须重点推进。`;
  }
  if (e.final) overall += `规划期末，${e.final.results.length}项指标中完成${e.final.achieved}项，未完成${e.final.notAchieved}项${e.final.noData ? `，${e.final.noData}项无数据` : ''}。`;
  children.push(new Paragraph({ children: [new TextRun(overall)] }));

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('二、主要指标情况表')] }));
  const header = new TableRow({
    tableHeader: true,
    children: ['指标', '基数', '目标', `${e.year}年`, '进度', '状态', ...(e.final ? ['是否完成'] : [])].map((h) => cell(h, { bold: true })),
  });
  const rows: TableRow[] = [header];
  const finalByCode = new Map(e.final?.results.map((r) => [r.code, r]) ?? []);
  let gi = 0;
  for (const g of e.groups) {
    if (g.section !== 'table') continue;
    rows.push(new TableRow({ children: [new TableCell({ columnSpan: e.final ? 7 : 6, children: [new Paragraph({ children: [new TextRun({ text: `${groupOrdinal(gi++)}、${g.name}`, bold: true, size: 18 })] })] })] }));
    const byCode = new Map(e.indicators.map((i) => [i.code, i]));
    const ordered = [...g.codes].map((c) => byCode.get(c)!).sort((x, y) => (x.row ?? 0) - (y.row ?? 0));
    for (const i of ordered) {
      const f = finalByCode.get(i.code);
      rows.push(
        new TableRow({
          children: [
            cell(`${i.row !== null ? `${i.row}.` : ''}${i.name}（${i.unitPrinted}）`, { width: 34 }),
            cell(i.baseline?.printed ?? fmt(i.baseline?.value)),
            cell(i.target.printed),
            cell(i.value === null ? '—' : fmt(i.value)),
            cell(pct(i.progress?.share)),
            cell(statusLabels[i.status].zh),
            ...(e.final ? [cell(f?.achieved === null || f === undefined ? '—' : f.achieved ? '完成' : '未完成')] : []),
          ],
        }),
      );
    }
  }
  children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }));

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('三、分领域情况')] }));
  e.groups.forEach((g, idx) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`（${groupOrdinal(idx)}）${g.name}`)] }));
    children.push(new Paragraph({ children: [new TextRun(groupParagraph(e, g.key))] }));
  });

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('四、进度滞后的地区')] }));
  const behind = e.indicators.filter((i) => i.shortfall.length > 0);
  if (behind.length === 0) children.push(new Paragraph({ children: [new TextRun('各指标均无明显拖后地区，或尚无分地区数据。')] }));
  for (const i of behind) {
    const list = i.shortfall.slice(0, 5).map((r) => `${r.regionName ?? r.regionCode}（${fmt(r.value)}，差${fmt(r.gap)}，占缺口${pct(r.share)}）`);
    children.push(new Paragraph({ children: [new TextRun(`${i.name}：${list.join('、')}。`)] }));
  }

  const doc = new Document({ creator: 'Renshe', title: s.title, sections: [{ children }] });
  const buffer = await Packer.toBuffer(doc);
  return { filename: `${s.title}.docx`, buffer: Buffer.from(buffer) };
}
