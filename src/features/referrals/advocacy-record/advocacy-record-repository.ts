import { sql, type Expression } from 'kysely'
import type { NewRow, Queryable } from '../../../platform/db/schema.ts'

/**
 * The advocacy record: contacts with the person and the person's views. Seen by the advocacy
 * service alone (ADR 7). Every query names the authority.
 */

export async function contactsOf(db: Queryable, authorityId: string, referralId: string) {
  return contactsQuery(db, authorityId, referralId).execute()
}

/**
 * `contactsOf`'s query, newest first. `referralId` is an id, or the column of a query it is read
 * inside (the referral's page reads it with the referral).
 */
export function contactsQuery(db: Queryable, authorityId: string, referralId: string | Expression<string>) {
  return db
    .selectFrom('advocacy_contact')
    .select(['advocacy_contact.contacted_on', 'advocacy_contact.method', 'advocacy_contact.minutes', 'advocacy_contact.notes'])
    .where('advocacy_contact.authority_id', '=', authorityId)
    .where('advocacy_contact.referral_id', '=', referralId)
    .orderBy('advocacy_contact.contacted_on', 'desc')
    .orderBy('advocacy_contact.created_at', 'desc')
}

export async function insertContact(db: Queryable, contact: NewRow<'advocacy_contact'>): Promise<void> {
  await db.insertInto('advocacy_contact').values(contact).execute()
}

export async function findViews(db: Queryable, authorityId: string, referralId: string) {
  return viewsQuery(db, authorityId, referralId).executeTakeFirst()
}

/** `findViews`'s query, to be read on its own or inside another (as `contactsQuery`). */
export function viewsQuery(db: Queryable, authorityId: string, referralId: string | Expression<string>) {
  return db
    .selectFrom('person_views')
    .selectAll('person_views')
    .where('person_views.authority_id', '=', authorityId)
    .where('person_views.referral_id', '=', referralId)
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
