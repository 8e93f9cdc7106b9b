import type { Caller } from '../../platform/auth/roles.ts'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { staffNames } from '../../platform/auth/staff-repository.ts'
import { ConflictError, NotFoundError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { modules } from '../../vocabulary/advocates.ts'
import * as repository from './cohorts-repository.ts'
import { cohortOf, membersOf } from './members-service.ts'
import { ProgrammeAnswerRefused, refOf, requireCoordinator } from './programme.ts'

/** Each week's register: who of the cohort came to the session. */

/** One week's register: the session (with the version the page is opened on), the cohort's members and who attended. */
export async function register(context: ServiceContext, caller: Caller, cohortId: string, week: number) {
  requireCoordinator(caller)
  const { db } = context
  const authorityId = caller.user.authorityId
  const cohort = await cohortOf(db, authorityId, cohortId)
  const session = Number.isInteger(week) ? await repository.findSession(db, authorityId, cohort.id, week) : undefined
  if (!session) throw new NotFoundError('No such session')
  const [members, attended] = await Promise.all([membersOf(db, authorityId, cohort.id), repository.attendeesOf(db, authorityId, session.id)])
  return {
    cohort: { id: cohort.id, name: cohort.name },
    session: { week: session.week, module: session.module, moduleLabel: modules.label(session.module), heldOn: session.held_on, version: session.version },
    members: members.map(refOf),
    attended: attended.filter((id) => members.some((member) => member.id === id)),
  }
}

/**
 * Replaces the week's attendance with the members ticked, unless someone saved the register since
 * `version` (the one the page was opened on): then nothing is saved, and they are named.
 */
export async function recordAttendance(
  context: ServiceContext,
  caller: Caller,
  cohortId: string,
  week: number,
  advocateIds: readonly string[],
  version: number,
): Promise<void> {
  requireCoordinator(caller)
  const authorityId = caller.user.authorityId
  await context.db.transaction().execute(async (trx) => {
    const cohort = await cohortOf(trx, authorityId, cohortId)
    const session = Number.isInteger(week) ? await repository.findSession(trx, authorityId, cohort.id, week, { forUpdate: true }) : undefined
    if (!session) throw new NotFoundError('No such session')
    if (!(await repository.claimRegisterVersion(trx, authorityId, session.id, version, { by: caller.user.id, now: context.clock.now() }))) {
      const by = session.updated_by ? (await staffNames(trx, authorityId, [session.updated_by])).get(session.updated_by) : undefined
      throw new ConflictError('Someone else saved this register since you opened it', by ?? null, session.updated_at)
    }
    const members = new Set((await repository.memberships(trx, authorityId, cohort.id)).map((member) => member.advocate_id))
    if (advocateIds.some((id) => !members.has(id))) throw new ProgrammeAnswerRefused('attended', 'Select people from the list of the cohort’s members')
    await repository.replaceAttendance(trx, authorityId, session.id, advocateIds)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'programme.attendance-recorded',
      recordType: 'training_session',
      recordId: session.id,
      details: { cohortId: cohort.id, week: session.week, attended: advocateIds.length, members: members.size },
    })
  })
}
