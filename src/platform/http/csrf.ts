import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Sessions } from '../auth/sessions.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The token every form on this page must send back as `_csrf`: masked afresh for each page (ADR 41). */
    csrfToken(): string
    /** Whether `sent` is a form token of this browser's session, from any of its pages. */
    carriesCsrfToken(sent: unknown): boolean
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Cross-site request forgery protection on every form, signed in or not: each form carries a token
 * derived from the browser's session id, which another site cannot read, masked afresh for each page
 * (ADR 41). A post without it, or with another browser's, is refused before any handler runs.
 */
export const csrf = fp(
  async (app: FastifyInstance, { sessions }: { sessions: Sessions }) => {
    app.decorateRequest('csrfToken', function (this: { sessionId: string }) {
      return sessions.csrfToken(this.sessionId)
    })
    app.decorateRequest('carriesCsrfToken', function (this: { sessionId: string }, sent: unknown) {
      return sessions.checkCsrfToken(this.sessionId, sent)
    })

    // A preHandler, so it sees bodies that plugins attach late (a multipart upload's fields), and
    // runs before the sign-in check, which relies on it.
    app.addHook('preHandler', async (request, reply) => {
      if (!UNSAFE_METHODS.has(request.method)) return
      const body = request.body as Record<string, unknown> | null | undefined
      const token = body && typeof body === 'object' ? body['_csrf'] : undefined
      if (!request.carriesCsrfToken(token)) {
        request.log.warn({ route: request.routeOptions.url }, 'form refused: missing or wrong CSRF token')
        return reply.code(403).view('views/errors/form-expired.njk', {})
      }
    })
  },
  { name: 'csrf', dependencies: ['session'] },
)
