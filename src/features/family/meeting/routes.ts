import type { FastifyInstance } from 'fastify'
import type { Clock } from '../../../platform/time/clock.ts'
import { meetingCalendar } from '../../my-people/calendar.ts'
import { familyCallerOf } from '../family-request.ts'
import { translator } from '../messages.ts'
import type { FamilyPagesService } from '../pages-service.ts'
import { languageOf } from '../family-request.ts'

/** Their meeting: what kind, when and where, what it is and who will be there, what they can do; and a calendar file. */
export function meetingRoutes(app: FastifyInstance, { pages, clock }: { pages: FamilyPagesService; clock: Clock }): void {
  app.get('/meeting', async (request, reply) => {
    const view = await pages.familyMeeting(familyCallerOf(request))
    return reply.view('features/family/meeting/meeting.njk', { meeting: view.meeting, navigation: 'meeting' })
  })

  // Like the advocate's, the calendar names no one: calendars are copied to phones and clouds.
  app.get('/meeting.ics', async (request, reply) => {
    const view = await pages.familyMeeting(familyCallerOf(request), { calendar: true })
    if (!view.meeting) return reply.code(404).view('features/family/error.njk', { kind: 'notFound' })
    const t = translator(languageOf(request))
    const file = meetingCalendar({
      uid: `family-${view.reference}@alongside`,
      title: t('meeting.calendarTitle', { type: t(`meetingType.${view.meeting.type}`) }),
      date: view.meeting.date,
      time: view.meeting.time,
      venue: view.meeting.venue,
      stamp: clock.now(),
    })
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="my-meeting.ics"').send(file)
  })
}
