import type { FastifyInstance } from 'fastify'
import { familyCallerOf } from '../family-request.ts'
import type { FamilyPagesService } from '../pages-service.ts'

/** Their rights, and how to complain, in plain words. */
export function rightsRoutes(app: FastifyInstance, { pages }: { pages: FamilyPagesService }): void {
  app.get('/rights', async (request, reply) => {
    const rights = await pages.familyRights(familyCallerOf(request))
    return reply.view('features/family/rights/rights.njk', { contact: rights.contact, navigation: 'rights' })
  })
}
