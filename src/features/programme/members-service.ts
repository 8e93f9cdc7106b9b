import type { Queryable } from '../../platform/db/schema.ts'
import { NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { ModuleKey } from '../../vocabulary/advocates.ts'
import { roster, type RosterAdvocate } from '../advocates/roster-service.ts'
import * as cohorts from './cohorts-repository.ts'
import * as modules from './modules-repository.ts'
import { refOf, type CohortMember } from './programme.ts'

/** A cohort and who is in it: what the cohort, register, modules and accreditation services each look up first. */

/** The authority's cohort, or not found (an id that is not one is not found either). */
export async function cohortOf(trx: Queryable, authorityId: string, cohortId: string, options: { forUpdate?: boolean } = {}) {
  const cohort = isId(cohortId) ? await cohorts.findCohort(trx, authorityId, cohortId, options) : undefined
  if (!cohort) throw new NotFoundError('No such cohort')
  return cohort
}

/** The cohort's members, by name. */
export async function membersOf(trx: Queryable, authorityId: string, cohortId: string): Promise<RosterAdvocate[]> {
  const ids = (await cohorts.memberships(trx, authorityId, cohortId)).map((member) => member.advocate_id)
  return roster(trx, authorityId, { ids })
}

/** The cohort's members with the modules each has completed (in this cohort or any other) and the sessions they came to. */
export async function membersWithProgress(trx: Queryable, authorityId: string, cohortId: string): Promise<CohortMember[]> {
  const members = await membersOf(trx, authorityId, cohortId)
  const ids = members.map((member) => member.id)
  const [completions, attendance] = await Promise.all([
    modules.completedModules(trx, authorityId, ids),
    cohorts.sessionsAttended(trx, authorityId, cohortId, ids),
  ])
  const completionsOf = Map.groupBy(completions, (row) => row.advocate_id)
  const attendanceOf = Map.groupBy(attendance, (row) => row.advocate_id)
  return members.map((member) => {
    const completed: Partial<Record<ModuleKey, string>> = {}
    for (const completion of completionsOf.get(member.id) ?? []) completed[completion.module] = completion.completed_on
    return {
      ...refOf(member),
      kind: member.kind,
      completed,
      completedCount: Object.keys(completed).length,
      accreditedOn: member.accreditedOn,
      sessionsAttended: new Set((attendanceOf.get(member.id) ?? []).map((session) => session.week)).size,
    }
  })
}
