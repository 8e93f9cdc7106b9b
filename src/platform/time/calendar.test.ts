import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { addDays, addWorkingDays, daysBetween, isIsoDate, isWeekend, isWorkingDay, runsOfDays, subtractWorkingDays } from './calendar.ts'

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

  describe('the same answers a Date gives', () => {
    // What the calendar did with a Date for every date, before it worked on day numbers (issue 9).
    const ISO = /^(\d{4})-(\d{2})-(\d{2})$/
    const noon = (iso: string) => {
      const match = ISO.exec(iso)
      if (!match) throw new RangeError(iso)
      return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12))
    }
    const byDate = {
      addDays: (iso: string, days: number) => {
        const date = noon(iso)
        date.setUTCDate(date.getUTCDate() + days)
        return date.toISOString().slice(0, 10)
      },
      isIsoDate: (iso: string) => ISO.test(iso) && noon(iso).toISOString().slice(0, 10) === iso,
      isWeekend: (iso: string) => [0, 6].includes(noon(iso).getUTCDay()),
    }

    test('every day from 1899 to 2101: the days after and before it, the days between, and the weekend', () => {
      let checked = 0
      for (let day = '1899-12-25'; day < '2101-01-08'; day = byDate.addDays(day, 1)) {
        for (const offset of [1, -1, 31, -366]) assert.equal(addDays(day, offset), byDate.addDays(day, offset), `${day} ${offset}`)
        assert.equal(daysBetween('2000-01-01', day), Math.round((noon(day).getTime() - noon('2000-01-01').getTime()) / 86_400_000), day)
        assert.equal(isWeekend(day), byDate.isWeekend(day), day)
        checked += 1
      }
      assert.ok(checked > 73_000, `${checked} days`)
    })

    test('impossible and odd dates read as a Date reads them, and what is no date is refused alike', () => {
      const odd = [
        '2026-02-29',
        '2028-02-30',
        '2026-00-10',
        '2026-13-01',
        '2026-99-99',
        '2026-04-00',
        '0050-01-01',
        '0099-12-31',
        '0100-03-01',
        '0000-01-01',
        '9999-12-31',
      ]
      for (const date of odd) {
        assert.equal(isIsoDate(date), byDate.isIsoDate(date), date)
        for (const offset of [0, 1, -1, 40]) assert.equal(addDays(date, offset), byDate.addDays(date, offset), `${date} ${offset}`)
      }
      for (const notADate of ['', '2026-1-01', '2026/01/01', '２０２６-01-01', '2026-01-01\n', ' 2026-01-01', 'abcd-ef-gh', '2026-0a-01']) {
        assert.equal(isIsoDate(notADate), false, JSON.stringify(notADate))
        assert.throws(() => addDays(notADate, 1), RangeError, JSON.stringify(notADate))
      }
    })

    test('working days forward and back, by the days a Date would step through', () => {
      const holidays = new Set(['2026-12-25', '2026-12-28', '2027-01-01', '2026-08-31', '2026-05-04'])
      const stepping = (from: string, count: number, step: 1 | -1) => {
        let date = from
        for (let remaining = count; remaining > 0;) {
          date = byDate.addDays(date, step)
          if (!byDate.isWeekend(date) && !holidays.has(date)) remaining -= 1
        }
        return date
      }
      for (let day = '2026-04-20'; day < '2027-02-01'; day = byDate.addDays(day, 1))
        for (const count of [0, 1, 2, 3, 5, 10, 15]) {
          assert.equal(addWorkingDays(day, count, holidays), stepping(day, count, 1), `${day} + ${count}`)
          assert.equal(subtractWorkingDays(day, count, holidays), stepping(day, count, -1), `${day} - ${count}`)
        }
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
