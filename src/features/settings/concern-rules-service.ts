import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, type Caller } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ForbiddenError, WorkflowRefusedError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { concernRulesFrom, storedConcernRules, type ConcernRules } from './concern-rules.ts'
import * as repository from './repository.ts'
import { claimSettingsVersion } from './settings-version-service.ts'

/**
 * The authority's rules for safeguarding concerns (issue 11, ADR 25): the list of people, in order,
 * who receive them, how long each has to acknowledge one, and the children's services number. The
 * concerns feature reads them; a service manager or a system admin changes them, under the one
 * version of the authority's settings.
 */

export type { ConcernRules } from './concern-rules.ts'

export interface ConcernRecipientCandidate {
  readonly id: string
  readonly name: string
  readonly isServiceManager: boolean
}

/** Pass `trx` when asking from inside a transaction (PGlite has one connection). */
export async function concernRulesFor(context: ServiceContext, authorityId: string, trx: Queryable = context.db): Promise<ConcernRules> {
  return concernRulesFrom(await repository.settingsOf(trx, authorityId))
}

/** Who may be put on the list: the authority's active service managers and advocacy admins. */
export async function concernRecipientCandidates(
  context: ServiceContext,
  authorityId: string,
  trx: Queryable = context.db,
): Promise<readonly ConcernRecipientCandidate[]> {
  const rows = await repository.concernRecipientCandidates(trx, authorityId)
  return rows.map((row) => ({ id: row.id, name: row.display_name, isServiceManager: row.roles.includes('service_manager') }))
}

/** Saves the rules, unless someone saved the settings since `version`: then nothing is saved, and who did is named. */
export async function saveConcernRules(context: ServiceContext, caller: Caller, rules: ConcernRules, version: number): Promise<void> {
  if (!hasRole(caller.user, 'service_manager', 'system_admin')) throw new ForbiddenError('Only a service manager or a system admin can change these rules')
  const authorityId = caller.user.authorityId
  await context.db.transaction().execute(async (trx) => {
    const candidates = new Set((await repository.concernRecipientCandidates(trx, authorityId)).map((row) => row.id))
    if (rules.recipients.some((id) => !candidates.has(id)))
      throw new WorkflowRefusedError('Someone you chose can no longer receive concerns. Choose again from the lists')
    const now = context.clock.now()
    await claimSettingsVersion(trx, authorityId, version, { userId: caller.user.id, now })
    for (const [key, value] of storedConcernRules(rules)) await repository.saveSetting(trx, authorityId, key, value, now)
    await recordAudit(trx, auditActorOf(caller), {
      action: 'settings.concern_rules_changed',
      recordType: 'authority',
      recordId: authorityId,
      details: { ...rules },
    })
  })
}
