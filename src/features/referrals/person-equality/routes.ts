import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { disabilityAnswers, ethnicities, relationshipsToChild } from '../../../vocabulary/equality.ts'
import type { ReferralService } from '../service.ts'
import { equalitySchema, valuesFrom } from './schema.ts'

type Params = { Params: { personId: string } }

const VIEW = 'features/referrals/person-equality/person-equality.njk'
const openers = { preHandler: requireRole('referrer', 'advocacy_admin', 'service_manager') }
const options = {
  relationships: relationshipsToChild.values.map((value) => ({ value, text: relationshipsToChild.labels[value] })),
  ethnicities: ethnicities.values.map((value) => ({ value, text: ethnicities.labels[value] })),
  disability: disabilityAnswers.values.map((value) => ({ value, text: disabilityAnswers.labels[value] })),
}

/** The equality questions on a parent or carer's record, for the service's equality figures. */
export function personEqualityRoutes(app: FastifyInstance, { referrals }: { referrals: ReferralService }): void {
  app.get<Params>('/people/:personId/equality', openers, async (request, reply) => {
    const person = await referrals.personEquality(callerOf(request), request.params.personId)
    const form = request.pageFlash.form
    const values = form?.values ?? valuesFrom(person.equality)
    return reply.view(VIEW, { person, values, version: values['version'] ?? person.version, errors: form?.errors, options })
  })

  app.post<Params>('/people/:personId/equality', openers, async (request, reply) =>
    submitForm(request, reply, equalitySchema, async ({ fields, version }) => {
      await referrals.savePersonEquality(callerOf(request), request.params.personId, fields, version)
      return { path: `/people/${request.params.personId}`, banner: { heading: 'Equality answers saved' } }
    }),
  )
}
