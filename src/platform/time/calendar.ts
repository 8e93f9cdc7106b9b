/**
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

/** Bank holidays in England and Wales, as published by GOV.UK. Extend as years are announced. */
export const englandAndWalesBankHolidays: ReadonlySet<string> = new Set([
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
])

export function isWorkingDay(isoDate: string, bankHolidays: ReadonlySet<string> = englandAndWalesBankHolidays): boolean {
  const weekday = toUtcNoon(isoDate).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !bankHolidays.has(isoDate)
}

/** The date `count` working days after `isoDate` (weekends and bank holidays skipped). */
export function addWorkingDays(isoDate: string, count: number, bankHolidays: ReadonlySet<string> = englandAndWalesBankHolidays): string {
  let date = isoDate
  let remaining = count
  while (remaining > 0) {
    date = addDays(date, 1)
    if (isWorkingDay(date, bankHolidays)) remaining -= 1
  }
  return date
}

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })

/** "26 October 2025", as GOV.UK writes a date, for rules that explain themselves in words. */
export function inWords(isoDate: string): string {
  return longDate.format(toUtcNoon(isoDate))
}
