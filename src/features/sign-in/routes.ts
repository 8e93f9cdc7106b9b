import type { FastifyInstance } from 'fastify'
import type { SavedForms } from '../../platform/auth/saved-forms.ts'
import type { SignInService } from './service.ts'
import { signInPageRoutes } from './sign-in/routes.ts'
import { signOutRoutes } from './sign-out/routes.ts'

/** Signing in and out, a folder each. */
export function signInRoutes(app: FastifyInstance, deps: { signIn: SignInService; savedForms: SavedForms; secureCookie: boolean; idleMinutes: number }): void {
  signInPageRoutes(app, deps)
  signOutRoutes(app, deps)
}
