import type { FastifyInstance } from 'fastify'
import { roleNames } from '../../../platform/auth/roles.ts'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { OwnAccountError, type AdminService } from '../service.ts'

type Params = { Params: { grantId: string } }

const serviceManager = { preHandler: requireRole('service_manager') }

/** Service managers see each time an account was given roles that open case records, and acknowledge it. */
export function roleChangesRoutes(app: FastifyInstance, { admin }: { admin: AdminService }): void {
  app.get('/admin/role-changes', serviceManager, async (request, reply) => {
    const grants = await admin.roleGrants(callerOf(request))
    return reply.view('features/admin/role-changes/role-changes.njk', {
      grants: grants.map((grant) => ({ ...grant, roleNames: grant.roles.map((role) => roleNames[role]).join(', ') })),
      errors: request.pageFlash.form?.errors,
    })
  })

  app.post<Params>('/admin/role-changes/:grantId/acknowledge', serviceManager, async (request, reply) => {
    try {
      await admin.acknowledgeRoleGrant(callerOf(request), request.params.grantId)
    } catch (error) {
      if (!(error instanceof OwnAccountError)) throw error
      return reply.redirectWithFormState('/admin/role-changes', { values: {}, errors: [{ field: 'form', message: error.message, href: '#role-changes' }] })
    }
    return reply.redirectWithBanner('/admin/role-changes', { heading: 'Role change acknowledged' })
  })
}
