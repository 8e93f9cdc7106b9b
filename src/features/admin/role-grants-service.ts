import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { hasRole, rolesThatOpenCaseRecords, type Caller, type Role } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { OwnAccountError } from './admin.ts'
import * as repository from './repository.ts'

/**
 * Roles that open case records, given to an account, are shown to the authority's service
 * managers: a system admin can give roles, and the managers, who answer for who reads the
 * records, see each time it happens, who did it and to whom, and acknowledge it. Nobody
 * acknowledges a change to their own roles, or one they made.
 */

/** How far back the list reaches (an unacknowledged grant shows however old it is). */
const SHOWN_FOR_DAYS = 90

export interface RoleGrant {
  readonly id: string
  readonly holder: string
  readonly roles: readonly Role[]
  readonly grantedBy: string
  readonly grantedAt: Date
  readonly acknowledged: { readonly by: string; readonly at: Date } | null
  /** Why this manager may not acknowledge it, when they may not. */
  readonly notYours: string | null
}

function requireServiceManager(caller: Caller): void {
  if (!hasRole(caller.user, 'service_manager')) throw new ForbiddenError('Only a service manager sees the role changes')
}

/**
 * Records the roles given to an account that open case records, in the caller's transaction, and
 * audits them as `account.roles-granted`. Returns those roles (none: nothing recorded).
 */
export async function noticeRolesGranted(context: ServiceContext, trx: Queryable, caller: Caller, userId: string, given: readonly Role[]): Promise<Role[]> {
  const opening = given.filter((role) => rolesThatOpenCaseRecords.includes(role))
  if (opening.length === 0) return []
  await repository.insertRoleGrant(trx, { authorityId: caller.user.authorityId, userId, grantedBy: caller.user.id, roles: opening, at: context.clock.now() })
  await recordAudit(trx, auditActorOf(caller), { action: 'account.roles-granted', recordType: 'account', recordId: userId, details: { roles: opening } })
  return opening
}

/** The role changes a service manager sees: the last 90 days', and any not yet acknowledged. */
export async function roleGrants(context: ServiceContext, caller: Caller): Promise<RoleGrant[]> {
  requireServiceManager(caller)
  const since = new Date(context.clock.now().getTime() - SHOWN_FOR_DAYS * 24 * 3_600_000)
  const rows = await repository.listRoleGrants(context.db, caller.user.authorityId, since)
  await recordAudit(context.db, auditActorOf(caller), { action: 'account.role-grants-listed', recordType: 'account', details: { count: rows.length } })
  return rows.map((row) => ({
    id: row.id,
    holder: row.holder_name,
    roles: row.roles,
    grantedBy: row.granter_name,
    grantedAt: row.granted_at,
    acknowledged: row.acknowledged_at ? { by: row.acknowledger_name ?? '', at: row.acknowledged_at } : null,
    notYours:
      row.user_id === caller.user.id
        ? 'Another service manager must acknowledge a change to your own roles'
        : row.granted_by === caller.user.id
          ? 'Another service manager must acknowledge a change you made'
          : null,
  }))
}

/** How many role changes are waiting for a service manager to acknowledge (none for anyone else): for "My work". */
export async function roleGrantsWaiting(context: ServiceContext, caller: Caller): Promise<number> {
  if (!hasRole(caller.user, 'service_manager')) return 0
  return repository.countUnacknowledgedRoleGrants(context.db, caller.user.authorityId, caller.user.id)
}

/** A service manager acknowledges a role change (once; never their own, never one they made). Audited. */
export async function acknowledgeRoleGrant(context: ServiceContext, caller: Caller, grantId: string): Promise<void> {
  requireServiceManager(caller)
  await context.db.transaction().execute(async (trx) => {
    const grant = isId(grantId) ? await repository.findRoleGrant(trx, caller.user.authorityId, grantId) : undefined
    if (!grant) throw new NotFoundError('No such role change')
    if (grant.user_id === caller.user.id) throw new OwnAccountError('form', 'Another service manager must acknowledge a change to your own roles')
    if (grant.granted_by === caller.user.id) throw new OwnAccountError('form', 'Another service manager must acknowledge a change you made')
    if (!(await repository.acknowledgeRoleGrant(trx, { authorityId: caller.user.authorityId, grantId: grant.id, by: caller.user.id, at: context.clock.now() })))
      return
    await recordAudit(trx, auditActorOf(caller), {
      action: 'account.role-grant-acknowledged',
      recordType: 'account',
      recordId: grant.user_id,
      details: { grantId: grant.id },
    })
  })
}
