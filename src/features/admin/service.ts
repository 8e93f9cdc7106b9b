import type { Kysely } from 'kysely'
import { cancelLinksFor, createAccountLink, findUsableLink, useLink } from '../../platform/auth/account-links.ts'
import { hashPassword } from '../../platform/auth/passwords.ts'
import { hasRole, type Role, type SignedInUser } from '../../platform/auth/roles.ts'
import type { Sessions } from '../../platform/auth/sessions.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Schema } from '../../platform/db/schema.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { Clock } from '../../platform/time/clock.ts'
import * as repository from './repository.ts'

/** The team every authority has: "Pass to FGC Service Manager" requests are sent to it. */
export const FGC_ADVOCACY_ADMIN = { name: 'FGC Advocacy Admin', purpose: 'fgc_advocacy_admin' } as const

const FIRST_ADMIN_LINK_HOURS = 24
const SET_PASSWORD_LINK_HOURS = 72

export interface NewAccount {
  readonly displayName: string
  readonly email: string
  readonly roles: readonly Role[]
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

export class AlreadyExistsError extends Error {
  override name = 'AlreadyExistsError'
}

function accountFrom(row: { id: string; display_name: string; email: string; roles: Role[]; active: boolean; password_hash: string | null }): AccountSummary {
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    roles: row.roles,
    active: row.active,
    hasPassword: row.password_hash !== null,
  }
}

function requireSystemAdmin(user: SignedInUser): void {
  if (!hasRole(user, 'system_admin')) throw new ForbiddenError('Only a system admin can manage users and teams')
}

function actorOf(user: SignedInUser, ip: string | null) {
  return { userId: user.id, authorityId: user.authorityId, ip }
}

