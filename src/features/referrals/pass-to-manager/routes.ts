import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { optionalText } from '../../../platform/http/form-fields.ts'
import type { ReferralService } from '../service.ts'
import { stepPage } from '../step-page.ts'

export const managerChoice = {
  managerId: z.string({ error: 'Select a service manager' }).uuid('Select a service manager'),
  note: optionalText('Note', 2000),
}

/** FGC Advocacy Admin passes the "Pass to FGC Service Manager" request to a named service manager. */
export function passToManagerRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  stepPage(app, referrals, {
    page: 'pass-to-manager',
    events: ['pass_to_manager'],
    schema: z.object(managerChoice),
    data: async (request) => ({ managers: await referrals.serviceManagers(callerOf(request)) }),
    save: async (request, referralId, { managerId, note }) => {
      await referrals.passToManager(callerOf(request), referralId, managerId, note)
      return { path: '/team-work', banner: { heading: 'Passed to the service manager', text: 'It is now in their work, for the Advocacy Manager’s Decision.' } }
    },
  })
}
