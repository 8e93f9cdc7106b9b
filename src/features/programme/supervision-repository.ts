import type { Queryable } from '../../platform/db/schema.ts'
import type { SupervisionKind } from '../../vocabulary/advocates.ts'

/** Supervision sessions, one-to-one and group, and who came to each. Every query names the authority. */

const NO_ADVOCATE = '00000000-0000-0000-0000-000000000000'

export async function insertSupervision(
  db: Queryable,
  session: { authorityId: string; kind: SupervisionKind; heldOn: string; supervisorId: string; notes: string | null; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('supervision_session')
    .values({
      authority_id: session.authorityId,
      kind: session.kind,
      held_on: session.heldOn,
      supervisor_id: session.supervisorId,
      notes: session.notes,
      created_at: session.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertSupervisionAttendance(db: Queryable, authorityId: string, sessionId: string, advocateIds: readonly string[]): Promise<void> {
  if (advocateIds.length === 0) return
  await db
    .insertInto('supervision_attendance')
    .values(advocateIds.map((advocateId) => ({ authority_id: authorityId, session_id: sessionId, advocate_id: advocateId })))
    .execute()
}

/** The most recent supervision sessions, newest first. */
export async function recentSupervision(db: Queryable, authorityId: string, limit: number) {
  return db
    .selectFrom('supervision_session')
    .select(['id', 'kind', 'held_on', 'notes', 'supervisor_id'])
    .where('authority_id', '=', authorityId)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** Who came to each of these sessions. */
export async function supervisionAttendees(db: Queryable, authorityId: string, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return []
  return db
    .selectFrom('supervision_attendance')
    .select(['session_id', 'advocate_id'])
    .where('authority_id', '=', authorityId)
    .where('session_id', 'in', [...sessionIds])
    .execute()
}

/** Supervision each advocate (or, without ids, everyone) attended since `since`, one row per session. */
export async function supervisionAttended(db: Queryable, authorityId: string, since: string, advocateIds?: readonly string[]) {
  let query = db
    .selectFrom('supervision_attendance')
    .innerJoin('supervision_session', 'supervision_session.id', 'supervision_attendance.session_id')
    .select(['supervision_attendance.advocate_id', 'supervision_session.kind', 'supervision_session.held_on'])
    .where('supervision_attendance.authority_id', '=', authorityId)
    .where('supervision_session.held_on', '>=', since)
  if (advocateIds) query = query.where('supervision_attendance.advocate_id', 'in', advocateIds.length > 0 ? [...advocateIds] : [NO_ADVOCATE])
  return query.execute()
}

/** The dates of the group sessions held since `since`. */
export async function groupSessionsHeld(db: Queryable, authorityId: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('supervision_session')
    .select('held_on')
    .where('authority_id', '=', authorityId)
    .where('kind', '=', 'group')
    .where('held_on', '>=', since)
    .execute()
  return rows.map((row) => row.held_on)
}

/** Each advocate's most recent one-to-one supervision. */
export async function lastOneToOnes(db: Queryable, authorityId: string) {
  return db
    .selectFrom('supervision_attendance')
    .innerJoin('supervision_session', 'supervision_session.id', 'supervision_attendance.session_id')
    .select(['supervision_attendance.advocate_id', (eb) => eb.fn.max('supervision_session.held_on').as('last_on')])
    .where('supervision_attendance.authority_id', '=', authorityId)
    .where('supervision_session.authority_id', '=', authorityId)
    .where('supervision_session.kind', '=', 'one_to_one')
    .groupBy('supervision_attendance.advocate_id')
    .execute()
}
