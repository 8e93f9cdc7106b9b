import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { dateInputValues, optionalText, recordVersion, timeOfDay } from '../../../platform/http/form-fields.ts'
import { FormRefusal } from '../../../platform/http/submit-form.ts'
import { londonDate, type Clock } from '../../../platform/time/clock.ts'
import { meetingDate } from '../meeting/schema.ts'
import type { ReferralService } from '../service.ts'
import { LateReasonNeededError } from '../timeliness.ts'
import { stepPage } from '../step-page.ts'

/** The meeting has moved: record its new date, and re-check whether the referral was made in time. */
export function rescheduleRoutes(app: FastifyInstance, { referrals, clock }: { referrals: ReferralService; clock: Clock }): void {
  stepPage(app, referrals, {
    page: 'reschedule',
    events: ['reschedule'],
    schema: z.object({
      date: meetingDate(() => londonDate(clock.now()), 'New date of the meeting'),
      time: timeOfDay('Time of the meeting'),
      venue: optionalText('Venue', 200),
      lateReason: optionalText('Why the referral is late', 2000),
      version: recordVersion(),
    }),
    initialValues: (referral) => ({
      ...dateInputValues('date', referral.meeting?.date),
      time: referral.meeting?.time,
      venue: referral.meeting?.venue,
      version: referral.meeting?.version,
    }),
    save: async (request, referralId, change) => {
      const late = await referrals
        .reschedule(callerOf(request), referralId, { ...change, date: change.date ?? '' }, change.version)
        .then((result) => result.late)
        .catch((error: unknown) => {
          if (!(error instanceof LateReasonNeededError)) throw error
          throw FormRefusal.field(
            'lateReason',
            `On the new date the referral is late (made ${error.daysNotice} days before the meeting; ${error.requiredDays} are needed): say why it could not be made sooner`,
          )
        })
      return {
        path: `/referrals/${referralId}`,
        banner: {
          heading: 'Meeting rescheduled',
          text: late ? 'On the new date the referral is late, and it is flagged.' : 'On the new date the referral is on time.',
        },
      }
    },
  })
}
