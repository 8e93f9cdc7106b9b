import type { FastifyInstance } from 'fastify'
import { callerOf } from '../../../platform/http/authentication.ts'
import { queryOf } from '../../../platform/http/query.ts'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { londonDate, type Clock } from '../../../platform/time/clock.ts'
import type { PeopleService } from '../../people/service.ts'
import type { ReferralService } from '../service.ts'
import { searchSchema } from '../../people/schema.ts'
import { chooseSchema, newPersonSchema } from './schema.ts'

type Params = { Params: { referralId: string } }

/** Find the parent or carer first, so one person is not recorded twice; add them only if not found. */
export function personRoutes(app: FastifyInstance, { referrals, people, clock }: { referrals: ReferralService; people: PeopleService; clock: Clock }): void {
  app.get<Params>('/referrals/:referralId/person', async (request, reply) => {
    const caller = callerOf(request)
    const referral = await referrals.view(caller, request.params.referralId)
    if (!referral.actions.save_referral) return reply.redirectKeepingErrors(`/referrals/${referral.id}`)
    const query = queryOf(request)
    const searched = 'name' in query
    const values: Record<string, unknown> = { name: '', ...query }
    if (!searched) return reply.view('features/referrals/person/person.njk', { referral, values, searched, errors: request.pageFlash.form?.errors })
    const form = parseForm(searchSchema, query)
    if (!form.ok) return reply.code(400).view('features/referrals/person/person.njk', { referral, values, errors: form.errors, searched: false })
    const results = await people.search(caller, form.data)
    const addQuery = new URLSearchParams({ name: form.data.name })
    return reply.view('features/referrals/person/person.njk', { referral, values, searched, results, addQuery: addQuery.toString() })
  })

  app.post<Params>('/referrals/:referralId/person', async (request, reply) =>
    submitForm(request, reply, chooseSchema, async ({ personId }) => {
      await referrals.choosePerson(callerOf(request), request.params.referralId, personId)
      return `/referrals/${request.params.referralId}/children`
    }),
  )

  app.get<Params>('/referrals/:referralId/person/new', async (request, reply) => {
    const referral = await referrals.view(callerOf(request), request.params.referralId)
    if (!referral.actions.save_referral) return reply.redirectKeepingErrors(`/referrals/${referral.id}`)
    const query = queryOf(request)
    const typed = typeof query['name'] === 'string' ? query['name'].trim().slice(0, 100) : ''
    const [givenName = '', ...rest] = typed.split(/\s+/)
    const form = request.pageFlash.form
    return reply.view('features/referrals/person/new-person.njk', {
      referral,
      values: form?.values ?? { givenName, familyName: rest.join(' ') },
      errors: form?.errors,
    })
  })

  app.post<Params>('/referrals/:referralId/person/new', async (request, reply) =>
    submitForm(request, reply, newPersonSchema(londonDate(clock.now()), 'parent'), async (person) => {
      await referrals.addPerson(callerOf(request), request.params.referralId, person)
      return `/referrals/${request.params.referralId}/children`
    }),
  )
}
