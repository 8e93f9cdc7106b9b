import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { createExplainer } from '../i18n/glossary.ts'
import type { Translations, Translator } from '../i18n/translations.ts'
import { queryOf } from './query.ts'

/** A reader's choice of language, kept in their browser: not personal, not a secret. */
export const LANGUAGE_COOKIE = 'language'
const ONE_YEAR_IN_SECONDS = 365 * 24 * 60 * 60

/** The languages a browser asks for, best first (`es-ES,es;q=0.9,en;q=0.8` → es-ES, es, en). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header || header.length > 500) return []
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';')
      const quality = Number(
        parameters
          .find((parameter) => parameter.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      )
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index }
    })
    .filter(({ tag, quality }) => tag && quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .flatMap(({ tag }) => [tag, tag.split('-')[0] ?? tag])
}

export interface LanguageChoice {
  /** `?language=es` on any family page: the reader chose it just now. */
  readonly asked?: unknown
  /** The cookie: the reader chose it before. */
  readonly remembered?: unknown
  /** The language on the person's own record (Section 1), for their own pages. */
  readonly recorded?: string | null | undefined
  /** The browser's Accept-Language header. */
  readonly browser?: string | undefined
}

/** Which family language a page opens in: what the reader chose, then their record, then their browser, then English. */
export function chooseLanguage(translations: Translations, choice: LanguageChoice): string {
  const candidates = [choice.asked, choice.remembered, choice.recorded, ...acceptedLanguages(choice.browser)]
  const chosen = candidates.find((candidate): candidate is string => translations.isFamilyLanguage(typeof candidate === 'string' ? candidate : null))
  return chosen ?? 'en'
}

function isTranslate(value: unknown): value is Translator['t'] {
  return typeof value === 'function'
}

/** The words of the page being answered (English's on staff pages, the reader's on theirs). */
export function wordsFor(reply: FastifyReply): Translator['t'] {
  const t: unknown = reply.locals['t']
  if (!isTranslate(t)) throw new Error('This page has no words: is the views plugin registered?')
  return t
}

/**
 * What a page in a reader's language needs: its words, its direction, links to read it in another,
 * and `explain`, which the `appExplained` component uses to explain each glossary word where it
 * first appears on the page (one explainer a page: it remembers what it has explained).
 */
export function speak(reply: FastifyReply, translator: Translator, translations: Translations, path: string): void {
  const { language } = translator
  reply.locals = {
    ...reply.locals,
    t: translator.t,
    explain: createExplainer(translator.glossary),
    htmlLang: language.code,
    dir: language.dir,
    otherLanguages: translations.familyLanguages
      .filter(({ code }) => code !== language.code)
      .map(({ code, name }) => ({ code, name, href: `${path}?${new URLSearchParams({ language: code })}` })),
  }
}

/**
 * For pages families read: opens each page in the reader's language and remembers a choice made
 * with `?language=`. `recorded` gives the language on the person's own record, where there is one.
 */
export function inTheirLanguage(
  translations: Translations,
  { secureCookie, recorded }: { secureCookie: boolean; recorded?: (request: FastifyRequest) => string | null | undefined },
): preHandlerAsyncHookHandler {
  return async function openInTheirLanguage(request: FastifyRequest, reply: FastifyReply) {
    const asked = queryOf(request)['language']
    const code = chooseLanguage(translations, {
      asked,
      remembered: request.cookies[LANGUAGE_COOKIE],
      recorded: recorded?.(request),
      browser: request.headers['accept-language'],
    })
    if (asked === code && request.cookies[LANGUAGE_COOKIE] !== code)
      reply.setCookie(LANGUAGE_COOKIE, code, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie, maxAge: ONE_YEAR_IN_SECONDS })
    speak(reply, translations.translator(code), translations, request.url.split('?')[0] ?? '/')
  }
}
