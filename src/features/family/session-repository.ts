import type { Queryable } from '../../platform/db/schema.ts'

/**
 * Family sessions (`family_session`): apart from staff sessions, keyed by the SHA-256 of their id,
 * each tied to the code it began with.
 */

/** A session with its code and what decides whether the code still works. */
export async function findSession(db: Queryable, idHash: string) {
  return db
    .selectFrom('family_session')
    .innerJoin('family_code', 'family_code.id', 'family_session.code_id')
    .innerJoin('referral', 'referral.id', 'family_code.referral_id')
    .leftJoin('section_one', 'section_one.referral_id', 'referral.id')
    .select([
      'section_one.preferred_languages',
      'family_session.id_hash',
      'family_session.created_at',
      'family_session.last_seen_at',
      'family_session.ended_at',
      'family_session.end_reason',
      'family_code.id as code_id',
      'family_code.authority_id',
      'family_code.referral_id',
      'family_code.person_id',
      'family_code.ended_at as code_ended_at',
      'referral.closed_at',
    ])
    .where('family_session.id_hash', '=', idHash)
    .executeTakeFirst()
}

export async function insertSession(db: Queryable, session: { idHash: string; codeId: string; authorityId: string; now: Date }): Promise<void> {
  await db
    .insertInto('family_session')
    .values({ id_hash: session.idHash, code_id: session.codeId, authority_id: session.authorityId, created_at: session.now, last_seen_at: session.now })
    .execute()
}

export async function touchSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.updateTable('family_session').set({ last_seen_at: now }).where('id_hash', '=', idHash).where('ended_at', 'is', null).execute()
}

export async function endSession(db: Queryable, idHash: string, reason: string, now: Date): Promise<void> {
  await db.updateTable('family_session').set({ ended_at: now, end_reason: reason }).where('id_hash', '=', idHash).where('ended_at', 'is', null).execute()
}

/** Ends every session begun with this code (it was revoked or replaced). */
export async function endSessionsOfCode(db: Queryable, codeId: string, reason: string, now: Date): Promise<void> {
  await db.updateTable('family_session').set({ ended_at: now, end_reason: reason }).where('code_id', '=', codeId).where('ended_at', 'is', null).execute()
}

/** Deletes sessions last used before `before`. Returns how many. */
export async function deleteSessionsLastSeenBefore(db: Queryable, before: Date): Promise<number> {
  const result = await db.deleteFrom('family_session').where('last_seen_at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
