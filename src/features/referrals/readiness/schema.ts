import { z } from 'zod'
import { optionalDateInput, optionalOneOf, optionalText, optionalYesNo, recordVersion } from '../../../platform/http/form-fields.ts'
import { fgcStatuses } from '../../../vocabulary/meetings.ts'

/** A date something was done: today or before. */
function doneOn(label: string, today: () => string) {
  return optionalDateInput({ required: `Enter the ${label.toLowerCase()}`, label }).superRefine((date, context) => {
    if (date !== null && date > today()) context.addIssue({ code: 'custom', message: `${label} must be today or in the past`, path: ['day'] })
  })
}

/**
 * The readiness form. Each person's form shows only the answers they may record; the service keeps
 * only those, so an answer left out of someone's form is never cleared by their save.
 */
export function readinessSchema(today: () => string) {
  return z
    .object({
      reportSharedOn: doneOn('Date the report was shared with the family', today),
      chairMetOn: doneOn('Date the chair met the family', today),
      fgcStatus: optionalOneOf(fgcStatuses.values, 'Select where the Family Group Conference stands'),
      fgcWhyNot: optionalText('Why there is no Family Group Conference', 2000),
      fgcPlan: optionalYesNo('Select yes if the family is bringing a family plan'),
      interpreterBooked: optionalYesNo('Select yes if an interpreter is booked'),
      interpreterLanguage: optionalText('Language', 100),
      adjustmentsInPlace: optionalYesNo('Select yes if the adjustments are in place'),
      advocateMetOn: doneOn('Date the advocate met the person', today),
      venueConfirmed: optionalYesNo('Select yes if the venue and time are confirmed'),
      askedCommunityVenue: optionalYesNo('Select yes if the family asked for a community venue'),
      askedAnotherTime: optionalYesNo('Select yes if the family asked for another time'),
      attended: optionalYesNo('Select yes if the person attended the meeting'),
      reportReceivedInTime: optionalYesNo('Select yes if the family had the report in time'),
      chairMetBefore: optionalYesNo('Select yes if the chair met them before the meeting'),
      version: recordVersion(),
    })
    .superRefine((form, context) => {
      if ((form.fgcStatus === 'declined' || form.fgcStatus === 'not_possible') && !form.fgcWhyNot)
        context.addIssue({ code: 'custom', path: ['fgcWhyNot'], message: 'Say why there is no Family Group Conference' })
    })
    .transform(({ version, ...answers }) => ({
      version,
      answers: {
        ...answers,
        // A yes/no left unanswered is a no for what is in place; null stays "not known" after the meeting.
        interpreterBooked: answers.interpreterBooked ?? false,
        adjustmentsInPlace: answers.adjustmentsInPlace ?? false,
        venueConfirmed: answers.venueConfirmed ?? false,
        askedCommunityVenue: answers.askedCommunityVenue ?? false,
        askedAnotherTime: answers.askedAnotherTime ?? false,
        fgcWhyNot: answers.fgcStatus === 'declined' || answers.fgcStatus === 'not_possible' ? answers.fgcWhyNot : null,
      },
    }))
}
