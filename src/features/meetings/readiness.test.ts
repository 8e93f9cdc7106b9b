import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { bankHolidaysIn } from '../../platform/time/bank-holidays.ts'
import { addDays } from '../../platform/time/calendar.ts'
import {
  earliestDueBy,
  isReady,
  maySee,
  mayRecord,
  nothingRecorded,
  outstanding,
  readinessOf,
  reportDueBy,
  stateInWords,
  type ItemReadiness,
  type MeetingFacts,
  type ReadinessItem,
  type WaitsOn,
} from './readiness.ts'

const englandAndWales = bankHolidaysIn('england_and_wales')
const rules = { reportWorkingDaysBefore: 3, chairMeetsFamilyFirst: true }
/** An initial conference on Thursday 10 December 2026, nothing special needed. */
const conference: MeetingFacts = {
  isConference: true,
  isFamilyGroupConference: false,
  meetingDate: '2026-12-10',
  previousConferenceOn: null,
  interpreterNeeded: false,
  adjustmentsNeeded: false,
  hasVenue: true,
}

function stateOf(items: readonly ItemReadiness[], item: ReadinessItem) {
  const found = items.find((entry) => entry.item === item)
  assert.ok(found, item)
  return found.state
}

describe('readiness of a meeting', () => {
  test('the report is due the local rule’s working days before the conference, skipping weekends and bank holidays', () => {
    assert.equal(reportDueBy('2026-12-10', rules, englandAndWales), '2026-12-07', 'Thursday less 3 working days is Monday')
    assert.equal(reportDueBy('2026-12-14', rules, englandAndWales), '2026-12-09', 'over a weekend')
    // Monday 4 January 2027, 3 working days before: Christmas, Boxing Day (substitute Mon 28) and New Year's Day skipped.
    assert.equal(reportDueBy('2027-01-04', rules, englandAndWales), '2026-12-29')
    assert.equal(reportDueBy('2026-12-10', { ...rules, reportWorkingDaysBefore: 1 }, englandAndWales), '2026-12-09')
  })

  test('the report: due, then late, then done on time or done late', () => {
    const at = (today: string, reportSharedOn: string | null) =>
      stateOf(readinessOf(conference, { ...nothingRecorded, reportSharedOn }, rules, today, englandAndWales), 'report')
    assert.deepEqual(at('2026-12-01', null), { kind: 'due', dueBy: '2026-12-07' })
    assert.deepEqual(at('2026-12-07', null), { kind: 'due', dueBy: '2026-12-07' }, 'on its due date it is not yet late')
    assert.deepEqual(at('2026-12-08', null), { kind: 'late', dueBy: '2026-12-07', daysLate: 1 })
    assert.deepEqual(at('2026-12-08', '2026-12-07'), { kind: 'done', on: '2026-12-07' })
    assert.deepEqual(at('2026-12-09', '2026-12-08'), { kind: 'done_late', on: '2026-12-08', dueBy: '2026-12-07' })
  })

  test('a meeting that is not a conference needs no report, chair meeting or FGC by the local rules', () => {
    const items = readinessOf({ ...conference, isConference: false }, nothingRecorded, rules, '2026-12-01', englandAndWales)
    for (const item of ['report', 'chair', 'fgc'] as const) assert.deepEqual(stateOf(items, item), { kind: 'not_needed' }, item)
    assert.equal(stateOf(items, 'advocate').kind, 'due', 'the advocate still meets the person first')
  })

  test('the chair meeting the family first follows the local rule, and for a review must be since the last conference', () => {
    const noChair = readinessOf(conference, nothingRecorded, { ...rules, chairMeetsFamilyFirst: false }, '2026-12-01', englandAndWales)
    assert.deepEqual(stateOf(noChair, 'chair'), { kind: 'not_needed' })
    const review = { ...conference, previousConferenceOn: '2026-09-10' }
    const metBefore = readinessOf(review, { ...nothingRecorded, chairMetOn: '2026-09-01' }, rules, '2026-12-01', englandAndWales)
    assert.deepEqual(stateOf(metBefore, 'chair'), { kind: 'due', dueBy: '2026-12-09' }, 'a meeting before the last conference does not count')
    const metBetween = readinessOf(review, { ...nothingRecorded, chairMetOn: '2026-11-20' }, rules, '2026-12-01', englandAndWales)
    assert.deepEqual(stateOf(metBetween, 'chair'), { kind: 'done', on: '2026-11-20' })
  })

  test('an FGC is not asked for before a meeting that is itself an FGC; any answer about it settles the item', () => {
    assert.deepEqual(stateOf(readinessOf({ ...conference, isFamilyGroupConference: true }, nothingRecorded, rules, '2026-12-01', englandAndWales), 'fgc'), {
      kind: 'not_needed',
    })
    assert.deepEqual(stateOf(readinessOf(conference, { ...nothingRecorded, fgcStatus: 'not_possible' }, rules, '2026-12-01', englandAndWales), 'fgc'), {
      kind: 'done',
      on: null,
    })
  })

  test('an interpreter and adjustments are needed only when Section 1 says so', () => {
    const none = readinessOf(conference, nothingRecorded, rules, '2026-12-01', englandAndWales)
    assert.deepEqual(stateOf(none, 'interpreter'), { kind: 'not_needed' })
    assert.deepEqual(stateOf(none, 'adjustments'), { kind: 'not_needed' })
    const needs = { ...conference, interpreterNeeded: true, adjustmentsNeeded: true }
    assert.equal(stateOf(readinessOf(needs, nothingRecorded, rules, '2026-12-10', englandAndWales), 'interpreter').kind, 'late')
    const booked = readinessOf(needs, { ...nothingRecorded, interpreterBooked: true, adjustmentsInPlace: true }, rules, '2026-12-10', englandAndWales)
    assert.deepEqual(stateOf(booked, 'interpreter'), { kind: 'done', on: null })
    assert.deepEqual(stateOf(booked, 'adjustments'), { kind: 'done', on: null })
  })

  test('the venue is done only when there is one and it is confirmed', () => {
    const noVenue = readinessOf({ ...conference, hasVenue: false }, { ...nothingRecorded, venueConfirmed: true }, rules, '2026-12-01', englandAndWales)
    assert.equal(stateOf(noVenue, 'venue').kind, 'due')
  })

  test('ready when every item is done or not needed; outstanding items overdue first, then soonest', () => {
    const everything = {
      reportSharedOn: '2026-12-08',
      chairMetOn: '2026-12-01',
      fgcStatus: 'held' as const,
      interpreterBooked: true,
      adjustmentsInPlace: true,
      advocateMetOn: '2026-12-02',
      venueConfirmed: true,
    }
    const items = readinessOf(conference, everything, rules, '2026-12-09', englandAndWales)
    assert.ok(isReady(items), 'a report shared late is still done')
    assert.equal(stateOf(items, 'report').kind, 'done_late')
    const some = readinessOf(conference, { ...nothingRecorded, venueConfirmed: true }, rules, '2026-12-08', englandAndWales)
    assert.ok(!isReady(some))
    assert.deepEqual(
      outstanding(some).map((entry) => entry.item),
      ['report', 'chair', 'fgc', 'advocate'],
      'the late report first',
    )
    assert.equal(outstanding(some)[0]?.state.kind, 'late')
  })

  test('the referrer never sees the advocate’s meeting with the person, and records only what the authority arranges', () => {
    assert.ok(!maySee.referrer.includes('advocate'))
    assert.deepEqual(mayRecord.advocate, ['advocate'])
    for (const relation of ['service', 'referrer', 'advocate'] as const) {
      for (const item of mayRecord[relation]) assert.ok(maySee[relation].includes(item), `${relation} sees what they record (${item})`)
    }
  })

  test('states in words', () => {
    assert.equal(stateInWords({ kind: 'due', dueBy: '2026-12-07' }), 'Due by 7 December 2026')
    assert.equal(stateInWords({ kind: 'late', dueBy: '2026-12-07', daysLate: 2 }), 'Late: it was due by 7 December 2026')
    assert.equal(stateInWords({ kind: 'done_late', on: '2026-12-08', dueBy: '2026-12-07' }), 'Done late on 8 December 2026: it was due by 7 December 2026')
    assert.equal(stateInWords({ kind: 'not_needed' }), 'Not needed')
  })

  test('no item of a meeting is due before its earliest due date for whom it waits on, which never falls as the meeting date rises', () => {
    const everything: MeetingFacts = { ...conference, interpreterNeeded: true, adjustmentsNeeded: true, previousConferenceOn: '2026-09-01' }
    const whom: readonly (readonly WaitsOn[])[] = [
      ['referrer'],
      ['advocacy_admin'],
      ['advocate'],
      ['referrer', 'advocate'],
      ['referrer', 'advocacy_admin', 'advocate'],
    ]
    for (const reportWorkingDaysBefore of [0, 1, 3, 10])
      for (const chairMeetsFamilyFirst of [true, false])
        for (const waitsOn of whom) {
          const localRules = { reportWorkingDaysBefore, chairMeetsFamilyFirst }
          let previous = ''
          // Over Christmas and New Year, where working days are fewest.
          for (let meetingDate = '2026-12-01'; meetingDate <= '2027-01-31'; meetingDate = addDays(meetingDate, 1)) {
            const earliest = earliestDueBy(meetingDate, localRules, englandAndWales, waitsOn)
            const items = readinessOf({ ...everything, meetingDate }, nothingRecorded, localRules, '2026-11-01', englandAndWales)
            const dues = items.flatMap((entry) =>
              waitsOn.includes(entry.waitsOn) && (entry.state.kind === 'due' || entry.state.kind === 'late') ? [entry.state.dueBy] : [],
            )
            assert.ok(dues.length > 0)
            assert.equal([...dues].sort()[0], earliest, `${meetingDate}, ${waitsOn.join(' and ')}, report ${reportWorkingDaysBefore} working days before`)
            assert.ok((earliest ?? '') >= previous, `${meetingDate} is not due sooner than the day before it`)
            previous = earliest ?? ''
          }
        }
    assert.equal(earliestDueBy('2026-12-10', rules, englandAndWales, ['advocacy_admin']), '2026-12-09', 'the chair and the FGC: the working day before')
    assert.equal(earliestDueBy('2026-12-10', rules, englandAndWales, ['referrer']), '2026-12-07', 'the report, 3 working days before')
    assert.equal(earliestDueBy('2026-12-10', rules, englandAndWales, []), null)
  })
})
