import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import type { ProgrammeService } from '../service.ts'

const coordinator = { preHandler: requireRole('coordinator') }

/** An eligibility reason as a sentence on its own line: "Has no DBS check recorded". */
function asShown(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1)
}

/** The pipeline at a glance: who is at each stage, whose supervision is due, who cannot be offered work and why. */
export function overviewRoutes(app: FastifyInstance, { programme }: { programme: ProgrammeService }): void {
  app.get('/programme', coordinator, async (request, reply) => {
    const overview = await programme.overview(callerOf(request))
    const cannotBeOffered = overview.cannotBeOffered.map((entry) => ({ advocate: entry.advocate, reasons: entry.reasons.map(asShown) }))
    return reply.view('features/programme/overview/overview.njk', { overview: { ...overview, cannotBeOffered } })
  })
}
