// 数据导入: choose what to import, download its template, upload (.xlsx/.csv) in one of two
// modes, then follow the job. The chosen kind and the followed job live in the URL.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Form, Radio, Select, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, download } from '../../../app/api';
import { pick, useI18n, useMessages } from '../../../app/i18n';
import { DataTable, dataTableKey } from '../../../ui/DataTable';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import { importKeys, isFinished, useImportKinds, type ImportJob, type ImportMode } from '../api';
import { JobProgress, StatusTag } from '../components/JobProgress';
import { importMessages } from '../messages';

type UploadValues = { kind: string; mode: ImportMode };

const acceptedFile = /\.(xlsx|csv)$/i;

export default function ImportsPage() {
  const t = useMessages(importMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const kinds = useImportKinds();
  const [form] = Form.useForm<UploadValues>();
  const kind = Form.useWatch('kind', form);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const jobId = params.get('job');

  const kindLabel = (code: string) => {
    const found = kinds.data?.find((k) => k.kind === code);
    return found ? pick(found, lang) : code;
  };

  const followJob = (id: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set('job', id);
        else next.delete('job');
        return next;
      },
      { replace: false },
    );

  const upload = useMutation({
    mutationFn: ({ values, chosen }: { values: UploadValues; chosen: File }) => {
      const body = new FormData();
      // Fields before the file: the server reads the multipart stream in order.
      body.append('mode', values.mode);
      body.append('file', chosen, chosen.name);
      return api.upload<ImportJob>(`/imports/${encodeURIComponent(values.kind)}`, body);
    },
    onSuccess: async (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      setFile(null);
      followJob(job.id);
      await queryClient.invalidateQueries({ queryKey: dataTableKey('import-jobs') });
    },
  });

  const downloadTemplate = async () => {
    if (!kind) return;
    setDownloading(true);
    try {
      await download(`/imports/${encodeURIComponent(kind)}/template`, undefined, `${kind}-template.xlsx`);
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(false);
    }
  };

  const chooseKind = (value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('kind', value);
        return next;
      },
      { replace: true },
    );

  // With one kind on offer (or none chosen yet), start from the first the user may import.
  const firstKind = kinds.data?.[0]?.kind;
  useEffect(() => {
    if (!form.getFieldValue('kind') && firstKind) form.setFieldValue('kind', firstKind);
  }, [firstKind, form]);

  const fileList: UploadFile[] = file ? [{ uid: 'chosen', name: file.name, status: 'done', size: file.size }] : [];
  const initialKind = params.get('kind') ?? undefined;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('newImport')}>
        <Form<UploadValues>
          form={form}
          layout="vertical"
          style={{ maxWidth: 760 }}
          initialValues={{ kind: initialKind, mode: 'all' }}
          onFinish={(values) => {
            if (!file) {
              setFileError(t('fileRequired'));
              return;
            }
            upload.mutate({ values, chosen: file });
          }}
        >
          {kinds.isError && <ProblemAlert error={kinds.error} />}
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
            <Select
              style={{ maxWidth: 320 }}
              loading={kinds.isLoading}
              options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: pick(k, lang) }))}
              onChange={chooseKind}
              data-testid="import-kind"
            />
          </Form.Item>
          <Form.Item extra={t('templateHint')}>
            <Button
              icon={<DownloadOutlined />}
              disabled={!kind}
              loading={downloading}
              onClick={() => void downloadTemplate()}
              data-testid="import-template"
            >
              {t('template')}
            </Button>
          </Form.Item>
          <Form.Item name="mode" label={t('mode')} extra={t('duplicatesHint')}>
            <Radio.Group data-testid="import-mode">
              <Space orientation="vertical">
                <Radio value="all" data-testid="import-mode-all">
                  <strong>{t('mode_all')}</strong>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {t('mode_all_help')}
                  </Typography.Paragraph>
                </Radio>
                <Radio value="good-rows" data-testid="import-mode-good-rows">
                  <strong>{t('mode_goodRows')}</strong>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {t('mode_goodRows_help')}
                  </Typography.Paragraph>
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            label={t('file')}
            required
            validateStatus={fileError ? 'error' : undefined}
            help={fileError ?? undefined}
          >
            <Upload.Dragger
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(chosen) => {
                if (!acceptedFile.test(chosen.name)) {
                  setFileError(t('fileType'));
                  message.error(t('fileType'));
                  return Upload.LIST_IGNORE;
                }
                setFile(chosen);
                setFileError(null);
                // Keep the file in the browser; it is sent with the chosen mode on submit.
                return false;
              }}
              onRemove={() => {
                setFile(null);
                return true;
              }}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('fileHint')}</p>
              <p className="ant-upload-hint">{t('fileTypes')}</p>
            </Upload.Dragger>
          </Form.Item>
          {upload.isError && <ProblemAlert error={upload.error} />}
          <Button
            type="primary"
            htmlType="submit"
            icon={<CloudUploadOutlined />}
            loading={upload.isPending}
            data-testid="import-submit"
          >
            {t('upload')}
          </Button>
        </Form>
      </Card>

      {jobId && <JobProgress key={jobId} jobId={jobId} />}

      <Card title={t('recent')}>
        <DataTable<ImportJob>
          id="import-jobs"
          path="/imports/jobs"
          rowKey={(job) => job.id}
          urlState={false}
          defaultPageSize={10}
          onRowClick={(job) => followJob(job.id)}
          refetchInterval={(rows) => (rows.some((job) => !isFinished(job)) ? 2000 : false)}
          filters={[
            {
              kind: 'select',
              name: 'kind',
              label: t('kind'),
              options: (kinds.data ?? []).map((k) => ({ value: k.kind, label: pick(k, lang) })),
            },
          ]}
          columns={[
            { title: t('createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => formatInstant(v) },
            { title: t('kind'), dataIndex: 'kind', key: 'kind', render: (v: string) => kindLabel(v) },
            { title: t('filename'), dataIndex: 'filename', key: 'filename' },
            {
              title: t('mode'),
              dataIndex: 'mode',
              key: 'mode',
              render: (v: ImportMode) => (v === 'all' ? t('mode_all') : t('mode_goodRows')),
            },
            { title: t('status'), dataIndex: 'status', key: 'status', render: (_, job) => <StatusTag status={job.status} /> },
            { title: t('total'), dataIndex: 'total', key: 'total' },
            { title: t('inserted'), dataIndex: 'inserted', key: 'inserted' },
            { title: t('duplicates'), dataIndex: 'duplicates', key: 'duplicates' },
            { title: t('errors'), dataIndex: 'errorCount', key: 'errorCount' },
            { title: t('finishedAt'), dataIndex: 'finishedAt', key: 'finishedAt', render: (v: string | null) => formatInstant(v) },
            {
              title: '',
              key: 'view',
              render: (_, job) => (
                <Button type="link" size="small" onClick={() => followJob(job.id)} data-testid={`import-view-${job.id}`}>
                  {t('view')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
