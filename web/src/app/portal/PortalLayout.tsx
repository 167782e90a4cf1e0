// The signed-in portal frame, for phones first: a top bar with the hall's name, the entries the
// modules offer this kind of account, the holder's name and sign-out; the page below.
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Card, Col, Empty, Layout, Menu, Row, Space, Typography } from 'antd';
import { HomeOutlined, LogoutOutlined } from '@ant-design/icons';
import { api } from '../api';
import { useAuth } from '../auth';
import { ErrorBoundary } from '../ErrorBoundary';
import { FullPageSpin } from '../guards';
import { useI18n, useMessages } from '../i18n';
import { LanguageSwitch } from '../layout';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { portalEntries } from '../../modules';
import { portalMessages } from './messages';

/** Signed in with a portal account; staff and strangers go to the portal sign-in. */
export function RequirePortal({ children }: { children: React.ReactNode }) {
  const { me, loading, error } = useAuth();
  if (loading) return <FullPageSpin />;
  if (error && !me) return <ProblemAlert error={error} style={{ margin: 24 }} />;
  if (!me || me.kind === 'staff') return <Navigate to="/portal/login" replace />;
  return <>{children}</>;
}

function useEntries() {
  const { me } = useAuth();
  return portalEntries.filter((e) => me && e.kind === me.kind);
}

export function PortalLayout() {
  const t = useMessages(portalMessages);
  const { lang, t: shell } = useI18n();
  const { me, forget } = useAuth();
  const entries = useEntries();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // signing out locally is what matters; the session may already be gone
    }
    forget();
    navigate('/portal/login', { replace: true });
  };
  const selected = entries.find((e) => location.pathname.startsWith(e.path))?.key ?? 'home';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Two rows, so that a 360–390 px phone holds the name, the actions and the menu. */}
      <Layout.Header style={{ background: '#fff', padding: '0 12px', height: 'auto', lineHeight: '48px', display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Link to="/portal" style={{ fontWeight: 600, whiteSpace: 'nowrap', flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>{t('hall')}</Link>
        <Space size={0}>
          <Typography.Text ellipsis style={{ maxWidth: 96 }} data-testid="portal-holder">{me?.displayName}</Typography.Text>
          <LanguageSwitch />
          <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="portal-signout" aria-label={t('signOut')} />
        </Space>
      </Layout.Header>
      <Menu
        mode="horizontal"
        selectedKeys={[selected]}
        style={{ borderBottom: '1px solid #f0f0f0' }}
        items={[{ key: 'home', icon: <HomeOutlined />, label: <Link to="/portal">{t('home')}</Link> }, ...entries.map((e) => ({ key: e.key, label: <Link to={e.path} data-testid={`portal-menu-${e.key}`}>{e.label[lang]}</Link> }))]}
      />
      <Layout.Content style={{ padding: 12, maxWidth: 980, width: '100%', margin: '0 auto' }}>
        <ErrorBoundary key={location.pathname} title={shell('pageError')} reloadLabel={shell('reload')}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12 }}>{t('privacy')}</Layout.Footer>
    </Layout>
  );
}

export function PortalHomePage() {
  const t = useMessages(portalMessages);
  const { lang } = useI18n();
  const { me } = useAuth();
  const entries = useEntries();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('welcome', { name: me?.displayName ?? '' })}</Typography.Title>
      {entries.length === 0 && <Empty description={t('nothingYet')} />}
      <Row gutter={[12, 12]}>
        {entries.map((e) => (
          <Col key={e.key} xs={24} sm={12}>
            <Link to={e.path} data-testid={`portal-card-${e.key}`}>
              <Card hoverable title={e.label[lang]}>{e.description[lang]}</Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
