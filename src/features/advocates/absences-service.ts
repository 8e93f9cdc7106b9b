import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { Caller } from '../../platform/auth/roles.ts'
import { NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { advocateOf, requireCoordinator } from './access-service.ts'
import * as repository from './repository.ts'

/** Time away: the days an advocate is not matched to meetings. */

export async function addAbsence(
  context: ServiceContext,
  caller: Caller,
  advocateId: string,
  absence: { startsOn: string; endsOn: string; note: string | null },
): Promise<void> {
  requireCoordinator(caller.user)
  await context.db.transaction().execute(async (trx) => {
    const row = await advocateOf(trx, caller.user.authorityId, advocateId)
    await repository.insertAbsence(trx, { authorityId: caller.user.authorityId, advocateId: row.id, ...absence })
    await recordAudit(trx, auditActorOf(caller), { action: 'advocate.absence-added', recordType: 'advocate', recordId: row.id })
  })
}

export async function removeAbsence(context: ServiceContext, caller: Caller, advocateId: string, absenceId: string): Promise<void> {
  requireCoordinator(caller.user)
  await context.db.transaction().execute(async (trx) => {
    const row = await advocateOf(trx, caller.user.authorityId, advocateId)
    if (!isId(absenceId) || !(await repository.deleteAbsence(trx, caller.user.authorityId, row.id, absenceId))) throw new NotFoundError('No such absence')
    await recordAudit(trx, auditActorOf(caller), { action: 'advocate.absence-removed', recordType: 'advocate', recordId: row.id })
  })
}
