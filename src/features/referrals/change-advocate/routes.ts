import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { requiredText } from '../../../platform/http/form-fields.ts'
import type { AllocationService } from '../service.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'

/** Re-allocation: the current advocate's allocation ends, with its reason, and matching starts again. */
export function changeAdvocateRoutes(app: FastifyInstance, { referrals, allocations }: { referrals: ReferralService; allocations: AllocationService }): void {
  stepPage(app, referrals, {
    page: 'change-advocate',
    events: ['end_allocation'],
    schema: z.object({ reason: requiredText('Say why the advocate is changing', 'Reason', 1000) }),
    save: async (request, referralId, { reason }) => {
      await allocations.endAllocation(callerOf(request), referralId, reason)
      return {
        path: `/referrals/${referralId}/matches`,
        banner: { heading: 'The allocation has ended', text: 'Its history is kept. Offer the referral to another advocate.' },
      }
    },
  })
}
