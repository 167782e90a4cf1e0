// Uploading a file to the platform import pipeline (declarations, stop events, life signals)
// and following the job to its end; a refused declaration offers its problem list.
import { useRef, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download } from '../../app/api';
import { useI18n, useMessages } from '../../app/i18n';
import { useErrorNotifier } from '../../ui/ProblemAlert';
import { insuranceMessages } from './messages';

type Job = { id: string; status: 'queued' | 'running' | 'succeeded' | 'failed'; inserted: number; duplicates: number; message: { zh: string; en: string } | null };

export function ImportButton({ kind, refreshKeys = [], problems = false }: { kind: string; refreshKeys?: readonly unknown[][]; problems?: boolean }) {
  const t = useMessages(insuranceMessages);
  const { lang } = useI18n();
  const notify = useErrorNotifier();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useQuery({
    queryKey: ['insurance', 'import-job', jobId],
    queryFn: ({ signal }) => api.get<Job>(`/imports/jobs/${jobId}`, undefined, signal),
    enabled: jobId !== null,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      if (s === 'succeeded' || s === 'failed') {
        for (const k of refreshKeys) void queryClient.invalidateQueries({ queryKey: k });
        return false;
      }
      return 1000;
    },
  });
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.append('mode', 'all');
    form.append('file', file);
    try {
      const j = await api.upload<Job>(`/imports/${kind}`, form);
      setJobId(j.id);
    } catch (e) {
      notify(e);
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  const j = job.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button icon={<DownloadOutlined />} onClick={() => download(`/imports/${kind}/template`).catch(notify)}>{t('template')}</Button>
        <Button type="primary" icon={<UploadOutlined />} onClick={() => input.current?.click()} data-testid={`ins-upload-${kind}`}>{t('upload')}</Button>
        <input ref={input} type="file" accept=".xlsx,.csv" style={{ display: 'none' }} onChange={(e) => void onFile(e.target.files?.[0])} />
      </Space>
      {j && (
        <Alert
          type={j.status === 'succeeded' ? 'success' : j.status === 'failed' ? 'error' : 'info'}
          message={j.message ? j.message[lang] : t('importing')}
          action={
            problems && j.status === 'failed' ? (
              <Button size="small" onClick={() => download(`/insurance/declarations/${j.id}/problems`).catch(notify)}>{t('problems')}</Button>
            ) : undefined
          }
          data-testid={`ins-job-${kind}`}
        />
      )}
    </Space>
  );
}
