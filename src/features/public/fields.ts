import { z } from 'zod'
import { cleanText, EMAIL_MAX_LENGTH } from '../../platform/http/form-fields.ts'
import type { FieldError } from '../../platform/http/session.ts'
import type { Translator } from '../../platform/i18n/translations.ts'
import { isIsoDate } from '../../platform/time/calendar.ts'

/**
 * The public forms' building blocks. Each message is a catalogue key (`public:ask.name.error`),
 * turned into the reader's language by `inWords` when the page is shown, so the same schema
 * speaks English, Spanish and Arabic. Like the platform's, they answer anything a browser (or
 * anyone else) might send: a missing field, one sent twice, a megabyte of text, control characters.
 */

/** Text that must be given, at most `max` characters. */
export function requiredTextKey(max: number, keys: { required: string; tooLong: string }) {
  return z.preprocess(cleanText, z.string({ error: keys.required }).min(1, keys.required).max(max, keys.tooLong))
}

/** Text that may be left blank (null), at most `max` characters. */
export function optionalTextKey(max: number, tooLong: string) {
  return z.preprocess(
    (value) => {
      if (value === undefined || value === null) return null
      const cleaned = cleanText(value)
      return cleaned === '' ? null : (cleaned ?? value)
    },
    z.string({ error: tooLong }).max(max, tooLong).nullable(),
  )
}

/** A phone number as people write it: digits, spaces, brackets, dashes, a leading +; 7 to 15 digits. */
export function isPhoneNumber(text: string): boolean {
  if (text.length > 30 || !/^\+?[0-9 ()\-.]+$/.test(text)) return false
  const digits = text.replace(/\D/g, '').length
  return digits >= 7 && digits <= 15
}

/** A phone number that may be blank (null); otherwise one people can ring. */
export function optionalPhoneKey(format: string) {
  return z.preprocess(
    (value) => {
      if (value === undefined || value === null) return null
      const cleaned = cleanText(value)
      return cleaned === '' ? null : (cleaned ?? value)
    },
    z
      .string({ error: format })
      .refine((text) => isPhoneNumber(text), format)
      .nullable(),
  )
}

/** What no email address holds (as the platform's email field refuses it). */
const NOT_IN_AN_EMAIL = /[\p{Cc}\p{Cf}\p{Z}\u2028\u2029]/u

/** An email address that may be blank (null). */
export function optionalEmailKey(format: string) {
  return z.preprocess(
    (value) => {
      if (value === undefined || value === null) return null
      if (typeof value !== 'string') return value
      const text = value.normalize('NFC').replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '')
      return text === '' ? null : text
    },
    z
      .string({ error: format })
      .max(EMAIL_MAX_LENGTH, format)
      .refine((text) => !NOT_IN_AN_EMAIL.test(text), format)
      .pipe(z.email({ error: format }))
      .nullable(),
  )
}

/** A GOV.UK date input (`name-day`, `name-month`, `name-year`) that may be left empty (null). */
export function optionalDateKey(invalid: string) {
  return z.preprocess(
    (value) => value ?? {},
    z.unknown().transform((value, context): string | null => {
      const given = value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
      const parts = (['day', 'month', 'year'] as const).map((part) =>
        typeof given[part] === 'string' || given[part] === undefined ? cleanText(given[part]) : '?',
      )
      const [day = '', month = '', year = ''] = parts.map((part) => part ?? '')
      if (day === '' && month === '' && year === '') return null
      const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
      if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year) || !isIsoDate(iso)) {
        context.addIssue({ code: 'custom', message: invalid, path: ['day'] })
        return z.NEVER
      }
      return iso
    }),
  )
}

/** A short list typed into one box, separated by commas (any script's) or new lines. */
export function commaListKey(keys: { tooLong: string; tooMany: string }, options: { maxItems: number; maxLength: number }) {
  return z.preprocess(
    (value) => {
      if (value === undefined || value === null) return []
      const cleaned = cleanText(value)
      // Sent twice (a list) or as anything but text: not a list someone typed.
      if (cleaned === undefined) return null
      const seen = new Set<string>()
      return cleaned
        .split(/[,;\n\u060c\u061b\u3001\uff0c]/)
        .map((item) => item.trim())
        .filter((item) => {
          const key = item.toLocaleLowerCase()
          if (!item || seen.has(key)) return false
          seen.add(key)
          return true
        })
    },
    z.array(z.string().max(options.maxLength, keys.tooLong), { error: 'public:common.checkAnswer' }).max(options.maxItems, keys.tooMany),
  )
}

/** A message that is a catalogue key (`public:ask.name.error`, `feedback:errors.choice`), not words. */
const CATALOGUE_KEY = /^[a-z]+:[A-Za-z0-9_.]+$/

/** The errors of a public form in the reader's language, in the order the page asks its questions. */
export function inWords(errors: readonly FieldError[], t: Translator['t'], order: readonly string[]): FieldError[] {
  const place = (field: string) => {
    const index = order.indexOf(field)
    return index === -1 ? order.length : index
  }
  return [...errors]
    .sort((a, b) => place(a.field) - place(b.field))
    .map((error) => ({ ...error, message: t(CATALOGUE_KEY.test(error.message) ? error.message : 'public:common.checkAnswer') }))
}
