import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { addDays, addWorkingDays, daysBetween, isIsoDate, isWeekend, isWorkingDay } from './calendar.ts'

describe('calendar', () => {
  test('adds days across months, years and the clocks changing', () => {
    assert.equal(addDays('2026-11-24', 7), '2026-12-01')
    assert.equal(addDays('2026-12-30', 3), '2027-01-02')
    assert.equal(addDays('2026-03-28', 2), '2026-03-30')
    assert.equal(addDays('2026-10-24', 2), '2026-10-26')
    assert.equal(addDays('2026-12-01', -14), '2026-11-17')
  })

  test('counts the days between two dates', () => {
    assert.equal(daysBetween('2026-11-24', '2026-12-01'), 7)
    assert.equal(daysBetween('2026-12-01', '2026-11-24'), -7)
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2)
  })

  test('knows a real date from an impossible one', () => {
    assert.equal(isIsoDate('2028-02-29'), true)
    assert.equal(isIsoDate('2027-02-29'), false)
    assert.equal(isIsoDate('2026-13-01'), false)
    assert.equal(isIsoDate('26-1-1'), false)
  })

  test('working days skip weekends and the bank holidays they are given', () => {
    const christmas2026 = new Set(['2026-12-25', '2026-12-28'])
    assert.equal(isWeekend('2026-11-28'), true, 'a Saturday')
    assert.equal(isWorkingDay('2026-11-28', christmas2026), false, 'a Saturday')
    assert.equal(isWorkingDay('2026-12-25', christmas2026), false, 'Christmas Day')
    assert.equal(isWorkingDay('2026-12-25', new Set()), true, 'not a holiday unless it is given')
    assert.equal(isWorkingDay('2026-11-24', christmas2026), true)
    assert.equal(addWorkingDays('2026-11-27', 1, christmas2026), '2026-11-30', 'Friday to Monday')
    assert.equal(addWorkingDays('2026-12-24', 1, christmas2026), '2026-12-29', 'over Christmas and the Boxing Day substitute')
    assert.equal(addWorkingDays('2026-11-24', 0, christmas2026), '2026-11-24')
  })
})
