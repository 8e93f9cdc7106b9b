import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import type { SettingsService } from '../service.ts'
import { meetingRulesSchema } from './schema.ts'

const keepers = { preHandler: requireRole('service_manager', 'system_admin') }

/** The authority's local rules for conferences, kept by a service manager or a system admin (issue 12). */
export function meetingRulesRoutes(app: FastifyInstance, { settings }: { settings: SettingsService }): void {
  app.get('/admin/settings/meetings', keepers, async (request, reply) => {
    const authorityId = callerOf(request).user.authorityId
    const [rules, version] = await Promise.all([settings.meetingRulesFor(authorityId), settings.settingsVersion(authorityId)])
    const form = request.pageFlash.form
    const values = form?.values ?? {
      reportWorkingDaysBefore: String(rules.reportWorkingDaysBefore),
      chairMeetsFamilyFirst: rules.chairMeetsFamilyFirst ? 'yes' : 'no',
    }
    return reply.view('features/settings/meetings/meetings.njk', { values, version: form?.values['version'] ?? version, errors: form?.errors })
  })

  app.post('/admin/settings/meetings', keepers, async (request, reply) =>
    submitForm(request, reply, meetingRulesSchema, async ({ version, ...rules }) => {
      await settings.saveMeetingRules(callerOf(request), rules, version)
      return { path: '/admin/settings/meetings', banner: { heading: 'Conference rules saved', text: 'Readiness uses them from now on.' } }
    }),
  )
}
