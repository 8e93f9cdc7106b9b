import type { FastifyInstance } from 'fastify'
import { callerOf } from '../../../platform/http/authentication.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { consultationBands, consultationDeclines, consultationReaders, consultationStatuses, consultationWays } from '../../../vocabulary/children.ts'
import { ConsultationRefused, type ConsultationPage } from '../consultation-service.ts'
import { staffConsultationSchema } from '../schema.ts'
import type { ConsultationService } from '../service.ts'

type Params = { Params: { referralId: string; childId: string } }

/** What a refusal of the band's rules says to staff. */
export function staffWords(error: ConsultationRefused): string {
  if (error.reason === 'too_long') return `This answer must be ${error.max ?? 0} characters or fewer on the form for this age`
  if (error.reason === 'needs_helper') return 'A child of 4 to 7 does the form with a trusted adult: select yes and enter who helped'
  return 'Enter at least one of the child’s answers'
}

/** What a ticked list looks like, whatever shape it came back in. */
function ticked(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value]
  return list.filter((item): item is string => typeof item === 'string')
}

/** The form's values from what is recorded (only when this member of staff may read the answers). */
function valuesOf(page: ConsultationPage): Record<string, unknown> {
  const recorded = page.recorded
  if (!recorded) return {}
  return {
    outcome: recorded.status,
    helped: recorded.status === 'completed' ? (recorded.helper ? 'yes' : 'no') : undefined,
    helperName: recorded.helper?.name,
    helperRelationship: recorded.helper?.relationship,
    ...(page.answers ?? {}),
    shareWith: recorded.shareWith,
    declineReason: recorded.declineReason ?? undefined,
    declineDetail: recorded.declineDetail ?? undefined,
  }
}

/**
 * A child's consultation before a review conference (issue 11, ADR 31), for staff: where it
 * stands, and recording it done with the child (the advocate) or from paper (an admin), or that
 * they did not take part; and the printable page for the chair, with only what the child agreed.
 */
export function consultationStaffRoutes(app: FastifyInstance, { consultation }: { consultation: ConsultationService }): void {
  const path = '/referrals/:referralId/consultation/:childId'

  app.get<Params>(path, async (request, reply) => {
    const page = await consultation.consultationPage(callerOf(request), request.params.referralId, request.params.childId)
    const form = request.pageFlash.form
    const values = form?.values ?? valuesOf(page)
    return reply.view('features/consultation/staff/consultation.njk', {
      page,
      values,
      shareTicked: ticked(values['shareWith']),
      version: page.version,
      errors: form?.errors,
      statuses: consultationStatuses.labels,
      ways: consultationWays.labels,
      bands: consultationBands.labels,
      declines: consultationDeclines.labels,
      readers: consultationReaders.labels,
      backTo: page.viewer === 'advocate' ? '/' : `/referrals/${page.referral.id}`,
    })
  })

  app.post<Params>(path, async (request, reply) =>
    submitForm(request, reply, staffConsultationSchema, async ({ version, consultation: answers }) => {
      const { referralId, childId } = request.params
      try {
        const saved = await consultation.recordConsultation(callerOf(request), referralId, childId, answers, version)
        return {
          path: request.url.split('?')[0] ?? request.url,
          banner: {
            heading: `${saved.name}: consultation recorded`,
            text: saved.status === 'completed' ? 'Their answers are saved.' : 'Saved: they did not take part.',
          },
        }
      } catch (error) {
        if (error instanceof ConsultationRefused) throw FormRefusal.field(error.field, staffWords(error))
        throw error
      }
    }),
  )

  app.get<Params>(`${path}/for-the-chair`, async (request, reply) => {
    const page = await consultation.consultationForTheChair(callerOf(request), request.params.referralId, request.params.childId)
    return reply.header('cache-control', 'no-store').view('features/consultation/staff/for-the-chair.njk', {
      page,
      backTo: `/referrals/${page.referral.id}/consultation/${request.params.childId}`,
    })
  })
}
