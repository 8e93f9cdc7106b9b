import type { FastifyInstance } from 'fastify'
import { callerOf } from '../../../platform/http/authentication.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import type { ReferralService } from '../service.ts'
import { pageQuestions } from './questions.ts'
import { formValuesFrom, sectionOneSchema } from './schema.ts'

type Params = { Params: { referralId: string } }

const questions = pageQuestions()

/** Section 1, the referral form: save as a draft at any point, or save and continue when it is complete. */
export function sectionOneRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  app.get<Params>('/referrals/:referralId/section-1', async (request, reply) => {
    const referral = await referrals.view(callerOf(request), request.params.referralId)
    if (!referral.actions.save_referral) return reply.redirectKeepingErrors(`/referrals/${referral.id}`)
    const form = request.pageFlash.form
    const values = form?.values ?? formValuesFrom(referral.sectionOne)
    return reply.view('features/referrals/section-1/section-1.njk', {
      referral,
      values,
      version: values['version'] ?? referral.sectionOne.version,
      errors: form?.errors,
      questions,
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
