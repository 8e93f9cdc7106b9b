import { createHash } from 'node:crypto'
import type { Caller } from '../../platform/auth/roles.ts'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ConflictError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { ACCREDITED_MODULE, modules, type ModuleKey } from '../../vocabulary/advocates.ts'
import { lockRoster } from '../advocates/roster-service.ts'
import * as cohorts from './cohorts-repository.ts'
import { cohortOf, membersWithProgress } from './members-service.ts'
import * as repository from './modules-repository.ts'
import { notInFuture, ProgrammeAnswerRefused, requireCoordinator } from './programme.ts'

/** Which training modules each member of a cohort has completed (in this cohort or any other). */

/**
 * The version of a cohort's module completion: a digest of who is in the cohort and every module
 * each has completed, and when. A completion is an advocate's, whichever cohort's page (or their
 * history) recorded it, so a number kept on the cohort could not see a change made elsewhere; this
 * changes whenever anything the page shows does.
 */
async function completionVersion(trx: Queryable, authorityId: string, cohortId: string): Promise<string> {
  const members = (await cohorts.memberships(trx, authorityId, cohortId)).map((member) => member.advocate_id).sort()
  const completions = await repository.completedModules(trx, authorityId, members)
  const lines = members.map((id) =>
    [
      id,
      ...completions
        .filter((row) => row.advocate_id === id)
        .map((row) => `${row.module}@${row.completed_on}`)
        .sort(),
    ].join(' '),
  )
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32)
}

/** The cohort's members and their modules, with the version the page is opened on. */
export async function moduleCompletion(context: ServiceContext, caller: Caller, cohortId: string) {
  requireCoordinator(caller)
  const authorityId = caller.user.authorityId
  const cohort = await cohortOf(context.db, authorityId, cohortId)
  const [members, version] = await Promise.all([membersWithProgress(context.db, authorityId, cohort.id), completionVersion(context.db, authorityId, cohort.id)])
  return { cohort: { id: cohort.id, name: cohort.name }, members, version }
}

/**
 * Saves which modules the members shown on the form have completed. A module newly ticked is
 * completed on `completedOn`; one already recorded keeps its date; one unticked is no longer
 * completed (except the advocacy module of someone already accredited). If anything the page
 * showed has changed since it was opened (`version`), nothing is saved: an untick on a stale page
 * would take away a module someone has just recorded.
 */
export async function saveModules(
  context: ServiceContext,
  caller: Caller,
  cohortId: string,
  answers: { shown: readonly string[]; completed: readonly { advocateId: string; module: ModuleKey }[]; completedOn: string; version: string },
): Promise<{ completed: number; removed: number }> {
  requireCoordinator(caller)
  const authorityId = caller.user.authorityId
  notInFuture(answers.completedOn, londonDate(context.clock.now()), 'completedOn', 'The date the modules were completed must be today or in the past')
  return context.db.transaction().execute(async (trx) => {
    const cohort = await cohortOf(trx, authorityId, cohortId)
    const members = new Set((await cohorts.memberships(trx, authorityId, cohort.id)).map((member) => member.advocate_id))
    const shown = answers.shown.filter((id) => members.has(id))
    if (answers.completed.some((completion) => !shown.includes(completion.advocateId)))
      throw new ProgrammeAnswerRefused('completed', 'Select modules from the list')
    // Every member's row is locked, so two saves of one cohort (or of a member's other cohort) take turns.
    const locked = await lockRoster(trx, authorityId, [...members])
    if ((await completionVersion(trx, authorityId, cohort.id)) !== answers.version) {
      throw new ConflictError('Someone else changed these modules since you opened the page')
    }
    const advocates = locked.filter((advocate) => shown.includes(advocate.id))
    const existing = await repository.completedModules(trx, authorityId, shown)
    let completed = 0
    let removed = 0
    for (const advocate of advocates) {
      const had = new Set(existing.filter((row) => row.advocate_id === advocate.id).map((row) => row.module))
      const ticked = new Set(answers.completed.filter((completion) => completion.advocateId === advocate.id).map((completion) => completion.module))
      const added = modules.values.filter((module) => ticked.has(module) && !had.has(module))
      const dropped = modules.values.filter((module) => had.has(module) && !ticked.has(module))
      if (dropped.includes(ACCREDITED_MODULE) && advocate.accreditedOn !== null) {
        throw new ProgrammeAnswerRefused(
          'completed',
          `${advocate.name} has a Level 2 accreditation, so “${modules.labels[ACCREDITED_MODULE]}” must stay completed`,
          `#completed-${advocate.id}`,
        )
      }
      await repository.insertCompletions(
        trx,
        authorityId,
        added.map((module) => ({ advocateId: advocate.id, module })),
        answers.completedOn,
        caller.user.id,
      )
      await repository.deleteCompletions(trx, authorityId, advocate.id, dropped)
      if (added.length > 0) {
        await recordAudit(trx, auditActorOf(caller), {
          action: 'programme.module-completed',
          recordType: 'advocate',
          recordId: advocate.id,
          details: { cohortId: cohort.id, modules: added, completedOn: answers.completedOn },
        })
      }
      if (dropped.length > 0) {
        await recordAudit(trx, auditActorOf(caller), {
          action: 'programme.module-completion-removed',
          recordType: 'advocate',
          recordId: advocate.id,
          details: { cohortId: cohort.id, modules: dropped },
        })
      }
      completed += added.length
      removed += dropped.length
    }
    return { completed, removed }
  })
}
