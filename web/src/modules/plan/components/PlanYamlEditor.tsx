// 在线编辑规划: the plan file (YAML) in a text box, saved as a new version of the plan. The
// server checks the whole file and lists every problem (field path, zh/en); a version
// changed by someone else meanwhile is refused (STALE_VERSION) rather than overwritten.
import { useEffect, useState } from 'react';
import { App, Button, Input, Modal, Space, Spin, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { planKeys, type PlanSummary } from '../api';
import { planMessages } from '../messages';

type Source = { id: string; version: number; yaml: string };

export function PlanYamlEditor({ plan }: { plan: PlanSummary }) {
  const t = useMessages(planMessages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const source = useQuery({
    queryKey: ['plans', plan.id, 'source'],
    queryFn: ({ signal }) => api.get<Source>(`/plans/${encodeURIComponent(plan.id)}/source`, undefined, signal),
    enabled: open,
    gcTime: 0,
  });
  useEffect(() => {
    if (source.data) setText(source.data.yaml);
  }, [source.data]);

  const save = useMutation({
    mutationFn: () => api.post<PlanSummary>('/plans/import', { yaml: text, replace: true, version: source.data?.version }),
    onSuccess: async (p) => {
      message.success(t('planSaved', { id: p.id, version: p.version }));
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });

  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="plan-edit-yaml">
        {t('editPlan')}
      </Button>
      <Modal
        open={open}
        title={`${t('editPlan')} · ${plan.title}`}
        width={960}
        onCancel={() => setOpen(false)}
        onOk={() => save.mutate()}
        okText={t('save')}
        cancelText={t('cancel')}
        confirmLoading={save.isPending}
        okButtonProps={{ disabled: !source.data || text === source.data.yaml }}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('editPlanHint', { version: source.data?.version ?? plan.version })}</Typography.Text>
          {source.isPending ? <Spin /> : <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 18, maxRows: 30 }} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="plan-yaml-text" />}
          <ProblemAlert error={source.error ?? save.error} />
        </Space>
      </Modal>
    </>
  );
}
