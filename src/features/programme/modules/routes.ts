import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { dateInputValues } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { modules } from '../../../vocabulary/advocates.ts'
import { asFormErrors, listOf } from '../answers.ts'
import type { ProgrammeService } from '../service.ts'
import { modulesSchema } from './schema.ts'

type CohortParams = { Params: { cohortId: string } }

const coordinator = { preHandler: requireRole('coordinator') }
const moduleOptions = modules.values.map((value) => ({ value, text: modules.labels[value] }))

/** Which modules each member of the cohort has completed. */
export function modulesRoutes(app: FastifyInstance, { programme }: { programme: ProgrammeService }): void {
  app.get<CohortParams>('/programme/cohorts/:cohortId/modules', coordinator, async (request, reply) => {
    const page = await programme.moduleCompletion(callerOf(request), request.params.cohortId)
    const form = request.pageFlash.form
    const values = form?.values ?? dateInputValues('completedOn', programme.today())
    const ticked = form
      ? listOf(form.values['completed'])
      : page.members.flatMap((member) => modules.values.filter((module) => member.completed[module]).map((module) => `${member.id}:${module}`))
    // A refusal about one member's modules is shown on that member's checkboxes.
    const href = form?.errors?.find((error) => error.field === 'completed')?.href ?? ''
    const completedFor = href.startsWith('#completed-') ? href.slice('#completed-'.length) : undefined
    const version = form?.values['version'] ?? page.version
    return reply.view('features/programme/modules/modules.njk', {
      ...page,
      version,
      modules: moduleOptions,
      values,
      ticked,
      completedFor,
      errors: form?.errors,
    })
  })

  app.post<CohortParams>('/programme/cohorts/:cohortId/modules', coordinator, async (request, reply) => {
    const caller = callerOf(request)
    await programme.requireCohort(caller, request.params.cohortId)
    return submitForm(request, reply, modulesSchema, async (answers) => {
      const saved = await asFormErrors(() => programme.saveModules(caller, request.params.cohortId, answers))
      const changes = [
        saved.completed > 0 ? `${saved.completed} ${saved.completed === 1 ? 'module' : 'modules'} recorded as completed` : '',
        saved.removed > 0 ? `${saved.removed} no longer recorded as completed` : '',
      ].filter(Boolean)
      return {
        path: `/programme/cohorts/${request.params.cohortId}`,
        banner: { heading: 'Module completion saved', text: changes.length > 0 ? `${changes.join('; ')}.` : 'Nothing had changed.' },
      }
    })
  })
}
