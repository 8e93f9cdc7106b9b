import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { recordVersion } from '../../../platform/http/form-fields.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { childAnswerers, childCommunications, childNeeds, childOfferAnswers } from '../../../vocabulary/children.ts'
import { labels } from '../../../vocabulary/referrals.ts'
import { NotAskedDirectly, type ChildOfferAnswers } from '../child-offers-view.ts'
import type { ReferralService } from '../service.ts'
import { z } from 'zod'
import { childOfferSchema } from './schema.ts'

type Params = { Params: { referralId: string; childId: string } }

const choices = (vocabulary: { values: readonly string[]; labels: Readonly<Record<string, string>> }) =>
  vocabulary.values.map((value) => ({ value, text: vocabulary.labels[value] ?? value }))

/** What a form's checkboxes had ticked, whatever shape was sent back. */
function ticked(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value]
  return list.filter((item): item is string => typeof item === 'string')
}

/** The form's values from what is recorded. */
function valuesOf(answers: ChildOfferAnswers): Record<string, unknown> {
  return { ...answers, whoAnswered: answers.whoAnswered ?? undefined }
}

/**
 * A child's answer to the offer of an advocate of their own (issue 11): per child, per child
 * protection conference. The advocacy admin team records it; the age at the conference says
 * whether the child is asked, or someone speaks for them.
 */
export function childAdvocateRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  const path = '/referrals/:referralId/child-advocate/:childId'

  app.get<Params>(path, { preHandler: requireRole('advocacy_admin') }, async (request, reply) => {
    const page = await referrals.childOfferPage(callerOf(request), request.params.referralId, request.params.childId)
    const form = request.pageFlash.form
    const values = form?.values ?? valuesOf(page.child.answers)
    const { age } = page.child.age
    return reply.view('features/referrals/child-advocate/child-advocate.njk', {
      page,
      values,
      ticked: { communicates: ticked(values['communicates']), needs: ticked(values['needs']) },
      ageWords: age === null ? null : `${page.child.name} will be ${age} on the day.`,
      version: form?.values['version'] ?? page.child.version,
      errors: form?.errors,
      answers: choices(childOfferAnswers),
      answerers: childAnswerers.labels,
      communications: choices(childCommunications),
      needs: choices(childNeeds),
      labels,
      backTo: `/referrals/${page.referral.id}`,
    })
  })

  app.post<Params>(path, { preHandler: requireRole('advocacy_admin') }, async (request, reply) =>
    submitForm(request, reply, childOfferSchema, async ({ version, answers }) => {
      const { referralId, childId } = request.params
      try {
        const child = await referrals.saveChildOffer(callerOf(request), referralId, childId, answers, version)
        return { path: `/referrals/${referralId}`, banner: { heading: `${child.name}: answer recorded`, text: child.words } }
      } catch (error) {
        if (error instanceof NotAskedDirectly) throw FormRefusal.field('whoAnswered', error.message)
        throw error
      }
    }),
  )

  // From an accepted offer, the child's own referral (ADR 30): a button beside the offer on the parent's referral page.
  app.post<Params>(`${path}/referral`, { preHandler: requireRole('advocacy_admin') }, async (request, reply) => {
    const { referralId, childId } = request.params
    return submitForm(
      request,
      reply,
      z.object({ version: recordVersion() }),
      async ({ version }) => {
        const started = await referrals.startChildReferral(callerOf(request), referralId, childId, version)
        return {
          path: `/referrals/${started.id}`,
          banner: started.started
            ? { heading: `${started.childName}’s referral started: ${started.reference}`, text: 'It is with FGC Advocacy Admin, to pass to a service manager.' }
            : {
                heading: `${started.childName}’s referral was already started: ${started.reference}`,
                text: 'This is the referral started from their offer. No second one was made.',
              },
        }
      },
      { backTo: `/referrals/${referralId}` },
    )
  })
}
