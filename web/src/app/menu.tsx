// The side menu. Each entry declares the permission it needs; the menu, the home-page
// shortcuts and the route guards all read this one list.
import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  CloudUploadOutlined,
  DesktopOutlined,
  HomeOutlined,
  LoginOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { PermissionNeed } from './auth';
import type { ShellKey } from './i18n';
import { moduleShells } from '../modules';

/** Permission keys the web app checks. The server is the authority; these only hide UI. */
export const permissions = {
  org: 'system:org',
  user: 'system:user',
  role: 'system:role',
  loginLog: 'security:loginlog',
  session: 'security:session',
  auditRead: 'audit:read',
  personRead: 'registry:person:read',
  personWrite: 'registry:person:write',
  personUnmask: 'registry:person:unmask',
  personExport: 'registry:person:export',
  employerRead: 'registry:employer:read',
  employerWrite: 'registry:employer:write',
  employerExport: 'registry:employer:export',
  importRun: 'import:run',
} as const;

/** A shell dictionary key, or a module's own `{ zh, en }` label. */
export type MenuLabel = ShellKey | { zh: string; en: string };

export type MenuEntry = {
  /** Menu key; the menu item carries `data-testid="menu-<key>"`. */
  key: string;
  label: MenuLabel;
  path: string;
  icon: ReactNode;
  permission?: PermissionNeed;
};

export type MenuGroup = { key: string; label: MenuLabel; icon: ReactNode; entries: MenuEntry[] };

export const homeEntry: MenuEntry = { key: 'home', label: 'home', path: '/', icon: <HomeOutlined /> };

export const menuGroups: MenuGroup[] = [
  {
    key: 'registry',
    label: 'groupRegistry',
    icon: <TeamOutlined />,
    entries: [
      { key: 'persons', label: 'persons', path: '/registry/persons', icon: <UserOutlined />, permission: permissions.personRead },
      { key: 'employers', label: 'employers', path: '/registry/employers', icon: <BankOutlined />, permission: permissions.employerRead },
      {
        key: 'imports',
        label: 'imports',
        path: '/imports',
        icon: <CloudUploadOutlined />,
        // The server also checks the kind's own write permission (GET /imports/kinds lists those allowed).
        permission: permissions.importRun,
      },
    ],
  },
  {
    key: 'admin',
    label: 'groupAdmin',
    icon: <ClusterOutlined />,
    entries: [
      { key: 'orgs', label: 'orgs', path: '/admin/orgs', icon: <ClusterOutlined />, permission: permissions.org },
      { key: 'users', label: 'users', path: '/admin/users', icon: <UserOutlined />, permission: permissions.user },
      { key: 'roles', label: 'roles', path: '/admin/roles', icon: <SafetyCertificateOutlined />, permission: permissions.role },
    ],
  },
  {
    key: 'security',
    label: 'groupSecurity',
    icon: <AuditOutlined />,
    entries: [
      { key: 'login-logs', label: 'loginLogs', path: '/admin/login-logs', icon: <LoginOutlined />, permission: permissions.loginLog },
      { key: 'sessions', label: 'sessions', path: '/admin/sessions', icon: <DesktopOutlined />, permission: permissions.session },
      { key: 'audit', label: 'audit', path: '/admin/audit', icon: <AuditOutlined />, permission: permissions.auditRead },
    ],
  },
];

// Business modules (plan, employment, insurance …) plug their groups in before administration.
menuGroups.splice(1, 0, ...moduleShells.flatMap((m) => m.menu));

export const allEntries: MenuEntry[] = [homeEntry, ...menuGroups.flatMap((group) => group.entries)];

/** The entry whose path is the longest prefix of the current location. */
export function entryForPath(pathname: string): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const entry of allEntries) {
    const matches = entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best;
}
