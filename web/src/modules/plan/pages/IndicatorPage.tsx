// One indicator at one region and year: value, target, status, projection, pace, lineage,
// the regions behind; drill down province → cities/counties (table and tile map) →
// townships → the records behind the figure (within the caller's scope).
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, Collapse, Descriptions, Empty, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { pick, useLang, useMessages } from '../../../app/i18n';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import { useIndicatorRegions, useRecords, type IndicatorEvaluation, type RegionFigure } from '../api';
import { StatusTag, fmt, pct, statusColors, unitText } from '../components/common';
import { Sparkline } from '../components/Sparkline';
import { TileMap } from '../components/TileMap';
import { planMessages, type PlanMessageKey } from '../messages';

function Lineage({ i }: { i: IndicatorEvaluation }) {
  const t = useMessages(planMessages);
  const { lang } = useLang();
  const l = i.lineage;
  if (l.kind === 'reported') {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="lineage-reported">
        <Tag color="blue">{t('lineageReported')}</Tag>
        <Table
          size="small"
          rowKey={(r) => `${r.year}-${r.revision}`}
          pagination={false}
          dataSource={l.figures}
          columns={[
            { title: t('year'), dataIndex: 'year' },
            { title: t('value'), dataIndex: 'value', render: (v: number) => fmt(v) },
            { title: t('revision'), dataIndex: 'revision' },
            { title: t('submittedBy'), dataIndex: 'submittedBy' },
            { title: t('approvedBy'), dataIndex: 'approvedBy' },
            { title: t('approvedAt'), dataIndex: 'approvedAt', render: (v: string | null) => formatInstant(v) },
            { title: t('reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="lineage-computed">
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'm', label: t('measure'), children: l.registered ? `${l.name ? pick(l.name, lang) : ''} (${l.measureKey})` : `${l.measureKey} · ${t('notRegistered')}` },
          { key: 'd', label: t('definition'), children: l.definition ? pick(l.definition, lang) : '—' },
          { key: 'c', label: t('computedAt'), children: formatInstant(l.computedAt) },
        ]}
      />
      {l.sql && (
        <Collapse
          size="small"
          items={[
            {
              key: 'sql',
              label: t('sql'),
              children: (
                <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }} data-testid="lineage-sql">
                  {l.sql}
                  {'\n-- params: '}
                  {JSON.stringify(l.params)}
                </pre>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

const recordColumns: Record<string, PlanMessageKey> = {
  label: 'recLabel',
  regionCode: 'recRegion',
  status: 'status',
  approvedValue: 'recApproved',
  openValue: 'recOpen',
  approvedBy: 'approvedBy',
  idNumberMasked: 'recIdNumber',
  hukouType: 'recHukou',
  createdAt: 'recCreatedAt',
  uscc: 'recUscc',
};

function Records({ planId, code, year, regionCode }: { planId: string; code: string; year: number; regionCode: string }) {
  const t = useMessages(planMessages);
  const [page, setPage] = useState(1);
  const records = useRecords(planId, code, year, regionCode, page, true);
  if (records.isPending) return <Spin />;
  if (records.isError) return <ProblemAlert error={records.error} />;
  const items = records.data.items;
  if (!items.length) return <Empty description={t('recordsNone')} />;
  const keys = Object.keys(items[0]).filter((k) => k !== 'id');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey={(r) => String(r.id)}
        pagination={false}
        dataSource={items}
        data-testid="records-table"
        columns={keys.map((k) => ({ title: recordColumns[k] ? t(recordColumns[k]) : k, dataIndex: k, render: (v: unknown) => (v === null || v === undefined ? '—' : String(v)) }))}
      />
      <Space>
        <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('previous')}
        </Button>
        <Button disabled={!records.data.hasMore} onClick={() => setPage(page + 1)}>
          {t('more')}
        </Button>
      </Space>
    </Space>
  );
}

export default function IndicatorPage() {
  const t = useMessages(planMessages);
  const { lang } = useLang();
  const navigate = useNavigate();
  const { planId = '', code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const region = params.get('region') ?? undefined;
  const data = useIndicatorRegions(planId, code, year, region);
  const setRegion = (r: string) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      p.set('region', r);
      return p;
    });

  if (data.isPending) return <Spin />;
  if (data.isError) return <ProblemAlert error={data.error} />;
  const d = data.data;
  const i = d.region;
  const years = Array.from({ length: Math.max(1, d.year - (i.series[0]?.year ?? d.year) + 1) }, (_, k) => (i.series[0]?.year ?? d.year) + k);
  const color = statusColors[i.status];
  const isTop = i.regionCode.endsWith('0000');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{`${i.code} ${i.name}`}</span>
            <StatusTag status={i.status} />
            {i.attribute && <Tag color={i.binding ? 'red' : 'default'}>{i.attribute}</Tag>}
          </Space>
        }
        extra={
          <Space>
            {!isTop && (
              <Button icon={<ArrowUpOutlined />} onClick={() => navigate(-1)} data-testid="drill-up">
                {t('backUp')}
              </Button>
            )}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/plans?plan=${encodeURIComponent(planId)}&year=${d.year}`)}>
              {t('menuDashboard')}
            </Button>
          </Space>
        }
      >
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'region', label: t('region'), children: `${d.regionName ?? i.regionCode} (${i.regionCode})` },
                { key: 'year', label: t('year'), children: d.year },
                { key: 'value', label: t('value'), children: <span style={{ color, fontWeight: 600 }} data-testid="indicator-value">{i.value === null ? t('noDataYet') : `${fmt(i.value)}${unitText(i.unit)}${i.kind === 'cumulative' ? ` (${t('cumulativeSoFar')})` : ''}`}</span> },
                { key: 'target', label: t('target'), children: `${i.target.printed}${i.target.source === 'region' ? ' (分解目标)' : ''}` },
                { key: 'baseline', label: t('baseline'), children: i.baseline ? `${i.baseline.printed ?? fmt(i.baseline.value)} (${i.baseline.year})` : '—' },
                { key: 'progress', label: t('progress'), children: i.progress ? `${pct(i.progress.share)} · ${t('timeElapsed')} ${pct(i.progress.expectedShare)}` : '—' },
                { key: 'milestone', label: t('milestone'), children: i.milestone ? `${fmt(i.milestone.value)} (${i.milestone.year})${i.milestone.overridden ? ` · ${t('milestoneOverridden', { reason: i.milestone.reason ?? '' })}` : ''}` : '—' },
                {
                  key: 'projection',
                  label: t('projection'),
                  children: i.projection?.point !== null && i.projection?.point !== undefined ? `${fmt(i.projection.point)} (${t('interval')} ${fmt(i.projection.low)}–${fmt(i.projection.high)}) · ${t('probability')} ${pct(i.projection.probabilityOfMeeting)}` : '—',
                },
                { key: 'pace', label: t('pace'), children: i.paceText ? pick(i.paceText, lang) : '—' },
              ]}
            />
          </Col>
          <Col xs={24} md={12}>
            <Sparkline series={i.series} years={years} color={color} height={140} target={i.kind === 'cumulative' || i.kind === 'annual' ? null : i.target.value} />
            {i.quote && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>“{i.quote}”</Typography.Paragraph>}
          </Col>
        </Row>
        {i.problems.length > 0 && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('problems')} description={i.problems.map((p) => pick(p, lang)).join('；')} />}
      </Card>

      {i.shortfall.length > 0 && (
        <Card title={t('shortfall')} size="small" data-testid="shortfall">
          <Table
            size="small"
            rowKey="regionCode"
            pagination={false}
            dataSource={i.shortfall}
            columns={[
              { title: t('region'), dataIndex: 'regionName', render: (n: string | null, r) => <a onClick={() => setRegion(r.regionCode)}>{n ?? r.regionCode}</a> },
              { title: t('value'), dataIndex: 'value', render: (v: number) => fmt(v) },
              { title: t('milestone'), dataIndex: 'bound', render: (v: number) => fmt(v) },
              { title: t('gap'), dataIndex: 'gap', render: (v: number) => fmt(v) },
              { title: t('shareOfGap'), dataIndex: 'share', render: (v: number) => pct(v) },
            ]}
          />
        </Card>
      )}

      <Card title={t('regionsTitle')} size="small">
        <Row gutter={24}>
          <Col xs={24} xl={14}>
            <Table<RegionFigure>
              size="small"
              rowKey="regionCode"
              pagination={false}
              dataSource={d.children}
              data-testid="regions-table"
              columns={[
                { title: t('region'), dataIndex: 'regionName', render: (n: string | null, r) => (d.canDrillFurther ? <a onClick={() => setRegion(r.regionCode)} data-testid={`drill-${r.regionCode}`}>{n ?? r.regionCode}</a> : (n ?? r.regionCode)) },
                { title: t('value'), dataIndex: 'value', render: (v: number | null) => fmt(v) },
                { title: t('target'), dataIndex: 'target' },
                { title: t('progress'), dataIndex: 'share', render: (v: number | null) => pct(v) },
                { title: t('status'), dataIndex: 'status', render: (s: RegionFigure['status']) => <StatusTag status={s} /> },
              ]}
            />
          </Col>
          {d.children.some((c) => c.regionCode.length === 6) && i.regionCode.endsWith('0000') && (
            <Col xs={24} xl={10}>
              <Typography.Title level={5}>{t('mapTitle')}</Typography.Title>
              <TileMap figures={d.children} unit={i.unit} onPick={setRegion} />
            </Col>
          )}
        </Row>
      </Card>

      <Card title={t('lineage')} size="small">
        <Lineage i={i} />
      </Card>

      <Card title={t('recordsTitle')} size="small">
        <Records planId={planId} code={code} year={d.year} regionCode={i.regionCode} />
      </Card>
    </Space>
  );
}

