import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import type { RemindersService } from '../reminders-service.ts'
import { remindersSchema } from './schema.ts'

type Params = { Params: { referralId: string } }

const staff = { preHandler: requireRole('advocacy_admin', 'advocate') }

/**
 * Whether the person wants reminders of their meeting, and how (issue 12): recorded by the advocacy
 * admin or their advocate, beside their way in.
 */
export function remindersRoutes(app: FastifyInstance, { reminders }: { reminders: RemindersService }): void {
  app.get<Params>('/referrals/:referralId/way-in/reminders', staff, async (request, reply) => {
    const view = await reminders.reminderChoice(callerOf(request), request.params.referralId)
    const form = request.pageFlash.form
    const values = form?.values ?? {
      wants: view.recorded ? (view.channel ?? 'no') : undefined,
      email: view.channel === 'email' ? view.address : undefined,
      phone: view.channel === 'sms' ? view.address : undefined,
    }
    return reply.header('cache-control', 'no-store').view('features/family/reminders/reminders.njk', {
      view,
      values,
      version: form?.values['version'] ?? view.version,
      errors: form?.errors,
    })
  })

  app.post<Params>('/referrals/:referralId/way-in/reminders', staff, async (request, reply) =>
    submitForm(request, reply, remindersSchema, async ({ answer, version }) => {
      await reminders.saveReminderChoice(callerOf(request), request.params.referralId, answer, version)
      return {
        path: `/referrals/${request.params.referralId}/way-in`,
        banner: {
          heading: 'Reminders saved',
          text: answer.channel ? 'They will be reminded of their meeting two days before it.' : 'They will not be sent reminders.',
        },
      }
    }),
  )
}
