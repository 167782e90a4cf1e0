// Portal sign-in and activation: a person by resident ID, an employer by unified social credit
// code. Activation takes the one-time code a service window issued and sets the password.
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { Button, Form, Input, Segmented, Space, Typography } from 'antd';
import { IdcardOutlined, KeyOutlined, LockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { meQueryKey, useAuth, type Me } from '../auth';
import { useMessages } from '../i18n';
import { FullPageSpin } from '../guards';
import { AccountFrame } from '../pages/AccountFrame';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { portalMessages } from './messages';

export type PortalKind = 'person' | 'employer';
type SignIn = { identifier: string; password: string };
type Activation = SignIn & { code: string; confirm: string };

const ID_PATTERN = /^[0-9A-Za-z]{18}$/;

function useSignedIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (me: Me) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    queryClient.setQueryData(meQueryKey, me);
    navigate('/portal', { replace: true });
  };
}

function KindSwitch({ kind, onChange }: { kind: PortalKind; onChange: (k: PortalKind) => void }) {
  const t = useMessages(portalMessages);
  return (
    <Segmented<PortalKind>
      block
      value={kind}
      onChange={onChange}
      options={[{ value: 'person', label: t('person') }, { value: 'employer', label: t('employer') }]}
      style={{ marginBottom: 16 }}
      data-testid="portal-kind"
    />
  );
}

function IdentifierField({ kind }: { kind: PortalKind }) {
  const t = useMessages(portalMessages);
  return (
    <Form.Item
      name="identifier"
      label={t(kind === 'person' ? 'personId' : 'employerId')}
      rules={[{ required: true, pattern: ID_PATTERN, message: t(kind === 'person' ? 'personIdRequired' : 'employerIdRequired') }]}
      normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
    >
      <Input prefix={<IdcardOutlined />} maxLength={18} autoComplete="username" inputMode={kind === 'person' ? 'numeric' : 'text'} data-testid="portal-identifier" />
    </Form.Item>
  );
}

export function PortalLoginPage() {
  const t = useMessages(portalMessages);
  const { me, loading } = useAuth();
  const [kind, setKind] = useState<PortalKind>('person');
  const signedIn = useSignedIn();
  const login = useMutation({
    mutationFn: (v: SignIn) => api.post<{ me: Me }>('/portal/auth/login', { kind, ...v }),
    onSuccess: (r) => signedIn(r.me),
  });
  if (loading) return <FullPageSpin />;
  if (me && me.kind !== 'staff') return <Navigate to="/portal" replace />;
  return (
    <AccountFrame title={t('signInTitle')}>
      <KindSwitch kind={kind} onChange={setKind} />
      <Form<SignIn> layout="vertical" requiredMark={false} onFinish={(v) => login.mutate(v)} data-testid="portal-login-form">
        <IdentifierField kind={kind} />
        <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="portal-password" />
        </Form.Item>
        <ProblemAlert error={login.error} />
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="portal-login-submit">{t('signIn')}</Button>
      </Form>
      <Space orientation="vertical" style={{ marginTop: 16, width: '100%' }}>
        <Link to="/portal/activate" data-testid="portal-activate-link">{t('firstTime')}</Link>
        <Link to="/portal/vacancies">{t('searchJobs')}</Link>
        <Link to="/login">{t('staffSignIn')}</Link>
      </Space>
    </AccountFrame>
  );
}

export function PortalActivatePage() {
  const t = useMessages(portalMessages);
  const [kind, setKind] = useState<PortalKind>('person');
  const signedIn = useSignedIn();
  const activate = useMutation({
    mutationFn: (v: Activation) => api.post<{ me: Me }>('/portal/auth/activate', { kind, identifier: v.identifier, code: v.code, password: v.password }),
    onSuccess: (r) => signedIn(r.me),
  });
  return (
    <AccountFrame title={t('activateTitle')} width={460}>
      <Typography.Paragraph type="secondary">{t('activateHelp')}</Typography.Paragraph>
      <KindSwitch kind={kind} onChange={setKind} />
      <Form<Activation> layout="vertical" requiredMark={false} onFinish={(v) => activate.mutate(v)} data-testid="portal-activate-form">
        <IdentifierField kind={kind} />
        <Form.Item name="code" label={t('code')} rules={[{ required: true, pattern: /^[0-9A-Za-z]{8}$/, message: t('codeRequired') }]} normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}>
          <Input prefix={<KeyOutlined />} maxLength={8} autoComplete="one-time-code" style={{ letterSpacing: 3 }} data-testid="portal-code" />
        </Form.Item>
        <Form.Item name="password" label={t('newPassword')} extra={t('passwordRule')} rules={[{ required: true, min: 8, message: t('passwordRule') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="portal-new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('confirmPassword')}
          dependencies={['password']}
          rules={[{ required: true, message: t('passwordMismatch') }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('passwordMismatch')))) })]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="portal-confirm-password" />
        </Form.Item>
        <ProblemAlert error={activate.error} />
        <Button type="primary" htmlType="submit" block loading={activate.isPending} data-testid="portal-activate-submit">{t('activate')}</Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <Link to="/portal/login">{t('backToSignIn')}</Link>
      </div>
    </AccountFrame>
  );
}
