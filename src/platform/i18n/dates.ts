/**
 * @pure
 *
 * How families read a date or a time, in each language: the one formatter the message catalogues'
 * `{date, date, long}` and `{time, time, short}` go through (translations.ts).
 *
 * English follows the GOV.UK style guide: "Tuesday 15 December 2026" (no comma), "15 December 2026",
 * and times as "10am", "2:30pm", "midday" and "midnight". Other languages keep their own conventions
 * from Intl (Spanish "martes 15 de diciembre de 2026" and "14:30"; Arabic "الثلاثاء، 15 ديسمبر 2026"
 * with its own comma, and "2:30 م"), except that no English comma is put between the weekday and the
 * date: Spanish writes it either way, and GOV.UK's pages do without.
 */

export interface DateFormat {
  format(value: Date | number): string
}

/** The language of a locale, or of the first of several (`en-GB` → `en`). */
function languageOf(locales: string | readonly string[] | undefined): string {
  const first: unknown = typeof locales === 'string' ? locales : locales?.[0]
  if (typeof first !== 'string' || first.length === 0) return 'en'
  try {
    return new Intl.Locale(first).language
  } catch {
    return 'en'
  }
}

function isTime(options: Intl.DateTimeFormatOptions): boolean {
  return options.hour !== undefined || options.minute !== undefined || options.timeStyle !== undefined
}

/** "10am", "2:30pm", "midday", "midnight": GOV.UK's times, from the hour and minute in the time zone asked for. */
function govukTime(intl: Intl.DateTimeFormat): DateFormat {
  return {
    format(value) {
      const parts = intl.formatToParts(value)
      const hours = Number(parts.find((part) => part.type === 'hour')?.value ?? 0) % 24
      const minutes = parts.find((part) => part.type === 'minute')?.value ?? '00'
      if (minutes === '00' && hours === 12) return 'midday'
      if (minutes === '00' && hours === 0) return 'midnight'
      const hour12 = hours % 12 === 0 ? 12 : hours % 12
      return `${hour12}${minutes === '00' ? '' : `:${minutes}`}${hours < 12 ? 'am' : 'pm'}`
    },
  }
}

/** A day as Intl writes it in the language, without an English comma between its parts. */
function withoutEnglishCommas(intl: Intl.DateTimeFormat): DateFormat {
  return {
    format(value) {
      return intl
        .formatToParts(value)
        .map((part) => (part.type === 'literal' ? part.value.replace(/\s*,\s*/g, ' ') : part.value))
        .join('')
        .replace(/\s+/g, ' ')
        .trim()
    },
  }
}

const made = new Map<string, DateFormat>()

/** The format for a language (`en-GB`, `es`, `ar`) and Intl's options: what a message's date or time is written with. */
export function familyDateFormat(locales: string | readonly string[] | undefined, options: Intl.DateTimeFormatOptions = {}): DateFormat {
  const language = languageOf(locales)
  const key = `${language}|${typeof locales === 'string' ? locales : (locales ?? []).join(',')}|${JSON.stringify(options)}`
  const known = made.get(key)
  if (known) return known
  // English is British English whichever English locale is asked for (GOV.UK's order: 15 December).
  const list: string | string[] | undefined = language === 'en' ? 'en-GB' : typeof locales === 'string' ? locales : locales ? [...locales] : undefined
  let format: DateFormat
  if (isTime(options) && language === 'en') {
    format = govukTime(new Intl.DateTimeFormat('en-GB', { timeZone: options.timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }))
  } else if (isTime(options)) {
    format = new Intl.DateTimeFormat(list, options)
  } else {
    format = withoutEnglishCommas(new Intl.DateTimeFormat(list, options))
  }
  made.set(key, format)
  return format
}
