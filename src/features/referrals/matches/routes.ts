import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { queryOf } from '../../../platform/http/query.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { formatDateTime } from '../../../platform/http/view-filters.ts'
import { advocateKinds, specialisms } from '../../../vocabulary/advocates.ts'
import type { AllocationService } from '../service.ts'
import type { ReferralService } from '../service.ts'
import { refuseUnlessOpen } from '../step-page.ts'

type Params = { Params: { referralId: string } }

const SHOWN_AT_FIRST = 10

/** From the Child Protection Advocacy Review: the pool ranked for this person, and an offer to one advocate. */
export function matchesRoutes(app: FastifyInstance, { referrals, allocations }: { referrals: ReferralService; allocations: AllocationService }): void {
  const admin = { preHandler: requireRole('advocacy_admin') }

  app.get<Params>('/referrals/:referralId/matches', admin, async (request, reply) => {
    const caller = callerOf(request)
    const referral = await referrals.view(caller, request.params.referralId)
    const refused = await refuseUnlessOpen(reply, referral, ['offer'])
    if (refused) return refused
    const { request: needs, result } = await allocations.matches(caller, referral.id)
    const all = queryOf(request)['all'] === 'yes'
    return reply.view('features/referrals/matches/matches.njk', {
      referral,
      needs,
      ranked: all ? result.ranked : result.ranked.slice(0, SHOWN_AT_FIRST),
      rankedCount: result.ranked.length,
      excluded: result.excluded,
      all,
      errors: request.pageFlash.form?.errors,
      kinds: advocateKinds.labels,
      specialismLabels: specialisms.labels,
    })
  })

  app.post<Params>('/referrals/:referralId/matches', admin, async (request, reply) =>
    submitForm(
      request,
      reply,
      z.object({ advocateId: z.string({ error: 'Choose an advocate to offer the referral to' }).uuid('Choose an advocate to offer the referral to') }),
      async ({ advocateId }) => {
        const { respondBy } = await allocations.offer(callerOf(request), request.params.referralId, advocateId)
        return {
          path: `/referrals/${request.params.referralId}`,
          banner: { heading: 'Offer sent', text: `The advocate has until ${formatDateTime(respondBy)} to answer. If they do not, it comes back to your team.` },
        }
      },
    ),
  )
}
