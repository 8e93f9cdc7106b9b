import type { Queryable } from '../../../platform/db/schema.ts'
import { fullName } from '../../../platform/people-names.ts'
import * as allocations from './allocation-repository.ts'

/** Every offer, acceptance, decline and triage of a referral, oldest first, for the advocacy service. */
export async function historyOf(trx: Queryable, authorityId: string, referralId: string) {
  return (await allocations.allocationHistory(trx, authorityId, referralId)).map(historyEntryFrom)
}

/** One allocation as `historyOf` gives it, from its row (the referral's page reads the rows with the referral). */
export function historyEntryFrom(allocation: Awaited<ReturnType<typeof allocations.allocationHistory>>[number]) {
  return {
    id: allocation.id,
    who: allocation.local_service_name ?? fullName({ given_name: allocation.advocate_given_name, family_name: allocation.advocate_family_name }),
    status: allocation.status,
    offeredAt: allocation.offered_at,
    respondBy: allocation.respond_by,
    respondedAt: allocation.responded_at,
    declineReason: allocation.decline_reason,
    endedAt: allocation.ended_at,
    endedReason: allocation.ended_reason,
    preferences: allocation.preferences,
  }
}
