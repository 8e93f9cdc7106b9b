import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { meetingRulesFrom, storedMeetingRules, type MeetingRules } from './meeting-rules.ts'
import * as repository from './repository.ts'
import { claimSettingsVersion } from './settings-version-service.ts'

/**
 * The authority's local rules for conferences (issue 12). Anyone's service reads them; a service
 * manager or a system admin changes them, under the one version of the authority's settings.
 */

export type { MeetingRules } from './meeting-rules.ts'

/** Pass `trx` when asking from inside a transaction (PGlite has one connection). */
export async function meetingRulesFor(context: ServiceContext, authorityId: string, trx: Queryable = context.db): Promise<MeetingRules> {
  return meetingRulesFrom(await repository.settingsOf(trx, authorityId))
}

/** Saves the rules, unless someone saved the settings since `version`: then nothing is saved, and who did is named. */
export async function saveMeetingRules(context: ServiceContext, caller: Caller, rules: MeetingRules, version: number): Promise<void> {
  if (!hasRole(caller.user, 'service_manager', 'system_admin')) throw new ForbiddenError('Only a service manager or a system admin can change these rules')
  const authorityId = caller.user.authorityId
  await context.db.transaction().execute(async (trx) => {
    const now = context.clock.now()
    await claimSettingsVersion(trx, authorityId, version, { userId: caller.user.id, now })
    for (const [key, value] of storedMeetingRules(rules)) await repository.saveSetting(trx, authorityId, key, value, now)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'settings.meeting_rules_changed',
      recordType: 'authority',
      recordId: authorityId,
      details: { ...rules },
    })
  })
}
