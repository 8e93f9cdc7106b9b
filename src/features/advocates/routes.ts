import type { FastifyInstance } from 'fastify'
import type { Clock } from '../../platform/time/clock.ts'
import type { PeopleService } from '../people/service.ts'
import { absencesRoutes } from './absences/routes.ts'
import { advocatePageRoutes } from './advocate/routes.ts'
import { detailsRoutes } from './details/routes.ts'
import { knownFamiliesRoutes } from './known-families/routes.ts'
import { listRoutes } from './list/routes.ts'
import { photoRoutes } from './photo/routes.ts'
import type { AdvocateService } from './service.ts'
import { signInRoutes } from './sign-in/routes.ts'
import { stageRoutes } from './stage/routes.ts'

/** The advocate pool's pages, one folder each: the coordinator keeps each record; the advocacy admins and managers read them. */
export function advocateRoutes(app: FastifyInstance, deps: { advocates: AdvocateService; people: PeopleService; clock: Clock; baseUrl: string }): void {
  listRoutes(app, deps)
  detailsRoutes(app, deps)
  advocatePageRoutes(app, deps)
  stageRoutes(app, deps)
  absencesRoutes(app, deps)
  knownFamiliesRoutes(app, deps)
  signInRoutes(app, deps)
  photoRoutes(app, deps)
}
