// 指标仪表盘: a card per indicator (value, target, status colour, sparkline), grouped as the
// plan groups them, binding indicators at risk first; the final evaluation of a finished plan.
import { Link, useNavigate } from 'react-router';
import { Alert, Card, Col, Empty, Progress, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { TableOutlined } from '@ant-design/icons';
import { pick, useLang, useMessages } from '../../../app/i18n';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useEvaluation, type IndicatorEvaluation, type PlanEvaluation } from '../api';
import { PlanFilters, StatusTag, fmt, pct, statusColors, unitText, usePlanParams, yearsOf } from '../components/common';
import { Sparkline } from '../components/Sparkline';
import { PlanManage } from '../components/PlanManage';
import { useAuth } from '../../../app/auth';
import { planMessages, type PlanMessageKey } from '../messages';

function IndicatorCard({ i, years, onOpen }: { i: IndicatorEvaluation; years: number[]; onOpen: () => void }) {
  const t = useMessages(planMessages);
  const color = statusColors[i.status];
  const share = i.progress?.share;
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      data-testid={`indicator-card-${i.code}`}
      style={{ borderTop: `4px solid ${color}`, height: '100%' }}
      title={
        <Space size={4} wrap>
          {i.bindingAtRisk && <Tag color="error">{t('binding')}</Tag>}
          <span title={i.quote ?? undefined}>{`${i.row !== null ? `${i.row}.` : ''}${i.name}`}</span>
        </Space>
      }
      extra={<StatusTag status={i.status} />}
    >
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space align="baseline" wrap>
          <Typography.Text strong style={{ fontSize: 22, color }}>
            {i.value === null ? t('noDataYet') : `${fmt(i.value)}${unitText(i.unit)}`}
          </Typography.Text>
          {i.kind === 'cumulative' && i.value !== null && <Typography.Text type="secondary">{t('cumulativeSoFar')}</Typography.Text>}
          {i.valueYear !== null && i.valueYear !== i.year && <Typography.Text type="secondary">{t('dataYear', { year: i.valueYear })}</Typography.Text>}
        </Space>
        <Typography.Text type="secondary">
          {t('target')} {i.target.printed}
          {i.attribute ? ` · ${i.attribute}` : ''}
        </Typography.Text>
        {share !== null && share !== undefined && i.kind === 'cumulative' && (
          <>
            <Progress percent={Math.max(0, Math.min(100, Math.round(share * 100)))} size="small" strokeColor={color} showInfo={false} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('progress')} {pct(share)} · {t('timeElapsed')} {pct(i.progress?.expectedShare)}
            </Typography.Text>
          </>
        )}
        <Sparkline series={i.series} years={years} color={color} target={i.kind === 'cumulative' || i.kind === 'annual' ? null : (i.target.value ?? null)} />
      </Space>
    </Card>
  );
}

function FinalTable({ e }: { e: PlanEvaluation }) {
  const t = useMessages(planMessages);
  if (!e.final) return null;
  return (
    <Card title={t('finalTitle', { year: e.final.year })} extra={<Typography.Text>{t('finalSummary', { achieved: e.final.achieved, notAchieved: e.final.notAchieved, noData: e.final.noData })}</Typography.Text>} data-testid="final-evaluation">
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={e.final.results}
        columns={[
          { title: t('indicator'), dataIndex: 'name', render: (name: string, r) => `${r.code} ${name}` },
          { title: t('target'), dataIndex: 'target' },
          { title: t('value'), dataIndex: 'value', render: (v: number | null) => fmt(v) },
          { title: t('printedActual'), dataIndex: 'printedActual', render: (v: string | null) => v ?? '—' },
          {
            title: t('status'),
            dataIndex: 'achieved',
            render: (a: boolean | null) => (a === null ? <Tag>{t('status_no_data')}</Tag> : a ? <Tag color="success">{t('achievedYes')}</Tag> : <Tag color="error">{t('achievedNo')}</Tag>),
          },
        ]}
      />
    </Card>
  );
}

export default function PlanDashboardPage() {
  const t = useMessages(planMessages);
  const { lang } = useLang();
  const navigate = useNavigate();
  const p = usePlanParams();
  const { can } = useAuth();
  const ev = useEvaluation(p.planId, p.year, p.regionCode);
  const e = ev.data;
  const year = p.year ?? e?.year;
  const years = yearsOf(p.plan);

  const open = (code: string) => {
    const q = new URLSearchParams();
    if (e) {
      q.set('year', String(e.year));
      q.set('region', e.regionCode);
    }
    navigate(`/plans/${encodeURIComponent(p.planId!)}/indicators/${encodeURIComponent(code)}?${q.toString()}`);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('menuDashboard')}
        extra={
          p.planId && (
            <Link to={`/plans/table?plan=${encodeURIComponent(p.planId)}${year ? `&year=${year}` : ''}`}>
              <TableOutlined /> {t('openTable')}
            </Link>
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <PlanFilters p={p} year={year} />
          {e && (
            <Space wrap size="large">
              <Statistic title={t('region')} value={e.regionName ?? e.regionCode} />
              <Statistic title={t('year')} value={e.year} groupSeparator="" />
              {(['achieved', 'on_track', 'lagging', 'at_risk', 'no_data'] as const).map((s) => (
                <Statistic key={s} title={t(`status_${s}` as PlanMessageKey)} value={e.summary.byStatus[s]} styles={{ content: { color: statusColors[s] } }} />
              ))}
            </Space>
          )}
        </Space>
      </Card>
      {can('plan:manage') && p.plan && p.plans && <PlanManage plan={p.plan} plans={p.plans} year={year} onPlan={(id) => p.set({ plan: id })} />}
      <ProblemAlert error={ev.error} />
      {ev.isPending && p.planId && <Spin />}
      {!p.planId && !ev.isPending && <Empty />}
      {e && e.summary.bindingAtRisk.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="binding-at-risk"
          title={t('bindingAtRiskTitle')}
          description={t('bindingAtRiskText', { names: e.indicators.filter((i) => i.bindingAtRisk).map((i) => i.name).join('、') })}
        />
      )}
      {e && <FinalTable e={e} />}
      {e &&
        e.groups.map((g) => {
          const byCode = new Map(e.indicators.map((i) => [i.code, i]));
          return (
            <Card key={g.key} title={pick({ zh: g.name, en: g.nameEn ?? g.name }, lang)} data-testid={`group-${g.key}`} size="small">
              <Row gutter={[12, 12]}>
                {g.codes.map((code) => {
                  const i = byCode.get(code)!;
                  return (
                    <Col key={code} xs={24} sm={12} lg={8} xl={6}>
                      <IndicatorCard i={i} years={years} onOpen={() => open(code)} />
                    </Col>
                  );
                })}
              </Row>
            </Card>
          );
        })}
      {e && <Typography.Text type="secondary">{t('asOf', { date: e.asOf })}</Typography.Text>}
    </Space>
  );
}
