import type { FastifyInstance } from 'fastify'
import { listRoutes } from './list/routes.ts'
import type { NotificationsService } from './service.ts'
import { settingsRoutes } from './settings/routes.ts'

/**
 * A member of staff's notifications: the count in the header on every page they open (one indexed
 * count, `notification_open`), the list (`/notifications`) and their choice of email as well
 * (`/notifications/settings`).
 */
export function notificationRoutes(app: FastifyInstance, { notifications }: { notifications: NotificationsService }): void {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !request.user) return
    reply.locals = { ...reply.locals, notificationCount: await notifications.openCount(request.user.id) }
  })
  listRoutes(app, { notifications })
  settingsRoutes(app, { notifications })
}
