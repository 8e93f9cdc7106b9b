import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { dateInput, oneOf, optionalText, recordVersion } from '../../../platform/http/form-fields.ts'
import { FormRefusal } from '../../../platform/http/submit-form.ts'
import { londonDate, type Clock } from '../../../platform/time/clock.ts'
import { consentMethods } from '../../../vocabulary/referrals.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'

const consentSchema = z.object({
  method: oneOf(consentMethods.values, 'Select how the person gave their consent'),
  date: dateInput({ required: 'Enter the date the person gave their consent', label: 'Date consent was given' }),
  details: optionalText('Details', 2000),
  version: recordVersion(),
})

/** Consent given after the referral was sent: recorded by FGC Advocacy Admin before any advocate is. */
export function consentRoutes(app: FastifyInstance, { referrals, clock }: { referrals: ReferralService; clock: Clock }): void {
  stepPage(app, referrals, {
    page: 'consent',
    events: ['record_consent'],
    schema: consentSchema,
    initialValues: (referral) => ({ version: referral.sectionOne.version }),
    data: async () => ({ methods: consentMethods.values.map((value) => ({ value, text: consentMethods.labels[value] })) }),
    save: async (request, referralId, { method, date, details, version }) => {
      if (date && date > londonDate(clock.now())) throw FormRefusal.field('date', 'The date consent was given must be today or in the past', '#date-day')
      await referrals.recordConsent(callerOf(request), referralId, { method, date: date ?? '', details }, version)
      return { path: `/referrals/${referralId}`, banner: { heading: "The person's consent has been recorded", text: 'You can now record their advocate.' } }
    },
  })
}
