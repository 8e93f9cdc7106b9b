import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { bankHolidayOn, bankHolidayRegions, bankHolidaysBetween, bankHolidaysIn, byRules, KEPT_YEARS, type BankHolidayRegion } from './bank-holidays.ts'
import { addWorkingDays } from './calendar.ts'
import { londonDate } from './clock.ts'

/**
 * The weekdays off in each part of the UK, typed from GOV.UK's published lists (to 2027) and the
 * rules it states (after): what the rules must give, checked one year at a time.
 */
const known: Readonly<Record<BankHolidayRegion, Readonly<Record<number, readonly string[]>>>> = {
  england_and_wales: {
    2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
    2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
    2028: ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
    2029: ['2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26'],
    2030: ['2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26'],
  },
  scotland: {
    2025: ['2025-01-01', '2025-01-02', '2025-04-18', '2025-05-05', '2025-05-26', '2025-08-04', '2025-12-01', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25', '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28'],
    2027: ['2027-01-01', '2027-01-04', '2027-03-26', '2027-05-03', '2027-05-31', '2027-08-02', '2027-11-30', '2027-12-27', '2027-12-28'],
    2028: ['2028-01-03', '2028-01-04', '2028-04-14', '2028-05-01', '2028-05-29', '2028-08-07', '2028-11-30', '2028-12-25', '2028-12-26'],
    2029: ['2029-01-01', '2029-01-02', '2029-03-30', '2029-05-07', '2029-05-28', '2029-08-06', '2029-11-30', '2029-12-25', '2029-12-26'],
    2030: ['2030-01-01', '2030-01-02', '2030-04-19', '2030-05-06', '2030-05-27', '2030-08-05', '2030-12-02', '2030-12-25', '2030-12-26'],
  },
  northern_ireland: {
    2025: ['2025-01-01', '2025-03-17', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-07-14', '2025-08-25', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-03-17', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-07-13', '2026-08-31', '2026-12-25', '2026-12-28'],
    2027: ['2027-01-01', '2027-03-17', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-07-12', '2027-08-30', '2027-12-27', '2027-12-28'],
    2028: ['2028-01-03', '2028-03-17', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-07-12', '2028-08-28', '2028-12-25', '2028-12-26'],
    2029: ['2029-01-01', '2029-03-19', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-07-12', '2029-08-27', '2029-12-25', '2029-12-26'],
    2030: ['2030-01-01', '2030-03-18', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-07-12', '2030-08-26', '2030-12-25', '2030-12-26'],
  },
}

/** How many weekdays off every year brings, at the least, once substitute days are counted. */
const everyYear: Readonly<Record<BankHolidayRegion, number>> = { england_and_wales: 8, scotland: 9, northern_ireland: 10 }

const dates = (region: BankHolidayRegion, from: number, to = from) => bankHolidaysBetween(region, from, to).map((holiday) => holiday.date)

describe('bank holidays', () => {
  for (const region of bankHolidayRegions.values) {
    test(`${bankHolidayRegions.labels[region]}: the weekdays off in 2025 to 2030, as GOV.UK lists them`, () => {
      for (let year = 2025; year <= 2030; year += 1) assert.deepEqual(dates(region, year), known[region][year], String(year))
      assert.deepEqual(dates(region, 2025, 2030), Object.values(known[region]).flat(), 'several years, in date order')
    })
  }

  test('a holiday at a weekend is listed by its substitute day', () => {
    assert.deepEqual(
      bankHolidaysBetween('england_and_wales', 2027, 2027).slice(-2),
      [
        { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
        { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
      ],
      'Christmas on a Saturday, Boxing Day on a Sunday',
    )
    assert.ok(!dates('england_and_wales', 2022).includes('2022-01-01'), 'New Year’s Day 2022 was a Saturday')
    assert.deepEqual(dates('scotland', 2022).slice(0, 2), ['2022-01-03', '2022-01-04'], 'Scotland’s 1 and 2 January at a weekend')
    assert.deepEqual(dates('scotland', 2027).slice(0, 2), ['2027-01-01', '2027-01-04'], 'Scotland’s 2 January on a Saturday')
    assert.ok(dates('scotland', 2025).includes('2025-12-01'), 'St Andrew’s Day on a Sunday')
    assert.ok(dates('northern_ireland', 2029).includes('2029-03-19'), 'St Patrick’s Day on a Saturday')
    assert.ok(dates('northern_ireland', 2026).includes('2026-07-13'), 'the Battle of the Boyne on a Sunday')
  })

  test('the one-off days announced so far, in every part of the UK', () => {
    for (const region of bankHolidayRegions.values) {
      const where = bankHolidayRegions.labels[region]
      assert.ok(dates(region, 2022).includes('2022-06-03'), `the Platinum Jubilee in ${where}`)
      assert.ok(dates(region, 2022).includes('2022-06-02') && !dates(region, 2022).includes('2022-05-30'), `the spring bank holiday moved in 2022 in ${where}`)
      assert.ok(dates(region, 2022).includes('2022-09-19'), `the State Funeral of Queen Elizabeth II in ${where}`)
      assert.ok(dates(region, 2023).includes('2023-05-08'), `the Coronation in ${where}`)
    }
    assert.ok(
      dates('england_and_wales', 2020).includes('2020-05-08') && !dates('england_and_wales', 2020).includes('2020-05-04'),
      'the early May bank holiday moved for VE Day',
    )
  })

  test('a system admin’s changes: a day added, a day taken away, each in its own region', () => {
    const changes = [
      { region: 'scotland', date: '2031-06-10', change: 'added', name: 'A one-off bank holiday' },
      { region: 'scotland', date: '2031-05-05', change: 'removed', name: 'Moved to 10 June' },
      { region: 'england_and_wales', date: '2031-06-11', change: 'added', name: 'Elsewhere' },
      { region: 'scotland', date: '2031-06-14', change: 'added', name: 'A Saturday, which changes nothing' },
    ] as const
    const scotland2031 = bankHolidaysBetween('scotland', 2031, 2031, changes)
    assert.ok(scotland2031.some((holiday) => holiday.date === '2031-06-10' && holiday.name === 'A one-off bank holiday'))
    assert.ok(!scotland2031.some((holiday) => ['2031-05-05', '2031-06-11', '2031-06-14'].includes(holiday.date)))
    assert.deepEqual(
      scotland2031.map((holiday) => holiday.date),
      [...scotland2031.map((holiday) => holiday.date)].sort(),
      'still in date order',
    )
    assert.equal(bankHolidayOn('scotland', '2031-05-05')?.name, 'Early May bank holiday', 'by the rules…')
    assert.equal(bankHolidayOn('scotland', '2031-05-05', changes), null, '…taken away in Scotland…')
    assert.ok(bankHolidayOn('england_and_wales', '2031-05-05', changes), '…and nowhere else')
    assert.equal(bankHolidayOn('scotland', '2031-06-10', changes)?.name, 'A one-off bank holiday')

    const holidays = bankHolidaysIn('scotland', changes)
    assert.equal(holidays.has('2031-06-10'), true)
    assert.equal(holidays.has('2031-05-05'), false)
    assert.equal(addWorkingDays('2031-06-09', 1, holidays), '2031-06-11', 'the working day after is the day after the one-off')
  })

  test('working-day arithmetic knows any year, and each region its own', () => {
    assert.equal(addWorkingDays('2041-12-24', 1, bankHolidaysIn('england_and_wales')), '2041-12-27')
    assert.equal(addWorkingDays('2026-11-27', 1, bankHolidaysIn('england_and_wales')), '2026-11-30')
    assert.equal(addWorkingDays('2026-11-27', 1, bankHolidaysIn('scotland')), '2026-12-01', 'St Andrew’s Day')
    assert.equal(addWorkingDays('2026-03-16', 1, bankHolidaysIn('northern_ireland')), '2026-03-18', 'St Patrick’s Day')
    assert.equal(addWorkingDays('2026-04-03', 1, bankHolidaysIn('scotland')), '2026-04-06', 'Easter Monday is a working day in Scotland')
    assert.equal(bankHolidaysIn('scotland').has('not a date'), false)
  })
})

describe('the years kept with the code', () => {
  for (const region of bankHolidayRegions.values) {
    const where = bankHolidayRegions.labels[region]
    test(`${where}: each kept year is what the library's rules give (else: npm run bank-holidays)`, () => {
      assert.ok(KEPT_YEARS.from <= 2020 && KEPT_YEARS.to >= 2090, `the years kept reach from 2020 to 2090 at least, not ${KEPT_YEARS.from} to ${KEPT_YEARS.to}`)
      for (let year = KEPT_YEARS.from; year <= KEPT_YEARS.to; year += 1)
        assert.deepEqual(bankHolidaysBetween(region, year, year), byRules(region, year), `${where} ${year}`)
    })
    test(`${where}: a year outside them comes from the rules`, () => {
      for (const year of [KEPT_YEARS.from - 1, KEPT_YEARS.to + 1, 2150]) {
        const holidays = bankHolidaysBetween(region, year, year)
        assert.ok(holidays.length >= everyYear[region], `${where} ${year}: ${holidays.length} bank holidays`)
        assert.deepEqual(holidays, byRules(region, year))
      }
    })
  }
})

describe('the bank holidays do not run out', () => {
  // The real date, not a test clock: this fails on the day fewer than 12 months of bank holidays are known.
  const today = londonDate(new Date())
  const thisYear = Number(today.slice(0, 4))
  const yearAhead = `${thisYear + 1}-${today.slice(5)}`

  for (const region of bankHolidayRegions.values) {
    const where = bankHolidayRegions.labels[region]
    test(`${where}: every bank holiday of the next 12 months is known, and dates at least 12 months ahead`, () => {
      // Every year the next 12 months reach into has its full set; a window of 12 months can miss
      // a year's Easter, so whole years are counted.
      for (const year of [thisYear, thisYear + 1]) {
        const count = dates(region, year).length
        assert.ok(count >= everyYear[region], `${where} ${year}: ${count} bank holidays known, expected at least ${everyYear[region]}`)
      }
      const latest = dates(region, thisYear, thisYear + 2).at(-1) ?? 'none'
      assert.ok(latest >= yearAhead, `${where}: the latest bank holiday known is ${latest}, less than 12 months after ${today}`)
    })
  }
})
