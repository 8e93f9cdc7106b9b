import type { BoundService, ServiceContext } from '../../platform/service-context.ts'
import type * as applications from './applications-service.ts'
import type * as enquiries from './enquiries-service.ts'
import type * as retention from './retention-service.ts'

/**
 * The public pages' service, as its routes (and the worktray) call it: enquiries and applications
 * from people who have not signed in, and the enquiries as the advocacy service reads and closes
 * them; and the clean-up of closed enquiries (`cleanUpClosedEnquiries`, a daily job). Bound in src/composition.ts.
 */
export type PublicService = BoundService<typeof enquiries & typeof applications & typeof retention, ServiceContext>

export type { EnquiryAnswers, EnquirySummary, EnquiryView, Closing, Sent } from './enquiries-service.ts'
export { NoSuchReferralError, ANSWER_WITHIN_WORKING_DAYS, mayReadEnquiries } from './enquiry.ts'
export type { Application } from './applications-service.ts'
