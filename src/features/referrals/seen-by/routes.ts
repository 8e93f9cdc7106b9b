import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { queryOf } from '../../../platform/http/query.ts'
import type { ReferralService } from '../service.ts'
import { seenByQuery } from './schema.ts'

/** "Who has seen this record" for a referral: service managers only (the service checks the referral is theirs to see). */
export function seenByRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  app.get<{ Params: { referralId: string } }>('/referrals/:referralId/seen-by', { preHandler: requireRole('service_manager') }, async (request, reply) => {
    const { page } = seenByQuery.parse(queryOf(request))
    const seen = await referrals.referralSeenBy(callerOf(request), request.params.referralId, page)
    return reply.view('features/referrals/seen-by/seen-by.njk', { seen, path: `/referrals/${seen.referral.id}/seen-by` })
  })
}
