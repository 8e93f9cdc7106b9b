import { sql } from 'kysely'
import type { NewRow, Queryable } from '../../platform/db/schema.ts'
import type { PreviousConference } from '../../vocabulary/meetings.ts'
import type { MeetingType } from '../../vocabulary/referrals.ts'

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
