import { createRequire } from 'node:module'
import { labelled } from '../../vocabulary/labelled.ts'
import table from './bank-holidays-table.json' with { type: 'json' }
import { isWeekend, type BankHolidays } from './calendar.ts'

/**
 * @pure
 *
 * The UK's bank holidays, in the three sets GOV.UK publishes: England and Wales, Scotland, and
 * Northern Ireland. Pure: no clock, no I/O. The usual holidays of any year with their substitute
 * days, and the one-off days announced so far, come from the rules in `date-holidays` (ADR 10); a
 * one-off announced since, or a holiday moved, comes in as a change a system admin keeps.
 *
 * The rules' answers for the years the service works in (`bank-holidays-table.json`, made by
 * `npm run bank-holidays`) are kept with the code, and the library is loaded only for a year
 * outside them: it knows every country's calendars, and loading it held some 30 MB of the
 * service's memory for the three lists it needs (issue 9). A unit test checks the kept years
 * against the rules, so a new release of the library that changes a day fails it until the table
 * is made again.
 */

export const bankHolidayRegions = labelled({
  england_and_wales: 'England and Wales',
  scotland: 'Scotland',
  northern_ireland: 'Northern Ireland',
})

export type BankHolidayRegion = (typeof bankHolidayRegions.values)[number]

export const DEFAULT_BANK_HOLIDAY_REGION: BankHolidayRegion = 'england_and_wales'

export function isBankHolidayRegion(value: unknown): value is BankHolidayRegion {
  return typeof value === 'string' && (bankHolidayRegions.values as readonly string[]).includes(value)
}

export interface BankHoliday {
  readonly date: string
  readonly name: string
}

export const bankHolidayChangeKinds = labelled({ added: 'Added', removed: 'Removed' })

export type BankHolidayChangeKind = (typeof bankHolidayChangeKinds.values)[number]

/** A one-off a system admin has recorded: a bank holiday announced since the rules were written, or one moved. */
export interface BankHolidayChange {
  readonly region: BankHolidayRegion
  readonly date: string
  readonly change: BankHolidayChangeKind
  readonly name: string
}

/** Each region's subdivision in `date-holidays`. England's rules are Wales's; GOV.UK lists them as one. */
const subdivisions: Readonly<Record<BankHolidayRegion, string>> = { england_and_wales: 'ENG', scotland: 'SCT', northern_ireland: 'NIR' }

/** The rules' answers kept with the code, by region and year: each holiday as its date and name. */
const kept = table.regions as unknown as Readonly<Record<BankHolidayRegion, Readonly<Record<string, readonly (readonly [string, string])[]>>>>
export const KEPT_YEARS = { from: table.from, to: table.to } as const

type HolidaysLibrary = typeof import('date-holidays').default
const rulesFor = new Map<BankHolidayRegion, InstanceType<HolidaysLibrary>>()

/**
 * A region's bank holidays in one year by the library's rules, as GOV.UK lists them: the weekdays
 * off. A holiday that falls at a weekend is listed by its substitute day. The library is loaded the
 * first time it is asked (its CommonJS build, so the answer stays synchronous).
 */
export function byRules(region: BankHolidayRegion, year: number): BankHoliday[] {
  let rules = rulesFor.get(region)
  if (!rules) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as HolidaysLibrary
    rules = new Holidays('GB', subdivisions[region], { languages: 'en' })
    rulesFor.set(region, rules)
  }
  const holidays = new Map<string, BankHoliday>()
  for (const holiday of rules.getHolidays(year)) {
    const date = holiday.date.slice(0, 10)
    if ((holiday.type === 'public' || holiday.type === 'bank') && !isWeekend(date) && !holidays.has(date)) holidays.set(date, { date, name: holiday.name })
  }
  return [...holidays.values()]
}

const fromRulesCache = new Map<string, readonly BankHoliday[]>()

/** A region's bank holidays in one year by the rules alone: kept with the code, or worked out once. */
function fromRules(region: BankHolidayRegion, year: number): readonly BankHoliday[] {
  const key = `${region}:${year}`
  const cached = fromRulesCache.get(key)
  if (cached) return cached
  const keptYear = kept[region][String(year)]
  const known = keptYear ? keptYear.map(([date, name]) => ({ date, name })) : byRules(region, year)
  fromRulesCache.set(key, known)
  return known
}

function inYear(region: BankHolidayRegion, year: number, changes: readonly BankHolidayChange[]): BankHoliday[] {
  const prefix = `${String(year).padStart(4, '0')}-`
  const ours = changes.filter((change) => change.region === region && change.date.startsWith(prefix))
  const removed = new Set(ours.filter((change) => change.change === 'removed').map((change) => change.date))
  const holidays = new Map(
    fromRules(region, year)
      .filter((holiday) => !removed.has(holiday.date))
      .map((holiday) => [holiday.date, holiday]),
  )
  for (const change of ours) {
    if (change.change === 'added' && !isWeekend(change.date)) holidays.set(change.date, { date: change.date, name: change.name })
  }
  return [...holidays.values()].sort((a, b) => a.date.localeCompare(b.date))
}

/** A region's bank holidays from the start of `fromYear` to the end of `toYear`, in date order, with the changes made. */
export function bankHolidaysBetween(region: BankHolidayRegion, fromYear: number, toYear: number, changes: readonly BankHolidayChange[] = []): BankHoliday[] {
  const holidays: BankHoliday[] = []
  for (let year = fromYear; year <= toYear; year += 1) holidays.push(...inYear(region, year, changes))
  return holidays
}

/** The bank holiday on this date in this region, if there is one. */
export function bankHolidayOn(region: BankHolidayRegion, isoDate: string, changes: readonly BankHolidayChange[] = []): BankHoliday | null {
  return inYear(region, Number(isoDate.slice(0, 4)), changes).find((holiday) => holiday.date === isoDate) ?? null
}

/**
 * A region's bank holidays for working-day arithmetic (`addWorkingDays`): every year, each worked
 * out the first time a date in it is asked about, with the changes made.
 */
export function bankHolidaysIn(region: BankHolidayRegion, changes: readonly BankHolidayChange[] = []): BankHolidays {
  const years = new Map<number, ReadonlySet<string>>()
  return {
    has(isoDate: string): boolean {
      const year = Number(isoDate.slice(0, 4))
      if (!Number.isInteger(year)) return false
      let dates = years.get(year)
      if (!dates) {
        dates = new Set(inYear(region, year, changes).map((holiday) => holiday.date))
        years.set(year, dates)
      }
      return dates.has(isoDate)
    },
  }
}
