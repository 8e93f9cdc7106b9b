import nunjucks from 'nunjucks'
import type { FieldError } from './session.ts'

/**
 * Template filters: small pure functions named for what they format. Dates are shown as GOV.UK
 * writes them ("24 November 2026", "3:05pm"), always in UK time.
 */

const LONDON = 'Europe/London'

const dayMonthYear = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric' })
const shortDayMonthYear = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'short', year: 'numeric' })
const timeParts = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: 'numeric', minute: '2-digit', hour12: true })
const weekdayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' })

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00Z`)
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? undefined : date
  }
  return undefined
}

/** "24 November 2026". A `YYYY-MM-DD` date is a calendar day and is never shifted. */
export function formatDate(value: unknown): string {
  const date = toDate(value)
  return date ? dayMonthYear.format(date) : ''
}

export function formatShortDate(value: unknown): string {
  const date = toDate(value)
  return date ? shortDayMonthYear.format(date) : ''
}

/** "Tuesday 24 November 2026" for a calendar day. */
export function formatDayAndDate(value: unknown): string {
  const date = toDate(value)
  return date ? `${weekdayFormat.format(date)} ${dayMonthYear.format(date)}` : ''
}

/** "3:05pm", "10am". */
export function formatTime(value: unknown): string {
  const date = toDate(value)
  if (!date) return ''
  const parts = timeParts.formatToParts(date)
  const hour = parts.find((part) => part.type === 'hour')?.value ?? ''
  const minute = parts.find((part) => part.type === 'minute')?.value ?? '00'
  const period = (parts.find((part) => part.type === 'dayPeriod')?.value ?? '').toLowerCase().replace(/\./g, '').replace(/\s/g, '')
  return `${hour}${minute === '00' ? '' : `:${minute}`}${period}`
}

/** "24 November 2026 at 3:05pm". */
export function formatDateTime(value: unknown): string {
  const date = toDate(value)
  return date ? `${formatDate(date)} at ${formatTime(date)}` : ''
}

/** A meeting's time as typed and stored ("14:30") shown as "2:30pm". */
export function formatClockTime(value: unknown): string {
  if (typeof value !== 'string') return ''
  const match = /^(\d{2}):(\d{2})$/.exec(value)
  if (!match) return ''
  const hours = Number(match[1])
  const minutes = match[2]
  const hour12 = hours % 12 === 0 ? 12 : hours % 12
  return `${hour12}${minutes === '00' ? '' : `:${minutes}`}${hours < 12 ? 'am' : 'pm'}`
}

/** The MOJ Frontend timeline asks for `mojDate`; it is answered with the same formats. */
export function mojDate(value: unknown, type: unknown): string {
  switch (type) {
    case 'datetime':
      return formatDateTime(value)
    case 'shortdatetime':
      return `${formatShortDate(value)} at ${formatTime(value)}`
    case 'shortdate':
      return formatShortDate(value)
    case 'time':
      return formatTime(value)
    default:
      return formatDate(value)
  }
}

/** The `errorMessage` option of a GOV.UK macro for one field, or `false` when it has no error. */
export function fieldError(errors: readonly FieldError[] | undefined, field: string): { text: string } | false {
  const error = errors?.find((candidate) => candidate.field === field)
  return error ? { text: error.message } : false
}

/** The `errorList` of a GOV.UK error summary, each item linked to its field. */
export function errorSummaryList(errors: readonly FieldError[] | undefined): { text: string; href: string }[] {
  return (errors ?? []).map((error) => ({ text: error.message, href: error.href ?? `#${error.field}` }))
}

/** "1 person", "3 people". */
export function plural(count: unknown, singular: string, pluralForm = `${singular}s`): string {
  const n = typeof count === 'number' ? count : Number(count)
  return `${n} ${n === 1 ? singular : pluralForm}`
}

interface TableOptions {
  readonly head?: readonly ({ readonly text?: unknown; readonly label?: unknown } | null | undefined)[]
  readonly rows?: readonly (readonly ({ readonly attributes?: Record<string, unknown> } | null | undefined)[] | null | undefined)[]
}

/**
 * A GOV.UK table's options with every body cell named by its column's header: `data-label`, which
 * the stacked layout of a narrow screen shows (app.css). A header's `label` wins over its `text`;
 * a header with only `html` gives no label.
 */
export function labelledCells(options: unknown): unknown {
  if (!options || typeof options !== 'object') return options
  const table = options as TableOptions
  const labels = (table.head ?? []).map((header) => (typeof header?.label === 'string' ? header.label : typeof header?.text === 'string' ? header.text : ''))
  return {
    ...table,
    rows: (table.rows ?? []).map((row) =>
      row ? row.map((cell, index) => (cell ? { ...cell, attributes: { 'data-label': labels[index] ?? '', ...cell.attributes } } : cell)) : row,
    ),
  }
}

/**
 * Nunjucks' own `trim`, by String's trim instead of its regular expression (`/^\s*|\s*$/g`), whose
 * cost grows with the square of each run of spaces: GOV.UK's macros trim every component's indented
 * markup, and on a referral's page that expression was 0.27 ms of about 10. The same result, and
 * markup marked safe stays safe.
 */
export function trim(value: string | nunjucks.runtime.SafeString): string | nunjucks.runtime.SafeString {
  const trimmed = String(value).trim()
  return value instanceof nunjucks.runtime.SafeString ? new nunjucks.runtime.SafeString(trimmed) : trimmed
}
