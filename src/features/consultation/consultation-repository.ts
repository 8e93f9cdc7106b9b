import { sql } from 'kysely'
import type { Queryable } from '../../platform/db/schema.ts'
import { textArray } from '../../platform/db/text-array.ts'
import type { ConsultationBand, ConsultationDecline, ConsultationReader, ConsultationStatus, ConsultationWay } from '../../vocabulary/children.ts'
import type { ReferralState } from '../../vocabulary/referrals.ts'

/** Children's consultations before review conferences (migration 0025, ADR 31): the SQL alone. */

const columns = [
  'child_consultation.id',
  'child_consultation.meeting_id',
  'child_consultation.person_id',
  'child_consultation.status',
  'child_consultation.age_band',
  'child_consultation.done_how',
  'child_consultation.helper_name',
  'child_consultation.helper_relationship',
  'child_consultation.answers',
  'child_consultation.worrying_words',
  'child_consultation.share_with',
  'child_consultation.decline_reason',
  'child_consultation.decline_detail',
  'child_consultation.recorded_by',
  'child_consultation.recorded_at',
  'child_consultation.updated_at',
  'child_consultation.version',
] as const

/** A child's consultation for a meeting, with the name of the member of staff who recorded it; undefined while it is due. */
export async function findConsultation(db: Queryable, authorityId: string, meetingId: string, personId: string) {
  return db
    .selectFrom('child_consultation')
    .leftJoin('app_user', 'app_user.id', 'child_consultation.recorded_by')
    .select(columns)
    .select('app_user.display_name as recorded_by_name')
    .where('child_consultation.authority_id', '=', authorityId)
    .where('child_consultation.meeting_id', '=', meetingId)
    .where('child_consultation.person_id', '=', personId)
    .executeTakeFirst()
}

export type ConsultationRow = NonNullable<Awaited<ReturnType<typeof findConsultation>>>

