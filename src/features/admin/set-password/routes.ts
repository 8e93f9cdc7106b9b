import type { FastifyInstance } from 'fastify'
import { parseForm } from '../../../platform/http/form-fields.ts'
import type { AdminService } from '../service.ts'
import { setPasswordSchema } from './schema.ts'

type Params = { Params: { token: string } }

/** A new member of staff (or one who forgot their password) chooses a password from their one-time link. */
export function setPasswordRoutes(app: FastifyInstance, { admin }: { admin: AdminService }): void {
  app.get<Params>('/set-password/:token', { config: { public: true } }, async (request, reply) => {
    const holder = await admin.passwordLinkHolder(request.params.token)
    if (!holder) return reply.code(404).view('features/admin/setup/link-used.njk', {})
    return reply.view('features/admin/set-password/set-password.njk', { holder })
  })

  app.post<Params>('/set-password/:token', { config: { public: true } }, async (request, reply) => {
    const holder = await admin.passwordLinkHolder(request.params.token)
    if (!holder) return reply.code(404).view('features/admin/setup/link-used.njk', {})
    const form = parseForm(setPasswordSchema(holder), request.body)
    if (!form.ok) return reply.code(400).view('features/admin/set-password/set-password.njk', { holder, errors: form.errors })
    if (!(await admin.setPassword(request.params.token, form.data.password, request.ip))) {
      return reply.code(404).view('features/admin/setup/link-used.njk', {})
    }
    return reply.redirect('/sign-in?passwordSet=yes', 303)
  })
}
