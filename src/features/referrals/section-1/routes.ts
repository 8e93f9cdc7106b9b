import type { FastifyInstance } from 'fastify'
import { callerOf } from '../../../platform/http/authentication.ts'
import { dateInputValues } from '../../../platform/http/form-fields.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { adjustmentLabels, adjustmentOptions, consentMethodLabels, consentMethods, genderPreferenceLabels, genderPreferences } from '../section-one.ts'
import type { ReferralService, ReferralView } from '../service.ts'
import { sectionOneSchema } from './schema.ts'

type Params = { Params: { referralId: string } }

function yesNo(value: boolean | null): string | undefined {
  return value === null ? undefined : value ? 'yes' : 'no'
}

/** The saved answers in the shape the form shows them. */
function valuesFrom(referral: ReferralView): Record<string, unknown> {
  const s = referral.sectionOne
  return {
    consentGiven: yesNo(s.consentGiven),
    consentMethod: s.consentMethod,
    ...dateInputValues('consentDate', s.consentDate),
    consentDetails: s.consentDetails,
    reason: s.reason,
    hasPreference: yesNo(s.hasPreference),
    preferenceDetails: s.preferenceDetails,
    preferredGender: s.preferredGender,
    preferredLanguages: s.preferredLanguages.join(', '),
    preferredHeritage: s.preferredHeritage,
    interpreterNeeded: yesNo(s.interpreterNeeded),
    hasDisability: yesNo(s.hasDisability),
    disabilityDetails: s.disabilityDetails,
    adjustments: s.adjustments,
    hasOtherNeeds: yesNo(s.hasOtherNeeds),
    otherNeedsDetails: s.otherNeedsDetails,
    domesticAbuseBetweenParents: yesNo(s.domesticAbuseBetweenParents),
    safetyNotes: s.safetyNotes,
  }
}

const options = {
  consentMethods: consentMethods.map((value) => ({ value, text: consentMethodLabels[value] })),
  genders: genderPreferences.map((value) => ({ value, text: genderPreferenceLabels[value] })),
  adjustments: adjustmentOptions.map((value) => ({ value, text: adjustmentLabels[value] })),
}

/** Section 1, the referral form: save as a draft at any point, or save and continue when it is complete. */
export function sectionOneRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  app.get<Params>('/referrals/:referralId/section-1', async (request, reply) => {
    const referral = await referrals.view(callerOf(request), request.params.referralId)
    if (!referral.actions.save_referral) return reply.redirectKeepingErrors(`/referrals/${referral.id}`)
    const form = request.pageFlash.form
    const values = form?.values ?? valuesFrom(referral)
    return reply.view('features/referrals/section-1/section-1.njk', {
      referral,
      values,
      version: values['version'] ?? referral.sectionOne.version,
      errors: form?.errors,
      options,
    })
  })

  app.post<Params>('/referrals/:referralId/section-1', async (request, reply) =>
    submitForm(request, reply, sectionOneSchema, async ({ version, action, ...answers }) => {
      const { referralId } = request.params
      const { missing } = await referrals.saveSectionOne(callerOf(request), referralId, answers, version)
      if (action === 'draft')
        return {
          path: `/referrals/${referralId}`,
          banner: { heading: 'Your draft has been saved', text: 'You can come back to it from your work at any time.' },
        }
      if (missing.length > 0) throw new FormRefusal(missing, { saved: true })
      return `/referrals/${referralId}/check`
    }),
  )
}
