import { z } from 'zod'
import { dateInput, requiredText } from '../../../platform/http/form-fields.ts'

export const cohortSchema = z.object({
  name: requiredText('Enter a name for the cohort', 'Cohort name', 100),
  startsOn: dateInput({ required: 'Enter the date of the first session', label: 'Date of the first session' }),
})
