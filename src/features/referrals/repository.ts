import { sql } from 'kysely'
import type { NewRow, Queryable, Row } from '../../platform/db/schema.ts'
import { textArray } from '../../platform/db/text-array.ts'
import type { MeetingType, ReferralState } from '../../vocabulary/referrals.ts'

/** Every query names the authority: one deployment can serve many, and none sees another's. */

export async function allocateReference(db: Queryable, authorityId: string): Promise<string> {
  const row = await db
    .updateTable('authority')
    .set({ next_reference: sql<number>`next_reference + 1` })
    .where('id', '=', authorityId)
    .returning(['reference_prefix', sql<number>`next_reference - 1`.as('number')])
    .executeTakeFirstOrThrow()
  return `${row.reference_prefix}-${String(row.number).padStart(5, '0')}`
}

export async function insertReferral(db: Queryable, referral: NewRow<'referral'>): Promise<string> {
  const row = await db.insertInto('referral').values(referral).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('section_one').values({ referral_id: row.id, authority_id: referral.authority_id }).execute()
  return row.id
}

/** The referral with the names around it, or undefined. `forUpdate` locks it for a change. */
export async function findReferral(db: Queryable, authorityId: string, referralId: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('referral').selectAll('referral').where('referral.authority_id', '=', authorityId).where('referral.id', '=', referralId)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export type ReferralRow = Row<'referral'>

export async function userNames(db: Queryable, authorityId: string, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)]
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('authority_id', '=', authorityId).where('id', 'in', ids).execute()
  return new Map(rows.map((row) => [row.id, row.display_name]))
}

export async function teamName(db: Queryable, authorityId: string, teamId: string): Promise<string | undefined> {
  const row = await db.selectFrom('team').select('name').where('authority_id', '=', authorityId).where('id', '=', teamId).executeTakeFirst()
  return row?.name
}

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

export async function findPersonSummary(db: Queryable, authorityId: string, personId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name', 'date_of_birth', 'gender', 'pronouns', 'external_id', 'family_group_id', 'created_by'])
    .where('authority_id', '=', authorityId)
    .where('id', '=', personId)
    .executeTakeFirst()
}

export async function findMeeting(db: Queryable, authorityId: string, meetingId: string) {
  return db.selectFrom('meeting').selectAll().where('authority_id', '=', authorityId).where('id', '=', meetingId).executeTakeFirst()
}

