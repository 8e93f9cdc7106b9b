import { sql, type Compilable, type Expression, type InferResult } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import { rowFromJson, rowsFromJson, type Timestamps } from '../../platform/db/json-rows.ts'
import type { NewRow, Queryable, Row } from '../../platform/db/schema.ts'
import type { ReferralState } from '../../vocabulary/referrals.ts'
import { contactsQuery, viewsQuery } from './advocacy-record/advocacy-record-repository.ts'
import { allocationHistoryQuery, currentAllocationQuery } from './allocation/allocation-repository.ts'
import { offersForMeetingQuery } from './child-offer-repository.ts'

/**
 * The referrals feature's own tables: the referral (one workflow instance), the children it is for,
 * and its timeline. Every query names the authority: one deployment can serve many, and none sees
 * another's.
 */

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
  return row.id
}

/** The referral with the names around it, or undefined. `forUpdate` locks it for a change. */
export async function findReferral(db: Queryable, authorityId: string, referralId: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('referral').selectAll('referral').where('referral.authority_id', '=', authorityId).where('referral.id', '=', referralId)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export type ReferralRow = Row<'referral'>

/** The referral's person, as its page shows them. */
const personColumns = [
  'person.id',
  'person.kind',
  'person.given_name',
  'person.family_name',
  'person.date_of_birth',
  'person.gender',
  'person.pronouns',
  'person.external_id',
] as const

/** A row of what a query function's query reads. */
type ResultOf<Q extends (...args: never[]) => Compilable<unknown>> = InferResult<ReturnType<Q>>[number]

/** The timestamps of the records read beside a referral as JSON: the type checker keeps the lists whole. */
const timestamps: {
  readonly section_one: Timestamps<Row<'section_one'>>
  readonly decision: Timestamps<Row<'decision'>>
  readonly review: Timestamps<Row<'review'>>
  readonly meeting: Timestamps<Row<'meeting'>>
  readonly event: Timestamps<ResultOf<typeof listEventsQuery>>
  readonly allocation: Timestamps<ResultOf<typeof currentAllocationQuery>>
  readonly history: Timestamps<ResultOf<typeof allocationHistoryQuery>>
  readonly views: Timestamps<ResultOf<typeof viewsQuery>>
  readonly offer: Timestamps<ResultOf<typeof offersForMeetingQuery>>
} = {
  section_one: { updated_at: true },
  decision: { decided_at: true },
  review: { advocate_recorded_at: true, outcome_recorded_at: true, updated_at: true },
  meeting: { created_at: true, updated_at: true },
  event: { at: true },
  allocation: { offered_at: true, respond_by: true },
  history: { offered_at: true, respond_by: true, responded_at: true, ended_at: true },
  views: { shared_at: true, updated_at: true },
  offer: { answered_at: true, updated_at: true },
}

/**
 * The referral and everything its page shows of it, in one statement (issue 9): the records it has
 * one of (Section 1, the manager's decision, the review, the meeting, the person, their views, the
 * allocation it has now), its children, its timeline and the children's offers of an advocate for
 * its meeting; and, `withRecord`, the advocacy service's own: every allocation it has had and the
 * advocate's contacts. Each is as its own read gives it (`findSectionOne`'s row, `findDecision`,
 * `findReview`, `findMeeting`, `referralChildren`, `currentAllocation`, `findViews`,
 * `offersForMeeting`, `allocationHistory`, `contactsOf`; the timeline newest first), or undefined or
 * empty.
 */
export async function findReferralWithRecords(db: Queryable, authorityId: string, referralId: string, options: { readonly withRecord: boolean }) {
  const referral = sql.ref<string>('referral.id')
  const history = jsonArrayFrom(allocationHistoryQuery(db, authorityId, referral))
  const contacts = jsonArrayFrom(contactsQuery(db, authorityId, referral))
  const row = await db
    .selectFrom('referral')
    .selectAll('referral')
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('section_one')
          .selectAll('section_one')
          .whereRef('section_one.referral_id', '=', 'referral.id')
          .where('section_one.authority_id', '=', authorityId),
      ).as('section_one_json'),
      jsonObjectFrom(
        eb.selectFrom('decision').selectAll('decision').whereRef('decision.referral_id', '=', 'referral.id').where('decision.authority_id', '=', authorityId),
      ).as('decision_json'),
      jsonObjectFrom(
        eb.selectFrom('review').selectAll('review').whereRef('review.referral_id', '=', 'referral.id').where('review.authority_id', '=', authorityId),
      ).as('review_json'),
      jsonObjectFrom(
        eb.selectFrom('meeting').selectAll('meeting').whereRef('meeting.id', '=', 'referral.meeting_id').where('meeting.authority_id', '=', authorityId),
      ).as('meeting_json'),
      jsonObjectFrom(
        eb.selectFrom('person').select(personColumns).whereRef('person.id', '=', 'referral.person_id').where('person.authority_id', '=', authorityId),
      ).as('person_json'),
      jsonArrayFrom(referralChildrenQuery(db, authorityId, referral)).as('children_json'),
      jsonArrayFrom(listEventsQuery(db, authorityId, referral)).as('timeline_json'),
      jsonObjectFrom(currentAllocationQuery(db, authorityId, referral)).as('allocation_json'),
      jsonObjectFrom(viewsQuery(db, authorityId, referral)).as('views_json'),
      jsonArrayFrom(offersForMeetingQuery(db, authorityId, sql.ref<string | null>('referral.meeting_id'))).as('offers_json'),
      // Not read at all for anyone else: the advocacy record is the advocacy service's alone (ADR 7).
      (options.withRecord ? history : sql<never[]>`'[]'::json`).as('history_json'),
      (options.withRecord ? contacts : sql<never[]>`'[]'::json`).as('contacts_json'),
    ])
    .where('referral.authority_id', '=', authorityId)
    .where('referral.id', '=', referralId)
    .executeTakeFirst()
  if (!row) return undefined
  const {
    section_one_json,
    decision_json,
    review_json,
    meeting_json,
    person_json,
    children_json,
    timeline_json,
    allocation_json,
    views_json,
    offers_json,
    history_json,
    contacts_json,
    ...found
  } = row
  return {
    referral: found,
    sectionOne: rowFromJson<Row<'section_one'>>(section_one_json, timestamps.section_one),
    decision: rowFromJson<Row<'decision'>>(decision_json, timestamps.decision),
    review: rowFromJson<Row<'review'>>(review_json, timestamps.review),
    meeting: rowFromJson<Row<'meeting'>>(meeting_json, timestamps.meeting),
    person: rowFromJson<NonNullable<typeof person_json>>(person_json, {}),
    children: rowsFromJson<ResultOf<typeof referralChildrenQuery>>(children_json, {}),
    timeline: rowsFromJson<ResultOf<typeof listEventsQuery>>(timeline_json, timestamps.event),
    allocation: rowFromJson<ResultOf<typeof currentAllocationQuery>>(allocation_json, timestamps.allocation),
    views: rowFromJson<ResultOf<typeof viewsQuery>>(views_json, timestamps.views),
    childOffers: rowsFromJson<ResultOf<typeof offersForMeetingQuery>>(offers_json, timestamps.offer),
    allocationHistory: rowsFromJson<ResultOf<typeof allocationHistoryQuery>>(history_json, timestamps.history),
    contacts: rowsFromJson<ResultOf<typeof contactsQuery>>(contacts_json, {}),
  }
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

