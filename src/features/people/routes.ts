import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../platform/http/authentication.ts'
import { queryOf } from '../../platform/http/query.ts'
import { parseForm } from '../../platform/http/form-fields.ts'
import { isSearched, searchSchema } from './schema.ts'
import type { PeopleService } from './service.ts'

const finders = requireRole('referrer', 'advocacy_admin', 'service_manager')

/** Find a person: by their whole name and date of birth, or their case system ID. */
export function peopleRoutes(app: FastifyInstance, { people }: { people: PeopleService }): void {
  app.get('/people', { preHandler: finders }, async (request, reply) => {
    const values = queryOf(request)
    if (!isSearched(values)) return reply.view('features/people/search.njk', { values, searched: false })
    const form = parseForm(searchSchema, values)
    if (!form.ok) return reply.code(400).view('features/people/search.njk', { values, errors: form.errors, searched: false })
    const results = await people.search(callerOf(request), form.data)
    return reply.view('features/people/search.njk', { values, searched: true, results })
  })
}
