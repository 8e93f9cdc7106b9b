import { sql } from 'kysely'
import type { Flash, Queryable } from '../db/schema.ts'

/** The session store's queries. Sessions are keyed by the SHA-256 of their id, never the id itself. */

/**
 * A session with its holder's account, their teams and their authority's name, by the hash of its
 * id: what every signed-in request needs, in one statement.
 */
export async function findSession(db: Queryable, idHash: string) {
  return db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .innerJoin('authority', 'authority.id', 'user_session.authority_id')
    .select([
      'user_session.id_hash',
      'user_session.user_id',
      'user_session.authority_id',
      'user_session.created_at',
      'user_session.last_seen_at',
      'user_session.ended_at',
      'user_session.end_reason',
      'user_session.flash',
      'app_user.display_name',
      'app_user.email',
      'app_user.roles',
      'app_user.active',
      'authority.name as authority_name',
      sql<string[]>`array(select team_member.team_id::text from team_member
        where team_member.user_id = user_session.user_id and team_member.authority_id = user_session.authority_id)`.as('team_ids'),
    ])
    .where('user_session.id_hash', '=', idHash)
    .executeTakeFirst()
}

export async function insertSession(db: Queryable, session: { idHash: string; userId: string; authorityId: string; now: Date }): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      authority_id: session.authorityId,
      created_at: session.now,
      last_seen_at: session.now,
      flash: '{}',
    })
    .execute()
}

export async function touchSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute()
}

/** Ends a session that has not ended yet; `forget` clears what it kept between pages. */
export async function endSession(db: Queryable, idHash: string, reason: string, now: Date, options: { forget: boolean }): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ ended_at: now, end_reason: reason, ...(options.forget ? { flash: '{}' } : {}) })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .execute()
}

export async function endSessionsOf(db: Queryable, userId: string, reason: string, now: Date): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ ended_at: now, end_reason: reason, flash: '{}' })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute()
}

export async function setFlash(db: Queryable, idHash: string, flash: Flash): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ flash: JSON.stringify(flash) })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .execute()
}

/** Deletes sessions last used before `before` (ended or long expired). Returns how many. */
export async function deleteSessionsLastSeenBefore(db: Queryable, before: Date): Promise<number> {
  const result = await db.deleteFrom('user_session').where('last_seen_at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
