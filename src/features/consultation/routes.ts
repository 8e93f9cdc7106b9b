import type { FastifyInstance } from 'fastify'
import type { ConsultationService } from './service.ts'
import { consultationStaffRoutes } from './staff/routes.ts'

export { familyConsultationRoutes } from './family/routes.ts'

/** The consultation feature's staff pages. Its family page is registered in the family context (`family/`). */
export function consultationRoutes(app: FastifyInstance, deps: { consultation: ConsultationService }): void {
  consultationStaffRoutes(app, deps)
}
