import type { FastifyInstance } from 'fastify'
import { authorityDetailsRoutes } from './authority/routes.ts'
import { bankHolidayRoutes } from './bank-holidays/routes.ts'
import { familyRulesRoutes } from './families/routes.ts'
import { concernRulesRoutes } from './concerns/routes.ts'
import { meetingRulesRoutes } from './meetings/routes.ts'
import type { SettingsService } from './service.ts'
import { settingsPageRoutes } from './settings/routes.ts'

/** The settings feature's pages, one folder each. */
export function settingsRoutes(app: FastifyInstance, deps: { settings: SettingsService }): void {
  settingsPageRoutes(app, deps)
  bankHolidayRoutes(app, deps)
  authorityDetailsRoutes(app, deps)
  meetingRulesRoutes(app, deps)
  familyRulesRoutes(app, deps)
  concernRulesRoutes(app, deps)
}
