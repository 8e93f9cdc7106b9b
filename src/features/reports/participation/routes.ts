import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { parseForm } from '../../../platform/http/form-fields.ts'
import { queryOf } from '../../../platform/http/query.ts'
import { recentQuarters } from '../periods.ts'
import type { ReportsService } from '../service.ts'
import { defaultQuarter, quarterSchema } from './schema.ts'

const readers = { preHandler: requireRole('analyst', 'service_manager') }
const VIEW = 'features/reports/participation/participation.njk'

/** The participation group's page: a quarter's themes from families' words beside the quarter before, and the words they agreed may be quoted. */
export function participationRoutes(app: FastifyInstance, { reports }: { reports: ReportsService }): void {
  app.get('/reports/participation', readers, async (request, reply) => {
    const today = reports.reportsToday()
    const quarters = recentQuarters(today, 8)
    const values = queryOf(request)
    let choice = { quarter: defaultQuarter(today), published: false }
    if ('quarter' in values || 'published' in values) {
      const form = parseForm(quarterSchema, values)
      if (!form.ok) return reply.code(400).view(VIEW, { values, errors: form.errors, quarters })
      choice = form.data
    }
    const participation = await reports.viewParticipation(callerOf(request), choice.quarter, choice.published)
    return reply.view(VIEW, { values: { quarter: choice.quarter.key, published: choice.published ? 'yes' : undefined }, participation, quarters })
  })
}
