import type { FastifyInstance } from 'fastify'
import { callerOf } from '../../../platform/http/authentication.ts'
import { queryOf } from '../../../platform/http/query.ts'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { londonDate, type Clock } from '../../../platform/time/clock.ts'
import type { PeopleService } from '../../people/service.ts'
import type { ReferralService } from '../service.ts'
import { isSearched, searchFields, searchSchema } from '../../people/schema.ts'
import { chooseSchema, newPersonSchema } from './schema.ts'

/** What was typed in the search (names, date of birth, case system ID), carried into "Add a new parent or carer" so nobody types it twice. */
function typedIn(query: Record<string, unknown>): Record<string, string> {
  const typed: Record<string, string> = {}
  for (const field of searchFields) {
    const value = query[field]
    if (typeof value === 'string' && value.trim() !== '') typed[field] = value.trim().slice(0, 100)
  }
  return typed
}

type Params = { Params: { referralId: string } }

/** Find the parent or carer first, so one person is not recorded twice; add them only if not found. */
export function personRoutes(app: FastifyInstance, { referrals, people, clock }: { referrals: ReferralService; people: PeopleService; clock: Clock }): void {
  app.get<Params>('/referrals/:referralId/person', async (request, reply) => {
    const caller = callerOf(request)
    const referral = await referrals.view(caller, request.params.referralId)
    if (!referral.actions.save_referral) return reply.redirectKeepingErrors(`/referrals/${referral.id}`)
    const values = queryOf(request)
    const searched = isSearched(values)
    if (!searched) return reply.view('features/referrals/person/person.njk', { referral, values, searched, errors: request.pageFlash.form?.errors })
    const form = parseForm(searchSchema, values)
    if (!form.ok) return reply.code(400).view('features/referrals/person/person.njk', { referral, values, errors: form.errors, searched: false })
    const results = await people.search(caller, form.data)
    const addQuery = new URLSearchParams(typedIn(values))
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
    const form = request.pageFlash.form
    return reply.view('features/referrals/person/new-person.njk', {
      referral,
      values: form?.values ?? typedIn(queryOf(request)),
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
