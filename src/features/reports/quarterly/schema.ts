import { z } from 'zod'
import { optionalDateInput } from '../../../platform/http/date-fields.ts'
import { oneOf } from '../../../platform/http/form-fields.ts'
import { lastFullQuarter, parseQuarterKey, parseYearKey, range, rangeProblem, type Period } from '../periods.ts'

/** The fields of the period chooser, as the address bar carries them: the return has been asked for a period when any is there. */
export const periodFields = ['period', 'quarter', 'year', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year', 'published'] as const

export function isChosen(query: Record<string, unknown>): boolean {
  return periodFields.some((field) => field in query)
}

const text = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'string' ? value.trim() : null))

/**
 * The period chooser (a GET form): a quarter or a financial year from its list, or any range of
 * days; and whether to show the figures as they would leave the service. Whatever the address bar
 * says, the answer is a period or an error on its field.
 */
export const periodSchema = z
  .object({
    period: oneOf(['quarter', 'year', 'range'], 'Select a quarter, a financial year or a range of dates'),
    quarter: text,
    year: text,
    from: optionalDateInput({ required: 'Enter the first day of the period', label: 'First day of the period' }),
    to: optionalDateInput({ required: 'Enter the last day of the period', label: 'Last day of the period' }),
    published: z
      .unknown()
      .optional()
      .transform((value) => value === 'yes'),
  })
  .transform((form, context): { period: Period; published: boolean } => {
    if (form.period === 'quarter') {
      const period = parseQuarterKey(form.quarter ?? '')
      if (period) return { period, published: form.published }
      context.addIssue({ code: 'custom', message: 'Select a quarter from the list', path: ['quarter'] })
      return z.NEVER
    }
    if (form.period === 'year') {
      const period = parseYearKey(form.year ?? '')
      if (period) return { period, published: form.published }
      context.addIssue({ code: 'custom', message: 'Select a financial year from the list', path: ['year'] })
      return z.NEVER
    }
    if (form.from === null) context.addIssue({ code: 'custom', message: 'Enter the first day of the period', path: ['from', 'day'] })
    if (form.to === null) context.addIssue({ code: 'custom', message: 'Enter the last day of the period', path: ['to', 'day'] })
    if (form.from === null || form.to === null) return z.NEVER
    const problem = rangeProblem(form.from, form.to)
    if (problem) {
      context.addIssue({ code: 'custom', message: problem, path: ['to', 'day'] })
      return z.NEVER
    }
    return { period: range(form.from, form.to), published: form.published }
  })

/** What the return shows when no period is asked for: the last quarter that has ended, as it is. */
export function defaultChoice(today: string): { period: Period; published: boolean } {
  return { period: lastFullQuarter(today), published: false }
}
