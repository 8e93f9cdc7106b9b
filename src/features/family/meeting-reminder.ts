/**
 * @pure
 * A family member's reminder of their meeting: in their language, from the message catalogue
 * (`messages:meetingReminder`), naming nothing that would harm them if someone else read it: no
 * child, no "child protection", no name at all, only the day and time and a way to sign in.
 */

import type { MessageValues } from '../../platform/i18n/translations.ts'

/** How many days ahead a meeting is reminded of: from tomorrow to this many days on. */
export const REMIND_DAYS_AHEAD = 2

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})

/** The instant a UK wall-clock time happens (a meeting at 10:00 on a day in summer is 09:00 UTC). */
export function londonInstant(isoDate: string, time: string): Date {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number)
  const [hour = 0, minute = 0] = time.split(':').map(Number)
  const wanted = Date.UTC(year, month - 1, day, hour, minute)
  const parts = Object.fromEntries(londonParts.formatToParts(new Date(wanted)).map((part) => [part.type, part.value]))
  const shown = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']))
  return new Date(wanted - (shown - wanted))
}

export interface ReminderMessage {
  readonly subject: string
  readonly text: string
}

/** The reminder's words, and the address to sign in at on a line of its own. */
export function meetingReminder(
  t: (key: string, values?: MessageValues) => string,
  meeting: { readonly date: string; readonly time: string | null },
  signInUrl: string,
): ReminderMessage {
  const date = new Date(`${meeting.date}T12:00:00Z`)
  const sentence = meeting.time
    ? t('messages:meetingReminder.withTime', { date, time: londonInstant(meeting.date, meeting.time) })
    : t('messages:meetingReminder.withoutTime', { date })
  return { subject: t('messages:meetingReminder.subject'), text: `${sentence}\n\n${signInUrl}` }
}

/** One reminder for one meeting at one day and time: a meeting moved is reminded of again. */
export function reminderKey(referralId: string, meeting: { readonly date: string; readonly time: string | null }): string {
  return `meeting-reminder:${referralId}:${meeting.date}:${meeting.time ?? ''}`
}
