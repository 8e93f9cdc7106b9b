import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../platform/errors.ts'
import { inTheirLanguage } from '../../platform/http/language.ts'
import { refuseInTheirLanguage } from '../../platform/http/reader-errors.ts'
import type { Translations } from '../../platform/i18n/translations.ts'
import type { SettingsService } from '../settings/service.ts'
import { editRoutes } from './edit/routes.ts'
import { glossaryRoutes } from './glossary/routes.ts'
import { readRoutes } from './read/routes.ts'
import type { InformationService } from './service.ts'

export interface InformationDependencies {
  readonly information: InformationService
  readonly settings: SettingsService
  readonly translations: Translations
  readonly secureCookie: boolean
}

/** The words families meet, explained: the jargon buster, and the information pages the service keeps. */
export function informationRoutes(app: FastifyInstance, deps: InformationDependencies): void {
  editRoutes(app, deps)
  // The pages families read: a refusal (not found, too many tries) in the reader's language.
  void app.register(async (pages) => {
    refuseInTheirLanguage(pages, { translations: deps.translations, secureCookie: deps.secureCookie })
    glossaryRoutes(pages, deps)
    readRoutes(pages, deps)
    // Any other address under them is not found, in the reader's language (a public page, not sent to sign in).
    const notFound = async () => {
      throw new NotFoundError('No such information page')
    }
    const publicPage = { config: { public: true }, preHandler: inTheirLanguage(deps.translations, { secureCookie: deps.secureCookie }) }
    pages.get('/information/*', publicPage, notFound)
    pages.get('/words/*', publicPage, notFound)
  })
}
