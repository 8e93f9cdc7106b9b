import { z } from 'zod'
import { optionalTextKey } from '../public/fields.ts'
import { BETTER_MAX, quoteAnswers, scales, type Answers } from './questionnaire.ts'

/** The questionnaire's fields, in the order the page asks them (for the error summary). */
export const answerFields = ['listened', 'understood', 'advocateHelped', 'reportsInTime', 'chairMetFirst', 'better', 'mayQuote'] as const

/** A question left unanswered is null; an answer not on its scale is refused. Messages are catalogue keys. */
function answerOn<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((value) => (value === undefined || value === '' ? null : value), z.enum(values, { error: 'feedback:errors.choice' }).nullable())
}

export const answersSchema = z.object({
  listened: answerOn(scales.felt),
  understood: answerOn(scales.felt),
  advocateHelped: answerOn(scales.felt),
  reportsInTime: answerOn(scales.happened),
  chairMetFirst: answerOn(scales.happened),
  better: optionalTextKey(BETTER_MAX, 'feedback:errors.better'),
  mayQuote: answerOn(quoteAnswers),
}) satisfies z.ZodType<Answers>