export async function referralChildren(db: Queryable, authorityId: string, referralId: string) {
  return referralChildrenQuery(db, authorityId, referralId).execute()
}

/**
 * `referralChildren`'s query, eldest first. `referralId` is an id, or the column of a query it is
 * read inside (the referral's page reads them with the referral).
 */
function referralChildrenQuery(db: Queryable, authorityId: string, referralId: string | Expression<string>) {
  return db
    .selectFrom('referral_child')
    .innerJoin('person', 'person.id', 'referral_child.person_id')
    .select(['person.id', 'person.given_name', 'person.family_name', 'person.date_of_birth', 'person.gender'])
    .where('referral_child.authority_id', '=', authorityId)
    .where('referral_child.referral_id', '=', referralId)
    .orderBy('person.date_of_birth')
    .orderBy('person.given_name')
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

export async function insertEvent(db: Queryable, event: NewRow<'referral_event'>): Promise<void> {
  await db.insertInto('referral_event').values(event).execute()
}

/** The referral's timeline, newest first, with who took each step: read with the referral (`findReferralWithRecords`). */
function listEventsQuery(db: Queryable, authorityId: string, referralId: string | Expression<string>) {
  return db
    .selectFrom('referral_event')
    .leftJoin('app_user', 'app_user.id', 'referral_event.actor_id')
    .select(['referral_event.event', 'referral_event.at', 'referral_event.note', 'referral_event.to_state', 'app_user.display_name as actor_name'])
    .where('referral_event.authority_id', '=', authorityId)
    .where('referral_event.referral_id', '=', referralId)
    .orderBy('referral_event.id', 'desc')
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
      'referral.sent_at',
      'referral.created_at',
      'meeting.type as meeting_type',
      'meeting.meeting_date',
    ])
    .where('referral.authority_id', '=', authorityId)
    .where('referral.person_id', '=', personId)
    .orderBy('referral.created_at', 'desc')
    .execute()
}

