import type { FastifyInstance } from 'fastify'
import { callerOf } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import type { NotificationsService } from '../service.ts'
import { preferenceSchema } from './schema.ts'

/** Whether the user wants an email as well as each notification: their own choice, for themselves. */
export function settingsRoutes(app: FastifyInstance, { notifications }: { notifications: NotificationsService }): void {
  app.get('/notifications/settings', async (request, reply) => {
    const preference = await notifications.notificationPreference(callerOf(request))
    const form = request.pageFlash.form
    return reply.view('features/notifications/settings/settings.njk', {
      values: form?.values ?? { email: preference.email ? 'yes' : 'no' },
      version: form?.values['version'] ?? preference.version,
      errors: form?.errors,
    })
  })

  app.post('/notifications/settings', async (request, reply) =>
    submitForm(request, reply, preferenceSchema, async ({ email, version }) => {
      await notifications.saveNotificationPreference(callerOf(request), email, version)
      return { path: '/notifications', banner: { heading: email ? 'You will get an email as well' : 'You will not get emails' } }
    }),
  )
}
