// The employment module in the web shell: lazy pages behind the permission guard, and its menu.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { AlertOutlined, AuditOutlined, BarChartOutlined, FileDoneOutlined, IdcardOutlined, ShopOutlined, SolutionOutlined, SwapOutlined, TeamOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { RequirePermission } from '../../app/guards';
import type { MenuGroup } from '../../app/menu';
import type { ModuleShell, PortalEntry } from '../index';
import { employmentMessages, type EmploymentKey } from './messages';
import { employmentPermissions as P } from './permissions';

const RegistrationsPage = lazy(() => import('./pages/RegistrationsPage'));
const UnemploymentPage = lazy(() => import('./pages/UnemploymentPage'));
const TransfersPage = lazy(() => import('./pages/TransfersPage'));
const SeekersPage = lazy(() => import('./pages/SeekersPage'));
const SeekerDetailPage = lazy(() => import('./pages/SeekerDetailPage'));
const VacanciesPage = lazy(() => import('./pages/VacanciesPage'));
const VacancyDetailPage = lazy(() => import('./pages/VacancyDetailPage'));
const PlacementsPage = lazy(() => import('./pages/PlacementsPage'));
const LayoffsPage = lazy(() => import('./pages/LayoffsPage'));
const WarningsPage = lazy(() => import('./pages/WarningsPage'));
const MonitoringPage = lazy(() => import('./pages/MonitoringPage'));
const PortalSearchPage = lazy(() => import('./pages/PortalSearchPage'));
// Signed-in portal (个人求职 / 单位招聘): one small chunk per page, loaded only there.
const PortalProfilePage = lazy(() => import('./portal/ProfilePage'));
const PortalMatchesPage = lazy(() => import('./portal/MatchesPage'));
const PortalApplicationsPage = lazy(() => import('./portal/ApplicationsPage'));
const PortalViewsPage = lazy(() => import('./portal/ViewsPage'));
const RecruitVacanciesPage = lazy(() => import('./portal/RecruitVacanciesPage'));
const RecruitCandidatesPage = lazy(() => import('./portal/RecruitCandidatesPage'));
const RecruitApplicationsPage = lazy(() => import('./portal/RecruitApplicationsPage'));

const label = (key: EmploymentKey) => ({ zh: employmentMessages.zh[key], en: employmentMessages.en[key] });

export const routes: RouteObject[] = [
  { path: 'employment/registrations', element: <RequirePermission need={P.read}><RegistrationsPage /></RequirePermission> },
  { path: 'employment/unemployment', element: <RequirePermission need={P.read}><UnemploymentPage /></RequirePermission> },
  { path: 'employment/transfers', element: <RequirePermission need={P.read}><TransfersPage /></RequirePermission> },
  { path: 'employment/seekers', element: <RequirePermission need={P.read}><SeekersPage /></RequirePermission> },
  { path: 'employment/seekers/:id', element: <RequirePermission need={P.read}><SeekerDetailPage /></RequirePermission> },
  { path: 'employment/vacancies', element: <RequirePermission need={P.read}><VacanciesPage /></RequirePermission> },
  { path: 'employment/vacancies/:id', element: <RequirePermission need={P.read}><VacancyDetailPage /></RequirePermission> },
  { path: 'employment/placements', element: <RequirePermission need={P.read}><PlacementsPage /></RequirePermission> },
  { path: 'employment/layoffs', element: <RequirePermission need={P.read}><LayoffsPage /></RequirePermission> },
  { path: 'employment/warnings', element: <RequirePermission need={P.read}><WarningsPage /></RequirePermission> },
  { path: 'employment/monitoring', element: <RequirePermission need={P.read}><MonitoringPage /></RequirePermission> },
];

export const menu: MenuGroup[] = [
  {
    key: 'employment',
    label: label('menuGroup'),
    icon: <SolutionOutlined />,
    entries: [
      { key: 'employment-registrations', label: label('menuRegistrations'), path: '/employment/registrations', icon: <FileDoneOutlined />, permission: P.read },
      { key: 'employment-unemployment', label: label('menuUnemployment'), path: '/employment/unemployment', icon: <UserDeleteOutlined />, permission: P.read },
      { key: 'employment-transfers', label: label('menuTransfers'), path: '/employment/transfers', icon: <SwapOutlined />, permission: P.read },
      { key: 'employment-seekers', label: label('menuSeekers'), path: '/employment/seekers', icon: <IdcardOutlined />, permission: P.read },
      { key: 'employment-vacancies', label: label('menuVacancies'), path: '/employment/vacancies', icon: <ShopOutlined />, permission: P.read },
      { key: 'employment-placements', label: label('menuPlacements'), path: '/employment/placements', icon: <TeamOutlined />, permission: P.read },
      { key: 'employment-layoffs', label: label('menuLayoffs'), path: '/employment/layoffs', icon: <AuditOutlined />, permission: P.read },
      { key: 'employment-warnings', label: label('menuWarnings'), path: '/employment/warnings', icon: <AlertOutlined />, permission: P.read },
      { key: 'employment-monitoring', label: label('menuMonitoring'), path: '/employment/monitoring', icon: <BarChartOutlined />, permission: P.read },
    ],
  },
];

/** Public pages (no staff login): the vacancy search of the public portal, mounted beside /login. */
const publicRoutes: RouteObject[] = [{ path: 'portal/vacancies', element: <PortalSearchPage /> }];

/** Pages of the signed-in portal frame (/portal/…): the job seeker's and the employer's. */
const portalRoutes: RouteObject[] = [
  { path: 'jobs/profile', element: <PortalProfilePage /> },
  { path: 'jobs/matches', element: <PortalMatchesPage /> },
  { path: 'jobs/applications', element: <PortalApplicationsPage /> },
  { path: 'jobs/views', element: <PortalViewsPage /> },
  { path: 'recruit/vacancies', element: <RecruitVacanciesPage /> },
  { path: 'recruit/vacancies/:id/candidates', element: <RecruitCandidatesPage /> },
  { path: 'recruit/applications', element: <RecruitApplicationsPage /> },
];

const entry = (key: string, kind: PortalEntry['kind'], path: string, name: EmploymentKey, description: EmploymentKey): PortalEntry => ({ key, kind, path, label: label(name), description: label(description) });

const portalEntries: PortalEntry[] = [
  entry('jobs-profile', 'person', '/portal/jobs/profile', 'pjProfile', 'pjProfileDesc'),
  entry('jobs-matches', 'person', '/portal/jobs/matches', 'pjMatches', 'pjMatchesDesc'),
  entry('jobs-applications', 'person', '/portal/jobs/applications', 'pjApplications', 'pjApplicationsDesc'),
  entry('jobs-views', 'person', '/portal/jobs/views', 'pjViews', 'pjViewsDesc'),
  entry('recruit-vacancies', 'employer', '/portal/recruit/vacancies', 'prVacancies', 'prVacanciesDesc'),
  entry('recruit-applications', 'employer', '/portal/recruit/applications', 'prApplications', 'prApplicationsDesc'),
];

export const employmentShell: ModuleShell = { name: 'employment', routes, menu, publicRoutes, portalRoutes, portalEntries };

