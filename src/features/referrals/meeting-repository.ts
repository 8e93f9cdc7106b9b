import type { RecordedReadiness } from '../meetings/readiness.ts'
import { sql, type Selectable } from 'kysely'
import type { MeetingReadinessTable, NewRow, Queryable } from '../../platform/db/schema.ts'
import type { PreviousConference } from '../../vocabulary/meetings.ts'
import type { MeetingType, ReferralState } from '../../vocabulary/referrals.ts'

/** The meeting a referral is for. Every query names the authority. */

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
  change: {
    type?: MeetingType
    type_other?: string | null
    meeting_date: string
    meeting_time: string | null
    venue: string | null
    strategy_discussion_on?: string | null
    previous_conference_on?: string | null
    previous_conference?: PreviousConference | null
    conference_late_reason?: string | null
    updated_at: Date
  },
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

/** What is recorded of a meeting's readiness; undefined before anyone has recorded any. */
export async function findReadiness(db: Queryable, authorityId: string, meetingId: string) {
  return db.selectFrom('meeting_readiness').selectAll().where('authority_id', '=', authorityId).where('meeting_id', '=', meetingId).executeTakeFirst()
}

export type ReadinessChange = Partial<
  Pick<
    Selectable<MeetingReadinessTable>,
    | 'report_shared_on'
    | 'chair_met_on'
    | 'fgc_status'
    | 'fgc_why_not'
    | 'fgc_plan'
    | 'interpreter_booked'
    | 'interpreter_language'
    | 'adjustments_in_place'
    | 'advocate_met_on'
    | 'venue_confirmed'
    | 'asked_community_venue'
    | 'asked_another_time'
    | 'attended'
    | 'report_received_in_time'
    | 'chair_met_before'
  >
>

/**
 * Saves a meeting's readiness if nobody changed it since `version` (0: nobody had recorded any, and
 * the row is added, unless someone added it first). False when someone did.
 */
