import { sql } from 'kysely'
import type { AdvocacyEnquiryTable, Queryable } from '../../platform/db/schema.ts'
import type { EnquiryOutcome } from '../../vocabulary/enquiries.ts'
import type { Insertable } from 'kysely'

/** The enquiries' queries: every one names the authority. */

export type NewEnquiry = Omit<
  Insertable<AdvocacyEnquiryTable>,
  'id' | 'state' | 'outcome' | 'outcome_note' | 'referral_id' | 'closed_by' | 'closed_at' | 'version'
>

export async function insertEnquiry(db: Queryable, enquiry: NewEnquiry): Promise<string> {
  const row = await db.insertInto('advocacy_enquiry').values(enquiry).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/**
 * An open enquiry for the same person with the same contact, received since `since`: the same form
 * sent twice (a double click, a reload of the post), which is not a second enquiry.
 */
export async function findRecentTwin(
  db: Queryable,
  authorityId: string,
  twin: { name: string; phone: string | null; email: string | null; since: Date },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('advocacy_enquiry')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('state', '=', 'open')
    .where('received_at', '>', twin.since)
    .where('name', '=', twin.name)
    .where((eb) => (twin.phone === null ? eb('phone', 'is', null) : eb('phone', '=', twin.phone)))
    .where((eb) => (twin.email === null ? eb('email', 'is', null) : eb('email', '=', twin.email)))
    .executeTakeFirst()
  return row?.id
}

/** Open enquiries waiting on these teams (or, with no teams, on the whole authority), overdue first, then oldest. */
export async function openEnquiries(db: Queryable, authorityId: string, query: { teamIds?: readonly string[] | undefined; limit: number; offset: number }) {
  let select = db.selectFrom('advocacy_enquiry').where('authority_id', '=', authorityId).where('state', '=', 'open')
  if (query.teamIds) {
    if (query.teamIds.length === 0) return []
    select = select.where('team_id', 'in', query.teamIds)
  }
  return select
    .select(['id', 'name', 'received_at', 'due_on', 'meeting_type', 'meeting_date'])
    .orderBy('due_on')
    .orderBy('received_at')
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
}

export async function openEnquiryCount(db: Queryable, authorityId: string, query: { teamIds?: readonly string[] | undefined; today: string }) {
  let select = db.selectFrom('advocacy_enquiry').where('authority_id', '=', authorityId).where('state', '=', 'open')
  if (query.teamIds) {
    if (query.teamIds.length === 0) return { total: 0, overdue: 0 }
    select = select.where('team_id', 'in', query.teamIds)
  }
  const row = await select
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>(sql`case when due_on < ${query.today} then 1 end`).as('overdue')])
    .executeTakeFirstOrThrow()
  return { total: Number(row.total), overdue: Number(row.overdue) }
}

/** Enquiries closed recently, newest first. */
export async function closedEnquiries(db: Queryable, authorityId: string, limit: number) {
  return db
    .selectFrom('advocacy_enquiry')
    .select(['id', 'name', 'received_at', 'outcome', 'closed_at'])
    .where('authority_id', '=', authorityId)
    .where('state', '=', 'closed')
    .orderBy('closed_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
}

export async function findEnquiry(db: Queryable, authorityId: string, enquiryId: string) {
  return db
    .selectFrom('advocacy_enquiry')
    .leftJoin('referral', 'referral.id', 'advocacy_enquiry.referral_id')
    .leftJoin('app_user as closer', 'closer.id', 'advocacy_enquiry.closed_by')
    .selectAll('advocacy_enquiry')
    .select(['referral.reference as referral_reference', 'closer.display_name as closed_by_name'])
    .where('advocacy_enquiry.authority_id', '=', authorityId)
    .where('advocacy_enquiry.id', '=', enquiryId)
    .executeTakeFirst()
}

/** Closes the enquiry if it is still open at `version`; false when someone else closed or changed it first. */
export async function closeEnquiry(
  db: Queryable,
  authorityId: string,
  enquiryId: string,
  version: number,
  closing: { outcome: EnquiryOutcome; note: string | null; referralId: string | null; by: string; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('advocacy_enquiry')
    .set({
      state: 'closed',
      outcome: closing.outcome,
      outcome_note: closing.note,
      referral_id: closing.referralId,
      closed_by: closing.by,
      closed_at: closing.at,
      version: sql<number>`version + 1`,
    })
    .where('authority_id', '=', authorityId)
    .where('id', '=', enquiryId)
    .where('state', '=', 'open')
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The authorities with an enquiry closed before `before`. */
export async function authoritiesWithEnquiriesClosedBefore(db: Queryable, before: Date): Promise<string[]> {
  const rows = await db.selectFrom('advocacy_enquiry').select('authority_id').distinct().where('state', '=', 'closed').where('closed_at', '<', before).execute()
  return rows.map((row) => row.authority_id)
}

/** Deletes an authority's enquiries closed before `before`; how many. */
export async function deleteEnquiriesClosedBefore(db: Queryable, authorityId: string, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('advocacy_enquiry')
    .where('authority_id', '=', authorityId)
    .where('state', '=', 'closed')
    .where('closed_at', '<', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
