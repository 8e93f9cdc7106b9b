import { bindService, type ServiceContext } from '../../platform/service-context.ts'
import * as advocacyRecord from './advocacy-record/advocacy-record-service.ts'
import * as allocation from './allocation/allocation-service.ts'
import * as childOffers from './child-offers-service.ts'
import * as childReferral from './child-referral-service.ts'
import type { AllocationContext } from './allocation/allocation-service.ts'
import * as decisions from './decisions-service.ts'
import * as drafting from './drafting-service.ts'
import * as outcome from './outcome-service.ts'
import * as personEquality from './person-equality-service.ts'
import * as referralPage from './referral-page-service.ts'
import * as readiness from './readiness-service.ts'
import * as seenBy from './seen-by-service.ts'
import * as notForFamily from './section-1/not-for-family-service.ts'
import * as sectionOne from './section-1/section-one-service.ts'

/**
 * The referrals feature's services, as routes call them: each a module of plain functions (open
 * the function by its name in the module named for its concern), bound here to what they run with.
 */

export function referralService(context: ServiceContext) {
  return bindService(context, {
    ...drafting,
    ...sectionOne,
    ...notForFamily,
    ...decisions,
    ...outcome,
    ...referralPage,
    ...seenBy,
    ...personEquality,
    ...readiness,
    ...childOffers,
    ...childReferral,
  })
}

export function allocationService(context: AllocationContext) {
  return bindService(context, allocation)
}

export function advocacyRecordService(context: ServiceContext) {
  return bindService(context, advocacyRecord)
}

export type ReferralService = ReturnType<typeof referralService>
export type AllocationService = ReturnType<typeof allocationService>
export type AdvocacyRecordService = ReturnType<typeof advocacyRecordService>
export type { ReferralView } from './referral-page-service.ts'
export type { MatchesView } from './allocation/allocation-service.ts'
