import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { requiredText } from '../../../platform/http/form-fields.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'

/** The service manager sends the referral back to its referrer, saying what more is needed. */
export function returnRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  stepPage(app, referrals, {
    page: 'return',
    events: ['return_for_information'],
    schema: z.object({ note: requiredText('Say what more information you need', 'What you need', 2000) }),
    save: async (request, referralId, { note }) => {
      await referrals.returnForInformation(callerOf(request), referralId, note)
      return { path: '/', banner: { heading: 'Returned to the referrer', text: 'It will come back to you when they have added what you asked for.' } }
    },
  })
}
