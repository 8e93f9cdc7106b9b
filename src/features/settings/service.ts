import type { Kysely } from 'kysely'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable, Row, Schema } from '../../platform/db/schema.ts'
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import {
  bankHolidayChangeKinds,
  bankHolidayOn,
  bankHolidayRegions,
  bankHolidaysBetween,
  bankHolidaysIn,
  DEFAULT_BANK_HOLIDAY_REGION,
  isBankHolidayRegion,
  type BankHoliday,
  type BankHolidayChange,
  type BankHolidayChangeKind,
  type BankHolidayRegion,
} from '../../platform/time/bank-holidays.ts'
import { addDays, inWords, isWeekend, type BankHolidays } from '../../platform/time/calendar.ts'
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

function changeOf(row: Pick<Row<'bank_holiday_change'>, 'region' | 'on_date' | 'change' | 'name'>): BankHolidayChange {
  return { region: row.region, date: row.on_date, change: row.change, name: row.name }
}

/**
 * The bank holidays the authority's due dates skip: its region's, with the changes a system admin
 * has made. `db` is the caller's transaction when there is one (PGlite has one connection).
 */
export async function bankHolidaysFor(db: Queryable, authorityId: string): Promise<BankHolidays> {
  const region = regionIn(await repository.settingsOf(db, authorityId))
  const changes = await repository.bankHolidayChanges(db, region)
  return bankHolidaysIn(region, changes.map(changeOf))
}

/** A change to the bank holidays that would make no sense: the message names the field it is about. */
export class BankHolidayChangeRefused extends Error {
  override name = 'BankHolidayChangeRefused'
  readonly field: string

  constructor(field: string, message: string) {
    super(message)
    this.field = field
  }
}

export interface NewBankHolidayChange {
  readonly date: string
  readonly regions: readonly BankHolidayRegion[]
  readonly change: BankHolidayChangeKind
  readonly name: string
}

/** A bank holiday as the settings page lists it. */
export interface ListedBankHolidayChange {
  readonly id: string
  readonly date: string
  readonly region: string
  readonly change: string
  readonly name: string
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

    /** The authority's bank holidays in the next 12 months, and every change a system admin has made (in any region). */
    async bankHolidays(authorityId: string): Promise<{ region: string; upcoming: BankHoliday[]; changes: ListedBankHolidayChange[] }> {
      const region = (await settingsFor(authorityId)).bankHolidayRegion
      const rows = await repository.bankHolidayChanges(db)
      const today = londonDate(clock.now())
      const until = addDays(today, 365)
      const year = Number(today.slice(0, 4))
      return {
        region: bankHolidayRegions.label(region),
        upcoming: bankHolidaysBetween(region, year, year + 1, rows.map(changeOf)).filter((holiday) => holiday.date >= today && holiday.date <= until),
        changes: rows.map((row) => ({
          id: row.id,
          date: row.on_date,
          region: bankHolidayRegions.label(row.region),
          change: bankHolidayChangeKinds.label(row.change),
          name: row.name,
        })),
      }
    },

    /**
     * Records a bank holiday the rules do not know (a one-off announced since), or takes away one
     * they give that is not (a holiday moved), in each region chosen. It applies to every authority there.
     */
    async addBankHolidayChange(caller: Caller, change: NewBankHolidayChange): Promise<void> {
      requireSystemAdmin(caller)
      const when = inWords(change.date)
      if (change.change === 'added' && isWeekend(change.date)) {
        throw new BankHolidayChangeRefused('date', `${when} is at a weekend: enter the weekday people have off instead`)
      }
      await db.transaction().execute(async (trx) => {
        const made = (await repository.bankHolidayChanges(trx)).map(changeOf)
        for (const region of change.regions) {
          const where = bankHolidayRegions.label(region)
          if (made.some((existing) => existing.region === region && existing.date === change.date)) {
            throw new BankHolidayChangeRefused('date', `${when} has already been changed in ${where}: remove that change first`)
          }
          const known = bankHolidayOn(region, change.date, made)
          if (change.change === 'added' && known) throw new BankHolidayChangeRefused('date', `${when} is already a bank holiday in ${where} (${known.name})`)
          if (change.change === 'removed' && !known) throw new BankHolidayChangeRefused('date', `${when} is not a bank holiday in ${where}`)
        }
        for (const region of change.regions) {
          const id = await repository.insertBankHolidayChange(trx, {
            region,
            on_date: change.date,
            change: change.change,
            name: change.name,
            created_by: caller.user.id,
          })
          if (!id)
            throw new BankHolidayChangeRefused('date', `${when} has already been changed in ${bankHolidayRegions.label(region)}: remove that change first`)
          await recordAudit(trx, auditActor(caller), {
            action: 'settings.bank-holiday-changed',
            recordType: 'bank_holiday_change',
            recordId: id,
            details: { region, date: change.date, change: change.change, name: change.name },
          })
        }
      })
    },

    /** Takes a change away: the rules' own answer for that day stands again. */
    async removeBankHolidayChange(caller: Caller, id: string): Promise<void> {
      requireSystemAdmin(caller)
      if (!isId(id)) throw new NotFoundError('No such change to the bank holidays')
      await db.transaction().execute(async (trx) => {
        const removed = await repository.deleteBankHolidayChange(trx, id)
        if (!removed) throw new NotFoundError('No such change to the bank holidays')
        await recordAudit(trx, auditActor(caller), {
          action: 'settings.bank-holiday-change-removed',
          recordType: 'bank_holiday_change',
          recordId: id,
          details: { region: removed.region, date: removed.on_date, change: removed.change, name: removed.name },
        })
      })
    },
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