export async function insertMeeting(db: Queryable, meeting: NewRow<'meeting'>): Promise<string> {
  const row = await db.insertInto('meeting').values(meeting).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Saves the meeting if nobody changed it since `version`; false when someone did. */
export async function updateMeeting(
  db: Queryable,
  authorityId: string,
  meetingId: string,
  version: number,
  change: { type: MeetingType; type_other: string | null; meeting_date: string; meeting_time: string | null; venue: string | null; updated_at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('meeting')
    .set({ ...change, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('id', '=', meetingId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function referralChildren(db: Queryable, authorityId: string, referralId: string) {
  return db
    .selectFrom('referral_child')
    .innerJoin('person', 'person.id', 'referral_child.person_id')
    .select(['person.id', 'person.given_name', 'person.family_name', 'person.date_of_birth', 'person.gender'])
    .where('referral_child.authority_id', '=', authorityId)
    .where('referral_child.referral_id', '=', referralId)
    .orderBy('person.date_of_birth')
    .orderBy('person.given_name')
    .execute()
}

export async function replaceChildren(db: Queryable, authorityId: string, referralId: string, personIds: readonly string[]): Promise<void> {
  await db.deleteFrom('referral_child').where('authority_id', '=', authorityId).where('referral_id', '=', referralId).execute()
  if (personIds.length === 0) return
  await db
    .insertInto('referral_child')
    .values(personIds.map((personId) => ({ authority_id: authorityId, referral_id: referralId, person_id: personId })))
    .execute()
}

export async function addChild(db: Queryable, authorityId: string, referralId: string, personId: string): Promise<void> {
  await db
    .insertInto('referral_child')
    .values({ authority_id: authorityId, referral_id: referralId, person_id: personId })
    .onConflict((conflict) => conflict.doNothing())
    .execute()
}

/** Changes to the referral's own row; `expectedState` guards against a step taken meanwhile. */
export async function updateReferral(
  db: Queryable,
  authorityId: string,
  referralId: string,
  expectedState: ReferralState,
  change: Partial<Omit<Row<'referral'>, 'id' | 'authority_id' | 'version' | 'created_at'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('referral')
    .set({ ...change, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('id', '=', referralId)
    .where('state', '=', expectedState)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function findSectionOne(db: Queryable, authorityId: string, referralId: string) {
  return db.selectFrom('section_one').selectAll().where('authority_id', '=', authorityId).where('referral_id', '=', referralId).executeTakeFirst()
}

export type SectionOneRow = Row<'section_one'>

export type SectionOneChange = Omit<NewRow<'section_one'>, 'referral_id' | 'authority_id' | 'version' | 'updated_at' | 'updated_by'>

/** Saves Section 1 if nobody changed it since `version`; false when someone did. */
export async function updateSectionOne(
  db: Queryable,
  authorityId: string,
  referralId: string,
  version: number,
  change: SectionOneChange,
  by: { userId: string; now: Date },
): Promise<boolean> {
  const { preferred_languages: languages, adjustments, ...rest } = change
  const result = await db
    .updateTable('section_one')
    .set({
      ...rest,
      ...(languages ? { preferred_languages: textArray(languages) } : {}),
      ...(adjustments ? { adjustments: textArray(adjustments) } : {}),
      updated_by: by.userId,
      updated_at: by.now,
      version: sql<number>`version + 1`,
    })
    .where('authority_id', '=', authorityId)
    .where('referral_id', '=', referralId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

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

export async function insertEvent(db: Queryable, event: NewRow<'referral_event'>): Promise<void> {
  await db.insertInto('referral_event').values(event).execute()
}

export async function listEvents(db: Queryable, authorityId: string, referralId: string) {
  return db
    .selectFrom('referral_event')
    .leftJoin('app_user', 'app_user.id', 'referral_event.actor_id')
    .select([
      'referral_event.id',
      'referral_event.event',
      'referral_event.at',
      'referral_event.note',
      'referral_event.to_state',
      'app_user.display_name as actor_name',
    ])
    .where('referral_event.authority_id', '=', authorityId)
    .where('referral_event.referral_id', '=', referralId)
    .orderBy('referral_event.id', 'desc')
    .execute()
}

/** The person's referrals with who made them: the service decides which the user may see. */
export async function referralsOfPerson(db: Queryable, authorityId: string, personId: string) {
  return db
    .selectFrom('referral')
    .leftJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .select([
      'referral.id',
      'referral.reference',
      'referral.state',
      'referral.referrer_id',
      'referral.created_at',
      'meeting.type as meeting_type',
      'meeting.meeting_date',
    ])
    .where('referral.authority_id', '=', authorityId)
    .where('referral.person_id', '=', personId)
    .orderBy('referral.created_at', 'desc')
    .execute()
}

/** A referral's allocations, with who each is with: an advocate, or a local service. */
function allocationsOfReferral(db: Queryable, authorityId: string, referralId: string) {
  return db
    .selectFrom('allocation')
    .leftJoin('advocate', 'advocate.id', 'allocation.advocate_id')
    .leftJoin('local_service', 'local_service.id', 'allocation.local_service_id')
    .where('allocation.authority_id', '=', authorityId)
    .where('allocation.referral_id', '=', referralId)
}

/** The allocation a referral has now (an offer waiting, an advocate, or a local service), if any. */
export async function currentAllocation(db: Queryable, authorityId: string, referralId: string) {
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
    .executeTakeFirst()
}

/** Every allocation a referral has had, newest first: offers declined or lapsed, changes of advocate. */
export async function allocationHistory(db: Queryable, authorityId: string, referralId: string) {
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
    .execute()
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

/** Advocates working with another adult of the same family now (offers included). */
export async function advocatesOfOtherParents(db: Queryable, authorityId: string, familyGroupId: string, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('allocation')
    .innerJoin('referral', 'referral.id', 'allocation.referral_id')
    .innerJoin('person', 'person.id', 'referral.person_id')
    .select('allocation.advocate_id')
    .distinct()
    .where('allocation.authority_id', '=', authorityId)
    .where('person.family_group_id', '=', familyGroupId)
    .where('person.id', '!=', personId)
    .where('allocation.status', 'in', ['offered', 'accepted'])
    .where('allocation.advocate_id', 'is not', null)
    .execute()
  return rows.flatMap((row) => (row.advocate_id ? [row.advocate_id] : []))
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
  return rows.flatMap((row) => (row.advocate_id ? [row.advocate_id] : []))
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
  return rows.flatMap((row) => (row.advocate_id ? [row.advocate_id] : []))
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
