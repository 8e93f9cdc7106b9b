import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { addDays, addWorkingDays, daysBetween, growingWindows, isIsoDate, isWeekend, isWorkingDay, runsOfDays, subtractWorkingDays } from './calendar.ts'

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

  describe('growing windows', () => {
    test('each window twice as long as the one before, ending on the last day', () => {
      assert.deepEqual(
        [...growingWindows('2026-11-28', '2026-12-26')],
        [
          { from: '2026-11-28', to: '2026-11-29' },
          { from: '2026-11-30', to: '2026-12-03' },
          { from: '2026-12-04', to: '2026-12-11' },
          { from: '2026-12-12', to: '2026-12-26' },
        ],
      )
    })

    test('every day is in exactly one window, in order', () => {
      for (const [from, last, firstSpan] of [
        ['2026-01-01', '2026-01-01', 2],
        ['2026-01-01', '2026-01-02', 2],
        ['2026-02-27', '2026-03-30', 1],
        ['2026-12-30', '2027-03-01', 3],
      ] as const) {
        const days = [...growingWindows(from, last, firstSpan)].flatMap((window) => {
          const run: string[] = []
          for (let day = window.from; day <= (window.to ?? last); day = addDays(day, 1)) run.push(day)
          return run
        })
        assert.equal(days.length, daysBetween(from, last) + 1, `${from} to ${last}`)
        assert.deepEqual(days, [...days].sort())
        assert.equal(new Set(days).size, days.length)
      }
    })

    test('without a last day, past a year the rest is one window without end', () => {
      const windows = [...growingWindows('2026-11-28', null)]
      assert.deepEqual(windows.slice(0, 2), [
        { from: '2026-11-28', to: '2026-11-29' },
        { from: '2026-11-30', to: '2026-12-03' },
      ])
      assert.equal(windows.at(-1)?.to, null)
      assert.equal(windows.at(-2)?.to && addDays(windows.at(-2)?.to ?? '', 1), windows.at(-1)?.from)
      assert.equal(windows.length, 9)
    })

    test('a start after the last day is no window', () => {
      assert.deepEqual([...growingWindows('2026-12-02', '2026-12-01')], [])
    })
  })

  describe('runs of days', () => {
    test('consecutive days with the same key run together: a weekend with the Monday after it, by the working day before', () => {
      const none = { has: () => false }
      assert.deepEqual(
        [...runsOfDays('2026-11-27', '2026-12-02', (day) => subtractWorkingDays(day, 1, none))],
        [
          { from: '2026-11-27', to: '2026-11-27', key: '2026-11-26' },
          { from: '2026-11-28', to: '2026-11-30', key: '2026-11-27' },
          { from: '2026-12-01', to: '2026-12-01', key: '2026-11-30' },
          { from: '2026-12-02', to: '2026-12-02', key: '2026-12-01' },
        ],
      )
    })

    test('one day, and a key that never changes', () => {
      assert.deepEqual([...runsOfDays('2026-11-28', '2026-11-28', () => 'x')], [{ from: '2026-11-28', to: '2026-11-28', key: 'x' }])
      assert.deepEqual([...runsOfDays('2026-11-28', '2026-12-31', () => null)], [{ from: '2026-11-28', to: '2026-12-31', key: null }])
      assert.deepEqual([...runsOfDays('2026-11-29', '2026-11-28', () => 'x')], [])
    })
  })
})
