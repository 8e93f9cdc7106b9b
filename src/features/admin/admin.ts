import { hasRole, type Caller, type Role } from '../../platform/auth/roles.ts'
import type { Sessions } from '../../platform/auth/sessions.ts'
import { ForbiddenError } from '../../platform/errors.ts'
import type { ServiceContext } from '../../platform/service-context.ts'

/** What the admin feature's services share: their context, what they return and what they refuse with. */

/** Accounts, teams and links need the sessions too: closing an account or a new link signs its holder out. */
export interface AdminContext extends ServiceContext {
  readonly sessions: Sessions
}

/** The team every authority has: "Pass to FGC Service Manager" requests are sent to it. */
export const FGC_ADVOCACY_ADMIN = { name: 'FGC Advocacy Admin', purpose: 'fgc_advocacy_admin' } as const

/** How long a one-time link to choose a password works. */
export const SET_PASSWORD_LINK_HOURS = 72

export interface NewAccount {
  readonly displayName: string
  readonly email: string
  readonly roles: readonly Role[]
  readonly teamIds: readonly string[]
}

export interface AccountSummary {
  readonly id: string
  readonly displayName: string
  readonly email: string
  readonly roles: readonly Role[]
  readonly active: boolean
  readonly hasPassword: boolean
}

export interface AccountDetail extends AccountSummary {
  readonly version: number
  readonly teamIds: readonly string[]
}

export interface TeamSummary {
  readonly id: string
  readonly name: string
  readonly receivesReferralRequests: boolean
  readonly members: number
}

/** Another account (or team) already has this email address (or name). */
export class AlreadyExistsError extends Error {
  override name = 'AlreadyExistsError'
}

/**
 * What nobody may do to their own account (change its roles, close it, make it a sign-in link),
 * with the field of the form it belongs to and what to do instead.
 */
export class OwnAccountError extends Error {
  override name = 'OwnAccountError'
  readonly field: string

  constructor(field: string, message: string) {
    super(message)
    this.field = field
  }
}

export function linkExpiry(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000)
}

export function requireSystemAdmin(caller: Caller): void {
  if (!hasRole(caller.user, 'system_admin')) throw new ForbiddenError('Only a system admin can manage users and teams')
}
