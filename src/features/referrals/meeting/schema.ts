import { z } from 'zod'
import { dateInput, oneOf, optionalText, optionalWholeNumber, timeOfDay } from '../../../platform/http/form-fields.ts'
import { addDays } from '../../../platform/time/calendar.ts'
import { meetingTypes, stages } from '../../../vocabulary/referrals.ts'

/** The meeting's date must be a sensible one: not long past, not years away. */
export function meetingDate(today: string, label = 'Date of the meeting') {
  const earliest = addDays(today, -365)
  const latest = addDays(today, 730)
  return dateInput({ required: 'Enter the date of the meeting', label }).refine((date) => date === null || (date >= earliest && date <= latest), {
    message: `${label} must be within the last year or the next 2 years`,
    path: ['day'],
  })
}

export function meetingSchema(today: string) {
  return z
    .object({
      type: oneOf(meetingTypes.values, 'Select the type of meeting'),
      typeOther: optionalText('Type of meeting', 100),
      date: meetingDate(today),
      time: timeOfDay('Time of the meeting'),
      venue: optionalText('Venue', 200),
      stage: oneOf(stages.values, 'Select the stage the family is at'),
      version: optionalWholeNumber('Version', { min: 0, max: 1_000_000_000 }),
    })
    .superRefine((form, context) => {
      if (form.type === 'other' && !form.typeOther) {
        context.addIssue({ code: 'custom', path: ['typeOther'], message: 'Enter the type of meeting' })
      }
    })
}
