import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { dateInputValues } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { formatDate } from '../../../platform/http/view-filters.ts'
import { ACCREDITED_MODULE, modules } from '../../../vocabulary/advocates.ts'
import { asFormErrors } from '../answers.ts'
import type { ProgrammeService } from '../service.ts'
import { accreditationSchema } from './schema.ts'

type CohortParams = { Params: { cohortId: string } }

const coordinator = { preHandler: requireRole('coordinator') }

/** The Level 2 accreditation of the advocacy module, for a member of the cohort who has completed it. */
export function accreditationRoutes(app: FastifyInstance, { programme }: { programme: ProgrammeService }): void {
  app.get<CohortParams>('/programme/cohorts/:cohortId/accreditation', coordinator, async (request, reply) => {
    const page = await programme.moduleCompletion(callerOf(request), request.params.cohortId)
    const form = request.pageFlash.form
    const values = form?.values ?? dateInputValues('accreditedOn', programme.today())
    return reply.view('features/programme/accreditation/accreditation.njk', {
      ...page,
      values,
      errors: form?.errors,
      accreditedModule: ACCREDITED_MODULE,
      moduleLabel: modules.labels[ACCREDITED_MODULE],
    })
  })

  app.post<CohortParams>('/programme/cohorts/:cohortId/accreditation', coordinator, async (request, reply) => {
    const caller = callerOf(request)
    await programme.requireCohort(caller, request.params.cohortId)
    return submitForm(request, reply, accreditationSchema, async ({ advocateId, accreditedOn }) => {
      const name = await asFormErrors(() => programme.recordAccreditation(caller, request.params.cohortId, advocateId, accreditedOn))
      return {
        path: `/programme/cohorts/${request.params.cohortId}`,
        banner: {
          heading: `${name}'s Level 2 accreditation recorded`,
          text: `Accredited on ${formatDate(accreditedOn)}. Move them to the next stage from their own page when they are ready.`,
        },
      }
    })
  })
}
