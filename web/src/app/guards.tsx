// Route guards. They only decide what to render; the server refuses anything not allowed.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { Link } from 'react-router';
import { needsMfaEnrolment, needsPasswordChange, useAuth, type PermissionNeed } from './auth';
import { useI18n } from './i18n';
import { ProblemAlert } from '../ui/ProblemAlert';

export function FullPageSpin() {
  const { t } = useI18n();
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" description={t('loading')} />
    </div>
  );
}

function loginPathFor(location: { pathname: string; search: string }): string {
  const here = `${location.pathname}${location.search}`;
  return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

/** Signed in, whatever the state of the password and MFA (for the account pages). */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const { me, loading, error } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (error && !me) return <ProblemAlert error={error} style={{ margin: 24 }} />;
  if (!me) return <Navigate to={loginPathFor(location)} replace />;
  return <>{children}</>;
}

/** Signed in with a current password and, where the role requires it, an enrolled TOTP app. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, error } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (error && !me) return <ProblemAlert error={error} style={{ margin: 24 }} />;
  if (!me) return <Navigate to={loginPathFor(location)} replace />;
  // Portal accounts have no console: their home is the portal.
  if (me.kind !== 'staff') return <Navigate to="/portal" replace />;
  if (needsPasswordChange(me)) return <Navigate to="/account/password" replace />;
  if (needsMfaEnrolment(me)) return <Navigate to="/account/totp" replace />;
  return <>{children}</>;
}

export function Forbidden() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('forbiddenTitle')}
      subTitle={t('forbiddenText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('notFoundTitle')}
      subTitle={t('notFoundText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Renders the page only for users holding the permission (any of a list). */
export function RequirePermission({ need, children }: { need: PermissionNeed; children: ReactNode }) {
  const { can } = useAuth();
  return can(need) ? <>{children}</> : <Forbidden />;
}
