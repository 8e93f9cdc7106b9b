import type { Queryable } from '../../platform/db/schema.ts'
import type { ModuleKey } from '../../vocabulary/advocates.ts'

/** Training and supervision history for the demo pool, written as the programme would have recorded it. */

export async function completeModules(
  db: Queryable,
  authorityId: string,
  advocateId: string,
  modules: readonly ModuleKey[],
  completedOn: string,
): Promise<void> {
  if (modules.length === 0) return
  await db
    .insertInto('module_completion')
    .values(modules.map((module) => ({ authority_id: authorityId, advocate_id: advocateId, module, completed_on: completedOn })))
    .execute()
}

export async function supervision(
  db: Queryable,
  authorityId: string,
  kind: 'one_to_one' | 'group',
  heldOn: string,
  advocateIds: readonly string[],
): Promise<void> {
  const session = await db
    .insertInto('supervision_session')
    .values({ authority_id: authorityId, kind, held_on: heldOn })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (advocateIds.length === 0) return
  await db
    .insertInto('supervision_attendance')
    .values(advocateIds.map((advocateId) => ({ authority_id: authorityId, session_id: session.id, advocate_id: advocateId })))
    .execute()
}

export async function accredit(db: Queryable, authorityId: string, advocateId: string, on: string): Promise<void> {
  await db.updateTable('advocate').set({ accredited_on: on }).where('authority_id', '=', authorityId).where('id', '=', advocateId).execute()
}
