import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { dateInputValues } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { formatDate } from '../../../platform/http/view-filters.ts'
import { supervisionKinds } from '../../../vocabulary/advocates.ts'
import { asFormErrors, listOf } from '../answers.ts'
import type { ProgrammeService } from '../service.ts'
import { supervisionSchema } from './schema.ts'

const coordinator = { preHandler: requireRole('coordinator') }
const kindOptions = supervisionKinds.values.map((value) => ({ value, text: supervisionKinds.labels[value] }))

/** Recording a supervision session, one-to-one or group, and who came. */
export function newSupervisionRoutes(app: FastifyInstance, { programme }: { programme: ProgrammeService }): void {
  app.get('/programme/supervision/new', coordinator, async (request, reply) => {
    const candidates = await programme.supervisionCandidates(callerOf(request))
    const form = request.pageFlash.form
    const values = form?.values ?? dateInputValues('heldOn', programme.today())
    return reply.view('features/programme/new-supervision/new-supervision.njk', {
      candidates,
      values,
      attendees: listOf(values['attendees']),
      kinds: kindOptions,
      errors: form?.errors,
    })
  })

  app.post('/programme/supervision/new', coordinator, async (request, reply) =>
    submitForm(request, reply, supervisionSchema, async (session) => {
      await asFormErrors(() => programme.recordSupervision(callerOf(request), session))
      const who = session.attendees.length === 1 ? '1 person' : `${session.attendees.length} people`
      return {
        path: '/programme/supervision',
        banner: { heading: `${supervisionKinds.labels[session.kind]} supervision recorded`, text: `Held on ${formatDate(session.heldOn)}, with ${who}.` },
      }
    }),
  )
}
