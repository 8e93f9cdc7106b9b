/**
 * @pure
 *
 * Calendar arithmetic on ISO dates (YYYY-MM-DD). Pure: no clock, no time zones. A date is a day in
 * the UK's calendar, so arithmetic is done at noon UTC where no daylight saving change can reach it.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function toUtcNoon(isoDate: string): Date {
  const match = ISO_DATE.exec(isoDate)
  if (!match) throw new RangeError(`Not an ISO date: ${isoDate}`)
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12))
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  return fromUtc(toUtcNoon(value)) === value
}

export function addDays(isoDate: string, days: number): string {
  const date = toUtcNoon(isoDate)
  date.setUTCDate(date.getUTCDate() + days)
  return fromUtc(date)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcNoon(to).getTime() - toUtcNoon(from).getTime()) / 86_400_000)
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
  const weekday = toUtcNoon(isoDate).getUTCDay()
  return weekday === 0 || weekday === 6
}

export function isWorkingDay(isoDate: string, bankHolidays: BankHolidays): boolean {
  return !isWeekend(isoDate) && !bankHolidays.has(isoDate)
}

/** The date `count` working days after `isoDate` (weekends and bank holidays skipped). */
export function addWorkingDays(isoDate: string, count: number, bankHolidays: BankHolidays): string {
  let date = isoDate
  let remaining = count
  while (remaining > 0) {
    date = addDays(date, 1)
    if (isWorkingDay(date, bankHolidays)) remaining -= 1
  }
  return date
}

/** The date `count` working days before `isoDate` (weekends and bank holidays skipped). */
export function subtractWorkingDays(isoDate: string, count: number, bankHolidays: BankHolidays): string {
  let date = isoDate
  let remaining = count
  while (remaining > 0) {
    date = addDays(date, -1)
    if (isWorkingDay(date, bankHolidays)) remaining -= 1
  }
  return date
}

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })

/** "26 October 2025", as GOV.UK writes a date, for rules that explain themselves in words. */
export function inWords(isoDate: string): string {
  return longDate.format(toUtcNoon(isoDate))
}
