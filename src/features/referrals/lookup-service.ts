import type { Queryable } from '../../platform/db/schema.ts'
import type { ReferralState } from '../../vocabulary/referrals.ts'
import * as referrals from './referral-repository.ts'

/**
 * Finding a referral by the reference people quote (`ADV-00012`), for another feature to link to
 * it inside its own transaction (an enquiry from the public pages). Says only that it exists in
 * the authority, with its state: opening it is the referral page's business, with its own checks.
 */
export async function referralByReference(
  trx: Queryable,
  authorityId: string,
  reference: string,
): Promise<{ readonly id: string; readonly reference: string; readonly state: ReferralState } | undefined> {
  const typed = reference.trim().toUpperCase()
  if (!/^[A-Z0-9]{1,20}-\d{1,10}$/.test(typed)) return undefined
  return referrals.findReferralByReference(trx, authorityId, typed)
}
