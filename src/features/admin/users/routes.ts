import type { FastifyInstance } from 'fastify'
import { roleNames, roles } from '../../../platform/auth/roles.ts'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { answersOf, parseForm } from '../../../platform/http/form-fields.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { AlreadyExistsError, type AdminService } from '../service.ts'
import { accountSchema, newAccountSchema } from './schema.ts'

type Params = { Params: { userId: string } }

/** Checkbox answers are lists, whether one, several or none came back. */
function withLists(values: Record<string, unknown>): Record<string, unknown> {
  const list = (value: unknown) => (value === undefined ? [] : [value].flat())
  return { ...values, roles: list(values['roles']), teamIds: list(values['teamIds']) }
}

const roleOptions = roles.map((role) => ({ value: role, text: roleNames[role] }))
const systemAdmin = { preHandler: requireRole('system_admin') }

/** A system admin adds and changes the accounts of the people who use the service. */
export function userRoutes(app: FastifyInstance, { admin, baseUrl }: { admin: AdminService; baseUrl: string }): void {
  app.get('/admin/users', systemAdmin, async (request, reply) => {
    const caller = callerOf(request)
    const [accounts, teams] = await Promise.all([admin.listAccounts(caller.user, caller.ip), admin.listTeams(caller.user)])
    return reply.view('features/admin/users/users.njk', { accounts, teams })
  })

  app.get('/admin/users/new', systemAdmin, async (request, reply) => {
    const teams = await admin.listTeams(callerOf(request).user)
    const form = request.pageFlash.form
    return reply.view('features/admin/users/new-user.njk', { values: withLists(form?.values ?? {}), errors: form?.errors, roleOptions, teams })
  })

  // Success shows the one-time link at once (it is never stored where it could be shown again).
  app.post('/admin/users/new', systemAdmin, async (request, reply) => {
    const caller = callerOf(request)
    const form = parseForm(newAccountSchema, request.body)
    if (!form.ok) return reply.redirectWithFormState('/admin/users/new', { values: answersOf(request.body), errors: form.errors })
    try {
      const created = await admin.createAccount(caller.user, form.data, caller.ip)
      return reply.view('features/admin/users/link.njk', { name: form.data.displayName, link: `${baseUrl}/set-password/${created.token}`, created: true })
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error
      return reply.redirectWithFormState('/admin/users/new', {
        values: answersOf(request.body),
        errors: [{ field: 'email', message: 'That email address already has an account' }],
      })
    }
  })

  app.get<Params>('/admin/users/:userId', systemAdmin, async (request, reply) => {
    const caller = callerOf(request)
    const [account, teams] = await Promise.all([admin.account(caller.user, request.params.userId, caller.ip), admin.listTeams(caller.user)])
    const form = request.pageFlash.form
    const values = form?.values ?? {
      displayName: account.displayName,
      email: account.email,
      roles: account.roles,
      teamIds: account.teamIds,
      active: account.active ? 'yes' : 'no',
    }
    return reply.view('features/admin/users/user.njk', {
      account,
      values: withLists(values),
      version: values['version'] ?? account.version,
      errors: form?.errors,
      roleOptions,
      teams,
    })
  })

  app.post<Params>('/admin/users/:userId', systemAdmin, async (request, reply) =>
    submitForm(request, reply, accountSchema, async (change) => {
      const caller = callerOf(request)
      try {
        await admin.updateAccount(caller.user, { ...change, userId: request.params.userId }, caller.ip)
      } catch (error) {
        if (error instanceof AlreadyExistsError) throw FormRefusal.field('email', 'That email address already has an account')
        throw error
      }
      return { path: '/admin/users', banner: { heading: 'Account saved', text: `${change.displayName}'s account has been changed.` } }
    }),
  )

  app.post<Params>('/admin/users/:userId/link', systemAdmin, async (request, reply) => {
    const caller = callerOf(request)
    const account = await admin.account(caller.user, request.params.userId, caller.ip)
    const token = await admin.issuePasswordLink(caller.user, account.id, caller.ip)
    return reply.view('features/admin/users/link.njk', { name: account.displayName, link: `${baseUrl}/set-password/${token}`, created: false })
  })
}
