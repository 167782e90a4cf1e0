// Plan monitoring and evaluation (规划实施监测评估). The only file other code may import.
import { definePermissions } from '../../platform/auth/permissions';
import type { ModuleDef } from '../../platform/module';
import { planValuesImporter } from './importers';
import { planRoutes } from './routes';

definePermissions([
  { key: 'plan:read', zh: '查看规划与评估', en: 'Read plans and evaluations', group: 'plan' },
  { key: 'plan:report', zh: '填报与报送指标数据', en: 'Enter and submit indicator values', group: 'plan' },
  { key: 'plan:review', zh: '审核下级报送的数据（市级）', en: 'Review values of regions below (city)', group: 'plan' },
  { key: 'plan:approve', zh: '审定指标数据（省级）', en: 'Approve indicator values (province)', group: 'plan' },
  { key: 'plan:manage', zh: '制定与修改规划、目标分解、发布评估', en: 'Create and edit plans, targets and published evaluations', group: 'plan' },
]);

export const planModule: ModuleDef = {
  name: 'plan',
  scopedTables: ['plan_reported_values', 'plan_value_revisions'],
  routes: planRoutes,
  importers: (p) => [planValuesImporter(p) as never],
  grants: {
    caseworker: ['plan:read', 'plan:report'],
    supervisor: ['plan:read', 'plan:report', 'plan:review', 'plan:approve', 'plan:manage'],
    analyst: ['plan:read'],
  },
};

export { ensureReferencePlans, listPlans, getPlan } from './plans';
export { evaluatePlan, evaluateFinalFromValues, systemCaller, type PlanEvaluation, type IndicatorEvaluation } from './evaluation';
export { statusLabels } from './table-export';
