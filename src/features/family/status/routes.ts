import type { FastifyInstance } from 'fastify'
import { familyCallerOf, sentenceText } from '../family-request.ts'
import type { FamilyPagesService } from '../pages-service.ts'

/** Where things stand: the person's referral in plain sentences, and what happens next and when. */
export function statusRoutes(app: FastifyInstance, { pages }: { pages: FamilyPagesService }): void {
  app.get('/', async (request, reply) => {
    const status = await pages.familyStatus(familyCallerOf(request))
    return reply.view('features/family/status/status.njk', {
      navigation: 'status',
      givenName: status.givenName,
      headline: status.headline,
      next: status.next.map((sentence) => sentenceText(reply, sentence)),
      timeline: status.timeline.map((sentence) => sentenceText(reply, sentence)),
      socialWorker: status.socialWorker,
    })
  })
}
