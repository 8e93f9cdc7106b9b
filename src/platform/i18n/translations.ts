import i18next, { type i18n as I18n } from 'i18next'
import { IntlMessageFormat, type Formatters } from 'intl-messageformat'
import { gapsIn, isComplete, loadCatalogues, SOURCE_LANGUAGE, type Catalogues, type Language } from './catalogues.ts'
import { familyDateFormat } from './dates.ts'
import { glossaryOf, type Glossary, type GlossaryEntry } from './glossary.ts'

/** Values a message fills in. Dates are `Date`s: use `plainDate('2026-03-03')` for a day with no time. */
export type MessageValues = Readonly<Record<string, string | number | Date | boolean | null | undefined>>

/** The words of one language: `t('family:status.asked', { date })`. */
export interface Translator {
  readonly language: Language
  readonly t: (key: string, values?: MessageValues) => string
  /** The jargon buster in this language (`glossary:terms`), to explain its words where they appear. */
  readonly glossary: Glossary
}

export interface Translations {
  /** Every language with a catalogue, staff may see each one's state (reviewed, complete). */
  readonly languages: readonly Language[]
  /** The languages families may choose: only those whose catalogue has every English key. */
  readonly familyLanguages: readonly Language[]
  /** The language's words if families may have it, English's otherwise. */
  translator(code: string | null | undefined): Translator
  isFamilyLanguage(code: string | null | undefined): boolean
}

/** Dates are read in the United Kingdom's time: a meeting at 10:00 is 10:00 in London for every reader. */
const TIME_ZONE = 'Europe/London'
const formats = {
  date: {
    short: { day: 'numeric', month: 'long', timeZone: TIME_ZONE },
    long: { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE },
    full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE },
  },
  time: {
    short: { hour: 'numeric', minute: '2-digit', timeZone: TIME_ZONE },
  },
} as const

/** Plurals and numbers as Intl has them; dates and times through the one family formatter (dates.ts: GOV.UK style in English). */
const formatters: Formatters = {
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
  getDateTimeFormat: ((locales?: string | string[], options?: Intl.DateTimeFormatOptions) =>
    familyDateFormat(locales, options)) as unknown as Formatters['getDateTimeFormat'],
}

/**
 * ICU messages for i18next (the part of i18next-icu it uses), each message read once by
 * intl-messageformat and kept, with the family date formatter in place of Intl's.
 */
function icuMessages(locales: ReadonlyMap<string, string>) {
  const parsed = new Map<string, IntlMessageFormat>()
  return {
    type: 'i18nFormat' as const,
    parse(message: unknown, values: Record<string, unknown> | undefined, language: string): unknown {
      if (typeof message !== 'string') return message
      const key = `${language}\u0000${message}`
      try {
        let format = parsed.get(key)
        if (!format) {
          format = new IntlMessageFormat(message, locales.get(language) ?? language, formats, { ignoreTag: true, formatters })
          parsed.set(key, format)
        }
        return format.format(values as Record<string, string>)
      } catch {
        // As i18next-icu did: a message that cannot be read is shown as written (the catalogue tests find it first).
        return message
      }
    },
    addLookupKeys: (finalKeys: string[]) => finalKeys,
  }
}

/** A calendar day (`YYYY-MM-DD`) as a `Date` a message can format: midday, so no time zone moves its day. */
export function plainDate(isoDay: string): Date {
  return new Date(`${isoDay}T12:00:00Z`)
}

/** The glossary's terms in English's order, each in the translator's words. */
function glossaryEntriesOf(catalogues: Catalogues): (t: Translator['t']) => GlossaryEntry[] {
  const terms = catalogues.byLanguage[SOURCE_LANGUAGE]?.['glossary']?.['terms']
  const keys = terms && typeof terms === 'object' ? Object.keys(terms) : []
  return (t) =>
    keys.map((key) => {
      const term = t(`glossary:terms.${key}.term`)
      return {
        key,
        term,
        forms: t(`glossary:terms.${key}.forms`),
        explanation: t(`glossary:terms.${key}.explanation`),
      }
    })
}

/**
 * i18next with ICU messages (plurals, selects, dates) over the catalogues. A key English lacks is a
 * mistake in the code, not in a translation, so it throws (and the tests find it); a key another
 * language lacks cannot happen for a family, because an incomplete language is never offered.
 */
export function createTranslations(catalogues: Catalogues = loadCatalogues()): Translations {
  const instance: I18n = i18next.createInstance()
  const locales = new Map(catalogues.languages.map(({ code, locale }) => [code, locale]))
  void instance.use(icuMessages(locales)).init({
    initAsync: false,
    lng: SOURCE_LANGUAGE,
    fallbackLng: SOURCE_LANGUAGE,
    supportedLngs: catalogues.languages.map(({ code }) => code),
    resources: Object.fromEntries(Object.entries(catalogues.byLanguage)),
    ns: Object.keys(catalogues.byLanguage[SOURCE_LANGUAGE] ?? {}),
    defaultNS: false,
    returnNull: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
  })
  const glossaryEntries = glossaryEntriesOf(catalogues)
  const familyLanguages = catalogues.languages.filter(({ code }) => code === SOURCE_LANGUAGE || isComplete(gapsIn(catalogues, code)))
  const familyCodes = new Set(familyLanguages.map(({ code }) => code))
  const source = catalogues.languages.find(({ code }) => code === SOURCE_LANGUAGE)
  if (!source) throw new Error(`The catalogues must include ${SOURCE_LANGUAGE}`)

  const translators = new Map<string, Translator>(
    familyLanguages.map((language) => {
      const fixed = instance.getFixedT(language.code)
      const t = (key: string, values?: MessageValues): string => {
        if (!instance.exists(key, { lng: SOURCE_LANGUAGE })) throw new Error(`No English message for ${key}`)
        return fixed(key, { ...values })
      }
      const glossary = glossaryOf(language.code, glossaryEntries(t), (words) => t('glossary:explainSummary', { term: words }))
      return [language.code, { language, t, glossary }]
    }),
  )
  const english = translators.get(SOURCE_LANGUAGE)
  if (!english) throw new Error('English must be a family language')

  return {
    languages: catalogues.languages,
    familyLanguages,
    isFamilyLanguage: (code) => typeof code === 'string' && familyCodes.has(code),
    translator: (code) => (typeof code === 'string' && translators.get(code)) || english,
  }
}
