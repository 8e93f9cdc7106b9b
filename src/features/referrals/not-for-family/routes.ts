import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { recordVersion, someOf } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { notForFamilyQuestions } from '../../../vocabulary/referrals.ts'
import type { ReferralService } from '../service.ts'

type Params = { Params: { referralId: string } }

const notForFamilySchema = z.object({
  marked: someOf(notForFamilyQuestions.values, 'Select answers from the list'),
  version: recordVersion(),
})

/**
 * "What the family cannot read": the referrer ticks the Section 1 answers the person must not read
 * on their own pages. Saving the page saves exactly the answers ticked.
 */
export function notForFamilyRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  app.get<Params>('/referrals/:referralId/not-for-family', async (request, reply) => {
    const caller = callerOf(request)
    const page = await referrals.notForFamilyPage(caller, request.params.referralId)
    const referral = await referrals.view(caller, request.params.referralId)
    const form = request.pageFlash.form
    const posted = form?.values['marked']
    const marked = form ? (Array.isArray(posted) ? posted : typeof posted === 'string' ? [posted] : []) : page.marked
    return reply.view('features/referrals/not-for-family/not-for-family.njk', {
      referral,
      answers: page.answers,
      marked,
      // After someone else's change, the page carries the version it now shows.
      version: form && form.notice !== 'conflict' ? (form.values['version'] ?? page.version) : page.version,
      errors: form?.errors,
    })
  })

  app.post<Params>('/referrals/:referralId/not-for-family', async (request, reply) =>
    submitForm(request, reply, notForFamilySchema, async ({ marked, version }) => {
      const { referralId } = request.params
      await referrals.markNotForFamilyAnswers(callerOf(request), referralId, marked, version)
      return {
        path: `/referrals/${referralId}`,
        banner: {
          heading: 'What the family can read has been saved',
          text: marked.length === 0 ? 'They can read every answer in Section 1.' : 'The answers you ticked are left out of their own pages.',
        },
      }
    }),
  )
}
