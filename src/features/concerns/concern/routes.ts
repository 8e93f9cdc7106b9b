import type { FastifyInstance, FastifyRequest } from 'fastify'
import { callerOf } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { concernAbouts, concernRaisers, concernStates, concernSteps } from '../../../vocabulary/concerns.ts'
import { acknowledgeSchema, closeSchema } from '../schema.ts'
import type { ConcernsService } from '../service.ts'

type Params = { Params: { concernId: string } }

/**
 * One concern: what was raised, who it is with and by when, every step it took; acknowledging it
 * (what you will do) and closing it (what was done). Open to every service manager, the people on
 * the authority's list and anyone it reached; "not found" to everyone else (ADR 25).
 */
export function concernRoutes(app: FastifyInstance, { concerns }: { concerns: ConcernsService }): void {
  // Who may not read the concern is refused before their form is read (a mistake in it must not tell them it exists).
  const readers = {
    preHandler: async (request: FastifyRequest<Params>) => {
      await concerns.concernOpenTo(callerOf(request), request.params.concernId)
    },
  }

  app.get<Params>('/concerns/:concernId', async (request, reply) => {
    const concern = await concerns.concernFor(callerOf(request), request.params.concernId)
    const form = request.pageFlash.form
    return reply.view('features/concerns/concern/concern.njk', {
      concern,
      labels: { abouts: concernAbouts.labels, raisers: concernRaisers.labels, states: concernStates.labels, steps: concernSteps.labels },
      values: form?.values ?? {},
      errors: form?.errors,
    })
  })

  app.post<Params>('/concerns/:concernId/acknowledge', readers, async (request, reply) =>
    submitForm(
      request,
      reply,
      acknowledgeSchema,
      async ({ plan, version }) => {
        await concerns.acknowledgeConcern(callerOf(request), request.params.concernId, plan, version)
        return {
          path: `/concerns/${request.params.concernId}`,
          banner: { heading: 'Concern acknowledged', text: 'It stays at the top of your work until it is closed.' },
        }
      },
      { backTo: `/concerns/${request.params.concernId}` },
    ),
  )

  app.post<Params>('/concerns/:concernId/close', readers, async (request, reply) =>
    submitForm(
      request,
      reply,
      closeSchema,
      async ({ outcome, version }) => {
        await concerns.closeConcern(callerOf(request), request.params.concernId, outcome, version)
        return { path: `/concerns/${request.params.concernId}`, banner: { heading: 'Concern closed' } }
      },
      { backTo: `/concerns/${request.params.concernId}` },
    ),
  )
}
