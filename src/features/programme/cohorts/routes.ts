import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { formatDate } from '../../../platform/http/view-filters.ts'
import { asFormErrors } from '../answers.ts'
import { COHORT_WEEKS } from '../programme.ts'
import type { ProgrammeService } from '../service.ts'
import { cohortSchema } from './schema.ts'

const coordinator = { preHandler: requireRole('coordinator') }

/** The training cohorts, and adding one: its eight weekly sessions are made with it. */
export function cohortsRoutes(app: FastifyInstance, { programme }: { programme: ProgrammeService }): void {
  app.get('/programme/cohorts', coordinator, async (request, reply) => {
    const cohorts = await programme.cohorts(callerOf(request))
    const form = request.pageFlash.form
    return reply.view('features/programme/cohorts/cohorts.njk', { cohorts, values: form?.values ?? {}, errors: form?.errors, weeks: COHORT_WEEKS })
  })

  app.post('/programme/cohorts', coordinator, async (request, reply) =>
    submitForm(request, reply, cohortSchema, async (cohort) => {
      const cohortId = await asFormErrors(() => programme.createCohort(callerOf(request), cohort))
      return {
        path: `/programme/cohorts/${cohortId}`,
        banner: { heading: 'Cohort added', text: `Its ${COHORT_WEEKS} weekly sessions start on ${formatDate(cohort.startsOn)}. Add the people taking part.` },
      }
    }),
  )
}
