import type { FastifyInstance } from 'fastify'
import type { Clock } from '../../platform/time/clock.ts'
import type { PeopleService } from '../people/service.ts'
import type { AdvocacyRecordService } from './service.ts'
import type { AllocationService } from './service.ts'
import { changeAdvocateRoutes } from './change-advocate/routes.ts'
import { checkRoutes } from './check/routes.ts'
import { childAdvocateRoutes } from './child-advocate/routes.ts'
import { childrenRoutes } from './children/routes.ts'
import { consentRoutes } from './consent/routes.ts'
import { decisionRoutes } from './decision/routes.ts'
import { matchesRoutes } from './matches/routes.ts'
import { meetingRoutes } from './meeting/routes.ts'
import { offerAnswerRoutes } from './offer/routes.ts'
import { outcomeRoutes } from './outcome/routes.ts'
import { overviewRoutes } from './overview/routes.ts'
import { passToManagerRoutes } from './pass-to-manager/routes.ts'
import { personEqualityRoutes } from './person-equality/routes.ts'
import { personRecordRoutes } from './person-record/routes.ts'
import { personSeenByRoutes } from './person-seen-by/routes.ts'
import { personRoutes } from './person/routes.ts'
import { readinessRoutes } from './readiness/routes.ts'
import { rescheduleRoutes } from './reschedule/routes.ts'
import { returnRoutes } from './return/routes.ts'
import { notForFamilyRoutes } from './not-for-family/routes.ts'
import { sectionOneRoutes } from './section-1/routes.ts'
import { seenByRoutes } from './seen-by/routes.ts'
import type { ReferralService } from './service.ts'
import { signOffRequestRoutes } from './sign-off-request/routes.ts'
import { signOffRoutes } from './sign-off/routes.ts'
import { startRoutes } from './start/routes.ts'
import { triageRoutes } from './triage/routes.ts'
import { withdrawRoutes } from './withdraw/routes.ts'

/** The Advocacy Workflow's pages, in the order a referral meets them. */
export function referralRoutes(
  app: FastifyInstance,
  deps: { referrals: ReferralService; allocations: AllocationService; advocacyRecord: AdvocacyRecordService; people: PeopleService; clock: Clock },
): void {
  startRoutes(app, deps)
  overviewRoutes(app, deps)
  personRecordRoutes(app, deps)
  personEqualityRoutes(app, deps)
  personRoutes(app, deps)
  childrenRoutes(app, deps)
  meetingRoutes(app, deps)
  sectionOneRoutes(app, deps)
  notForFamilyRoutes(app, deps)
  checkRoutes(app, deps)
  passToManagerRoutes(app, deps)
  decisionRoutes(app, deps)
  returnRoutes(app, deps)
  consentRoutes(app, deps)
  matchesRoutes(app, deps)
  offerAnswerRoutes(app, deps)
  triageRoutes(app, deps)
  changeAdvocateRoutes(app, deps)
  outcomeRoutes(app, deps)
  signOffRequestRoutes(app, deps)
  signOffRoutes(app, deps)
  withdrawRoutes(app, deps)
  rescheduleRoutes(app, deps)
  readinessRoutes(app, deps)
  childAdvocateRoutes(app, deps)
  seenByRoutes(app, deps)
  personSeenByRoutes(app, deps)
}
