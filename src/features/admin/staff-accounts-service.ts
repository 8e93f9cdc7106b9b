import { cancelLinksFor, createAccountLink } from '../../platform/auth/account-links.ts'
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from '../../platform/auth/passwords.ts'
import type { Caller, Role } from '../../platform/auth/roles.ts'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { NotFoundError, WorkflowRefusedError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { AlreadyExistsError, linkExpiry, OwnAccountError, SET_PASSWORD_LINK_HOURS, type AdminContext, type NewAccount } from './admin.ts'
import * as repository from './repository.ts'
import { noticeRolesGranted } from './role-grants-service.ts'

/**
 * The staff accounts as other services use them: the one way to open an account and to give its
 * holder a new link to choose a password (the system admin's pages and the coordinator's "give
 * this advocate a sign-in" both come here), staff names for pages that show who did what, and
 * whether an email and password open an account. The caller's own service has already checked
 * that the caller may do this.
 */

/**
 * Opens an account in the caller's authority, with no password yet, and returns the one-time link
 * its holder uses to choose one. Runs in the caller's transaction, so whatever the caller records
 * with it (an advocate's sign-in) is kept only with the account. Audited once, as `account.created`.
 */
export async function openStaffAccount(
  context: ServiceContext,
  trx: Queryable,
  caller: Caller,
  account: NewAccount,
): Promise<{ userId: string; token: string }> {
  const authorityId = caller.user.authorityId
  if (await repository.emailInUse(trx, account.email)) throw new AlreadyExistsError('That email address already has an account')
  const userId = await repository.insertUser(trx, {
    authorityId,
    email: account.email,
    displayName: account.displayName,
    roles: account.roles,
    passwordHash: null,
  })
  for (const teamId of account.teamIds) {
    if (!(await repository.findTeam(trx, authorityId, teamId))) throw new NotFoundError('No such team')
    await repository.addTeamMember(trx, { authorityId, teamId, userId })
  }
  const now = context.clock.now()
  const token = await createAccountLink(trx, { purpose: 'set_password', authorityId, userId, now, expiresAt: linkExpiry(now, SET_PASSWORD_LINK_HOURS) })
  await recordAudit(trx, auditActorOf(caller), {
    action: 'account.created',
    recordType: 'account',
    recordId: userId,
    details: { roles: account.roles, teams: account.teamIds },
  })
  await noticeRolesGranted(context, trx, caller, userId, account.roles)
  return { userId, token }
}

/**
 * A new one-time link to choose a password, for an account in the caller's authority: older links
 * stop working, and its holder is signed out everywhere. Audited as `account.password-link-issued`.
 * Never for the caller's own account (it would sign them out, and they are signed in: OwnAccountError).
 * With `onlyIfRolesWithin`, only for an account holding no other role: the coordinator may give an
 * advocate a new link, never the holder of an account a system admin has since given more.
 */
export async function newPasswordLink(
  context: AdminContext,
  caller: Caller,
  userId: string,
  options: { readonly onlyIfRolesWithin?: readonly Role[] } = {},
): Promise<string> {
  if (userId === caller.user.id) {
    throw new OwnAccountError('form', 'You cannot make a sign-in link for your own account. Ask another system admin if you need one.')
  }
  const token = await context.db.transaction().execute(async (trx) => {
    const account = await repository.findUser(trx, caller.user.authorityId, userId, { forUpdate: true })
    if (!account) throw new NotFoundError('No such account')
    const within = options.onlyIfRolesWithin
    if (within && !account.roles.every((role) => within.includes(role))) {
      throw new WorkflowRefusedError('This sign-in is also used for other work, so only a system admin can make a new link for it')
    }
    const now = context.clock.now()
    await cancelLinksFor(trx, userId, now)
    const issued = await createAccountLink(trx, {
      purpose: 'set_password',
      authorityId: caller.user.authorityId,
      userId,
      now,
      expiresAt: linkExpiry(now, SET_PASSWORD_LINK_HOURS),
    })
    await recordAudit(trx, auditActorOf(caller), { action: 'account.password-link-issued', recordType: 'account', recordId: userId })
    return issued
  })
  await context.sessions.endAllFor(userId, 'password-reset')
  return token
}

/** Each member of staff's name, by id, for pages that say who did something (ids of another authority are left out). */
export async function staffNames(context: ServiceContext, authorityId: string, userIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await repository.displayNames(context.db, authorityId, [...new Set(userIds)])
  return new Map(rows.map((row) => [row.id, row.display_name]))
}

export type SignInCheck =
  | { readonly opens: true; readonly userId: string; readonly authorityId: string }
  /** Who the email belongs to, if anyone, for the audit of a refusal. */
  | { readonly opens: false; readonly userId: string | null; readonly authorityId: string | null }

/** Who a one-time sign-in link is sent to: the open account this email signs in to. */
export interface SignInLinkAccount {
  readonly userId: string
  readonly authorityId: string
  /** As the account keeps it: the link goes there, not to what was typed. */
  readonly email: string
  readonly displayName: string
  readonly authorityName: string
}

/** The open account this email signs in to, for a one-time sign-in link; undefined when there is none (or it is closed). */
export async function signInLinkAccount(context: ServiceContext, email: string): Promise<SignInLinkAccount | undefined> {
  const account = await repository.findAccountByEmail(context.db, email)
  if (!account?.active) return undefined
  return {
    userId: account.id,
    authorityId: account.authority_id,
    email: account.email,
    displayName: account.display_name,
    authorityName: account.authority_name,
  }
}

/** Whether the account a sign-in link names is still open, in the caller's transaction: its authority and email when it is. */
export async function openAccount(_context: ServiceContext, trx: Queryable, userId: string): Promise<{ authorityId: string; email: string } | undefined> {
  const account = await repository.findAccountById(trx, userId)
  return account?.active ? { authorityId: account.authority_id, email: account.email } : undefined
}

/**
 * Whether this email and password open an active account. The password is checked even when there
 * is no such account, so the answer takes as long either way.
 */
export async function checkSignIn(context: ServiceContext, email: string, password: string): Promise<SignInCheck> {
  const account = await repository.findAccountByEmail(context.db, email)
  const matches = await verifyPassword(password, account?.password_hash ?? UNUSABLE_PASSWORD_HASH)
  if (!account || !account.active || !account.password_hash || !matches) {
    return { opens: false, userId: account?.id ?? null, authorityId: account?.authority_id ?? null }
  }
  return { opens: true, userId: account.id, authorityId: account.authority_id }
}
