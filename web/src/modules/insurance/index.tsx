// The insurance module in the web shell: lazy pages behind the permission guard, and its menu.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { AlertOutlined, BankOutlined, DashboardOutlined, FileProtectOutlined, IdcardOutlined, MedicineBoxOutlined, SafetyOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { RequirePermission } from '../../app/guards';
import type { MenuGroup } from '../../app/menu';
import type { ModuleShell } from '../index';
import { insuranceMessages, type InsuranceKey } from './messages';

const PersonsPage = lazy(() => import('./pages/PersonsPage'));
const PersonRecordPage = lazy(() => import('./pages/PersonRecordPage'));
const EmployersPage = lazy(() => import('./pages/EmployersPage'));
const EmployerDetailPage = lazy(() => import('./pages/EmployerDetailPage'));
const EnrolmentsPage = lazy(() => import('./pages/EnrolmentsPage'));
const BenefitsPage = lazy(() => import('./pages/BenefitsPage'));
const StopsPage = lazy(() => import('./pages/StopsPage'));
const SupervisionPage = lazy(() => import('./pages/SupervisionPage'));
const TransfersPage = lazy(() => import('./pages/TransfersPage'));
const CoveragePage = lazy(() => import('./pages/CoveragePage'));
const MyInsurancePage = lazy(() => import('./portal/MyInsurancePage'));

export const insurancePermissions = { read: 'insurance:read', write: 'insurance:write', benefit: 'insurance:benefit', supervise: 'insurance:supervise' } as const;
const P = insurancePermissions;
const label = (key: InsuranceKey) => ({ zh: insuranceMessages.zh[key], en: insuranceMessages.en[key] });

export const routes: RouteObject[] = [
  { path: 'insurance/persons', element: <RequirePermission need={P.read}><PersonsPage /></RequirePermission> },
  { path: 'insurance/persons/:id', element: <RequirePermission need={P.read}><PersonRecordPage /></RequirePermission> },
  { path: 'insurance/employers', element: <RequirePermission need={P.read}><EmployersPage /></RequirePermission> },
  { path: 'insurance/employers/:id', element: <RequirePermission need={P.read}><EmployerDetailPage /></RequirePermission> },
  { path: 'insurance/enrolments', element: <RequirePermission need={P.read}><EnrolmentsPage /></RequirePermission> },
  { path: 'insurance/benefits', element: <RequirePermission need={P.read}><BenefitsPage /></RequirePermission> },
  { path: 'insurance/stops', element: <RequirePermission need={P.read}><StopsPage /></RequirePermission> },
  { path: 'insurance/supervision', element: <RequirePermission need={P.supervise}><SupervisionPage /></RequirePermission> },
  { path: 'insurance/transfers', element: <RequirePermission need={P.read}><TransfersPage /></RequirePermission> },
  { path: 'insurance/coverage', element: <RequirePermission need={P.read}><CoveragePage /></RequirePermission> },
];

export const menu: MenuGroup[] = [
  {
    key: 'insurance',
    label: label('menuGroup'),
    icon: <SafetyOutlined />,
    entries: [
      { key: 'insurance-persons', label: label('menuPersons'), path: '/insurance/persons', icon: <IdcardOutlined />, permission: P.read },
      { key: 'insurance-employers', label: label('menuEmployers'), path: '/insurance/employers', icon: <BankOutlined />, permission: P.read },
      { key: 'insurance-enrolments', label: label('menuEnrolments'), path: '/insurance/enrolments', icon: <UserAddOutlined />, permission: P.read },
      { key: 'insurance-benefits', label: label('menuBenefits'), path: '/insurance/benefits', icon: <MedicineBoxOutlined />, permission: P.read },
      { key: 'insurance-stops', label: label('menuStops'), path: '/insurance/stops', icon: <FileProtectOutlined />, permission: P.read },
      { key: 'insurance-supervision', label: label('menuSupervision'), path: '/insurance/supervision', icon: <AlertOutlined />, permission: P.supervise },
      { key: 'insurance-transfers', label: label('menuTransfers'), path: '/insurance/transfers', icon: <SwapOutlined />, permission: P.read },
      { key: 'insurance-coverage', label: label('menuCoverage'), path: '/insurance/coverage', icon: <DashboardOutlined />, permission: P.read },
    ],
  },
];

export const insuranceShell: ModuleShell = {
  name: 'insurance',
  routes,
  menu,
  portalRoutes: [{ path: 'insurance', element: <MyInsurancePage /> }],
  portalEntries: [{ key: 'my-insurance', kind: 'person', path: '/portal/insurance', label: label('myInsurance'), description: label('myInsuranceDesc') }],
};
