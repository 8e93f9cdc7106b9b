import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { Caller } from '../../platform/auth/roles.ts'
import { NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { advocateOf, requireCoordinator } from './access-service.ts'
import * as families from './families-repository.ts'
import * as repository from './repository.ts'

/** Families an advocate knows: they are never matched to anyone in them. */

/** Records that the advocate knows a family, from one of its people. */
export async function addKnownFamily(context: ServiceContext, caller: Caller, advocateId: string, personId: string, note: string | null): Promise<void> {
  requireCoordinator(caller.user)
  const authorityId = caller.user.authorityId
  await context.db.transaction().execute(async (trx) => {
    const row = await advocateOf(trx, authorityId, advocateId)
    const familyGroupId = isId(personId) ? await families.familyGroupOf(trx, authorityId, personId) : undefined
    if (!familyGroupId) throw new NotFoundError('No such person')
    await repository.addKnownFamily(trx, { authorityId, advocateId: row.id, familyGroupId, note })
    await recordAudit(trx, auditActorOf(caller), { action: 'advocate.knows-family', recordType: 'advocate', recordId: row.id, details: { familyGroupId } })
  })
}

export async function removeKnownFamily(context: ServiceContext, caller: Caller, advocateId: string, familyGroupId: string): Promise<void> {
  requireCoordinator(caller.user)
  await context.db.transaction().execute(async (trx) => {
    const row = await advocateOf(trx, caller.user.authorityId, advocateId)
    if (!isId(familyGroupId)) throw new NotFoundError('No such family')
    await repository.removeKnownFamily(trx, caller.user.authorityId, row.id, familyGroupId)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'advocate.knows-family-removed',
      recordType: 'advocate',
      recordId: row.id,
      details: { familyGroupId },
    })
  })
}
