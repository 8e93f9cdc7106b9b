import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { accountSchema, accountValues, roleOptions } from '../account-schema.ts'
import { AlreadyExistsError, type AdminService } from '../service.ts'

type Params = { Params: { userId: string } }

const systemAdmin = { preHandler: requireRole('system_admin') }

/** A system admin changes an account (closing it signs its holder out) or makes its holder a new sign-in link. */
export function userRoutes(app: FastifyInstance, { admin, baseUrl }: { admin: AdminService; baseUrl: string }): void {
  app.get<Params>('/admin/users/:userId', systemAdmin, async (request, reply) => {
    const caller = callerOf(request)
    const [account, teams] = await Promise.all([admin.account(caller, request.params.userId), admin.listTeams(caller)])
    const form = request.pageFlash.form
    const values = form?.values ?? {
      displayName: account.displayName,
      email: account.email,
      roles: account.roles,
      teamIds: account.teamIds,
      active: account.active ? 'yes' : 'no',
    }
    return reply.view('features/admin/user/user.njk', {
      account,
      values: accountValues(values),
      version: values['version'] ?? account.version,
      errors: form?.errors,
      roleOptions,
      teams,
    })
  })

  app.post<Params>('/admin/users/:userId', systemAdmin, async (request, reply) =>
    submitForm(request, reply, accountSchema, async (change) => {
      try {
        await admin.updateAccount(callerOf(request), { ...change, userId: request.params.userId })
      } catch (error) {
        if (error instanceof AlreadyExistsError) throw FormRefusal.field('email', 'That email address already has an account')
        throw error
      }
      return { path: '/admin/users', banner: { heading: 'Account saved', text: `${change.displayName}'s account has been changed.` } }
    }),
  )

  // The new link is shown at once, and only now.
  app.post<Params>('/admin/users/:userId/link', systemAdmin, async (request, reply) => {
    const caller = callerOf(request)
    const account = await admin.account(caller, request.params.userId)
    const token = await admin.issuePasswordLink(caller, account.id)
    return reply.view('features/admin/account-link.njk', { name: account.displayName, link: `${baseUrl}/set-password/${token}`, created: false })
  })
}
