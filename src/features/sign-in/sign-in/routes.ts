import type { FastifyInstance } from 'fastify'
import type { SavedForms } from '../../../platform/auth/saved-forms.ts'
import type { Clock } from '../../../platform/time/clock.ts'
import { safeReturnPath } from '../../../platform/http/authentication.ts'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import { setSessionCookie } from '../../../platform/http/session.ts'
import type { SignInService } from '../service.ts'
import { signInSchema } from './schema.ts'

const VIEW = 'features/sign-in/sign-in/sign-in.njk'

/** What a browser may send: anything, as text, a list or nothing; each answer is checked before use. */
type Answers = Record<string, unknown>

/** The resume key of a form kept across a time-out, as the page carries it. */
function resumeKey(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, 64) : undefined
}

/** Signing in: the one page anyone can use, throttled, which hands back a form kept across a time-out. */
export function signInPageRoutes(
  app: FastifyInstance,
  {
    signIn,
    savedForms,
    secureCookie,
    idleMinutes,
    clock,
  }: { signIn: SignInService; savedForms: SavedForms; secureCookie: boolean; idleMinutes: number; clock: Clock },
): void {
  app.get<{ Querystring: Answers | undefined }>('/sign-in', { config: { public: true } }, async (request, reply) => {
    const query = request.query ?? {}
    if (request.user) return reply.redirect(safeReturnPath(query['returnTo']) ?? '/', 303)
    return reply.view(VIEW, {
      values: {},
      returnTo: safeReturnPath(query['returnTo']),
      resume: resumeKey(query['resume']),
      timedOut: query['timedOut'] === 'yes',
      passwordSet: query['passwordSet'] === 'yes',
      idleMinutes,
    })
  })

  app.post<{ Body: Answers | undefined }>('/sign-in', { config: { public: true } }, async (request, reply) => {
    const body = request.body ?? {}
    const returnTo = safeReturnPath(body['returnTo'])
    const resume = resumeKey(body['resume'])
    // The email is shown again as every form's answers are: less any NUL, which a page must not hold.
    const typed = answersOf(body)['email']
    const show = (status: number, errors: { field: string; message: string; href?: string }[], throttled = false) =>
      reply.code(status).view(VIEW, {
        values: { email: typeof typed === 'string' ? typed.slice(0, 320) : '' },
        errors,
        returnTo,
        resume,
        timedOut: Boolean(resume),
        idleMinutes,
        throttled,
      })

    const form = parseForm(signInSchema, body)
    if (!form.ok) return show(400, form.errors)

    const result = await signIn.signIn({ email: form.data.email, password: form.data.password, ip: request.ip, previousSessionId: request.sessionId })
    if (result.outcome === 'wait') {
      const minutes = Math.max(1, Math.ceil((result.until.getTime() - clock.now().getTime()) / 60_000))
      const wait = minutes === 1 ? '1 minute' : `${minutes} minutes`
      return show(
        429,
        [{ field: 'email', message: `You have tried to sign in too many times. Wait ${wait}, then try again, or sign in with a link sent to your email` }],
        true,
      )
    }
    if (result.outcome === 'link-only') {
      return show(
        429,
        [
          {
            field: 'email',
            message: 'There have been too many wrong passwords for this email address. To keep the account safe, sign in with a link sent to your email',
          },
        ],
        true,
      )
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
}
