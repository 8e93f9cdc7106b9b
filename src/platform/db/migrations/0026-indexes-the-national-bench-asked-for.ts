import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Indexes `npm run bench` asked for on the national dataset (150 authorities; issue 9): each list or
 * report below read the whole table, every authority's rows, to find one authority's.
 * - The admins' "Feedback to give later" in "My team's work" (`feedback_request` by authority and
 *   state): 118 ms a page.
 * - The words people agreed may be quoted, and the themes' counts, in the reports
 *   (`feedback_coding` by authority): 76 ms a report.
 * - "Children's advocates to refer": the offers accepted and not yet referred, by authority, in a
 *   partial index of those alone (half an authority's offers were read and thrown away).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index feedback_request_authority_state on feedback_request (authority_id, state)`,
    `create index feedback_coding_authority on feedback_coding (authority_id, response_id)`,
    `create index child_advocacy_offer_to_refer on child_advocacy_offer (authority_id, meeting_id) where answer = 'accepted' and child_referral_id is null`,
  ])
}
