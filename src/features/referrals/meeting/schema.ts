import { z } from 'zod'
import { dateInput, oneOf, optionalDateInput, optionalOneOf, optionalText, optionalWholeNumber, timeOfDay } from '../../../platform/http/form-fields.ts'
import { addDays } from '../../../platform/time/calendar.ts'
import { previousConferences } from '../../../vocabulary/meetings.ts'
import { meetingTypes, stages } from '../../../vocabulary/referrals.ts'

/** How far ahead a meeting may be booked. */
const LATEST_YEARS = 2

/**
 * The meeting's date, for the meeting step and for reschedule alike: today or later (a referral for
 * a meeting that has happened helps nobody, and would read as made "-7 days before the meeting"),
 * and not years away. `today` is asked when a form is checked, so the rule never goes stale.
 */
export function meetingDate(today: () => string, label = 'Date of the meeting') {
  return dateInput({ required: 'Enter the date of the meeting', label }).superRefine((date, context) => {
    const now = today()
    if (date < now) context.addIssue({ code: 'custom', message: `${label} must be today or in the future`, path: ['day'] })
    else if (date > addDays(now, 365 * LATEST_YEARS))
      context.addIssue({ code: 'custom', message: `${label} must be within the next ${LATEST_YEARS} years`, path: ['day'] })
  })
}

export function meetingSchema(today: () => string) {
  return z
    .object({
      type: oneOf(meetingTypes.values, 'Select the type of meeting'),
      typeOther: optionalText('Type of meeting', 100),
      date: meetingDate(today),
      time: timeOfDay('Time of the meeting'),
      venue: optionalText('Venue', 200),
      stage: oneOf(stages.values, 'Select the stage the family is at'),
      // The conference clock (issue 12): what an initial conference or a review runs from.
      strategyDiscussionOn: optionalDateInput({ required: 'Enter the date of the strategy discussion', label: 'Date of the strategy discussion' }),
      previousConferenceOn: optionalDateInput({ required: 'Enter the date of the last conference', label: 'Date of the last conference' }),
      previousConference: optionalOneOf(previousConferences.values, 'Select which conference the last one was'),
      conferenceLateReason: optionalText('Why the conference is late', 2000),
      version: optionalWholeNumber('Version', { min: 0, max: 1_000_000_000 }),
    })
    .superRefine((form, context) => {
      if (form.type === 'other' && !form.typeOther) {
        context.addIssue({ code: 'custom', path: ['typeOther'], message: 'Enter the type of meeting' })
      }
      const now = today()
      if (form.type === 'initial_conference' && form.strategyDiscussionOn) {
        if (form.strategyDiscussionOn > now)
          context.addIssue({ code: 'custom', path: ['strategyDiscussionOn', 'day'], message: 'Date of the strategy discussion must be today or in the past' })
      }
      if (form.type === 'review_conference') {
        if (form.previousConferenceOn && form.previousConferenceOn > now)
          context.addIssue({ code: 'custom', path: ['previousConferenceOn', 'day'], message: 'Date of the last conference must be today or in the past' })
        if (form.previousConferenceOn && !form.previousConference)
          context.addIssue({ code: 'custom', path: ['previousConference'], message: 'Select which conference the last one was' })
      }
    })
    .transform((form) => ({
      ...form,
      // Only the dates the meeting's own clock runs from are kept.
      strategyDiscussionOn: form.type === 'initial_conference' ? form.strategyDiscussionOn : null,
      previousConferenceOn: form.type === 'review_conference' ? form.previousConferenceOn : null,
      previousConference: form.type === 'review_conference' && form.previousConferenceOn ? form.previousConference : null,
    }))
}
