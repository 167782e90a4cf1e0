// 规划管理 (plan:manage): import or edit a plan from YAML, start the next plan from this one,
// publish an annual / mid-term / final evaluation and download it as a Word report.
import { App, Button, Card, Dropdown, List, Space, Typography, Upload } from 'antd';
import { CloudUploadOutlined, FileWordOutlined, ForkOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, isApiError } from '../../../app/api';
import { useMessages } from '../../../app/i18n';
import { useErrorNotifier } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import { planKeys, type PlanSummary } from '../api';
import { planMessages } from '../messages';
import { PlanTableImport } from './PlanTableImport';
import { PlanYamlEditor } from './PlanYamlEditor';

type Snapshot = { id: number; kind: 'annual' | 'midterm' | 'final'; year: number; title: string; publishedByName: string; publishedAt: string };

export function PlanManage({ plan, plans, year, onPlan }: { plan: PlanSummary; plans: PlanSummary[]; year: number | undefined; onPlan: (id: string) => void }) {
  const t = useMessages(planMessages);
  const { message, modal } = App.useApp();
  const notifyError = useErrorNotifier();
  const queryClient = useQueryClient();
  const snapshots = useQuery({
    queryKey: ['plans', plan.id, 'snapshots'],
    queryFn: ({ signal }) => api.get<Snapshot[]>(`/plans/${encodeURIComponent(plan.id)}/snapshots`, undefined, signal),
  });

  const importYaml = useMutation({
    mutationFn: async (file: File) => {
      const yaml = await file.text();
      try {
        return await api.post<PlanSummary>('/plans/import', { yaml });
      } catch (e) {
        if (!isApiError(e) || e.code !== 'DUPLICATE') throw e;
        const id = /^id:\s*([a-z0-9-]+)/m.exec(yaml)?.[1] ?? '';
        const existing = plans.find((p) => p.id === id);
        const ok = await modal.confirm({ title: t('importYamlReplace', { id }) });
        if (!ok) return null;
        return api.post<PlanSummary>('/plans/import', { yaml, replace: true, version: existing?.version });
      }
    },
    onSuccess: async (p) => {
      if (!p) return;
      message.success(t('imported', { id: p.id }));
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      onPlan(p.id);
    },
    onError: notifyError,
  });

  const next = useMutation({
    mutationFn: () => api.post<PlanSummary>(`/plans/${encodeURIComponent(plan.id)}/next`, {}),
    onSuccess: async (p) => {
      message.success(t('nextPlanDone', { id: p.id }));
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      onPlan(p.id);
    },
    onError: notifyError,
  });

  const publish = useMutation({
    mutationFn: (kind: Snapshot['kind']) => api.post<Snapshot>(`/plans/${encodeURIComponent(plan.id)}/snapshots`, { kind, ...(kind === 'annual' && year ? { year } : {}) }),
    onSuccess: async () => {
      message.success(t('published'));
      await queryClient.invalidateQueries({ queryKey: ['plans', plan.id, 'snapshots'] });
    },
    onError: notifyError,
  });

  const docx = useMutation({
    mutationFn: (s: Snapshot) => download(`/plans/${encodeURIComponent(plan.id)}/snapshots/${s.id}/docx`, undefined, `${s.title}.docx`),
    onError: notifyError,
  });

  return (
    <Card size="small" title={t('manage')} data-testid="plan-manage">
      <Space wrap>
        <Upload accept=".yaml,.yml" showUploadList={false} beforeUpload={(file) => (importYaml.mutate(file), false)}>
          <Button icon={<CloudUploadOutlined />} loading={importYaml.isPending} data-testid="plan-import-yaml">
            {t('importYaml')}
          </Button>
        </Upload>
        <PlanTableImport plans={plans} onPlan={onPlan} />
        <PlanYamlEditor plan={plan} />
        <Button icon={<ForkOutlined />} loading={next.isPending} onClick={() => next.mutate()} data-testid="plan-next">
          {t('nextPlan')}
        </Button>
        <Dropdown
          menu={{
            items: [
              { key: 'annual', label: t('publishAnnual') },
              { key: 'midterm', label: t('publishMidterm') },
              { key: 'final', label: t('publishFinal'), disabled: plan.phase !== 'finished' },
            ],
            onClick: ({ key }) => publish.mutate(key as Snapshot['kind']),
          }}
        >
          <Button icon={<SendOutlined />} loading={publish.isPending} data-testid="plan-publish">
            {t('publish')}
          </Button>
        </Dropdown>
      </Space>
      {(snapshots.data?.length ?? 0) > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          header={<Typography.Text strong>{t('snapshots')}</Typography.Text>}
          dataSource={snapshots.data}
          renderItem={(s) => (
            <List.Item
              actions={[
                <Button key="docx" size="small" icon={<FileWordOutlined />} onClick={() => docx.mutate(s)} data-testid={`snapshot-docx-${s.id}`}>
                  {t('downloadDocx')}
                </Button>,
              ]}
            >
              {s.title} · {s.publishedByName} · {formatInstant(s.publishedAt)}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
