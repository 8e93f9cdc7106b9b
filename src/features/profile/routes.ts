import type { FastifyInstance } from 'fastify'
import { forFamiliesRoutes } from './for-families/routes.ts'
import type { ProfileService } from './service.ts'

/** The profile feature's pages, one folder each. */
export function profileRoutes(app: FastifyInstance, deps: { profile: ProfileService }): void {
  forFamiliesRoutes(app, deps)
}
