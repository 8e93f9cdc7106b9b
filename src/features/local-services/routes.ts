import type { FastifyInstance } from 'fastify'
import { detailsRoutes } from './details/routes.ts'
import { listRoutes } from './list/routes.ts'
import type { LocalServices } from './service.ts'

/** The directory of local services for triage, one folder per page. */
export function localServiceRoutes(app: FastifyInstance, deps: { localServices: LocalServices }): void {
  listRoutes(app, deps)
  detailsRoutes(app, deps)
}
