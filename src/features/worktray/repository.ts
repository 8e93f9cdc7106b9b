import { sql } from 'kysely'
import type { ReferralState } from '../../vocabulary/referrals.ts'
import type { Queryable } from '../../platform/db/schema.ts'

export interface WorktrayQuery {
  readonly authorityId: string
  /** Items waiting on this person, or on any of these teams. */
  readonly waitingOn: { readonly userId: string } | { readonly teamIds: readonly string[] }
  readonly state: ReferralState | null
  /** Only items due on or before this date. */
  readonly dueBy: string | null
  /** Today, in the UK: items due before it are overdue and come first. */
  readonly today: string
  readonly limit: number
  readonly offset: number
}

function filtered(db: Queryable, query: WorktrayQuery) {
  let select = db.selectFrom('referral').where('referral.authority_id', '=', query.authorityId)
  if ('userId' in query.waitingOn) {
    select = select.where('referral.waiting_on_user_id', '=', query.waitingOn.userId)
  } else {
    const teamIds = query.waitingOn.teamIds
    if (teamIds.length === 0) return undefined
    select = select.where('referral.waiting_on_team_id', 'in', teamIds)
  }
  if (query.state) select = select.where('referral.state', '=', query.state)
  if (query.dueBy) select = select.where('referral.step_due_on', '<=', query.dueBy)
  return select
}

function wholeNumber(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`A page's limit and offset are whole numbers, not ${value}`)
  return value
}

/**
 * One page of a worktray: overdue first, then soonest due, then oldest. The page's referrals are
 * chosen first, from the referral table alone (its index on the team or user and the due date
 * serves the order), and only those are joined to what the list shows: a team with 40,000 items
 * waiting costs a page, not 40,000 joins. Overdue items need no sort key of their own: a date
 * before today already sorts before every later one.
 */
export async function worktrayPage(db: Queryable, query: WorktrayQuery) {
  const select = filtered(db, query)
  if (!select) return []
  const page = select
    .select(['referral.id as page_id', 'referral.step_due_on as page_due_on', 'referral.step_entered_at as page_entered_at'])
    .orderBy(sql`referral.step_due_on asc nulls last`)
    .orderBy('referral.step_entered_at')
    .orderBy('referral.id')
    // Written into the statement, not sent as parameters: PostgreSQL cannot cost a plan for a limit
    // it does not know, so it planned the prepared statement again on every request (8 ms of a
    // large team's page). Whole numbers only, checked here as well as where the page is read.
    .limit(sql.lit(wholeNumber(query.limit)))
    .offset(sql.lit(wholeNumber(query.offset)))
  return db
    .selectFrom(page.as('page'))
    .innerJoin('referral', 'referral.id', 'page.page_id')
    .leftJoin('person', 'person.id', 'referral.person_id')
    .leftJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .leftJoin('team', 'team.id', 'referral.waiting_on_team_id')
    .leftJoin('app_user as waiting_user', 'waiting_user.id', 'referral.waiting_on_user_id')
    .leftJoin('decision', 'decision.referral_id', 'referral.id')
    .leftJoin('allocation as offer', (join) => join.onRef('offer.referral_id', '=', 'referral.id').on('offer.status', '=', 'offered'))
    .select([
      'referral.id',
      'referral.reference',
      'referral.state',
      'referral.step_due_on',
      'referral.late',
      'person.given_name',
      'person.family_name',
      'meeting.type as meeting_type',
      'meeting.meeting_date',
      'team.name as team_name',
      'waiting_user.display_name as waiting_user_name',
      'decision.priority',
      'offer.id as offer_id',
    ])
    .orderBy(sql`page.page_due_on asc nulls last`)
    .orderBy('page.page_entered_at')
    .orderBy('page.page_id')
    .execute()
}

export async function worktrayCount(db: Queryable, query: WorktrayQuery): Promise<{ total: number; overdue: number }> {
  const select = filtered(db, query)
  if (!select) return { total: 0, overdue: 0 }
  const row = await select
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>(sql`case when referral.step_due_on < ${query.today} then 1 end`).as('overdue')])
    .executeTakeFirstOrThrow()
  return { total: Number(row.total), overdue: Number(row.overdue) }
}

/** Referrals this referrer made that have ended and that they have not opened since. */
export async function unreadEndings(db: Queryable, authorityId: string, referrerId: string, endedStates: readonly ReferralState[]) {
  return db
    .selectFrom('referral')
    .leftJoin('person', 'person.id', 'referral.person_id')
    .select(['referral.id', 'referral.reference', 'referral.state', 'referral.closed_at', 'person.given_name', 'person.family_name'])
    .where('referral.authority_id', '=', authorityId)
    .where('referral.referrer_id', '=', referrerId)
    .where('referral.state', 'in', endedStates)
    .where('referral.referrer_read_at', 'is', null)
    .orderBy('referral.closed_at', 'desc')
    .limit(20)
    .execute()
}

/**
 * One page of the referrals a referrer has made (sent), newest first, whatever has happened to
 * them since: served by the index `referral_made` (migration 0008), so its cost is one referrer's
 * referrals, not the authority's.
 */
export async function referralsMadePage(db: Queryable, authorityId: string, referrerId: string, limit: number, offset: number) {
  return db
    .selectFrom('referral')
    .leftJoin('person', 'person.id', 'referral.person_id')
    .leftJoin('meeting', 'meeting.id', 'referral.meeting_id')
    .leftJoin('team', 'team.id', 'referral.waiting_on_team_id')
    .leftJoin('app_user as waiting_user', 'waiting_user.id', 'referral.waiting_on_user_id')
    .leftJoin('review', 'review.referral_id', 'referral.id')
    .select([
      'referral.id',
      'referral.reference',
      'referral.state',
      'referral.sent_at',
      'referral.closed_at',
      'referral.closed_reason',
      'referral.late',
      'person.given_name',
      'person.family_name',
      'meeting.type as meeting_type',
      'meeting.meeting_date',
      'team.name as team_name',
      'waiting_user.display_name as waiting_user_name',
      'review.meeting_outcome',
    ])
    .where('referral.authority_id', '=', authorityId)
    .where('referral.referrer_id', '=', referrerId)
    .where('referral.sent_at', 'is not', null)
    .orderBy('referral.sent_at', 'desc')
    .orderBy('referral.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
}

export async function referralsMadeCount(db: Queryable, authorityId: string, referrerId: string): Promise<number> {
  const row = await db
    .selectFrom('referral')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('referral.authority_id', '=', authorityId)
    .where('referral.referrer_id', '=', referrerId)
    .where('referral.sent_at', 'is not', null)
    .executeTakeFirstOrThrow()
  return Number(row.total)
}
