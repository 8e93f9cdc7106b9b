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

/** A run of days, `to` included; `to` null runs on without end. */
export interface DayWindow {
  readonly from: string
  readonly to: string | null
}

/** Past this many days in one window, the rest is read in one. */
const LONGEST_WINDOW_DAYS = 366

/**
 * The days from `from` to `last` (null: without end), in windows each twice as long as the one
 * before, the first `firstSpan` days long; past a year, the rest in one window. A list read in date
 * order reads its dates window by window and stops once it has enough, so a busy authority's list
 * reads the coming few days, not every meeting in them (issue 9).
 */
export function* growingWindows(from: string, last: string | null, firstSpan = 2): Generator<DayWindow> {
  let start = from
  let span = firstSpan
  while (last === null || start <= last) {
    if (span > LONGEST_WINDOW_DAYS) {
      yield { from: start, to: last }
      return
    }
    const end = addDays(start, span - 1)
    const to = last !== null && end >= last ? last : end
    yield { from: start, to }
    if (to === last) return
    start = addDays(to, 1)
    span *= 2
  }
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
