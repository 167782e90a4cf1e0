// 规划指标表: the plan's table exactly as printed (指标 | 基数 | 规划目标 | 属性 or 实际完成数,
// group rows, the note below), with each year's value, progress and status added; export.
import { useState } from 'react';
import { Button, Card, Checkbox, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { download } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { usePlanTable, type PlanTable, type TableYearCell } from '../api';
import { PlanFilters, StatusTag, fmt, pct, usePlanParams } from '../components/common';
import { planMessages } from '../messages';

type Row = { key: string; group?: string; label?: string; baseline?: string; target?: string; last?: string; years?: TableYearCell[]; quote?: string | null };

function rowsOf(t: PlanTable): Row[] {
  return t.groups.flatMap((g) => [
    { key: `g-${g.key}`, group: g.ordinal ? `${g.ordinal}、${g.name}` : g.name },
    ...g.rows.map((r) => ({ key: r.code, label: r.label, baseline: r.baseline, target: r.target, last: t.lastColumn === 'actual' ? r.actual : r.attribute, years: r.years, quote: r.quote })),
  ]);
}

function targetHeader(title: string): string {
  const m = /“[^”]+”/.exec(title);
  return `${m ? m[0] : ''}规划目标`;
}

export default function PlanTablePage() {
  const t = useMessages(planMessages);
  const notifyError = useErrorNotifier();
  const p = usePlanParams({ defaultRegion: 'plan' });
  const [includeText, setIncludeText] = useState(false);
  const table = usePlanTable(p.planId, p.year, p.regionCode, includeText);
  const data = table.data;
  const exportFile = useMutation({
    mutationFn: () => download(`/plans/${encodeURIComponent(p.planId!)}/table/export`, { year: data?.years.at(-1), regionCode: p.regionCode, includeText: includeText ? 'true' : undefined }, 'plan-table.xlsx'),
    onError: notifyError,
  });

  const printedCols = data ? 4 : 0;
  const width = data ? printedCols + data.years.length * 3 : 1;
  const columns: TableColumnsType<Row> = data
    ? [
        {
          title: '指标',
          dataIndex: 'label',
          fixed: 'left',
          width: 300,
          onCell: (r) => (r.group ? { colSpan: width } : {}),
          render: (v: string | undefined, r) => (r.group ? <strong>{r.group}</strong> : <span title={r.quote ?? undefined}>{v}</span>),
        },
        { title: `${data.baseYear}年基数`, dataIndex: 'baseline', width: 100, align: 'center', onCell: (r) => (r.group ? { colSpan: 0 } : {}) },
        { title: targetHeader(data.title), dataIndex: 'target', width: 130, align: 'center', onCell: (r) => (r.group ? { colSpan: 0 } : {}) },
        { title: data.lastColumn === 'actual' ? '实际完成数' : '属性', dataIndex: 'last', width: 90, align: 'center', onCell: (r) => (r.group ? { colSpan: 0 } : {}) },
        ...data.years.map((y, yi) => ({
          title: `${y}`,
          children: [
            { title: t('value'), key: `v${y}`, width: 80, align: 'center' as const, onCell: (r: Row) => (r.group ? { colSpan: 0 } : {}), render: (_: unknown, r: Row) => fmt(r.years?.[yi]?.value) },
            { title: t('progress'), key: `p${y}`, width: 70, align: 'center' as const, onCell: (r: Row) => (r.group ? { colSpan: 0 } : {}), render: (_: unknown, r: Row) => pct(r.years?.[yi]?.share) },
            { title: t('status'), key: `s${y}`, width: 80, align: 'center' as const, onCell: (r: Row) => (r.group ? { colSpan: 0 } : {}), render: (_: unknown, r: Row) => (r.years?.[yi] ? <StatusTag status={r.years[yi].status} /> : null) },
          ],
        })),
      ]
    : [];

  return (
    <Card
      title={data?.tableTitle ?? t('tableTitle')}
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => exportFile.mutate()} loading={exportFile.isPending} disabled={!data} data-testid="plan-table-export">
          {t('export')}
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <PlanFilters p={p} year={p.year ?? data?.years.at(-1)} />
          <Checkbox checked={includeText} onChange={(e) => setIncludeText(e.target.checked)}>
            {t('includeText')}
          </Checkbox>
        </Space>
        <ProblemAlert error={table.error} />
        {table.isPending && p.planId && <Spin />}
        {data && (
          <>
            <Typography.Text strong>
              {data.title} · {data.regionName ?? data.regionCode}
            </Typography.Text>
            <Table<Row> size="small" bordered pagination={false} rowKey="key" columns={columns} dataSource={rowsOf(data)} scroll={{ x: 'max-content' }} data-testid="plan-table" />
            {data.notes.map((n) => (
              <Typography.Paragraph key={n} type="secondary" style={{ marginBottom: 0 }}>
                {n}
              </Typography.Paragraph>
            ))}
          </>
        )}
      </Space>
    </Card>
  );
}
