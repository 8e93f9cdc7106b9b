import { z } from 'zod'
import { optionalText } from '../../../platform/http/form-fields.ts'

/** The person found, whose family the advocate knows. */
export const knownFamilySchema = z.object({ personId: z.string({ error: 'Select a person' }).uuid('Select a person'), note: optionalText('Note', 200) })

/** Removing needs no answers, only the form token. */
export const removeSchema = z.object({})
