import type { FastifyInstance } from 'fastify'
import { familyCallerOf } from '../family-request.ts'
import type { FamilyPagesService } from '../pages-service.ts'

/** Their advocate: name, photo, "about me", languages and how to reach them; or what is being done to find one. */
export function advocateRoutes(app: FastifyInstance, { pages }: { pages: FamilyPagesService }): void {
  app.get('/advocate', async (request, reply) => {
    const advocate = await pages.familyAdvocate(familyCallerOf(request))
    return reply.view('features/family/advocate/advocate.njk', { advocate, navigation: 'advocate' })
  })

  app.get('/advocate/photo', async (request, reply) => {
    const photo = await pages.familyAdvocatePhoto(familyCallerOf(request))
    if (!photo) return reply.code(404).view('features/family/error.njk', { kind: 'notFound' })
    return reply.header('content-type', photo.type).header('cache-control', 'private, no-store').send(photo.bytes)
  })
}
