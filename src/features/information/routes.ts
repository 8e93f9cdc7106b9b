import type { FastifyInstance } from 'fastify'
import type { Translations } from '../../platform/i18n/translations.ts'
import { glossaryRoutes } from './glossary/routes.ts'

export interface InformationDependencies {
  readonly translations: Translations
  readonly secureCookie: boolean
}

/** The words families meet, explained: the jargon buster, and the information pages the service keeps. */
export function informationRoutes(app: FastifyInstance, deps: InformationDependencies): void {
  glossaryRoutes(app, deps)
}
