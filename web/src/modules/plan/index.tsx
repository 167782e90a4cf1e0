// The plan module in the web shell: lazy pages behind the permission guard, and its menu.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { ApartmentOutlined, AuditOutlined, DashboardOutlined, EditOutlined, FlagOutlined, HistoryOutlined, TableOutlined } from '@ant-design/icons';
import { RequirePermission } from '../../app/guards';
import type { MenuGroup } from '../../app/menu';
import type { ModuleShell } from '../index';
import { planMessages } from './messages';

// Chart pages (ECharts) load only when opened.
const PlanDashboardPage = lazy(() => import('./pages/PlanDashboardPage'));
const IndicatorPage = lazy(() => import('./pages/IndicatorPage'));
const PlanTablePage = lazy(() => import('./pages/PlanTablePage'));
const ValuesEntryPage = lazy(() => import('./pages/ValuesEntryPage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const TargetsPage = lazy(() => import('./pages/TargetsPage'));
const MilestonesPage = lazy(() => import('./pages/MilestonesPage'));
const SnapshotsPage = lazy(() => import('./pages/SnapshotsPage'));

export const planPermissions = { read: 'plan:read', report: 'plan:report', review: 'plan:review', approve: 'plan:approve', manage: 'plan:manage' } as const;

const label = (key: keyof (typeof planMessages)['zh']) => ({ zh: planMessages.zh[key], en: planMessages.en[key] });

export const routes: RouteObject[] = [
  { path: 'plans', element: <RequirePermission need={planPermissions.read}><PlanDashboardPage /></RequirePermission> },
  { path: 'plans/table', element: <RequirePermission need={planPermissions.read}><PlanTablePage /></RequirePermission> },
  { path: 'plans/values', element: <RequirePermission need={planPermissions.report}><ValuesEntryPage /></RequirePermission> },
  { path: 'plans/inbox', element: <RequirePermission need={[planPermissions.report, planPermissions.review, planPermissions.approve]}><InboxPage /></RequirePermission> },
  { path: 'plans/targets', element: <RequirePermission need={planPermissions.read}><TargetsPage /></RequirePermission> },
  { path: 'plans/milestones', element: <RequirePermission need={planPermissions.read}><MilestonesPage /></RequirePermission> },
  { path: 'plans/snapshots', element: <RequirePermission need={planPermissions.read}><SnapshotsPage /></RequirePermission> },
  { path: 'plans/:planId/indicators/:code', element: <RequirePermission need={planPermissions.read}><IndicatorPage /></RequirePermission> },
];

export const menu: MenuGroup[] = [
  {
    key: 'plan',
    label: label('menuGroup'),
    icon: <DashboardOutlined />,
    entries: [
      { key: 'plan-dashboard', label: label('menuDashboard'), path: '/plans', icon: <DashboardOutlined />, permission: planPermissions.read },
      { key: 'plan-table', label: label('menuTable'), path: '/plans/table', icon: <TableOutlined />, permission: planPermissions.read },
      { key: 'plan-targets', label: label('menuTargets'), path: '/plans/targets', icon: <ApartmentOutlined />, permission: planPermissions.read },
      { key: 'plan-milestones', label: label('menuMilestones'), path: '/plans/milestones', icon: <FlagOutlined />, permission: planPermissions.read },
      { key: 'plan-snapshots', label: label('menuSnapshots'), path: '/plans/snapshots', icon: <HistoryOutlined />, permission: planPermissions.read },
      { key: 'plan-values', label: label('menuValues'), path: '/plans/values', icon: <EditOutlined />, permission: planPermissions.report },
      { key: 'plan-inbox', label: label('menuInbox'), path: '/plans/inbox', icon: <AuditOutlined />, permission: [planPermissions.report, planPermissions.review, planPermissions.approve] },
    ],
  },
];

export const planShell: ModuleShell = { name: 'plan', routes, menu };
