import { z } from 'zod'
import type { FieldError } from './session.ts'

/**
 * Building blocks for a page's form schema. Each carries the GOV.UK-style message a person sees,
 * and answers anything a browser (or anyone else) might send: a missing field, a field sent twice,
 * a megabyte of text, control characters. None of these reaches the database unchecked.
 */

export const DEFAULT_TEXT_LIMIT = 5000

/** Text as a person meant it: invisible control characters removed, line endings made one kind. */
export function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim()
}

function thousands(count: number): string {
  return count.toLocaleString('en-GB')
}

/** A text answer that must be given. `label` names it in the "too long" message. */
export function requiredText(message: string, label: string, max = DEFAULT_TEXT_LIMIT) {
  return z.preprocess(
    cleanText,
    z
      .string({ error: message })
      .min(1, message)
      .max(max, `${label} must be ${thousands(max)} characters or fewer`),
  )
}

/** A text answer that may be left blank (blank becomes null). */
export function optionalText(label: string, max = DEFAULT_TEXT_LIMIT) {
  return z.preprocess(
    (value) => {
      if (value === undefined || value === null) return null
      const cleaned = cleanText(value)
      return cleaned === '' ? null : (cleaned ?? value)
    },
    z
      .string({ error: `${label} must be text` })
      .max(max, `${label} must be ${thousands(max)} characters or fewer`)
      .nullable(),
  )
}

export const EMAIL_MAX_LENGTH = 320

/**
 * What no email address holds: control characters (NUL among them), spaces and line breaks inside
 * it, and invisible format characters (a zero-width space). Refused rather than removed, so an
 * account is never opened under an address nobody typed.
 */
const NOT_IN_AN_EMAIL = /[\p{Cc}\p{Cf}\p{Z}\u2028\u2029]/u

function emailText(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '') : value
}

function emailSchema(messages: { required: string; format: string }) {
  return z
    .string({ error: messages.required })
    .max(EMAIL_MAX_LENGTH, `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`)
    .refine((text) => !NOT_IN_AN_EMAIL.test(text), messages.format)
    .pipe(z.email({ error: messages.format }))
}

/**
 * An email address, which must be given: the one email field every form uses. Spaces around it are
 * let go; anything else that cannot be in an address gets the format message.
 */
export function emailAddress(messages: { required: string; format: string }) {
  return z.preprocess(emailText, z.string({ error: messages.required }).min(1, messages.required).pipe(emailSchema(messages)))
}

/** An email address that may be left blank (null). */
export function optionalEmailAddress(format: string) {
  return z.preprocess(
    (value) => {
      const text = emailText(value ?? '')
      return text === '' ? null : text
    },
    emailSchema({ required: format, format }).nullable(),
  )
}

/** Radios with the answers "yes" and "no", as a boolean. */
export function yesNo(message: string) {
  return z.enum(['yes', 'no'], { error: message }).transform((answer) => answer === 'yes')
}

/** Radios: exactly one of these values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message })
}

/** What checkboxes send, as a list: none, one (a browser sends it as a plain string) or several, each once. */
function asList(value: unknown): unknown[] {
  if (value === undefined || value === '') return []
  return Array.isArray(value) ? [...new Set<unknown>(value)] : [value]
}

/** Checkboxes: none, one or several of these values (a browser sends one as a plain string). */
export function someOf<const T extends readonly [string, ...string[]]>(values: T, message = 'Select from the options shown') {
  return z.preprocess(asList, z.array(z.enum(values, { error: message }), { error: message }).max(values.length, message))
}

function wholeNumberText(value: unknown): number | null | undefined {
  if (value !== undefined && value !== null && typeof value !== 'string') return Number.NaN
  const cleaned = cleanText(value)
  if (cleaned === undefined || cleaned === '') return null
  return /^-?\d{1,9}$/.test(cleaned.replace(/,/g, '')) ? Number(cleaned.replace(/,/g, '')) : Number.NaN
}

/** A whole number typed into a box, which must be given. */
export function wholeNumber(label: string, options: { min: number; max: number; requiredMessage: string }) {
  const message = `${label} must be a whole number between ${thousands(options.min)} and ${thousands(options.max)}`
  return z.preprocess(
    (value) => wholeNumberText(value) ?? undefined,
    z
      .number({ error: (issue) => (issue.input === undefined ? options.requiredMessage : message) })
      .int(message)
      .min(options.min, message)
      .max(options.max, message),
  )
}

/** A whole number typed into a box, which may be left blank (null). */
export function optionalWholeNumber(label: string, options: { min: number; max: number }) {
  const message = `${label} must be a whole number between ${thousands(options.min)} and ${thousands(options.max)}`
  return z.preprocess(wholeNumberText, z.number({ error: message }).int(message).min(options.min, message).max(options.max, message).nullable())
}

/** Hours as a decimal ("3.5"), returned as whole minutes. */
export function hoursAsMinutes(label: string, options: { max: number; requiredMessage: string }) {
  const message = `${label} must be a number of hours between 0 and ${options.max}, like 2 or 3.5`
  return z.preprocess(
    (value) => {
      const cleaned = cleanText(value)
      if (cleaned === undefined || cleaned === '') return undefined
      return /^\d{1,3}(\.\d{1,2})?$/.test(cleaned) ? Math.round(Number(cleaned) * 60) : Number.NaN
    },
    z
      .number({ error: (issue) => (issue.input === undefined ? options.requiredMessage : message) })
      .min(0, message)
      .max(options.max * 60, message),
  )
}

