// Employment (就业): registrations, unemployment, rural transfers, graduates, layoffs,
// matching, monitoring and warnings. The only file other modules may import.
import { definePermissions } from '../../platform/auth/permissions';
import type { ModuleDef } from '../../platform/module';
import { employmentGenerator } from './generate';
import { employmentImporter, graduateImporter, transferImporter, unemploymentImporter } from './importers';
import { employmentMeasures } from './measures';
import { occupationImporter } from './occupations';
import { expireVacancies } from './profiles';
import { employmentRoutes } from './routes';
import { evaluateWarnings } from './warnings';

definePermissions([
  { key: 'employment:read', zh: '查看就业登记与服务', en: 'Read employment records', group: 'employment' },
  { key: 'employment:write', zh: '办理就业失业登记与服务', en: 'Register employment, unemployment and services', group: 'employment' },
  { key: 'employment:match', zh: '人岗匹配与职业介绍', en: 'Match seekers and vacancies, refer', group: 'employment' },
  { key: 'employment:warning', zh: '失业风险预警管理', en: 'Manage unemployment-risk warnings', group: 'employment' },
]);

export const employmentModule: ModuleDef = {
  name: 'employment',
  scopedTables: [
    'employment_registrations',
    'employment_unemployment',
    'employment_unemployment_services',
    'employment_rural_transfers',
    'employment_graduates',
    'employment_layoff_reports',
    'employment_layoff_followups',
    'employment_seekers',
    'employment_vacancies',
    'employment_placements',
    'employment_profile_views',
    'employment_warnings',
    'employment_warning_followups',
  ],
  routes: employmentRoutes,
  importers: (p) => [occupationImporter(p) as never, employmentImporter(p) as never, unemploymentImporter(p) as never, transferImporter(p) as never, graduateImporter(p) as never],
  measures: employmentMeasures,
  generator: employmentGenerator,
  schedules: [
    // Unemployment-risk warnings, every night after the day's registrations.
    { name: 'warnings', cron: '30 1 * * *', run: async (p) => void (await evaluateWarnings(p)) },
    { name: 'vacancies.expire', cron: '5 0 * * *', run: async (p) => void (await expireVacancies(p.db)) },
  ],
  grants: {
    caseworker: ['employment:read', 'employment:write', 'employment:match'],
    supervisor: ['employment:read', 'employment:write', 'employment:match', 'employment:warning'],
    analyst: ['employment:read'],
  },
};

export { findOpenUnemploymentRegistration, openUnemploymentRegistrationsOf, type OpenUnemploymentView } from './unemployment';
export { parseOccupationCsv, loadOccupations, checkOccupationCode } from './occupations';
// Two-way matching (the benchmark calls these; `exhaustive` scores every candidate for recall).
export { matchSeekersForVacancy, matchVacanciesForSeeker } from './matching';
