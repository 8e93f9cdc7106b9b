import { sql } from 'kysely'
import type { NewRow, Queryable, Row } from '../../platform/db/schema.ts'
import type { AdvocateType } from '../../vocabulary/referrals.ts'

/** Section 2 (the Advocacy Manager's Decision) and the Child Protection Advocacy Review. Every query names the authority. */

export async function findDecision(db: Queryable, authorityId: string, referralId: string) {
  return db.selectFrom('decision').selectAll().where('authority_id', '=', authorityId).where('referral_id', '=', referralId).executeTakeFirst()
}

export async function insertDecision(db: Queryable, decision: NewRow<'decision'>): Promise<void> {
  await db.insertInto('decision').values(decision).execute()
}

export async function findReview(db: Queryable, authorityId: string, referralId: string) {
  return db.selectFrom('review').selectAll().where('authority_id', '=', authorityId).where('referral_id', '=', referralId).executeTakeFirst()
}

export async function insertReview(db: Queryable, review: NewRow<'review'>): Promise<void> {
  await db
    .insertInto('review')
    .values(review)
    .onConflict((conflict) => conflict.column('referral_id').doNothing())
    .execute()
}

/** Saves the review if nobody changed it since `version`; false when someone did. */
export async function updateReview(
  db: Queryable,
  authorityId: string,
  referralId: string,
  version: number,
  change: Partial<Omit<Row<'review'>, 'referral_id' | 'authority_id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('review')
    .set({ ...change, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/** Who the person's advocate is now (or, with `null`, that they have none), as the review records it. */
export async function setReviewAdvocate(
  db: Queryable,
  authorityId: string,
  referralId: string,
  advocate: { name: string; type: AdvocateType } | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('review')
    .set({
      advocate_name: advocate?.name ?? null,
      advocate_type: advocate?.type ?? null,
      advocate_recorded_at: advocate ? now : null,
      updated_at: now,
      version: sql<number>`version + 1`,
    })
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .execute()
}
