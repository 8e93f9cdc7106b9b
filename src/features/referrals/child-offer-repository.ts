import { sql, type Expression, type ExpressionBuilder } from 'kysely'
import { hasAtLeast } from '../../platform/db/at-least.ts'
import type { Queryable, Schema } from '../../platform/db/schema.ts'
import { textArray } from '../../platform/db/text-array.ts'
import type { ChildAnswerer, ChildCommunication, ChildNeed, ChildOfferAnswer } from '../../vocabulary/children.ts'

/** Children offered an advocate of their own, per conference (migration 0023, ADR 29): the SQL alone. */

const columns = [
  'id',
  'person_id',
  'answer',
  'who_answered',
  'speaker_name',
  'speaker_relationship',
  'reason',
  'communicates',
  'needs',
  'needs_detail',
  'answered_by',
  'answered_at',
  'updated_at',
  'version',
  'child_referral_id',
] as const

/** Every child's offer recorded for a meeting, with the reference of the child's own referral once it is started. */
export async function offersForMeeting(db: Queryable, authorityId: string, meetingId: string) {
  return offersForMeetingQuery(db, authorityId, meetingId).execute()
}

/**
 * `offersForMeeting`'s query. `meetingId` is an id, or the column of a query it is read inside (the
 * referral's page reads the offers with the referral).
 */
export function offersForMeetingQuery(db: Queryable, authorityId: string, meetingId: string | Expression<string | null>) {
  return db
    .selectFrom('child_advocacy_offer')
    .leftJoin('referral as child_referral', 'child_referral.id', 'child_advocacy_offer.child_referral_id')
    .select(columns.map((column) => `child_advocacy_offer.${column}` as const))
    .select('child_referral.reference as child_referral_reference')
    .where('child_advocacy_offer.authority_id', '=', authorityId)
    .where('child_advocacy_offer.meeting_id', '=', meetingId)
}

/** One child's offer for a meeting, if anything has been recorded of it. */
export async function findOffer(db: Queryable, authorityId: string, meetingId: string, personId: string) {
  const rows = await offersForMeeting(db, authorityId, meetingId)
  return rows.find((row) => row.person_id === personId)
}

/** The offer a child's own referral was started from (ADR 30), with the conference it was made for. */
export async function offerOfChildReferral(db: Queryable, authorityId: string, childReferralId: string) {
  return db
    .selectFrom('child_advocacy_offer')
    .innerJoin('meeting', 'meeting.id', 'child_advocacy_offer.meeting_id')
    .select(['child_advocacy_offer.id', 'meeting.type as meeting_type', 'meeting.meeting_date'])
    .where('child_advocacy_offer.authority_id', '=', authorityId)
    .where('child_advocacy_offer.child_referral_id', '=', childReferralId)
    .executeTakeFirst()
}

/**
 * Names the child's own referral on an accepted offer, only if the offer is still the version read
 * and names none yet: false when someone else started it, or changed the offer, first.
 */