/** Whether this member of staff is the advocate accepted for a referral. */
export async function isTheirAdvocate(db: Queryable, authorityId: string, referralId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('allocation')
    .innerJoin('advocate', 'advocate.id', 'allocation.advocate_id')
    .select('allocation.id')
    .where('allocation.authority_id', '=', authorityId)
    .where('allocation.referral_id', '=', referralId)
    .where('allocation.status', '=', 'accepted')
    .where('advocate.user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

/** The child's own referral started from their offer for this meeting (ADR 30), if any. */
export async function childReferralOf(db: Queryable, authorityId: string, meetingId: string, personId: string): Promise<string | null> {
  const row = await db
    .selectFrom('child_advocacy_offer')
    .select('child_referral_id')
    .where('authority_id', '=', authorityId)
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .executeTakeFirst()
  return row?.child_referral_id ?? null
}

/** The conference and the child a child's own referral was started for (ADR 30): what a child's session is consulted about. */
export async function conferenceOfChildReferral(db: Queryable, authorityId: string, childReferralId: string) {
  return db
    .selectFrom('child_advocacy_offer')
    .innerJoin('meeting', 'meeting.id', 'child_advocacy_offer.meeting_id')
    .innerJoin('person', 'person.id', 'child_advocacy_offer.person_id')
    .select([
      'child_advocacy_offer.meeting_id',
      'child_advocacy_offer.person_id',
      'meeting.type as meeting_type',
      'meeting.meeting_date',
      'person.given_name',
      'person.date_of_birth',
    ])
    .where('child_advocacy_offer.authority_id', '=', authorityId)
    .where('child_advocacy_offer.child_referral_id', '=', childReferralId)
    .executeTakeFirst()
}

export interface ConsultationChange {
  readonly status: ConsultationStatus
  readonly age_band: ConsultationBand
  readonly done_how: ConsultationWay
  readonly helper_name: string | null
  readonly helper_relationship: string | null
  readonly answers: Readonly<Record<string, string>>
  readonly worrying_words: boolean
  readonly share_with: readonly ConsultationReader[]
  readonly decline_reason: ConsultationDecline | null
  readonly decline_detail: string | null
  readonly recorded_by: string | null
}

function row(change: ConsultationChange) {
  return { ...change, answers: JSON.stringify(change.answers), share_with: textArray(change.share_with) }
}

/** Records a consultation unless one is recorded already (two people at once make one row): false when it was there first. */
export async function addConsultation(
  db: Queryable,
  key: { authorityId: string; meetingId: string; personId: string },
  change: ConsultationChange,
  now: Date,
): Promise<boolean> {
  const added = await db
    .insertInto('child_consultation')
    .values({ authority_id: key.authorityId, meeting_id: key.meetingId, person_id: key.personId, ...row(change), recorded_at: now, updated_at: now })
    .onConflict((conflict) => conflict.columns(['meeting_id', 'person_id']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return added !== undefined
}

/** Changes a consultation staff recorded, only if it is still the version read: false when someone saved it since. */
export async function changeConsultation(
  db: Queryable,
  key: { authorityId: string; meetingId: string; personId: string },
  version: number,
  change: ConsultationChange,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('child_consultation')
    .set({ ...row(change), updated_at: now, version: sql<number>`version + 1` })
    .where('authority_id', '=', key.authorityId)
    .where('meeting_id', '=', key.meetingId)
    .where('person_id', '=', key.personId)
    .where('version', '=', version)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/**
 * The children of coming review conferences (from `today`) of open referrals sent to the service,
 * with nothing recorded of their consultation: every one for the advocacy service, or those of the
 * people (parents, or the children themselves, ADR 30) this advocate works with. Ages are judged by
 * the service; children known to be under 4 on the day are left out here.
 *
 * One statement reads the authority's coming review conferences in date order (migration 0028's
 * index), looking up each one's children as it is read, and stops once it has `limit`: a busy
 * authority has hundreds of children in the coming weeks and the list shows the first fifty, while
 * a quiet one has a few in the coming months. (It read growing windows of days before, one
 * statement each: nine for a quiet authority, issue 9.) The lookup is a lateral subquery kept
 * apart by an offset, as ADR 38's lists are, so it is made per meeting in date order, not joined
 * for every meeting first.
 */
export async function consultationsWaiting(
  db: Queryable,
  authorityId: string,
  owner: { readonly advocateUserId: string } | { readonly service: true },
  today: string,
  openStates: readonly ReferralState[],
  limit: number,
) {
  return db
    .selectFrom('meeting')
    .innerJoinLateral(
      (eb) => {
        let children = eb
          .selectFrom('referral')
          .innerJoin('person as parent', 'parent.id', 'referral.person_id')
          .innerJoin('referral_child', 'referral_child.referral_id', 'referral.id')
          .innerJoin('person as child', 'child.id', 'referral_child.person_id')
          .leftJoin('child_consultation', (join) =>
            join.onRef('child_consultation.meeting_id', '=', 'meeting.id').onRef('child_consultation.person_id', '=', 'child.id'),
          )
          .leftJoin('child_advocacy_offer', (join) =>
            join.onRef('child_advocacy_offer.meeting_id', '=', 'meeting.id').onRef('child_advocacy_offer.person_id', '=', 'child.id'),
          )
          .select(['referral.id as referral_id', 'referral.reference', 'child.id as child_id', 'child.given_name', 'child.date_of_birth'])
          .whereRef('referral.meeting_id', '=', 'meeting.id')
          .where('referral.authority_id', '=', authorityId)
          .where('referral.sent_at', 'is not', null)
          .where('referral.state', 'in', openStates)
          .where('parent.kind', '=', 'adult')
          .where('child_consultation.id', 'is', null)
          .where((inner) =>
            inner.or([
              inner('child.date_of_birth', 'is', null),
              inner('child.date_of_birth', '<=', sql<string>`(meeting.meeting_date - interval '4 years')::date`),
            ]),
          )
        if ('advocateUserId' in owner) {
          const userId = owner.advocateUserId
          const theirs = (referralColumn: 'referral.id' | 'child_advocacy_offer.child_referral_id') =>
            sql<boolean>`exists (select 1 from allocation inner join advocate on advocate.id = allocation.advocate_id
              where allocation.referral_id = ${sql.ref(referralColumn)} and allocation.status = 'accepted' and advocate.user_id = ${userId})`
          children = children.where((inner) => inner.or([theirs('referral.id'), theirs('child_advocacy_offer.child_referral_id')]))
        }
        // An offset keeps the lookup apart, so it is made as each meeting is read, in date order.
        return children.offset(sql.lit(0)).as('waiting')
      },
      (join) => join.onTrue(),
    )
    .select(['waiting.referral_id', 'waiting.reference', 'waiting.child_id', 'waiting.given_name', 'waiting.date_of_birth', 'meeting.meeting_date'])
    .where('meeting.authority_id', '=', authorityId)
    .where('meeting.type', '=', 'review_conference')
    .where('meeting.meeting_date', '>=', today)
    .orderBy('meeting.meeting_date')
    .orderBy('waiting.reference')
    .orderBy('waiting.given_name')
    .orderBy('waiting.child_id')
    .limit(limit)
    .execute()
}

/**
 * A referral and one child named on it, as the consultation pages read them (in joins: the
 * referrals feature owns these tables): the referral's referrer and where it is, its meeting, the
 * child, whether this member of staff is the advocate accepted for it, and the child's own referral
 * (ADR 30) and whether they are the advocate accepted for that. Undefined when there is no such
 * referral in the authority; `child` undefined when the child is not named on it.
 */
export async function referralForConsultation(db: Queryable, authorityId: string, referralId: string, childId: string, userId: string) {
  const referral = await db
    .selectFrom('referral')
    .leftJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .leftJoin('person', 'person.id', 'referral.person_id')
    .select([
      'referral.id',
      'referral.reference',
      'referral.referrer_id',
      'referral.sent_at',
      'referral.state',
      'person.kind as person_kind',
      'meeting.id as meeting_id',
      'meeting.type as meeting_type',
      'meeting.meeting_date',
    ])
    .where('referral.authority_id', '=', authorityId)
    .where('referral.id', '=', referralId)
    .executeTakeFirst()
  if (!referral) return undefined
  const child = await db
    .selectFrom('referral_child')
    .innerJoin('person', 'person.id', 'referral_child.person_id')
    .select(['person.id', 'person.given_name', 'person.family_name', 'person.date_of_birth'])
    .where('referral_child.authority_id', '=', authorityId)
    .where('referral_child.referral_id', '=', referralId)
    .where('referral_child.person_id', '=', childId)
    .executeTakeFirst()
  const childReferralId = referral.meeting_id && child ? await childReferralOf(db, authorityId, referral.meeting_id, child.id) : null
  const [theirAdvocate, childsAdvocate] = await Promise.all([
    isTheirAdvocate(db, authorityId, referral.id, userId),
    childReferralId ? isTheirAdvocate(db, authorityId, childReferralId, userId) : false,
  ])
  return { ...referral, child, childReferralId, theirAdvocate, childsAdvocate }
}
