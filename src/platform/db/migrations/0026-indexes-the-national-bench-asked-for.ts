import type { Kysely } from 'kysely'
import { runStatements } from '../run-statements.ts'

/**
 * Indexes `npm run bench` asked for on the national dataset (150 authorities; issue 9): each list or
 * report below read the whole table, every authority's rows, to find one authority's.
 * - The admins' "Feedback to give later" in "My team's work" (`feedback_request` by authority and
 *   state): 118 ms a page.
 * - The words people agreed may be quoted, and the themes' counts, in the reports
 *   (`feedback_coding` by authority): 76 ms a report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index feedback_request_authority_state on feedback_request (authority_id, state)`,
    `create index feedback_coding_authority on feedback_coding (authority_id, response_id)`,
  ])
}
