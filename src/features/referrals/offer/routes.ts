import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { oneOf, optionalText } from '../../../platform/http/form-fields.ts'
import type { AllocationService } from '../service.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'

export const answerSchema = z
  .object({
    answer: oneOf(['accept', 'decline'], 'Select whether the offer is accepted'),
    reason: optionalText('Why', 1000),
  })
  .superRefine((form, context) => {
    if (form.answer === 'decline' && !form.reason) context.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the offer is declined' })
  })

/** The advocate answered by phone or in person: FGC Advocacy Admin records their answer for them. */
export function offerAnswerRoutes(app: FastifyInstance, { referrals, allocations }: { referrals: ReferralService; allocations: AllocationService }): void {
  stepPage(app, referrals, {
    page: 'offer',
    events: ['accept_offer', 'decline_offer'],
    schema: answerSchema,
    data: async (request, referral) => ({ history: await allocations.history(callerOf(request), referral.id) }),
    save: async (request, referralId, { answer, reason }) => {
      const caller = callerOf(request)
      const offered = (await allocations.history(caller, referralId)).find((allocation) => allocation.status === 'offered')
      if (!offered) return `/referrals/${referralId}`
      await allocations.answer(caller, offered.id, { accept: answer === 'accept', reason })
      return {
        path: `/referrals/${referralId}`,
        banner:
          answer === 'accept'
            ? { heading: 'Advocate allocated', text: `${offered.who} will work with the person.` }
            : { heading: 'Offer declined', text: 'Offer it to the next match.' },
      }
    },
  })
}
