import type { Kysely } from 'kysely'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable, Schema } from '../../platform/db/schema.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import {
  bankHolidayRegions,
  bankHolidaysBetween,
  bankHolidaysIn,
  DEFAULT_BANK_HOLIDAY_REGION,
  isBankHolidayRegion,
  type BankHoliday,
  type BankHolidayRegion,
} from '../../platform/time/bank-holidays.ts'
import { addDays, type BankHolidays } from '../../platform/time/calendar.ts'
import { londonDate, type Clock } from '../../platform/time/clock.ts'
import * as repository from './repository.ts'

/**
 * Each authority's own rules, with sensible defaults: how long a DBS check counts, how recent
 * supervision must be, how long an advocate has to answer an offer, whose bank holidays due dates
 * skip. A system admin changes them.
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
  /** Whose bank holidays working days skip: England and Wales (the default), Scotland or Northern Ireland. */
  readonly bankHolidayRegion: BankHolidayRegion
}

type NumericSetting = Exclude<keyof ServiceSettings, 'bankHolidayRegion'>

export const settingLimits: Readonly<Record<NumericSetting, { readonly min: number; readonly max: number; readonly default: number }>> = {
  dbsValidMonths: { min: 1, max: 120, default: 36 },
  oneToOneWithinWeeks: { min: 1, max: 52, default: 8 },
  groupSessionsRequired: { min: 0, max: 52, default: 2 },
  groupWindowWeeks: { min: 1, max: 104, default: 12 },
  offerResponseHours: { min: 1, max: 336, default: 48 },
}

export const numericSettingKeys = Object.keys(settingLimits) as NumericSetting[]

function regionIn(stored: ReadonlyMap<string, string>): BankHolidayRegion {
  const region = stored.get('bankHolidayRegion')
  return isBankHolidayRegion(region) ? region : DEFAULT_BANK_HOLIDAY_REGION
}

/**
 * The bank holidays the authority's due dates skip: its region's. `db` is the caller's transaction
 * when there is one (PGlite has one connection).
 */
export async function bankHolidaysFor(db: Queryable, authorityId: string): Promise<BankHolidays> {
  return bankHolidaysIn(regionIn(await repository.settingsOf(db, authorityId)))
}

export function createSettingsService(db: Kysely<Schema>, clock: Clock) {
  function requireSystemAdmin(caller: Caller): void {
    if (!hasRole(caller.user, 'system_admin')) throw new ForbiddenError('Only a system admin can change the settings')
  }

  function auditActor(caller: Caller) {
    return { userId: caller.user.id, authorityId: caller.user.authorityId, ip: caller.ip }
  }

  /** The authority's settings; `trx` when asked from inside a transaction (PGlite has one connection). */
  async function settingsFor(authorityId: string, trx: Queryable = db): Promise<ServiceSettings> {
    const stored = await repository.settingsOf(trx, authorityId)
    const value = (key: NumericSetting) => {
      const limits = settingLimits[key]
      const number = Number(stored.get(key))
      return Number.isInteger(number) && number >= limits.min && number <= limits.max ? number : limits.default
    }
    return {
      dbsValidMonths: value('dbsValidMonths'),
      oneToOneWithinWeeks: value('oneToOneWithinWeeks'),
      groupSessionsRequired: value('groupSessionsRequired'),
      groupWindowWeeks: value('groupWindowWeeks'),
      offerResponseHours: value('offerResponseHours'),
      bankHolidayRegion: regionIn(stored),
    }
  }

  return {
    settingsFor,

    async save(caller: Caller, settings: ServiceSettings): Promise<void> {
      requireSystemAdmin(caller)
      await db.transaction().execute(async (trx) => {
        const now = clock.now()
        for (const key of numericSettingKeys) await repository.saveSetting(trx, caller.user.authorityId, key, String(settings[key]), now)
        await repository.saveSetting(trx, caller.user.authorityId, 'bankHolidayRegion', settings.bankHolidayRegion, now)
        await recordAudit(trx, auditActor(caller), {
          action: 'settings.changed',
          recordType: 'authority',
          recordId: caller.user.authorityId,
          details: { ...settings },
        })
      })
    },

    /** The authority's bank holidays in the next 12 months. */
    async bankHolidays(authorityId: string): Promise<{ region: string; upcoming: BankHoliday[] }> {
      const region = (await settingsFor(authorityId)).bankHolidayRegion
      const today = londonDate(clock.now())
      const until = addDays(today, 365)
      const year = Number(today.slice(0, 4))
      return {
        region: bankHolidayRegions.label(region),
        upcoming: bankHolidaysBetween(region, year, year + 1).filter((holiday) => holiday.date >= today && holiday.date <= until),
      }
    },
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
