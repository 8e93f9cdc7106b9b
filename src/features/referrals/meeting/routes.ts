import type { FastifyInstance } from 'fastify'
import { callerOf } from '../../../platform/http/authentication.ts'
import { dateInputValues } from '../../../platform/http/form-fields.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { previousConferences } from '../../../vocabulary/meetings.ts'
import { ConferenceLateReasonNeededError } from '../../meetings/conference-clock.ts'
import { londonDate, type Clock } from '../../../platform/time/clock.ts'
import type { ReferralService } from '../service.ts'
import { meetingTypes, stages } from '../../../vocabulary/referrals.ts'
import { changingFromCheck, nextAfterSaving } from '../step-page.ts'
import { meetingSchema } from './schema.ts'

type Params = { Params: { referralId: string } }

/** The meeting the advocate is needed for, and the stage the family is at. */
export function meetingRoutes(app: FastifyInstance, { referrals, clock }: { referrals: ReferralService; clock: Clock }): void {
  app.get<Params>('/referrals/:referralId/meeting', async (request, reply) => {
    const referral = await referrals.view(callerOf(request), request.params.referralId)
    if (!referral.actions.save_referral) return reply.redirectKeepingErrors(`/referrals/${referral.id}`)
    const meeting = referral.meeting
    const form = request.pageFlash.form
    const values = form?.values ?? {
      type: meeting?.type,
      typeOther: meeting?.typeOther,
      ...dateInputValues('date', meeting?.date),
      time: meeting?.time,
      venue: meeting?.venue,
      stage: referral.stage,
      ...dateInputValues('strategyDiscussionOn', meeting?.strategyDiscussionOn ?? undefined),
      ...dateInputValues('previousConferenceOn', meeting?.previousConferenceOn ?? undefined),
      previousConference: meeting?.previousConference,
      conferenceLateReason: meeting?.conference?.lateReason,
    }
    return reply.view('features/referrals/meeting/meeting.njk', {
      referral,
      values,
      version: values['version'] ?? meeting?.version ?? '',
      errors: form?.errors,
      fromCheck: changingFromCheck(request),
      meetingTypes: meetingTypes.values.map((value) => ({ value, text: meetingTypes.labels[value] })),
      stages: stages.values.map((value) => ({ value, text: stages.labels[value] })),
      conference: meeting?.conference ?? null,
      previousConferences: previousConferences.values.map((value) => ({ value, text: previousConferences.labels[value] })),
      // Asked for once the date is set after the conference's due date, and kept while it is.
      askLateReason: Boolean(values['conferenceLateReason']) || (form?.errors ?? []).some((error) => error.field === 'conferenceLateReason'),
    })
  })

  app.post<Params>('/referrals/:referralId/meeting', async (request, reply) =>
    submitForm(
      request,
      reply,
      meetingSchema(() => londonDate(clock.now())),
      async (meeting) => {
        try {
          await referrals.saveMeeting(callerOf(request), request.params.referralId, meeting, meeting.version)
        } catch (error) {
          if (error instanceof ConferenceLateReasonNeededError) throw FormRefusal.field('conferenceLateReason', error.message)
          throw error
        }
        return nextAfterSaving(request, request.params.referralId, `/referrals/${request.params.referralId}/section-1`)
      },
    ),
  )
}
