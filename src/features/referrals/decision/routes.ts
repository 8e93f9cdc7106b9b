import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { oneOf, optionalOneOf, requiredText } from '../../../platform/http/form-fields.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'
import { advocateTypes, priorities } from '../../../vocabulary/referrals.ts'

const decisionSchema = z
  .object({
    nextAction: oneOf(['child_protection_advocacy_review', 'no_further_action'], 'Select the next action'),
    reasons: requiredText('Enter the reasons for your decision', 'Reasons'),
    advocateType: optionalOneOf(advocateTypes.values, 'Select the type of advocate'),
    priority: optionalOneOf(priorities.values, 'Select the priority'),
  })
  .superRefine((form, context) => {
    if (form.nextAction !== 'child_protection_advocacy_review') return
    if (!form.advocateType) context.addIssue({ code: 'custom', path: ['advocateType'], message: 'Select the type of advocate' })
    if (!form.priority) context.addIssue({ code: 'custom', path: ['priority'], message: 'Select the priority' })
  })

/** Section 2, the Advocacy Manager's Decision, and the next action it leads to. */
export function decisionRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  stepPage(app, referrals, {
    page: 'decision',
    events: ['decide_review', 'decide_no_further_action'],
    schema: decisionSchema,
    data: async () => ({
      advocateTypes: advocateTypes.values.map((value) => ({ value, text: advocateTypes.labels[value] })),
      priorities: priorities.values.map((value) => ({ value, text: priorities.labels[value] })),
    }),
    save: async (request, referralId, decision) => {
      await referrals.decide(callerOf(request), referralId, decision)
      const review = decision.nextAction === 'child_protection_advocacy_review'
      return {
        path: `/referrals/${referralId}`,
        banner: review
          ? { heading: 'Child Protection Advocacy Review assigned to FGC Advocacy Admin', text: 'They will find an advocate.' }
          : { heading: 'No Further Action recorded', text: 'The referrer will see your reasons in their work.' },
      }
    },
  })
}
