import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import type { AdvocateService } from '../service.ts'
import { absenceSchema, removeSchema } from './schema.ts'

type Params = { Params: { advocateId: string } }

const coordinator = { preHandler: requireRole('coordinator') }

/** Time away: the days an advocate is not matched to meetings. */
export function absencesRoutes(app: FastifyInstance, { advocates }: { advocates: AdvocateService }): void {
  app.get<Params>('/advocates/:advocateId/absences', coordinator, async (request, reply) => {
    const advocate = await advocates.view(callerOf(request), request.params.advocateId)
    const form = request.pageFlash.form
    return reply.view('features/advocates/absences/absences.njk', { advocate, values: form?.values ?? {}, errors: form?.errors })
  })

  app.post<Params>('/advocates/:advocateId/absences', coordinator, async (request, reply) =>
    submitForm(request, reply, absenceSchema, async (absence) => {
      await advocates.addAbsence(callerOf(request), request.params.advocateId, absence)
      return {
        path: `/advocates/${request.params.advocateId}`,
        banner: { heading: 'Time away recorded', text: 'They will not be matched to meetings on those days.' },
      }
    }),
  )

  // The "Remove" button sits on the advocate's own page.
  app.post<{ Params: { advocateId: string; absenceId: string } }>('/advocates/:advocateId/absences/:absenceId/remove', coordinator, async (request, reply) => {
    const page = `/advocates/${request.params.advocateId}`
    return submitForm(
      request,
      reply,
      removeSchema,
      async () => {
        await advocates.removeAbsence(callerOf(request), request.params.advocateId, request.params.absenceId)
        return { path: page, banner: { heading: 'Time away removed' } }
      },
      { backTo: page },
    )
  })
}
