// Social insurance (社会保险): enrolment, the contribution ledger, benefits, stop events and
// eligibility authentication, fund supervision, transfers, coverage (with the study and
// other-province status periods). The only file other
// modules may import.
import { definePermissions } from '../../platform/auth/permissions';
import type { ModuleDef } from '../../platform/module';
import { contributionImporter } from './declaration';
import { insuranceGenerator } from './generate';
import { lifeEventImporter, lifeSignalImporter } from './lifeevents';
import { insuranceMeasures } from './measures';
import { statusPeriodImporter } from './statusperiods';
import { insuranceRoutes } from './routes';
import { issueDueNotices } from './arrears';
import { monthlyPaymentRun } from './benefits';
import { runSupervision, supervisionRules } from './supervision';

definePermissions([
  { key: 'insurance:read', zh: '查看社会保险', en: 'Read social insurance records', group: 'insurance' },
  { key: 'insurance:write', zh: '参保登记与缴费经办', en: 'Enrol, declare and record contributions', group: 'insurance' },
  { key: 'insurance:benefit', zh: '待遇核定、发放与追回', en: 'Decide, pay and recover benefits', group: 'insurance' },
  { key: 'insurance:supervise', zh: '基金监督与参数管理', en: 'Fund supervision and parameters', group: 'insurance' },
]);

export const insuranceModule: ModuleDef = {
  name: 'insurance',
  scopedTables: [
    'insurance_employer_registrations',
    'insurance_enrolments',
    'insurance_enrolment_events',
    'insurance_ledger',
    'insurance_arrears_notices',
    'insurance_benefit_decisions',
    'insurance_benefit_payments',
    'insurance_life_events',
    'insurance_life_signals',
    'insurance_status_periods',
    'insurance_recovery_cases',
    'insurance_supervision_hits',
    'insurance_transfers',
    'insurance_transfer_events',
  ],
  routes: insuranceRoutes,
  importers: (p) => [contributionImporter(p) as never, lifeEventImporter(p) as never, lifeSignalImporter(p) as never, statusPeriodImporter(p) as never],
  measures: insuranceMeasures,
  generator: insuranceGenerator,
  schedules: [
    // Benefits of the month, paid once (idempotent per decision and month). (check) the pay day.
    { name: 'benefitPayments', cron: '0 2 1 * *', run: async (p) => void (await monthlyPaymentRun(p)) },
    // Arrears notices within 5 working days of the payment due date.
    { name: 'arrearsNotices', cron: '30 1 * * *', run: async (p) => void (await issueDueNotices(p)) },
    ...supervisionRules.map((r) => ({ name: `supervision.${r.key}`, cron: r.cron, run: async (p: Parameters<typeof runSupervision>[0]) => void (await runSupervision(p, { rules: [r.key] })) })),
  ],
  grants: {
    caseworker: ['insurance:read', 'insurance:write'],
    supervisor: ['insurance:read', 'insurance:write', 'insurance:benefit', 'insurance:supervise'],
    analyst: ['insurance:read'],
  },
};

export type { InsuranceType } from './types';
/** For the employment module's warning: employers whose contributions stopped for many staff at once. */
export { employerContributionDrops, type ContributionDrop } from './supervision';
