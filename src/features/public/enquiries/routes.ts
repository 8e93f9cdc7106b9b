import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { queryOf } from '../../../platform/http/query.ts'
import { enquiryMeetingTypes, enquiryOutcomes } from '../../../vocabulary/enquiries.ts'
import type { PublicService } from '../service.ts'

const readers = { preHandler: requireRole('advocacy_admin', 'service_manager') }
const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined) })

/** "Enquiries from the public": every open one, overdue first, and the last few closed. */
export function enquiriesRoutes(app: FastifyInstance, { publicPages }: { publicPages: PublicService }): void {
  app.get('/enquiries', readers, async (request, reply) => {
    const page = pageSchema.parse(queryOf(request)).page ?? 1
    const list = await publicPages.enquiries(callerOf(request), page)
    const pagination =
      list.pages > 1
        ? {
            previous: page > 1 ? { href: `/enquiries?page=${page - 1}` } : undefined,
            next: page < list.pages ? { href: `/enquiries?page=${page + 1}` } : undefined,
          }
        : null
    return reply.view('features/public/enquiries/enquiries.njk', {
      list,
      pagination,
      meetingTypes: enquiryMeetingTypes.labels,
      outcomes: enquiryOutcomes.labels,
    })
  })
}
