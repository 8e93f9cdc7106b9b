import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'
import { textArray } from '../../platform/db/text-array.ts'
import type { Answers, Channel, FeedbackState } from './questionnaire.ts'

/**
 * The feedback feature's tables (`feedback_request`, `feedback_response`, `feedback_kiosk`), and
 * what it reads of a referral to ask about its meeting: the referral, its person, its meeting and
 * its advocate (read in joins, written only by their owners).
 */

/** The referral and its meeting, with whether its advocate is this user. */
export async function referralForFeedback(db: Queryable, authorityId: string, referralId: string, userId: string) {
  return db
    .selectFrom('referral')
    .innerJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .leftJoin('person', 'person.id', 'referral.person_id')
    .select([
      'referral.id',
      'referral.reference',
      'referral.sent_at',
      'referral.person_id',
      'meeting.id as meeting_id',
      'meeting.type as meeting_type',
      'meeting.meeting_date',
      'person.given_name',
      'person.family_name',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('allocation')
              .innerJoin('advocate', 'advocate.id', 'allocation.advocate_id')
              .select('allocation.id')
              .whereRef('allocation.referral_id', '=', 'referral.id')
              .where('allocation.status', '=', 'accepted')
              .where('advocate.user_id', '=', userId),
          )
          .as('is_their_advocate'),
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('allocation')
              .select('allocation.id')
              .whereRef('allocation.referral_id', '=', 'referral.id')
              .where('allocation.status', '=', 'accepted'),
          )
          .as('has_advocate'),
    ])
    .where('referral.authority_id', '=', authorityId)
    .where('referral.id', '=', referralId)
    .executeTakeFirst()
}

export async function requestOf(db: Queryable, referralId: string) {
  return db
    .selectFrom('feedback_request')
    .leftJoin('app_user', 'app_user.id', 'feedback_request.changed_by')
    .select([
      'feedback_request.state',
      'feedback_request.meeting_id',
      'feedback_request.changed_at',
      'feedback_request.version',
      'app_user.display_name as changed_by_name',
    ])
    .where('feedback_request.referral_id', '=', referralId)
    .executeTakeFirst()
}

/** Locks the referral's request, if there is one, until the transaction ends. */
export async function lockRequest(db: Queryable, referralId: string) {
  return db.selectFrom('feedback_request').select(['state', 'meeting_id', 'version']).where('referral_id', '=', referralId).forUpdate().executeTakeFirst()
}

