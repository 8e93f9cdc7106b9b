import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { callerOf, requireRole } from '../../platform/http/authentication.ts'
import { dateInput, oneOf, optionalDateInput, optionalText, optionalWholeNumber, recordVersion, someOf } from '../../platform/http/form-fields.ts'
import { FormRefusal, submitForm } from '../../platform/http/submit-form.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import type { AdvocacyRecordService } from '../referrals/service.ts'
import type { AllocationService } from '../referrals/service.ts'
import { answerSchema } from '../referrals/offer/routes.ts'
import { adjustments, contactMethods, genderPreferences, meetingTypes } from '../../vocabulary/referrals.ts'
import { meetingCalendar } from './calendar.ts'

type Params = { Params: { allocationId: string } }

const advocate = { preHandler: requireRole('advocate') }

const labels = { meetingTypes: meetingTypes.labels, contactMethods: contactMethods.labels, adjustments: adjustments.labels, genders: genderPreferences.labels }

/**
 * The advocate's own pages: the offers waiting for their answer, the people allocated to them, the
 * meetings (with a calendar file), and the contacts and views they record with each person.
 */
export function myPeopleRoutes(
  app: FastifyInstance,
  { advocacyRecord, allocations, clock }: { advocacyRecord: AdvocacyRecordService; allocations: AllocationService; clock: Clock },
): void {
  app.get('/my-people', advocate, async (request, reply) => {
    const home = await advocacyRecord.advocateHome(callerOf(request))
    return reply.view('features/my-people/home.njk', { home, labels })
  })

  app.get<Params>('/my-people/offers/:allocationId', advocate, async (request, reply) => {
    const offer = await advocacyRecord.offerForAdvocate(callerOf(request), request.params.allocationId)
    const form = request.pageFlash.form
    return reply.view('features/my-people/offer.njk', { offer, labels, values: form?.values ?? {}, errors: form?.errors })
  })

  app.post<Params>('/my-people/offers/:allocationId', advocate, async (request, reply) =>
    submitForm(request, reply, answerSchema, async ({ answer, reason }) => {
      const accept = answer === 'accept'
      await allocations.answer(callerOf(request), request.params.allocationId, { accept, reason })
      return accept
        ? {
            path: `/my-people/people/${request.params.allocationId}`,
            banner: { heading: 'Thank you for accepting', text: 'The advocacy service has been told. This is the person’s page.' },
          }
        : { path: '/my-people', banner: { heading: 'Offer declined', text: 'The advocacy service will offer it to someone else.' } }
    }),
  )

  app.get<Params>('/my-people/people/:allocationId', advocate, async (request, reply) => {
    const person = await advocacyRecord.personForAdvocate(callerOf(request), request.params.allocationId)
    return reply.view('features/my-people/person.njk', { person, labels })
  })

  app.get<Params>('/my-people/people/:allocationId/contacts', advocate, async (request, reply) => {
    const person = await advocacyRecord.personForAdvocate(callerOf(request), request.params.allocationId)
    const form = request.pageFlash.form
    const [year, month, day] = londonDate(clock.now()).split('-')
    return reply.view('features/my-people/contact.njk', {
      person,
      labels,
      values: form?.values ?? { 'contactedOn-day': String(Number(day)), 'contactedOn-month': String(Number(month)), 'contactedOn-year': year },
      errors: form?.errors,
    })
  })

  app.post<Params>('/my-people/people/:allocationId/contacts', advocate, async (request, reply) =>
    submitForm(
      request,
      reply,
      z.object({
        contactedOn: dateInput({ required: 'Enter the date of the contact', label: 'Date of the contact' }),
        method: oneOf(contactMethods.values, 'Select how you were in contact'),
        minutes: optionalWholeNumber('Minutes', { min: 0, max: 1440 }),
        notes: optionalText('Notes', 5000),
      }),
      async (contact) => {
        if (contact.contactedOn > londonDate(clock.now()))
          throw FormRefusal.field('contactedOn', 'The date of the contact must be today or in the past', '#contactedOn-day')
        await advocacyRecord.addContact(callerOf(request), request.params.allocationId, contact)
        return { path: `/my-people/people/${request.params.allocationId}`, banner: { heading: 'Contact recorded' } }
      },
    ),
  )

  app.get<Params>('/my-people/people/:allocationId/views', advocate, async (request, reply) => {
    const person = await advocacyRecord.personForAdvocate(callerOf(request), request.params.allocationId)
    const form = request.pageFlash.form
    const [year = '', month = '', day = ''] = (person.views.agreedOn ?? '').split('-')
    return reply.view('features/my-people/views.njk', {
      person,
      labels,
      values: form?.values ?? {
        views: person.views.views,
        agreed: person.views.personAgreedToShare ? ['yes'] : [],
        'agreedOn-day': day.replace(/^0/, ''),
        'agreedOn-month': month.replace(/^0/, ''),
        'agreedOn-year': year,
      },
      version: form?.values['version'] ?? person.views.version,
      errors: form?.errors,
    })
  })

  app.post<Params>('/my-people/people/:allocationId/views', advocate, async (request, reply) =>
    submitForm(
      request,
      reply,
      z
        .object({
          views: optionalText('Their views', 10_000),
          agreed: someOf(['yes'], 'Select whether they agree to share their views'),
          agreedOn: optionalDateInput({ required: 'Enter the date they agreed', label: 'Date they agreed' }),
          version: recordVersion(),
        })
        .superRefine((form, context) => {
          if (form.agreed.length > 0 && !form.agreedOn)
            context.addIssue({ code: 'custom', path: ['agreedOn', 'day'], message: 'Enter the date they agreed to share their views' })
        }),
      async ({ views, agreed, agreedOn, version }) => {
        if (agreedOn && agreedOn > londonDate(clock.now()))
          throw FormRefusal.field('agreedOn', 'The date they agreed must be today or in the past', '#agreedOn-day')
        await advocacyRecord.saveViews(callerOf(request), request.params.allocationId, { views, agreed: agreed.length > 0, agreedOn }, version)
        return { path: `/my-people/people/${request.params.allocationId}`, banner: { heading: 'Their views are saved' } }
      },
    ),
  )

  app.get<Params>('/my-people/allocations/:allocationId/meeting.ics', advocate, async (request, reply) => {
    const { reference, meeting, uid } = await advocacyRecord.calendarFor(callerOf(request), request.params.allocationId)
    const file = meetingCalendar({
      uid,
      title: `${meeting.type === 'other' && meeting.typeOther ? meeting.typeOther : meetingTypes.label(meeting.type)} (${reference})`,
      date: meeting.date,
      time: meeting.time,
      venue: meeting.venue,
      stamp: clock.now(),
    })
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="meeting-${reference}.ics"`)
      .send(file)
  })
}
