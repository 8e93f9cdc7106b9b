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

/**
 * How long a closed enquiry is kept, by default: 12 months. An enquiry holds a parent's contact
 * details and their own words; once closed it has become a referral (which keeps its own record),
 * been passed to the social worker, or been answered. A year covers a complaint about how it was
 * handled (the council's complaints procedure asks for one within 12 months) and a family's next
 * conference; after that the service has no need for it (UK GDPR storage limitation). The audit
 * trail keeps that it existed and who closed it, with nothing personal.
 */
export const ENQUIRY_RETENTION_MONTHS = 12

/** The moment before which a closed enquiry has been kept long enough: `months` calendar months before `now`. */
export function keptUntil(now: Date, months: number): Date {
  const before = new Date(now)
  const day = before.getUTCDate()
  before.setUTCDate(1)
  before.setUTCMonth(before.getUTCMonth() - months)
  const lastDay = new Date(Date.UTC(before.getUTCFullYear(), before.getUTCMonth() + 1, 0)).getUTCDate()
  before.setUTCDate(Math.min(day, lastDay))
  return before
}
