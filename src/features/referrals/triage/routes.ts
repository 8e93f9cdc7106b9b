import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { optionalText } from '../../../platform/http/form-fields.ts'
import { specialisms } from '../../../vocabulary/advocates.ts'
import type { AllocationService } from '../service.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'

/** "We will triage the referral and source an advocate from local services": recorded as the allocation. */
export function triageRoutes(app: FastifyInstance, { referrals, allocations }: { referrals: ReferralService; allocations: AllocationService }): void {
  stepPage(app, referrals, {
    page: 'triage',
    events: ['triage'],
    schema: z.object({
      localServiceId: z.string({ error: 'Select the local service' }).uuid('Select the local service'),
      note: optionalText('Note', 2000),
    }),
    data: async (request, referral) => ({ options: await allocations.triageOptions(callerOf(request), referral.id), specialismLabels: specialisms.labels }),
    save: async (request, referralId, { localServiceId, note }) => {
      await allocations.triage(callerOf(request), referralId, localServiceId, note)
      return { path: `/referrals/${referralId}`, banner: { heading: 'Triaged to a local service', text: 'It is recorded as the allocation.' } }
    },
  })
}
