import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import type { ReferralService } from '../service.ts'
import { labels } from '../../../vocabulary/referrals.ts'
import { disabilityAnswers, ethnicities, PREFER_NOT_TO_SAY, relationshipsToChild } from '../../../vocabulary/equality.ts'

/** A person's page: who they are, and the referrals for them that this user may open. */
export function personRecordRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  app.get<{ Params: { personId: string } }>(
    '/people/:personId',
    { preHandler: requireRole('referrer', 'advocacy_admin', 'service_manager') },
    async (request, reply) => {
      const person = await referrals.personRecord(callerOf(request), request.params.personId)
      const { relationshipToChild, ethnicity, firstLanguage, disability } = person.equality
      const equality = {
        relationshipToChild: relationshipsToChild.label(relationshipToChild),
        ethnicity: ethnicities.label(ethnicity),
        firstLanguage: firstLanguage === PREFER_NOT_TO_SAY ? 'Prefer not to say' : (firstLanguage ?? ''),
        disability: disabilityAnswers.label(disability),
      }
      return reply.view('features/referrals/person-record/person-record.njk', { person, labels, equality })
    },
  )
}
