// 全民参保: pension coverage by region (a bar chart and the table beneath it), the coverage-gap
// list of working-age people with no enrolment (扩面), and the study and other-province insurance
// periods (在校学生, 外省参保) that take people out of 应参保人数, with their import.
import { Card, Space, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useI18n, useMessages } from '../../../app/i18n';
import { useRegion } from '../../../app/region';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatDate } from '../../../ui/format';
import { label, useInsuranceCodes, type Coverage, type CoverageLine, type Gap, type StatusPeriod } from '../api';
import { ImportButton } from '../Upload';
import { insuranceMessages } from '../messages';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function CoveragePage() {
  const t = useMessages(insuranceMessages);
  const { regionCode } = useRegion();
  const q = useQuery({ queryKey: ['insurance', 'coverage', regionCode], queryFn: ({ signal }) => api.get<Coverage>('/insurance/coverage/summary', { regionCode }, signal) });
  const { lang } = useI18n();
  const { can } = useAuth();
  const codes = useInsuranceCodes();
  const c = q.data;
  const lines = (c?.lines ?? []).filter((l) => l.population > 0);
  const chart = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('insured'), t('population')] },
    grid: { left: 48, right: 16, top: 36, bottom: 60 },
    xAxis: { type: 'category', data: lines.map((l) => l.regionName ?? l.regionCode), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: t('population'), type: 'bar', data: lines.map((l) => l.population) },
      { name: t('insured'), type: 'bar', data: lines.map((l) => l.insured) },
    ],
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={`${t('coverageTitle')} · ${c?.regionName ?? ''}`} data-testid="ins-coverage">
        <ProblemAlert error={q.error} />
        {c && (
          <>
            <Space size="large" style={{ marginBottom: 12 }}>
              <Statistic title={t('population')} value={c.total.population} />
              <Statistic title={t('insured')} value={c.total.insured} />
              <Statistic title={t('rate')} value={c.total.rate ?? 0} suffix="%" precision={2} />
              <Statistic title={t('gaps')} value={c.total.gaps} />
            </Space>
            <Typography.Paragraph type="secondary">
              {t('denominator')}：{c.denominatorVersion}（≥ {c.minAge}）· {t('asOf')} {formatDate(c.asOf)}
            </Typography.Paragraph>
            {lines.length > 0 && <ReactEChartsCore echarts={echarts} option={chart} style={{ height: 300 }} />}
            <Table<CoverageLine>
              size="small"
              rowKey="regionCode"
              pagination={false}
              dataSource={c.lines}
              columns={[
                { title: t('region'), dataIndex: 'regionName' },
                { title: t('population'), dataIndex: 'population', align: 'right' },
                { title: t('insured'), dataIndex: 'insured', align: 'right' },
                { title: t('rate'), dataIndex: 'rate', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
                { title: t('gaps'), dataIndex: 'gaps', align: 'right' },
              ]}
            />
          </>
        )}
      </Card>
      <Card title={t('gapList')}>
        <DataTable<Gap>
          id="insurance-gaps"
          path="/insurance/coverage/gaps"
          rowKey={(r) => r.id}
          params={{ regionCode }}
          urlState={false}
          filters={[{ kind: 'region', name: 'regionCode', label: t('region') }]}
          columns={[
            { title: t('name'), dataIndex: 'name', key: 'name', render: (n: string, r) => <Link to={`/insurance/persons/${r.id}`}>{n}</Link> },
            { title: t('idNumber'), dataIndex: 'idNumberMasked', key: 'idNumberMasked', render: (v: string) => <code>{v}</code> },
            { title: t('birthDate'), dataIndex: 'birthDate', key: 'birthDate', render: formatDate },
            { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
          ]}
        />
      </Card>
      <Card title={t('statusPeriods')} data-testid="ins-status-periods">
        <Typography.Paragraph type="secondary">{t('statusPeriodsNote')}</Typography.Paragraph>
        <DataTable<StatusPeriod>
          id="insurance-status-periods"
          path="/insurance/status-periods"
          rowKey={(r) => r.id}
          params={{ regionCode }}
          urlState={false}
          exportable
          exportName={t('statusPeriods')}
          filters={[
            { kind: 'text', name: 'q', label: t('nameOrId'), width: 200 },
            { kind: 'select', name: 'kind', label: t('periodKind'), options: (codes.data?.statusPeriods ?? []).map((k) => ({ value: k.code, label: k[lang] })) },
            { kind: 'region', name: 'regionCode', label: t('region') },
          ]}
          toolbar={
            can('insurance:write') && (
              <Space>
                <Typography.Text type="secondary">{t('importStatusPeriods')}</Typography.Text>
                <ImportButton kind="status-periods" refreshKeys={[[...dataTableKey('insurance-status-periods')], ['insurance', 'coverage']]} />
              </Space>
            )
          }
          columns={[
            { title: t('person'), dataIndex: 'personName', key: 'personName', render: (n: string, r) => <Link to={`/insurance/persons/${r.personId}`}>{n}</Link> },
            { title: t('idNumber'), dataIndex: 'idNumberMasked', key: 'idNumberMasked', render: (v: string) => <code>{v}</code> },
            { title: t('periodKind'), dataIndex: 'kind', key: 'kind', render: (v: string) => label(codes.data?.statusPeriods, v, lang) },
            { title: t('startsOn'), dataIndex: 'startsOn', key: 'startsOn', render: formatDate },
            { title: t('endsOn'), dataIndex: 'endsOn', key: 'endsOn', render: (v: string | null) => (v ? formatDate(v) : t('stillOpen')) },
            { title: t('place'), dataIndex: 'place', key: 'place', render: (v: string | null) => v ?? '—' },
            { title: t('source'), dataIndex: 'source', key: 'source', render: (v: string) => label(codes.data?.dataSources, v, lang) },
            { title: t('sourceRef'), dataIndex: 'sourceRef', key: 'sourceRef' },
            { title: t('knownOn'), dataIndex: 'knownOn', key: 'knownOn', render: formatDate },
            { title: t('region'), dataIndex: 'regionName', key: 'regionName' },
          ]}
        />
      </Card>
    </Space>
  );
}
