import type { Role } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { FGC_ADVOCACY_ADMIN } from './admin.ts'
import * as repository from './repository.ts'

/**
 * An authority opened all at once, with its teams and staff (the demo authority; an authority moved
 * over from another system). The first system admin's own set-up is `first-start-service.ts`.
 */

export interface OpeningStaff {
  readonly key: string
  readonly email: string
  readonly displayName: string
  readonly roles: readonly Role[]
  readonly passwordHash: string
  /** In the FGC Advocacy Admin team. */
  readonly fgcTeam: boolean
}

/** The authorities this database holds, and whether each is demo data. */
export async function authoritiesHeld(context: ServiceContext): Promise<{ readonly isDemo: boolean }[]> {
  return (await repository.listAuthorities(context.db)).map((authority) => ({ isDemo: authority.is_demo }))
}

/**
 * Opens an authority, in the caller's transaction: its FGC Advocacy Admin team, the other teams
 * named, and each member of staff with a password already chosen. Returns the ids it made.
 */
export async function openAuthority(
  _context: ServiceContext,
  trx: Queryable,
  authority: { name: string; isDemo: boolean; otherTeams: readonly string[]; staff: readonly OpeningStaff[] },
): Promise<{ authorityId: string; fgcTeamId: string; userIds: ReadonlyMap<string, string> }> {
  const authorityId = await repository.insertAuthority(trx, { name: authority.name, isDemo: authority.isDemo })
  const fgcTeamId = await repository.insertTeam(trx, { authorityId, ...FGC_ADVOCACY_ADMIN })
  for (const name of authority.otherTeams) await repository.insertTeam(trx, { authorityId, name, purpose: null })
  const userIds = new Map<string, string>()
  for (const member of authority.staff) {
    const userId = await repository.insertUser(trx, {
      authorityId,
      email: member.email,
      displayName: member.displayName,
      roles: member.roles,
      passwordHash: member.passwordHash,
    })
    if (member.fgcTeam) await repository.addTeamMember(trx, { authorityId, teamId: fgcTeamId, userId })
    userIds.set(member.key, userId)
  }
  return { authorityId, fgcTeamId, userIds }
}
