import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { oneOf, optionalText } from '../../../platform/http/form-fields.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'

const signOffSchema = z
  .object({
    nextAction: oneOf(['advocacy_completed', 'return'], 'Select the next action'),
    note: optionalText('Note', 2000),
  })
  .superRefine((form, context) => {
    if (form.nextAction === 'return' && !form.note) {
      context.addIssue({ code: 'custom', path: ['note'], message: 'Say what needs to change before you can sign it off' })
    }
  })

/** The service manager's sign-off: Advocacy Completed ends the workflow; or back to FGC Advocacy Admin. */
export function signOffRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  stepPage(app, referrals, {
    page: 'sign-off',
    events: ['complete', 'return_outcome'],
    schema: signOffSchema,
    save: async (request, referralId, { nextAction, note }) => {
      const complete = nextAction === 'advocacy_completed'
      await referrals.signOff(callerOf(request), referralId, { complete, note })
      return complete
        ? { path: `/referrals/${referralId}`, banner: { heading: 'Advocacy Completed', text: 'The Advocacy Workflow for this referral has ended.' } }
        : { path: '/', banner: { heading: 'Returned to FGC Advocacy Admin', text: 'It is back in their team’s work.' } }
    },
  })
}
