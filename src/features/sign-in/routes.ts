import type { FastifyInstance } from 'fastify'
import type { SavedForms } from '../../platform/auth/saved-forms.ts'
import type { Clock } from '../../platform/time/clock.ts'
import { signInLinkRoutes } from './link/routes.ts'
import type { SignInService } from './service.ts'
import { signInPageRoutes } from './sign-in/routes.ts'
import { signOutRoutes } from './sign-out/routes.ts'

/** Signing in (with a password, or a one-time link emailed to you) and out, a folder each. */
export function signInRoutes(
  app: FastifyInstance,
  deps: { signIn: SignInService; savedForms: SavedForms; secureCookie: boolean; idleMinutes: number; clock: Clock },
): void {
  signInPageRoutes(app, deps)
  signInLinkRoutes(app, deps)
  signOutRoutes(app, deps)
}