export async function linkChildReferral(db: Queryable, authorityId: string, offerId: string, version: number, childReferralId: string, now: Date) {
  const result = await db
    .updateTable('child_advocacy_offer')
    .set({ child_referral_id: childReferralId, updated_at: now, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('id', '=', offerId)
    .where('version', '=', version)
    .where('answer', '=', 'accepted')
    .where('child_referral_id', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export interface OfferChange {
  readonly answer: ChildOfferAnswer
  readonly who_answered: ChildAnswerer | null
  readonly speaker_name: string | null
  readonly speaker_relationship: string | null
  readonly reason: string | null
  readonly communicates: readonly ChildCommunication[]
  readonly needs: readonly ChildNeed[]
  readonly needs_detail: string | null
  readonly answered_by: string
  readonly answered_at: Date
}

function row(change: OfferChange) {
  return { ...change, communicates: textArray(change.communicates), needs: textArray(change.needs) }
}

/**
 * Records a child's offer over the version read: version 0 makes the row (unless someone made it
 * first), any other updates it only if it is still that version. False when someone saved it since.
 */
export async function saveOffer(
  db: Queryable,
  key: { authorityId: string; meetingId: string; personId: string },
  version: number,
  change: OfferChange,
  now: Date,
): Promise<boolean> {
  if (version === 0) {
    const added = await db
      .insertInto('child_advocacy_offer')
      .values({ authority_id: key.authorityId, meeting_id: key.meetingId, person_id: key.personId, ...row(change), created_at: now, updated_at: now })
      .onConflict((conflict) => conflict.columns(['meeting_id', 'person_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    return added !== undefined
  }
  const result = await db
    .updateTable('child_advocacy_offer')
    .set({ ...row(change), updated_at: now, version: sql<number>`version + 1` })
    .where('authority_id', '=', key.authorityId)
    .where('meeting_id', '=', key.meetingId)
    .where('person_id', '=', key.personId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/**
 * From this many offers still to refer in an authority, their page is found by reading its meetings
 * in date order rather than by reading every offer. PostgreSQL cannot tell which is cheaper: it
 * judges how many offers have a referral on their meeting from every authority's meetings, so it
 * guessed 26 where there were 4,006 and read all of them (national bench, 37 to 124 ms; in date
 * order, 3 ms). Where offers to refer are few, reading them all is the cheaper: in date order, a
 * page of few would read every meeting the authority has had.
 */
export const READ_IN_MEETING_ORDER_FROM = 500

/** Whether the authority has at least `count` accepted offers still to refer (the partial index alone, migration 0026). */
function toReferAtLeast(db: Queryable, authorityId: string, count: number): Promise<boolean> {
  return hasAtLeast(
    db,
    db
      .selectFrom('child_advocacy_offer')
      .select('child_advocacy_offer.meeting_id')
      .where('child_advocacy_offer.authority_id', '=', authorityId)
      .where('child_advocacy_offer.answer', '=', 'accepted')
      .where('child_advocacy_offer.child_referral_id', 'is', null),
    count,
  )
}

/**
 * Accepted offers whose child's own referral is not started yet (the advocacy admins' "My team's
 * work"), the soonest conference first, with the parent's referral the offer was made on. The page
 * of offers is chosen first, and only its rows are joined to their referral and child: an authority
 * with years of offers read and joined every one of them to keep fifty. The page is chosen in one
 * of two ways that find the same offers (`READ_IN_MEETING_ORDER_FROM`): from the partial index of
 * offers still to refer (migration 0026), or from the authority's meetings in date order (migration
 * 0028), each meeting's offers looked up as it is read.
 */
export async function acceptedNotReferred(db: Queryable, authorityId: string, limit: number, readInMeetingOrderFrom = READ_IN_MEETING_ORDER_FROM) {
  const stillToRefer = (eb: ExpressionBuilder<Schema, 'child_advocacy_offer'>) =>
    eb.and([
      eb('child_advocacy_offer.authority_id', '=', authorityId),
      eb('child_advocacy_offer.answer', '=', 'accepted'),
      eb('child_advocacy_offer.child_referral_id', 'is', null),
      eb.exists(
        eb
          .selectFrom('referral')
          .select('referral.id')
          .whereRef('referral.meeting_id', '=', 'child_advocacy_offer.meeting_id')
          .where('referral.authority_id', '=', authorityId),
      ),
    ])
  const inMeetingOrder = await toReferAtLeast(db, authorityId, readInMeetingOrderFrom)
  const page = inMeetingOrder
    ? db
        .selectFrom('meeting')
        .innerJoinLateral(
          (eb) =>
            eb
              .selectFrom('child_advocacy_offer')
              .select('child_advocacy_offer.id')
              .whereRef('child_advocacy_offer.meeting_id', '=', 'meeting.id')
              .where(stillToRefer)
              // An offset keeps the lookup apart, so it is made as each meeting is read, in date order.
              .offset(sql.lit(0))
              .as('offer'),
          (join) => join.onTrue(),
        )
        .select(['offer.id as page_id', 'meeting.meeting_date as page_date'])
        .where('meeting.authority_id', '=', authorityId)
        .orderBy('meeting.meeting_date')
        .orderBy('offer.id')
        .limit(limit)
    : db
        .selectFrom('child_advocacy_offer')
        .innerJoin('meeting', 'meeting.id', 'child_advocacy_offer.meeting_id')
        .select(['child_advocacy_offer.id as page_id', 'meeting.meeting_date as page_date'])
        .where('meeting.authority_id', '=', authorityId)
        .where(stillToRefer)
        .orderBy('meeting.meeting_date')
        .orderBy('child_advocacy_offer.id')
        .limit(limit)
  return db
    .selectFrom(page.as('page'))
    .innerJoin('child_advocacy_offer', 'child_advocacy_offer.id', 'page.page_id')
    .innerJoin('referral', (join) => join.onRef('referral.meeting_id', '=', 'child_advocacy_offer.meeting_id').on('referral.authority_id', '=', authorityId))
    .innerJoin('person', 'person.id', 'child_advocacy_offer.person_id')
    .select([
      'child_advocacy_offer.id',
      'child_advocacy_offer.person_id',
      'child_advocacy_offer.answered_at',
      'referral.id as referral_id',
      'referral.reference',
      'page.page_date as meeting_date',
      'person.given_name',
      'person.family_name',
    ])
    .orderBy('page.page_date')
    .orderBy('page.page_id')
    .limit(limit)
    .execute()
}
