import { z } from 'zod'
import { optionalText } from '../../../platform/http/form-fields.ts'

/** What the way-in forms send: the code's state the page was opened at; for a letter, its language and an address to print. */
const openedAt = z.string({ error: 'Reload the page and try again' }).min(1, 'Reload the page and try again').max(64, 'Reload the page and try again')

export const issueSchema = z.object({
  openedAt,
  language: z.preprocess(
    (value) => (value === undefined ? 'en' : value),
    z.string({ error: 'Select the language of the letter' }).max(10, 'Select the language of the letter'),
  ),
  address: optionalText('The address', 500),
})

export const revokeSchema = z.object({ openedAt })
