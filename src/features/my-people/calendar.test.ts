import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { meetingCalendar } from './calendar.ts'

describe('a meeting as a calendar file', () => {
  test('a timed meeting in UK time, two hours long, escaped and folded', () => {
    const file = meetingCalendar({
      uid: 'allocation-1@alongside',
      title: 'Initial child protection conference (ADV-00001)',
      date: '2026-12-10',
      time: '10:30',
      venue: 'Crowndale Centre, Room 2; ask at reception',
      stamp: new Date('2026-11-24T10:00:00Z'),
    })
    assert.ok(file.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'))
    assert.match(file, /DTSTART;TZID=Europe\/London:20261210T103000\r\n/)
    assert.match(file, /DTEND;TZID=Europe\/London:20261210T123000\r\n/)
    assert.match(file, /LOCATION:Crowndale Centre\\, Room 2\\; ask at reception\r\n/)
    assert.match(file, /DTSTAMP:20261124T100000Z/)
    assert.ok(file.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n'))
    for (const line of file.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`)
  })

  test('a meeting without a time is an all-day entry', () => {
    const file = meetingCalendar({ uid: 'u', title: 'Core group meeting', date: '2026-12-10', time: null, venue: null, stamp: new Date() })
    assert.match(file, /DTSTART;VALUE=DATE:20261210\r\n/)
    assert.doesNotMatch(file, /DTEND|LOCATION/)
  })
})
