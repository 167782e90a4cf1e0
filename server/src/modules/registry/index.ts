// Registry (master data): persons and employers. The only file other modules may import.
import { definePermissions } from '../../platform/auth/permissions';
import type { ModuleDef } from '../../platform/module';
import { employerImporter, personImporter } from './importers';
import { registryGenerator } from './generate';
import { registryMeasures } from './measures';
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
  encryptedColumns: [{ table: 'persons', key: 'id', columns: ['id_cipher', 'phone_cipher'] }],
  routes: registryRoutes,
  importers: (p) => [personImporter(p) as never, employerImporter(p) as never],
  measures: registryMeasures,
  generator: registryGenerator,
};

export { persons, employers } from './schema';
export type { PersonView } from './persons';

// ---- for other modules' rules ------------------------------------------------------------
import { and as andSql, eq as eqSql, ne as neSql, sql as rawSql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { systemScope } from '../../platform/scope';
import { persons as personsTable, registryHistory as historyTable } from './schema';

/**
 * Sets or clears the zero-employment-household flag (零就业家庭) on every member of a household,
 * on behalf of the employment module's rule (cleared when a member is employed, set when the
 * last employed member leaves). System work: members may live outside the caller's scope.
 * Bumps versions and writes history; returns the ids of the persons changed.
 */
export async function setHouseholdZeroEmployment(db: Db, householdId: string, value: boolean, actor: { userId: number | null; username: string }): Promise<number[]> {
  const changed = await db
    .update(personsTable)
    .set({ zeroEmploymentHousehold: value, updatedAt: new Date(), version: rawSql`${personsTable.version} + 1` })
    .where(andSql(eqSql(personsTable.householdId, householdId), neSql(personsTable.zeroEmploymentHousehold, value), systemScope()))
    .returning({ id: personsTable.id, regionCode: personsTable.regionCode });
  if (changed.length) {
    await db.insert(historyTable).values(
      changed.map((p) => ({
        entity: 'person' as const,
        entityId: p.id,
        regionCode: p.regionCode,
        actorId: actor.userId,
        actorName: actor.username,
        action: 'update' as const,
        changes: { zeroEmploymentHousehold: { from: !value, to: value } },
      })),
    );
  }
  return changed.map((p) => p.id);
}
