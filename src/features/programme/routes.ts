import type { FastifyInstance } from 'fastify'
import { cohortRoutes } from './cohorts/routes.ts'
import { overviewRoutes } from './overview/routes.ts'
import type { ProgrammeService } from './service.ts'
import { supervisionRoutes } from './supervision/routes.ts'

/** The coordinator's pages for the peer advocate programme. */
export function programmeRoutes(app: FastifyInstance, deps: { programme: ProgrammeService }): void {
  overviewRoutes(app, deps)
  cohortRoutes(app, deps)
  supervisionRoutes(app, deps)
}
