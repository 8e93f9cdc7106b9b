import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { queryOf } from '../../../platform/http/query.ts'
import { seenByQuery } from '../seen-by/schema.ts'
import type { ReferralService } from '../service.ts'

/** "Who has seen this record" for a person: service managers only (the service checks the person is theirs to see). */
export function personSeenByRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  app.get<{ Params: { personId: string } }>('/people/:personId/seen-by', { preHandler: requireRole('service_manager') }, async (request, reply) => {
    const { page } = seenByQuery.parse(queryOf(request))
    const seen = await referrals.personSeenBy(callerOf(request), request.params.personId, page)
    return reply.view('features/referrals/person-seen-by/person-seen-by.njk', { seen, path: `/people/${seen.person.id}/seen-by` })
  })
}
