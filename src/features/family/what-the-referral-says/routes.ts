import type { FastifyInstance } from 'fastify'
import { familyCallerOf } from '../family-request.ts'
import type { FamilyPagesService } from '../pages-service.ts'

/** What the referral says about them: Section 1 and the manager's reasons, as written (open records), never the safety notes. */
export function referralSaysRoutes(app: FastifyInstance, { pages }: { pages: FamilyPagesService }): void {
  app.get('/what-the-referral-says', async (request, reply) => {
    const says = await pages.familyReferralSays(familyCallerOf(request))
    return reply.view('features/family/what-the-referral-says/what-the-referral-says.njk', { says, navigation: 'referral' })
  })
}
