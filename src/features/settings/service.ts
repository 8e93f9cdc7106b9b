import type { Kysely } from 'kysely'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable, Schema } from '../../platform/db/schema.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import type { Clock } from '../../platform/time/clock.ts'
import * as repository from './repository.ts'

/**
 * Each authority's own rules, with sensible defaults: how long a DBS check counts, how recent
 * supervision must be, how long an advocate has to answer an offer. A system admin changes them.
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

export const settingLimits: Readonly<Record<keyof ServiceSettings, { readonly min: number; readonly max: number; readonly default: number }>> = {
  dbsValidMonths: { min: 1, max: 120, default: 36 },
  oneToOneWithinWeeks: { min: 1, max: 52, default: 8 },
  groupSessionsRequired: { min: 0, max: 52, default: 2 },
  groupWindowWeeks: { min: 1, max: 104, default: 12 },
  offerResponseHours: { min: 1, max: 336, default: 48 },
}

export const settingKeys = Object.keys(settingLimits) as (keyof ServiceSettings)[]

export function createSettingsService(db: Kysely<Schema>, clock: Clock) {
  /** The authority's settings; `trx` when asked from inside a transaction (PGlite has one connection). */
  async function settingsFor(authorityId: string, trx: Queryable = db): Promise<ServiceSettings> {
    const stored = await repository.settingsOf(trx, authorityId)
    const value = (key: keyof ServiceSettings) => {
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
    }
  }

  return {
    settingsFor,

    async save(caller: Caller, settings: ServiceSettings): Promise<void> {
      if (!hasRole(caller.user, 'system_admin')) throw new ForbiddenError('Only a system admin can change the settings')
      await db.transaction().execute(async (trx) => {
        for (const key of settingKeys) await repository.saveSetting(trx, caller.user.authorityId, key, String(settings[key]), clock.now())
        await recordAudit(
          trx,
          { userId: caller.user.id, authorityId: caller.user.authorityId, ip: caller.ip },
          {
            action: 'settings.changed',
            recordType: 'authority',
            recordId: caller.user.authorityId,
            details: { ...settings },
          },
        )
      })
    },
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
