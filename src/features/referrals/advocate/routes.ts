import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { oneOf, recordVersion, requiredText } from '../../../platform/http/form-fields.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'
import { advocateTypes } from '../vocabulary.ts'

const advocateSchema = z.object({
  name: requiredText("Enter the advocate's name", "Advocate's name", 200),
  type: oneOf(advocateTypes.values, 'Select the type of advocate'),
  version: recordVersion(),
})

/** Child Protection Advocacy Review: who the advocate is (a name and type; matching comes later). */
export function advocateRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  stepPage(app, referrals, {
    page: 'advocate',
    events: ['record_advocate'],
    schema: advocateSchema,
    initialValues: (referral) => ({
      name: referral.review?.advocateName,
      type: referral.review?.advocateType ?? referral.decision?.advocateType,
      version: referral.review?.version,
    }),
    data: async () => ({ types: advocateTypes.values.map((value) => ({ value, text: advocateTypes.labels[value] })) }),
    save: async (request, referralId, advocate) => {
      await referrals.recordAdvocate(callerOf(request), referralId, advocate, advocate.version)
      return { path: `/referrals/${referralId}`, banner: { heading: 'Advocate recorded', text: `${advocate.name} is recorded as the advocate.` } }
    },
  })
}
