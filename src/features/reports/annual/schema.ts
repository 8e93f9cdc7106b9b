import { z } from 'zod'
import { optionalText, recordVersion } from '../../../platform/http/form-fields.ts'
import { NARRATIVE_MAX } from '../annual-evaluation.ts'
import { financialYearOf, financialYear, parseYearKey, type Period } from '../periods.ts'

const text = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'string' ? value.trim() : null))

/** The year chooser (a GET form): a financial year from the list, and whether to show the figures as they leave the service. */
export const yearSchema = z
  .object({
    year: text,
    published: z
      .unknown()
      .optional()
      .transform((value) => value === 'yes'),
  })
  .transform((form, context): { year: Period; published: boolean } => {
    const year = parseYearKey(form.year ?? '')
    if (year) return { year, published: form.published }
    context.addIssue({ code: 'custom', message: 'Select a financial year from the list', path: ['year'] })
    return z.NEVER
  })

/** The evaluation shown when no year is asked for: the last financial year that has ended. */
export function defaultYear(today: string): Period {
  return financialYear(financialYearOf(today) - 1)
}

/** The narrative's sections, each optional, with the version the page was opened at. */
export const narrativeSchema = z.object({
  summary: optionalText('Summary', NARRATIVE_MAX),
  wentWell: optionalText('What went well', NARRATIVE_MAX),
  willChange: optionalText('What we will change', NARRATIVE_MAX),
  familiesToldUs: optionalText('What families told us', NARRATIVE_MAX),
  version: recordVersion(),
})
