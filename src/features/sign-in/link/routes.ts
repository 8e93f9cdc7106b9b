import type { FastifyInstance } from 'fastify'
import { isWellFormedToken } from '../../../platform/auth/account-links.ts'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import { setSessionCookie } from '../../../platform/http/session.ts'
import { SIGN_IN_LINK_MINUTES } from '../sign-in-link.ts'
import type { SignInService } from '../service.ts'
import { signInLinkSchema } from './schema.ts'

type Params = { Params: { token: string } }

const PAGES = 'features/sign-in/link'

/**
 * A one-time link to sign in, sent to your email: asked for at /sign-in/link, used at
 * /sign-in/link/:token. Opening the link shows a button, and only pressing it signs in, so a mail
 * system that opens links to check them does not use it up.
 */
export function signInLinkRoutes(app: FastifyInstance, { signIn, secureCookie }: { signIn: SignInService; secureCookie: boolean }): void {
  app.get('/sign-in/link', { config: { public: true } }, async (_request, reply) => reply.view(`${PAGES}/request.njk`, { values: {} }))

  app.post('/sign-in/link', { config: { public: true } }, async (request, reply) => {
    const form = parseForm(signInLinkSchema, request.body)
    if (!form.ok) {
      const typed = answersOf(request.body)['email']
      return reply.code(400).view(`${PAGES}/request.njk`, { values: { email: typeof typed === 'string' ? typed.slice(0, 320) : '' }, errors: form.errors })
    }
    await signIn.sendSignInLink({ email: form.data.email, ip: request.ip })
    // The same page whether or not the email has an account.
    return reply.view(`${PAGES}/sent.njk`, { email: form.data.email, minutes: SIGN_IN_LINK_MINUTES })
  })

  app.get<Params>('/sign-in/link/:token', { config: { public: true } }, async (request, reply) => {
    const { token } = request.params
    if (!isWellFormedToken(token) || !(await signIn.isSignInLinkUsable(token))) return reply.code(404).view(`${PAGES}/used.njk`, {})
    return reply.view(`${PAGES}/use.njk`, { token })
  })

  app.post<Params>('/sign-in/link/:token', { config: { public: true } }, async (request, reply) => {
    const result = await signIn.signInWithLink({ token: request.params.token, ip: request.ip, previousSessionId: request.sessionId })
    if (result.outcome === 'unusable') return reply.code(404).view(`${PAGES}/used.njk`, {})
    setSessionCookie(reply, result.sessionId, secureCookie)
    request.sessionId = result.sessionId
    return reply.redirect('/', 303)
  })
}
