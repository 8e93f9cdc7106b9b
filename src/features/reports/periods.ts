import { addDays, daysBetween, isIsoDate } from '../../platform/time/calendar.ts'

/**
 * @pure
 *
 * The periods a report covers, as councils report them: a quarter of the financial year (April to
 * June is Q1), a financial year (1 April to 31 March), or any range of days; and "the one before",
 * which a report compares with. A period is a pair of UK dates, both days included.
 *
 * Pure: dates in, dates out. Today is given, never read from a clock.
 */

export type PeriodKind = 'quarter' | 'year' | 'range'

export interface Period {
  readonly kind: PeriodKind
  /** The first day, YYYY-MM-DD. */
  readonly from: string
  /** The last day, YYYY-MM-DD (included). */
  readonly to: string
  /** How people read it: "Q1 2026 to 2027 (April to June 2026)", "2026 to 2027", "1 May 2026 to 3 June 2026". */
  readonly label: string
  /** The period's key in the period chooser: `2026-Q1`, `2026`, or `2026-05-01..2026-06-03`. */
  readonly key: string
}

/** The longest range a report will cover: five years of days. */
export const MAX_RANGE_DAYS = 5 * 366

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** The financial year a day falls in, named by the year it starts: 2026-03-31 is in 2025 (2025 to 2026). */
export function financialYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4))
  const month = Number(isoDate.slice(5, 7))
  return month >= 4 ? year : year - 1
}

/** Which quarter of its financial year a day is in: April to June is 1, January to March is 4. */
export function quarterOf(isoDate: string): 1 | 2 | 3 | 4 {
  const month = Number(isoDate.slice(5, 7))
  return month >= 4 ? ((Math.floor((month - 4) / 3) + 1) as 1 | 2 | 3) : 4
}

function lastDayOfMonth(year: number, month: number): string {
  // The day before the first of the next month.
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`
  return addDays(next, -1)
}

function yearName(year: number): string {
  return `${year} to ${year + 1}`
}

function dayName(isoDate: string): string {
  return `${Number(isoDate.slice(8, 10))} ${MONTHS[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`
}

/** Quarter `quarter` (1 to 4) of the financial year starting in April of `year`. */
export function quarter(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const startMonth = (((quarter - 1) * 3 + 3) % 12) + 1 // 4, 7, 10, 1
  const startYear = quarter === 4 ? year + 1 : year
  const endMonth = startMonth + 2
  const from = `${startYear}-${pad(startMonth)}-01`
  const to = lastDayOfMonth(startYear, endMonth)
  return {
    kind: 'quarter',
    from,
    to,
    key: `${year}-Q${quarter}`,
    label: `Q${quarter} ${yearName(year)} (${MONTHS[startMonth - 1]} to ${MONTHS[endMonth - 1]} ${startYear})`,
  }
}

/** The financial year starting on 1 April `year`. */
export function financialYear(year: number): Period {
  return { kind: 'year', from: `${year}-04-01`, to: `${year + 1}-03-31`, key: String(year), label: yearName(year) }
}

/** Any range of days, both included. Throws on a range that ends before it starts: check with `rangeProblem` first. */
export function range(from: string, to: string): Period {
  const problem = rangeProblem(from, to)
  if (problem) throw new RangeError(problem)
  return { kind: 'range', from, to, key: `${from}..${to}`, label: `${dayName(from)} to ${dayName(to)}` }
}

/** What is wrong with a range, in the words the period chooser shows, or null. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isIsoDate(from)) return 'The start of the period must be a real date'
  if (!isIsoDate(to)) return 'The end of the period must be a real date'
  if (to < from) return 'The end of the period must be the same as or after the start'
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) return 'The period must be 5 years or shorter'
  return null
}

/** How many days a period covers, both ends included. */
export function lengthInDays(period: Period): number {
  return daysBetween(period.from, period.to) + 1
}

/** The period a report compares with: the quarter or year before, or the same number of days just before a range. */
export function previous(period: Period): Period {
  if (period.kind === 'quarter') {
    const year = financialYearOf(period.from)
    const q = quarterOf(period.from)
    return q === 1 ? quarter(year - 1, 4) : quarter(year, (q - 1) as 1 | 2 | 3)
  }
  if (period.kind === 'year') return financialYear(financialYearOf(period.from) - 1)
  const to = addDays(period.from, -1)
  return range(addDays(to, -(lengthInDays(period) - 1)), to)
}

/** The quarter a day is in. */
export function quarterContaining(isoDate: string): Period {
  return quarter(financialYearOf(isoDate), quarterOf(isoDate))
}

/** The last quarter that has ended by `today`: what the return shows unless asked for another. */
export function lastFullQuarter(today: string): Period {
  return previous(quarterContaining(today))
}

/** The quarters people choose from, newest first: the current one and the `count - 1` before it. */
export function recentQuarters(today: string, count: number): Period[] {
  const list: Period[] = [quarterContaining(today)]
  while (list.length < count) list.push(previous(list[list.length - 1] as Period))
  return list
}

/** The financial years people choose from, newest first. */
export function recentYears(today: string, count: number): Period[] {
  const first = financialYearOf(today)
  return Array.from({ length: count }, (_, index) => financialYear(first - index))
}

/** A quarter's key (`2026-Q1`) as its period, or null when it is not one. */
export function parseQuarterKey(key: string): Period | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(key)
  if (!match) return null
  const year = Number(match[1])
  if (year < 2000 || year > 2100) return null
  return quarter(year, Number(match[2]) as 1 | 2 | 3 | 4)
}

/** A financial year's key (`2026`) as its period, or null when it is not one. */
export function parseYearKey(key: string): Period | null {
  if (!/^\d{4}$/.test(key)) return null
  const year = Number(key)
  if (year < 2000 || year > 2100) return null
  return financialYear(year)
}
