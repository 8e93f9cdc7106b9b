import type { FastifyInstance } from 'fastify'
import type { Sessions } from '../../platform/auth/sessions.ts'
import { newUserRoutes } from './new-user/routes.ts'
import { roleChangesRoutes } from './role-changes/routes.ts'
import type { AdminService } from './service.ts'
import { setPasswordRoutes } from './set-password/routes.ts'
import { setupRoutes } from './setup/routes.ts'
import { teamRoutes } from './team/routes.ts'
import { teamsRoutes } from './teams/routes.ts'
import { userRoutes } from './user/routes.ts'
import { usersRoutes } from './users/routes.ts'

/** The admin feature's pages, one folder each: the first start, choosing a password, users and teams, and the role changes managers see. */
export function adminRoutes(app: FastifyInstance, deps: { admin: AdminService; sessions: Sessions; secureCookie: boolean; baseUrl: string }): void {
  setupRoutes(app, deps)
  setPasswordRoutes(app, deps)
  usersRoutes(app, deps)
  newUserRoutes(app, deps)
  userRoutes(app, deps)
  teamsRoutes(app, deps)
  teamRoutes(app, deps)
  roleChangesRoutes(app, deps)
}
