import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { bankHolidaysIn } from '../../platform/time/bank-holidays.ts'
import { addDays, isWorkingDay, type BankHolidays } from '../../platform/time/calendar.ts'
import { addMonths, conferenceDueOf, nextConference, timingOf } from './conference-clock.ts'

const englandAndWales = bankHolidaysIn('england_and_wales')
const scotland = bankHolidaysIn('scotland')
const none: BankHolidays = { has: () => false }
const strategy = (on: string) => ({ strategyDiscussionOn: on, initialConferenceOn: null, reviewConferencesOn: [] })

describe('the conference clock', () => {
  test('the initial conference is due 15 working days after the strategy discussion', () => {
    // Monday 2 March 2026: three weeks of weekdays, no bank holiday.
    assert.equal(nextConference(strategy('2026-03-02'), englandAndWales)?.dueBy, '2026-03-23')
    assert.equal(nextConference(strategy('2026-03-02'), englandAndWales)?.kind, 'initial_conference')
  })

  test('across Christmas and a new year, each bank holiday of the authority’s region is skipped', () => {
    // Friday 18 December 2026: Christmas (Fri 25), Boxing Day substitute (Mon 28) and New Year's Day (Fri 1).
    assert.equal(nextConference(strategy('2026-12-18'), englandAndWales)?.dueBy, '2027-01-13')
    assert.equal(nextConference(strategy('2026-12-18'), none)?.dueBy, '2027-01-08')
    // Scotland also keeps 2 January (a Saturday in 2027, so Monday 4 January is off).
    assert.equal(nextConference(strategy('2026-12-18'), scotland)?.dueBy, '2027-01-14')
  })

  test('across Easter', () => {
    // Thursday 26 March 2026: Good Friday 3 April and Easter Monday 6 April are skipped in England.
    assert.equal(nextConference(strategy('2026-03-26'), englandAndWales)?.dueBy, '2026-04-20')
  })

  test('the first review is due 3 months after the initial conference, on the month’s last day where it is shorter', () => {
    const after = (initial: string) => nextConference({ strategyDiscussionOn: null, initialConferenceOn: initial, reviewConferencesOn: [] }, none)
    assert.equal(after('2026-03-10')?.dueBy, '2026-06-10')
    assert.equal(after('2026-11-30')?.dueBy, '2027-02-28')
    assert.equal(after('2027-11-30')?.dueBy, '2028-02-29', 'a leap year')
    assert.equal(after('2026-05-31')?.dueBy, '2026-08-31')
    assert.equal(after('2026-03-31')?.dueBy, '2026-06-30')
    assert.equal(after('2026-03-31')?.kind, 'review_conference')
  })

  test('each later review is due 6 months after the last one, whatever order they were entered in', () => {
    const history = { strategyDiscussionOn: '2026-01-05', initialConferenceOn: '2026-01-20', reviewConferencesOn: ['2026-08-31', '2026-04-20'] }
    assert.equal(nextConference(history, none)?.dueBy, '2027-02-28')
    assert.match(nextConference(history, none)?.because ?? '', /6 months after the review conference on 31 August 2026/)
  })

  test('nothing is due before a strategy discussion', () => {
    assert.equal(nextConference({ strategyDiscussionOn: null, initialConferenceOn: null, reviewConferencesOn: [] }, none), null)
  })

  test('a conference on or before its due date is on time; after it, late by so many days, with the reason to give', () => {
    const due = nextConference(strategy('2026-03-02'), englandAndWales)
    assert.ok(due)
    assert.deepEqual(timingOf('2026-03-23', due), { onTime: true })
    assert.deepEqual(timingOf('2026-03-10', due), { onTime: true })
    const late = timingOf('2026-03-24', due)
    assert.equal(late.onTime, false)
    assert.ok(!late.onTime)
    assert.equal(late.daysLate, 1)
    assert.equal(
      late.message,
      'This initial conference is 1 day after it was due on 23 March 2026 (15 working days after the strategy discussion on 2 March 2026). Say why it is late.',
    )
  })

  test('the initial conference always falls on a working day, 15 of them after the discussion', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-01-01T12:00:00Z'), max: new Date('2030-12-31T12:00:00Z'), noInvalidDate: true }), (date) => {
        const on = date.toISOString().slice(0, 10)
        const due = nextConference(strategy(on), englandAndWales)?.dueBy ?? ''
        assert.ok(isWorkingDay(due, englandAndWales), `${on} → ${due}`)
        let working = 0
        for (let day = addDays(on, 1); day <= due; day = addDays(day, 1)) if (isWorkingDay(day, englandAndWales)) working++
        assert.equal(working, 15, `${on} → ${due}`)
      }),
    )
  })

  test('adding months never overshoots the target month', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01T12:00:00Z'), max: new Date('2030-12-31T12:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 24 }),
        (date, months) => {
          const on = date.toISOString().slice(0, 10)
          const later = addMonths(on, months)
          const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1
          assert.equal(monthIndex(later) - monthIndex(on), months, `${on} + ${months}`)
          assert.ok(Number(later.slice(8)) <= Number(on.slice(8)), `${on} + ${months} → ${later}`)
        },
      ),
    )
  })

  describe('a meeting’s own conference clock', () => {
    const meeting = { type: 'initial_conference', strategyDiscussionOn: null, previousConferenceOn: null, previousConference: null } as const
    test('an initial conference runs from its strategy discussion', () => {
      assert.equal(conferenceDueOf({ ...meeting, strategyDiscussionOn: '2026-12-18' }, englandAndWales)?.dueBy, '2027-01-13')
      assert.equal(conferenceDueOf(meeting, englandAndWales), null, 'no strategy discussion known, no due date')
    })
    test('a review runs from the conference before it: 3 months after the initial, 6 after a review', () => {
      const review = { ...meeting, type: 'review_conference', previousConferenceOn: '2026-11-30' } as const
      assert.equal(conferenceDueOf({ ...review, previousConference: 'initial_conference' }, none)?.dueBy, '2027-02-28')
      assert.equal(conferenceDueOf({ ...review, previousConference: 'review_conference' }, none)?.dueBy, '2027-05-30')
      assert.equal(conferenceDueOf(review, none), null, 'which conference came before is not known')
    })
    test('any other meeting has no conference clock', () => {
      assert.equal(conferenceDueOf({ ...meeting, type: 'core_group', strategyDiscussionOn: '2026-12-18' }, none), null)
    })
  })
})
