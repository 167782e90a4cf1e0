// The frame of the pages shown outside the console: sign-in, forced password change, TOTP.
import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../layout';

export function AccountFrame({ title, children, width = 420 }: { title: string; children: ReactNode; width?: number }) {
  const { t } = useI18n();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
        background: 'linear-gradient(160deg, #e8f1fb 0%, #f6f9fc 55%, #ffffff 100%)',
      }}
    >
      <div style={{ position: 'fixed', top: 12, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Typography.Title level={3} style={{ marginBottom: 4, textAlign: 'center' }}>
        {t('appName')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 24, textAlign: 'center' }}>
        {t('welcomeSub')}
      </Typography.Paragraph>
      <Card title={title} style={{ width: '100%', maxWidth: width }}>
        {children}
      </Card>
    </div>
  );
}
