import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Feedback waiting, by its meeting (issue 9): "Feedback to give later" lists the oldest meetings
 * first, and joined every request waiting (7,420 on the embedded 100,000-referral dataset) to its
 * referral, meeting and person to keep fifty. With the requests waiting found by meeting, the list
 * reads the authority's meetings in date order and stops at its page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [`create index feedback_request_waiting on feedback_request (authority_id, meeting_id) where state = 'later'`])
}
