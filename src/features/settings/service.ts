import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import type { BoundService, ServiceContext } from '../../platform/service-context.ts'
import type * as authorityDetails from './authority-details-service.ts'
import type * as bankHolidays from './bank-holidays-service.ts'
import type * as familyRules from './family-rules-service.ts'
import type * as concernRules from './concern-rules-service.ts'
import type * as meetingRules from './meeting-rules-service.ts'
import * as repository from './repository.ts'
import { claimSettingsVersion } from './settings-version-service.ts'
import { settingKeys, settingsFrom, type ServiceSettings } from './settings.ts'

/**
 * Each authority's own rules. Anyone's service reads them; a system admin changes them.
 */

export type { ServiceSettings } from './settings.ts'

/** The authority's settings; pass `trx` when asking from inside a transaction (PGlite has one connection). */
export async function settingsFor(context: ServiceContext, authorityId: string, trx: Queryable = context.db): Promise<ServiceSettings> {
  return settingsFrom(await repository.settingsOf(trx, authorityId))
}

/** The version of the authority's settings a page is opened on (one for all of them). */
export async function settingsVersion(context: ServiceContext, authorityId: string): Promise<number> {
  return (await repository.settingsVersion(context.db, authorityId)).version
}

/**
 * Saves the settings, unless someone saved them since `version` (the one the page was opened on):
 * then nothing is saved, and who did is named.
 */
export async function save(context: ServiceContext, caller: Caller, settings: ServiceSettings, version: number): Promise<void> {
  if (!hasRole(caller.user, 'system_admin')) throw new ForbiddenError('Only a system admin can change the settings')
  await context.db.transaction().execute(async (trx) => {
    const now = context.clock.now()
    await claimSettingsVersion(trx, caller.user.authorityId, version, { userId: caller.user.id, now })
    for (const key of settingKeys) await repository.saveSetting(trx, caller.user.authorityId, key, String(settings[key]), now)
    await repository.saveSetting(trx, caller.user.authorityId, 'bankHolidayRegion', settings.bankHolidayRegion, now)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'settings.changed',
      recordType: 'authority',
      recordId: caller.user.authorityId,
      details: { ...settings },
    })
  })
}

/** What the pages (and other features' services, through src/composition.ts) call. */
export type SettingsService = BoundService<
  { settingsFor: typeof settingsFor; settingsVersion: typeof settingsVersion; save: typeof save } & typeof bankHolidays &
    typeof authorityDetails &
    typeof meetingRules &
    typeof familyRules &
    typeof concernRules,
  ServiceContext
>
