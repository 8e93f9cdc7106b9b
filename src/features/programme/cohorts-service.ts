import type { Caller } from '../../platform/auth/roles.ts'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { addDays } from '../../platform/time/calendar.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { modules, weeklySessions } from '../../vocabulary/advocates.ts'
import { lockRoster, roster } from '../advocates/roster-service.ts'
import * as repository from './cohorts-repository.ts'
import { cohortOf, membersWithProgress } from './members-service.ts'
import * as completions from './modules-repository.ts'
import {
  COHORT_WEEKS,
  cohortEnds,
  cohortProgress,
  ProgrammeAnswerRefused,
  refOf,
  requireCoordinator,
  type CohortDetail,
  type CohortSummary,
} from './programme.ts'

/** Training cohorts: eight weekly sessions, and who takes part. */

export async function cohorts(context: ServiceContext, caller: Caller): Promise<CohortSummary[]> {
  requireCoordinator(caller)
  const { db } = context
  const authorityId = caller.user.authorityId
  const [all, memberships] = await Promise.all([repository.listCohorts(db, authorityId), repository.memberships(db, authorityId)])
  const ids = [...new Set(memberships.map((member) => member.advocate_id))]
  const [members, done] = await Promise.all([roster(db, authorityId, { ids }), completions.completedModules(db, authorityId, ids)])
  const accredited = new Set(members.filter((member) => member.accreditedOn !== null).map((member) => member.id))
  const completedCount = new Map<string, number>()
  for (const completion of done) completedCount.set(completion.advocate_id, (completedCount.get(completion.advocate_id) ?? 0) + 1)
  const membersOf = Map.groupBy(memberships, (member) => member.cohort_id)
  const day = londonDate(context.clock.now())
  return all.map((cohort) => {
    const inCohort = (membersOf.get(cohort.id) ?? []).map((member) => member.advocate_id)
    return {
      id: cohort.id,
      name: cohort.name,
      startsOn: cohort.starts_on,
      endsOn: cohortEnds(cohort.starts_on),
      members: inCohort.length,
      completedTraining: inCohort.filter((id) => (completedCount.get(id) ?? 0) >= modules.values.length).length,
      accredited: inCohort.filter((id) => accredited.has(id)).length,
      progress: cohortProgress(cohort.starts_on, day),
    }
  })
}

/** A cohort and its eight weekly sessions, week n held 7·(n−1) days after the start. */
export async function createCohort(context: ServiceContext, caller: Caller, cohort: { name: string; startsOn: string }): Promise<string> {
  requireCoordinator(caller)
  const authorityId = caller.user.authorityId
  return context.db.transaction().execute(async (trx) => {
    if (await repository.findCohortByName(trx, authorityId, cohort.name)) throw new ProgrammeAnswerRefused('name', 'A cohort with that name already exists')
    const cohortId = await repository.insertCohort(trx, { authorityId, name: cohort.name, startsOn: cohort.startsOn, now: context.clock.now() })
    await repository.insertSessions(
      trx,
      authorityId,
      cohortId,
      weeklySessions.map((module, index) => ({ week: index + 1, module, heldOn: addDays(cohort.startsOn, 7 * index) })),
    )
    await recordAudit(trx, auditActorOf(caller), {
      action: 'programme.cohort-created',
      recordType: 'training_cohort',
      recordId: cohortId,
      details: { startsOn: cohort.startsOn, weeks: COHORT_WEEKS },
    })
    return cohortId
  })
}

/** Refuses (not found) a cohort that is not the caller's authority's: checked before a form's answers are. */
export async function requireCohort(context: ServiceContext, caller: Caller, cohortId: string): Promise<void> {
  requireCoordinator(caller)
  await cohortOf(context.db, caller.user.authorityId, cohortId)
}

export async function cohort(context: ServiceContext, caller: Caller, cohortId: string): Promise<CohortDetail> {
  requireCoordinator(caller)
  const { db } = context
  const authorityId = caller.user.authorityId
  const found = await cohortOf(db, authorityId, cohortId)
  const [sessions, members, everyone] = await Promise.all([
    repository.cohortSessions(db, authorityId, found.id),
    membersWithProgress(db, authorityId, found.id),
    roster(db, authorityId, { kind: 'parent_peer_advocate' }),
  ])
  const memberIds = new Set(members.map((member) => member.id))
  const inTraining = (stage: string) => stage === 'training' || stage === 'accreditation'
  const candidates = everyone
    .filter((advocate) => advocate.stage !== 'left' && !memberIds.has(advocate.id))
    .sort((a, b) => Number(inTraining(b.stage)) - Number(inTraining(a.stage)))
    .map(refOf)
  await recordAudit(db, auditActorOf(caller), {
    action: 'programme.cohort-viewed',
    recordType: 'training_cohort',
    recordId: found.id,
    details: { members: members.length },
  })
  return {
    id: found.id,
    name: found.name,
    startsOn: found.starts_on,
    endsOn: cohortEnds(found.starts_on),
    progress: cohortProgress(found.starts_on, londonDate(context.clock.now())),
    sessions: sessions.map((session) => ({
      week: session.week,
      module: session.module,
      moduleLabel: modules.label(session.module),
      heldOn: session.held_on,
      attended: Number(session.attended ?? 0),
    })),
    members,
    candidates,
  }
}

/** Adds a parent peer advocate who has not left; returns their name. */
export async function addMember(context: ServiceContext, caller: Caller, cohortId: string, advocateId: string): Promise<string> {
  requireCoordinator(caller)
  const authorityId = caller.user.authorityId
  return context.db.transaction().execute(async (trx) => {
    const found = await cohortOf(trx, authorityId, cohortId, { forUpdate: true })
    const [advocate] = isId(advocateId) ? await lockRoster(trx, authorityId, [advocateId]) : []
    if (!advocate || advocate.kind !== 'parent_peer_advocate' || advocate.stage === 'left') {
      throw new ProgrammeAnswerRefused('advocateId', 'Select who to add to the cohort from the list')
    }
    if (!(await repository.addMember(trx, { authorityId, cohortId: found.id, advocateId: advocate.id }))) {
      throw new ProgrammeAnswerRefused('advocateId', `${advocate.name} is already in this cohort`)
    }
    await recordAudit(trx, auditActorOf(caller), {
      action: 'programme.cohort-member-added',
      recordType: 'training_cohort',
      recordId: found.id,
      details: { advocateId: advocate.id },
    })
    return advocate.name
  })
}

/** Takes someone out of the cohort; returns their name. What they attended and completed is kept. */
export async function removeMember(context: ServiceContext, caller: Caller, cohortId: string, advocateId: string): Promise<string> {
  requireCoordinator(caller)
  const authorityId = caller.user.authorityId
  return context.db.transaction().execute(async (trx) => {
    const found = await cohortOf(trx, authorityId, cohortId, { forUpdate: true })
    const [advocate] = isId(advocateId) ? await lockRoster(trx, authorityId, [advocateId]) : []
    if (!advocate || !(await repository.removeMember(trx, { authorityId, cohortId: found.id, advocateId: advocate.id })))
      throw new NotFoundError('Not in this cohort')
    await recordAudit(trx, auditActorOf(caller), {
      action: 'programme.cohort-member-removed',
      recordType: 'training_cohort',
      recordId: found.id,
      details: { advocateId: advocate.id },
    })
    return advocate.name
  })
}
