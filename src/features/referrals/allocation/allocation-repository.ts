import { sql, type Expression } from 'kysely'
import type { NewRow, Queryable } from '../../../platform/db/schema.ts'

/**
 * Offers and allocations: who each referral went to (an advocate, or a local service), what they
 * answered and when it ended. Every query names the authority.
 */

/**
 * A referral's allocations, with who each is with: an advocate, or a local service. `referralId`
 * is an id, or the column of a query it is read inside (the referral's page reads it with the referral).
 */
function allocationsOfReferral(db: Queryable, authorityId: string, referralId: string | Expression<string>) {
  return db
    .selectFrom('allocation')
    .leftJoin('advocate', 'advocate.id', 'allocation.advocate_id')
    .leftJoin('local_service', 'local_service.id', 'allocation.local_service_id')
    .where('allocation.authority_id', '=', authorityId)
    .where('allocation.referral_id', '=', referralId)
}

/** The allocation a referral has now (an offer waiting, an advocate, or a local service), if any. */
export async function currentAllocation(db: Queryable, authorityId: string, referralId: string) {
  return currentAllocationQuery(db, authorityId, referralId).executeTakeFirst()
}

/** `currentAllocation`'s query, to be read on its own or inside another. */
export function currentAllocationQuery(db: Queryable, authorityId: string, referralId: string | Expression<string>) {
  return allocationsOfReferral(db, authorityId, referralId)
    .select([
      'allocation.id',
      'allocation.status',
      'allocation.advocate_id',
      'allocation.local_service_id',
      'allocation.respond_by',
      'allocation.offered_at',
      'allocation.preferences',
      'allocation.reasons',
      'allocation.version',
      'advocate.user_id as advocate_user_id',
      'advocate.given_name as advocate_given_name',
      'advocate.family_name as advocate_family_name',
      'advocate.kind as advocate_kind',
      'local_service.name as local_service_name',
    ])
    .where('allocation.status', 'in', ['offered', 'accepted', 'triaged'])
    .orderBy('allocation.offered_at', 'desc')
    .limit(1)
}

/** Every allocation a referral has had, newest first: offers declined or lapsed, changes of advocate. */
export async function allocationHistory(db: Queryable, authorityId: string, referralId: string) {
  return allocationHistoryQuery(db, authorityId, referralId).execute()
}

/** `allocationHistory`'s query, to be read on its own or inside another. */
export function allocationHistoryQuery(db: Queryable, authorityId: string, referralId: string | Expression<string>) {
  return allocationsOfReferral(db, authorityId, referralId)
    .select([
      'allocation.id',
      'allocation.status',
      'allocation.offered_at',
      'allocation.respond_by',
      'allocation.responded_at',
      'allocation.decline_reason',
      'allocation.ended_at',
      'allocation.ended_reason',
      'allocation.preferences',
      'advocate.given_name as advocate_given_name',
      'advocate.family_name as advocate_family_name',
      'local_service.name as local_service_name',
    ])
    .orderBy('allocation.offered_at', 'desc')
}

