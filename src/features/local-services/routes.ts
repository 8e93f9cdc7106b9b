import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole } from '../../platform/http/authentication.ts'
import { commaList, oneOf, optionalText, recordVersion, requiredText, someOf } from '../../platform/http/form-fields.ts'
import { FormRefusal, submitForm } from '../../platform/http/submit-form.ts'
import { specialisms } from '../../vocabulary/advocates.ts'
import { NameTakenError, type LocalServices } from './service.ts'

type Params = { Params: { serviceId: string } }

const keepers = { preHandler: requireRole('advocacy_admin', 'coordinator', 'service_manager') }

const fields = {
  name: requiredText('Enter the name of the service', 'Name', 200),
  languages: commaList('Languages', { maxItems: 20, maxLength: 50 }),
  specialisms: someOf(specialisms.values, 'Select specialisms from the list'),
  contact: requiredText('Enter how to contact them', 'Contact', 500),
  notes: optionalText('Notes', 2000),
  active: oneOf(['yes', 'no'], 'Select whether referrals can be triaged to them').transform((answer) => answer === 'yes'),
}

const specialismOptions = specialisms.values.map((value) => ({ value, text: specialisms.labels[value] }))

/** The directory of local services for triage. */
export function localServiceRoutes(app: FastifyInstance, { localServices }: { localServices: LocalServices }): void {
  app.get('/local-services', keepers, async (request, reply) => {
    const services = await localServices.list(callerOf(request))
    return reply.view('features/local-services/list.njk', { services, labels: specialisms.labels })
  })

  app.get('/local-services/new', keepers, async (request, reply) => {
    const form = request.pageFlash.form
    return reply.view('features/local-services/service.njk', {
      values: { active: 'yes', specialisms: [], ...form?.values },
      errors: form?.errors,
      specialismOptions,
      adding: true,
    })
  })

  const save = async (work: () => Promise<void>) => {
    try {
      await work()
    } catch (error) {
      if (error instanceof NameTakenError) throw FormRefusal.field('name', error.message)
      throw error
    }
  }

  app.post('/local-services/new', keepers, async (request, reply) =>
    submitForm(request, reply, z.object(fields), async (service) => {
      await save(async () => {
        await localServices.create(callerOf(request), service)
      })
      return { path: '/local-services', banner: { heading: 'Local service added' } }
    }),
  )

  app.get<Params>('/local-services/:serviceId', keepers, async (request, reply) => {
    const service = await localServices.find(callerOf(request), request.params.serviceId)
    const form = request.pageFlash.form
    const values = form?.values ?? { ...service, languages: service.languages.join(', '), active: service.active ? 'yes' : 'no' }
    return reply.view('features/local-services/service.njk', {
      service,
      values: { ...values, specialisms: [values['specialisms'] ?? []].flat() },
      version: values['version'] ?? service.version,
      errors: form?.errors,
      specialismOptions,
      adding: false,
    })
  })

  app.post<Params>('/local-services/:serviceId', keepers, async (request, reply) =>
    submitForm(request, reply, z.object({ ...fields, version: recordVersion() }), async ({ version, ...service }) => {
      await save(() => localServices.update(callerOf(request), request.params.serviceId, service, version))
      return { path: '/local-services', banner: { heading: 'Changes saved' } }
    }),
  )
}
