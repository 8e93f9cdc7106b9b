import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import type { AdminService } from '../service.ts'

const systemAdmin = { preHandler: requireRole('system_admin') }

/** One team and who is in it. */
export function teamRoutes(app: FastifyInstance, { admin }: { admin: AdminService }): void {
  app.get<{ Params: { teamId: string } }>('/admin/teams/:teamId', systemAdmin, async (request, reply) => {
    const team = await admin.team(callerOf(request), request.params.teamId)
    return reply.view('features/admin/team/team.njk', { team })
  })
}