/** Sets what the person chose; the version moves on. A request for an earlier meeting starts again. */
export async function setRequest(
  db: Queryable,
  request: { referralId: string; authorityId: string; meetingId: string; state: FeedbackState; changedBy: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('feedback_request')
    .values({
      referral_id: request.referralId,
      authority_id: request.authorityId,
      meeting_id: request.meetingId,
      state: request.state,
      changed_by: request.changedBy,
      changed_at: request.at,
    })
    .onConflict((conflict) =>
      conflict.column('referral_id').doUpdateSet({
        meeting_id: request.meetingId,
        state: request.state,
        changed_by: request.changedBy,
        changed_at: request.at,
        version: sql<number>`feedback_request.version + 1`,
      }),
    )
    .execute()
}

export async function addResponse(
  db: Queryable,
  response: {
    authorityId: string
    referralId: string
    meetingId: string
    channel: Channel
    language: string
    answers: Answers
    worryingWords: readonly string[]
    daysAfter: number
    enteredBy: string | null
    at: Date
  },
): Promise<string> {
  const { answers } = response
  const row = await db
    .insertInto('feedback_response')
    .values({
      authority_id: response.authorityId,
      referral_id: response.referralId,
      meeting_id: response.meetingId,
      channel: response.channel,
      language: response.language,
      listened: answers.listened,
      understood: answers.understood,
      advocate_helped: answers.advocateHelped,
      reports_in_time: answers.reportsInTime,
      chair_met_first: answers.chairMetFirst,
      better: answers.better,
      may_quote: answers.mayQuote,
      worrying_words: textArray(response.worryingWords),
      days_after: response.daysAfter,
      entered_by: response.enteredBy,
      given_at: response.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The responses about one referral's meeting: how and when, never shown to the family's other people. */
export async function responsesFor(db: Queryable, referralId: string, meetingId: string) {
  return db
    .selectFrom('feedback_response')
    .leftJoin('app_user', 'app_user.id', 'feedback_response.entered_by')
    .select(['feedback_response.channel', 'feedback_response.given_at', 'feedback_response.days_after', 'app_user.display_name as entered_by_name'])
    .where('feedback_response.referral_id', '=', referralId)
    .where('feedback_response.meeting_id', '=', meetingId)
    .orderBy('feedback_response.given_at')
    .execute()
}

export async function openKiosk(
  db: Queryable,
  kiosk: { tokenHash: string; authorityId: string; referralId: string; meetingId: string; openedBy: string; at: Date; closesAt: Date },
): Promise<void> {
  await db
    .insertInto('feedback_kiosk')
    .values({
      token_hash: kiosk.tokenHash,
      authority_id: kiosk.authorityId,
      referral_id: kiosk.referralId,
      meeting_id: kiosk.meetingId,
      opened_by: kiosk.openedBy,
      opened_at: kiosk.at,
      closes_at: kiosk.closesAt,
    })
    .execute()
}

/** A kiosk by its token's hash, while it is open. */
export async function openKioskBy(db: Queryable, tokenHash: string, now: Date) {
  return db
    .selectFrom('feedback_kiosk')
    .innerJoin('meeting', 'meeting.id', 'feedback_kiosk.meeting_id')
    .select(['feedback_kiosk.authority_id', 'feedback_kiosk.referral_id', 'feedback_kiosk.meeting_id', 'meeting.meeting_date', 'meeting.type as meeting_type'])
    .where('feedback_kiosk.token_hash', '=', tokenHash)
    .where('feedback_kiosk.closed_at', 'is', null)
    .where('feedback_kiosk.closes_at', '>', now)
    .executeTakeFirst()
}

export async function openKiosksFor(db: Queryable, referralId: string, now: Date) {
  return db
    .selectFrom('feedback_kiosk')
    .innerJoin('app_user', 'app_user.id', 'feedback_kiosk.opened_by')
    .select(['feedback_kiosk.opened_at', 'feedback_kiosk.closes_at', 'app_user.display_name as opened_by_name'])
    .where('feedback_kiosk.referral_id', '=', referralId)
    .where('feedback_kiosk.closed_at', 'is', null)
    .where('feedback_kiosk.closes_at', '>', now)
    .orderBy('feedback_kiosk.opened_at')
    .execute()
}

export async function closeKiosksFor(db: Queryable, referralId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('feedback_kiosk')
    .set({ closed_at: now })
    .where('referral_id', '=', referralId)
    .where('closed_at', 'is', null)
    .where('closes_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** An authority's responses given in a period: the answers, how and when, no words and no one. */
export async function responsesIn(db: Queryable, authorityId: string, from: Date, to: Date) {
  return db
    .selectFrom('feedback_response')
    .select([
      'channel',
      'listened',
      'understood',
      'advocate_helped',
      'reports_in_time',
      'chair_met_first',
      'days_after',
      sql<boolean>`better is not null`.as('has_words'),
      sql<boolean>`cardinality(worrying_words) > 0`.as('worrying'),
    ])
    .where('authority_id', '=', authorityId)
    .where('given_at', '>=', from)
    .where('given_at', '<=', to)
    .execute()
}

/** The free-text answers in a period, newest first, the worrying ones first of all. */
export async function wordsGiven(db: Queryable, authorityId: string, from: Date, to: Date, limit: number) {
  return db
    .selectFrom('feedback_response')
    .innerJoin('referral', 'referral.id', 'feedback_response.referral_id')
    .select([
      'feedback_response.id',
      'feedback_response.better',
      'feedback_response.worrying_words',
      'feedback_response.given_at',
      'feedback_response.channel',
      'feedback_response.language',
      'referral.id as referral_id',
      'referral.reference',
    ])
    .where('feedback_response.authority_id', '=', authorityId)
    .where('feedback_response.given_at', '>=', from)
    .where('feedback_response.given_at', '<=', to)
    .where('feedback_response.better', 'is not', null)
    .orderBy(sql`cardinality(feedback_response.worrying_words) > 0`, 'desc')
    .orderBy('feedback_response.given_at', 'desc')
    .limit(limit)
    .execute()
}
