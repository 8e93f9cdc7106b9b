import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'
import type { Notice } from './due.ts'

/**
 * The notifications feature's own tables, `notification` and `notification_preference` (migration
 * 0014), and what the `raise-notifications` job reads of other features' tables to find what needs
 * someone (read in joins, never written).
 */

export interface NewNotification extends Notice {
  readonly now: Date
}

/** Adds a notification, unless the user already has one with this key. Says whether it was new. */
export async function insertNotification(db: Queryable, row: NewNotification): Promise<boolean> {
  const inserted = await db
    .insertInto('notification')
    .values({
      authority_id: row.authorityId,
      user_id: row.userId,
      kind: row.kind,
      key: row.key,
      about: row.about,
      link: row.link,
      due_on: row.dueOn,
      created_at: row.now,
    })
    .onConflict((conflict) => conflict.columns(['user_id', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

/** The header's count: one indexed count (`notification_open`). */
export async function countOpen(db: Queryable, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select(({ fn }) => fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('done_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function openNotifications(db: Queryable, authorityId: string, userId: string) {
  return db
    .selectFrom('notification')
    .select(['id', 'kind', 'about', 'link', 'due_on', 'created_at'])
    .where('authority_id', '=', authorityId)
    .where('user_id', '=', userId)
    .where('done_at', 'is', null)
    .orderBy(sql`due_on asc nulls last`)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute()
}

/** Marks one of the user's own notifications done; false if it is not theirs, or is done already. */
export async function markDone(db: Queryable, authorityId: string, userId: string, id: string, now: Date): Promise<boolean> {
  const updated = await db
    .updateTable('notification')
    .set({ done_at: now })
    .where('id', '=', id)
    .where('authority_id', '=', authorityId)
    .where('user_id', '=', userId)
    .where('done_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return updated !== undefined
}

export async function preferenceOf(db: Queryable, userId: string) {
  return db.selectFrom('notification_preference').select(['email', 'version']).where('user_id', '=', userId).executeTakeFirst()
}

/** Saves the preference if it is still at `version` (0: none saved yet); false if someone saved meanwhile. */
export async function savePreference(db: Queryable, userId: string, email: boolean, version: number, now: Date): Promise<boolean> {
  if (version === 0) {
    const inserted = await db
      .insertInto('notification_preference')
      .values({ user_id: userId, email, updated_at: now })
      .onConflict((conflict) => conflict.column('user_id').doNothing())
      .returning('user_id')
      .executeTakeFirst()
    return inserted !== undefined
  }
  const updated = await db
    .updateTable('notification_preference')
    .set({ email, updated_at: now, version: sql<number>`version + 1` })
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .returning('user_id')
    .executeTakeFirst()
  return updated !== undefined
}

/** Where an email about a notification goes: the user's own address, if they chose email and their account is open. */
export async function emailFor(db: Queryable, userId: string) {
  return db
    .selectFrom('app_user')
    .innerJoin('notification_preference', 'notification_preference.user_id', 'app_user.id')
    .select(['app_user.email'])
    .where('app_user.id', '=', userId)
    .where('notification_preference.email', '=', true)
    .where('app_user.active', '=', true)
    .executeTakeFirst()
}

// What the job looks for, in every authority.

/** Referrals waiting on their assigned manager's decision. */
export async function decisionsWaiting(db: Queryable) {
  return db
    .selectFrom('referral')
    .select(['id', 'authority_id', 'reference', 'assigned_manager_id', 'step_due_on', 'step_entered_at'])
    .where('state', '=', 'awaiting_decision')
    .where('assigned_manager_id', 'is not', null)
    .execute()
}

/** Offers waiting for an advocate's answer. */
export async function offersWaiting(db: Queryable) {
  return db
    .selectFrom('allocation')
    .innerJoin('advocate', 'advocate.id', 'allocation.advocate_id')
    .select(['allocation.id', 'allocation.authority_id', 'allocation.respond_by', 'advocate.user_id'])
    .where('allocation.status', '=', 'offered')
    .where('advocate.user_id', 'is not', null)
    .execute()
}

/** Active advocates who sign in, with their DBS check and their last one-to-one supervision. */
export async function activeAdvocates(db: Queryable) {
  return db
    .selectFrom('advocate')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('supervision_attendance')
          .innerJoin('supervision_session', 'supervision_session.id', 'supervision_attendance.session_id')
          .select(['supervision_attendance.advocate_id', ({ fn }) => fn.max('supervision_session.held_on').as('last_one_to_one')])
          .where('supervision_session.kind', '=', 'one_to_one')
          .groupBy('supervision_attendance.advocate_id')
          .as('supervised'),
      (join) => join.onRef('supervised.advocate_id', '=', 'advocate.id'),
    )
    .select(['advocate.id', 'advocate.authority_id', 'advocate.user_id', 'advocate.kind', 'advocate.dbs_checked_on', 'supervised.last_one_to_one'])
    .where('advocate.stage', '=', 'active')
    .where('advocate.user_id', 'is not', null)
    .execute()
}

/** Notifications whose cause has gone (a decision made, an offer answered): done, by the service. */
export async function closeResolved(db: Queryable, now: Date): Promise<number> {
  const decided = await db
    .updateTable('notification')
    .set({ done_at: now })
    .where('done_at', 'is', null)
    .where('kind', '=', 'decision_waiting')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('referral')
            .select('referral.id')
            .whereRef(sql`'decision:' || referral.id::text || ':'`, '=', sql`substring(notification.key from 1 for 46)`)
            .where('referral.state', '=', 'awaiting_decision')
            .whereRef('referral.assigned_manager_id', '=', 'notification.user_id'),
        ),
      ),
    )
    .executeTakeFirst()
  const answered = await db
    .updateTable('notification')
    .set({ done_at: now })
    .where('done_at', 'is', null)
    .where('kind', '=', 'offer_waiting')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('allocation')
            .select('allocation.id')
            .whereRef(sql`'offer:' || allocation.id::text`, '=', 'notification.key')
            .where('allocation.status', '=', 'offered'),
        ),
      ),
    )
    .executeTakeFirst()
  return Number(decided.numUpdatedRows) + Number(answered.numUpdatedRows)
}
