import { z } from 'zod'
import { optionalDateInput, optionalText, requiredText } from '../../../platform/http/form-fields.ts'

export const chooseSchema = z.object({
  personId: z.string({ error: 'Select a person' }).uuid('Select a person'),
})

export function newPersonSchema(today: string, who: 'parent' | 'child') {
  const label = who === 'parent' ? "the parent or carer's" : "the child's"
  return z.object({
    givenName: requiredText(`Enter ${label} first name`, 'First name', 100),
    familyName: requiredText(`Enter ${label} last name`, 'Last name', 100),
    dateOfBirth: optionalDateInput({ required: 'Enter a date of birth', label: 'Date of birth' }).refine(
      (date) => date === null || (date <= today && date >= '1900-01-01'),
      { message: 'Date of birth must be in the past', path: ['day'] },
    ),
    gender: optionalText('Gender', 50),
    pronouns: optionalText('Pronouns', 50),
    externalId: optionalText('Case system ID', 50),
  })
}
