import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { roleNames } from '../../../platform/auth/roles.ts'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import type { FieldError } from '../../../platform/http/session.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { accountSchema, accountValues, roleOptions } from '../account-schema.ts'
import { AlreadyExistsError, OwnAccountError, type AdminService } from '../service.ts'

type Params = { Params: { userId: string } }

const systemAdmin = { preHandler: requireRole('system_admin') }

/** A system admin changes an account (closing it signs its holder out) or makes its holder a new sign-in link. */
export function userRoutes(app: FastifyInstance, { admin, baseUrl }: { admin: AdminService; baseUrl: string }): void {
  /** The account's page: as it is, or with what a refused form (or link) left for it. */
  async function showAccount(request: FastifyRequest<Params>, reply: FastifyReply, refused?: { status: number; errors: FieldError[] }) {
    const caller = callerOf(request)
    const [account, teams] = await Promise.all([admin.account(caller, request.params.userId), admin.listTeams(caller)])
    const form = refused ? undefined : request.pageFlash.form
    const values = form?.values ?? {
      displayName: account.displayName,
      email: account.email,
      roles: account.roles,
      teamIds: account.teamIds,
      active: account.active ? 'yes' : 'no',
    }
    return reply.code(refused?.status ?? 200).view('features/admin/user/user.njk', {
      account,
      ownAccount: account.id === caller.user.id,
      values: accountValues(values),
      version: values['version'] ?? account.version,
      errors: refused?.errors ?? form?.errors,
      roleOptions,
      teams,
    })
  }

  app.get<Params>('/admin/users/:userId', systemAdmin, async (request, reply) => showAccount(request, reply))

  app.post<Params>('/admin/users/:userId', systemAdmin, async (request, reply) =>
    submitForm(request, reply, accountSchema, async (change) => {
      try {
        const saved = await admin.updateAccount(callerOf(request), { ...change, userId: request.params.userId })
        const shown = saved.rolesShownToManagers.map((role) => roleNames[role]).join(', ')
        const text = `${change.displayName}'s account has been changed.${shown ? ` Your service managers will see that you gave them: ${shown}.` : ''}`
        return { path: '/admin/users', banner: { heading: 'Account saved', text } }
      } catch (error) {
        if (error instanceof AlreadyExistsError) throw FormRefusal.field('email', 'That email address already has an account')
        if (error instanceof OwnAccountError) throw FormRefusal.field(error.field, error.message)
        throw error
      }
    }),
  )

  // The new link is shown at once, and only now.
  app.post<Params>('/admin/users/:userId/link', systemAdmin, async (request, reply) => {
    const caller = callerOf(request)
    const account = await admin.account(caller, request.params.userId)
    try {
      const token = await admin.issuePasswordLink(caller, account.id)
      return await reply.view('features/admin/account-link.njk', { name: account.displayName, link: `${baseUrl}/set-password/${token}`, created: false })
    } catch (error) {
      if (!(error instanceof OwnAccountError)) throw error
      return showAccount(request, reply, { status: 409, errors: [{ field: 'form', message: error.message, href: '#sign-in-link' }] })
    }
  })
}
