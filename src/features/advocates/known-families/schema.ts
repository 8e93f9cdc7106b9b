import { z } from 'zod'
import { optionalText, requiredText } from '../../../platform/http/form-fields.ts'

/** Looking a person up by name, to find their family. */
export const searchSchema = z.object({
  name: requiredText('Enter at least 2 letters of a name', 'Name', 100).refine((name) => name.length >= 2, 'Enter at least 2 letters of a name'),
})

/** The person found, whose family the advocate knows. */
export const knownFamilySchema = z.object({ personId: z.string({ error: 'Select a person' }).uuid('Select a person'), note: optionalText('Note', 200) })

/** Removing needs no answers, only the form token. */
export const removeSchema = z.object({})
