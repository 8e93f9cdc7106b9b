import { sql, type ExpressionBuilder } from 'kysely'
import { hasAtLeast } from '../../platform/db/at-least.ts'
import type { Queryable, Schema } from '../../platform/db/schema.ts'
import type { GuessCount } from '../family/throttle.ts'

/**
 * Answering later: the feedback feature's cards (`feedback_card`) and the count of card codes that
 * opened nothing (`feedback_card_guess`); and what it reads, in joins, of the referrals whose
 * person chose to answer later: their meeting, their advocate, and (for the one reminder) the
 * family's choice of reminders, which the family feature owns.
 */

/** The referral a family session opens, with its meeting and what the person chose about it. */
export async function familyFeedbackOf(db: Queryable, authorityId: string, referralId: string) {
  return db
    .selectFrom('referral')
    .innerJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .leftJoin('feedback_request', 'feedback_request.referral_id', 'referral.id')
    .select([
      'referral.id',
      'meeting.id as meeting_id',
      'meeting.type as meeting_type',
      'meeting.meeting_date',
      'feedback_request.state',
      'feedback_request.meeting_id as request_meeting_id',
      'feedback_request.changed_at',
    ])
    .where('referral.authority_id', '=', authorityId)
    .where('referral.id', '=', referralId)
    .where('referral.sent_at', 'is not', null)
    .executeTakeFirst()
}

export async function issueCard(
  db: Queryable,
  card: { codeHash: string; authorityId: string; referralId: string; meetingId: string; opensOn: string; expiresAt: Date; issuedBy: string; at: Date },
): Promise<void> {
  await db
    .insertInto('feedback_card')
    .values({
      code_hash: card.codeHash,
      authority_id: card.authorityId,
      referral_id: card.referralId,
      meeting_id: card.meetingId,
      opens_on: card.opensOn,
      expires_at: card.expiresAt,
      issued_by: card.issuedBy,
      issued_at: card.at,
    })
    .execute()
}

