import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { detailDefaults } from '../authority-details.ts'
import type { SettingsService } from '../service.ts'
import { authorityDetailsSchema } from './schema.ts'

const systemAdmin = { preHandler: requireRole('system_admin') }

/** The authority's details for its privacy notice and accessibility statement, kept by a system admin. */
export function authorityDetailsRoutes(app: FastifyInstance, { settings }: { settings: SettingsService }): void {
  app.get('/admin/settings/authority', systemAdmin, async (request, reply) => {
    const authority = await settings.authorityFor(callerOf(request).user.authorityId)
    const form = request.pageFlash.form
    const values = form?.values ?? {
      ...authority?.entered,
      version: String(authority?.version ?? 0),
    }
    return reply.view('features/settings/authority/authority.njk', { authority, values, errors: form?.errors, defaults: detailDefaults })
  })

  app.post('/admin/settings/authority', systemAdmin, async (request, reply) =>
    submitForm(request, reply, authorityDetailsSchema, async ({ version, ...details }) => {
      await settings.saveAuthorityDetails(
        callerOf(request),
        { ...details, referralRetention: details.referralRetention ?? '', advocacyRecordRetention: details.advocacyRecordRetention ?? '' },
        version,
      )
      return {
        path: '/admin/settings',
        banner: { heading: 'Authority details saved', text: 'The privacy notice and the accessibility statement show them from now on.' },
      }
    }),
  )
}
