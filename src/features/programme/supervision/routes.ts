import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import type { ProgrammeService } from '../service.ts'

const coordinator = { preHandler: requireRole('coordinator') }

/** Supervision: the sessions held lately, who came, and who is due or overdue. */
export function supervisionRoutes(app: FastifyInstance, { programme }: { programme: ProgrammeService }): void {
  app.get('/programme/supervision', coordinator, async (request, reply) => {
    const supervision = await programme.supervision(callerOf(request))
    return reply.view('features/programme/supervision/supervision.njk', { supervision })
  })
}