// The date and time fields live beside these, and are part of the same set of building blocks.
export { dateInput, dateInputValues, optionalDateInput, timeOfDay, type DateMessages } from './date-fields.ts'

export type FormResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly errors: FieldError[] }

const DATE_PART = /^(.+)-(day|month|year)$/

/** Our forms' field names: a letter, then letters, digits, hyphens or underscores. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/
const NAMES_NOT_TO_USE = new Set(['constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'])

/** An answer no schema needs more of than this (every text limit is below it). */
const ANSWER_LIMIT = 20_000

/** A kept answer can be stored (PostgreSQL's jsonb cannot hold NUL) and shown again. */
function keepable(text: string): string {
  return text.replace(/\u0000/g, '').slice(0, ANSWER_LIMIT)
}

/** An answer as the schema checks it: as sent (so a field can refuse what it may not hold), within bounds. */
function asSent(text: string): string {
  return text.slice(0, ANSWER_LIMIT)
}

function fieldsOf(body: unknown, each: (text: string) => string): Record<string, unknown> {
  const answers = Object.create(null) as Record<string, unknown>
  if (!body || typeof body !== 'object') return answers
  for (const key of Object.keys(body)) {
    const value: unknown = Reflect.get(body, key)
    if (key === '_csrf' || !FIELD_NAME.test(key) || NAMES_NOT_TO_USE.has(key)) continue
    if (typeof value === 'string') answers[key] = each(value)
    else if (Array.isArray(value))
      answers[key] = value
        .filter((item: unknown) => typeof item === 'string')
        .slice(0, 200)
        .map(each)
  }
  return answers
}

/**
 * The form's answers as sent, less the token: what is shown again when there are errors, and kept
 * across a time-out. Only names our forms use survive, in an object with no prototype, so no field
 * name can reach `Object.prototype`.
 */
export function answersOf(body: unknown): Record<string, unknown> {
  return fieldsOf(body, keepable)
}

/** A kept form's answers beyond this size are cut down (each text, each list), then dropped. */
export const MAX_KEPT_ANSWERS_BYTES = 64 * 1024

/**
 * What a refused form keeps to show again: its answers, within bounds. A page's own answers fit
 * with room to spare; only a post no page sends is cut down, so no one can grow a session's row.
 */
export function boundedAnswers(values: Record<string, unknown>): Record<string, unknown> {
  if (JSON.stringify(values).length <= MAX_KEPT_ANSWERS_BYTES) return values
  const cut = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'string' ? value.slice(0, 10_000) : Array.isArray(value) ? value.slice(0, 50) : value,
    ]),
  )
  return JSON.stringify(cut).length <= MAX_KEPT_ANSWERS_BYTES ? cut : {}
}

/** GOV.UK date inputs arrive as `name-day` etc.; schemas see `name: { day, month, year }`. */
function nestDateParts(answers: Record<string, unknown>): Record<string, unknown> {
  const nested = Object.create(null) as Record<string, unknown>
  for (const [key, value] of Object.entries(answers)) {
    const match = DATE_PART.exec(key)
    if (match) {
      const [, name = '', part = ''] = match
      if (NAMES_NOT_TO_USE.has(name)) continue
      const parts = (nested[name] ?? Object.create(null)) as Record<string, unknown>
      parts[part] = value
      nested[name] = parts
    } else if (!(key in nested)) {
      nested[key] = value
    }
  }
  return nested
}

/** Checks a posted form against its page's schema: the data, or one error per field in page order. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const result = schema.safeParse(nestDateParts(fieldsOf(body, asSent)))
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldError[] = []
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form')
    if (errors.some((error) => error.field === field)) continue
    const part = issue.path[1]
    const href = part === 'day' || part === 'month' || part === 'year' ? `#${field}-${part}` : `#${field}`
    errors.push({ field, message: issue.message, href })
  }
  return { ok: false, errors }
}

/** Checkboxes whose values are record ids (the service checks each belongs where it should). */
export function someIds(message: string) {
  return z.preprocess(asList, z.array(z.string().uuid(message), { error: message }).max(50, message))
}

/** Yes/no radios that may be left unanswered in a draft: true, false or null. */
export function optionalYesNo(message = 'Select yes or no') {
  return z
    .preprocess((value) => (value === undefined || value === '' ? null : value), z.enum(['yes', 'no'], { error: message }).nullable())
    .transform((answer) => (answer === null ? null : answer === 'yes'))
}

/** One choice that may be left unanswered in a draft. */
export function optionalOneOf<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess((value) => (value === undefined || value === '' ? null : value), z.enum(values, { error: message }).nullable())
}

/** A short list typed into one box, separated by commas ("Spanish, Portuguese"). */
export function commaList(label: string, options: { maxItems: number; maxLength: number }) {
  return z.preprocess(
    (value) => {
      if (value === undefined || value === null) return []
      const cleaned = cleanText(value)
      if (cleaned === undefined) return value
      return cleaned
        .split(/[,;\n]/)
        .map((item) => item.trim())
        .filter(Boolean)
    },
    z
      .array(z.string().max(options.maxLength, `Each of the ${label.toLowerCase()} must be ${options.maxLength} characters or fewer`), {
        error: `${label} must be text`,
      })
      .max(options.maxItems, `Enter up to ${options.maxItems} ${label.toLowerCase()}`),
  )
}

/** The version of the record the form was opened on, sent back to detect someone else's change. */
export function recordVersion() {
  return wholeNumber('Version', { min: 0, max: 1_000_000_000, requiredMessage: 'This page was out of date: reload it and try again' })
}