export function createAdminService(db: Kysely<Schema>, clock: Clock, sessions: Sessions) {
  return {
    /** On a database with no accounts at all: a one-time link to create the first system admin. */
    async firstAdminLink(): Promise<string | undefined> {
      if ((await repository.countUsers(db)) > 0) return undefined
      const now = clock.now()
      return createAccountLink(db, {
        purpose: 'first_admin',
        authorityId: null,
        userId: null,
        now,
        expiresAt: new Date(now.getTime() + FIRST_ADMIN_LINK_HOURS * 3_600_000),
      })
    },

    async isFirstAdminLinkUsable(token: string): Promise<boolean> {
      return (await findUsableLink(db, token, 'first_admin', clock.now())) !== undefined
    },

    /** Creates the authority, its FGC Advocacy Admin team and its first system admin. */
    async setUpFirstAdmin(
      token: string,
      setup: { authorityName: string; displayName: string; email: string; password: string },
      ip: string,
    ): Promise<{ userId: string; authorityId: string } | undefined> {
      const passwordHash = await hashPassword(setup.password)
      return db.transaction().execute(async (trx) => {
        const now = clock.now()
        if (!(await findUsableLink(trx, token, 'first_admin', now))) return undefined
        if ((await repository.countUsers(trx)) > 0) return undefined
        if (!(await useLink(trx, token, now))) return undefined
        const authorityId = await repository.insertAuthority(trx, { name: setup.authorityName, isDemo: false })
        await repository.insertTeam(trx, { authorityId, ...FGC_ADVOCACY_ADMIN })
        const userId = await repository.insertUser(trx, {
          authorityId,
          email: setup.email,
          displayName: setup.displayName,
          roles: ['system_admin'],
          passwordHash,
        })
        await recordAudit(trx, { userId, authorityId, ip }, { action: 'account.first-admin-created', recordType: 'account', recordId: userId })
        return { userId, authorityId }
      })
    },

    async listAccounts(user: SignedInUser, ip: string | null): Promise<AccountSummary[]> {
      requireSystemAdmin(user)
      const rows = await repository.listUsers(db, user.authorityId)
      await recordAudit(db, actorOf(user, ip), { action: 'account.listed', recordType: 'account', details: { count: rows.length } })
      return rows.map(accountFrom)
    },

    async account(user: SignedInUser, userId: string, ip: string | null): Promise<AccountDetail> {
      requireSystemAdmin(user)
      const row = isId(userId) ? await repository.findUser(db, user.authorityId, userId) : undefined
      if (!row) throw new NotFoundError('No such account')
      await recordAudit(db, actorOf(user, ip), { action: 'account.viewed', recordType: 'account', recordId: userId })
      return {
        ...accountFrom(row),
        version: row.version,
        teamIds: await repository.teamIdsOf(db, user.authorityId, userId),
      }
    },

    /** Creates an account and returns the one-time link its holder uses to choose a password. */
    async createAccount(user: SignedInUser, account: NewAccount & { teamIds: readonly string[] }, ip: string | null) {
      requireSystemAdmin(user)
      return db.transaction().execute(async (trx) => {
        if (await repository.emailInUse(trx, account.email)) throw new AlreadyExistsError('That email address already has an account')
        const userId = await repository.insertUser(trx, { authorityId: user.authorityId, ...account, passwordHash: null })
        for (const teamId of account.teamIds) {
          if (!(await repository.findTeam(trx, user.authorityId, teamId))) throw new NotFoundError('No such team')
          await repository.addTeamMember(trx, { authorityId: user.authorityId, teamId, userId })
        }
        const now = clock.now()
        const token = await createAccountLink(trx, {
          purpose: 'set_password',
          authorityId: user.authorityId,
          userId,
          now,
          expiresAt: new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3_600_000),
        })
        await recordAudit(trx, actorOf(user, ip), {
          action: 'account.created',
          recordType: 'account',
          recordId: userId,
          details: { roles: account.roles, teams: account.teamIds },
        })
        return { userId, token }
      })
    },

    async updateAccount(
      user: SignedInUser,
      change: NewAccount & { userId: string; version: number; active: boolean; teamIds: readonly string[] },
      ip: string | null,
    ): Promise<void> {
      requireSystemAdmin(user)
      await db.transaction().execute(async (trx) => {
        const existing = isId(change.userId) ? await repository.findUser(trx, user.authorityId, change.userId) : undefined
        if (!existing) throw new NotFoundError('No such account')
        if (await repository.emailInUse(trx, change.email, change.userId)) throw new AlreadyExistsError('That email address already has an account')
        if (change.userId === user.id && (!change.active || !change.roles.includes('system_admin'))) {
          throw new ForbiddenError('You cannot remove your own system admin role or close your own account')
        }
        const saved = await repository.updateUser(trx, {
          authorityId: user.authorityId,
          userId: change.userId,
          version: change.version,
          displayName: change.displayName,
          email: change.email,
          roles: change.roles,
          active: change.active,
          now: clock.now(),
        })
        if (!saved) throw new ConflictError('Someone else changed this account since you opened it', null, existing.updated_at)
        const current = await repository.teamIdsOf(trx, user.authorityId, change.userId)
        for (const teamId of change.teamIds) {
          if (current.includes(teamId)) continue
          if (!(await repository.findTeam(trx, user.authorityId, teamId))) throw new NotFoundError('No such team')
          await repository.addTeamMember(trx, { authorityId: user.authorityId, teamId, userId: change.userId })
        }
        for (const teamId of current) {
          if (!change.teamIds.includes(teamId)) await repository.removeTeamMember(trx, { authorityId: user.authorityId, teamId, userId: change.userId })
        }
        await recordAudit(trx, actorOf(user, ip), {
          action: 'account.updated',
          recordType: 'account',
          recordId: change.userId,
          details: { roles: change.roles, active: change.active, teams: change.teamIds },
        })
      })
      if (!change.active) await sessions.endAllFor(change.userId, 'account-closed')
    },

    /** A new one-time link to choose a password (the old ones stop working; signed-in sessions end). */
    async issuePasswordLink(user: SignedInUser, userId: string, ip: string | null): Promise<string> {
      requireSystemAdmin(user)
      const token = await db.transaction().execute(async (trx) => {
        if (!isId(userId) || !(await repository.findUser(trx, user.authorityId, userId))) throw new NotFoundError('No such account')
        const now = clock.now()
        await cancelLinksFor(trx, userId, now)
        const issued = await createAccountLink(trx, {
          purpose: 'set_password',
          authorityId: user.authorityId,
          userId,
          now,
          expiresAt: new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3_600_000),
        })
        await recordAudit(trx, actorOf(user, ip), { action: 'account.password-link-issued', recordType: 'account', recordId: userId })
        return issued
      })
      await sessions.endAllFor(userId, 'password-reset')
      return token
    },

    async passwordLinkHolder(token: string): Promise<{ displayName: string; email: string } | undefined> {
      const link = await findUsableLink(db, token, 'set_password', clock.now())
      if (!link?.user_id || !link.authority_id) return undefined
      const row = await repository.findUser(db, link.authority_id, link.user_id)
      return row?.active ? { displayName: row.display_name, email: row.email } : undefined
    },

    /** Sets the password of the link's holder; false when the link is no longer usable. */
    async setPassword(token: string, password: string, ip: string | null): Promise<boolean> {
      const passwordHash = await hashPassword(password)
      return db.transaction().execute(async (trx) => {
        const now = clock.now()
        const link = await findUsableLink(trx, token, 'set_password', now)
        if (!link?.user_id || !link.authority_id) return false
        if (!(await useLink(trx, token, now))) return false
        await repository.setPasswordHash(trx, link.user_id, passwordHash, now)
        await recordAudit(
          trx,
          { userId: link.user_id, authorityId: link.authority_id, ip },
          {
            action: 'account.password-set',
            recordType: 'account',
            recordId: link.user_id,
          },
        )
        return true
      })
    },

    async listTeams(user: SignedInUser): Promise<TeamSummary[]> {
      requireSystemAdmin(user)
      const rows = await repository.listTeams(db, user.authorityId)
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        receivesReferralRequests: row.purpose === FGC_ADVOCACY_ADMIN.purpose,
        members: Number(row.members),
      }))
    },

    async createTeam(user: SignedInUser, name: string, ip: string | null): Promise<string> {
      requireSystemAdmin(user)
      return db.transaction().execute(async (trx) => {
        if (await repository.findTeamByName(trx, user.authorityId, name)) throw new AlreadyExistsError('A team with that name already exists')
        const teamId = await repository.insertTeam(trx, { authorityId: user.authorityId, name, purpose: null })
        await recordAudit(trx, actorOf(user, ip), { action: 'team.created', recordType: 'team', recordId: teamId })
        return teamId
      })
    },

    async team(user: SignedInUser, teamId: string) {
      requireSystemAdmin(user)
      const team = isId(teamId) ? await repository.findTeam(db, user.authorityId, teamId) : undefined
      if (!team) throw new NotFoundError('No such team')
      const members = await repository.teamMembers(db, user.authorityId, teamId)
      return {
        id: team.id,
        name: team.name,
        receivesReferralRequests: team.purpose === FGC_ADVOCACY_ADMIN.purpose,
        members: members.map((member) => ({
          id: member.id,
          displayName: member.display_name,
          email: member.email,
          roles: member.roles,
          active: member.active,
        })),
      }
    },
  }
}

export type AdminService = ReturnType<typeof createAdminService>
