import { z } from 'zod'
import { isIsoDate } from '../time/calendar.ts'
import { cleanText } from './form-fields.ts'

/** A form's times and dates: GOV.UK date inputs and a time typed as a person writes it. */

/**
 * A time of day typed as "14:30", "2:30pm", "10am"; stored as "HH:MM". With no `requiredMessage`,
 * a blank answer is allowed (null).
 */
export function timeOfDay(label: string, requiredMessage?: string) {
  const message = `Enter ${label.toLowerCase()} as a time, like 10:30am or 14:00`
  return z.preprocess(
    (value) => {
      if (value !== undefined && typeof value !== 'string') return 'invalid'
      const cleaned = cleanText(value)
      if (cleaned === undefined || cleaned === '') return requiredMessage ? undefined : null
      const match = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/i.exec(cleaned.replace(/\s+/g, ''))
      if (!match) return 'invalid'
      let hours = Number(match[1])
      const minutes = Number(match[2] ?? '0')
      const period = match[3]?.toLowerCase()
      if (minutes > 59) return 'invalid'
      if (period) {
        if (hours < 1 || hours > 12) return 'invalid'
        hours = (hours % 12) + (period === 'pm' ? 12 : 0)
      } else if (hours > 23 || match[2] === undefined) {
        return 'invalid'
      }
      return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
    },
    requiredMessage
      ? z.string({ error: requiredMessage }).regex(/^\d{2}:\d{2}$/, message)
      : z
          .string({ error: message })
          .regex(/^\d{2}:\d{2}$/, message)
          .nullable(),
  )
}

export interface DateMessages {
  /** "Enter the date of the meeting" */
  readonly required: string
  /** "Date of the meeting" — starts the other messages */
  readonly label: string
}

/**
 * A GOV.UK date input (`name-day`, `name-month`, `name-year`), as an ISO date. Messages follow the
 * design system: what is missing, or that it must be a real date. The summary links to the first
 * part that is wrong.
 */
export function dateInput(messages: DateMessages) {
  return dateParts(messages, false).pipe(z.string())
}

/** A GOV.UK date input that may be left empty (null). */
export function optionalDateInput(messages: DateMessages) {
  return dateParts(messages, true)
}

function dateParts(messages: DateMessages, optional: boolean) {
  const parts = ['day', 'month', 'year'] as const
  // Preprocessed first: zod refuses an absent key before a bare transform would run.
  return z.preprocess(
    (value) => value ?? {},
    z.unknown().transform((value, context): string | null => {
      const given = value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
      const sentTwice = parts.find((part) => given[part] !== undefined && typeof given[part] !== 'string')
      if (sentTwice) {
        context.addIssue({ code: 'custom', message: `${messages.label} must be a real date`, path: [sentTwice] })
        return z.NEVER
      }
      const text = Object.fromEntries(parts.map((part) => [part, cleanText(given[part]) ?? ''])) as Record<(typeof parts)[number], string>
      const missing = parts.filter((part) => text[part] === '')
      if (missing.length === 3) {
        if (optional) return null
        context.addIssue({ code: 'custom', message: messages.required, path: ['day'] })
        return z.NEVER
      }
      if (missing.length > 0) {
        const first = missing[0] ?? 'day'
        const named = missing.length === 2 ? `${missing[0]} and ${missing[1]}` : first
        context.addIssue({ code: 'custom', message: `${messages.label} must include a ${named}`, path: [first] })
        return z.NEVER
      }
      for (const part of parts) {
        if (!/^\d+$/.test(text[part])) {
          context.addIssue({ code: 'custom', message: `${messages.label} must be a real date`, path: [part] })
          return z.NEVER
        }
      }
      if (text.year.length !== 4) {
        context.addIssue({ code: 'custom', message: 'Year must include 4 numbers', path: ['year'] })
        return z.NEVER
      }
      const iso = `${text.year}-${text.month.padStart(2, '0')}-${text.day.padStart(2, '0')}`
      if (text.day.length > 2 || text.month.length > 2 || !isIsoDate(iso)) {
        context.addIssue({ code: 'custom', message: `${messages.label} must be a real date`, path: ['day'] })
        return z.NEVER
      }
      return iso
    }),
  )
}

/** Splits an ISO date into the values a GOV.UK date input shows. */
export function dateInputValues(name: string, iso: string | null | undefined): Record<string, string> {
  const [year = '', month = '', day = ''] = (iso ?? '').split('-')
  return {
    [`${name}-day`]: day.replace(/^0/, ''),
    [`${name}-month`]: month.replace(/^0/, ''),
    [`${name}-year`]: year,
  }
}
