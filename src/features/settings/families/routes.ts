import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import type { SettingsService } from '../service.ts'
import { familyRulesSchema } from './schema.ts'

const keepers = { preHandler: requireRole('service_manager', 'system_admin') }

/** What families see of the authority's staff, kept by a service manager or a system admin (issue 10). */
export function familyRulesRoutes(app: FastifyInstance, { settings }: { settings: SettingsService }): void {
  app.get('/admin/settings/families', keepers, async (request, reply) => {
    const authorityId = callerOf(request).user.authorityId
    const [rules, version] = await Promise.all([settings.familyRulesFor(authorityId), settings.settingsVersion(authorityId)])
    const form = request.pageFlash.form
    const values = form?.values ?? { socialWorkersShownToFamilies: rules.socialWorkersShownToFamilies ? 'yes' : 'no' }
    return reply.view('features/settings/families/families.njk', { values, version: form?.values['version'] ?? version, errors: form?.errors })
  })

  app.post('/admin/settings/families', keepers, async (request, reply) =>
    submitForm(request, reply, familyRulesSchema, async ({ version, ...rules }) => {
      await settings.saveFamilyRules(callerOf(request), rules, version)
      return {
        path: '/admin/settings/families',
        banner: {
          heading: 'Saved',
          text: rules.socialWorkersShownToFamilies
            ? 'Social workers can now choose to show families their photo and introduction.'
            : 'Families will not see a social worker’s photo or introduction.',
        },
      }
    }),
  )
}
