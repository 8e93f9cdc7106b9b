import { sql } from 'kysely'
import type { Role } from '../../platform/auth/roles.ts'
import type { Queryable } from '../../platform/db/schema.ts'
import { textArray } from '../../platform/db/text-array.ts'

export async function countUsers(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function insertAuthority(db: Queryable, authority: { name: string; isDemo: boolean }): Promise<string> {
  const row = await db.insertInto('authority').values({ name: authority.name, is_demo: authority.isDemo }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function findAuthority(db: Queryable, authorityId: string) {
  return db.selectFrom('authority').select(['id', 'name', 'is_demo']).where('id', '=', authorityId).executeTakeFirst()
}

export async function insertTeam(db: Queryable, team: { authorityId: string; name: string; purpose: 'fgc_advocacy_admin' | null }): Promise<string> {
  const row = await db
    .insertInto('team')
    .values({ authority_id: team.authorityId, name: team.name, purpose: team.purpose })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findTeamByName(db: Queryable, authorityId: string, name: string) {
  return db
    .selectFrom('team')
    .select(['id', 'name'])
    .where('authority_id', '=', authorityId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst()
}

export async function listTeams(db: Queryable, authorityId: string) {
  return db
    .selectFrom('team')
    .leftJoin('team_member', 'team_member.team_id', 'team.id')
    .select(['team.id', 'team.name', 'team.purpose', 'team.version'])
    .select((eb) => eb.fn.count<number>('team_member.user_id').as('members'))
    .where('team.authority_id', '=', authorityId)
    .groupBy(['team.id', 'team.name', 'team.purpose', 'team.version'])
    .orderBy('team.name')
    .execute()
}

export async function findTeam(db: Queryable, authorityId: string, teamId: string) {
  return db.selectFrom('team').select(['id', 'name', 'purpose', 'version']).where('authority_id', '=', authorityId).where('id', '=', teamId).executeTakeFirst()
}

export async function teamMembers(db: Queryable, authorityId: string, teamId: string) {
  return db
    .selectFrom('team_member')
    .innerJoin('app_user', 'app_user.id', 'team_member.user_id')
    .select(['app_user.id', 'app_user.display_name', 'app_user.email', 'app_user.roles', 'app_user.active'])
    .where('team_member.authority_id', '=', authorityId)
    .where('team_member.team_id', '=', teamId)
    .orderBy('app_user.display_name')
    .execute()
}

export async function addTeamMember(db: Queryable, member: { authorityId: string; teamId: string; userId: string }): Promise<void> {
  await db
    .insertInto('team_member')
    .values({ authority_id: member.authorityId, team_id: member.teamId, user_id: member.userId })
    .onConflict((conflict) => conflict.doNothing())
    .execute()
}

export async function removeTeamMember(db: Queryable, member: { authorityId: string; teamId: string; userId: string }): Promise<void> {
  await db
    .deleteFrom('team_member')
    .where('authority_id', '=', member.authorityId)
    .where('team_id', '=', member.teamId)
    .where('user_id', '=', member.userId)
    .execute()
}

export async function insertUser(
  db: Queryable,
  user: { authorityId: string; email: string; displayName: string; roles: readonly Role[]; passwordHash: string | null },
): Promise<string> {
  const row = await db
    .insertInto('app_user')
    .values({
      authority_id: user.authorityId,
      email: user.email,
      display_name: user.displayName,
      roles: textArray(user.roles),
      password_hash: user.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function emailInUse(db: Queryable, email: string, exceptUserId?: string): Promise<boolean> {
  let query = db
    .selectFrom('app_user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
  if (exceptUserId) query = query.where('id', '!=', exceptUserId)
  return (await query.executeTakeFirst()) !== undefined
}

export async function listUsers(db: Queryable, authorityId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'email', 'roles', 'active', 'password_hash'])
    .where('authority_id', '=', authorityId)
    .orderBy('display_name')
    .execute()
}

/** An account of the authority; `forUpdate` locks it for the caller's transaction (its roles cannot change meanwhile). */
export async function findUser(db: Queryable, authorityId: string, userId: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'email', 'roles', 'active', 'version', 'password_hash', 'updated_at'])
    .where('authority_id', '=', authorityId)
    .where('id', '=', userId)
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst()
}

export async function teamIdsOf(db: Queryable, authorityId: string, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('team_member').select('team_id').where('authority_id', '=', authorityId).where('user_id', '=', userId).execute()
  return rows.map((row) => row.team_id)
}

/** Saves the account if nobody changed it since `version`; false when someone did. */
export async function updateUser(
  db: Queryable,
  change: { authorityId: string; userId: string; version: number; displayName: string; email: string; roles: readonly Role[]; active: boolean; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({
      display_name: change.displayName,
      email: change.email,
      roles: textArray(change.roles),
      active: change.active,
      updated_at: change.now,
      version: sql<number>`version + 1`,
    })
    .where('authority_id', '=', change.authorityId)
    .where('id', '=', change.userId)
    .where('version', '=', change.version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function setPasswordHash(db: Queryable, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, updated_at: now, version: sql<number>`version + 1` })
    .where('id', '=', userId)
    .execute()
}

/** The account this email signs in to, whatever the case it is typed in. */
export async function findAccountByEmail(db: Queryable, email: string) {
  return db
    .selectFrom('app_user')
    .innerJoin('authority', 'authority.id', 'app_user.authority_id')
    .select([
      'app_user.id',
      'app_user.authority_id',
      'app_user.password_hash',
      'app_user.active',
      'app_user.email',
      'app_user.display_name',
      'authority.name as authority_name',
    ])
    .where((eb) => eb(eb.fn('lower', ['app_user.email']), '=', email.toLowerCase()))
    .executeTakeFirst()
}

/** An account by its id alone (a one-time link names it), with whether it is open. */
export async function findAccountById(db: Queryable, userId: string) {
  return db.selectFrom('app_user').select(['id', 'authority_id', 'email', 'active']).where('id', '=', userId).executeTakeFirst()
}

export async function displayNames(db: Queryable, authorityId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return []
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('authority_id', '=', authorityId)
    .where('id', 'in', [...userIds])
    .execute()
}

export async function listAuthorities(db: Queryable) {
  return db.selectFrom('authority').select(['id', 'is_demo']).execute()
}

/** An account given roles that open case records, for the authority's service managers. */
export async function insertRoleGrant(
  db: Queryable,
  grant: { authorityId: string; userId: string; grantedBy: string; roles: readonly Role[]; at: Date },
): Promise<void> {
  await db
    .insertInto('role_grant')
    .values({ authority_id: grant.authorityId, user_id: grant.userId, granted_by: grant.grantedBy, roles: textArray(grant.roles), granted_at: grant.at })
    .execute()
}

/** The authority's role grants made since `since`, and any older one not yet acknowledged, newest first, with the names of those involved. */
export async function listRoleGrants(db: Queryable, authorityId: string, since: Date) {
  return db
    .selectFrom('role_grant')
    .innerJoin('app_user as holder', 'holder.id', 'role_grant.user_id')
    .innerJoin('app_user as granter', 'granter.id', 'role_grant.granted_by')
    .leftJoin('app_user as acknowledger', 'acknowledger.id', 'role_grant.acknowledged_by')
    .select([
      'role_grant.id',
      'role_grant.user_id',
      'role_grant.granted_by',
      'role_grant.roles',
      'role_grant.granted_at',
      'role_grant.acknowledged_at',
      'holder.display_name as holder_name',
      'granter.display_name as granter_name',
      'acknowledger.display_name as acknowledger_name',
    ])
    .where('role_grant.authority_id', '=', authorityId)
    .where((eb) => eb.or([eb('role_grant.granted_at', '>=', since), eb('role_grant.acknowledged_at', 'is', null)]))
    .orderBy('role_grant.granted_at', 'desc')
    .limit(200)
    .execute()
}

export async function countUnacknowledgedRoleGrants(db: Queryable, authorityId: string, exceptOnUserId: string): Promise<number> {
  const row = await db
    .selectFrom('role_grant')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('authority_id', '=', authorityId)
    .where('acknowledged_at', 'is', null)
    .where('user_id', '!=', exceptOnUserId)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function findRoleGrant(db: Queryable, authorityId: string, grantId: string) {
  return db
    .selectFrom('role_grant')
    .select(['id', 'user_id', 'granted_by', 'acknowledged_at'])
    .where('authority_id', '=', authorityId)
    .where('id', '=', grantId)
    .executeTakeFirst()
}

/** Acknowledges the grant if nobody has yet; false when someone did. */
export async function acknowledgeRoleGrant(db: Queryable, grant: { authorityId: string; grantId: string; by: string; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('role_grant')
    .set({ acknowledged_by: grant.by, acknowledged_at: grant.at })
    .where('authority_id', '=', grant.authorityId)
    .where('id', '=', grant.grantId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}
