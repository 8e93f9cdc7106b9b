import type { Caller } from '../../platform/auth/roles.ts'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { londonDate } from '../../platform/time/clock.ts'
import { ACCREDITED_MODULE, modules } from '../../vocabulary/advocates.ts'
import { lockRoster, recordAccreditedOn } from '../advocates/roster-service.ts'
import * as cohorts from './cohorts-repository.ts'
import { cohortOf } from './members-service.ts'
import * as repository from './modules-repository.ts'
import { notInFuture, ProgrammeAnswerRefused, requireCoordinator } from './programme.ts'

/** The Level 2 accreditation of the advocacy module, recorded on the advocate's record. */

/** Records the accreditation of a member of the cohort; refused until they have completed the advocacy module. Returns their name. */
export async function recordAccreditation(
  context: ServiceContext,
  caller: Caller,
  cohortId: string,
  advocateId: string,
  accreditedOn: string,
): Promise<string> {
  requireCoordinator(caller)
  const authorityId = caller.user.authorityId
  notInFuture(accreditedOn, londonDate(context.clock.now()), 'accreditedOn', 'The date of the accreditation must be today or in the past')
  return context.db.transaction().execute(async (trx) => {
    const cohort = await cohortOf(trx, authorityId, cohortId)
    const members = await cohorts.memberships(trx, authorityId, cohort.id)
    if (!members.some((member) => member.advocate_id === advocateId)) throw new ProgrammeAnswerRefused('advocateId', 'Select who was accredited from the list')
    const [advocate] = await lockRoster(trx, authorityId, [advocateId])
    if (!advocate) throw new ProgrammeAnswerRefused('advocateId', 'Select who was accredited from the list')
    const completion = (await repository.completedModules(trx, authorityId, [advocate.id])).find((row) => row.module === ACCREDITED_MODULE)
    if (!completion) {
      throw new ProgrammeAnswerRefused(
        'advocateId',
        `${advocate.name} has not completed “${modules.labels[ACCREDITED_MODULE]}”: record the module as completed before the accreditation`,
      )
    }
    await recordAccreditedOn(context, trx, authorityId, advocate.id, accreditedOn)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'programme.accredited',
      recordType: 'advocate',
      recordId: advocate.id,
      details: { cohortId: cohort.id, module: ACCREDITED_MODULE, accreditedOn, previously: advocate.accreditedOn },
    })
    return advocate.name
  })
}
