import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { bankHolidaysIn } from '../../platform/time/bank-holidays.ts'
import { isWorkingDay, type BankHolidays } from '../../platform/time/calendar.ts'
import { acknowledgeBy, deputyOf, isOverdue, londonInstant, londonWallClock, mayAcknowledge, nextRecipient, WORKING_DAY } from './concern-clock.ts'

const englandAndWales = bankHolidaysIn('england_and_wales')
const scotland = bankHolidaysIn('scotland')
const none: BankHolidays = { has: () => false }
const at = (iso: string) => new Date(iso)
const everyone = () => true

describe('the concern clock', () => {
  test('within one working day: 4 working hours from 10:00 is 14:00 the same day (UK time, winter)', () => {
    // Tuesday 24 November 2026, GMT.
    assert.equal(acknowledgeBy(at('2026-11-24T10:00:00Z'), 4, englandAndWales).toISOString(), '2026-11-24T14:00:00.000Z')
  })

  test('in summer time the working day is 09:00 to 17:00 in London, 08:00 to 16:00 UTC', () => {
    // Wednesday 10 June 2026, BST: raised at 15:00 London (14:00 UTC), 2 hours left that day, 2 the next.
    assert.equal(acknowledgeBy(at('2026-06-10T14:00:00Z'), 4, englandAndWales).toISOString(), '2026-06-11T10:00:00.000Z')
  })

  test('late on a Friday, the clock carries over the weekend', () => {
    // Friday 27 November 2026, 16:00: one hour on Friday, three on Monday.
    assert.equal(acknowledgeBy(at('2026-11-27T16:00:00Z'), 4, englandAndWales).toISOString(), '2026-11-30T12:00:00.000Z')
  })

  test('raised at night, at a weekend or on a bank holiday, the clock starts at 09:00 on the next working day', () => {
    assert.equal(acknowledgeBy(at('2026-11-24T22:30:00Z'), 4, englandAndWales).toISOString(), '2026-11-25T13:00:00.000Z')
    assert.equal(acknowledgeBy(at('2026-11-25T06:00:00Z'), 4, englandAndWales).toISOString(), '2026-11-25T13:00:00.000Z')
    assert.equal(acknowledgeBy(at('2026-11-28T11:00:00Z'), 4, englandAndWales).toISOString(), '2026-11-30T13:00:00.000Z')
    // Christmas Eve 2026 (Thursday) at 15:00: 2 hours then; Christmas Day and the Boxing Day substitute (Monday 28) skipped.
    assert.equal(acknowledgeBy(at('2026-12-24T15:00:00Z'), 4, englandAndWales).toISOString(), '2026-12-29T11:00:00.000Z')
    assert.equal(acknowledgeBy(at('2026-12-24T15:00:00Z'), 4, none).toISOString(), '2026-12-25T11:00:00.000Z')
  })

  test('each region keeps its own bank holidays: St Andrew’s Day in Scotland', () => {
    // Monday 30 November 2026 is St Andrew's Day in Scotland only.
    assert.equal(acknowledgeBy(at('2026-11-30T10:00:00Z'), 4, englandAndWales).toISOString(), '2026-11-30T14:00:00.000Z')
    assert.equal(acknowledgeBy(at('2026-11-30T10:00:00Z'), 4, scotland).toISOString(), '2026-12-01T13:00:00.000Z')
  })

  test('more hours than a working day span days: 10 working hours from Monday 10:00 is Tuesday 12:00', () => {
    assert.equal(acknowledgeBy(at('2026-11-23T10:00:00Z'), 10, englandAndWales).toISOString(), '2026-11-24T12:00:00.000Z')
    assert.equal(acknowledgeBy(at('2026-11-23T09:00:00Z'), 8, englandAndWales).toISOString(), '2026-11-23T17:00:00.000Z')
  })

  test('refuses a time that is not a whole number of hours', () => {
    assert.throws(() => acknowledgeBy(at('2026-11-24T10:00:00Z'), 0, none), RangeError)
    assert.throws(() => acknowledgeBy(at('2026-11-24T10:00:00Z'), 1.5, none), RangeError)
  })

  test('always later than it reached them, inside working hours, on a working day; never more than the hours plus the gaps', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 40 }),
        (from, hours) => {
          const by = acknowledgeBy(from, hours, englandAndWales)
          assert.ok(by.getTime() > from.getTime())
          const wall = londonWallClock(by)
          assert.ok(isWorkingDay(wall.day, englandAndWales), wall.day)
          assert.ok(wall.minute > WORKING_DAY.startMinute && wall.minute <= WORKING_DAY.endMinute, `${wall.day} ${wall.minute}`)
          // A week holds at most 5 working days of 8 hours; with bank holidays, allow two weeks for 40 hours.
          assert.ok(by.getTime() - from.getTime() <= (Math.ceil(hours / 8) + 6) * 7 * 24 * 3_600_000)
        },
      ),
    )
  })

  test('the UK wall clock and back again, in winter and in summer', () => {
    assert.equal(londonInstant('2026-01-15', 9 * 60).toISOString(), '2026-01-15T09:00:00.000Z')
    assert.equal(londonInstant('2026-07-15', 9 * 60).toISOString(), '2026-07-15T08:00:00.000Z')
    assert.deepEqual(londonWallClock(at('2026-07-15T08:00:00Z')), { day: '2026-07-15', minute: 540 })
  })

  test('overdue from the moment it is due', () => {
    assert.equal(isOverdue(at('2026-11-24T14:00:00Z'), at('2026-11-24T13:59:59Z')), false)
    assert.equal(isOverdue(at('2026-11-24T14:00:00Z'), at('2026-11-24T14:00:00Z')), true)
    assert.equal(isOverdue(null, at('2026-11-24T14:00:00Z')), false)
  })
})

