// A record's change history: who changed which field from what to what.
import { Empty, Spin, Timeline, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useI18n, useMessages } from '../../../app/i18n';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { findRegion, useRegionTree } from '../../../ui/RegionSelect';
import { formatInstant } from '../../../ui/format';
import type { HistoryEntry } from '../api';
import { registryMessages, type RegistryKey } from '../messages';

const fieldLabels: Record<string, RegistryKey> = {
  name: 'name',
  hukouType: 'hukouType',
  regionCode: 'region',
  phone: 'phone',
  householdId: 'householdId',
  disability: 'flag_disability',
  veteran: 'flag_veteran',
  zeroEmploymentHousehold: 'flag_zeroEmploymentHousehold',
  lowIncomeHousehold: 'flag_lowIncomeHousehold',
  uscc: 'uscc',
  industry: 'industry',
  ownership: 'ownership',
  size: 'size',
};

const actionLabels: Record<string, RegistryKey> = {
  create: 'historyCreate',
  update: 'historyUpdate',
  import: 'historyImport',
};

export function HistoryTimeline({ history }: { history: UseQueryResult<HistoryEntry[]> }) {
  const t = useMessages(registryMessages);
  const shell = useI18n();
  const regions = useRegionTree();

  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('empty');
    if (typeof value === 'boolean') return value ? shell.t('yes') : shell.t('no');
    if (field === 'hukouType' && (value === 'urban' || value === 'rural')) return t(`hukou_${value}`);
    if (field === 'regionCode' && typeof value === 'string') {
      const node = findRegion(regions.data, value);
      return node ? `${node.name} (${value})` : value;
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };

  if (history.isPending) return <Spin />;
  if (history.isError) return <ProblemAlert error={history.error} />;
  if (history.data.length === 0) return <Empty description={t('noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  return (
    <Timeline
      data-testid="history-timeline"
      items={history.data.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: entry.action === 'create' ? 'green' : 'blue',
        title: formatInstant(entry.at),
        content: (
          <>
            <Typography.Text strong>
              {entry.actorName} {actionLabels[entry.action] ? t(actionLabels[entry.action]) : entry.action}
            </Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {Object.entries(entry.changes).map(([field, change]) => (
                <li key={field}>
                  {fieldLabels[field] ? t(fieldLabels[field]) : field}: {show(field, change.from)} → {show(field, change.to)}
                </li>
              ))}
            </ul>
          </>
        ),
      }))}
    />
  );
}
