import type { FastifyInstance, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import { z } from 'zod'
import { hasRole } from '../../platform/auth/roles.ts'
import { callerOf, requireRole } from '../../platform/http/authentication.ts'
import { dateInput, dateInputValues, optionalText, parseForm, requiredText } from '../../platform/http/form-fields.ts'
import { FormRefusal, submitForm } from '../../platform/http/submit-form.ts'
import { WorkflowRefusedError } from '../../platform/errors.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import type { PeopleService } from '../people/service.ts'
import { advocateSchema, LANGUAGE_ROWS, stageSchema } from './schema.ts'
import type { AdvocateDetails, AdvocateService } from './service.ts'
import { advocateKinds, languageLevels, pipeline, specialisms, stages, weekdays } from '../../vocabulary/advocates.ts'

type Params = { Params: { advocateId: string } }

const readers = { preHandler: requireRole('coordinator', 'advocacy_admin', 'service_manager') }
const coordinator = { preHandler: requireRole('coordinator') }

const PHOTO_LIMIT = 2 * 1024 * 1024

const options = {
  kinds: advocateKinds.values.map((value) => ({ value, text: advocateKinds.labels[value] })),
  levels: languageLevels.values.map((value) => ({ value, text: languageLevels.labels[value] })),
  specialisms: specialisms.values.map((value) => ({ value, text: specialisms.labels[value] })),
  days: weekdays.values.map((value) => ({ value, text: weekdays.labels[value] })),
  stages: pipeline.map((value) => ({ value, text: stages.labels[value] })),
  languageRows: Array.from({ length: LANGUAGE_ROWS }, (_, index) => index + 1),
}

const labels = { kinds: advocateKinds.labels, levels: languageLevels.labels, specialisms: specialisms.labels, days: weekdays.labels, stages: stages.labels }

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

function lists(values: Record<string, unknown>): Record<string, unknown> {
  const list = (value: unknown) => (value === undefined || value === null ? [] : [value].flat())
  return { ...values, specialisms: list(values['specialisms']), availableDays: list(values['availableDays']) }
}

/** The advocate pool's pages: the coordinator keeps each record; the advocacy admins and managers read them. */
export function advocateRoutes(
  app: FastifyInstance,
  { advocates, people, clock, baseUrl }: { advocates: AdvocateService; people: PeopleService; clock: Clock; baseUrl: string },
): void {
  const today = () => londonDate(clock.now())
  const pageFor = (request: FastifyRequest<Params>) => `/advocates/${request.params.advocateId}`

  app.get('/advocates', readers, async (request, reply) => {
    const caller = callerOf(request)
    const pool = await advocates.list(caller)
    return reply.view('features/advocates/pages/list.njk', { pool, labels, canEdit: hasRole(caller.user, 'coordinator') })
  })

  app.get('/advocates/new', coordinator, async (request, reply) => {
    const form = request.pageFlash.form
    return reply.view('features/advocates/pages/details.njk', { values: lists(form?.values ?? { capacity: '1' }), errors: form?.errors, options, adding: true })
  })

  app.post('/advocates/new', coordinator, async (request, reply) =>
    submitForm(request, reply, advocateSchema(today()), async (details) => {
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

  app.get<Params>('/advocates/:advocateId', readers, async (request, reply) => {
    const caller = callerOf(request)
    const advocate = await advocates.view(caller, request.params.advocateId)
    return reply.view('features/advocates/pages/advocate.njk', { advocate, labels, canEdit: hasRole(caller.user, 'coordinator'), today: today() })
  })

  app.get<Params>('/advocates/:advocateId/edit', coordinator, async (request, reply) => {
    const advocate = await advocates.view(callerOf(request), request.params.advocateId)
    const form = request.pageFlash.form
    return reply.view('features/advocates/pages/details.njk', {
      advocate,
      values: lists(form?.values ?? valuesFrom(advocate.details)),
      version: form?.values['version'] ?? advocate.version,
      errors: form?.errors,
      options,
      adding: false,
    })
  })

  app.post<Params>('/advocates/:advocateId/edit', coordinator, async (request, reply) => {
    const version = Number((request.body as Record<string, unknown> | undefined)?.['version'])
    return submitForm(request, reply, advocateSchema(today()), async (details) => {
      if (!Number.isInteger(version)) throw FormRefusal.field('form', 'This page was out of date: reload it and try again', '#main-content')
      await advocates.update(callerOf(request), request.params.advocateId, details, version)
      return { path: pageFor(request), banner: { heading: 'Changes saved' } }
    })
  })

  app.get<Params>('/advocates/:advocateId/stage', coordinator, async (request, reply) => {
    const advocate = await advocates.view(callerOf(request), request.params.advocateId)
    const form = request.pageFlash.form
    return reply.view('features/advocates/pages/stage.njk', {
      advocate,
      values: form?.values ?? { stage: advocate.stage },
      errors: form?.errors,
      options,
      labels,
    })
  })

  app.post<Params>('/advocates/:advocateId/stage', coordinator, async (request, reply) =>
    submitForm(request, reply, stageSchema, async ({ stage, version }) => {
      await advocates.moveStage(callerOf(request), request.params.advocateId, stage, version)
      return { path: pageFor(request), banner: { heading: `Moved to ${stages.labels[stage]}` } }
    }),
  )

  app.get<Params>('/advocates/:advocateId/absences', coordinator, async (request, reply) => {
    const advocate = await advocates.view(callerOf(request), request.params.advocateId)
    const form = request.pageFlash.form
    return reply.view('features/advocates/pages/absence.njk', { advocate, values: form?.values ?? {}, errors: form?.errors })
  })

  app.post<Params>('/advocates/:advocateId/absences', coordinator, async (request, reply) =>
    submitForm(
      request,
      reply,
      z
        .object({
          startsOn: dateInput({ required: 'Enter the first day they are away', label: 'First day away' }),
          endsOn: dateInput({ required: 'Enter the last day they are away', label: 'Last day away' }),
          note: optionalText('Note', 200),
        })
        .refine((absence) => absence.startsOn <= absence.endsOn, {
          message: 'The last day away must be the same as or after the first',
          path: ['endsOn', 'day'],
        }),
      async (absence) => {
        await advocates.addAbsence(callerOf(request), request.params.advocateId, absence)
        return { path: pageFor(request), banner: { heading: 'Time away recorded', text: 'They will not be matched to meetings on those days.' } }
      },
    ),
  )

  app.post<{ Params: { advocateId: string; absenceId: string } }>('/advocates/:advocateId/absences/:absenceId/remove', coordinator, async (request, reply) =>
    submitForm(
      request,
      reply,
      z.object({}),
      async () => {
        await advocates.removeAbsence(callerOf(request), request.params.advocateId, request.params.absenceId)
        return { path: `/advocates/${request.params.advocateId}`, banner: { heading: 'Time away removed' } }
      },
      { backTo: `/advocates/${request.params.advocateId}` },
    ),
  )

  app.get<Params>('/advocates/:advocateId/known-families', coordinator, async (request, reply) => {
    const caller = callerOf(request)
    const advocate = await advocates.view(caller, request.params.advocateId)
    const query = (request.query ?? {}) as Record<string, unknown>
    const form = request.pageFlash.form
    let results = null
    let errors = form?.errors
    if (typeof query['name'] === 'string') {
      const search = parseForm(
        z.object({
          name: requiredText('Enter at least 2 letters of a name', 'Name', 100).refine((name) => name.length >= 2, 'Enter at least 2 letters of a name'),
        }),
        query,
      )
      if (search.ok) results = await people.search(caller, { name: search.data.name, dateOfBirth: null, externalId: null })
      else errors = search.errors
    }
    return reply.view('features/advocates/pages/known-families.njk', { advocate, results, values: { name: query['name'] ?? '', ...form?.values }, errors })
  })

  app.post<Params>('/advocates/:advocateId/known-families', coordinator, async (request, reply) =>
    submitForm(
      request,
      reply,
      z.object({ personId: z.string({ error: 'Select a person' }).uuid('Select a person'), note: optionalText('Note', 200) }),
      async ({ personId, note }) => {
        await advocates.addKnownFamily(callerOf(request), request.params.advocateId, personId, note)
        return { path: pageFor(request), banner: { heading: 'Recorded', text: 'They will never be matched to anyone in that family.' } }
      },
    ),
  )

  app.post<{ Params: { advocateId: string; familyGroupId: string } }>(
    '/advocates/:advocateId/known-families/:familyGroupId/remove',
    coordinator,
    async (request, reply) =>
      submitForm(
        request,
        reply,
        z.object({}),
        async () => {
          await advocates.removeKnownFamily(callerOf(request), request.params.advocateId, request.params.familyGroupId)
          return { path: `/advocates/${request.params.advocateId}`, banner: { heading: 'Removed' } }
        },
        { backTo: `/advocates/${request.params.advocateId}` },
      ),
  )

  app.get<Params>('/advocates/:advocateId/sign-in', coordinator, async (request, reply) => {
    const advocate = await advocates.view(callerOf(request), request.params.advocateId)
    const form = request.pageFlash.form
    return reply.view('features/advocates/pages/sign-in.njk', { advocate, values: form?.values ?? { email: advocate.details.email }, errors: form?.errors })
  })

  // Success shows the one-time link at once; it is never kept where it could be shown again.
  app.post<Params>('/advocates/:advocateId/sign-in', coordinator, async (request, reply) => {
    const form = parseForm(
      z.object({
        email: requiredText('Enter their email address', 'Email address', 320).pipe(
          z.email({ error: 'Enter an email address in the correct format, like name@example.com' }),
        ),
      }),
      request.body,
    )
    if (!form.ok)
      return reply.redirectWithFormState(pageFor(request) + '/sign-in', {
        values: { email: String((request.body as Record<string, unknown>)['email'] ?? '').slice(0, 320) },
        errors: form.errors,
      })
    try {
      const advocate = await advocates.view(callerOf(request), request.params.advocateId)
      const token = await advocates.createSignIn(callerOf(request), request.params.advocateId, form.data.email)
      return reply.view('features/admin/account-link.njk', { name: advocate.name, link: `${baseUrl}/set-password/${token}`, created: true })
    } catch (error) {
      if (!(error instanceof WorkflowRefusedError)) throw error
      return reply.redirectWithFormState(pageFor(request) + '/sign-in', {
        values: { email: form.data.email },
        errors: [{ field: 'email', message: error.message }],
      })
    }
  })

  app.post<Params>('/advocates/:advocateId/sign-in/link', coordinator, async (request, reply) => {
    const caller = callerOf(request)
    const advocate = await advocates.view(caller, request.params.advocateId)
    const token = await advocates.newSignInLink(caller, request.params.advocateId)
    return reply.view('features/admin/account-link.njk', { name: advocate.name, link: `${baseUrl}/set-password/${token}`, created: false })
  })

  app.get<Params>('/advocates/:advocateId/photo', readers, async (request, reply) => {
    const photo = await advocates.photo(callerOf(request), request.params.advocateId)
    if (!photo) return reply.code(404).view('views/errors/not-found.njk', {})
    return reply.header('content-type', photo.type).header('cache-control', 'private, no-store').send(photo.bytes)
  })

  // The photo arrives as a multipart form; only this route reads one.
  app.register(async (uploads) => {
    await uploads.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: PHOTO_LIMIT, files: 1, fields: 5, parts: 6 } })

    uploads.get<Params>('/advocates/:advocateId/photo/change', coordinator, async (request, reply) => {
      const advocate = await advocates.view(callerOf(request), request.params.advocateId)
      return reply.view('features/advocates/pages/photo.njk', { advocate, errors: request.pageFlash.form?.errors })
    })

    uploads.post<Params>('/advocates/:advocateId/photo/change', coordinator, async (request, reply) => {
      const back = `/advocates/${request.params.advocateId}/photo/change`
      const body = (request.body ?? {}) as Record<string, unknown>
      const remove = body['remove'] === 'yes'
      const photo = body['photo']
      if (!remove && (!Buffer.isBuffer(photo) || photo.length === 0)) {
        return reply.redirectWithFormState(back, { values: {}, errors: [{ field: 'photo', message: 'Choose a photo' }] })
      }
      try {
        await advocates.setPhoto(callerOf(request), request.params.advocateId, remove ? null : (photo as Buffer))
      } catch (error) {
        if (!(error instanceof WorkflowRefusedError)) throw error
        return reply.redirectWithFormState(back, { values: {}, errors: [{ field: 'photo', message: error.message }] })
      }
      return reply.redirectWithBanner(`/advocates/${request.params.advocateId}`, { heading: remove ? 'Photo removed' : 'Photo saved' })
    })
  })
}
