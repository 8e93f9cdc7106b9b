import { z } from 'zod'
import { oneOf, optionalText, recordVersion, someIds } from '../../../platform/http/form-fields.ts'
import { QUOTE_MAX } from '../themes.ts'

/**
 * Coding one free-text answer: its themes, whether the person agreed their words may be quoted, the
 * words as they may be quoted (with names taken out), and the version the page was opened at.
 */
export const codingSchema = z
  .object({
    themes: someIds('Choose themes from the list'),
    mayQuote: oneOf(['yes', 'no', 'not_asked'], 'Select whether they agreed their words may be quoted').transform((answer) =>
      answer === 'not_asked' ? null : answer,
    ),
    quote: optionalText('The words to quote', QUOTE_MAX),
    version: recordVersion(),
  })
  .superRefine((form, context) => {
    if (form.mayQuote === 'yes' && form.quote === null)
      context.addIssue({ code: 'custom', message: 'Enter the words that may be quoted, without names', path: ['quote'] })
  })
