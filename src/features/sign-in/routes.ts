import type { FastifyInstance } from 'fastify'
import type { SavedForms } from '../../platform/auth/saved-forms.ts'
import { safeReturnPath, signedInUser } from '../../platform/http/authentication.ts'
import { parseForm } from '../../platform/http/form-fields.ts'
import { setSessionCookie } from '../../platform/http/session.ts'
import { signInSchema } from './schema.ts'
import type { SignInService } from './service.ts'

const VIEW = 'features/sign-in/sign-in.njk'

function queryOf(query: unknown): Record<string, unknown> {
  return query && typeof query === 'object' ? (query as Record<string, unknown>) : {}
}

export function signInRoutes(
  app: FastifyInstance,
  { signIn, savedForms, secureCookie, idleMinutes }: { signIn: SignInService; savedForms: SavedForms; secureCookie: boolean; idleMinutes: number },
): void {
  app.get('/sign-in', { config: { public: true } }, async (request, reply) => {
    const query = queryOf(request.query)
    if (request.user) return reply.redirect(safeReturnPath(query['returnTo']) ?? '/', 303)
    return reply.view(VIEW, {
      values: {},
      returnTo: safeReturnPath(query['returnTo']),
      resume: typeof query['resume'] === 'string' ? query['resume'].slice(0, 64) : undefined,
      timedOut: query['timedOut'] === 'yes',
      passwordSet: query['passwordSet'] === 'yes',
      idleMinutes,
    })
  })

  app.post('/sign-in', { config: { public: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const returnTo = safeReturnPath(body['returnTo'])
    const resume = typeof body['resume'] === 'string' ? body['resume'].slice(0, 64) : undefined
    const show = (status: number, errors: { field: string; message: string; href?: string }[]) =>
      reply.code(status).view(VIEW, {
        values: { email: typeof body['email'] === 'string' ? body['email'].slice(0, 320) : '' },
        errors,
        returnTo,
        resume,
        timedOut: Boolean(resume),
        idleMinutes,
      })

    const form = parseForm(signInSchema, body)
    if (!form.ok) return show(400, form.errors)

    const result = await signIn.signIn({
      email: form.data.email,
      password: form.data.password,
      ip: request.ip,
      previousSessionId: request.sessionId,
    })
    if (result.outcome === 'locked') {
      return show(429, [{ field: 'email', message: 'You have tried to sign in too many times. Wait 15 minutes, then try again.' }])
    }
    if (result.outcome === 'refused') {
      return show(400, [{ field: 'email', message: 'Enter a correct email address and password' }])
    }

    setSessionCookie(reply, result.sessionId, secureCookie)
    request.sessionId = result.sessionId
    if (resume) {
      const kept = await savedForms.takeBack(result.userId, resume)
      if (kept) {
        return reply.redirectWithFormState(kept.path, { values: kept.answers, errors: [], notice: 'timed-out' })
      }
    }
    return reply.redirect(returnTo ?? '/', 303)
  })

  app.post('/sign-out', async (request, reply) => {
    const user = signedInUser(request)
    await signIn.signOut(request.sessionId, user, request.ip)
    return reply.redirect('/signed-out', 303)
  })

  app.get('/signed-out', { config: { public: true } }, async (_request, reply) => reply.view('features/sign-in/signed-out.njk', {}))
}
