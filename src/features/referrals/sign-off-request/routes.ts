import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { managerChoice } from '../pass-to-manager/routes.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'

/** FGC Advocacy Admin sends the "Pass to FGC Service Manager" request for sign-off. */
export function signOffRequestRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  stepPage(app, referrals, {
    page: 'sign-off-request',
    events: ['request_sign_off'],
    schema: z.object(managerChoice),
    initialValues: (referral) => ({ managerId: referral.assignedManager?.id }),
    data: async (request) => ({ managers: await referrals.serviceManagers(callerOf(request)) }),
    save: async (request, referralId, { managerId, note }) => {
      await referrals.requestSignOff(callerOf(request), referralId, managerId, note)
      return {
        path: '/team-work',
        banner: { heading: 'Sent for sign-off', text: 'The service manager will mark it Advocacy Completed, or send it back to you.' },
      }
    },
  })
}
