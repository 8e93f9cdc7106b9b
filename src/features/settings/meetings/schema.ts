import { z } from 'zod'
import { recordVersion, wholeNumber, yesNo } from '../../../platform/http/form-fields.ts'
import { REPORT_DAYS } from '../meeting-rules.ts'

export const meetingRulesSchema = z.object({
  reportWorkingDaysBefore: wholeNumber('How many working days before a conference the reports must reach the family', {
    min: REPORT_DAYS.min,
    max: REPORT_DAYS.max,
    requiredMessage: 'Enter how many working days before a conference the reports must reach the family',
  }),
  chairMeetsFamilyFirst: yesNo('Select yes if the chair must meet the family before the conference'),
  /** The version of the authority's settings the page was opened on. */
  version: recordVersion(),
})
