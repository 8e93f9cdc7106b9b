import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import { accountValues, newAccountSchema, roleOptions } from '../account-schema.ts'
import { AlreadyExistsError, type AdminService } from '../service.ts'

const systemAdmin = { preHandler: requireRole('system_admin') }

/** A system admin adds a user, and is shown the one-time link the newcomer chooses a password with. */
export function newUserRoutes(app: FastifyInstance, { admin, baseUrl }: { admin: AdminService; baseUrl: string }): void {
  app.get('/admin/users/new', systemAdmin, async (request, reply) => {
    const teams = await admin.listTeams(callerOf(request))
    const form = request.pageFlash.form
    return reply.view('features/admin/new-user/new-user.njk', { values: accountValues(form?.values ?? {}), errors: form?.errors, roleOptions, teams })
  })

  // Success shows the one-time link at once (it is never stored where it could be shown again).
  app.post('/admin/users/new', systemAdmin, async (request, reply) => {
    const form = parseForm(newAccountSchema, request.body)
    if (!form.ok) return reply.redirectWithFormState('/admin/users/new', { values: answersOf(request.body), errors: form.errors })
    try {
      const created = await admin.createAccount(callerOf(request), form.data)
      return reply.view('features/admin/account-link.njk', { name: form.data.displayName, link: `${baseUrl}/set-password/${created.token}`, created: true })
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error
      return reply.redirectWithFormState('/admin/users/new', {
        values: answersOf(request.body),
        errors: [{ field: 'email', message: 'That email address already has an account' }],
      })
    }
  })
}
