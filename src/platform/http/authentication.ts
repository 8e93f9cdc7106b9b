import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { hasRole, type Caller, type Role, type SignedInUser } from '../auth/roles.ts'
import type { SavedForms } from '../auth/saved-forms.ts'
import { answersOf, boundedAnswers } from './form-fields.ts'
import { locationPath } from './locations.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A page anyone may see without signing in (sign-in itself, first-time set-up, health). */
    public?: boolean
    /**
     * A family member's page (ADR 17): the staff sign-in check does not apply, because a staff
     * session never opens it; the family feature checks for a family session of its own instead.
     */
    family?: boolean
  }
}

/** Only a local path may be returned to after sign-in: never another site. Encoded for a Location header. */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined
  return locationPath(value)
}

/**
 * Every page needs a signed-in user unless its route says `config: { public: true }`.
 *
 * When a session has timed out part-way through a form, the answers are not thrown away: the form's
 * token still proves they came from this browser's own page, so they are kept for that user and
 * handed back after they sign in again.
 */
export const authentication = fp(
  async (app: FastifyInstance, { savedForms }: { savedForms: SavedForms }) => {
    app.addHook('preHandler', async (request, reply) => {
      const { config } = request.routeOptions
      if (config.public || config.family || request.user) return
      if (request.method === 'GET' || request.method === 'HEAD') {
        const query = new URLSearchParams({ returnTo: request.url })
        if (request.timedOut) query.set('timedOut', 'yes')
        return reply.redirect(`/sign-in?${query}`, 303)
      }
      if (request.timedOut) {
        const path = request.url.split('?')[0] ?? '/'
        const id = await savedForms.keep(request.timedOut, path, boundedAnswers(answersOf(request.body)))
        return reply.redirect(`/sign-in?${new URLSearchParams({ timedOut: 'yes', resume: id })}`, 303)
      }
      return reply.redirect('/sign-in', 303)
    })
  },
  { name: 'authentication', dependencies: ['session'] },
)

/** The signed-in user; for handlers on pages that are not public (so one always exists). */
export function signedInUser(request: FastifyRequest): SignedInUser {
  if (!request.user) throw new Error('signedInUser called on a public page')
  return request.user
}

/** Refuses (403) anyone who holds none of these roles. Record-level checks stay in the services. */
export function requireRole(...roles: readonly Role[]): preHandlerAsyncHookHandler {
  return async function checkRole(request: FastifyRequest, reply: FastifyReply) {
    if (request.user && !hasRole(request.user, ...roles)) {
      return reply.code(403).view('views/errors/forbidden.njk', {})
    }
  }
}

/** The signed-in user and where they are: what every service call is made on behalf of. */
export function callerOf(request: FastifyRequest): Caller {
  return { user: signedInUser(request), ip: request.ip }
}