/** When a referral ends, so do its allocations: an unanswered offer is withdrawn, an advocate's work ends. */
export async function closeAllocations(db: Queryable, authorityId: string, referralId: string, now: Date, reason: string): Promise<void> {
  await db
    .updateTable('allocation')
    .set({ status: 'withdrawn', ended_at: now, ended_reason: reason, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .where('status', '=', 'offered')
    .execute()
  await db
    .updateTable('allocation')
    .set({ status: 'ended', ended_at: now, ended_reason: reason, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .where('status', 'in', ['accepted', 'triaged'])
    .execute()
}

/** Advocates offered to, or working with, someone of a family now: the two walls below narrow it to whom. */
function advocatesOfFamily(db: Queryable, authorityId: string, familyGroupId: string) {
  return db
    .selectFrom('allocation')
    .innerJoin('referral', 'referral.id', 'allocation.referral_id')
    .innerJoin('person', 'person.id', 'referral.person_id')
    .select('allocation.advocate_id')
    .distinct()
    .where('allocation.authority_id', '=', authorityId)
    .where('person.family_group_id', '=', familyGroupId)
    .where('allocation.status', 'in', ['offered', 'accepted'])
    .where('allocation.advocate_id', 'is not', null)
}

function advocateIds(rows: readonly { readonly advocate_id: string | null }[]): string[] {
  return rows.flatMap((row) => (row.advocate_id ? [row.advocate_id] : []))
}

/** Advocates working with another adult of the same family now (offers included). */
export async function advocatesOfOtherParents(db: Queryable, authorityId: string, familyGroupId: string, personId: string): Promise<string[]> {
  return advocateIds(await advocatesOfFamily(db, authorityId, familyGroupId).where('person.id', '!=', personId).execute())
}

/**
 * Advocates offered or working with someone of the family of the other generation: for a child,
 * its parents and carers; for a parent or carer, the children on referrals of their own (ADR 30).
 */
export async function advocatesAcrossGenerations(db: Queryable, authorityId: string, familyGroupId: string, personKind: 'adult' | 'child'): Promise<string[]> {
  return advocateIds(await advocatesOfFamily(db, authorityId, familyGroupId).where('person.kind', '!=', personKind).execute())
}

/** Advocates who have worked with this person on another referral. */
export async function previousAdvocatesOf(db: Queryable, authorityId: string, personId: string, exceptReferralId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('allocation')
    .innerJoin('referral', 'referral.id', 'allocation.referral_id')
    .select('allocation.advocate_id')
    .distinct()
    .where('allocation.authority_id', '=', authorityId)
    .where('referral.person_id', '=', personId)
    .where('referral.id', '!=', exceptReferralId)
    .where('allocation.status', 'in', ['accepted', 'ended'])
    .where('allocation.advocate_id', 'is not', null)
    .execute()
  return advocateIds(rows)
}

/** Advocates who were offered this referral and declined it, or let the offer lapse. */
export async function advocatesWhoDidNotTake(db: Queryable, authorityId: string, referralId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('allocation')
    .select('advocate_id')
    .distinct()
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .where('status', 'in', ['declined', 'lapsed'])
    .where('advocate_id', 'is not', null)
    .execute()
  return advocateIds(rows)
}

export async function insertAllocation(db: Queryable, allocation: NewRow<'allocation'>): Promise<string> {
  const row = await db.insertInto('allocation').values(allocation).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function findAllocation(db: Queryable, authorityId: string, allocationId: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('allocation')
    .leftJoin('advocate', 'advocate.id', 'allocation.advocate_id')
    .select([
      'allocation.id',
      'allocation.authority_id',
      'allocation.referral_id',
      'allocation.advocate_id',
      'allocation.status',
      'allocation.respond_by',
      'allocation.offered_at',
      'allocation.reasons',
      'advocate.user_id as advocate_user_id',
      'advocate.given_name as advocate_given_name',
      'advocate.family_name as advocate_family_name',
      'advocate.kind as advocate_kind',
    ])
    .where('allocation.authority_id', '=', authorityId)
    .where('allocation.id', '=', allocationId)
  if (options.forUpdate) query = query.forUpdate('allocation')
  return query.executeTakeFirst()
}

export async function answerAllocation(
  db: Queryable,
  authorityId: string,
  allocationId: string,
  answer: { status: 'accepted' | 'declined' | 'lapsed'; responded_at: Date; answered_by: string | null; decline_reason: string | null },
): Promise<void> {
  await db
    .updateTable('allocation')
    .set({ ...answer, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('id', '=', allocationId)
    .where('status', '=', 'offered')
    .execute()
}

export async function endAllocation(db: Queryable, authorityId: string, allocationId: string, now: Date, reason: string): Promise<void> {
  await db
    .updateTable('allocation')
    .set({ status: 'ended', ended_at: now, ended_reason: reason, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('id', '=', allocationId)
    .where('status', 'in', ['accepted', 'triaged'])
    .execute()
}

/** Offers, in every authority, whose time to answer has passed. */
export async function offersDue(db: Queryable, now: Date) {
  return db
    .selectFrom('allocation')
    .select(['id', 'authority_id', 'referral_id'])
    .where('status', '=', 'offered')
    .where('respond_by', '<', now)
    .orderBy('respond_by')
    .limit(500)
    .execute()
}

/** An advocate's offers waiting and people they are working with, soonest meeting first. */
export async function allocationsOfAdvocate(db: Queryable, authorityId: string, advocateId: string) {
  return db
    .selectFrom('allocation')
    .innerJoin('referral', 'referral.id', 'allocation.referral_id')
    .leftJoin('person', 'person.id', 'referral.person_id')
    .leftJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .select([
      'allocation.id',
      'allocation.referral_id',
      'allocation.status',
      'allocation.respond_by',
      'referral.reference',
      'person.given_name',
      'person.family_name',
      'meeting.type as meeting_type',
      'meeting.meeting_date',
      'meeting.meeting_time',
    ])
    .where('allocation.authority_id', '=', authorityId)
    .where('allocation.advocate_id', '=', advocateId)
    .where('allocation.status', 'in', ['offered', 'accepted'])
    .orderBy('meeting.meeting_date')
    .execute()
}

/**
 * Locks an advocate's row for an offer, so two admins offering at the same moment cannot take them
 * past their capacity. (A read of the pool's table: only the pool writes it.)
 */
export async function lockAdvocateForOffer(db: Queryable, authorityId: string, advocateId: string) {
  return db
    .selectFrom('advocate')
    .select(['id', 'given_name', 'family_name'])
    .where('authority_id', '=', authorityId)
    .where('id', '=', advocateId)
    .forUpdate()
    .executeTakeFirst()
}

/** A local service to triage to. (A read of the local services' table: only that feature writes it.) */
export async function findLocalService(db: Queryable, authorityId: string, localServiceId: string) {
  return db
    .selectFrom('local_service')
    .select(['id', 'name', 'languages', 'active'])
    .where('authority_id', '=', authorityId)
    .where('id', '=', localServiceId)
    .executeTakeFirst()
}

/** The advocate record linked to a sign-in. (A read of the pool's table: only the pool writes it.) */
export async function advocateOfUser(db: Queryable, authorityId: string, userId: string) {
  return db
    .selectFrom('advocate')
    .select(['id', 'given_name', 'family_name'])
    .where('authority_id', '=', authorityId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}
