import type { Queryable } from '../../platform/db/schema.ts'
import type { ModuleKey } from '../../vocabulary/advocates.ts'

/** Training cohorts: their weekly sessions, who is in each, and who came to each session. Every query names the authority. */

export async function insertCohort(db: Queryable, cohort: { authorityId: string; name: string; startsOn: string; now: Date }): Promise<string> {
  const row = await db
    .insertInto('training_cohort')
    .values({ authority_id: cohort.authorityId, name: cohort.name, starts_on: cohort.startsOn, created_at: cohort.now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertSessions(
  db: Queryable,
  authorityId: string,
  cohortId: string,
  sessions: readonly { week: number; module: ModuleKey; heldOn: string }[],
): Promise<void> {
  if (sessions.length === 0) return
  await db
    .insertInto('training_session')
    .values(
      sessions.map((session) => ({ authority_id: authorityId, cohort_id: cohortId, week: session.week, module: session.module, held_on: session.heldOn })),
    )
    .execute()
}

export async function findCohortByName(db: Queryable, authorityId: string, name: string) {
  return db
    .selectFrom('training_cohort')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst()
}

export async function findCohort(db: Queryable, authorityId: string, cohortId: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('training_cohort').select(['id', 'name', 'starts_on']).where('authority_id', '=', authorityId).where('id', '=', cohortId)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function listCohorts(db: Queryable, authorityId: string) {
  return db
    .selectFrom('training_cohort')
    .select(['id', 'name', 'starts_on'])
    .where('authority_id', '=', authorityId)
    .orderBy('starts_on', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute()
}

/** Who is in which cohort, for every cohort of the authority (or one). */
export async function memberships(db: Queryable, authorityId: string, cohortId?: string) {
  let query = db.selectFrom('cohort_member').select(['cohort_id', 'advocate_id']).where('authority_id', '=', authorityId)
  if (cohortId) query = query.where('cohort_id', '=', cohortId)
  return query.execute()
}

export async function addMember(db: Queryable, member: { authorityId: string; cohortId: string; advocateId: string }): Promise<boolean> {
  const result = await db
    .insertInto('cohort_member')
    .values({ authority_id: member.authorityId, cohort_id: member.cohortId, advocate_id: member.advocateId })
    .onConflict((conflict) => conflict.columns(['cohort_id', 'advocate_id']).doNothing())
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

export async function removeMember(db: Queryable, member: { authorityId: string; cohortId: string; advocateId: string }): Promise<boolean> {
  const result = await db
    .deleteFrom('cohort_member')
    .where('authority_id', '=', member.authorityId)
    .where('cohort_id', '=', member.cohortId)
    .where('advocate_id', '=', member.advocateId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** The cohort's weekly sessions, each with how many of its current members attended. */
export async function cohortSessions(db: Queryable, authorityId: string, cohortId: string) {
  return db
    .selectFrom('training_session')
    .select(['training_session.id', 'training_session.week', 'training_session.module', 'training_session.held_on'])
    .select((eb) =>
      eb
        .selectFrom('session_attendance')
        .innerJoin('cohort_member', (join) =>
          join.onRef('cohort_member.advocate_id', '=', 'session_attendance.advocate_id').onRef('cohort_member.cohort_id', '=', 'training_session.cohort_id'),
        )
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .whereRef('session_attendance.session_id', '=', 'training_session.id')
        .as('attended'),
    )
    .where('training_session.authority_id', '=', authorityId)
    .where('training_session.cohort_id', '=', cohortId)
    .orderBy('training_session.week')
    .execute()
}

export async function findSession(db: Queryable, authorityId: string, cohortId: string, week: number, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('training_session')
    .select(['id', 'week', 'module', 'held_on', 'version', 'updated_by', 'updated_at'])
    .where('authority_id', '=', authorityId)
    .where('cohort_id', '=', cohortId)
    .where('week', '=', week)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function attendeesOf(db: Queryable, authorityId: string, sessionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('session_attendance')
    .select('advocate_id')
    .where('authority_id', '=', authorityId)
    .where('session_id', '=', sessionId)
    .execute()
  return rows.map((row) => row.advocate_id)
}

/** The cohort's sessions each of these advocates attended. */
export async function sessionsAttended(db: Queryable, authorityId: string, cohortId: string, advocateIds: readonly string[]) {
  if (advocateIds.length === 0) return []
  return db
    .selectFrom('session_attendance')
    .innerJoin('training_session', 'training_session.id', 'session_attendance.session_id')
    .select(['session_attendance.advocate_id', 'training_session.week'])
    .where('session_attendance.authority_id', '=', authorityId)
    .where('training_session.cohort_id', '=', cohortId)
    .where('session_attendance.advocate_id', 'in', [...advocateIds])
    .execute()
}

/** Moves the register on from `version`, saying who saved it; false if it had already moved on. */
export async function claimRegisterVersion(
  db: Queryable,
  authorityId: string,
  sessionId: string,
  version: number,
  change: { by: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('training_session')
    .set((eb) => ({ version: eb('version', '+', 1), updated_by: change.by, updated_at: change.now }))
    .where('authority_id', '=', authorityId)
    .where('id', '=', sessionId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function replaceAttendance(db: Queryable, authorityId: string, sessionId: string, advocateIds: readonly string[]): Promise<void> {
  await db.deleteFrom('session_attendance').where('authority_id', '=', authorityId).where('session_id', '=', sessionId).execute()
  if (advocateIds.length === 0) return
  await db
    .insertInto('session_attendance')
    .values(advocateIds.map((advocateId) => ({ authority_id: authorityId, session_id: sessionId, advocate_id: advocateId })))
    .onConflict((conflict) => conflict.columns(['session_id', 'advocate_id']).doNothing())
    .execute()
}
