import type { FastifyInstance } from 'fastify'
import { concernRoutes } from './concern/routes.ts'
import { concernListRoutes } from './list/routes.ts'
import { raiseConcernRoutes } from './raise/routes.ts'
import type { ConcernsService } from './service.ts'

export { familyConcernRoutes } from './family/routes.ts'

/** The concerns feature's staff pages, one folder each. Its family pages are registered in the family context (`family/`). */
export function concernsRoutes(app: FastifyInstance, deps: { concerns: ConcernsService }): void {
  concernListRoutes(app, deps)
  concernRoutes(app, deps)
  raiseConcernRoutes(app, deps)
}
