import { z } from 'zod'
import { cleanText } from '../../platform/http/form-fields.ts'
import { isId } from '../../platform/ids.ts'

/** Answers the programme's forms share: advocates chosen from a list. Whose ids they are is the service's to check. */

/** Checkboxes whose values are advocates' ids: none, one or several, each once. */
export function advocateIds(message: string, max = 200) {
  return z.preprocess(
    (value) => (value === undefined || value === '' ? [] : [...new Set([value].flat())]),
    z
      .array(
        z
          .string({ error: message })
          .refine(isId, message)
          .transform((id) => id.toLowerCase()),
        { error: message },
      )
      .max(max, message)
      .transform((ids) => [...new Set(ids)]),
  )
}

/** One advocate chosen from a list (a select or radios). */
export function chosenAdvocate(message: string) {
  return z.preprocess(
    cleanText,
    z
      .string({ error: message })
      .min(1, message)
      .refine(isId, message)
      .transform((id) => id.toLowerCase()),
  )
}
