// Registry (master data): persons and employers. The only file other modules may import.
import { definePermissions } from '../../platform/auth/permissions';
import type { ModuleDef } from '../../platform/module';
import { employerImporter, personImporter } from './importers';
import { registryRoutes } from './routes';

definePermissions([
  { key: 'registry:person:read', zh: '查看人员', en: 'Read persons', group: 'registry' },
  { key: 'registry:person:write', zh: '登记与修改人员', en: 'Create and edit persons', group: 'registry' },
  { key: 'registry:person:unmask', zh: '查看完整证件号与手机号', en: 'See full resident IDs and phones', group: 'registry' },
  { key: 'registry:person:export', zh: '导出人员', en: 'Export persons', group: 'registry' },
  { key: 'registry:employer:read', zh: '查看用人单位', en: 'Read employers', group: 'registry' },
  { key: 'registry:employer:write', zh: '登记与修改用人单位', en: 'Create and edit employers', group: 'registry' },
  { key: 'registry:employer:export', zh: '导出用人单位', en: 'Export employers', group: 'registry' },
]);

export const registryModule: ModuleDef = {
  name: 'registry',
  scopedTables: ['persons', 'employers', 'registry_history'],
  routes: registryRoutes,
  importers: (p) => [personImporter(p) as never, employerImporter(p) as never],
};

export { persons, employers } from './schema';
export type { PersonView } from './persons';
