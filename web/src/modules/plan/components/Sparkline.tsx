// A small line of an indicator's yearly figures (ECharts, only the parts used: the line
// chart, the simple grid a line needs for its axes, and the canvas renderer).
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridSimpleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { Observation } from '../api';

echarts.use([LineChart, GridSimpleComponent, CanvasRenderer]);

export function Sparkline({ series, color, years, height = 40, target }: { series: Observation[]; color: string; years: number[]; height?: number; target?: number | null }) {
  const byYear = new Map(series.map((o) => [o.year, o.value]));
  const option = {
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, data: years.map(String), boundaryGap: false },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: years.map((y) => byYear.get(y) ?? null),
        connectNulls: true,
        symbol: 'circle',
        symbolSize: 4,
        lineStyle: { color, width: 2 },
        itemStyle: { color },
        markLine: undefined,
      },
      ...(target !== null && target !== undefined
        ? [{ type: 'line', data: years.map(() => target), symbol: 'none', lineStyle: { color: '#bfbfbf', type: 'dashed', width: 1 }, silent: true }]
        : []),
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height, width: '100%' }} opts={{ renderer: 'canvas' }} notMerge />;
}

export default Sparkline;
