import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import type { NotificationsService } from '../service.ts'

type Params = { Params: { notificationId: string } }

const doneSchema = z.object({})

/** The user's own notifications, each with what, by when, a link, and "Mark as done". */
export function listRoutes(app: FastifyInstance, { notifications }: { notifications: NotificationsService }): void {
  app.get('/notifications', async (request, reply) => {
    const items = await notifications.myNotifications(callerOf(request))
    return reply.view('features/notifications/list/list.njk', { items })
  })

  app.post<Params>('/notifications/:notificationId/done', async (request, reply) =>
    submitForm(
      request,
      reply,
      doneSchema,
      async () => {
        await notifications.markNotificationDone(callerOf(request), request.params.notificationId)
        return { path: '/notifications', banner: { heading: 'Marked as done' } }
      },
      { backTo: '/notifications' },
    ),
  )
}
