import { sql } from 'kysely'
import type { NewRow, Queryable } from '../../../platform/db/schema.ts'

/**
 * The advocacy record: contacts with the person and the person's views. Seen by the advocacy
 * service alone (ADR 7). Every query names the authority.
 */

export async function contactsOf(db: Queryable, authorityId: string, referralId: string) {
  return db
    .selectFrom('advocacy_contact')
    .select(['contacted_on', 'method', 'minutes', 'notes'])
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .orderBy('contacted_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
}

export async function insertContact(db: Queryable, contact: NewRow<'advocacy_contact'>): Promise<void> {
  await db.insertInto('advocacy_contact').values(contact).execute()
}

export async function findViews(db: Queryable, authorityId: string, referralId: string) {
  return db.selectFrom('person_views').selectAll().where('authority_id', '=', authorityId).where('referral_id', '=', referralId).executeTakeFirst()
}

/** Saves the views if nobody changed them since `version` (0: there were none yet); false when someone did. */
export async function saveViews(
  db: Queryable,
  change: { authorityId: string; referralId: string; version: number; views: string | null; agreed: boolean; agreedOn: string | null; by: string; now: Date },
): Promise<boolean> {
  if (change.version === 0) {
    const inserted = await db
      .insertInto('person_views')
      .values({
        referral_id: change.referralId,
        authority_id: change.authorityId,
        views: change.views,
        person_agreed_to_share: change.agreed,
        agreed_on: change.agreedOn,
        updated_by: change.by,
        updated_at: change.now,
      })
      .onConflict((conflict) => conflict.column('referral_id').doNothing())
      .executeTakeFirst()
    return (inserted.numInsertedOrUpdatedRows ?? 0n) === 1n
  }
  const result = await db
    .updateTable('person_views')
    .set({
      views: change.views,
      person_agreed_to_share: change.agreed,
      agreed_on: change.agreedOn,
      updated_by: change.by,
      updated_at: change.now,
      version: sql<number>`version + 1`,
    })
    .where('authority_id', '=', change.authorityId)
    .where('referral_id', '=', change.referralId)
    .where('version', '=', change.version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function markViewsShared(db: Queryable, authorityId: string, referralId: string, by: string, now: Date): Promise<void> {
  await db
    .updateTable('person_views')
    .set({ shared_at: now, shared_by: by, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .execute()
}

/** The person's own agreement (or not) to share their views, if nobody changed the views since `version`; false when someone did. */
export async function recordAgreement(
  db: Queryable,
  change: { authorityId: string; referralId: string; version: number; agreed: boolean; agreedOn: string | null; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('person_views')
    .set({ person_agreed_to_share: change.agreed, agreed_on: change.agreedOn, updated_at: change.now, version: sql<number>`version + 1` })
    .where('authority_id', '=', change.authorityId)
    .where('referral_id', '=', change.referralId)
    .where('version', '=', change.version)
    .where('shared_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}