export async function saveReadiness(
  db: Queryable,
  authorityId: string,
  meetingId: string,
  version: number,
  change: ReadinessChange,
  by: { userId: string; now: Date },
): Promise<boolean> {
  if (version === 0) {
    const added = await db
      .insertInto('meeting_readiness')
      .values({ meeting_id: meetingId, authority_id: authorityId, ...change, updated_by: by.userId, created_at: by.now, updated_at: by.now })
      .onConflict((conflict) => conflict.column('meeting_id').doNothing())
      .returning('meeting_id')
      .executeTakeFirst()
    return added !== undefined
  }
  const result = await db
    .updateTable('meeting_readiness')
    .set({ ...change, updated_by: by.userId, updated_at: by.now, version: sql<number>`version + 1` })
    .where('authority_id', '=', authorityId)
    .where('meeting_id', '=', meetingId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/** What a listed meeting's readiness is worked out from: the meeting, Section 1's needs, and what is recorded. */
const readinessColumns = [
  'meeting.type as meeting_type',
  'meeting.meeting_date',
  'meeting.venue',
  'meeting.previous_conference_on',
  'section_one.interpreter_needed',
  'section_one.has_disability',
  'section_one.adjustments',
  'meeting_readiness.report_shared_on',
  'meeting_readiness.chair_met_on',
  'meeting_readiness.fgc_status',
  'meeting_readiness.interpreter_booked',
  'meeting_readiness.adjustments_in_place',
  'meeting_readiness.advocate_met_on',
  'meeting_readiness.venue_confirmed',
] as const

/** A listed meeting's readiness columns, as both lists read them. */
export interface ReadinessRow {
  readonly meeting_type: string
  readonly meeting_date: string
  readonly venue: string | null
  readonly previous_conference_on: string | null
  readonly interpreter_needed: boolean | null
  readonly has_disability: boolean | null
  readonly adjustments: readonly string[] | null
  readonly report_shared_on: string | null
  readonly chair_met_on: string | null
  readonly fgc_status: RecordedReadiness['fgcStatus']
  readonly interpreter_booked: boolean | null
  readonly adjustments_in_place: boolean | null
  readonly advocate_met_on: string | null
  readonly venue_confirmed: boolean | null
}

/** Whose worktray a list of meetings to get ready is for. */
export type ReadinessOwner = { readonly referrerId: string } | { readonly advocateUserId: string } | { readonly service: true }

/**
 * The meetings of open, sent referrals held between `from` and `to`, with what is recorded of their
 * readiness and what Section 1 says they need: for one referrer, one allocated advocate, or the
 * advocacy service. The worktray works out from these which items are outstanding.
 *
 * A page at a time, in the referrals' reference order, after `after`: a busy authority has hundreds
 * of meetings a day. The page's referrals are chosen first, from the meetings and referrals alone,
 * and only they are joined to their readiness, Section 1 and person.
 */
export async function meetingsToReady(
  db: Queryable,
  authorityId: string,
  owner: ReadinessOwner,
  openStates: readonly ReferralState[],
  window: { from: string; to: string },
  page: { after: string | null; limit: number },
) {
  let chosen = db
    .selectFrom('referral')
    .innerJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .select(['referral.id as page_id', 'referral.reference as page_reference'])
    .where('referral.authority_id', '=', authorityId)
    .where('meeting.authority_id', '=', authorityId)
    .where('referral.state', 'in', openStates)
    .where('referral.sent_at', 'is not', null)
    .where('meeting.meeting_date', '>=', window.from)
    .where('meeting.meeting_date', '<=', window.to)
  // References in the order of their characters' codes (collation "C"), the order the worktray compares them in.
  if (page.after !== null) chosen = chosen.where(sql<boolean>`referral.reference collate "C" > ${page.after}`)
  if ('referrerId' in owner) chosen = chosen.where('referral.referrer_id', '=', owner.referrerId)
  if ('advocateUserId' in owner)
    chosen = chosen.where((eb) =>
      eb.exists(
        eb
          .selectFrom('allocation')
          .innerJoin('advocate', 'advocate.id', 'allocation.advocate_id')
          .select('allocation.id')
          .whereRef('allocation.referral_id', '=', 'referral.id')
          .where('allocation.authority_id', '=', authorityId)
          .where('allocation.status', '=', 'accepted')
          .where('advocate.user_id', '=', owner.advocateUserId),
      ),
    )
  return db
    .selectFrom(
      chosen
        .orderBy(sql`referral.reference collate "C"`)
        .limit(page.limit)
        .as('page'),
    )
    .innerJoin('referral', 'referral.id', 'page.page_id')
    .innerJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .leftJoin('meeting_readiness', 'meeting_readiness.meeting_id', 'meeting.id')
    .leftJoin('section_one', 'section_one.referral_id', 'referral.id')
    .leftJoin('person', 'person.id', 'referral.person_id')
    .select(['referral.id', 'referral.reference', 'person.given_name', 'person.family_name', ...readinessColumns])
    .orderBy(sql`page.page_reference collate "C"`)
    .execute()
}

/**
 * Every authority's meetings of open, sent referrals held between `from` and `to`, with their
 * readiness, Section 1's needs, the referrer and the allocated advocate's sign-in: for the job that
 * tells people of readiness items that are late (notifications).
 */
export async function meetingsToReadyEverywhere(db: Queryable, openStates: readonly ReferralState[], window: { from: string; to: string }) {
  return db
    .selectFrom('referral')
    .innerJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .leftJoin('meeting_readiness', 'meeting_readiness.meeting_id', 'meeting.id')
    .leftJoin('section_one', 'section_one.referral_id', 'referral.id')
    .where('referral.state', 'in', openStates)
    .where('referral.sent_at', 'is not', null)
    .where('meeting.meeting_date', '>=', window.from)
    .where('meeting.meeting_date', '<=', window.to)
    .select([
      'referral.id',
      'referral.authority_id',
      'referral.reference',
      'referral.referrer_id',
      (eb) =>
        eb
          .selectFrom('allocation')
          .innerJoin('advocate', 'advocate.id', 'allocation.advocate_id')
          .select('advocate.user_id')
          .whereRef('allocation.referral_id', '=', 'referral.id')
          .where('allocation.status', '=', 'accepted')
          .limit(1)
          .as('advocate_user_id'),
      ...readinessColumns,
    ])
    .orderBy('meeting.meeting_date')
    .orderBy('referral.id')
    .limit(5_000)
    .execute()
}
