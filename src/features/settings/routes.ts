import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole } from '../../platform/http/authentication.ts'
import { wholeNumber } from '../../platform/http/form-fields.ts'
import { submitForm } from '../../platform/http/submit-form.ts'
import { settingKeys, settingLimits, type ServiceSettings, type SettingsService } from './service.ts'

const questions: Readonly<Record<keyof ServiceSettings, { label: string; hint: string; suffix: string }>> = {
  dbsValidMonths: { label: 'How long a DBS check counts for', hint: 'After this, the advocate cannot be offered work until it is renewed', suffix: 'months' },
  oneToOneWithinWeeks: {
    label: 'How recent a peer advocate’s last one-to-one supervision must be',
    hint: 'Older than this, they cannot be offered work',
    suffix: 'weeks',
  },
  groupSessionsRequired: {
    label: 'How many group supervision sessions a peer advocate must attend',
    hint: 'Of those held in the period below',
    suffix: 'sessions',
  },
  groupWindowWeeks: { label: 'Over what period group supervision is counted', hint: 'The weeks before today', suffix: 'weeks' },
  offerResponseHours: { label: 'How long an advocate has to answer an offer', hint: 'After this, the offer goes back to FGC Advocacy Admin', suffix: 'hours' },
}

const settingsSchema = z.object(
  Object.fromEntries(
    settingKeys.map((key) => [
      key,
      wholeNumber(questions[key].label, { ...settingLimits[key], requiredMessage: `Enter ${questions[key].label.toLowerCase()}` }),
    ]),
  ) as Record<keyof ServiceSettings, ReturnType<typeof wholeNumber>>,
)

/** The authority's own rules for the advocate pool, kept by a system admin. */
export function settingsRoutes(app: FastifyInstance, { settings }: { settings: SettingsService }): void {
  const systemAdmin = { preHandler: requireRole('system_admin') }

  app.get('/admin/settings', systemAdmin, async (request, reply) => {
    const current = await settings.settingsFor(callerOf(request).user.authorityId)
    const form = request.pageFlash.form
    const values = form?.values ?? Object.fromEntries(settingKeys.map((key) => [key, String(current[key])]))
    return reply.view('features/settings/settings.njk', { values, errors: form?.errors, questions: settingKeys.map((key) => ({ key, ...questions[key] })) })
  })

  app.post('/admin/settings', systemAdmin, async (request, reply) =>
    submitForm(request, reply, settingsSchema, async (chosen) => {
      await settings.save(callerOf(request), chosen as ServiceSettings)
      return { path: '/admin/settings', banner: { heading: 'Settings saved', text: 'They apply from now on.' } }
    }),
  )
}
