/**
 * @pure
 *
 * Calendar arithmetic on ISO dates (YYYY-MM-DD). Pure: no clock, no time zones. A date is a day in
 * the UK's calendar, so arithmetic is done at noon UTC where no daylight saving change can reach it.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/*
 * A date is worked on as its day number (days since 1970-01-01) in plain integer arithmetic, not as
 * a Date: the lists of meetings and their readiness work out thousands of dates a page, and making
 * and formatting a Date for each was a tenth of "My team's work"'s time (issue 9). The answers are
 * the Date's, as the unit tests check day by day: a day past a month's end runs on into the next
 * month, and a year 00 to 99 is 1900 to 1999, as `Date.UTC` has them.
 */

const DIGIT_0 = 48

function digitsAt(text: string, from: number, count: number): number {
  let value = 0
  for (let index = from; index < from + count; index += 1) {
    const digit = text.charCodeAt(index) - DIGIT_0
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/** Days from 1970-01-01 to the first day of this month (a month past 12 or before 1 runs into the next or last year). */
function daysToMonth(year: number, month: number): number {
  const shifted = month - 1
  const y = year + Math.floor(shifted / 12)
  const m = shifted - Math.floor(shifted / 12) * 12 + 1
  // Howard Hinnant's days_from_civil, from a year that starts in March.
  const yearOfEra = m <= 2 ? y - 1 : y
  const era = Math.floor(yearOfEra / 400)
  const yoe = yearOfEra - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5)
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

function dayNumber(isoDate: string): number {
  const year = isoDate.length === 10 && isoDate.charCodeAt(4) === 45 && isoDate.charCodeAt(7) === 45 ? digitsAt(isoDate, 0, 4) : -1
  const month = year < 0 ? -1 : digitsAt(isoDate, 5, 2)
  const day = month < 0 ? -1 : digitsAt(isoDate, 8, 2)
  if (day < 0) throw new RangeError(`Not an ISO date: ${isoDate}`)
  // As `Date.UTC` reads a year: 00 to 99 are 1900 to 1999 (so "0050-01-01" is no real date).
  return daysToMonth(year < 100 ? year + 1900 : year, month) + day - 1
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value))

function isoOf(days: number): string {
  // Howard Hinnant's civil_from_days.
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  // Outside years 0 to 9999 an ISO date is written otherwise ("+010000-01-01"): as a Date writes it.
  if (year < 0 || year > 9999) return new Date(days * 86_400_000).toISOString().slice(0, 10)
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
}

function toUtcNoon(isoDate: string): Date {
  return new Date(dayNumber(isoDate) * 86_400_000 + 43_200_000)
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  return isoOf(dayNumber(value)) === value
}

export function addDays(isoDate: string, days: number): string {
  return isoOf(dayNumber(isoDate) + days)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/**
 * The days from `from` to `last` in runs of consecutive days that `keyOf` gives the same key, each
 * with its key: the meetings of a Saturday, Sunday and Monday are all due by the Friday before.
 */
export function* runsOfDays<K>(
  from: string,
  last: string,
  keyOf: (day: string) => K,
): Generator<{ readonly from: string; readonly to: string; readonly key: K }> {
  let start = from
  let key = keyOf(from)
  for (let day = from; day <= last; day = addDays(day, 1)) {
    const next = addDays(day, 1)
    const nextKey = next <= last ? keyOf(next) : undefined
    if (next > last || nextKey !== key) {
      yield { from: start, to: day, key }
      start = next
      key = nextKey as K
    }
  }
}

/**
 * The bank holidays working days skip. Any set of ISO dates will do (a test's own); the service
 * passes the authority's region's holidays, which know every year (see `bank-holidays.ts`).
 */
export interface BankHolidays {
  has(isoDate: string): boolean
}

/** Saturday or Sunday. */
export function isWeekend(isoDate: string): boolean {
  return weekendByNumber(dayNumber(isoDate))
}

/** 1970-01-01 was a Thursday: a day number's weekday, 0 for Sunday. */
function weekendByNumber(days: number): boolean {
  const weekday = (((days + 4) % 7) + 7) % 7
  return weekday === 0 || weekday === 6
}

export function isWorkingDay(isoDate: string, bankHolidays: BankHolidays): boolean {
  return !isWeekend(isoDate) && !bankHolidays.has(isoDate)
}

/** The date `count` working days after `isoDate` (weekends and bank holidays skipped). */
export function addWorkingDays(isoDate: string, count: number, bankHolidays: BankHolidays): string {
  return byWorkingDays(isoDate, count, 1, bankHolidays)
}

function byWorkingDays(isoDate: string, count: number, step: 1 | -1, bankHolidays: BankHolidays): string {
  let days = dayNumber(isoDate)
  let date = isoDate
  let remaining = count
  while (remaining > 0) {
    days += step
    if (weekendByNumber(days)) continue
    date = isoOf(days)
    if (!bankHolidays.has(date)) remaining -= 1
  }
  return date
}

/** The date `count` working days before `isoDate` (weekends and bank holidays skipped). */
export function subtractWorkingDays(isoDate: string, count: number, bankHolidays: BankHolidays): string {
  return byWorkingDays(isoDate, count, -1, bankHolidays)
}

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })

/** "26 October 2025", as GOV.UK writes a date, for rules that explain themselves in words. */
export function inWords(isoDate: string): string {
  return longDate.format(toUtcNoon(isoDate))
}
