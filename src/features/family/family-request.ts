import { wordsFor } from '../../platform/http/language.ts'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { inTheirLanguage } from '../../platform/http/language.ts'
import { plainDate, type MessageValues, type Translations } from '../../platform/i18n/translations.ts'
import type { FamilyCaller, FamilyMember } from './family.ts'

/**
 * What a family page's handler knows about its request: the family member signed in (from the
 * family session's own cookie, never the staff one), and how to show a page in their words.
 */

declare module 'fastify' {
  interface FastifyRequest {
    /** The family member signed in on a family page, or null. Never set on a staff page. */
    familyMember: FamilyMember | null
  }
}

/** Where the family pages live. */
export const FAMILY_PREFIX = '/your-advocacy'

/** The family catalogue's namespace: `t("family:status.title")`. */
export const FAMILY = 'family'

/** The family session's cookie: apart from the staff one, so no staff page ever reads it. */
export function familyCookieName(secure: boolean): string {
  return secure ? '__Host-alongside-family' : 'alongside-family'
}

export function familyCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure } as const
}

/** The family member and where they are; for handlers of family pages (so one always exists). */
export function familyCallerOf(request: FastifyRequest): FamilyCaller {
  if (!request.familyMember) throw new Error('familyCallerOf called without a family session')
  return { member: request.familyMember, ip: request.ip }
}

/** The family language their record names (Section 1's languages, as typed: "Spanish", "español"), if it is one. */
export function recordedLanguage(translations: Translations, languages: readonly string[] | undefined): string | null {
  for (const typed of languages ?? []) {
    const wanted = typed.trim().toLowerCase()
    const found = translations.familyLanguages.find(
      (language) => language.code === wanted || language.englishName.toLowerCase() === wanted || language.name.toLowerCase() === wanted,
    )
    if (found) return found.code
  }
  return null
}

/** Sets `t`, the page's language and direction, and the other languages to read it in, for the person. */
export function familyLanguageHook(translations: Translations, secureCookie: boolean) {
  return inTheirLanguage(translations, { secureCookie, recorded: (request) => recordedLanguage(translations, request.familyMember?.languages) })
}

/** The page's `t` (set by the language hook). */
export function tOf(reply: FastifyReply): (key: string, values?: MessageValues) => string {
  return wordsFor(reply)
}

/** A sentence of the family pages (a message key, its values and its days) in the person's words. */
export function sentenceText(
  reply: FastifyReply,
  sentence: { readonly key: string; readonly values?: Readonly<Record<string, string>>; readonly dates?: Readonly<Record<string, string>> },
): string {
  const dates = Object.fromEntries(Object.entries(sentence.dates ?? {}).map(([name, isoDay]) => [name, plainDate(isoDay)]))
  return tOf(reply)(`${FAMILY}:${sentence.key}`, { ...sentence.values, ...dates })
}

const londonOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' })

/** A meeting's day and clock time ("14:30", as kept) as the instant it is in London, for a message to write as its language does. */
export function londonInstant(isoDay: string, clockTime: string): Date {
  const [hours = 0, minutes = 0] = clockTime.split(':').map(Number)
  const [year = 1970, month = 1, day = 1] = isoDay.split('-').map(Number)
  const asIfUtc = Date.UTC(year, month - 1, day, hours, minutes)
  const offset = /GMT([+-]\d{2}):?(\d{2})?/.exec(londonOffset.format(new Date(asIfUtc)))
  const offsetMinutes = offset ? Number(offset[1]) * 60 + Math.sign(Number(offset[1])) * Number(offset[2] ?? 0) : 0
  return new Date(asIfUtc - offsetMinutes * 60_000)
}
