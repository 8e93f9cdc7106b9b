import type { FastifyInstance } from 'fastify'
import { publicPage, type PublicPageDependencies } from '../public-page.ts'

/**
 * "Get an advocate": what an advocate is and does, who can have one (at Early Help, Child in Need
 * and Child Protection), the two kinds, and how to get one. Where an installation serves one
 * council, its phone number and email, as its system admin set them.
 */
export function advocacyRoutes(app: FastifyInstance, deps: PublicPageDependencies): void {
  app.get('/advocacy', publicPage(deps), async (_request, reply) => {
    const authority = await deps.settings.authorityFor(null)
    return reply.view('features/public/advocacy/advocacy.njk', { contact: authority?.details ?? null })
  })
}
