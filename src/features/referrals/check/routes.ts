import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { optionalText } from '../../../platform/http/form-fields.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import type { ReferralService } from '../service.ts'
import { LateReasonNeededError } from '../timeliness.ts'
import { labels } from '../../../vocabulary/referrals.ts'

type Params = { Params: { referralId: string } }

const sendSchema = z.object({
  note: optionalText('Note', 2000),
  lateReason: optionalText('Why the referral is late', 2000),
})

/**
 * "Check your answers", then the mandatory request: Section 1 is finished by sending "Pass to FGC
 * Service Manager" to the FGC Advocacy Admin team. When the manager has returned the referral for
 * more information, the same page sends it back to them.
 */
export function checkRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  app.get<Params>('/referrals/:referralId/check', async (request, reply) => {
    const caller = callerOf(request)
    const referral = await referrals.view(caller, request.params.referralId)
    const event = referral.state === 'returned' ? 'resubmit' : 'send_request'
    const blockers = referral.actions[event]
    if (!blockers) return reply.redirectKeepingErrors(`/referrals/${referral.id}`)
    const timeliness = referral.state === 'draft' ? await referrals.timelinessIfSentToday(caller, referral.id) : referral.timeliness
    const returnNote = referral.state === 'returned' ? referral.timeline.find((entry) => entry.event === 'return_for_information') : undefined
    const form = request.pageFlash.form
    return reply.view('features/referrals/check/check.njk', {
      referral,
      event,
      blockers: blockers.filter((blocker) => !/late/.test(blocker)),
      timeliness,
      returnNote,
      labels,
      values: form?.values ?? {},
      errors: form?.errors,
    })
  })

  app.post<Params>('/referrals/:referralId/check', async (request, reply) =>
    submitForm(request, reply, sendSchema, async ({ note, lateReason }) => {
      const caller = callerOf(request)
      const { referralId } = request.params
      const referral = await referrals.view(caller, referralId)
      if (referral.state === 'returned') {
        await referrals.resubmit(caller, referralId, note)
        return {
          path: `/referrals/${referralId}`,
          banner: { heading: 'Sent back to the service manager', text: `${referral.assignedManager?.name ?? 'The service manager'} will look at it again.` },
        }
      }
      try {
        await referrals.sendRequest(caller, referralId, { note, lateReason })
      } catch (error) {
        if (error instanceof LateReasonNeededError) throw FormRefusal.field('lateReason', 'Say why the referral is being made late')
        throw error
      }
      return `/referrals/${referralId}/sent`
    }),
  )

  app.get<Params>('/referrals/:referralId/sent', async (request, reply) => {
    const referral = await referrals.view(callerOf(request), request.params.referralId)
    if (!referral.isReferrer || referral.state === 'draft') return reply.redirectKeepingErrors(`/referrals/${referral.id}`)
    return reply.view('features/referrals/check/sent.njk', { referral })
  })
}
