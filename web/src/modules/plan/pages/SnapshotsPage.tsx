// 发布评估与变化: pick a published evaluation (年度通报, 中期, 总结) and see what changed since it
// was frozen: indicators whose value, status or target moved, and every reported figure
// approved since (indicator, region, year, old → new, the revision's reason, who and when).
// Searchable, paged, exported.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { download } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import { useSnapshotDiff, useSnapshots, type RevisionChange, type SnapshotDiff } from '../api';
import { PlanFilters, StatusTag, fmt, unitText, usePlanParams } from '../components/common';
import { planMessages, type PlanMessageKey } from '../messages';

type IndicatorChange = SnapshotDiff['changes'][number];

const matches = (q: string, ...texts: (string | null)[]) => !q || texts.some((x) => x?.toLowerCase().includes(q.toLowerCase()));

export default function SnapshotsPage() {
  const t = useMessages(planMessages);
  const notifyError = useErrorNotifier();
  const p = usePlanParams({ defaultRegion: 'plan' });
  const [params, setParams] = useSearchParams();
  const snapshots = useSnapshots(p.planId);
  const chosen = Number(params.get('snapshot')) || snapshots.data?.[0]?.id;
  const diff = useSnapshotDiff(p.planId, chosen);
  const [q, setQ] = useState('');
  const snapshot = snapshots.data?.find((s) => s.id === chosen);

  const revisions = useMemo(() => (diff.data?.revisions ?? []).filter((r) => matches(q, r.indicatorCode, r.indicatorName, r.regionName, r.regionCode, String(r.year), r.reason)), [diff.data, q]);
  const changes = useMemo(() => (diff.data?.changes ?? []).filter((c) => matches(q, c.code, c.name)), [diff.data, q]);

  const exportDiff = useMutation({
    mutationFn: () => download(`/plans/${encodeURIComponent(p.planId!)}/snapshots/${chosen}/diff/export`, undefined, 'changes.xlsx'),
    onError: notifyError,
  });
  const docx = useMutation({
    mutationFn: () => download(`/plans/${encodeURIComponent(p.planId!)}/snapshots/${chosen}/docx`, undefined, `${snapshot?.title ?? 'report'}.docx`),
    onError: notifyError,
  });

  const revisionColumns: TableColumnsType<RevisionChange> = [
    { title: t('indicator'), key: 'ind', render: (_: unknown, r) => `${r.indicatorCode} ${r.indicatorName}` },
    { title: t('region'), key: 'region', width: 120, render: (_: unknown, r) => r.regionName ?? r.regionCode },
    { title: t('year'), dataIndex: 'year', width: 70 },
    {
      title: `${t('oldValue')} → ${t('newValue2')}`,
      key: 'values',
      width: 180,
      render: (_: unknown, r) => (
        <span data-testid={`revision-change-${r.valueId}-${r.revision}`}>
          {fmt(r.before)} → <strong>{fmt(r.after)}</strong>
          {unitText(r.unit)}
        </span>
      ),
    },
    { title: t('revision'), dataIndex: 'revision', width: 80 },
    { title: t('revisionReason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
    { title: t('approvedBy'), key: 'by', width: 200, render: (_: unknown, r) => `${r.approvedBy ?? ''} · ${formatInstant(r.approvedAt)}` },
  ];
  const changeColumns: TableColumnsType<IndicatorChange> = [
    { title: t('indicator'), key: 'ind', render: (_: unknown, c) => `${c.code} ${c.name}` },
    { title: t('target'), key: 'target', width: 160, render: (_: unknown, c) => (c.before.target === c.after.target ? c.after.target : `${c.before.target} → ${c.after.target}`) },
    { title: `${t('oldValue')} → ${t('newValue2')}`, key: 'value', width: 160, render: (_: unknown, c) => `${fmt(c.before.value)} → ${fmt(c.after.value)}` },
    {
      title: t('statusChange'),
      key: 'status',
      width: 200,
      render: (_: unknown, c) => (
        <Space size={4}>
          <StatusTag status={c.before.status} />→<StatusTag status={c.after.status} />
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('snapshotsTitle')} data-testid="plan-snapshots">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <PlanFilters p={p} year={undefined} showYear={false} showRegion={false} />
          <Select
            style={{ minWidth: 420 }}
            value={chosen}
            placeholder={t('snapshotPick')}
            aria-label={t('snapshotPick')}
            onChange={(v: number) =>
              setParams((prev) => {
                const next = new URLSearchParams(prev);
                next.set('snapshot', String(v));
                return next;
              })
            }
            options={(snapshots.data ?? []).map((s) => ({ value: s.id, label: `${s.title} · ${formatInstant(s.publishedAt)}` }))}
            data-testid="snapshot-select"
          />
          <Input.Search allowClear placeholder={t('searchIndicator')} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} style={{ width: 240 }} data-testid="snapshot-search" />
          <Button icon={<DownloadOutlined />} disabled={!chosen} loading={exportDiff.isPending} onClick={() => exportDiff.mutate()} data-testid="snapshot-diff-export">
            {t('export')}
          </Button>
          <Button icon={<FileWordOutlined />} disabled={!chosen} loading={docx.isPending} onClick={() => docx.mutate()}>
            {t('downloadDocx')}
          </Button>
        </Space>
        <ProblemAlert error={snapshots.error ?? diff.error} />
        {snapshots.data && snapshots.data.length === 0 && <Empty description={t('snapshotNone')} />}
        {snapshot && (
          <Typography.Text type="secondary">
            {t(`kind_${snapshot.kind}` as PlanMessageKey)} · {snapshot.year} · {snapshot.regionName ?? snapshot.regionCode} · {t('publishedBy')} {snapshot.publishedByName} · {t('publishedAt')} {formatInstant(snapshot.publishedAt)}
          </Typography.Text>
        )}
        {diff.data && diff.data.changes.length === 0 && diff.data.revisions.length === 0 && <Empty description={t('noChanges')} />}
        {diff.data && diff.data.revisions.length > 0 && (
          <>
            <Typography.Title level={5}>{t('revisionChanges', { n: revisions.length })}</Typography.Title>
            <Table<RevisionChange> size="small" rowKey={(r) => `${r.valueId}-${r.revision}`} columns={revisionColumns} dataSource={revisions} pagination={{ defaultPageSize: 20, showSizeChanger: true }} scroll={{ x: 'max-content' }} data-testid="snapshot-revisions" />
          </>
        )}
        {diff.data && diff.data.changes.length > 0 && (
          <>
            <Typography.Title level={5}>{t('indicatorChanges', { n: changes.length })}</Typography.Title>
            <Table<IndicatorChange> size="small" rowKey="code" columns={changeColumns} dataSource={changes} pagination={{ defaultPageSize: 20 }} data-testid="snapshot-changes" />
          </>
        )}
      </Space>
    </Card>
  );
}
