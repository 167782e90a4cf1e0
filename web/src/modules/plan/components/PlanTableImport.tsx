// 按印刷表样导入规划 (Excel): upload a sheet laid out like the printed plan table (the table
// page's export is one). The server derives the plan id from the title, or takes the one
// given; a plan that exists is replaced only after confirmation. Bad rows write nothing and
// come back with the row-level error workbook, offered here for download.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { planKeys, type PlanSummary } from '../api';
import { planMessages } from '../messages';

type ImportInput = { file: File; id: string; replace?: { version: number | undefined } };

function saveBase64(base64: string, filename: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PlanTableImport({ plans, onPlan }: { plans: PlanSummary[]; onPlan: (id: string) => void }) {
  const t = useMessages(planMessages);
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [id, setId] = useState('');

  const send = (input: ImportInput) => {
    const body = new FormData();
    if (input.id) body.append('id', input.id);
    if (input.replace) {
      body.append('replace', 'true');
      if (input.replace.version !== undefined) body.append('version', String(input.replace.version));
    }
    body.append('file', input.file);
    return api.upload<PlanSummary>('/plans/import/xlsx', body);
  };

  const importTable = useMutation({
    mutationFn: async (input: ImportInput) => {
      try {
        return await send(input);
      } catch (e) {
        if (!isApiError(e) || e.code !== 'DUPLICATE') throw e;
        const existing = plans.find((p) => p.id === input.id) ?? plans.find((p) => e.messages.zh.includes(`“${p.id}”`));
        const ok = await modal.confirm({ title: t('importYamlReplace', { id: existing?.id ?? input.id }) });
        if (!ok) return null;
        return send({ ...input, id: existing?.id ?? input.id, replace: { version: existing?.version } });
      }
    },
    onSuccess: async (p) => {
      if (!p) return;
      message.success(t('imported', { id: p.id }));
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      setOpen(false);
      setFile(null);
      setId('');
      onPlan(p.id);
    },
  });

  const error = importTable.error;
  const errorsFile = isApiError(error) ? error.detailValue('errorsFile') : undefined;
  const errorsFilename = isApiError(error) ? error.detailValue('errorsFilename') : undefined;

  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => setOpen(true)} data-testid="plan-import-xlsx">
        {t('importTable')}
      </Button>
      <Modal
        open={open}
        title={t('importTable')}
        onCancel={() => setOpen(false)}
        onOk={() => file && importTable.mutate({ file, id: id.trim() })}
        okText={t('importTableRun')}
        cancelText={t('cancel')}
        okButtonProps={{ disabled: !file, ...{ 'data-testid': 'plan-import-xlsx-submit' } }}
        confirmLoading={importTable.isPending}
        width={640}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('importTableHint')}
          </Typography.Paragraph>
          <Form layout="vertical">
            <Form.Item label={t('importTableFile')} required>
              <Upload
                accept=".xlsx"
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  importTable.reset();
                  return false;
                }}
                onRemove={() => setFile(null)}
                fileList={file ? [{ uid: 'plan-table', name: file.name, status: 'done' }] : []}
              >
                <Button icon={<FileExcelOutlined />} data-testid="plan-import-xlsx-file">
                  {t('importTableChoose')}
                </Button>
              </Upload>
            </Form.Item>
            <Form.Item label={t('importTableId')} extra={t('importTableIdHint')}>
              <Input value={id} onChange={(e) => setId(e.target.value)} placeholder="hainan-hrss-15" data-testid="plan-import-xlsx-id" />
            </Form.Item>
          </Form>
          {error && <ProblemAlert error={error} />}
          {typeof errorsFile === 'string' && (
            <Alert
              type="warning"
              showIcon
              title={t('importTableErrors')}
              action={
                <Button size="small" icon={<DownloadOutlined />} onClick={() => saveBase64(errorsFile, typeof errorsFilename === 'string' ? errorsFilename : 'errors.xlsx')} data-testid="plan-import-xlsx-errors">
                  {t('downloadErrors')}
                </Button>
              }
            />
          )}
        </Space>
      </Modal>
    </>
  );
}
