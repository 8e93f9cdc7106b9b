import type { ServiceContext } from '../../platform/service-context.ts'
import { receiveApplication, type Application } from '../advocates/application-service.ts'
import { acceptReceipt } from './receipts-service.ts'
import type { Sent } from './enquiries-service.ts'

/**
 * Applications to become a parent peer advocate, sent from the public pages: each one joins the
 * coordinator's recruitment pipeline as a new applicant at the stage "Application" (the advocates
 * feature keeps them), if the flood limits allow (limits.ts).
 */
export async function applyToBecomeAParentAdvocate(
  context: ServiceContext,
  authorityId: string,
  application: Application,
  from: { ip: string },
): Promise<Sent> {
  return context.db.transaction().execute(async (trx) => {
    const now = context.clock.now()
    const refusal = await acceptReceipt(trx, { authorityId, form: 'application', ip: from.ip, at: now })
    if (refusal) return { outcome: 'refused', why: refusal }
    await receiveApplication(trx, authorityId, application, now, from.ip)
    return { outcome: 'received' }
  })
}

export type { Application } from '../advocates/application-service.ts'
