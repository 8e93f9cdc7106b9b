import type { Caller } from '../../platform/auth/roles.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { ACCREDITED_MODULE, modules, type ModuleKey } from '../../vocabulary/advocates.ts'
import { lockRoster } from '../advocates/roster-service.ts'
import * as cohorts from './cohorts-repository.ts'
import { cohortOf, membersWithProgress } from './members-service.ts'
import * as repository from './modules-repository.ts'
import { actorOf, notInFuture, ProgrammeAnswerRefused, requireCoordinator } from './programme.ts'

/** Which training modules each member of a cohort has completed (in this cohort or any other). */

export async function moduleCompletion(context: ServiceContext, caller: Caller, cohortId: string) {
  requireCoordinator(caller)
  const cohort = await cohortOf(context.db, caller.user.authorityId, cohortId)
  return { cohort: { id: cohort.id, name: cohort.name }, members: await membersWithProgress(context.db, caller.user.authorityId, cohort.id) }
}

/**
 * Saves which modules the members shown on the form have completed. A module newly ticked is
 * completed on `completedOn`; one already recorded keeps its date; one unticked is no longer
 * completed (except the advocacy module of someone already accredited).
 */
export async function saveModules(
  context: ServiceContext,
  caller: Caller,
  cohortId: string,
  answers: { shown: readonly string[]; completed: readonly { advocateId: string; module: ModuleKey }[]; completedOn: string },
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
    const advocates = await lockRoster(trx, authorityId, shown)
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
        await recordAudit(trx, actorOf(caller), {
          action: 'programme.module-completed',
          recordType: 'advocate',
          recordId: advocate.id,
          details: { cohortId: cohort.id, modules: added, completedOn: answers.completedOn },
        })
      }
      if (dropped.length > 0) {
        await recordAudit(trx, actorOf(caller), {
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
