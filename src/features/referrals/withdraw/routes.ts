import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { oneOf, optionalText } from '../../../platform/http/form-fields.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'
import { withdrawalReasons } from '../../../vocabulary/referrals.ts'

const withdrawSchema = z
  .object({
    reason: oneOf(withdrawalReasons.values, 'Select why the referral is being withdrawn'),
    details: optionalText('Details', 2000),
  })
  .superRefine((form, context) => {
    if (form.reason === 'other' && !form.details) context.addIssue({ code: 'custom', path: ['details'], message: 'Say why the referral is being withdrawn' })
  })

/** Withdrawn: consent withdrawn, meeting cancelled, made in error. Ends the workflow with a reason. */
export function withdrawRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  stepPage(app, referrals, {
    page: 'withdraw',
    events: ['withdraw'],
    schema: withdrawSchema,
    data: async () => ({ reasons: withdrawalReasons.values.map((value) => ({ value, text: withdrawalReasons.labels[value] })) }),
    save: async (request, referralId, withdrawal) => {
      const { wasDraft } = await referrals.withdraw(callerOf(request), referralId, withdrawal)
      if (wasDraft) return { path: '/', banner: { heading: 'Draft deleted', text: 'It is no longer in your work. Nothing was sent.' } }
      return { path: '/', banner: { heading: 'Referral withdrawn', text: 'It has been taken out of everyone’s work. Its record is kept.' } }
    },
  })
}
