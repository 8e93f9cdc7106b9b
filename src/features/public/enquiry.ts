import { hasRole, type SignedInUser } from '../../platform/auth/roles.ts'

/** What the enquiries' pages and service share. */

/** What the confirmation page promises: "We will contact you within 2 working days." */
export const ANSWER_WITHIN_WORKING_DAYS = 2

/** Enquiries a page lists at a time. */
export const ENQUIRIES_PAGE_SIZE = 25

/** Who reads enquiries: the advocacy admins who answer them, and the service managers. */
export function mayReadEnquiries(user: SignedInUser): boolean {
  return hasRole(user, 'advocacy_admin', 'service_manager')
}

/** The reference typed to link an enquiry to is not one of the authority's referrals. */
export class NoSuchReferralError extends Error {
  override name = 'NoSuchReferralError'
}
