import type { FastifyInstance } from 'fastify'
import { accreditationRoutes } from './accreditation/routes.ts'
import { cohortRoutes } from './cohort/routes.ts'
import { cohortsRoutes } from './cohorts/routes.ts'
import { modulesRoutes } from './modules/routes.ts'
import { newSupervisionRoutes } from './new-supervision/routes.ts'
import { overviewRoutes } from './overview/routes.ts'
import { registerRoutes } from './register/routes.ts'
import type { ProgrammeService } from './service.ts'
import { supervisionRoutes } from './supervision/routes.ts'

/** The coordinator's pages for the peer advocate programme, one folder each. */
export function programmeRoutes(app: FastifyInstance, deps: { programme: ProgrammeService }): void {
  overviewRoutes(app, deps)
  cohortsRoutes(app, deps)
  cohortRoutes(app, deps)
  registerRoutes(app, deps)
  modulesRoutes(app, deps)
  accreditationRoutes(app, deps)
  supervisionRoutes(app, deps)
  newSupervisionRoutes(app, deps)
}
