import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { dateInput, oneOf, requiredText, someOf } from '../../../platform/http/form-fields.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { bankHolidayChangeKinds, bankHolidayRegions } from '../../../platform/time/bank-holidays.ts'
import { BankHolidayChangeRefused } from '../bank-holiday-change.ts'
import type { SettingsService } from '../service.ts'

const changeSchema = z.object({
  change: oneOf(bankHolidayChangeKinds.values, 'Select whether you are adding a bank holiday or taking one away'),
  date: dateInput({ required: 'Enter the date of the bank holiday', label: 'Date of the bank holiday' }),
  regions: someOf(bankHolidayRegions.values, 'Select where it applies from the list').refine((regions) => regions.length > 0, 'Select where it applies'),
  name: requiredText('Enter what the day is', 'What the day is', 100),
})

const regionOptions = bankHolidayRegions.values.map((value) => ({ value, text: bankHolidayRegions.labels[value] }))

/**
 * One-off bank holidays, for a system admin: a day announced since the rules were written (a state
 * funeral) or a holiday moved. They belong to no authority: a bank holiday is the same for every
 * authority in its part of the UK.
 */
export function bankHolidayRoutes(app: FastifyInstance, { settings }: { settings: SettingsService }): void {
  const systemAdmin = { preHandler: requireRole('system_admin') }

  app.get('/admin/settings/bank-holidays/new', systemAdmin, async (request, reply) => {
    const form = request.pageFlash.form
    const values = { regions: [], ...form?.values }
    return reply.view('features/settings/bank-holidays/new.njk', {
      values: { ...values, regions: [values.regions].flat() },
      errors: form?.errors,
      regionOptions,
    })
  })

  app.post('/admin/settings/bank-holidays/new', systemAdmin, async (request, reply) =>
    submitForm(request, reply, changeSchema, async (change) => {
      try {
        await settings.addBankHolidayChange(callerOf(request), change)
      } catch (error) {
        if (error instanceof BankHolidayChangeRefused) throw FormRefusal.field(error.field, error.message, error.field === 'date' ? '#date-day' : undefined)
        throw error
      }
      return {
        path: '/admin/settings',
        banner: { heading: change.change === 'added' ? 'Bank holiday added' : 'Bank holiday taken away', text: 'Due dates count it from now on.' },
      }
    }),
  )

  app.post<{ Params: { changeId: string } }>('/admin/settings/bank-holidays/:changeId/remove', systemAdmin, async (request, reply) =>
    submitForm(
      request,
      reply,
      z.object({}),
      async () => {
        await settings.removeBankHolidayChange(callerOf(request), request.params.changeId)
        return { path: '/admin/settings', banner: { heading: 'Change to the bank holidays removed' } }
      },
      { backTo: '/admin/settings' },
    ),
  )
}
