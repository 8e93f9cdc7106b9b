import type { Caller } from '../../platform/auth/roles.ts'
import { auditActorOf, recordAudit } from '../../platform/audit/audit.ts'
import { NotFoundError } from '../../platform/errors.ts'
import { isId } from '../../platform/ids.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { AlreadyExistsError, requireSystemAdmin, FGC_ADVOCACY_ADMIN, type TeamSummary } from './admin.ts'
import * as repository from './repository.ts'

/** Teams: work sent to a team shows in the work of everyone in it. A system admin keeps them. */

export async function listTeams(context: ServiceContext, caller: Caller): Promise<TeamSummary[]> {
  requireSystemAdmin(caller)
  const rows = await repository.listTeams(context.db, caller.user.authorityId)
  return rows.map((row) => ({ id: row.id, name: row.name, receivesReferralRequests: row.purpose === FGC_ADVOCACY_ADMIN.purpose, members: Number(row.members) }))
}

export async function createTeam(context: ServiceContext, caller: Caller, name: string): Promise<string> {
  requireSystemAdmin(caller)
  return context.db.transaction().execute(async (trx) => {
    if (await repository.findTeamByName(trx, caller.user.authorityId, name)) throw new AlreadyExistsError('A team with that name already exists')
    const teamId = await repository.insertTeam(trx, { authorityId: caller.user.authorityId, name, purpose: null })
    await recordAudit(trx, auditActorOf(caller), { action: 'team.created', recordType: 'team', recordId: teamId })
    return teamId
  })
}

export async function team(context: ServiceContext, caller: Caller, teamId: string) {
  requireSystemAdmin(caller)
  const found = isId(teamId) ? await repository.findTeam(context.db, caller.user.authorityId, teamId) : undefined
  if (!found) throw new NotFoundError('No such team')
  const members = await repository.teamMembers(context.db, caller.user.authorityId, found.id)
  return {
    id: found.id,
    name: found.name,
    receivesReferralRequests: found.purpose === FGC_ADVOCACY_ADMIN.purpose,
    members: members.map((member) => ({ id: member.id, displayName: member.display_name, email: member.email, roles: member.roles, active: member.active })),
  }
}