/**
 * When a draft last changed: its own row, its Section 1 or its meeting, whichever changed last.
 * (Ticking the children does not count.)
 */
const lastChanged = sql<Date>`greatest(referral.updated_at, section_one.updated_at, meeting.updated_at)`

export async function lastChangedAt(db: Queryable, authorityId: string, referralId: string): Promise<Date> {
  const row = await db
    .selectFrom('referral')
    .leftJoin('section_one', 'section_one.referral_id', 'referral.id')
    .leftJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .select(lastChanged.as('last_changed_at'))
    .where('referral.authority_id', '=', authorityId)
    .where('referral.id', '=', referralId)
    .executeTakeFirstOrThrow()
  return new Date(row.last_changed_at)
}

/**
 * Drafts, in every authority, not changed since `before`: those the service may close. Drafts wait
 * on their referrer, so the open-work index (`referral_waiting_on_user`) bounds the search.
 */
export async function draftsUnchangedSince(db: Queryable, before: Date) {
  return db
    .selectFrom('referral')
    .leftJoin('section_one', 'section_one.referral_id', 'referral.id')
    .leftJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .select(['referral.id', 'referral.authority_id'])
    .where('referral.state', '=', 'draft')
    .where('referral.waiting_on_user_id', 'is not', null)
    .where(lastChanged, '<', before)
    .orderBy('referral.id')
    .execute()
}

/** This referrer's drafts not changed since `before` (those the service will close soon), the oldest first. */
export async function draftsOfUnchangedSince(db: Queryable, authorityId: string, userId: string, before: Date) {
  const rows = await db
    .selectFrom('referral')
    .leftJoin('section_one', 'section_one.referral_id', 'referral.id')
    .leftJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .leftJoin('person', 'person.id', 'referral.person_id')
    .select(['referral.id', 'referral.reference', 'person.given_name', 'person.family_name', lastChanged.as('last_changed_at')])
    .where('referral.authority_id', '=', authorityId)
    .where('referral.waiting_on_user_id', '=', userId)
    .where('referral.state', '=', 'draft')
    .where(lastChanged, '<', before)
    .orderBy('last_changed_at')
    .limit(50)
    .execute()
  return rows.map((row) => ({ ...row, last_changed_at: new Date(row.last_changed_at) }))
}

/** A referral of the authority by its reference (`ADV-00012`), as a person types it. */
export async function findReferralByReference(db: Queryable, authorityId: string, reference: string) {
  return db
    .selectFrom('referral')
    .select(['id', 'reference', 'state'])
    .where('authority_id', '=', authorityId)
    .where('reference', '=', reference)
    .executeTakeFirst()
}
