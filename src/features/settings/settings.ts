/**
 * @pure
 *
 * Each authority's own rules, with their limits and defaults: how long a DBS check counts, how
 * recent supervision must be, how long an advocate has to answer an offer, and whose bank holidays
 * its due dates skip.
 */
import { DEFAULT_BANK_HOLIDAY_REGION, isBankHolidayRegion, type BankHolidayRegion } from '../../platform/time/bank-holidays.ts'

export interface ServiceSettings {
  /** How long a DBS check counts for. */
  readonly dbsValidMonths: number
  /** A one-to-one supervision at least this recently. */
  readonly oneToOneWithinWeeks: number
  /** At least this many of the group supervision sessions held in the window attended. */
  readonly groupSessionsRequired: number
  readonly groupWindowWeeks: number
  /** How long an advocate has to answer an offer before it goes back to the admin team. */
  readonly offerResponseHours: number
  /** Whose bank holidays working days skip: England and Wales (the default), Scotland or Northern Ireland. */
  readonly bankHolidayRegion: BankHolidayRegion
}

/** The settings that are a number, with limits. */
export type SettingKey = Exclude<keyof ServiceSettings, 'bankHolidayRegion'>

export const settingLimits: Readonly<Record<SettingKey, { readonly min: number; readonly max: number; readonly default: number }>> = {
  dbsValidMonths: { min: 1, max: 120, default: 36 },
  oneToOneWithinWeeks: { min: 1, max: 52, default: 8 },
  groupSessionsRequired: { min: 0, max: 52, default: 2 },
  groupWindowWeeks: { min: 1, max: 104, default: 12 },
  offerResponseHours: { min: 1, max: 336, default: 48 },
}

/** The numbers in the order the page asks for them. */
export const settingKeys = [
  'dbsValidMonths',
  'oneToOneWithinWeeks',
  'groupSessionsRequired',
  'groupWindowWeeks',
  'offerResponseHours',
] as const satisfies readonly SettingKey[]

/** A stored value, if it is a whole number within the setting's limits; otherwise the default. */
export function settingValue(key: SettingKey, stored: string | undefined): number {
  const limits = settingLimits[key]
  const number = Number(stored)
  return Number.isInteger(number) && number >= limits.min && number <= limits.max ? number : limits.default
}

/** The stored region, or England and Wales. */
export function regionValue(stored: string | undefined): BankHolidayRegion {
  return isBankHolidayRegion(stored) ? stored : DEFAULT_BANK_HOLIDAY_REGION
}

/** The settings, from what is stored (anything missing or out of range is its default). */
export function settingsFrom(stored: ReadonlyMap<string, string>): ServiceSettings {
  return {
    dbsValidMonths: settingValue('dbsValidMonths', stored.get('dbsValidMonths')),
    oneToOneWithinWeeks: settingValue('oneToOneWithinWeeks', stored.get('oneToOneWithinWeeks')),
    groupSessionsRequired: settingValue('groupSessionsRequired', stored.get('groupSessionsRequired')),
    groupWindowWeeks: settingValue('groupWindowWeeks', stored.get('groupWindowWeeks')),
    offerResponseHours: settingValue('offerResponseHours', stored.get('offerResponseHours')),
    bankHolidayRegion: regionValue(stored.get('bankHolidayRegion')),
  }
}
