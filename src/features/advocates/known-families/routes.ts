import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { queryOf } from '../../../platform/http/query.ts'
import { isSearched, searchSchema } from '../../people/schema.ts'
import type { PeopleService } from '../../people/service.ts'
import type { AdvocateService } from '../service.ts'
import { knownFamilySchema, removeSchema } from './schema.ts'

type Params = { Params: { advocateId: string } }

const coordinator = { preHandler: requireRole('coordinator') }

/** Families an advocate knows (found from one of their people): they are never matched to anyone in them. */
export function knownFamiliesRoutes(app: FastifyInstance, { advocates, people }: { advocates: AdvocateService; people: PeopleService }): void {
  app.get<Params>('/advocates/:advocateId/known-families', coordinator, async (request, reply) => {
    const caller = callerOf(request)
    const advocate = await advocates.view(caller, request.params.advocateId)
    const query = queryOf(request)
    const form = request.pageFlash.form
    let results = null
    let errors = form?.errors
    // The parent is found as anyone is: by their whole name and date of birth, or their case system ID.
    if (isSearched(query)) {
      const search = parseForm(searchSchema, query)
      if (search.ok) results = await people.search(caller, search.data)
      else errors = search.errors
    }
    return reply.view('features/advocates/known-families/known-families.njk', { advocate, results, values: { ...query, ...form?.values }, errors })
  })

  app.post<Params>('/advocates/:advocateId/known-families', coordinator, async (request, reply) =>
    submitForm(request, reply, knownFamilySchema, async ({ personId, note }) => {
      await advocates.addKnownFamily(callerOf(request), request.params.advocateId, personId, note)
      return { path: `/advocates/${request.params.advocateId}`, banner: { heading: 'Recorded', text: 'They will never be matched to anyone in that family.' } }
    }),
  )

  // The "Remove" button sits on the advocate's own page.
  app.post<{ Params: { advocateId: string; familyGroupId: string } }>(
    '/advocates/:advocateId/known-families/:familyGroupId/remove',
    coordinator,
    async (request, reply) => {
      const page = `/advocates/${request.params.advocateId}`
      return submitForm(
        request,
        reply,
        removeSchema,
        async () => {
          await advocates.removeKnownFamily(callerOf(request), request.params.advocateId, request.params.familyGroupId)
          return { path: page, banner: { heading: 'Removed' } }
        },
        { backTo: page },
      )
    },
  )
}
