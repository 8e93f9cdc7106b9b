import type { FastifyInstance } from 'fastify'
import type { AppDependencies } from '../app.ts'
import { setupRoutes } from './admin/setup/routes.ts'
import { homeRoutes } from './home/home-routes.ts'
import { signInRoutes } from './sign-in/routes.ts'

/** Every feature's pages. Each feature gets only the services it uses. */
export function featureRoutes(app: FastifyInstance, { config, services, sessions, savedForms }: AppDependencies): void {
  const secureCookie = config.session.secureCookie
  signInRoutes(app, { signIn: services.signIn, savedForms, secureCookie, idleMinutes: config.session.idleMinutes })
  setupRoutes(app, { admin: services.admin, sessions, secureCookie })
  homeRoutes(app)
}
