import { z } from 'zod'
import { cleanText } from '../../../platform/http/form-fields.ts'
import { concernAbouts } from '../../../vocabulary/concerns.ts'

/** The most a person may write in one concern. */
export const FAMILY_WORDS_LIMIT = 2000

/** A person's concern from their own pages: who they are worried about, and, if they want, what. Messages are `concerns` catalogue keys. */
export const familyConcernSchema = z.object({
  about: z.enum(concernAbouts.values, { error: 'error.about' }),
  words: z.preprocess(
    (value) => {
      if (value === undefined || value === null) return null
      const cleaned = cleanText(value)
      return cleaned === '' ? null : (cleaned ?? value)
    },
    z.string({ error: 'error.tooLong' }).max(FAMILY_WORDS_LIMIT, 'error.tooLong').nullable(),
  ),
})
