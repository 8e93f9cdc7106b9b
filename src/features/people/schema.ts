import { z } from 'zod'
import { optionalDateInput, optionalText } from '../../platform/http/form-fields.ts'
import type { PersonSearch } from './service.ts'

const orById = ', or search by case system ID'

/** A name must have a letter in it to be searched for. */
const hasLetter = (text: string | null): text is string => text !== null && /[\p{L}\p{N}]/u.test(text)

/**
 * Finding a person, never browsing: their first and last names with their date of birth, or their
 * case system ID. What is missing is said on its own field.
 */
export const searchSchema = z
  .object({
    givenName: optionalText('First name', 100),
    familyName: optionalText('Last name', 100),
    dateOfBirth: optionalDateInput({ required: 'Enter their date of birth', label: 'Date of birth' }),
    externalId: optionalText('Case system ID', 50),
  })
  .transform((form, context): PersonSearch => {
    if (form.externalId !== null) return { by: 'externalId', externalId: form.externalId }
    if (!hasLetter(form.givenName)) context.addIssue({ code: 'custom', message: `Enter their first name${orById}`, path: ['givenName'] })
    if (!hasLetter(form.familyName)) context.addIssue({ code: 'custom', message: `Enter their last name${orById}`, path: ['familyName'] })
    if (form.dateOfBirth === null) context.addIssue({ code: 'custom', message: `Enter their date of birth${orById}`, path: ['dateOfBirth', 'day'] })
    if (!hasLetter(form.givenName) || !hasLetter(form.familyName) || form.dateOfBirth === null) return z.NEVER
    return { by: 'name', givenName: form.givenName, familyName: form.familyName, dateOfBirth: form.dateOfBirth }
  })

/** The fields of a search, as the address bar carries them: a page has been searched when any is there. */
export const searchFields = ['givenName', 'familyName', 'dateOfBirth-day', 'dateOfBirth-month', 'dateOfBirth-year', 'externalId'] as const

export function isSearched(query: Record<string, unknown>): boolean {
  return searchFields.some((field) => field in query)
}
