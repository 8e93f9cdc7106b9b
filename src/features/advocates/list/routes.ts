import type { FastifyInstance } from 'fastify'
import { hasRole } from '../../../platform/auth/roles.ts'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { labels } from '../choices.ts'
import type { AdvocateService } from '../service.ts'

const readers = { preHandler: requireRole('coordinator', 'advocacy_admin', 'service_manager') }

/** The pool: everyone, their stage, how much work they have and whether they can be offered more. */
export function listRoutes(app: FastifyInstance, { advocates }: { advocates: AdvocateService }): void {
  app.get('/advocates', readers, async (request, reply) => {
    const caller = callerOf(request)
    const pool = await advocates.list(caller)
    return reply.view('features/advocates/list/list.njk', { pool, labels, canEdit: hasRole(caller.user, 'coordinator') })
  })
}
