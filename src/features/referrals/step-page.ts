import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { callerOf } from '../../platform/http/authentication.ts'
import { queryOf } from '../../platform/http/query.ts'
import { submitForm } from '../../platform/http/submit-form.ts'
import type { Banner } from '../../platform/http/session.ts'
import type { ReferralService, ReferralView } from './service.ts'
import { labels } from '../../vocabulary/referrals.ts'
import type { WorkflowEvent } from './workflow.ts'

type Params = { Params: { referralId: string } }

export interface StepPage<S extends z.ZodType> {
  /** The URL segment after `/referrals/:referralId/`, and the folder holding `<page>.njk`. */
  readonly page: string
  /** The page is offered only while the user may take one of these steps. */
  readonly events: readonly WorkflowEvent[]
  readonly schema: S
  /** What the form shows before anything is typed. */
  readonly initialValues?: (referral: ReferralView) => Record<string, unknown>
  /** Anything else the template needs. */
  readonly data?: (request: FastifyRequest, referral: ReferralView) => Promise<Record<string, unknown>>
  /** Takes the step; returns where to go next, with a banner to show there. */
  readonly save: (request: FastifyRequest, referralId: string, data: z.output<S>) => Promise<{ path: string; banner: Banner } | string>
}

/**
 * Whether a page for one of these steps may be shown now. When it may not, the browser goes back to
 * the referral with why: what is still needed, or that the step does not apply to it now. Errors the
 * page was about to show (a refused post) go with it instead, so a refusal is never lost.
 */
export async function refuseUnlessOpen(reply: FastifyReply, referral: ReferralView, events: readonly WorkflowEvent[]): Promise<FastifyReply | null> {
  if (events.some((event) => referral.actions[event]?.length === 0)) return null
  const back = `/referrals/${referral.id}`
  if (reply.request.pageFlash.form?.errors?.length) return reply.redirectKeepingErrors(back)
  const needed = events.map((event) => referral.actions[event]).find((blockers) => blockers !== undefined)
  if (needed) return reply.redirectWithBanner(back, { type: 'important', heading: 'This cannot be done yet', text: sentences(needed) })
  const reason = events.map((event) => referral.unavailable[event]).find((why) => why !== undefined)
  return reply.redirectWithBanner(back, {
    type: 'important',
    heading: 'This cannot be done now',
    text: reason ? sentences([reason]) : 'This step is not open to you for this referral now. This page shows what can be done next.',
  })
}

function sentences(reasons: readonly string[]): string {
  return reasons.map((reason) => `${reason}.`).join(' ')
}

/**
 * The shape shared by every single-form workflow step (pass to a manager, decide, record the
 * advocate, sign off, withdraw…): the page is shown only to someone the workflow lets take the step
 * now (anyone else goes back to the referral, told why); its form follows the GOV.UK error pattern; taking the step is the service's job.
 */
export function stepPage<S extends z.ZodType>(app: FastifyInstance, referrals: ReferralService, step: StepPage<S>): void {
  const path = `/referrals/:referralId/${step.page}`
  const view = `features/referrals/${step.page}/${step.page}.njk`

  app.get<Params>(path, async (request: FastifyRequest<Params>, reply: FastifyReply) => {
    const referral = await referrals.view(callerOf(request), request.params.referralId)
    const refused = await refuseUnlessOpen(reply, referral, step.events)
    if (refused) return refused
    const form = request.pageFlash.form
    const values = form?.values ?? step.initialValues?.(referral) ?? {}
    const extra = step.data ? await step.data(request, referral) : {}
    return reply.view(view, { referral, values, errors: form?.errors, labels, ...extra })
  })

  app.post<Params>(path, async (request: FastifyRequest<Params>, reply: FastifyReply) =>
    submitForm(request, reply, step.schema, (data) => step.save(request, request.params.referralId, data)),
  )
}

/**
 * "Check your answers" is the hub (the GOV.UK pattern): its Change links add `?change=check`, the
 * page's form carries it on in a hidden field (so it survives a refused form), and saving goes back
 * to "Check your answers" instead of onwards. Only this one value is read: nothing sent can choose
 * where the browser goes.
 */
export function changingFromCheck(request: FastifyRequest): boolean {
  const sent = request.method === 'POST' ? (request.body as Record<string, unknown> | null | undefined)?.['change'] : queryOf(request)['change']
  return sent === 'check' || (request.method === 'GET' && request.pageFlash.form?.values['change'] === 'check')
}

/** Where a page goes once saved: back to "Check your answers" when it was opened from there, else onwards. */
export function nextAfterSaving(request: FastifyRequest, referralId: string, onwards: string): string {
  return changingFromCheck(request) ? `/referrals/${referralId}/check` : onwards
}
