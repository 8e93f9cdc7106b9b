import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { someIds } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { addDays } from '../../../platform/time/calendar.ts'
import { londonDate, type Clock } from '../../../platform/time/clock.ts'
import { newPersonSchema } from '../person/schema.ts'
import type { ReferralService } from '../service.ts'
import { changingFromCheck, nextAfterSaving } from '../step-page.ts'

type Params = { Params: { referralId: string } }

const childrenSchema = z.object({ childIds: someIds('Select the children from the list') })

/** The children of the conference: tick those already known in the family, or add a child. */
export function childrenRoutes(app: FastifyInstance, { referrals, clock }: { referrals: ReferralService; clock: Clock }): void {
  app.get<Params>('/referrals/:referralId/children', async (request, reply) => {
    const caller = callerOf(request)
    const referral = await referrals.view(caller, request.params.referralId)
    if (!referral.actions.save_referral || !referral.person) return reply.redirectKeepingErrors(`/referrals/${referral.id}`)
    const family = await referrals.familyChildren(caller, referral.id)
    const form = request.pageFlash.form
    const chosen = form?.values['childIds'] ?? referral.children.map((child) => child.id)
    return reply.view('features/referrals/children/children.njk', {
      referral,
      family,
      chosen: [chosen].flat(),
      errors: form?.errors,
      fromCheck: changingFromCheck(request),
    })
  })

  app.post<Params>('/referrals/:referralId/children', async (request, reply) =>
    submitForm(request, reply, childrenSchema, async ({ childIds }) => {
      await referrals.setChildren(callerOf(request), request.params.referralId, childIds)
      return nextAfterSaving(request, request.params.referralId, `/referrals/${request.params.referralId}/meeting`)
    }),
  )

  app.get<Params>('/referrals/:referralId/children/new', async (request, reply) => {
    const referral = await referrals.view(callerOf(request), request.params.referralId)
    if (!referral.actions.save_referral || !referral.person) return reply.redirectKeepingErrors(`/referrals/${referral.id}`)
    const form = request.pageFlash.form
    return reply.view('features/referrals/children/new-child.njk', { referral, values: form?.values ?? {}, errors: form?.errors })
  })

  app.post<Params>('/referrals/:referralId/children/new', async (request, reply) => {
    const today = londonDate(clock.now())
    // A child may be unborn when the conference is held (a pre-birth conference): allow a due date up to 9 months ahead.
    const schema = newPersonSchema(addDays(today, 280), 'child')
    return submitForm(request, reply, schema, async (child) => {
      await referrals.addChild(callerOf(request), request.params.referralId, { ...child, pronouns: null })
      return `/referrals/${request.params.referralId}/children`
    })
  })
}
