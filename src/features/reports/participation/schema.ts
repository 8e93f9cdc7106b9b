import { z } from 'zod'
import { lastFullQuarter, parseQuarterKey, type Period } from '../periods.ts'

const text = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'string' ? value.trim() : null))

/** The quarter chooser (a GET form): a quarter from the list, and whether to show the figures as they leave the service. */
export const quarterSchema = z
  .object({
    quarter: text,
    published: z
      .unknown()
      .optional()
      .transform((value) => value === 'yes'),
  })
  .transform((form, context): { quarter: Period; published: boolean } => {
    const quarter = parseQuarterKey(form.quarter ?? '')
    if (quarter) return { quarter, published: form.published }
    context.addIssue({ code: 'custom', message: 'Select a quarter from the list', path: ['quarter'] })
    return z.NEVER
  })

/** The page shows the last quarter that has ended when none is asked for: the group meets after it. */
export function defaultQuarter(today: string): Period {
  return lastFullQuarter(today)
}
