import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import type { AdminService } from '../service.ts'

const systemAdmin = { preHandler: requireRole('system_admin') }

/** Everyone who can use the service, and whether they have chosen a password yet. */
export function usersRoutes(app: FastifyInstance, { admin }: { admin: AdminService }): void {
  app.get('/admin/users', systemAdmin, async (request, reply) => {
    const caller = callerOf(request)
    const [accounts, teams] = await Promise.all([admin.listAccounts(caller), admin.listTeams(caller)])
    return reply.view('features/admin/users/users.njk', { accounts, teams })
  })
}
