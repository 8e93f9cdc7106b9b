import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { hoursAsMinutes, oneOf, optionalOneOf, optionalText, recordVersion, wholeNumber } from '../../../platform/http/form-fields.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'
import { attendance, meetingOutcomes, viewsHeard } from '../../../vocabulary/referrals.ts'

const outcomeSchema = z
  .object({
    contactCount: wholeNumber('Number of contacts', { min: 0, max: 500, requiredMessage: 'Enter how many times the advocate was in contact with the person' }),
    contactSummary: optionalText('How the advocate kept in contact', 2000),
    advocateAttended: oneOf(attendance.values, 'Select whether the advocate attended the meeting'),
    viewsHeard: optionalOneOf(viewsHeard.values, "Select whether the person's views were heard"),
    meetingOutcome: optionalOneOf(meetingOutcomes.values, 'Select the outcome of the meeting'),
    meetingOutcomeDetails: optionalText('Outcome of the meeting', 500),
    minutesSpent: hoursAsMinutes('Hours of advocacy', { max: 200, requiredMessage: 'Enter the hours of advocacy, like 2 or 3.5' }),
    notes: optionalText('Notes'),
    version: recordVersion(),
  })
  .superRefine((form, context) => {
    const held = form.advocateAttended !== 'meeting_not_held'
    if (held && !form.viewsHeard) context.addIssue({ code: 'custom', path: ['viewsHeard'], message: "Select whether the person's views were heard" })
    if (held && !form.meetingOutcome) context.addIssue({ code: 'custom', path: ['meetingOutcome'], message: 'Select the outcome of the meeting' })
    if (form.meetingOutcome === 'other' && !form.meetingOutcomeDetails) {
      context.addIssue({ code: 'custom', path: ['meetingOutcomeDetails'], message: 'Say what the outcome of the meeting was' })
    }
  })

function options<const T extends string>(vocabulary: { values: readonly T[]; labels: Readonly<Record<T, string>> }) {
  return vocabulary.values.map((value) => ({ value, text: vocabulary.labels[value] }))
}

/** The Advocacy Outcome form, completed by FGC Advocacy Admin after the meeting. */
export function outcomeRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  stepPage(app, referrals, {
    page: 'outcome',
    events: ['record_outcome'],
    schema: outcomeSchema,
    initialValues: (referral) => {
      const outcome = referral.review?.outcome
      return {
        version: referral.review?.version,
        ...(outcome
          ? {
              contactCount: String(outcome.contactCount),
              contactSummary: outcome.contactSummary,
              advocateAttended: outcome.advocateAttended,
              viewsHeard: outcome.viewsHeard,
              meetingOutcome: outcome.meetingOutcome,
              meetingOutcomeDetails: outcome.meetingOutcomeDetails,
              minutesSpent: String(Math.round((outcome.minutesSpent / 60) * 100) / 100),
              notes: outcome.notes,
            }
          : {}),
      }
    },
    data: async () => ({ attendance: options(attendance), viewsHeard: options(viewsHeard), meetingOutcomes: options(meetingOutcomes) }),
    save: async (request, referralId, { version, ...outcome }) => {
      await referrals.recordOutcome(
        callerOf(request),
        referralId,
        { ...outcome, viewsHeard: outcome.viewsHeard, meetingOutcome: outcome.meetingOutcome },
        version,
      )
      return {
        path: `/referrals/${referralId}`,
        banner: { heading: 'Advocacy Outcome recorded', text: 'Send it to the service manager for sign-off when it is ready.' },
      }
    },
  })
}
