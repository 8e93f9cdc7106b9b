import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import type { SettingsService } from '../service.ts'
import { settingKeys } from '../settings.ts'
import { questions, regionOptions, settingsSchema } from './schema.ts'

const systemAdmin = { preHandler: requireRole('system_admin') }

/** The authority's own rules for the advocate pool and its due dates, kept by a system admin. */
export function settingsPageRoutes(app: FastifyInstance, { settings }: { settings: SettingsService }): void {
  app.get('/admin/settings', systemAdmin, async (request, reply) => {
    const authorityId = callerOf(request).user.authorityId
    const [current, version] = await Promise.all([settings.settingsFor(authorityId), settings.settingsVersion(authorityId)])
    const form = request.pageFlash.form
    const values = form?.values ?? {
      ...Object.fromEntries(settingKeys.map((key) => [key, String(current[key])])),
      bankHolidayRegion: current.bankHolidayRegion,
    }
    return reply.view('features/settings/settings/settings.njk', {
      values,
      version: form?.values['version'] ?? version,
      errors: form?.errors,
      questions: settingKeys.map((key) => ({ key, ...questions[key] })),
      regionOptions,
      bankHolidays: await settings.bankHolidays(authorityId),
      authority: await settings.authorityFor(authorityId),
    })
  })

  app.post('/admin/settings', systemAdmin, async (request, reply) =>
    submitForm(request, reply, settingsSchema, async ({ version, ...chosen }) => {
      await settings.save(callerOf(request), chosen, version)
      return { path: '/admin/settings', banner: { heading: 'Settings saved', text: 'They apply from now on.' } }
    }),
  )
}
