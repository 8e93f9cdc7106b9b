import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FamilyCaller, FamilyMember } from './family.ts'
import { dateInWords, dayAndDateInWords, translator, type Language } from './messages.ts'

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

/** The person's language. English until the catalogues in other languages are in. */
export function languageOf(_request: FastifyRequest): Language {
  return 'en'
}

/** What every family template sees: `t`, the page's language and direction, and date helpers. */
export function familyLocals(request: FastifyRequest, reply: FastifyReply): void {
  const language = languageOf(request)
  reply.locals = {
    ...reply.locals,
    t: translator(language),
    htmlLang: language,
    dir: 'ltr',
    dateInWords: (isoDate: string) => dateInWords(language, isoDate),
    dayAndDateInWords: (isoDate: string) => dayAndDateInWords(language, isoDate),
    signedIn: request.familyMember !== null,
  }
}

/** A sentence of the family pages (a message key, its values and its dates) in the person's words. */
export function sentenceText(
  request: FastifyRequest,
  sentence: { readonly key: string; readonly values?: Readonly<Record<string, string>>; readonly dates?: Readonly<Record<string, string>> },
): string {
  const language = languageOf(request)
  const dates = Object.fromEntries(Object.entries(sentence.dates ?? {}).map(([name, isoDate]) => [name, dateInWords(language, isoDate)]))
  return translator(language)(sentence.key, { ...sentence.values, ...dates })
}
