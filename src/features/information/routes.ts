import type { FastifyInstance } from 'fastify'
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
  glossaryRoutes(app, deps)
  editRoutes(app, deps)
  readRoutes(app, deps)
}
