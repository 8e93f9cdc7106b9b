import type { FastifyInstance } from 'fastify'
import { signedInUser } from '../../../platform/http/authentication.ts'
import type { SignInService } from '../service.ts'

/** Signing out ends the session at once; the page after it needs no session. */
export function signOutRoutes(app: FastifyInstance, { signIn }: { signIn: SignInService }): void {
  app.post('/sign-out', async (request, reply) => {
    await signIn.signOut(request.sessionId, signedInUser(request), request.ip)
    return reply.redirect('/signed-out', 303)
  })

  app.get('/signed-out', { config: { public: true } }, async (_request, reply) => reply.view('features/sign-in/sign-out/signed-out.njk', {}))
}
