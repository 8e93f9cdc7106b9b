import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { queryOf } from '../../../platform/http/query.ts'
import type { WorktrayService } from '../service.ts'
import { pagination } from '../pagination.ts'

const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined) })

/** "Referrals I've made": a referrer's sent referrals, where each stands or how it ended. */
export function referralsMadeRoutes(app: FastifyInstance, { worktray }: { worktray: WorktrayService }): void {
  app.get('/referrals-made', { preHandler: requireRole('referrer') }, async (request, reply) => {
    const page = pageSchema.parse(queryOf(request)).page ?? 1
    const made = await worktray.referralsMade(callerOf(request), page)
    return reply.view('features/worktray/referrals-made/referrals-made.njk', {
      made,
      pagination: pagination('/referrals-made', { step: null, due: null, page }, made.pages),
    })
  })
}
