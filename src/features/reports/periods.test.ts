import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  financialYear,
  financialYearOf,
  lastFullQuarter,
  lengthInDays,
  parseQuarterKey,
  parseYearKey,
  previous,
  quarter,
  quarterOf,
  range,
  rangeProblem,
  recentQuarters,
  recentYears,
} from './periods.ts'

describe('periods as councils report them', () => {
  test('the financial year runs from April to March and is named by the year it starts', () => {
    assert.equal(financialYearOf('2026-04-01'), 2026)
    assert.equal(financialYearOf('2026-03-31'), 2025)
    assert.deepEqual(financialYear(2025), { kind: 'year', from: '2025-04-01', to: '2026-03-31', key: '2025', label: '2025 to 2026' })
  })

  test('quarters: April to June is Q1, January to March is Q4 of the year before', () => {
    assert.deepEqual([quarterOf('2026-04-01'), quarterOf('2026-09-30'), quarterOf('2026-12-31'), quarterOf('2027-02-28')], [1, 2, 3, 4])
    assert.deepEqual([quarter(2026, 1).from, quarter(2026, 1).to], ['2026-04-01', '2026-06-30'])
    assert.deepEqual([quarter(2026, 3).from, quarter(2026, 3).to], ['2026-10-01', '2026-12-31'])
    assert.deepEqual([quarter(2026, 4).from, quarter(2026, 4).to], ['2027-01-01', '2027-03-31'])
    assert.equal(quarter(2027, 4).to, '2028-03-31')
    assert.equal(quarter(2026, 4).label, 'Q4 2026 to 2027 (January to March 2027)')
  })

  test('the one before: the quarter before (across a year), the year before, the same number of days before a range', () => {
    assert.equal(previous(quarter(2026, 1)).key, '2025-Q4')
    assert.equal(previous(quarter(2026, 3)).key, '2026-Q2')
    assert.equal(previous(financialYear(2026)).key, '2025')
    const before = previous(range('2026-05-01', '2026-05-31'))
    assert.deepEqual([before.from, before.to], ['2026-03-31', '2026-04-30'])
    assert.equal(lengthInDays(before), 31)
    // Across a leap day
    const leap = previous(range('2028-03-01', '2028-03-02'))
    assert.deepEqual([leap.from, leap.to], ['2028-02-28', '2028-02-29'])
  })

  test('a range must be real dates, in order, and at most five years', () => {
    assert.equal(rangeProblem('2026-02-30', '2026-03-01'), 'The start of the period must be a real date')
    assert.equal(rangeProblem('2026-03-01', 'soon'), 'The end of the period must be a real date')
    assert.equal(rangeProblem('2026-03-02', '2026-03-01'), 'The end of the period must be the same as or after the start')
    assert.equal(rangeProblem('2020-01-01', '2026-01-01'), 'The period must be 5 years or shorter')
    assert.equal(rangeProblem('2026-03-01', '2026-03-01'), null)
    assert.throws(() => range('2026-03-02', '2026-03-01'), RangeError)
    assert.equal(range('2026-05-01', '2026-06-03').label, '1 May 2026 to 3 June 2026')
  })

  test('the return opens on the last quarter that has ended', () => {
    assert.equal(lastFullQuarter('2026-11-27').key, '2026-Q2')
    assert.equal(lastFullQuarter('2026-04-01').key, '2025-Q4')
    assert.deepEqual(
      recentQuarters('2026-11-27', 3).map((period) => period.key),
      ['2026-Q3', '2026-Q2', '2026-Q1'],
    )
    assert.deepEqual(
      recentYears('2026-02-01', 2).map((period) => period.key),
      ['2025', '2024'],
    )
  })

  test('keys from the address bar are read strictly', () => {
    assert.equal(parseQuarterKey('2026-Q2')?.from, '2026-07-01')
    for (const bad of ['2026-Q5', '2026-q2', ' 2026-Q2', '1999-Q1', '2026-Q2\u0000', '']) assert.equal(parseQuarterKey(bad), null, bad)
    assert.equal(parseYearKey('2026')?.to, '2027-03-31')
    for (const bad of ['26', '2026 ', '9999', 'x']) assert.equal(parseYearKey(bad), null, bad)
  })
})
