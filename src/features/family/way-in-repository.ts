import type { Queryable } from '../../platform/db/schema.ts'

/**
 * What staff issuing a family code read of the referral (never write): whose referral it is, and
 * who its advocate is. The tables are the referrals' and the advocates' (ADR 11: read in a join
 * for a page, written only by their owners).
 */

export async function referralForWayIn(db: Queryable, authorityId: string, referralId: string) {
  return db
    .selectFrom('referral')
    .leftJoin('person', 'person.id', 'referral.person_id')
    .leftJoin('section_one', 'section_one.referral_id', 'referral.id')
    .select([
      'section_one.preferred_languages',
      'referral.id',
      'referral.reference',
      'referral.state',
      'referral.sent_at',
      'referral.closed_at',
      'referral.person_id',
      'person.given_name',
      'person.family_name',
    ])
    .where('referral.authority_id', '=', authorityId)
    .where('referral.id', '=', referralId)
    .executeTakeFirst()
}

/** The advocate working with the person on this referral (an accepted allocation), if any. */
export async function allocatedAdvocate(db: Queryable, authorityId: string, referralId: string) {
  return db
    .selectFrom('allocation')
    .innerJoin('advocate', 'advocate.id', 'allocation.advocate_id')
    .select(['advocate.id', 'advocate.user_id', 'advocate.given_name', 'advocate.family_name'])
    .where('allocation.authority_id', '=', authorityId)
    .where('allocation.referral_id', '=', referralId)
    .where('allocation.status', '=', 'accepted')
    .orderBy('allocation.offered_at', 'desc')
    .executeTakeFirst()
}
