import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { familyRulesFrom, storedFamilyRules, type FamilyRules } from './family-rules.ts'
import * as repository from './repository.ts'
import { claimSettingsVersion } from './settings-version-service.ts'

/**
 * What families see of the authority's staff (issue 10). Anyone's service reads the rules; a
 * service manager or a system admin changes them, under the one version of the authority's settings.
 */

export type { FamilyRules } from './family-rules.ts'

/** Pass `trx` when asking from inside a transaction (PGlite has one connection). */
export async function familyRulesFor(context: ServiceContext, authorityId: string, trx: Queryable = context.db): Promise<FamilyRules> {
  return familyRulesFrom(await repository.settingsOf(trx, authorityId))
}

/** Saves the rules, unless someone saved the settings since `version`: then nothing is saved, and who did is named. */
export async function saveFamilyRules(context: ServiceContext, caller: Caller, rules: FamilyRules, version: number): Promise<void> {
  if (!hasRole(caller.user, 'service_manager', 'system_admin')) throw new ForbiddenError('Only a service manager or a system admin can change these rules')
  const authorityId = caller.user.authorityId
  await context.db.transaction().execute(async (trx) => {
    const now = context.clock.now()
    await claimSettingsVersion(trx, authorityId, version, { userId: caller.user.id, now })
    for (const [key, value] of storedFamilyRules(rules)) await repository.saveSetting(trx, authorityId, key, value, now)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'settings.family_rules_changed',
      recordType: 'authority',
      recordId: authorityId,
      details: { ...rules },
    })
  })
}
