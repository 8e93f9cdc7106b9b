import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTheirLanguage } from '../../../platform/http/language.ts'
import { createExplainer } from '../../../platform/i18n/glossary.ts'
import type { Translations } from '../../../platform/i18n/translations.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import { isInformationPage } from '../../../vocabulary/information.ts'
import type { SettingsService } from '../../settings/service.ts'
import { parseMarkup } from '../markup.ts'
import type { InformationService } from '../service.ts'

export interface ReadDependencies {
  readonly information: InformationService
  readonly settings: SettingsService
  readonly translations: Translations
  readonly secureCookie: boolean
}

/** The language the page opened in (inTheirLanguage sets it). */
function readerLanguage(reply: FastifyReply): string {
  const language = reply.locals['htmlLang']
  return typeof language === 'string' ? language : 'en'
}

/**
 * The information pages as a family reads them, signed in or not: `/information` lists them, and
 * `/information/<page>` shows one, in the reader's language, as the reader's authority published it
 * (the signed-in person's, or the installation's only one; with several and no one signed in, the
 * version shipped with Alongside).
 */
export function readRoutes(app: FastifyInstance, { information, settings, translations, secureCookie }: ReadDependencies): void {
  const publicPage = { config: { public: true }, preHandler: inTheirLanguage(translations, { secureCookie }) }

  app.get('/information', publicPage, async (request, reply) => {
    const authority = await settings.authorityFor(request.user?.authorityId ?? null)
    const pages = await information.pageTitles(authority?.id ?? null, readerLanguage(reply))
    return reply.view('features/information/read/index.njk', { pages })
  })

  app.get<{ Params: { page: string } }>('/information/:page', publicPage, async (request, reply) => {
    const { page } = request.params
    if (!isInformationPage(page)) throw new NotFoundError('No such information page')
    const language = readerLanguage(reply)
    const authority = await settings.authorityFor(request.user?.authorityId ?? null)
    const [shown, titles] = await Promise.all([
      information.readPage(authority?.id ?? null, page, language),
      information.pageTitles(authority?.id ?? null, language),
    ])
    const written = translations.translator(shown.language).language
    return reply.view('features/information/read/page.njk', {
      shown,
      blocks: parseMarkup(shown.body),
      explainPage: createExplainer(translations.translator(shown.language).glossary),
      textLanguage: { code: written.code, dir: written.dir },
      contact: authority ? { email: authority.details.contactEmail, phone: authority.details.contactPhone } : null,
      others: titles.filter((other) => other.page !== page),
    })
  })
}
