import type { FastifyInstance } from 'fastify'
import { callerOf, requireRole } from '../../../platform/http/authentication.ts'
import { FormRefusal, submitForm } from '../../../platform/http/submit-form.ts'
import { specialisms } from '../../../vocabulary/advocates.ts'
import { NameTakenError, type LocalService } from '../local-service.ts'
import type { LocalServices } from '../service.ts'
import { newServiceSchema, serviceSchema } from './schema.ts'

type Params = { Params: { serviceId: string } }

const VIEW = 'features/local-services/details/details.njk'
const keepers = { preHandler: requireRole('advocacy_admin', 'coordinator', 'service_manager') }
const specialismOptions = specialisms.values.map((value) => ({ value, text: specialisms.labels[value] }))

/** A local service's answers as the form shows them. */
function valuesFrom(service: LocalService): Record<string, unknown> {
  return {
    name: service.name,
    languages: service.languages.join(', '),
    specialisms: service.specialisms,
    contact: service.contact,
    notes: service.notes,
    active: service.active ? 'yes' : 'no',
  }
}

/** A name already listed is that field's error. */
async function unlessNameTaken(work: () => Promise<unknown>): Promise<void> {
  try {
    await work()
  } catch (error) {
    if (error instanceof NameTakenError) throw FormRefusal.field('name', error.message)
    throw error
  }
}

/** Adding a local service, and changing one: the same questions. */
export function detailsRoutes(app: FastifyInstance, { localServices }: { localServices: LocalServices }): void {
  app.get('/local-services/new', keepers, async (request, reply) => {
    const form = request.pageFlash.form
    const values: Record<string, unknown> = { active: 'yes', ...form?.values }
    return reply.view(VIEW, { values: { ...values, specialisms: [values['specialisms'] ?? []].flat() }, errors: form?.errors, specialismOptions, adding: true })
  })

  app.post('/local-services/new', keepers, async (request, reply) =>
    submitForm(request, reply, newServiceSchema, async (service) => {
      await unlessNameTaken(() => localServices.create(callerOf(request), service))
      return { path: '/local-services', banner: { heading: 'Local service added' } }
    }),
  )

  app.get<Params>('/local-services/:serviceId', keepers, async (request, reply) => {
    const service = await localServices.find(callerOf(request), request.params.serviceId)
    const form = request.pageFlash.form
    const values = form?.values ?? valuesFrom(service)
    return reply.view(VIEW, {
      service,
      values: { ...values, specialisms: [values['specialisms'] ?? []].flat() },
      version: values['version'] ?? service.version,
      errors: form?.errors,
      specialismOptions,
      adding: false,
    })
  })

  app.post<Params>('/local-services/:serviceId', keepers, async (request, reply) =>
    submitForm(request, reply, serviceSchema, async ({ version, ...service }) => {
      await unlessNameTaken(() => localServices.update(callerOf(request), request.params.serviceId, service, version))
      return { path: '/local-services', banner: { heading: 'Changes saved' } }
    }),
  )
}
