import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import type { SettingsService } from '../service.ts'
import { concernRulesSchema, recipientFields } from './schema.ts'

const keepers = { preHandler: requireRole('service_manager', 'system_admin') }

/** Who receives safeguarding concerns, in order, and how long each has to acknowledge one (issue 11, ADR 25). */
export function concernRulesRoutes(app: FastifyInstance, { settings }: { settings: SettingsService }): void {
  app.get('/admin/settings/concerns', keepers, async (request, reply) => {
    const authorityId = callerOf(request).user.authorityId
    const [rules, version, candidates] = await Promise.all([
      settings.concernRulesFor(authorityId),
      settings.settingsVersion(authorityId),
      settings.concernRecipientCandidates(authorityId),
    ])
    const form = request.pageFlash.form
    const values = form?.values ?? {
      ...Object.fromEntries(recipientFields.map((field, index) => [field, rules.recipients[index] ?? ''])),
      acknowledgeHours: String(rules.acknowledgeHours),
      childrenServicesPhone: rules.childrenServicesPhone ?? '',
    }
    const places = recipientFields.map((field, index) => ({
      field,
      label:
        index === 0 ? 'First to receive a concern' : index === 1 ? 'Deputy (told at once, and next if it is not acknowledged)' : `Then, number ${index + 1}`,
      items: [
        { value: '', text: 'Nobody' },
        ...candidates.map((candidate) => ({
          value: candidate.id,
          text: `${candidate.name}${candidate.isServiceManager ? ' (service manager)' : ' (advocacy admin)'}`,
          selected: values[field] === candidate.id,
        })),
      ],
    }))
    return reply.view('features/settings/concerns/concerns.njk', { values, places, version: form?.values['version'] ?? version, errors: form?.errors })
  })

  app.post('/admin/settings/concerns', keepers, async (request, reply) =>
    submitForm(request, reply, concernRulesSchema, async ({ version, rules }) => {
      await settings.saveConcernRules(callerOf(request), rules, version)
      return { path: '/admin/settings/concerns', banner: { heading: 'Rules for concerns saved', text: 'New concerns follow them from now on.' } }
    }),
  )
}
