import type { FastifyInstance } from 'fastify'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import { setSessionCookie } from '../../../platform/http/session.ts'
import type { Sessions } from '../../../platform/auth/sessions.ts'
import type { AdminService } from '../service.ts'
import { setupSchema } from './schema.ts'

const VIEW = 'features/admin/setup/setup.njk'

/** The one-time page, printed at first start, where the first system admin creates their account. */
export function setupRoutes(app: FastifyInstance, { admin, sessions, secureCookie }: { admin: AdminService; sessions: Sessions; secureCookie: boolean }): void {
  app.get<{ Params: { token: string } }>('/setup/:token', { config: { public: true } }, async (request, reply) => {
    if (!(await admin.isFirstAdminLinkUsable(request.params.token))) return reply.code(404).view('features/admin/setup/link-used.njk', {})
    return reply.view(VIEW, { values: {}, token: request.params.token })
  })

  app.post<{ Params: { token: string } }>('/setup/:token', { config: { public: true } }, async (request, reply) => {
    const { token } = request.params
    const form = parseForm(setupSchema, request.body)
    if (!form.ok) {
      const { password: _p, confirmPassword: _c, ...values } = answersOf(request.body)
      return reply.code(400).view(VIEW, { values, errors: form.errors, token })
    }
    const created = await admin.setUpFirstAdmin(token, form.data, request.ip)
    if (!created) return reply.code(404).view('features/admin/setup/link-used.njk', {})
    const sessionId = await sessions.start(created.userId, created.authorityId, request.sessionId)
    setSessionCookie(reply, sessionId, secureCookie)
    request.sessionId = sessionId
    return reply.redirectWithBanner('/admin/users', {
      heading: 'Your service is set up',
      text: 'Add the people who will use it, and put the advocacy admins in the FGC Advocacy Admin team.',
    })
  })
}
