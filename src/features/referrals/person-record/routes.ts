import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import type { ReferralService } from '../service.ts'
import { labels } from '../../../vocabulary/referrals.ts'

/** A person's page: who they are, and the referrals for them that this user may open. */
export function personRecordRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  app.get<{ Params: { personId: string } }>(
    '/people/:personId',
    { preHandler: requireRole('referrer', 'advocacy_admin', 'service_manager') },
    async (request, reply) => {
      const person = await referrals.personRecord(callerOf(request), request.params.personId)
      return reply.view('features/referrals/person-record/person-record.njk', { person, labels })
    },
  )
}
