// Follows one import job: polled every second until it has finished, then offers the
// row-level error workbook ("row 7: 身份证号校验位错误 …").
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Progress, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { download } from '../../../app/api';
import { pick, useI18n, useMessages } from '../../../app/i18n';
import { dataTableKey } from '../../../ui/DataTable';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { isFinished, useImportJob, type ImportJob, type ImportStatus } from '../api';
import { importMessages } from '../messages';

const statusColors: Record<ImportStatus, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export function StatusTag({ status }: { status: ImportStatus }) {
  const t = useMessages(importMessages);
  return (
    <Tag color={statusColors[status]} data-testid="import-status">
      {t(`status_${status}`)}
    </Tag>
  );
}

function hasErrorWorkbook(job: ImportJob): boolean {
  return job.hasErrorsFile ?? job.errorCount > 0;
}

/** The kinds of list a finished import changes, so their tables refresh. */
const tablesOfKind: Record<string, string> = { persons: 'persons', employers: 'employers' };

export function JobProgress({ jobId }: { jobId: string }) {
  const t = useMessages(importMessages);
  const { lang } = useI18n();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const job = useImportJob(jobId);
  const [downloading, setDownloading] = useState(false);
  const announced = useRef<string | null>(null);

  const finished = job.data ? isFinished(job.data) : false;
  useEffect(() => {
    if (!job.data || !finished || announced.current === job.data.id) return;
    announced.current = job.data.id;
    void queryClient.invalidateQueries({ queryKey: dataTableKey('import-jobs') });
    const table = tablesOfKind[job.data.kind];
    if (table) void queryClient.invalidateQueries({ queryKey: dataTableKey(table) });
  }, [job.data, finished, queryClient]);

  if (job.isPending) {
    return (
      <Card title={t('progress')}>
        <Spin />
      </Card>
    );
  }
  if (job.isError) {
    return (
      <Card title={t('progress')}>
        <ProblemAlert error={job.error} />
      </Card>
    );
  }
  const j = job.data;
  // While running the server may not know the total yet (it reports total = processed).
  const totalKnown = j.total > 0 && (finished || j.total > j.processed);
  const percent = j.status === 'succeeded' ? 100 : totalKnown ? Math.floor((j.processed / j.total) * 100) : 0;

  const downloadErrors = async () => {
    setDownloading(true);
    try {
      await download(`/imports/jobs/${encodeURIComponent(j.id)}/errors`, undefined, `errors-${j.filename}.xlsx`);
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card
      title={
        <Space>
          {t('progress')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {j.filename}
          </Typography.Text>
          <StatusTag status={j.status} />
        </Space>
      }
      data-testid="import-progress"
    >
      {totalKnown || finished ? (
        <Progress
          percent={percent}
          status={j.status === 'failed' ? 'exception' : j.status === 'succeeded' ? 'success' : 'active'}
          data-testid="import-progress-bar"
        />
      ) : (
        <Space style={{ marginBottom: 8 }}>
          <Spin size="small" />
          <span>{t('processedRows', { processed: j.processed })}</span>
        </Space>
      )}
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={12} md={4}>
          <Statistic title={t('total')} value={j.total} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('processed')} value={j.processed} data-testid="import-processed" />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('inserted')} value={j.inserted} styles={{ content: { color: '#389e0d' } }} data-testid="import-inserted" />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('duplicates')} value={j.duplicates} data-testid="import-duplicates" />
        </Col>
        <Col xs={12} md={5}>
          <Statistic
            title={t('errors')}
            value={j.errorCount}
            styles={{ content: { color: j.errorCount > 0 ? '#cf1322' : undefined } }}
            data-testid="import-errors"
          />
        </Col>
      </Row>
      {j.message && (
        <Alert
          style={{ marginTop: 16 }}
          type={j.status === 'failed' ? 'error' : j.errorCount > 0 ? 'warning' : 'success'}
          showIcon
          title={pick(j.message, lang)}
          data-testid="import-message"
        />
      )}
      {finished && hasErrorWorkbook(j) && (
        <Button
          style={{ marginTop: 16 }}
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={() => void downloadErrors()}
          data-testid="import-error-workbook"
        >
          {t('errorWorkbook')}
        </Button>
      )}
    </Card>
  );
}
