import { z } from 'zod'
import { oneOf, recordVersion, requiredText } from '../../platform/http/form-fields.ts'
import { concernAbouts } from '../../vocabulary/concerns.ts'

/** The most a concern, a plan or an outcome may hold. */
export const CONCERN_TEXT_LIMIT = 4000

/** An advocate raising a concern: who it is about, and what they saw or heard. */
export const advocateConcernSchema = z.object({
  about: oneOf(concernAbouts.values, 'Select whose safety you are worried about'),
  words: requiredText('Enter what you saw or heard that worries you', 'What worries you', CONCERN_TEXT_LIMIT),
})

/** Acknowledging a concern: what the person acknowledging will do, on the version they read. */
export const acknowledgeSchema = z.object({
  plan: requiredText('Enter what you will do about this concern', 'What you will do', CONCERN_TEXT_LIMIT),
  version: recordVersion(),
})

/** Closing a concern: what was done. */
export const closeSchema = z.object({
  outcome: requiredText('Enter what was done about this concern', 'What was done', CONCERN_TEXT_LIMIT),
  version: recordVersion(),
})
