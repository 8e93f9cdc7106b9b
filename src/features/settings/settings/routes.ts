import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import type { SettingsService } from '../service.ts'
import { settingKeys } from '../settings.ts'
import { questions, settingsSchema } from './schema.ts'

const systemAdmin = { preHandler: requireRole('system_admin') }

/** The authority's own rules for the advocate pool, kept by a system admin. */
export function settingsPageRoutes(app: FastifyInstance, { settings }: { settings: SettingsService }): void {
  app.get('/admin/settings', systemAdmin, async (request, reply) => {
    const current = await settings.settingsFor(callerOf(request).user.authorityId)
    const form = request.pageFlash.form
    const values = form?.values ?? Object.fromEntries(settingKeys.map((key) => [key, String(current[key])]))
    return reply.view('features/settings/settings/settings.njk', {
      values,
      errors: form?.errors,
      questions: settingKeys.map((key) => ({ key, ...questions[key] })),
    })
  })

  app.post('/admin/settings', systemAdmin, async (request, reply) =>
    submitForm(request, reply, settingsSchema, async (chosen) => {
      await settings.save(callerOf(request), chosen)
      return { path: '/admin/settings', banner: { heading: 'Settings saved', text: 'They apply from now on.' } }
    }),
  )
}
