import type { FastifyInstance, FastifyRequest } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { concernAbouts } from '../../../vocabulary/concerns.ts'
import { advocateConcernSchema } from '../schema.ts'
import type { ConcernsService } from '../service.ts'

type Params = { Params: { allocationId: string } }

const advocate = { preHandler: requireRole('advocate') }

/** An advocate raises a safeguarding concern from the page of a person they work with (issue 11). */
export function raiseConcernRoutes(app: FastifyInstance, { concerns }: { concerns: ConcernsService }): void {
  app.get<Params>('/my-people/people/:allocationId/concern', advocate, async (request, reply) => {
    const person = await concerns.concernFormFor(callerOf(request), request.params.allocationId)
    const form = request.pageFlash.form
    return reply.view('features/concerns/raise/raise.njk', {
      person,
      abouts: concernAbouts,
      values: form?.values ?? {},
      errors: form?.errors,
    })
  })

  // Someone else's person is refused before the form is read (a mistake in it must not tell them the person exists).
  const ownPerson = {
    preHandler: [
      requireRole('advocate'),
      async (request: FastifyRequest<Params>) => {
        await concerns.concernFormFor(callerOf(request), request.params.allocationId)
      },
    ],
  }

  app.post<Params>('/my-people/people/:allocationId/concern', ownPerson, async (request, reply) =>
    submitForm(request, reply, advocateConcernSchema, async (concern) => {
      await concerns.raiseAsAdvocate(callerOf(request), request.params.allocationId, concern)
      return {
        path: `/my-people/people/${request.params.allocationId}`,
        banner: {
          heading: 'Concern raised',
          text: 'It has gone to the people who receive concerns, who must acknowledge it in time. If anyone is in danger now, call 999.',
        },
      }
    }),
  )
}