describe('who a concern goes to', () => {
  const list = ['sam', 'dee', 'nia']

  test('the first on the list, then each next one in order, then nobody: every service manager', () => {
    assert.equal(nextRecipient(list, [], everyone), 'sam')
    assert.equal(nextRecipient(list, ['sam'], everyone), 'dee')
    assert.equal(nextRecipient(list, ['sam', 'dee'], everyone), 'nia')
    assert.equal(nextRecipient(list, ['sam', 'dee', 'nia'], everyone), null)
    assert.equal(nextRecipient([], [], everyone), null, 'no list: straight to every service manager')
  })

  test('someone who can no longer receive concerns (an account closed) is passed over, never waited for', () => {
    assert.equal(
      nextRecipient(list, [], (id) => id !== 'sam'),
      'dee',
    )
    assert.equal(
      nextRecipient(list, ['dee'], (id) => id !== 'sam'),
      'nia',
    )
  })

  test('the list changed since it was raised: the first on the new list who has not had it', () => {
    assert.equal(nextRecipient(['nia', 'sam', 'dee'], ['sam'], everyone), 'nia')
  })

  test('the deputy told at once is the next on the list after the first', () => {
    assert.equal(deputyOf(list, 'sam', everyone), 'dee')
    assert.equal(deputyOf(['sam'], 'sam', everyone), null)
    assert.equal(deputyOf(list, null, everyone), null)
  })

  test('anyone it has reached may acknowledge it; every service manager too once the list has run out', () => {
    const concern = { reached: ['sam', 'dee'], withEveryManager: false }
    assert.equal(mayAcknowledge('dee', concern, false), true)
    assert.equal(mayAcknowledge('nia', concern, true), false, 'a manager it has not reached')
    assert.equal(mayAcknowledge('nia', { ...concern, withEveryManager: true }, true), true)
    assert.equal(mayAcknowledge('ana', { ...concern, withEveryManager: true }, false), false)
  })
})
