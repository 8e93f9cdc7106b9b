import type { FastifyInstance } from 'fastify'
import { hasRole } from '../../../platform/auth/roles.ts'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { londonDate, type Clock } from '../../../platform/time/clock.ts'
import { labels } from '../choices.ts'
import type { AdvocateService } from '../service.ts'

const readers = { preHandler: requireRole('coordinator', 'advocacy_admin', 'service_manager') }

/** One advocate's whole record; the coordinator's ways to change it start here. */
export function advocatePageRoutes(app: FastifyInstance, { advocates, clock }: { advocates: AdvocateService; clock: Clock }): void {
  app.get<{ Params: { advocateId: string } }>('/advocates/:advocateId', readers, async (request, reply) => {
    const caller = callerOf(request)
    const advocate = await advocates.view(caller, request.params.advocateId)
    return reply.view('features/advocates/advocate/advocate.njk', {
      advocate,
      labels,
      canEdit: hasRole(caller.user, 'coordinator'),
      today: londonDate(clock.now()),
    })
  })
}
