import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../../platform/errors.ts'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { dateInputValues } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { formatDate } from '../../../platform/http/view-filters.ts'
import { ACCREDITED_MODULE, modules } from '../../../vocabulary/advocates.ts'
import { asFormErrors, listOf } from '../answers.ts'
import { accreditationSchema, addMemberSchema, cohortSchema, modulesSchema, registerSchema, weekOf } from '../schema.ts'
import { COHORT_WEEKS, type ProgrammeService } from '../service.ts'

type CohortParams = { Params: { cohortId: string } }
type SessionParams = { Params: { cohortId: string; week: string } }
type MemberParams = { Params: { cohortId: string; advocateId: string } }

const coordinator = { preHandler: requireRole('coordinator') }
const moduleOptions = modules.values.map((value) => ({ value, text: modules.labels[value] }))

function weekFrom(value: string): number {
  const week = weekOf(value)
  if (week === undefined) throw new NotFoundError('No such session')
  return week
}

/** Training cohorts: eight weekly sessions, who came to each, which modules each member completed, and accreditation. */
export function cohortRoutes(app: FastifyInstance, { programme }: { programme: ProgrammeService }): void {
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

  app.get<CohortParams>('/programme/cohorts/:cohortId', coordinator, async (request, reply) => {
    const cohort = await programme.cohort(callerOf(request), request.params.cohortId)
    const form = request.pageFlash.form
    return reply.view('features/programme/cohorts/cohort.njk', {
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

  app.get<SessionParams>('/programme/cohorts/:cohortId/sessions/:week', coordinator, async (request, reply) => {
    const register = await programme.register(callerOf(request), request.params.cohortId, weekFrom(request.params.week))
    const form = request.pageFlash.form
    const attended = form ? listOf(form.values['attended']) : register.attended
    return reply.view('features/programme/cohorts/register.njk', { register, attended, errors: form?.errors, weeks: COHORT_WEEKS })
  })

  app.post<SessionParams>('/programme/cohorts/:cohortId/sessions/:week', coordinator, async (request, reply) => {
    const caller = callerOf(request)
    const week = weekFrom(request.params.week)
    await programme.requireCohort(caller, request.params.cohortId)
    return submitForm(request, reply, registerSchema, async ({ attended }) => {
      await asFormErrors(() => programme.recordAttendance(caller, request.params.cohortId, week, attended))
      return {
        path: `/programme/cohorts/${request.params.cohortId}`,
        banner: { heading: `Attendance for week ${week} saved`, text: `${attended.length} of the cohort attended.` },
      }
    })
  })

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
    return reply.view('features/programme/cohorts/modules.njk', { ...page, modules: moduleOptions, values, ticked, completedFor, errors: form?.errors })
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

  app.get<CohortParams>('/programme/cohorts/:cohortId/accreditation', coordinator, async (request, reply) => {
    const page = await programme.moduleCompletion(callerOf(request), request.params.cohortId)
    const form = request.pageFlash.form
    const values = form?.values ?? dateInputValues('accreditedOn', programme.today())
    return reply.view('features/programme/cohorts/accreditation.njk', {
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