/** Revokes a referral's cards still working; says how many. */
export async function revokeCards(db: Queryable, referralId: string, by: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('feedback_card')
    .set({ revoked_at: now, revoked_by: by })
    .where('referral_id', '=', referralId)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** A referral's cards still working, newest first. */
export async function liveCardsOf(db: Queryable, referralId: string, now: Date) {
  return db
    .selectFrom('feedback_card')
    .innerJoin('app_user', 'app_user.id', 'feedback_card.issued_by')
    .select(['feedback_card.opens_on', 'feedback_card.expires_at', 'feedback_card.issued_at', 'app_user.display_name as issued_by_name'])
    .where('feedback_card.referral_id', '=', referralId)
    .where('feedback_card.revoked_at', 'is', null)
    .where('feedback_card.used_at', 'is', null)
    .where('feedback_card.expires_at', '>', now)
    .orderBy('feedback_card.issued_at', 'desc')
    .execute()
}

/** A card by its code's hash, with its referral's meeting now and what the person chose; locked in a transaction when `lock`. */
export async function cardBy(db: Queryable, codeHash: string, lock = false) {
  const query = db
    .selectFrom('feedback_card')
    .innerJoin('referral', 'referral.id', 'feedback_card.referral_id')
    .innerJoin('meeting', 'meeting.id', 'feedback_card.meeting_id')
    .leftJoin('feedback_request', 'feedback_request.referral_id', 'feedback_card.referral_id')
    .select([
      'feedback_card.id',
      'feedback_card.authority_id',
      'feedback_card.referral_id',
      'feedback_card.meeting_id',
      'feedback_card.opens_on',
      'feedback_card.expires_at',
      'feedback_card.revoked_at',
      'feedback_card.used_at',
      'meeting.meeting_date',
      'referral.meeting_id as current_meeting_id',
      'feedback_request.state',
      'feedback_request.meeting_id as request_meeting_id',
    ])
    .where('feedback_card.code_hash', '=', codeHash)
  return lock ? query.forUpdate('feedback_card').executeTakeFirst() : query.executeTakeFirst()
}

export async function markCardUsed(db: Queryable, cardId: string, now: Date): Promise<void> {
  await db.updateTable('feedback_card').set({ used_at: now }).where('id', '=', cardId).execute()
}

/** Locks (making it if need be) the count of codes that opened nothing from one address, and reads it. */
export async function lockGuessCount(trx: Queryable, address: string): Promise<GuessCount | undefined> {
  await trx
    .insertInto('feedback_card_guess')
    .values({ address, failures: 0, wait_until: new Date(0), last_failure_at: new Date(0) })
    .onConflict((conflict) => conflict.column('address').doNothing())
    .execute()
  const row = await trx
    .selectFrom('feedback_card_guess')
    .select(['failures', 'wait_until', 'last_failure_at'])
    .where('address', '=', address)
    .forUpdate()
    .executeTakeFirst()
  return row && row.failures > 0 ? { failures: row.failures, waitUntil: row.wait_until, lastFailureAt: row.last_failure_at } : undefined
}

export async function saveGuessCount(trx: Queryable, address: string, count: GuessCount): Promise<void> {
  await trx
    .updateTable('feedback_card_guess')
    .set({ failures: count.failures, wait_until: count.waitUntil, last_failure_at: count.lastFailureAt })
    .where('address', '=', address)
    .execute()
}

export async function forgetGuessCountsBefore(db: Queryable, before: Date): Promise<number> {
  const result = await db.deleteFrom('feedback_card_guess').where('last_failure_at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * From this many requests waiting in an authority, the service's list is read from the authority's
 * meetings in date order, each meeting's requests looked up as it is read; below it, from the
 * requests waiting (the partial index, migration 0029). PostgreSQL cannot tell which is cheaper (it
 * judges the join from every authority's meetings), and each is far the slower where the other fits:
 * 539 waiting on the national bench, 7,420 on the embedded one. An advocate's own are always few.
 */
export const READ_IN_MEETING_ORDER_FROM = 500

/**
 * Referrals whose person chose to answer later about their meeting, and has not yet: for the
 * advocate working with them (`advocateUserId`), or for the whole service. Oldest meeting first.
 *
 * Read in the meetings' date order, a page at a time, and only a page: an authority has thousands
 * waiting from years of meetings. A request waits only for the referral's meeting it was made for;
 * one left from an earlier meeting is read and passed over here, as the database cannot tell in
 * advance how many of those there are.
 */
export async function feedbackWaiting(
  db: Queryable,
  authorityId: string,
  owner: { advocateUserId: string } | { service: true },
  limit: number,
  readInMeetingOrderFrom = READ_IN_MEETING_ORDER_FROM,
) {
  const inMeetingOrder = 'service' in owner && (await waitingAtLeast(db, authorityId, readInMeetingOrderFrom))
  const found: Awaited<ReturnType<typeof waitingAfter>> = []
  let after: { meetingDate: string; reference: string } | null = null
  for (;;) {
    const page = await waitingAfter(db, authorityId, owner, after, limit, inMeetingOrder)
    found.push(...page.filter((row) => row.for_its_meeting))
    const last = page.at(-1)
    if (found.length >= limit || page.length < limit || !last) break
    after = { meetingDate: last.meeting_date, reference: last.reference }
  }
  return found.slice(0, limit).map(({ for_its_meeting: _, ...row }) => row)
}

/** Whether the authority has at least `count` requests waiting (the partial index alone). */
function waitingAtLeast(db: Queryable, authorityId: string, count: number): Promise<boolean> {
  return hasAtLeast(
    db,
    db
      .selectFrom('feedback_request')
      .select('feedback_request.meeting_id')
      .where('feedback_request.authority_id', '=', authorityId)
      .where('feedback_request.state', '=', 'later'),
    count,
  )
}

/**
 * One page of requests waiting, in date order, after the last one read. The page's requests are
 * chosen with their meetings' dates alone, every request of the last date kept (`with ties`), and
 * only those are joined to their referral and person to be put in reference order: the national
 * bench's busiest authority had 539 waiting, each joined to three tables to keep fifty (16 ms).
 * After a page, a request on its last date is looked up in the referrals to compare references.
 */
function waitingAfter(
  db: Queryable,
  authorityId: string,
  owner: { advocateUserId: string } | { service: true },
  after: { meetingDate: string; reference: string } | null,
  limit: number,
  inMeetingOrder: boolean,
) {
  const waiting = (eb: ExpressionBuilder<Schema, 'feedback_request' | 'meeting'>) =>
    eb.and([
      eb('feedback_request.authority_id', '=', authorityId),
      eb('feedback_request.state', '=', 'later'),
      ...(after
        ? [
            eb.or([
              eb('meeting.meeting_date', '>', after.meetingDate),
              eb.and([
                eb('meeting.meeting_date', '=', after.meetingDate),
                eb.exists(
                  eb
                    .selectFrom('referral')
                    .select('referral.id')
                    .whereRef('referral.id', '=', 'feedback_request.referral_id')
                    .where('referral.reference', '>', after.reference),
                ),
              ]),
            ]),
          ]
        : []),
      ...('advocateUserId' in owner
        ? [
            eb.exists(
              eb
                .selectFrom('allocation')
                .innerJoin('advocate', 'advocate.id', 'allocation.advocate_id')
                .select('allocation.id')
                .whereRef('allocation.referral_id', '=', 'feedback_request.referral_id')
                .where('allocation.status', '=', 'accepted')
                .where('advocate.user_id', '=', owner.advocateUserId),
            ),
          ]
        : []),
    ])
  const page = inMeetingOrder
    ? db
        .selectFrom('meeting')
        .innerJoinLateral(
          (eb) =>
            eb
              .selectFrom('feedback_request')
              .select(['feedback_request.referral_id', 'feedback_request.meeting_id', 'feedback_request.changed_at'])
              .whereRef('feedback_request.meeting_id', '=', 'meeting.id')
              .where(waiting)
              // An offset keeps the lookup apart, so it is made as each meeting is read, in date order.
              .offset(sql.lit(0))
              .as('request'),
          (join) => join.onTrue(),
        )
        .select(['request.referral_id', 'request.meeting_id as request_meeting_id', 'request.changed_at', 'meeting.meeting_date'])
        .where('meeting.authority_id', '=', authorityId)
        .orderBy('meeting.meeting_date')
        .fetch(limit, 'with ties')
    : db
        .selectFrom('feedback_request')
        .innerJoin('meeting', 'meeting.id', 'feedback_request.meeting_id')
        .select(['feedback_request.referral_id', 'feedback_request.meeting_id as request_meeting_id', 'feedback_request.changed_at', 'meeting.meeting_date'])
        .where('meeting.authority_id', '=', authorityId)
        .where(waiting)
        .orderBy('meeting.meeting_date')
        .fetch(limit, 'with ties')
  return db
    .selectFrom(page.as('page'))
    .innerJoin('referral', 'referral.id', 'page.referral_id')
    .leftJoin('person', 'person.id', 'referral.person_id')
    .select([
      'referral.id',
      'referral.reference',
      'person.given_name',
      'person.family_name',
      'page.meeting_date',
      'page.changed_at',
      sql<boolean>`referral.meeting_id is not distinct from page.request_meeting_id`.as('for_its_meeting'),
    ])
    .orderBy('page.meeting_date')
    .orderBy('referral.reference')
    .limit(limit)
    .execute()
}

/**
 * Feedback that waits, from meetings held from `from` to `to` (UK days), whose person wants
 * reminders (the family's choice, read in a join), in every authority: what the reminder job sends.
 */
export async function feedbackToRemind(db: Queryable, from: string, to: string) {
  return db
    .selectFrom('feedback_request')
    .innerJoin('referral', 'referral.id', 'feedback_request.referral_id')
    .innerJoin('meeting', 'meeting.id', 'feedback_request.meeting_id')
    .innerJoin('family_reminder_choice', 'family_reminder_choice.referral_id', 'referral.id')
    .leftJoin('section_one', 'section_one.referral_id', 'referral.id')
    .select([
      'referral.id as referral_id',
      'referral.authority_id',
      'meeting.id as meeting_id',
      'meeting.meeting_date',
      'family_reminder_choice.channel',
      'family_reminder_choice.address',
      'section_one.preferred_languages',
    ])
    .where('feedback_request.state', '=', 'later')
    .whereRef('feedback_request.meeting_id', '=', 'referral.meeting_id')
    .where('family_reminder_choice.wants_reminders', '=', true)
    .where('meeting.meeting_date', '>=', from)
    .where('meeting.meeting_date', '<=', to)
    .orderBy('meeting.meeting_date')
    .execute()
}

/** Whether feedback still waits for this referral's meeting, under a lock (the reminder job's re-check). */
export async function stillWaiting(trx: Queryable, referralId: string, meetingId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('feedback_request')
    .select('state')
    .where('referral_id', '=', referralId)
    .where('meeting_id', '=', meetingId)
    .forUpdate()
    .executeTakeFirst()
  return row?.state === 'later'
}
