import { readFileSync } from 'node:fs'

/**
 * The words of the family pages, from their message catalogue (`src/locales/<lang>/family.json`),
 * never from templates. A small stand-in for the i18n core: ICU messages with `{name}` and
 * `{count, plural, one {…} other {…}}`, in English for now. `t` throws on a key the catalogue does
 * not have, so a typo fails its page's test rather than showing a key to a parent.
 */

export type Language = 'en'

type Catalogue = Readonly<Record<string, string>>

function load(language: Language): Catalogue {
  const text = readFileSync(new URL(`../../locales/${language}/family.json`, import.meta.url), 'utf8')
  const parsed: unknown = JSON.parse(text)
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`The ${language} family catalogue is not an object`)
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
}

const catalogues: Readonly<Record<Language, Catalogue>> = { en: load('en') }

export type MessageValues = Readonly<Record<string, string | number>>

/** The text inside the braces that open at `start`, and where it ends (nested braces counted). */
function braced(message: string, start: number): { inner: string; end: number } {
  let depth = 0
  for (let index = start; index < message.length; index += 1) {
    if (message[index] === '{') depth += 1
    else if (message[index] === '}') {
      depth -= 1
      if (depth === 0) return { inner: message.slice(start + 1, index), end: index + 1 }
    }
  }
  throw new Error(`Unbalanced braces in message: ${message}`)
}

function plural(language: Language, count: number, body: string): string {
  const forms = new Map<string, string>()
  let rest = body.trim()
  while (rest.length > 0) {
    const open = rest.indexOf('{')
    if (open === -1) break
    const selector = rest.slice(0, open).trim()
    const { inner, end } = braced(rest, open)
    forms.set(selector, inner)
    rest = rest.slice(end).trim()
  }
  const chosen = forms.get(`=${count}`) ?? forms.get(new Intl.PluralRules(language).select(count)) ?? forms.get('other') ?? ''
  return chosen.replace(/#/g, String(count))
}

/** Fills a message's placeholders. */
export function format(language: Language, message: string, values: MessageValues = {}): string {
  let out = ''
  let index = 0
  while (index < message.length) {
    const open = message.indexOf('{', index)
    if (open === -1) {
      out += message.slice(index)
      break
    }
    out += message.slice(index, open)
    const { inner, end } = braced(message, open)
    const [name = '', kind, ...body] = inner.split(',')
    const value = values[name.trim()]
    if (kind?.trim() === 'plural') out += plural(language, Number(value ?? 0), body.join(','))
    else out += value === undefined ? '' : String(value)
    index = end
  }
  return out
}

/** The message for `key` in `language`, filled with `values`. */
export function translate(language: Language, key: string, values?: MessageValues): string {
  const message = catalogues[language][key]
  if (message === undefined) throw new Error(`No message "${key}" in the ${language} family catalogue`)
  return format(language, message, values)
}

/** Every key of a language's catalogue (for the tests that check each page's words). */
export function catalogueKeys(language: Language): string[] {
  return Object.keys(catalogues[language])
}

const longDates: Readonly<Record<Language, Intl.DateTimeFormat>> = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
}
const dayDates: Readonly<Record<Language, Intl.DateTimeFormat>> = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
}

/** "3 March 2026" for a `YYYY-MM-DD` day, in the person's language. */
export function dateInWords(language: Language, isoDate: string): string {
  return longDates[language].format(new Date(`${isoDate}T12:00:00Z`))
}

/** "Tuesday 3 March 2026". */
export function dayAndDateInWords(language: Language, isoDate: string): string {
  return dayDates[language].format(new Date(`${isoDate}T12:00:00Z`)).replace(',', '')
}

/** A `t` bound to one language, for templates: `{{ t("status.title") }}`. */
export function translator(language: Language): (key: string, values?: MessageValues) => string {
  return (key, values) => translate(language, key, values)
}
