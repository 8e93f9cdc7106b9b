import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../../platform/errors.ts'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { asFormErrors, listOf } from '../answers.ts'
import { COHORT_WEEKS } from '../programme.ts'
import type { ProgrammeService } from '../service.ts'
import { registerSchema, weekOf } from './schema.ts'

type SessionParams = { Params: { cohortId: string; week: string } }

const coordinator = { preHandler: requireRole('coordinator') }

function weekFrom(value: string): number {
  const week = weekOf(value)
  if (week === undefined) throw new NotFoundError('No such session')
  return week
}

/** Each week's register: who of the cohort came. Saving replaces the week's attendance. */
export function registerRoutes(app: FastifyInstance, { programme }: { programme: ProgrammeService }): void {
  app.get<SessionParams>('/programme/cohorts/:cohortId/sessions/:week', coordinator, async (request, reply) => {
    const register = await programme.register(callerOf(request), request.params.cohortId, weekFrom(request.params.week))
    const form = request.pageFlash.form
    const attended = form ? listOf(form.values['attended']) : register.attended
    const version = form?.values['version'] ?? register.session.version
    return reply.view('features/programme/register/register.njk', { register, attended, version, errors: form?.errors, weeks: COHORT_WEEKS })
  })

  app.post<SessionParams>('/programme/cohorts/:cohortId/sessions/:week', coordinator, async (request, reply) => {
    const caller = callerOf(request)
    const week = weekFrom(request.params.week)
    await programme.requireCohort(caller, request.params.cohortId)
    return submitForm(request, reply, registerSchema, async ({ attended, version }) => {
      await asFormErrors(() => programme.recordAttendance(caller, request.params.cohortId, week, attended, version))
      return {
        path: `/programme/cohorts/${request.params.cohortId}`,
        banner: { heading: `Attendance for week ${week} saved`, text: `${attended.length} of the cohort attended.` },
      }
    })
  })
}
