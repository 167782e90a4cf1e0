// Optimistic concurrency: an edit carries the version it started from; the server answers
// STALE_VERSION when someone saved in between. The user reloads and redoes the change.
import { Alert, Button } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useMessages } from '../../../app/i18n';
import { registryMessages } from '../messages';

export function StaleVersionAlert({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const t = useMessages(registryMessages);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('staleTitle')}
      description={t('staleText')}
      data-testid="stale-version"
      action={
        <Button icon={<ReloadOutlined />} loading={reloading} onClick={onReload} data-testid="stale-reload">
          {t('staleReload')}
        </Button>
      }
    />
  );
}
