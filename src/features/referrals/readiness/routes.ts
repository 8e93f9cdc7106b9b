import type { FastifyInstance } from 'fastify'
import { callerOf } from '../../../platform/http/authentication.ts'
import { dateInputValues } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { londonDate, type Clock } from '../../../platform/time/clock.ts'
import { fgcStatuses } from '../../../vocabulary/meetings.ts'
import { labels } from '../../../vocabulary/referrals.ts'
import type { ReadinessAnswers } from '../readiness-view.ts'
import type { ReferralService } from '../service.ts'
import { readinessSchema } from './schema.ts'

type Params = { Params: { referralId: string } }

const yesNo = (value: boolean | null | undefined) => (value === true ? 'yes' : value === false ? 'no' : undefined)

/** The form's values from what is recorded. */
function valuesOf(answers: ReadinessAnswers): Record<string, unknown> {
  return {
    ...dateInputValues('reportSharedOn', answers.reportSharedOn),
    ...dateInputValues('chairMetOn', answers.chairMetOn),
    ...dateInputValues('advocateMetOn', answers.advocateMetOn),
    fgcStatus: answers.fgcStatus,
    fgcWhyNot: answers.fgcWhyNot,
    fgcPlan: yesNo(answers.fgcPlan),
    interpreterBooked: yesNo(answers.interpreterBooked),
    interpreterLanguage: answers.interpreterLanguage,
    adjustmentsInPlace: yesNo(answers.adjustmentsInPlace),
    venueConfirmed: yesNo(answers.venueConfirmed),
    askedCommunityVenue: yesNo(answers.askedCommunityVenue),
    askedAnotherTime: yesNo(answers.askedAnotherTime),
    attended: yesNo(answers.attended),
    reportReceivedInTime: yesNo(answers.reportReceivedInTime),
    chairMetBefore: yesNo(answers.chairMetBefore),
  }
}

/**
 * Whether the meeting is ready for the family (issue 12): each item, when it is due and who it
 * waits on, and a form for what this person may record. Open to the referrer, the advocacy service
 * and the allocated advocate, each seeing only what their role may.
 */
export function readinessRoutes(app: FastifyInstance, { referrals, clock }: { referrals: ReferralService; clock: Clock }): void {
  app.get<Params>('/referrals/:referralId/readiness', async (request, reply) => {
    const page = await referrals.meetingReadiness(callerOf(request), request.params.referralId)
    const form = request.pageFlash.form
    const values = form?.values ?? valuesOf(page.readiness.answers)
    return reply.view('features/referrals/readiness/readiness.njk', {
      page,
      referral: page.referral,
      readiness: page.readiness,
      values,
      version: form?.values['version'] ?? page.readiness.version,
      errors: form?.errors,
      records: Object.fromEntries(page.readiness.mayRecord.map((item) => [item, true])),
      fgcStatuses: fgcStatuses.values.map((value) => ({ value, text: fgcStatuses.labels[value] })),
      labels,
      backTo: page.readiness.relation === 'advocate' ? '/my-people' : `/referrals/${page.referral.id}`,
    })
  })

  app.post<Params>('/referrals/:referralId/readiness', async (request, reply) =>
    submitForm(
      request,
      reply,
      readinessSchema(() => londonDate(clock.now())),
      async ({ version, answers }) => {
        await referrals.saveMeetingReadiness(callerOf(request), request.params.referralId, answers, version)
        return {
          path: `/referrals/${request.params.referralId}/readiness`,
          banner: { heading: 'Readiness saved', text: 'The list below shows what is still to do.' },
        }
      },
    ),
  )
}
