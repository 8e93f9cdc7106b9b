import type { FastifyInstance } from 'fastify'
import { callerOf } from '../../../platform/http/authentication.ts'
import { concernAbouts } from '../../../vocabulary/concerns.ts'
import type { ConcernsService } from '../service.ts'

/** Every concern not closed, and those closed in the last 30 days: for service managers and the people on the list. */
export function concernListRoutes(app: FastifyInstance, { concerns }: { concerns: ConcernsService }): void {
  app.get('/concerns', async (request, reply) => {
    const caller = callerOf(request)
    const items = await concerns.allConcerns(caller)
    return reply.view('features/concerns/list/list.njk', { items, abouts: concernAbouts.labels, mayChangeRules: caller.user.roles.includes('service_manager') })
  })
}
