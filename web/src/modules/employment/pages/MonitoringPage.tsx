// 就业动态监测: figures by region (province → city/county → township), industry and group,
// a monthly series, and the supply-demand ratio (求人倍率) by occupation and by county.
import { useState } from 'react';
import { Card, Col, InputNumber, Row, Segmented, Space, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { api } from '../../../app/api';
import { pick, useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import type { Dashboard, Figures, SupplyDemand } from '../api';
import { employmentMessages, type EmploymentKey } from '../messages';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const figureKeys: (keyof Figures & EmploymentKey)[] = ['newUrbanJobs', 'registeredUnemployed', 'reemployed', 'difficultReemployed', 'ruralTransfers', 'flexibleEmployment', 'graduateDestinationRate', 'graduateStayShare', 'layoffPlanned'];
const percent = new Set(['graduateDestinationRate', 'graduateStayShare']);

export default function MonitoringPage() {
  const t = useMessages(employmentMessages);
  const { lang } = useI18n();
  const { regionCode } = useRegion();
  const [year, setYear] = useState(new Date().getFullYear());
  const [by, setBy] = useState<'occupation' | 'county'>('occupation');
  const dash = useQuery({ queryKey: ['employment', 'dashboard', regionCode, year], queryFn: ({ signal }) => api.get<Dashboard>('/employment/monitoring/dashboard', { regionCode, year }, signal) });
  const sd = useQuery({ queryKey: ['employment', 'supply-demand', regionCode, by], queryFn: ({ signal }) => api.get<SupplyDemand>('/employment/monitoring/supply-demand', { regionCode, by }, signal) });
  const industries = useQuery({ queryKey: ['registry', 'codes'], queryFn: ({ signal }) => api.get<{ industries: { code: string; name: string }[] }>('/registry/codes', undefined, signal), staleTime: 60 * 60_000 });
  const d = dash.data;
  const fmt = (k: string, v: number | null) => (v === null ? '—' : percent.has(k) ? `${v}%` : v.toLocaleString());
  const chart = d && {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('newUrbanJobs'), t('unemploymentTitle'), t('reemployed')] },
    grid: { left: 40, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: d.monthly.map((m) => `${m.month}${lang === 'zh' ? '月' : ''}`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('newUrbanJobs'), type: 'line', data: d.monthly.map((m) => m.newUrbanJobs) },
      { name: t('unemploymentTitle'), type: 'line', data: d.monthly.map((m) => m.unemploymentRegistered) },
      { name: t('reemployed'), type: 'line', data: d.monthly.map((m) => m.reemployed) },
    ],
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card title={`${t('monitoringTitle')} · ${d?.regionName ?? ''}`} extra={<Space>{t('year')}<InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} data-testid="monitoring-year" /></Space>}>
        <ProblemAlert error={dash.error} />
        <Row gutter={[16, 16]}>
          {figureKeys.map((k) => (
            <Col key={k} xs={12} md={8} lg={6} xl={4}>
              <Statistic title={t(k)} value={d ? fmt(k, d.total[k]) : '—'} data-testid={`kpi-${k}`} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card title={t('byRegion')}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          loading={dash.isLoading}
          dataSource={d?.regions ?? []}
          data-testid="monitoring-regions"
          columns={[{ title: t('region'), dataIndex: 'name', key: 'name' }, ...figureKeys.map((k) => ({ title: t(k), dataIndex: k, key: k, render: (v: number | null) => fmt(k, v) }))]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('monthly')}>{chart && <ReactEChartsCore echarts={echarts} option={chart} style={{ height: 280 }} notMerge />}</Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('byGroup')}>
            <Table
              rowKey="group"
              size="small"
              pagination={false}
              dataSource={d?.byGroup ?? []}
              columns={[
                { title: t('groups'), key: 'g', render: (_, g) => pick(g, lang) },
                { title: t('registeredUnemployed'), dataIndex: 'unemployed' },
                { title: t('reemployed'), dataIndex: 'reemployed' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={t('byIndustry')}>
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={d?.byIndustry ?? []}
              columns={[
                { title: t('industry'), dataIndex: 'code', render: (c: string) => `${c} ${industries.data?.industries.find((i) => i.code === c)?.name ?? ''}` },
                { title: t('newJobs'), dataIndex: 'newJobs' },
                { title: t('layoffPlanned'), dataIndex: 'layoffPlanned' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('supplyDemand')} extra={<Segmented value={by} onChange={(v) => setBy(v as 'occupation' | 'county')} options={[{ value: 'occupation', label: t('byOccupation') }, { value: 'county', label: t('byCounty') }]} />}>
            <ProblemAlert error={sd.error} />
            <Table
              rowKey="code"
              size="small"
              pagination={{ pageSize: 15 }}
              dataSource={sd.data?.rows ?? []}
              data-testid="supply-demand"
              columns={[
                { title: by === 'occupation' ? t('occupation') : t('region'), key: 'name', render: (_, r) => `${r.code} ${r.name ?? ''}` },
                { title: t('vacanciesCount'), dataIndex: 'vacancies' },
                { title: t('seekersCount'), dataIndex: 'seekers' },
                { title: t('ratio'), dataIndex: 'ratio', render: (v: number | null) => v ?? '—' },
              ]}
              summary={() =>
                sd.data ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>{t('total')}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1}>{sd.data.total.vacancies}</Table.Summary.Cell>
                    <Table.Summary.Cell index={2}>{sd.data.total.seekers}</Table.Summary.Cell>
                    <Table.Summary.Cell index={3}>{sd.data.total.ratio ?? '—'}</Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : null
              }
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
