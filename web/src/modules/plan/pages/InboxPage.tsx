// 审核待办: values waiting for the caller — submitted ones to review (city), reviewed ones to
// approve (province), its own drafts and sent-back ones to submit. Sending back needs a reason.
import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { ProblemAlert, useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import { planKeys, useInbox, type ApprovalAction, type ReportedValue } from '../api';
import { RevisionTag, fmt } from '../components/common';
import { planMessages, type PlanMessageKey } from '../messages';
import { ValueHistory } from '../components/ValueHistory';

const shown: ApprovalAction[] = ['submit', 'review', 'approve', 'return'];

export default function InboxPage() {
  const t = useMessages(planMessages);
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const inbox = useInbox();
  const [returning, setReturning] = useState<ReportedValue | null>(null);
  const [history, setHistory] = useState<{ planId: string; id: number } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const act = useMutation({
    mutationFn: (v: { value: ReportedValue; action: ApprovalAction; reason?: string }) =>
      api.post(`/plans/${encodeURIComponent(v.value.planId)}/values/${v.value.id}/${v.action}`, { version: v.value.version, ...(v.reason ? { reason: v.reason } : {}) }),
    onSuccess: async () => {
      message.success(t('done'));
      setReturning(null);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
    onError: notifyError,
  });

  return (
    <Card title={t('inboxTitle')}>
      <ProblemAlert error={inbox.error} />
      {inbox.data && inbox.data.length === 0 && <Empty description={t('inboxEmpty')} />}
      {inbox.data && inbox.data.length > 0 && (
        <Table<ReportedValue>
          size="small"
          rowKey="id"
          loading={inbox.isPending}
          dataSource={inbox.data}
          pagination={{ pageSize: 50 }}
          data-testid="inbox-table"
          columns={[
            { title: t('plan'), dataIndex: 'planId' },
            { title: t('region'), dataIndex: 'regionName', render: (n: string | null, v) => n ?? v.regionCode },
            { title: t('year'), dataIndex: 'year' },
            { title: t('indicator'), dataIndex: 'indicatorName', render: (n: string, v) => <a onClick={() => setHistory({ planId: v.planId, id: v.id })}>{`${v.indicatorCode} ${n}`}</a> },
            { title: t('value'), key: 'value', render: (_: unknown, v) => `${fmt(v.open?.value)} ${v.unit}` },
            {
              title: t('status'),
              key: 'status',
              render: (_: unknown, v) => (
                <Space orientation="vertical" size={0}>
                  <RevisionTag status={v.status} />
                  {v.status === 'returned' && v.open?.returnReason && <Typography.Text type="warning">{t('returnedBecause', { reason: v.open.returnReason })}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('submittedBy'), key: 'by', render: (_: unknown, v) => `${v.open?.submittedBy ?? v.open?.createdByName ?? ''} ${formatInstant(v.open?.submittedAt ?? v.open?.createdAt)}` },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, v) => (
                <Space>
                  {shown
                    .filter((a) => v.actions.includes(a))
                    .map((a) => (
                      <Button
                        key={a}
                        size="small"
                        danger={a === 'return'}
                        type={a === 'approve' || a === 'review' ? 'primary' : 'default'}
                        loading={act.isPending && act.variables?.value.id === v.id && act.variables.action === a}
                        onClick={() => (a === 'return' ? setReturning(v) : act.mutate({ value: v, action: a }))}
                        data-testid={`inbox-${a}-${v.id}`}
                      >
                        {t(`act_${a}` as PlanMessageKey)}
                      </Button>
                    ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={returning !== null}
        title={t('returnTitle')}
        okText={t('confirm')}
        cancelText={t('cancel')}
        confirmLoading={act.isPending}
        onCancel={() => setReturning(null)}
        onOk={() => form.validateFields().then((f) => act.mutate({ value: returning!, action: 'return', reason: f.reason }))}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('returnReason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="return-reason" />
          </Form.Item>
        </Form>
      </Modal>
      {history && <ValueHistory planId={history.planId} id={history.id} onClose={() => setHistory(null)} />}
    </Card>
  );
}
