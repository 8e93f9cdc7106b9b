import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { dateInputValues } from '../../../platform/http/form-fields.ts'
import { submitForm } from '../../../platform/http/submit-form.ts'
import { londonDate, type Clock } from '../../../platform/time/clock.ts'
import { options } from '../choices.ts'
import type { AdvocateDetails } from '../record.ts'
import type { AdvocateService } from '../service.ts'
import { advocateSchema, newAdvocateSchema } from './schema.ts'

type Params = { Params: { advocateId: string } }

const VIEW = 'features/advocates/details/details.njk'
const coordinator = { preHandler: requireRole('coordinator') }

/** The record's answers as the form shows them. */
function valuesFrom(details: AdvocateDetails): Record<string, unknown> {
  const values: Record<string, unknown> = {
    kind: details.kind,
    givenName: details.givenName,
    familyName: details.familyName,
    email: details.email,
    phone: details.phone,
    gender: details.gender,
    heritage: details.heritage,
    livedExperience: details.livedExperience,
    specialisms: details.specialisms,
    areas: details.areas.join(', '),
    availableDays: details.availableDays,
    capacity: String(details.capacity),
    ...dateInputValues('dbsCheckedOn', details.dbsCheckedOn),
    aboutMe: details.aboutMe,
  }
  details.languages.forEach((spoken, index) => {
    values[`language${index + 1}`] = spoken.language
    values[`languageLevel${index + 1}`] = spoken.level
  })
  return values
}

/** Checkbox answers are lists, whether one, several or none came back. */
function withLists(values: Record<string, unknown>): Record<string, unknown> {
  const list = (value: unknown) => (value === undefined || value === null ? [] : [value].flat())
  return { ...values, specialisms: list(values['specialisms']), availableDays: list(values['availableDays']) }
}

/** Adding an advocate, and changing their record: the same questions. */
export function detailsRoutes(app: FastifyInstance, { advocates, clock }: { advocates: AdvocateService; clock: Clock }): void {
  const today = () => londonDate(clock.now())

  app.get('/advocates/new', coordinator, async (request, reply) => {
    const form = request.pageFlash.form
    return reply.view(VIEW, { values: withLists(form?.values ?? { capacity: '1' }), errors: form?.errors, options, adding: true })
  })

  app.post('/advocates/new', coordinator, async (request, reply) =>
    submitForm(request, reply, newAdvocateSchema(today()), async (details) => {
      const stage = details.kind === 'professional_advocate' ? 'active' : 'application'
      const id = await advocates.create(callerOf(request), details, stage)
      return {
        path: `/advocates/${id}`,
        banner: {
          heading: 'Advocate added',
          text: stage === 'application' ? 'They start at the application stage.' : 'Professional advocates start as active.',
        },
      }
    }),
  )

  app.get<Params>('/advocates/:advocateId/edit', coordinator, async (request, reply) => {
    const advocate = await advocates.view(callerOf(request), request.params.advocateId)
    const form = request.pageFlash.form
    return reply.view(VIEW, {
      advocate,
      values: withLists(form?.values ?? valuesFrom(advocate.details)),
      version: form?.values['version'] ?? advocate.version,
      errors: form?.errors,
      options,
      adding: false,
    })
  })

  app.post<Params>('/advocates/:advocateId/edit', coordinator, async (request, reply) =>
    submitForm(request, reply, advocateSchema(today()), async ({ details, version }) => {
      await advocates.update(callerOf(request), request.params.advocateId, details, version)
      return { path: `/advocates/${request.params.advocateId}`, banner: { heading: 'Changes saved' } }
    }),
  )
}
