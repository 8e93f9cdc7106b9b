import type { Queryable } from '../../platform/db/schema.ts'
import type { ModuleKey, Stage } from '../../vocabulary/advocates.ts'

/**
 * The peer advocate programme's own records: training cohorts, their weekly sessions and who came,
 * module completion, accreditation and supervision. Every query names the authority.
 */

/** Advocates as the programme's pages show them (a smaller row than the advocate's own page needs). */
export async function programmeAdvocates(db: Queryable, authorityId: string, options: { stages?: readonly Stage[]; kind?: 'parent_peer_advocate' } = {}) {
  if (options.stages?.length === 0) return []
  let query = db
    .selectFrom('advocate')
    .select(['id', 'kind', 'given_name', 'family_name', 'stage', 'dbs_checked_on', 'accredited_on'])
    .where('authority_id', '=', authorityId)
  if (options.stages) query = query.where('stage', 'in', [...options.stages])
  if (options.kind) query = query.where('kind', '=', options.kind)
  return query.orderBy('family_name').orderBy('given_name').orderBy('id').execute()
}

/** Locks the advocates' rows until the transaction ends; returns those that are the authority's. */
export async function lockAdvocates(db: Queryable, authorityId: string, advocateIds: readonly string[]) {
  if (advocateIds.length === 0) return []
  return db
    .selectFrom('advocate')
    .select(['id', 'kind', 'given_name', 'family_name', 'stage', 'accredited_on'])
    .where('authority_id', '=', authorityId)
    .where('id', 'in', [...advocateIds])
    .orderBy('id')
    .forUpdate()
    .execute()
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
  let query = db
    .selectFrom('cohort_member')
    .innerJoin('advocate', 'advocate.id', 'cohort_member.advocate_id')
    .select([
      'cohort_member.cohort_id',
      'advocate.id',
      'advocate.kind',
      'advocate.given_name',
      'advocate.family_name',
      'advocate.stage',
      'advocate.accredited_on',
    ])
    .where('cohort_member.authority_id', '=', authorityId)
    .where('advocate.authority_id', '=', authorityId)
  if (cohortId) query = query.where('cohort_member.cohort_id', '=', cohortId)
  return query.orderBy('advocate.family_name').orderBy('advocate.given_name').orderBy('advocate.id').execute()
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
    .select(['id', 'week', 'module', 'held_on'])
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

export async function replaceAttendance(db: Queryable, authorityId: string, sessionId: string, advocateIds: readonly string[]): Promise<void> {
  await db.deleteFrom('session_attendance').where('authority_id', '=', authorityId).where('session_id', '=', sessionId).execute()
  if (advocateIds.length === 0) return
  await db
    .insertInto('session_attendance')
    .values(advocateIds.map((advocateId) => ({ authority_id: authorityId, session_id: sessionId, advocate_id: advocateId })))
    .onConflict((conflict) => conflict.columns(['session_id', 'advocate_id']).doNothing())
    .execute()
}

/** Records a module as completed; a completion already recorded keeps its date. */
export async function insertCompletions(
  db: Queryable,
  authorityId: string,
  completions: readonly { advocateId: string; module: ModuleKey }[],
  completedOn: string,
  recordedBy: string,
): Promise<void> {
  if (completions.length === 0) return
  await db
    .insertInto('module_completion')
    .values(
      completions.map((completion) => ({
        authority_id: authorityId,
        advocate_id: completion.advocateId,
        module: completion.module,
        completed_on: completedOn,
        recorded_by: recordedBy,
      })),
    )
    .onConflict((conflict) => conflict.columns(['advocate_id', 'module']).doNothing())
    .execute()
}

export async function deleteCompletions(db: Queryable, authorityId: string, advocateId: string, modules: readonly ModuleKey[]): Promise<void> {
  if (modules.length === 0) return
  await db
    .deleteFrom('module_completion')
    .where('authority_id', '=', authorityId)
    .where('advocate_id', '=', advocateId)
    .where('module', 'in', [...modules])
    .execute()
}

/** Records (or corrects) the date of an advocate's Level 2 accreditation. */
export async function setAccreditedOn(db: Queryable, authorityId: string, advocateId: string, accreditedOn: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('advocate')
    .set((eb) => ({ accredited_on: accreditedOn, updated_at: now, version: eb('version', '+', 1) }))
    .where('authority_id', '=', authorityId)
    .where('id', '=', advocateId)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function insertSupervision(
  db: Queryable,
  session: { authorityId: string; kind: 'one_to_one' | 'group'; heldOn: string; supervisorId: string; notes: string | null; now: Date },
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
    .leftJoin('app_user', 'app_user.id', 'supervision_session.supervisor_id')
    .select([
      'supervision_session.id',
      'supervision_session.kind',
      'supervision_session.held_on',
      'supervision_session.notes',
      'app_user.display_name as supervisor_name',
    ])
    .where('supervision_session.authority_id', '=', authorityId)
    .orderBy('supervision_session.held_on', 'desc')
    .orderBy('supervision_session.created_at', 'desc')
    .orderBy('supervision_session.id')
    .limit(limit)
    .execute()
}

export async function supervisionAttendees(db: Queryable, authorityId: string, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return []
  return db
    .selectFrom('supervision_attendance')
    .innerJoin('advocate', 'advocate.id', 'supervision_attendance.advocate_id')
    .select(['supervision_attendance.session_id', 'advocate.id', 'advocate.given_name', 'advocate.family_name'])
    .where('supervision_attendance.authority_id', '=', authorityId)
    .where('supervision_attendance.session_id', 'in', [...sessionIds])
    .orderBy('advocate.family_name')
    .orderBy('advocate.given_name')
    .execute()
}
