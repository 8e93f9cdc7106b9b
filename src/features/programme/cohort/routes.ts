import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { ACCREDITED_MODULE, modules } from '../../../vocabulary/advocates.ts'
import { asFormErrors } from '../answers.ts'
import type { ProgrammeService } from '../service.ts'
import { addMemberSchema } from './schema.ts'

type CohortParams = { Params: { cohortId: string } }
type MemberParams = { Params: { cohortId: string; advocateId: string } }

const coordinator = { preHandler: requireRole('coordinator') }
const moduleOptions = modules.values.map((value) => ({ value, text: modules.labels[value] }))

/** One cohort: its sessions, its members and how far each has got; adding and taking out members. */
export function cohortRoutes(app: FastifyInstance, { programme }: { programme: ProgrammeService }): void {
  app.get<CohortParams>('/programme/cohorts/:cohortId', coordinator, async (request, reply) => {
    const cohort = await programme.cohort(callerOf(request), request.params.cohortId)
    const form = request.pageFlash.form
    return reply.view('features/programme/cohort/cohort.njk', {
      cohort,
      modules: moduleOptions,
      accreditedModule: ACCREDITED_MODULE,
      values: form?.values ?? {},
      errors: form?.errors,
    })
  })

  // Adding a member is the cohort page's own form.
  app.post<CohortParams>('/programme/cohorts/:cohortId', coordinator, async (request, reply) => {
    const caller = callerOf(request)
    await programme.requireCohort(caller, request.params.cohortId)
    return submitForm(request, reply, addMemberSchema, async ({ advocateId }) => {
      const name = await asFormErrors(() => programme.addMember(caller, request.params.cohortId, advocateId))
      return { path: `/programme/cohorts/${request.params.cohortId}`, banner: { heading: `${name} added to the cohort` } }
    })
  })

  app.post<MemberParams>('/programme/cohorts/:cohortId/members/:advocateId/remove', coordinator, async (request, reply) => {
    const name = await programme.removeMember(callerOf(request), request.params.cohortId, request.params.advocateId)
    return reply.redirectWithBanner(`/programme/cohorts/${request.params.cohortId}`, {
      heading: `${name} taken out of the cohort`,
      text: 'The sessions they attended and the modules they completed are kept.',
    })
  })
}
