// TOTP enrolment (RFC 6238): the server makes a secret, the user types it into an
// authenticator app by hand (no QR code), and proves it with one code.
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Form, Input, Result, Space, Spin, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { meQueryKey, needsMfaEnrolment, useAuth, useMe } from '../auth';
import { useI18n } from '../i18n';
import { applyFieldErrors, ProblemAlert } from '../../ui/ProblemAlert';
import { AccountFrame } from './AccountFrame';

type TotpSetup = { secret: string; otpauthUrl: string };

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to type from the screen. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

export default function TotpPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { forget } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ code: string }>();
  const [enableError, setEnableError] = useState<unknown>(null);
  const forced = needsMfaEnrolment(me);

  const setup = useMutation({ mutationFn: () => api.post<TotpSetup>('/auth/totp/setup') });
  const enable = useMutation({
    mutationFn: (code: string) => api.post('/auth/totp/enable', { code }),
    onSuccess: async () => {
      message.success(t('totpEnabled'));
      await queryClient.refetchQueries({ queryKey: meQueryKey });
      navigate('/', { replace: true });
    },
    onError: (failure) => {
      applyFieldErrors(form, failure, lang);
      form.setFieldValue('code', '');
      setEnableError(failure);
    },
  });

  // One secret per visit: StrictMode runs effects twice, the ref keeps it to one request.
  const started = useRef(false);
  const startSetup = setup.mutate;
  useEffect(() => {
    if (started.current || me.mfaEnabled) return;
    started.current = true;
    startSetup();
  }, [me.mfaEnabled, startSetup]);

  const signOut = async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      forget();
      navigate('/login', { replace: true });
    }
  };

  if (me.mfaEnabled) {
    return (
      <AccountFrame title={t('totpTitle')}>
        <Result
          status="success"
          title={t('totpEnabled')}
          extra={
            <Button type="primary" onClick={() => navigate('/')}>
              {t('backHome')}
            </Button>
          }
        />
      </AccountFrame>
    );
  }

  return (
    <AccountFrame title={t('totpTitle')} width={560}>
      <Alert type={forced ? 'warning' : 'info'} showIcon title={t('totpIntro')} style={{ marginBottom: 16 }} />
      {setup.isPending && (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin />
        </div>
      )}
      {setup.isError && <ProblemAlert error={setup.error} />}
      {setup.data && (
        <>
          <Typography.Text type="secondary">{t('totpSecret')}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: setup.data.secret.replace(/\s+/g, ''), tooltips: [t('copy'), t('copied')] }}
            style={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: 1, marginTop: 4 }}
            data-testid="totp-secret"
          >
            {groupSecret(setup.data.secret)}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('totpUrl')}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: setup.data.otpauthUrl, tooltips: [t('copy'), t('copied')] }}
            code
            style={{ wordBreak: 'break-all', marginTop: 4 }}
            data-testid="totp-url"
          >
            {setup.data.otpauthUrl}
          </Typography.Paragraph>
          <Form<{ code: string }>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={({ code }) => {
              setEnableError(null);
              enable.mutate(code);
            }}
          >
            <Form.Item
              name="code"
              label={t('totpCode')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('totpRequired') }]}
              normalize={(value: string) => value.replace(/\D/g, '').slice(0, 6)}
            >
              <Input
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                placeholder="000000"
                style={{ width: 160, letterSpacing: 4 }}
                data-testid="totp-code"
              />
            </Form.Item>
            {enableError !== null && <ProblemAlert error={enableError} />}
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              {forced ? (
                <Button type="link" onClick={() => void signOut()} data-testid="totp-logout">
                  {t('logout')}
                </Button>
              ) : (
                <Button onClick={() => navigate(-1)}>{t('cancel')}</Button>
              )}
              <Space>
                <Button onClick={() => setup.mutate()} disabled={setup.isPending} data-testid="totp-regenerate">
                  {t('totpRetry')}
                </Button>
                <Button type="primary" htmlType="submit" loading={enable.isPending} data-testid="totp-submit">
                  {t('totpEnable')}
                </Button>
              </Space>
            </Space>
          </Form>
        </>
      )}
    </AccountFrame>
  );
}
