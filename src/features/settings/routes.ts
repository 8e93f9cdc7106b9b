import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole } from '../../platform/http/authentication.ts'
import { oneOf, wholeNumber } from '../../platform/http/form-fields.ts'
import { submitForm } from '../../platform/http/submit-form.ts'
import { bankHolidayRegions } from '../../platform/time/bank-holidays.ts'
import { bankHolidayRoutes } from './bank-holidays/routes.ts'
import { numericSettingKeys, settingLimits, type ServiceSettings, type SettingsService } from './service.ts'

type NumericSetting = (typeof numericSettingKeys)[number]

const questions: Readonly<Record<NumericSetting, { label: string; hint: string; suffix: string }>> = {
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

const settingsSchema = z.object({
  ...(Object.fromEntries(
    numericSettingKeys.map((key) => [
      key,
      wholeNumber(questions[key].label, { ...settingLimits[key], requiredMessage: `Enter ${questions[key].label.toLowerCase()}` }),
    ]),
  ) as Record<NumericSetting, ReturnType<typeof wholeNumber>>),
  bankHolidayRegion: oneOf(bankHolidayRegions.values, 'Select which bank holidays your authority keeps'),
})

const regionOptions = bankHolidayRegions.values.map((value) => ({ value, text: bankHolidayRegions.labels[value] }))

/** The authority's own rules for the advocate pool and its due dates, kept by a system admin. */
export function settingsRoutes(app: FastifyInstance, { settings }: { settings: SettingsService }): void {
  const systemAdmin = { preHandler: requireRole('system_admin') }

  app.get('/admin/settings', systemAdmin, async (request, reply) => {
    const authorityId = callerOf(request).user.authorityId
    const current = await settings.settingsFor(authorityId)
    const form = request.pageFlash.form
    const values = form?.values ?? {
      ...Object.fromEntries(numericSettingKeys.map((key) => [key, String(current[key])])),
      bankHolidayRegion: current.bankHolidayRegion,
    }
    return reply.view('features/settings/settings.njk', {
      values,
      errors: form?.errors,
      questions: numericSettingKeys.map((key) => ({ key, ...questions[key] })),
      regionOptions,
      bankHolidays: await settings.bankHolidays(authorityId),
    })
  })

  app.post('/admin/settings', systemAdmin, async (request, reply) =>
    submitForm(request, reply, settingsSchema, async (chosen) => {
      await settings.save(callerOf(request), chosen as ServiceSettings)
      return { path: '/admin/settings', banner: { heading: 'Settings saved', text: 'They apply from now on.' } }
    }),
  )

  bankHolidayRoutes(app, { settings })
}
