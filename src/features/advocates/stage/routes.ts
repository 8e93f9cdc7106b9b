import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { stages } from '../../../vocabulary/advocates.ts'
import { labels, options } from '../choices.ts'
import type { AdvocateService } from '../service.ts'
import { stageSchema } from './schema.ts'

type Params = { Params: { advocateId: string } }

const coordinator = { preHandler: requireRole('coordinator') }

/** Moving an advocate to another stage of the programme; each move is kept. */
export function stageRoutes(app: FastifyInstance, { advocates }: { advocates: AdvocateService }): void {
  app.get<Params>('/advocates/:advocateId/stage', coordinator, async (request, reply) => {
    const advocate = await advocates.view(callerOf(request), request.params.advocateId)
    const form = request.pageFlash.form
    return reply.view('features/advocates/stage/stage.njk', {
      advocate,
      values: form?.values ?? { stage: advocate.stage },
      errors: form?.errors,
      options,
      labels,
    })
  })

  app.post<Params>('/advocates/:advocateId/stage', coordinator, async (request, reply) =>
    submitForm(request, reply, stageSchema, async ({ stage, version }) => {
      await advocates.moveStage(callerOf(request), request.params.advocateId, stage, version)
      return { path: `/advocates/${request.params.advocateId}`, banner: { heading: `Moved to ${stages.labels[stage]}` } }
    }),
  )
}
