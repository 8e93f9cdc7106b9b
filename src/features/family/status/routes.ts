import type { FastifyInstance } from 'fastify'
import type { FamilyConsultationService } from '../../consultation/service.ts'
import type { FamilyFeedback } from '../../feedback/service.ts'
import { familyCallerOf, sentenceText } from '../family-request.ts'
import { familyAnswererOf } from '../feedback/routes.ts'
import type { FamilyPagesService } from '../pages-service.ts'

/** Where things stand: the person's referral in plain sentences, what happens next and when, who their social worker is, and any feedback waiting for them. */
export function statusRoutes(
  app: FastifyInstance,
  {
    pages,
    feedback,
    consultation,
  }: { pages: FamilyPagesService; feedback: FamilyFeedback; consultation: Pick<FamilyConsultationService, 'familyConsultationDue'> },
): void {
  app.get('/', async (request, reply) => {
    const status = await pages.familyStatus(familyCallerOf(request))
    const feedbackWaiting = await feedback.familyFeedbackCount(familyAnswererOf(request))
    const consultationDue = await consultation.familyConsultationDue(familyCallerOf(request))
    return reply.view('features/family/status/status.njk', {
      navigation: 'status',
      givenName: status.givenName,
      headline: status.headline,
      next: status.next.map((sentence) => sentenceText(reply, sentence)),
      timeline: status.timeline.map((sentence) => sentenceText(reply, sentence)),
      socialWorker: status.socialWorker,
      socialWorkerProfile: status.socialWorkerProfile,
      feedbackWaiting,
      consultationDue,
    })
  })

  app.get('/social-worker/photo', async (request, reply) => {
    const photo = await pages.familySocialWorkerPhoto(familyCallerOf(request))
    if (!photo) return reply.code(404).view('features/family/error.njk', { kind: 'notFound' })
    return reply.header('content-type', photo.type).header('cache-control', 'private, no-store').send(photo.bytes)
  })
}
