// The staff console frame: side menu filtered by permissions, header with the region
// selector, language switch and user menu, and the page outlet.
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { App, Avatar, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { GlobalOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { api } from './api';
import { useAuth, useMe } from './auth';
import { ErrorBoundary } from './ErrorBoundary';
import { FullPageSpin } from './guards';
import { useI18n } from './i18n';
import { entryForPath, homeEntry, menuGroups, type MenuEntry } from './menu';
import { useRegion } from './region';
import { RegionSelect } from '../ui/RegionSelect';
import { testId } from '../ui/format';

type MenuItem = Required<MenuProps>['items'][number];


export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      data-testid="lang-switch"
      title={t('language')}
    >
      {t('switchToOther')}
    </Button>
  );
}

function SideMenu({ collapsed }: { collapsed: boolean }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = entryForPath(location.pathname);

  // rc-menu passes unknown item props (data-*) through to the <li>.
  const items = useMemo(() => {
    const toItem = (entry: MenuEntry): MenuItem => ({
      key: entry.key,
      icon: entry.icon,
      label: typeof entry.label === 'string' ? t(entry.label) : entry.label[lang],
      ...testId(`menu-${entry.key}`),
    });
    const result: MenuItem[] = [toItem(homeEntry)];
    for (const group of menuGroups) {
      const entries = group.entries.filter((entry) => can(entry.permission));
      if (entries.length === 0) continue;
      result.push({
        key: group.key,
        icon: group.icon,
        label: typeof group.label === 'string' ? t(group.label) : group.label[lang],
        children: entries.map(toItem),
        ...testId(`menu-${group.key}`),
      });
    }
    return result;
  }, [t, can, lang]);

  const byKey = useMemo(() => {
    const map = new Map<string, MenuEntry>([[homeEntry.key, homeEntry]]);
    for (const group of menuGroups) for (const entry of group.entries) map.set(entry.key, entry);
    return map;
  }, []);

  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={selected ? [selected.key] : []}
      defaultOpenKeys={collapsed ? [] : menuGroups.map((group) => group.key)}
      onClick={({ key }) => {
        const entry = byKey.get(String(key));
        if (entry) navigate(entry.path);
      }}
      data-testid="side-menu"
    />
  );
}

function UserMenu() {
  const { t } = useI18n();
  const me = useMe();
  const { forget } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const logout = async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // signing out locally is what matters; the session may already be gone
    }
    forget();
    message.success(t('loggedOut'));
    navigate('/login', { replace: true });
  };

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('changePassword'), ...testId('user-menu-password') },
    ...(me.mfaEnabled
      ? []
      : [{ key: 'totp', icon: <SafetyOutlined />, label: t('enrolTotp'), ...testId('user-menu-totp') }]),
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: t('logout'), danger: true, ...testId('user-menu-logout') },
  ];

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'password') navigate('/account/password');
          else if (key === 'totp') navigate('/account/totp');
          else if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 'auto', paddingBlock: 4 }}>
        <Space>
          <Avatar size="small" icon={<UserOutlined />} />
          <span>{me.displayName || me.username}</span>
        </Space>
      </Button>
    </Dropdown>
  );
}

export function AppLayout() {
  const { t } = useI18n();
  const location = useLocation();
  const { regionCode, setRegionCode } = useRegion();
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={216} breakpoint="lg">
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 16,
            letterSpacing: 1,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
          title={t('appFullName')}
        >
          {collapsed ? '人社' : t('appName')}
        </div>
        <SideMenu collapsed={collapsed} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            paddingInline: 24,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong ellipsis style={{ fontSize: 15 }}>
            {t('appFullName')}
          </Typography.Text>
          <Space size="middle">
            <RegionSelect
              value={regionCode}
              onChange={setRegionCode}
              placeholder={t('regionAll')}
              style={{ width: 220 }}
              data-testid="header-region"
            />
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <ErrorBoundary key={location.pathname} title={t('pageError')} reloadLabel={t('reload')}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
