// The revisions of one reported value, with who did what, when and why.
import { Card, Drawer, Space, Spin, Timeline, Typography } from 'antd';
import { useMessages } from '../../../app/i18n';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatInstant } from '../../../ui/format';
import { useValue } from '../api';
import { planMessages } from '../messages';
import { RevisionTag, fmt } from './common';

export function ValueHistory({ planId, id, onClose }: { planId: string; id: number | null; onClose: () => void }) {
  const t = useMessages(planMessages);
  const value = useValue(planId, id);
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('history')} size="large">
      {value.isPending && id !== null && <Spin />}
      <ProblemAlert error={value.error} />
      {value.data?.revisions?.map((r) => (
        <Card key={r.id} size="small" style={{ marginBottom: 12 }} title={<Space>{`${t('revision')} ${r.revision}`}<RevisionTag status={r.status} /></Space>}>
          <Typography.Paragraph>
            {t('value')}: <strong>{fmt(r.value)}</strong>
            {r.reason ? ` · ${t('reason')}: ${r.reason}` : ''}
          </Typography.Paragraph>
          <Timeline
            items={r.trail.map((e) => ({
              content: `${formatInstant(e.at)} ${e.actorName} · ${e.action}${e.value !== undefined ? ` · ${fmt(e.value)}` : ''}${e.reason ? ` · ${e.reason}` : ''}`,
            }))}
          />
        </Card>
      ))}
    </Drawer>
  );
}

