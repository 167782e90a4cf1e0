// Staff sign-in: username and password; a 6-digit one-time code when the server asks for it
// (MFA_REQUIRED); the unlock time when the account is locked.
import { useRef, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Form, Input, type InputRef } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, isApiError } from '../api';
import { meQueryKey, useAuth, type Me } from '../auth';
import { useI18n } from '../i18n';
import { FullPageSpin } from '../guards';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { AccountFrame } from './AccountFrame';

type Credentials = { username: string; password: string; totp?: string };

/** Only same-site paths, never back to the sign-in page itself. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

function lockedUntilOf(error: unknown): string | undefined {
  if (!isApiError(error) || error.code !== 'ACCOUNT_LOCKED') return undefined;
  const value = error.detailValue('lockedUntil');
  return typeof value === 'string' ? value : undefined;
}

export default function LoginPage() {
  const { t } = useI18n();
  const { me, loading } = useAuth();
  const [form] = Form.useForm<Credentials>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const totpRef = useRef<InputRef>(null);
  const next = safeNext(params.get('next'));

  const login = useMutation({
    mutationFn: (credentials: Credentials) => api.post<{ me: Me }>('/auth/login', credentials),
    onSuccess: ({ me: signedIn }) => {
      // A previous user's cached lists must not show through.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, signedIn);
      navigate(next, { replace: true });
    },
    onError: (failure) => {
      if (isApiError(failure) && failure.code === 'MFA_REQUIRED') {
        setNeedTotp(true);
        setError(null);
        setTimeout(() => totpRef.current?.focus(), 0);
        return;
      }
      if (isApiError(failure) && failure.code === 'BAD_TOTP') {
        form.setFieldValue('totp', '');
        setTimeout(() => totpRef.current?.focus(), 0);
      }
      setError(failure);
    },
  });

  if (loading) return <FullPageSpin />;
  if (me) return <Navigate to={next} replace />;

  const lockedUntil = lockedUntilOf(error);
  const remaining = isApiError(error) && error.code === 'BAD_CREDENTIALS' ? error.detailValue('remainingAttempts') : undefined;
  const locked = isApiError(error) && error.code === 'ACCOUNT_LOCKED';

  return (
    <AccountFrame title={t('loginTitle')}>
      <Form<Credentials>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          setError(null);
          login.mutate({
            username: values.username.trim(),
            password: values.password,
            ...(needTotp && values.totp ? { totp: values.totp.trim() } : {}),
          });
        }}
        data-testid="login-form"
      >
        <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('usernameRequired') }]}>
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus
            disabled={needTotp}
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            disabled={needTotp}
            data-testid="login-password"
          />
        </Form.Item>
        {needTotp && (
          <>
            <Alert type="info" showIcon title={t('totpHint')} style={{ marginBottom: 16 }} />
            <Form.Item
              name="totp"
              label={t('totp')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('totpRequired') }]}
              normalize={(value: string) => value.replace(/\D/g, '').slice(0, 6)}
            >
              <Input
                ref={totpRef}
                prefix={<SafetyOutlined />}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                placeholder="000000"
                style={{ letterSpacing: 4 }}
                data-testid="login-totp"
              />
            </Form.Item>
          </>
        )}
        {locked ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              lockedUntil
                ? t('lockedUntil', { time: dayjs(lockedUntil).format('YYYY-MM-DD HH:mm') })
                : t('lockedNoTime')
            }
            data-testid="login-locked"
          />
        ) : (
          error !== null && <ProblemAlert error={error} />
        )}
        {typeof remaining === 'number' && remaining > 0 && remaining <= 3 && (
          <Alert type="warning" title={t('remainingAttempts', { count: remaining })} style={{ marginBottom: 16 }} data-testid="login-remaining" />
        )}
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('login')}
        </Button>
        {needTotp && (
          <Button
            type="link"
            block
            style={{ marginTop: 8 }}
            onClick={() => {
              setNeedTotp(false);
              setError(null);
              form.setFieldsValue({ password: '', totp: '' });
            }}
            data-testid="login-back"
          >
            {t('back')}
          </Button>
        )}
      </Form>
    </AccountFrame>
  );
}
