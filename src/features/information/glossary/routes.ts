import type { FastifyInstance } from 'fastify'
import { inTheirLanguage } from '../../../platform/http/language.ts'
import type { Translations } from '../../../platform/i18n/translations.ts'

/**
 * The jargon buster at `/words`: every glossary word in the reader's language, A to Z as that
 * language sorts, each with an anchor (`/words#core-group`) that is the same in every language.
 * Anyone may read it, signed in or not.
 */
export function glossaryRoutes(app: FastifyInstance, { translations, secureCookie }: { translations: Translations; secureCookie: boolean }): void {
  app.get('/words', { config: { public: true }, preHandler: inTheirLanguage(translations, { secureCookie }) }, async (_request, reply) => {
    const language = reply.locals['htmlLang']
    const translator = translations.translator(typeof language === 'string' ? language : null)
    const collator = new Intl.Collator(translator.language.locale, { sensitivity: 'base' })
    const terms = [...translator.glossary.terms].sort((a, b) => collator.compare(a.term, b.term))
    return reply.view('features/information/glossary/glossary.njk', { terms })
  })
}
