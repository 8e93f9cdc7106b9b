/**
 * Each authority's own rules for the advocate pool, with their limits and defaults: how long a DBS
 * check counts, how recent supervision must be, how long an advocate has to answer an offer.
 *
 * @pure
 */

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
}

export type SettingKey = keyof ServiceSettings

export const settingLimits: Readonly<Record<SettingKey, { readonly min: number; readonly max: number; readonly default: number }>> = {
  dbsValidMonths: { min: 1, max: 120, default: 36 },
  oneToOneWithinWeeks: { min: 1, max: 52, default: 8 },
  groupSessionsRequired: { min: 0, max: 52, default: 2 },
  groupWindowWeeks: { min: 1, max: 104, default: 12 },
  offerResponseHours: { min: 1, max: 336, default: 48 },
}

/** The settings in the order the page asks for them. */
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
