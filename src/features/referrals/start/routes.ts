import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { isId } from '../../../platform/ids.ts'
import type { ReferralService } from '../service.ts'

const startSchema = z.object({ personId: z.string().optional() })

/** "Start": the way into a new Child Protection Advocacy Referral. */
export function startRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  app.get('/start', { preHandler: requireRole('referrer') }, async (_request, reply) => reply.view('features/referrals/start/start.njk', {}))

  app.post('/referrals', { preHandler: requireRole('referrer') }, async (request, reply) => {
    const form = parseForm(startSchema, request.body)
    const personId = form.ok && isId(form.data.personId) ? form.data.personId : null
    const referralId = await referrals.start(callerOf(request), personId)
    return reply.redirect(personId ? `/referrals/${referralId}` : `/referrals/${referralId}/person`, 303)
  })
}
