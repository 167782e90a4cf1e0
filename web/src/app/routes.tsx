// The route table. Module pages are lazy chunks; each route declares the permission it needs.
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth, RequirePermission, RequireSignedIn, NotFound } from './guards';
import type { PermissionNeed } from './auth';
import { AppLayout } from './layout';
import { permissions } from './menu';
import { RegionProvider } from './region';
import HomePage from './pages/HomePage';
import LoginPage from './pages/LoginPage';
import { moduleShells } from '../modules';

// Account pages are small and needed before the console, but not by signed-in users each visit.
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const TotpPage = lazy(() => import('./pages/TotpPage'));

const OrgsPage = lazy(() => import('../modules/admin/pages/OrgsPage'));
const UsersPage = lazy(() => import('../modules/admin/pages/UsersPage'));
const RolesPage = lazy(() => import('../modules/admin/pages/RolesPage'));
const LoginLogsPage = lazy(() => import('../modules/admin/pages/LoginLogsPage'));
const SessionsPage = lazy(() => import('../modules/admin/pages/SessionsPage'));
const AuditPage = lazy(() => import('../modules/admin/pages/AuditPage'));

const PersonsPage = lazy(() => import('../modules/registry/pages/PersonsPage'));
const PersonDetailPage = lazy(() => import('../modules/registry/pages/PersonDetailPage'));
const PersonFormPage = lazy(() => import('../modules/registry/pages/PersonFormPage'));
const EmployersPage = lazy(() => import('../modules/registry/pages/EmployersPage'));
const EmployerDetailPage = lazy(() => import('../modules/registry/pages/EmployerDetailPage'));
const EmployerFormPage = lazy(() => import('../modules/registry/pages/EmployerFormPage'));

const ImportsPage = lazy(() => import('../modules/imports/pages/ImportsPage'));

// The citizens' and employers' portal: its own small chunk, loaded only there.
const PortalLoginPage = lazy(() => import('./portal/PortalSignIn').then((m) => ({ default: m.PortalLoginPage })));
const PortalActivatePage = lazy(() => import('./portal/PortalSignIn').then((m) => ({ default: m.PortalActivatePage })));
const PortalFrame = lazy(() => import('./portal/PortalLayout').then((m) => ({ default: () => <m.RequirePortal><m.PortalLayout /></m.RequirePortal> })));
const PortalHomePage = lazy(() => import('./portal/PortalLayout').then((m) => ({ default: m.PortalHomePage })));

function guarded(need: PermissionNeed, page: ReactNode): ReactNode {
  return <RequirePermission need={need}>{page}</RequirePermission>;
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  ...moduleShells.flatMap((m) => m.publicRoutes ?? []),
  { path: '/portal/login', element: <PortalLoginPage /> },
  { path: '/portal/activate', element: <PortalActivatePage /> },
  {
    path: '/portal',
    element: <PortalFrame />,
    children: [{ index: true, element: <PortalHomePage /> }, ...moduleShells.flatMap((m) => m.portalRoutes ?? [])],
  },
  { path: '/account/password', element: <RequireSignedIn><PasswordPage /></RequireSignedIn> },
  { path: '/account/totp', element: <RequireSignedIn><TotpPage /></RequireSignedIn> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <RegionProvider>
          <AppLayout />
        </RegionProvider>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },

      { path: 'registry/persons', element: guarded(permissions.personRead, <PersonsPage />) },
      { path: 'registry/persons/new', element: guarded(permissions.personWrite, <PersonFormPage />) },
      { path: 'registry/persons/:id', element: guarded(permissions.personRead, <PersonDetailPage />) },
      { path: 'registry/persons/:id/edit', element: guarded(permissions.personWrite, <PersonFormPage />) },
      { path: 'registry/employers', element: guarded(permissions.employerRead, <EmployersPage />) },
      { path: 'registry/employers/new', element: guarded(permissions.employerWrite, <EmployerFormPage />) },
      { path: 'registry/employers/:id', element: guarded(permissions.employerRead, <EmployerDetailPage />) },
      { path: 'registry/employers/:id/edit', element: guarded(permissions.employerWrite, <EmployerFormPage />) },
      { path: 'imports', element: guarded(permissions.importRun, <ImportsPage />) },

      ...moduleShells.flatMap((m) => m.routes),

      { path: 'admin/orgs', element: guarded(permissions.org, <OrgsPage />) },
      { path: 'admin/users', element: guarded(permissions.user, <UsersPage />) },
      { path: 'admin/roles', element: guarded(permissions.role, <RolesPage />) },
      { path: 'admin/login-logs', element: guarded(permissions.loginLog, <LoginLogsPage />) },
      { path: 'admin/sessions', element: guarded(permissions.session, <SessionsPage />) },
      { path: 'admin/audit', element: guarded(permissions.auditRead, <AuditPage />) },

      { path: '*', element: <NotFound /> },
    ],
  },
];
