import type { FastifyInstance } from 'fastify'
import type { Clock } from '../../../platform/time/clock.ts'
import { meetingCalendar } from '../../my-people/calendar.ts'
import { plainDate } from '../../../platform/i18n/translations.ts'
import { FAMILY, familyCallerOf, londonInstant, tOf } from '../family-request.ts'
import type { FamilyPagesService } from '../pages-service.ts'

/** Their meeting: what kind, when and where, what it is and who will be there, what they can do; and a calendar file. */
export function meetingRoutes(app: FastifyInstance, { pages, clock }: { pages: FamilyPagesService; clock: Clock }): void {
  app.get('/meeting', async (request, reply) => {
    const view = await pages.familyMeeting(familyCallerOf(request))
    const meeting = view.meeting
    return reply.view('features/family/meeting/meeting.njk', {
      meeting,
      day: meeting ? plainDate(meeting.date) : null,
      time: meeting?.time ? londonInstant(meeting.date, meeting.time) : null,
      navigation: 'meeting',
    })
  })

  // Like the advocate's, the calendar names no one: calendars are copied to phones and clouds.
  app.get('/meeting.ics', async (request, reply) => {
    const view = await pages.familyMeeting(familyCallerOf(request), { calendar: true })
    if (!view.meeting) return reply.code(404).view('features/family/error.njk', { kind: 'notFound' })
    const t = tOf(reply)
    const file = meetingCalendar({
      uid: `family-${view.reference}@alongside`,
      title: t(`${FAMILY}:meeting.calendarTitle`, { type: t(`${FAMILY}:meetingType.${view.meeting.type}`) }),
      date: view.meeting.date,
      time: view.meeting.time,
      venue: view.meeting.venue,
      stamp: clock.now(),
    })
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="my-meeting.ics"').send(file)
  })
}
