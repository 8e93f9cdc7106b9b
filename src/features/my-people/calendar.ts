/**
 * A meeting as an iCalendar (RFC 5545) file, in UK time. Pure. It names no one: a calendar is
 * copied to phones and clouds, so it carries the kind of meeting, the place and the referral's
 * reference, and nothing about the family.
 */

export interface CalendarMeeting {
  readonly uid: string
  readonly title: string
  readonly date: string
  /** "HH:MM", or null for an all-day entry. */
  readonly time: string | null
  readonly venue: string | null
  readonly stamp: Date
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Lines longer than 75 octets are folded, as the standard asks. */
function fold(line: string): string {
  const parts: string[] = []
  let rest = line
  while (Buffer.byteLength(rest) > 75) {
    let cut = 75
    while (Buffer.byteLength(rest.slice(0, cut)) > 75) cut -= 1
    parts.push(rest.slice(0, cut))
    rest = ` ${rest.slice(cut)}`
  }
  parts.push(rest)
  return parts.join('\r\n')
}

function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

export function meetingCalendar(meeting: CalendarMeeting): string {
  const day = meeting.date.replace(/-/g, '')
  const when = meeting.time
    ? (() => {
        const [hours = '09', minutes = '00'] = meeting.time.split(':')
        const start = `${day}T${hours}${minutes}00`
        const endHour = String(Math.min(23, Number(hours) + 2)).padStart(2, '0')
        return [`DTSTART;TZID=Europe/London:${start}`, `DTEND;TZID=Europe/London:${day}T${endHour}${minutes}00`]
      })()
    : [`DTSTART;VALUE=DATE:${day}`]
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Alongside//Advocacy//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${meeting.uid}`,
    `DTSTAMP:${utcStamp(meeting.stamp)}`,
    ...when,
    `SUMMARY:${escapeText(meeting.title)}`,
    ...(meeting.venue ? [`LOCATION:${escapeText(meeting.venue)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(fold).join('\r\n')}\r\n`
}
