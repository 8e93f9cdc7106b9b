import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { summaryPeriods } from '../feedback-service.ts'
import type { FeedbackService } from '../service.ts'

const query = z.object({ period: z.enum(summaryPeriods).catch('year') })

/**
 * What families said about their meetings, for the service: each question's answers, the ways
 * people answered and how long after, and (for the advocacy service only) their words, the
 * worrying ones first.
 */
export function feedbackSummaryRoutes(app: FastifyInstance, { feedback }: { feedback: FeedbackService }): void {
  app.get('/feedback', { preHandler: requireRole('advocacy_admin', 'service_manager', 'coordinator', 'analyst') }, async (request, reply) => {
    const { period } = query.parse(request.query ?? {})
    const summary = await feedback.feedbackSummary(callerOf(request), period)
    return reply.view('features/feedback/summary/summary.njk', { summary })
  })
}
