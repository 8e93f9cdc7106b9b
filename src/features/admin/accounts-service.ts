import type { Caller, Role } from '../../platform/auth/roles.ts'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { cancelLinksFor } from '../../platform/auth/account-links.ts'
import { ConflictError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import {
  AlreadyExistsError,
  OwnAccountError,
  requireSystemAdmin,
  type AccountDetail,
  type AccountSummary,
  type AdminContext,
  type NewAccount,
} from './admin.ts'
import * as repository from './repository.ts'
import { noticeRolesGranted } from './role-grants-service.ts'
import { newPasswordLink, openStaffAccount } from './staff-accounts-service.ts'

/** A system admin adds and changes the accounts of the people who use the service. */

function accountFrom(row: { id: string; display_name: string; email: string; roles: Role[]; active: boolean; password_hash: string | null }): AccountSummary {
  return { id: row.id, displayName: row.display_name, email: row.email, roles: row.roles, active: row.active, hasPassword: row.password_hash !== null }
}

export async function listAccounts(context: ServiceContext, caller: Caller): Promise<AccountSummary[]> {
  requireSystemAdmin(caller)
  const rows = await repository.listUsers(context.db, caller.user.authorityId)
  await recordAudit(context.db, auditActorOf(caller), { action: 'account.listed', recordType: 'account', details: { count: rows.length } })
  return rows.map(accountFrom)
}

export async function account(context: ServiceContext, caller: Caller, userId: string): Promise<AccountDetail> {
  requireSystemAdmin(caller)
  const row = isId(userId) ? await repository.findUser(context.db, caller.user.authorityId, userId) : undefined
  if (!row) throw new NotFoundError('No such account')
  await recordAudit(context.db, auditActorOf(caller), { action: 'account.viewed', recordType: 'account', recordId: row.id })
  return { ...accountFrom(row), version: row.version, teamIds: await repository.teamIdsOf(context.db, caller.user.authorityId, row.id) }
}

/** Opens an account and returns the one-time link its holder uses to choose a password. */
export async function createAccount(context: ServiceContext, caller: Caller, account: NewAccount): Promise<{ userId: string; token: string }> {
  requireSystemAdmin(caller)
  return context.db.transaction().execute((trx) => openStaffAccount(context, trx, caller, account))
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role))
}

/**
 * Saves the account if nobody changed it since `version`; closing it signs its holder out at once.
 * Nobody changes their own roles or closes their own account (OwnAccountError): a system admin
 * cannot give themselves the way into case records. Roles given that open case records are shown
 * to the authority's service managers, and links to choose a password made before stop working
 * (so a link made for an advocate cannot be used on the account they have become).
 */
export async function updateAccount(
  context: AdminContext,
  caller: Caller,
  change: NewAccount & { userId: string; version: number; active: boolean },
): Promise<{ readonly rolesShownToManagers: readonly Role[] }> {
  requireSystemAdmin(caller)
  const authorityId = caller.user.authorityId
  const shown = await context.db.transaction().execute(async (trx) => {
    const existing = isId(change.userId) ? await repository.findUser(trx, authorityId, change.userId) : undefined
    if (!existing) throw new NotFoundError('No such account')
    if (await repository.emailInUse(trx, change.email, existing.id)) throw new AlreadyExistsError('That email address already has an account')
    if (existing.id === caller.user.id && !sameRoles(existing.roles, change.roles)) {
      throw new OwnAccountError('roles', 'You cannot change your own roles. Ask another system admin to change them.')
    }
    if (existing.id === caller.user.id && !change.active) {
      throw new OwnAccountError('active', 'You cannot close your own account. Ask another system admin to close it.')
    }
    const saved = await repository.updateUser(trx, {
      authorityId,
      userId: existing.id,
      version: change.version,
      displayName: change.displayName,
      email: change.email,
      roles: change.roles,
      active: change.active,
      now: context.clock.now(),
    })
    if (!saved) throw new ConflictError('Someone else changed this account since you opened it', null, existing.updated_at)
    const current = await repository.teamIdsOf(trx, authorityId, existing.id)
    for (const teamId of change.teamIds) {
      if (current.includes(teamId)) continue
      if (!(await repository.findTeam(trx, authorityId, teamId))) throw new NotFoundError('No such team')
      await repository.addTeamMember(trx, { authorityId, teamId, userId: existing.id })
    }
    for (const teamId of current) {
      if (!change.teamIds.includes(teamId)) await repository.removeTeamMember(trx, { authorityId, teamId, userId: existing.id })
    }
    await recordAudit(trx, auditActorOf(caller), {
      action: 'account.updated',
      recordType: 'account',
      recordId: existing.id,
      details: { roles: change.roles, active: change.active, teams: change.teamIds },
    })
    const given = change.roles.filter((role) => !existing.roles.includes(role))
    if (given.length > 0) await cancelLinksFor(trx, existing.id, context.clock.now(), 'set_password')
    return noticeRolesGranted(context, trx, caller, existing.id, given)
  })
  if (!change.active) await context.sessions.endAllFor(change.userId, 'account-closed')
  return { rolesShownToManagers: shown }
}

/** A new one-time link to choose a password (older ones stop working; its holder is signed out). */
export async function issuePasswordLink(context: AdminContext, caller: Caller, userId: string): Promise<string> {
  requireSystemAdmin(caller)
  if (!isId(userId)) throw new NotFoundError('No such account')
  return newPasswordLink(context, caller, userId)
}
