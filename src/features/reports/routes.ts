import type { FastifyInstance } from 'fastify'
import { annualRoutes } from './annual/routes.ts'
import { participationRoutes } from './participation/routes.ts'
import { quarterlyRoutes } from './quarterly/routes.ts'
import { drillDownRoutes } from './referrals/routes.ts'
import type { ReportsService } from './service.ts'

/** The reports' pages, for analysts and service managers. */
export function reportsRoutes(app: FastifyInstance, deps: { reports: ReportsService }): void {
  quarterlyRoutes(app, deps)
  participationRoutes(app, deps)
  annualRoutes(app, deps)
  drillDownRoutes(app, deps)
}
