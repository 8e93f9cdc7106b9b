import type { FastifyInstance } from 'fastify'
import type { AppDependencies } from '../app.ts'
import { setupRoutes } from './admin/setup/routes.ts'
import { peopleRoutes } from './people/routes.ts'
import { referralRoutes } from './referrals/routes.ts'
import { signInRoutes } from './sign-in/routes.ts'
import { worktrayRoutes } from './worktray/routes.ts'

/** Every feature's pages. Each feature gets only the services it uses. */
export function featureRoutes(app: FastifyInstance, { config, services, sessions, savedForms, clock }: AppDependencies): void {
  const secureCookie = config.session.secureCookie
  signInRoutes(app, { signIn: services.signIn, savedForms, secureCookie, idleMinutes: config.session.idleMinutes })
  setupRoutes(app, { admin: services.admin, sessions, secureCookie })
  worktrayRoutes(app, { worktray: services.worktray })
  peopleRoutes(app, { people: services.people })
  referralRoutes(app, { referrals: services.referrals, people: services.people, clock })
}
