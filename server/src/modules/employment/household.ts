// 零就业家庭: a household with no employed member is flagged until one member is employed.
// The flag lives on the registry's persons (every member carries it); this rule keeps it in
// step with employment registrations:
// - a member starts an open employment → the flag is cleared for the whole household;
// - a member's employment ends and no member has an open employment left → the flag is set.
// Persons without a household number are left alone (their household is unknown).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { systemScope } from '../../platform/scope';
import { persons, setHouseholdZeroEmployment } from '../registry';
import { employmentRegistrations } from './schema';

export type Actor = { userId: number | null; username: string };

async function householdOf(db: Db, personId: number): Promise<string | null> {
  const [p] = await db.select({ householdId: persons.householdId }).from(persons).where(and(eq(persons.id, personId), systemScope()));
  return p?.householdId ?? null;
}

/** Whether any member of the household has an open employment. */
export async function householdHasEmployedMember(db: Db, householdId: string): Promise<boolean> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(employmentRegistrations)
    .innerJoin(persons, eq(persons.id, employmentRegistrations.personId))
    .where(and(eq(persons.householdId, householdId), isNull(employmentRegistrations.endDate), systemScope()));
  return Number(r?.n ?? 0) > 0;
}

/**
 * Applies the rule after a member's employment changed. `employed`: the member now has an
 * open employment; `left`: one of the member's employments ended (or a closed one was
 * recorded). Returns the persons whose flag changed.
 */
export async function applyHouseholdRule(db: Db, personId: number, event: 'employed' | 'left', actor: Actor): Promise<number[]> {
  const householdId = await householdOf(db, personId);
  if (!householdId) return [];
  if (event === 'employed') return setHouseholdZeroEmployment(db, householdId, false, actor);
  if (await householdHasEmployedMember(db, householdId)) return [];
  return setHouseholdZeroEmployment(db, householdId, true, actor);
}
