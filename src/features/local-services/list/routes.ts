import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { specialisms } from '../../../vocabulary/advocates.ts'
import type { LocalServices } from '../service.ts'

const keepers = { preHandler: requireRole('advocacy_admin', 'coordinator', 'service_manager') }

/** The directory of local services for triage. */
export function listRoutes(app: FastifyInstance, { localServices }: { localServices: LocalServices }): void {
  app.get('/local-services', keepers, async (request, reply) => {
    const services = await localServices.list(callerOf(request))
    return reply.view('features/local-services/list/list.njk', { services, labels: specialisms.labels })
  })
}
