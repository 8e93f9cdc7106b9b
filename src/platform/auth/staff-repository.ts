import { sql } from 'kysely'
import type { Queryable } from '../db/schema.ts'

/**
 * Who works here, for every feature to read: staff names, teams, the service managers. The admin
 * feature keeps the accounts and teams (it alone writes them); this is the read side every page
 * needs to say who did what and who a step waits on. Every query names the authority.
 */

export async function staffNames(db: Queryable, authorityId: string, userIds: readonly string[]): Promise<Map<string, string>> {
  return staffAndTeamNames(db, authorityId, { users: userIds, teams: [] })
}

/** Staff's and teams' names by their ids, in one statement (ids are unique across both). */
export async function staffAndTeamNames(
  db: Queryable,
  authorityId: string,
  ids: { readonly users: readonly string[]; readonly teams: readonly string[] },
): Promise<Map<string, string>> {
  const users = [...new Set(ids.users)]
  const teams = [...new Set(ids.teams)]
  const staff = db.selectFrom('app_user').select(['id', 'display_name as name']).where('authority_id', '=', authorityId).where('id', 'in', users)
  const teamNames = db.selectFrom('team').select(['id', 'name']).where('authority_id', '=', authorityId).where('id', 'in', teams)
  if (users.length === 0 && teams.length === 0) return new Map()
  const query = teams.length === 0 ? staff : users.length === 0 ? teamNames : staff.unionAll(teamNames)
  const rows = await query.execute()
  return new Map(rows.map((row) => [row.id, row.name]))
}

/** The team "Pass to FGC Service Manager" requests go to. */
export async function fgcAdvocacyAdminTeam(db: Queryable, authorityId: string): Promise<string | undefined> {
  const row = await db.selectFrom('team').select('id').where('authority_id', '=', authorityId).where('purpose', '=', 'fgc_advocacy_admin').executeTakeFirst()
  return row?.id
}

/** Active service managers of the authority, for "pass to a named service manager". */
export async function serviceManagers(db: Queryable, authorityId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('authority_id', '=', authorityId)
    .where('active', '=', true)
    .where(sql<boolean>`'service_manager' = any(roles)`)
    .orderBy('display_name')
    .execute()
}
