import { z } from 'zod'
import { cleanText, optionalDateInput, optionalText } from '../../platform/http/form-fields.ts'

/** Finding a person: part of a name, and optionally a date of birth or case system ID. */
export const searchSchema = z.object({
  name: z.preprocess(
    cleanText,
    z.string({ error: 'Enter a name to search for' }).min(2, 'Enter at least 2 letters of a name').max(100, 'Name must be 100 characters or fewer'),
  ),
  dateOfBirth: optionalDateInput({ required: 'Enter a date of birth', label: 'Date of birth' }),
  externalId: optionalText('Case system ID', 50),
})
